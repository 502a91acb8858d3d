"""The reader's shortcuts give what the plain way gives: text cleaning, matching text, field assignment."""

from __future__ import annotations

import itertools
import re

import pytest

from mandatekit.read.model import Kind, Origin, Paragraph, Span
from mandatekit.read.structure import _set
from mandatekit.read.verbs import coordinated_verbs
from mandatekit.textnorm import _ONE_TO_ONE, INVISIBLE, clean, for_matching

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]+")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def plain_clean(text: str) -> str:
    """`clean` as first written: drop invisible and illegal characters, fold every run of spaces."""
    return _SPACES.sub(" ", _XML_ILLEGAL.sub("", text.translate(INVISIBLE))).strip()


# Every character either function treats specially, beside ordinary ones and other unprintable ones.
_PIECES = ["a", " ", "  ", "é", "\u200e", "\u2028", "\x7f", *map(chr, INVISIBLE), *_ONE_TO_ONE]
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
    _set(fast, verb="Decides", brackets=[Span(start=0, end=3)])
    plain.verb = "Decides"
    plain.brackets = [Span(start=0, end=3)]
    assert fast.__dict__ == plain.__dict__
    assert fast.model_fields_set == plain.model_fields_set
    assert list(fast.__dict__) == list(Paragraph.model_fields)


def test_a_coordinated_verb_right_after_a_comma() -> None:
    uses = coordinated_verbs("Condemns the attacks,decides to renew and further requests the Mission", 8)
    assert [(u.verb, u.verb_class.value) for u in uses] == [("decides", "decides"), ("requests", "requests")]
