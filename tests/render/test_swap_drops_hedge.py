"""A replacement that strengthens a paragraph's verb drops the hedge its gap section names as a shortfall:
'Replace OP 3: ~~Encourages~~ Requests … to report, as appropriate, …' would fix one shortfall and keep the
other."""

from __future__ import annotations

from pathlib import Path

from mandatekit.api import setup
from mandatekit.read import read
from mandatekit.render.replacement import swap_verb

DRAFT = """United States of America: draft resolution

The Security Council,

1. Decides to extend the mandate of UNMISS until 30 April 2025;

2. Encourages the Secretary-General to report, as appropriate, violations of the SOFA or obstructions to \
UNMISS on a monthly basis;

3. Decides to remain actively seized of the matter.
"""


def test_the_stronger_verb_comes_without_the_hedge_the_section_names(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    document = read(path)
    report = setup().judge(document)
    finding = next(f for f in report.findings if f.rule == "sofa-reporting")
    assert "'as appropriate' (OP 2) qualifies the commitment" in finding.hedges  # what the section names
    op2 = next(p for p in document.paragraphs if p.ref == "OP 2")
    assert swap_verb(op2, finding) == (
        "Requests the Secretary-General to report violations of the SOFA or obstructions to UNMISS on a monthly "
        "basis;"
    )


def test_a_hedge_the_section_does_not_name_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT.replace("report, as appropriate,", "report"), encoding="utf-8")
    document = read(path)
    finding = next(f for f in setup().judge(document).findings if f.rule == "sofa-reporting")
    op2 = next(p for p in document.paragraphs if p.ref == "OP 2")
    assert swap_verb(op2, finding) == "Requests" + op2.text[len("Encourages") :]
