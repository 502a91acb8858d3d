"""Data flows one way, read → judge → render: a lower stage never imports a higher one."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "mandatekit"
ABOVE = {
    "read": ("mandatekit.judge", "mandatekit.render"),
    "rulebook": ("mandatekit.judge", "mandatekit.render"),
}
ABOVE["judge"] = ("mandatekit.render", "mandatekit.cli", "mandatekit.api")


def imported(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return names


@pytest.mark.parametrize("stage", sorted(ABOVE))
def test_a_stage_imports_nothing_above_it(stage: str) -> None:
    wrong = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted((PACKAGE / stage).glob("*.py"))
        for name in imported(path)
        if name.startswith(ABOVE[stage])
    ]
    assert not wrong
