"""The reader's shortcuts give what the plain way gives: text cleaning, matching text, field assignment,
verbs."""

from __future__ import annotations

import itertools
import re

import pytest

from mandatekit.read.model import Kind, Origin, Paragraph, Span
from mandatekit.read.structure import _SEIZED, _remains_seized, set_fields
from mandatekit.read.text import read_text
from mandatekit.read.verbs import _LEADING, _fold_homoglyphs, coordinated_verbs, leading_verb
from mandatekit.textnorm import _ONE_TO_ONE, INVISIBLE, clean, for_matching

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\x0b\x0c\x85\u2028\u2029]+")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def plain_clean(text: str) -> str:
    """`clean` the plain way: drop invisible characters and control codes, fold every run of spaces (and
    of line or paragraph separators left inside a paragraph)."""
    return _SPACES.sub(" ", _CONTROLS.sub("", text.translate(INVISIBLE))).strip()


# Every character either function treats specially, beside ordinary ones and other unprintable ones: of
# the four thousand invisible ones, the first and last of each range and every one below U+E0000.
_INVISIBLE = [
    *sorted(c for c in INVISIBLE if c < 0xE0000),
    0xE0000,
    0xE0001,
    0xE0041,
    0xE007F,
    0xE0100,
    0xE0FFF,
]
_PIECES = ["a", " ", "  ", "é", "\u200e", "\u2028", "\u2029", "\x85", "\x9b", "\x7f", *map(chr, _INVISIBLE)]
_PIECES += [*_ONE_TO_ONE]
_PIECES += [chr(c) for c in range(32)] + ["\ufffe", "\uffff"]


@pytest.mark.parametrize("piece", _PIECES)
def test_clean_and_for_matching_as_the_plain_way(piece: str) -> None:
    for left, right in itertools.product(["", "x", " x ", "é "], repeat=2):
        text = f"{left}{piece}{right}{piece}{piece}z"
        assert clean(text) == plain_clean(text)
        assert for_matching(text) == text.translate(str.maketrans(_ONE_TO_ONE))


def test_set_assigns_as_pydantic_does() -> None:
    def paragraph() -> Paragraph:
        return Paragraph(index=0, kind=Kind.operative, text="Decides", origin=Origin(index=0))

    fast, plain = paragraph(), paragraph()
    set_fields(fast, verb="Decides", brackets=[Span(start=0, end=3)])
    plain.verb = "Decides"
    plain.brackets = [Span(start=0, end=3)]
    assert fast.__dict__ == plain.__dict__
    assert fast.model_fields_set == plain.model_fields_set
    assert list(fast.__dict__) == list(Paragraph.model_fields)


def test_a_coordinated_verb_right_after_a_comma() -> None:
    uses = coordinated_verbs("Condemns the attacks,decides to renew and further requests the Mission", 8)
    assert [(u.verb, u.verb_class.value) for u in uses] == [("decides", "decides"), ("requests", "requests")]


@pytest.mark.parametrize(
    "text",
    ["Decides to", "DECIDES that", "Further decides", "In this regard, requests", "Once again urges", "Decides2",
     "Recalling its", "Takes full note", "Se félicite de", "Décide de", "Сalls upon", "Mandate of MINUSCA", "x"],
)  # fmt: skip
def test_leading_verb_as_its_pattern_alone(text: str) -> None:
    """leading_verb rules out most paragraphs by their first word before trying its pattern."""
    m = _LEADING.match(_fold_homoglyphs(text))
    use = leading_verb(text)
    assert (use.verb if use else None) == (text[m.start("phrase") : m.end()] if m else None)


def test_remain_seized_as_its_pattern_alone() -> None:
    for text in [
        "Decides to remain seized of the matter.",
        "Decides to REMAIN actively SEIZED",
        "seized",
        "Remain ſeized",
    ]:
        assert _remains_seized(text) == bool(_SEIZED.search(text[:120]))


def test_lines_typed_with_numbers_start_paragraphs() -> None:
    """read_text tries the typed-number pattern only on lines opening as a number can: each of these
    wrapped lines but one ('and more') opens a paragraph of its own."""
    blocks = read_text(
        "Decides that\n(a) To protect\n  2. To report\nb) To support\nand more\n٣. Eastern digits\n"
    )
    texts = ["Decides that", "(a) To protect", "2. To report", "b) To support and more", "٣. Eastern digits"]
    assert [b.text for b in blocks] == texts
