"""Blind-coded real resolutions (a folder of <name>.txt and gold.yaml): the tool's agreement with the coders."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from mandatekit import check


def gold(folder: Path) -> dict:
    return yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))["resolutions"]


def allowed(cell: dict) -> set[str]:
    return set(cell["verdict"]) if isinstance(cell["verdict"], list) else {cell["verdict"]}


@cache
def verdicts(path: Path) -> dict[str, str]:
    return {f.rule: f.verdict.value for f in check(path).findings}


def agreement(folder: Path) -> tuple[int, int, list[str]]:
    """(agreeing cells, false met, one line per disagreement)."""
    agree = false_met = 0
    wrong = []
    for name, coded in gold(folder).items():
        got_all = verdicts(folder / f"{name}.txt")
        for rule, cell in coded["cells"].items():
            got = got_all[rule]
            agree += got in allowed(cell)
            false_met += got == "met" and "met" not in allowed(cell)
            if got not in allowed(cell):
                wrong.append(f"{name} {rule}: tool {got}, coders {'/'.join(sorted(allowed(cell)))}")
    return agree, false_met, wrong


def assert_floor(folder: Path, agreeing_at_least: int, false_met_at_most: int) -> None:
    """The judge agrees with the coders on at least so many cells, with at most so many false met."""
    agree, false_met, wrong = agreement(folder)
    assert false_met <= false_met_at_most, wrong
    assert agree >= agreeing_at_least, wrong


def assert_every_rule_coded(folder: Path) -> None:
    from mandatekit.api import setup

    rules = {r.id for r in setup().rulebook.rules}
    for name, coded in gold(folder).items():
        assert set(coded["cells"]) == rules, name
        assert (folder / f"{name}.txt").is_file(), name
