"""A pattern set is left uncompiled only when it cannot match: never when its program would find something."""

from __future__ import annotations

from pathlib import Path

from mandatekit.api import setup
from mandatekit.judge import Prepared
from mandatekit.read import read, read_string
from mandatekit.rulebook.patterns import compile_patterns, could_match, expand_placeholders
from mandatekit.rulebook.profiles import bundled_terms

from .test_latin1 import TEXT

ROOT = Path(__file__).resolve().parents[2]


def starts_in(*words: str):  # type: ignore[no-untyped-def]
    return lambda start: any(w.startswith(start) for w in words)


def test_a_phrase_needs_every_word_outside_optional_groups() -> None:
    phrase = "(national|state) forces ... (report|reporting)? civilians"
    assert could_match(phrase, starts_in("state", "forced", "civilians"))  # an inflection: forc·ed
    assert not could_match(phrase, starts_in("state", "civilians"))  # no word starting with "forc"
    assert not could_match(phrase, starts_in("federal", "forces", "civilians"))  # no alternative of the group
    assert could_match(phrase, starts_in("national", "forces", "civilian"))  # optional group absent
    assert could_match("=HRDDP accountab*", starts_in("hrddp", "accountable"))
    assert not could_match("=HRDDP accountab*", starts_in("hrddp"))


def test_a_phrase_that_may_not_be_latin1_is_never_ruled_out() -> None:
    assert could_match("Σωκράτης forces", starts_in())
    assert could_match("'s forces (", starts_in())  # malformed: refused at load, never ruled out here


def test_no_bundled_pattern_set_that_finds_something_is_ruled_out() -> None:
    rulebook = setup().rulebook
    texts = [TEXT, TEXT.upper(), TEXT.lower(), *(e.text for r in rulebook.rules for e in r.examples)]
    documents = [read_string(t) for t in texts]
    documents += [read(p) for p in sorted((ROOT / "tests" / "judge" / "real").glob("*.txt"))]
    documents.append(read(ROOT / "examples" / "minusca-zero-draft.docx"))
    found = ruled_out = 0
    for document in documents:
        prepared = Prepared(document)
        for rule in rulebook.rules:
            # An element read by structure alone (`reads`, judge/forces.py) searches no words.
            for patterns in [p for p in [*rule.elements.values(), *rule.exclude] if p.phrases or p.regex]:
                hits = prepared.find(
                    compile_patterns(
                        expand_placeholders(tuple(patterns.phrases), bundled_terms()), patterns.regex
                    )
                )
                possible = bool(patterns.regex) or prepared.could_match(
                    expand_placeholders(tuple(patterns.phrases), bundled_terms())
                )
                assert possible or not hits, (rule.id, hits[:1])
                found += bool(hits)
                ruled_out += not possible
    assert found > 100 and ruled_out > 100
