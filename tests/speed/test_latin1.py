"""Patterns compiled in Latin-1 mode find exactly what they find in UTF-8 mode, on any text."""

from __future__ import annotations

import re2

from mandatekit.api import setup
from mandatekit.rulebook.latin1 import as_latin1, searched_text, searches_latin1
from mandatekit.rulebook.patterns import _options, compile_patterns, compile_regex, expand_placeholders
from mandatekit.rulebook.profiles import bundled_terms

TEXT = (
    "Requests MINUSCA to protect civilians in Côte d’Ivoire — “within its capabilities” — and to support "
    "the Forces armées centrafricaines (FACA); Ǆemal, Σωκράτης, 北京, 🙂 and the ﬁnancial support of "
    "Straße and STRASSE; the Kelvin sign: \u212aILLINGS of civilians; long s: \u017fexual violence; "
    "ŸES, Ærø, Ångström \u212bngström; monitor and report on human rights violations by all actors; "
    "µ-grants \u039c-grants; the Human Rights Due Diligence Policy (HRDDP) applies to ﬁnance; "
    "accountability for crimes; the Status-of-Forces Agreement (SOFA) shall be respected"
)


def utf8_spans(program, text: str) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    utf8 = re2.compile(program.pattern.decode("latin-1"), _options())
    return [(m.start(), m.end()) for m in utf8.finditer(text)]


def test_every_bundled_pattern_finds_the_same_in_latin1_and_utf8() -> None:
    rulebook = setup().rulebook
    texts = [TEXT, TEXT.upper(), TEXT.lower(), *(e.text for r in rulebook.rules for e in r.examples)]
    checked = 0
    for rule in rulebook.rules:
        for patterns in [*rule.elements.values(), *rule.exclude]:
            program = compile_patterns(
                expand_placeholders(tuple(patterns.phrases), bundled_terms()), patterns.regex
            )
            if not isinstance(program.pattern, bytes):
                continue
            for text in texts:
                latin1 = [(m.start(), m.end()) for m in program.finditer(as_latin1(text))]
                assert latin1 == utf8_spans(program, text), (rule.id, program.pattern[:80])
                checked += 1
    assert checked > 1000


def test_a_regex_naming_a_character_past_latin1_stays_utf8() -> None:
    program = compile_patterns([], ["Σωκράτης|\\p{Greek}+"])
    assert isinstance(program.pattern, str)
    assert compile_patterns(["protect civilians"], []).pattern.__class__ is bytes


def test_a_program_is_searched_in_its_own_encoding() -> None:
    # One choice of Latin-1 or UTF-8 bytes for every caller (the search, the acronyms' spellings).
    latin1, utf8 = compile_regex(r"café \w+"), compile_regex(r"\p{Greek}+")
    assert searches_latin1(latin1) and not searches_latin1(utf8)
    assert searched_text(latin1, "le café noir") == "le café noir".encode("latin-1")
    assert latin1.search(searched_text(latin1, "le café noir")).span() == (3, 12)  # character offsets
    assert utf8.search(searched_text(utf8, "Σωκράτης")).group() == "Σωκράτης".encode()
