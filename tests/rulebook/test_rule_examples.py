"""Every example in every rule file is a test (like SQLFluff's YAML rule cases): one test id per example."""

from __future__ import annotations

import pytest

from mandatekit.api import setup
from mandatekit.judge.examples import run_examples

SETUP = setup(config=None)
CASES = [(rule, n) for rule in SETUP.rulebook.rules for n in range(len(rule.examples))]


@pytest.mark.parametrize(("rule", "n"), CASES, ids=[f"{r.id}-example-{n + 1}" for r, n in CASES])
def test_rule_example(rule, n) -> None:  # type: ignore[no-untyped-def]
    result = run_examples(rule, SETUP.profile)[n]
    assert result.passed, result.describe()


def test_every_rule_can_be_met_partial_and_missing_or_says_why() -> None:
    for rule in SETUP.rulebook.rules:
        verdicts = {e.verdict.value for e in rule.examples}
        assert {"met", "missing"} <= verdicts, rule.id
