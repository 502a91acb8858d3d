"""The title and symbol read as the drafter typed them (trial 12, F11): the subject line after "Draft resolution"
is the title, and a revision's symbol keeps its "/Rev.1", so two rounds' memos are told apart by their heading."""

from __future__ import annotations

from mandatekit.read import read_string

BODY = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n"


def _front(*lines: str):  # type: ignore[no-untyped-def]
    return read_string("\n\n".join(lines) + "\n\n" + BODY).front


def test_the_subject_line_after_the_label_is_the_title() -> None:
    front = _front(
        "United Nations S/2023/XXX/Rev.1",
        "Security Council",
        "Draft resolution",
        "Libya: renewal of the mandate of the United Nations Support Mission in Libya",
    )
    assert front.title == "Libya: renewal of the mandate of the United Nations Support Mission in Libya"
    assert front.symbol == "S/2023/XXX/Rev.1"


def test_the_label_is_the_title_where_there_is_no_subject_line() -> None:
    front = _front("United Nations S/2024/123", "Security Council", "Draft resolution")
    assert front.title == "Draft resolution"
    assert front.symbol == "S/2024/123"


def test_a_sponsor_label_is_not_the_title_either() -> None:
    front = _front("S/2024/123/Rev. 2", "France: draft resolution", "Renewal of the mandate of the Mission")
    assert front.title == "Renewal of the mandate of the Mission"
    assert front.symbol == "S/2024/123/Rev. 2"


def test_a_title_that_is_not_a_bare_label_stays() -> None:
    front = _front("S/2026/901", "Draft resolution: renewal of the mandate of the Mission")
    assert front.title == "Draft resolution: renewal of the mandate of the Mission"
