"""A partial finding says which case of partial it is (trial 14 F8): the rule's one partial message read
wrong where the words were there but only acknowledged. The message says the case in words for the writer
(only in the preamble, under a weak verb, hedged, part of what is asked, in square brackets), the JSON names it
(`partial_case`), and a rule may give a case a message of its own (`message.partial_cases`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit import check
from mandatekit.errors import RuleError
from mandatekit.rulebook import load_rulebook
from tests.judge.one_rule import finding

MONITOR = "to monitor and report publicly on violations of human rights committed by all parties"


@pytest.mark.parametrize(
    ("text", "rule", "case", "words"),
    [
        (
            f"Recalling the Mission's mandate {MONITOR},",
            "hr-monitoring",
            "preamble",
            "only in the preamble (PP 1)",
        ),
        (
            f"1. Encourages the Mission {MONITOR};",
            "hr-monitoring",
            "weak_verb",
            "only under 'Encourages' (OP 1)",
        ),
        (
            "2. Decides that any support provided by the Mission to the national defence and security forces "
            "shall be provided, as appropriate, in strict compliance with the Human Rights Due Diligence Policy;",
            "hrddp-support",
            "hedged",
            "hedged ('as appropriate', OP 2)",
        ),
        (
            "3. [Requests] the Mission to facilitate the creation of a secure environment for the safe, full, "
            "immediate and unhindered delivery of humanitarian assistance;",
            "humanitarian-access",
            "bracketed",
            "in square brackets",
        ),
        (
            "1. Requests the Mission to monitor and report on violations of human rights;",
            "hr-monitoring",
            "elements",
            "OP 1 has only part of what the recommendation asks",
        ),
    ],
)
def test_a_partial_finding_says_its_case_in_words(text: str, rule: str, case: str, words: str) -> None:
    f = finding(text, rule)
    assert f.verdict == "partial"
    assert f.partial_case == case
    assert words in f.message
    assert f.model_dump(mode="json")["partial_case"] == case


def test_the_case_follows_the_rules_own_message_and_the_note_stays_last() -> None:
    f = finding(f"1. Encourages the Mission {MONITOR};", "hr-monitoring")
    own = "Human rights monitoring is in the draft"
    assert f.message.startswith(own)
    assert f.message.index(own) < f.message.index("Partial because")


def test_a_met_or_missing_finding_names_no_case() -> None:
    met = finding(f"1. Requests the Mission {MONITOR};", "hr-monitoring")
    missing = finding("1. Decides to remain seized of the matter;", "hr-monitoring")
    assert met.verdict == "met" and missing.verdict == "missing"
    assert met.partial_case is None and missing.partial_case is None
    assert "Partial because" not in met.message + missing.message


RULE = """\
id: protection-advisers
title: Women protection advisers deployed
severity: high
theme: Conflict-related sexual violence
recommendation: Deploy women protection advisers.
sources:
  - id: rwanda-car-2022
    quote: "recruited outside the ordinary procedure"
message:
  met: Women protection advisers are deployed.
  partial: Sexual violence is addressed, but the mission is not requested to deploy women protection advisers.
  missing: Nothing on women protection advisers.
  partial_cases:
    weak_verb: Women protection advisers are only acknowledged, not deployed.
elements:
  deploy:
    label: deployment
    phrases: [(deploy|deployment|appoint)]
  wpa:
    label: women protection advisers
    topic: true
    phrases: [women protection advisers]
met: [deploy, wpa]
suggestion: Requests the Mission to deploy women protection advisers;
examples:
  - verdict: met
    text: "1. Requests the Mission to deploy women protection advisers;"
"""


@pytest.fixture()
def rules(tmp_path: Path) -> Path:
    (tmp_path / "protection-advisers.yaml").write_text(RULE, encoding="utf-8")
    return tmp_path


def judged(text: str, rules: Path):
    return check(text, rules=[rules], only=["protection-advisers"]).findings[0]


def test_a_rule_may_say_one_case_in_its_own_words(rules: Path) -> None:
    acknowledged = judged("4. Acknowledges the deployment of women protection advisers;", rules)
    assert acknowledged.verdict == "partial" and acknowledged.partial_case == "weak_verb"
    assert acknowledged.message == "Women protection advisers are only acknowledged, not deployed."
    # Near miss: a case the rule gives no words of its own gets its partial message and the case said after it.
    recalled = judged("Recalling the deployment of women protection advisers,", rules)
    assert recalled.partial_case == "preamble"
    assert recalled.message.startswith("Sexual violence is addressed, but the mission is not requested")
    assert "only in the preamble (PP 1)" in recalled.message


def test_a_case_the_judge_does_not_know_is_refused_with_its_file(rules: Path) -> None:
    path = rules / "protection-advisers.yaml"
    path.write_text(RULE.replace("    weak_verb: Women", "    weakverb: Women"), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rulebook([rules], builtin=False)
    [problem] = info.value.problems
    assert problem.startswith(f"{path}:") and "partial_cases" in problem
