"""Narrowed scope (a rule's `narrowed`): words that meet a rule only for a narrower subject than the
recommendation's are partial, with the reason said. Drafts here are worded differently from the rules' own
examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from mandatekit import check
from mandatekit.errors import RuleError
from mandatekit.rulebook import Rule, load_rulebook
from tests.judge.one_rule import finding

RULE = """\
id: vetting
title: Vetting in recruitment
severity: high
theme: Security sector
recommendation: Vet all recruits of the national forces.
sources:
  - id: rwanda-car-2022
    quote: "recruited outside the ordinary procedure"
message:
  met: Recruits are vetted.
  partial: Vetting is touched on.
  missing: Nothing on vetting.
min_verb: calls
elements:
  vetting:
    label: vetting of recruits
    phrases: [vetting ... recruit*, recruit* ... vetting]
narrowed:
  - label: sexual violence suspects
    elements: [vetting]
    phrases: [suspected of ... sexual violence]
met: [vetting]
suggestion: Calls upon the authorities to vet all recruits;
examples:
  - verdict: met
    text: "1. Calls upon the authorities to ensure vetting of all recruits;"
"""


@pytest.fixture()
def rules(tmp_path: Path) -> Path:
    (tmp_path / "vetting.yaml").write_text(RULE, encoding="utf-8")
    return tmp_path


def judged(text: str, rules: Path):
    return check(text, rules=[rules], only=["vetting"]).findings[0]


def test_a_narrowing_beside_the_words_makes_them_partial_with_the_reason(rules: Path) -> None:
    f = judged(
        "2. Calls upon the Government to apply vetting to recruits suspected of sexual violence;", rules
    )
    assert f.verdict == "partial"
    assert "Only for sexual violence suspects (OP 2)" in f.reasons[0]


def test_a_list_break_makes_it_one_item_beside_the_general_thing(rules: Path) -> None:
    f = judged(
        "2. Calls upon the Government to apply vetting to recruits, including those suspected of sexual "
        "violence;",
        rules,
    )
    assert f.verdict == "met"


def test_the_general_thing_asked_in_another_paragraph_still_meets(rules: Path) -> None:
    f = judged(
        "2. Calls upon the Government to apply vetting to recruits suspected of sexual violence;\n\n"
        "3. Calls upon the Government to ensure the vetting of all recruits of the army;",
        rules,
    )
    assert f.verdict == "met"
    assert [e.ref for e in f.evidence] == ["OP 3"]


def test_a_narrowing_far_from_the_words_limits_something_else(rules: Path) -> None:
    f = judged(
        "2. Calls upon the Government to apply vetting to recruits of the army and the police in every one of "
        "the eastern provinces affected by the presence of those suspected of sexual violence;",
        rules,
    )
    assert f.verdict == "met"


def test_a_bad_narrowing_pattern_is_refused_with_its_file_and_field(rules: Path) -> None:
    path = rules / "vetting.yaml"
    path.write_text(RULE.replace("[suspected of ... sexual violence]", '["(suspected of"]'), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rulebook([rules], builtin=False)
    [problem] = info.value.problems
    assert problem.startswith(f"{path}:") and "narrowed.0.phrases[0]: unbalanced parentheses" in problem


def test_a_narrowing_of_an_unknown_element_is_refused() -> None:
    import yaml

    data = yaml.safe_load(RULE)
    data["narrowed"][0]["elements"] = ["vetted"]
    with pytest.raises(ValidationError, match="narrowed names element 'vetted'"):
        Rule.model_validate(data)


# --- the bundled rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        # monitoring only of one group's violations, however public and whoever commits them
        (
            "hr-monitoring",
            "4. Decides that the Mission shall monitor and report publicly on grave violations against children "
            "by any party, including the armed forces;",
        ),
        # monitoring of conflict-related sexual violence alone: a part of the thing, not nothing
        (
            "hr-monitoring",
            "4. Requests the Mission to document and publicly report on sexual violence committed by any party, "
            "including the armed forces;",
        ),
        # the due diligence policy applied only with regard to one kind of violation
        (
            "hrddp-support",
            "5. Requests the Mission to provide any support to the army in full compliance with the human rights "
            "due diligence policy regarding violations against children;",
        ),
        # screening of recruits only for their age
        (
            "ssr-vetting",
            "6. Calls upon the authorities to strengthen age verification in the recruitment of soldiers;",
        ),
    ],
)
def test_a_task_for_a_narrower_subject_is_partial(rule: str, text: str) -> None:
    f = finding(text, rule)
    assert f.verdict == "partial"


def test_the_general_monitoring_task_with_its_parts_listed_stays_met() -> None:
    f = finding(
        "4. Decides that the Mission shall monitor and report publicly on human rights violations and abuses, "
        "in particular grave violations against children and sexual violence, by any party, including the "
        "armed forces;",
        "hr-monitoring",
    )
    assert f.verdict == "met"
