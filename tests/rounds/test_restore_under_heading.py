"""A paragraph the round deleted that opened a heading's paragraphs in the previous round ('Reporting:' over
it) goes back under that heading, not after its old predecessor above the heading (trial 15, F7)."""

from __future__ import annotations

from pathlib import Path

from mandatekit.api import setup
from mandatekit.read import read
from mandatekit.read.model import Document
from mandatekit.render.accepted import accepted_text
from mandatekit.render.placement import place
from tests.builders import DraftBuilder

SETUP = setup()
SOFA = "to continue to report violations of the SOFA or obstructions to UNMISS on a monthly basis;"


def _draft(path: Path, with_sofa: bool) -> Document:
    b = DraftBuilder().front("The Security Council,")
    b.pp("Recalling", "its previous resolutions on the situation in South Sudan,")
    b.op("Decides", "to extend the mandate of UNMISS until 30 April 2026;")
    b.op("Condemns", "all violations of the Status of Forces Agreement and obstructions of the freedom of "
         "movement of UNMISS;")  # fmt: skip
    b.heading("Reporting:")
    if with_sofa:
        b.op("Requests the Secretary-General", SOFA)
    b.op("Requests", "the Secretary-General to report to the Council on the implementation of this resolution "
         "every 90 days;")  # fmt: skip
    b.op("Decides", "to remain actively seized of the matter.")
    return read(b.save(path))


def test_a_restored_paragraph_goes_back_under_its_heading(tmp_path: Path) -> None:
    old, new = _draft(tmp_path / "r1.docx", True), _draft(tmp_path / "r2.docx", False)
    fix = place(SETUP.judge(new), new, SETUP.judge, previous=(old, SETUP.judge(old)))["sofa-reporting"]
    assert fix.action == "insert" and fix.text.endswith(SOFA)
    assert fix.paragraph is not None and new.paragraphs[fix.paragraph].text.startswith("Reporting")
    assert "Reporting" in fix.where
    text = accepted_text(new, [fix])
    assert text.index("Reporting:") < text.index(SOFA) < text.index("every 90 days")
