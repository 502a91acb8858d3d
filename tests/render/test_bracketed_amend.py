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


def test_a_bracketed_paragraph_short_of_words_is_agreed_with_them(tmp_path: Path) -> None:
    b = DraftBuilder().front("The Security Council,")
    b.pp("Recalling", "its previous resolutions on the situation in South Sudan,")
    b.op("Decides", "to extend the mandate of UNMISS until 30 April 2026;")
    b.op("Decides", "that the mandate of UNMISS shall include the following tasks:")
    b.sub(
        "To protect civilians under threat of physical violence, irrespective of the source of such violence;"
    )
    b.sub(BRACKETED)
    b.sub("To support the work of the Ceasefire and Transitional Security Arrangements Monitoring and "
          "Verification Mechanism;")  # fmt: skip
    b.op("Decides", "to remain actively seized of the matter.")
    document = read(b.save(tmp_path / "bracketed.docx"))
    bracketed = next(p for p in document.paragraphs if p.brackets)
    report = SETUP.judge(document)
    assert next(f for f in report.findings if f.rule == "hr-monitoring").verdict.value == "partial"
    fix = place(report, document, SETUP.judge)["hr-monitoring"]
    assert fix.paragraph == bracketed.index and fix.action == "replace"
    assert fix.where.startswith(f"Agree the bracketed text in {bracketed.ref}")
    # the drafter's words and brackets stay; the missing words go inside them
    assert fix.text.startswith(BRACKETED[:-2]) and fix.text.endswith(";]") and "all actors" in fix.text
    assert fix.text.count("[") == 1
