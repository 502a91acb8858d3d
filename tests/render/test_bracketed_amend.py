"""The draft's own version of a recommendation stands in square brackets, short of some words (trial 15, F5):
the fix is to agree the bracketed text with the words it still lacks, typed inside its brackets — never a
near-copy of it as a new item beside it, which no drafter could table."""

from __future__ import annotations

from pathlib import Path

from mandatekit.api import setup
from mandatekit.read import read
from mandatekit.render.placement import place
from tests.builders import DraftBuilder

SETUP = setup()
BRACKETED = (
    "[To monitor, investigate, verify, and report immediately, publicly, and regularly on abuses and "
    "violations of human rights and violations of international humanitarian law, including those that may "
    "amount to war crimes or crimes against humanity;]"
)


def _draft(item: str) -> DraftBuilder:
    b = DraftBuilder().front("The Security Council,")
    b.pp("Recalling", "its previous resolutions on the situation in South Sudan,")
    b.op("Decides", "to extend the mandate of UNMISS until 30 April 2026;")
    b.op("Decides", "that the mandate of UNMISS shall include the following tasks:")
    b.sub(
        "To protect civilians under threat of physical violence, irrespective of the source of such violence;"
    )
    b.sub(item)
    b.sub("To support the work of the Ceasefire and Transitional Security Arrangements Monitoring and "
          "Verification Mechanism;")  # fmt: skip
    b.op("Decides", "to remain actively seized of the matter.")
    return b


def test_a_bracketed_paragraph_short_of_words_is_agreed_with_them(tmp_path: Path) -> None:
    document = read(_draft(BRACKETED).save(tmp_path / "bracketed.docx"))
    bracketed = next(p for p in document.paragraphs if p.brackets)
    report = SETUP.judge(document)
    assert next(f for f in report.findings if f.rule == "hr-monitoring").verdict.value == "partial"
    fix = place(report, document, SETUP.judge)["hr-monitoring"]
    assert fix.paragraph == bracketed.index and fix.action == "replace"
    assert fix.where.startswith(f"Agree the bracketed text in {bracketed.ref}")
    # the drafter's words and brackets stay; the missing words go inside them
    assert fix.text.startswith(BRACKETED[:-2]) and fix.text.endswith(";]") and "all actors" in fix.text
    assert fix.text.count("[") == 1


def test_a_paragraph_with_only_a_clause_bracketed_is_not_amended_inside_it(tmp_path: Path) -> None:
    """Near miss: only a clause in brackets. The words the rule lacks would sit beside what the bracket says."""
    clause = BRACKETED[1:-2].replace("including those", "[including those") + "];"
    document = read(_draft(clause).save(tmp_path / "clause.docx"))
    report = SETUP.judge(document)
    fix = place(report, document, SETUP.judge).get("hr-monitoring")
    assert fix is None or "with the words it lacks" not in fix.where
