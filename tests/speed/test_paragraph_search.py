"""Searching only the paragraphs that hold the words a pattern set needs, with a program of only the phrases
that could match, finds exactly what the whole program finds in the whole text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit.api import setup
from mandatekit.judge import Prepared, search
from mandatekit.read import read, read_string
from mandatekit.rulebook.patterns import compile_patterns, expand_placeholders, phrase_needs
from mandatekit.rulebook.profiles import bundled_terms

from .test_latin1 import TEXT

ROOT = Path(__file__).resolve().parents[2]


def documents():  # type: ignore[no-untyped-def]
    rulebook = setup().rulebook
    texts = [TEXT, TEXT.upper(), *(e.text for r in rulebook.rules for e in r.examples)]
    # Neighbouring paragraphs, far ones, a phrase's words split over two paragraphs: never one match.
    texts.append(
        "The Security Council,\n\n1. Requests the Mission to protect\n\n2. civilians from all armed actors;\n\n"
        + "".join(f"{n}. Decides to remain seized of the matter;\n\n" for n in range(3, 60))
        + "60. Requests the Mission to protect civilians, including from national forces;\n"
    )
    docs = [read_string(t) for t in texts]
    docs += [read(p) for p in sorted((ROOT / "tests" / "judge" / "real").glob("*.txt"))]
    docs.append(read(ROOT / "examples" / "minusca-zero-draft.docx"))
    return rulebook, docs


def whole_text(prepared: Prepared, phrases: list[str], regexes: list[str]) -> list[tuple[int, int, int]]:
    return prepared.find(compile_patterns(phrases, regexes))


@pytest.mark.parametrize("first_document", [True, False])
def test_paragraphs_searched_find_what_the_whole_text_holds(
    first_document: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    rulebook, docs = documents()
    compared = found = 0
    for document in docs:
        # The first document of a process compiles programs of only the phrases that could match in it.
        monkeypatch.setattr(search, "_documents", 0 if first_document else 2)
        prepared = Prepared(document)
        for rule in rulebook.rules:
            # An element read by structure alone (`reads`, judge/forces.py) searches no words.
            for patterns in [p for p in [*rule.elements.values(), *rule.exclude] if p.phrases or p.regex]:
                phrases = expand_placeholders(tuple(patterns.phrases), bundled_terms())
                expected = whole_text(prepared, phrases, patterns.regex)
                assert prepared.find_in(phrases, patterns.regex) == expected, rule.id
                compared += 1
                found += bool(expected)
    assert compared > 1000 and found > 100


def test_a_text_too_large_to_index_is_searched_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "_INDEX_PARAGRAPHS_UP_TO", 2)
    rulebook, docs = documents()
    prepared = Prepared(docs[-1])
    assert len(prepared.judged) > 2
    for rule in rulebook.rules:
        for patterns in [p for p in [*rule.elements.values(), *rule.exclude] if p.phrases or p.regex]:
            phrases = expand_placeholders(tuple(patterns.phrases), bundled_terms())
            assert prepared.find_in(phrases, patterns.regex) == whole_text(prepared, phrases, patterns.regex)
    assert prepared._places is None  # never indexed


def test_what_a_phrase_needs() -> None:
    # Optional groups and one-letter words need nothing; a group needs one of its alternatives, and an
    # alternative that another one's start covers is left out.
    assert phrase_needs("(national|state)? forces of the (perpetrator|perpetrators)") == (
        "force",
        "th",
        "perpetrato",
    )
    assert phrase_needs("(justice|accountability) (and|for) (the)? victims") == (
        (("justic",), ("accountabilit",)),
        (("an",), ("fo",)),
        "victim",
    )
    assert phrase_needs("(a|of) civilians") == ("civilian",)  # "a" needs nothing: neither does the group
    assert phrase_needs("Σωκράτης forces") is None  # a UTF-8 program: could match anything
