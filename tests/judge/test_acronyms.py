"""An acronym means what the text spells it out as (a rule's `acronyms`): a rule that matches 'ICC' for the
International Criminal Court does not count a text's ICC that the text spells out as its own centre. Drafts
here are worded differently from the rules' own examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit import check
from mandatekit.errors import RuleError
from mandatekit.judge.acronyms import means_otherwise, spelt_out
from mandatekit.rulebook import load_rulebook

RULE = """\
id: court
title: Cooperation with the board
severity: high
theme: Justice
recommendation: Ask for cooperation with the court.
sources:
  - id: rwanda-car-2022
    quote: "recruited outside the ordinary procedure"
message:
  met: Cooperation is asked.
  partial: The court is mentioned.
  missing: Nothing on the court.
min_verb: calls
elements:
  court:
    label: the court
    phrases: [(Joint Monitoring Board|JMB)]
acronyms:
  JMB: Joint Monitoring Board
met: [court]
suggestion: Calls upon the authorities to cooperate with the Joint Monitoring Board;
examples:
  - verdict: met
    text: "1. Calls upon the authorities to cooperate with the JMB;"
"""


@pytest.fixture()
def rules(tmp_path: Path) -> Path:
    (tmp_path / "court.yaml").write_text(RULE, encoding="utf-8")
    return tmp_path


def judged(text: str, rules: Path) -> str:
    return check(text, rules=[rules], only=["court"]).findings[0].verdict


def test_an_acronym_the_text_spells_out_as_other_words_does_not_count(rules: Path) -> None:
    text = (
        "Noting the establishment of the Judicial Mediation Bureau (JMB),\n\n"
        "4. Calls upon all parties to cooperate with the JMB;"
    )
    assert judged(text, rules) == "missing"


def test_an_acronym_spelt_out_as_the_rules_words_counts(rules: Path) -> None:
    text = (
        'Welcoming the work of the Joint Monitoring Board ("JMB"),\n\n'
        "4. Calls upon all parties to cooperate with the JMB;"
    )
    assert judged(text, rules) == "met"


def test_an_acronym_never_spelt_out_counts(rules: Path) -> None:
    assert judged("4. Calls upon all parties to cooperate with the JMB;", rules) == "met"


def test_the_long_name_counts_whatever_the_acronym_stands_for(rules: Path) -> None:
    text = (
        "Noting the establishment of the Judicial Mediation Bureau (JMB),\n\n"
        "4. Calls upon all parties to cooperate with the Joint Monitoring Board;"
    )
    assert judged(text, rules) == "met"


def test_the_spelling_out_is_read_back_to_its_clause_only() -> None:
    text = "Recalling the International Criminal Court; welcoming the Interregional Coordination Centre (ICC)"
    [words] = spelt_out([text], "ICC")
    assert words == "welcoming the Interregional Coordination Centre"
    assert means_otherwise([words], "International Criminal Court")
    assert not means_otherwise(
        ["the role of the International Criminal Court"], "International Criminal Court"
    )
    assert not means_otherwise([], "International Criminal Court")  # never spelt out


def test_an_acronym_key_that_is_not_an_acronym_is_refused(rules: Path) -> None:
    path = rules / "court.yaml"
    path.write_text(RULE.replace("  JMB: Joint", "  jmb: Joint"), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rulebook([rules], builtin=False)
    [problem] = info.value.problems
    assert problem.startswith(f"{path}:") and "'jmb' is not an acronym" in problem
