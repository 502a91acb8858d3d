"""Run the examples of rule files: each example is a small draft whose verdict the rule must give."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mandatekit.judge.prepared import Prepared
from mandatekit.judge.report import Evidence
from mandatekit.judge.verdict import judge_rule
from mandatekit.rulebook.model import Example, Profile, Rule, Verdict


@dataclass
class ExampleResult:
    rule: Rule
    number: int  # 1-based position in the rule's examples
    example: Example
    got: Verdict
    reasons: list[str]
    evidence: list[Evidence] = field(default_factory=list)  # the words each element matched

    def matched(self) -> list[str]:
        """'element: "words" (OP 1)' for each element the example's text matched, the words as it has them:
        what `rules test -v` shows, so a word counted for an element it does not mean is seen."""
        return [f'{e.element}: "{e.text}" ({e.ref})' for e in self.evidence]

    @property
    def passed(self) -> bool:
        return self.got is self.example.verdict

    def describe(self) -> str:
        note = f" ({self.example.note})" if self.example.note else ""
        if self.passed:
            return f"{self.rule.id} example {self.number}: {self.got.value}{note}"
        why = f" — {self.reasons[0]}" if self.reasons else ""
        return f"{self.rule.id} example {self.number}: expected {self.example.verdict.value}, got {self.got.value}{note}{why}"


def run_examples(rule: Rule, profile: Profile | None = None) -> list[ExampleResult]:
    from mandatekit.read import read_string

    results = []
    for number, example in enumerate(rule.examples, start=1):
        finding = judge_rule(Prepared(read_string(example.text)), rule, profile)
        results.append(
            ExampleResult(rule, number, example, finding.verdict, finding.reasons, list(finding.evidence))
        )
    return results


def example_failures(rulebook: Any, rules: list[Rule], profile: Profile | None = None) -> list[str]:
    """'file:line: rule example N: expected X, got Y' for every example of `rules` that fails."""
    return [
        f"{rulebook.files[r.rule.id]}:{rulebook.lines[r.rule.id].get(f'examples.{r.number - 1}', 0)}: "
        f"{r.describe()}"
        for rule in rules
        for r in run_examples(rule, profile)
        if not r.passed
    ]
