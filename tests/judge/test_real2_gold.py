"""Eighteen more real resolutions (issue 21: peacekeeping renewals of every kind, AU and multinational
authorisations, sanctions and thematic texts), each coded for all 22 rules by two blind coders who saw only the
spec, adjudicated by a third: tests/judge/real2/gold.yaml. This is the tuning two-thirds of the set (the holdout
is kept where nobody tuning reads it). The tool is not expected to agree on every cell: the floor below is what it
reaches today, and it may only rise. `benchmarks/gold_agreement.py` prints every disagreement."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from mandatekit import check

REAL2 = Path(__file__).parent / "real2"
GOLD = yaml.safe_load((REAL2 / "gold.yaml").read_text(encoding="utf-8"))["resolutions"]
AGREEING_CELLS_AT_LEAST = 337  # of 396 (319 before tuning, 327 after the first round)
FALSE_MET_AT_MOST = 0  # 7 before tuning, 4 after the first round


def allowed(cell: dict) -> set[str]:
    return set(cell["verdict"]) if isinstance(cell["verdict"], list) else {cell["verdict"]}


@cache
def verdicts(name: str) -> dict[str, str]:
    return {f.rule: f.verdict.value for f in check(REAL2 / f"{name}.txt").findings}


def test_agreement_with_the_coders_holds_its_floor() -> None:
    agree = false_met = 0
    wrong = []
    for name, coded in GOLD.items():
        for rule, cell in coded["cells"].items():
            got = verdicts(name)[rule]
            agree += got in allowed(cell)
            false_met += got == "met" and "met" not in allowed(cell)
            if got not in allowed(cell):
                wrong.append(f"{name} {rule}: tool {got}, coders {'/'.join(sorted(allowed(cell)))}")
    assert false_met <= FALSE_MET_AT_MOST, wrong
    assert agree >= AGREEING_CELLS_AT_LEAST, wrong


def test_every_rule_is_coded_for_every_resolution() -> None:
    from mandatekit.api import setup

    rules = {r.id for r in setup().rulebook.rules}
    for name, coded in GOLD.items():
        assert set(coded["cells"]) == rules, name
        assert (REAL2 / f"{name}.txt").is_file(), name
