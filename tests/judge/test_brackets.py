"""Square brackets: unagreed text is named in the reason; a placeholder of model language is not unagreed."""

from __future__ import annotations

from pathlib import Path

from mandatekit import check
from tests.builders import DraftBuilder, Run
from tests.judge.one_rule import finding


def test_the_reason_names_the_element_found_only_in_brackets() -> None:
    f = finding(
        "4. Requests the Mission to monitor and report publicly on human rights violations committed by "
        "armed groups [and by the national defence and security forces];",
        "hr-monitoring",
    )
    assert f.verdict == "partial"
    assert any(
        r.startswith("Coverage of all actors, state forces and partners included stands only in bracketed, "
                     "unagreed text in OP 4") for r in f.reasons
    ), f.reasons  # fmt: skip


def test_a_partial_set_in_brackets_says_so() -> None:
    f = finding("3. [Welcomes the Mission's application of the HRDDP];", "hrddp-support")
    assert f.verdict == "partial"
    assert any("only in bracketed, unagreed text in OP 3" in r for r in f.reasons), f.reasons


def test_aide_memoire_placeholders_are_not_negotiation_brackets() -> None:
    # The OCHA Aide Memoire's agreed HRDDP language, with its placeholders left in.
    f = finding(
        "1. Requests [UN Mission] to ensure that any support provided to non-United Nations security forces, "
        "including the forces of [Government of affected country], is provided in strict compliance with the "
        "Human Rights Due Diligence Policy on United Nations Support to non-United Nations Security Forces;",
        "hrddp-support",
    )
    assert f.verdict == "met", f.reasons


def test_a_bracketed_word_is_still_unagreed_beside_a_placeholder() -> None:
    f = finding(
        "1. Requests [UN Mission] to ensure that any support provided to the national forces is provided in "
        "[strict compliance with the Human Rights Due Diligence Policy];",
        "hrddp-support",
    )
    assert f.verdict == "partial"
    assert any("only in bracketed, unagreed text in OP 1" in r for r in f.reasons), f.reasons


def test_placeholder_brackets_are_not_read_as_unagreed() -> None:
    from mandatekit.read import read_string

    doc = read_string(
        "1. Requests [UN Mission] and [Government of affected country] to cooperate with [name of mission], "
        "[X] and [the Mission] [strict] [Decides/Requests] [and its partners] [MINUSCA];"
    )
    op = doc.by_ref("OP 1")
    assert op is not None
    assert [op.text[b.start : b.end] for b in op.brackets] == [
        "[strict]",
        "[Decides/Requests]",
        "[and its partners]",
        "[MINUSCA]",
    ]


def test_the_reason_says_when_the_words_are_only_in_a_pending_tracked_change(tmp_path: Path) -> None:
    draft = (
        DraftBuilder()
        .front("The Security Council,")
        .runs(
            Run("Requests", "italic"),
            Run(
                " the Mission to monitor and report publicly on human rights violations committed by armed groups"
            ),
            Run(" and by the national defence and security forces", "ins"),
            Run(";"),
        )
        .save(tmp_path / "draft.docx")
    )
    f = check(draft, only=["hr-monitoring"]).findings[0]
    assert f.verdict == "met"  # the text is read with every change accepted
    assert any(
        r.startswith("Coverage of all actors, state forces and partners included stands only in a pending "
                     "tracked change in OP 1") for r in f.reasons
    ), f.reasons  # fmt: skip


def test_a_links_text_is_not_unagreed() -> None:
    # S/RES/2577 (2021) as exported with its links: the words in brackets are the link's text, its address
    # follows at once; the same words in brackets without an address are under negotiation.
    words = "to monitor and report publicly on human rights violations"
    linked = finding(
        f"4. Requests the Mission [{words}](https://undocs.org/en/S/RES/1998(2011));", "hr-monitoring"
    )
    assert not any("bracket" in r for r in linked.reasons)
    bracketed = finding(f"4. Requests the Mission [{words}] (2011);", "hr-monitoring")
    assert any("bracketed, unagreed text in OP 4" in r for r in bracketed.reasons)
