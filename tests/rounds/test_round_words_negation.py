"""A few words inserted inside a phrase delete nothing, but words that turn it round are no insertion: the
phrase is gone (the review of round 11: 'hold no one accountable except those' is not 'hold accountable those')."""

from __future__ import annotations

from mandatekit.read import read_string
from mandatekit.round_words import _found


def _para(text: str):  # the one operative paragraph of a short draft
    document = read_string(f"The Security Council,\n\n1. {text}\n")
    return next(p for p in document.paragraphs if p.ref == "OP 1")


def test_words_inserted_inside_a_phrase_leave_it_there() -> None:
    assert _found(
        "hold accountable those",
        _para("Calls upon the authorities to hold accountable all those responsible;"),
    )


def test_a_negation_inserted_inside_a_phrase_removes_it() -> None:
    assert (
        _found(
            "hold accountable those",
            _para("Calls upon the authorities to hold no one accountable except those;"),
        )
        is None
    )


def test_more_than_three_inserted_words_in_all_remove_it() -> None:
    text = "Calls upon the authorities to hold, as appropriate, accountable for now all those responsible;"
    assert _found("hold accountable those", _para(text)) is None


def test_a_phrase_with_its_own_negation_is_still_found_with_an_insertion() -> None:
    text = "Demands that all parties shall not ever recruit children;"
    assert _found("shall not recruit", _para(text))


def test_an_empty_piece_of_a_diff_is_no_punctuation() -> None:
    from mandatekit.round_words import spaced

    pieces = [{"text": "and"}, {"text": ""}, {"text": "requests"}]
    assert spaced(pieces) == ["", " ", " "]
