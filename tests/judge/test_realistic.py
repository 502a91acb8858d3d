"""A draft worded like an adopted resolution (long sub-paragraphs, lists, 'Condemns ... and requests'), with
verdicts decided from the recommendations, not from the tool's output; the same text as PDF must agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit import check
from tests.builders import save_pdf

DRAFT = Path(__file__).parent / "drafts" / "adopted-style.txt"
EXPECTED = {
    "hr-monitoring": "met",  # monitor, help investigate, report publicly ... including by the Armed Forces
    "hrddp-support": "met",  # any support ... in strict compliance with the HRDDP
    "poc-impartial": "missing",  # only the boilerplate "consent of the parties, impartiality"
    "poc-priority": "met",  # "shall give priority to the following tasks: (a) Protection of civilians"
    "sofa-reporting": "met",  # "Condemns the violations of the SOFA, and requests the SG to report on them"
    "sofa-compliance": "partial",  # "Demands ... unconditional freedom of movement": the SOFA not named
    "accountability": "met",
    "atrocity-prevention": "missing",
    "bilateral-forces": "partial",  # "other security personnel" only in the preamble
    "children": {"met", "partial"},  # child protection advisers, no word on recruitment
    "force-capacity": "missing",
    "harm-mitigation": "missing",
    "hrddp-mitigation": "missing",
    "hrddp-resources": "missing",
    "humanitarian-access": "met",
    "peace-process": "met",
    "ddrr": "met",
    "ssr-support": "met",
    "ssr-vetting": "met",  # a robust vetting policy of all defence and security personnel
    "ssr-conduct": "missing",
    "un-personnel-safety": "met",
    "poc-policy": "missing",
}


def verdicts(path: Path) -> dict[str, str]:
    return {f.rule: f.verdict.value for f in check(path).findings}


def agree(got: dict[str, str]) -> list[str]:
    wrong = []
    for rule, want in EXPECTED.items():
        allowed = want if isinstance(want, set) else {want}
        if got[rule] not in allowed:
            wrong.append(f"{rule}: {got[rule]} (expected {'/'.join(sorted(allowed))})")
    return wrong


def test_text_draft_verdicts() -> None:
    assert agree(verdicts(DRAFT)) == []


@pytest.mark.parametrize("fmt", ["pdf"])
def test_the_same_draft_as_pdf(tmp_path: Path, fmt: str) -> None:
    pdf = save_pdf(DRAFT.read_text(encoding="utf-8"), tmp_path / "adopted.pdf", header="S/RES/2605 (2021)")
    assert verdicts(pdf) == verdicts(DRAFT)
