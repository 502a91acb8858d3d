"""The rule linter: a met condition that one common word can meet is a warning naming the rule."""

from __future__ import annotations

from pathlib import Path

import yaml

from mandatekit.rulebook.lint import lint_rule, single_words
from mandatekit.rulebook.model import Rule
from tests.cli.test_cli import run

BASE = {
    "id": "lint-probe",
    "title": "t",
    "severity": "low",
    "theme": "t",
    "recommendation": "r",
    "sources": [{"id": "poc-impartiality-2021", "quote": "q"}],
    "message": {"met": "m", "partial": "p", "missing": "x"},
    "suggestion": "s",
    "examples": [{"verdict": "met", "text": "1. Requests the Mission to be accountable for war crimes;"}],
}


def rule(elements: dict[str, list[str]], met: list[str]) -> Rule:
    return Rule.model_validate(
        BASE | {"elements": {n: {"label": n, "phrases": p} for n, p in elements.items()}, "met": met}
    )


def test_single_words_of_a_phrase() -> None:
    assert single_words("accountab*") == ["accountab*"]
    assert single_words("(support|assistance)") == ["support", "assistance"]
    assert single_words("(the)? forces") == ["forces"]
    assert single_words("security sector reform") == []
    assert single_words("accountab* ... crimes") == []


def test_one_generic_word_meeting_a_condition_is_flagged() -> None:
    warnings = lint_rule(rule({"a": ["accountab*", "impunity for ... crimes"]}, ["a"]))
    assert (
        len(warnings) == 1 and "'lint-probe'" in warnings[0].message and "accountab*" in warnings[0].message
    )


def test_one_word_matching_every_element_is_flagged() -> None:
    assert lint_rule(rule({"a": ["support"], "b": ["(support|forces)"]}, ["a", "b"]))


def test_qualified_conditions_and_acronyms_are_not_flagged() -> None:
    assert lint_rule(rule({"a": ["accountab* for ... crimes"]}, ["a"])) == []
    assert lint_rule(rule({"a": ["support"], "b": ["forces"]}, ["a", "b"])) == []
    assert lint_rule(rule({"a": ["HRDDP", "DDR"]}, ["a"])) == []


def _with_topic(asked: list[str]) -> Rule:
    """An asked element and a topic element (women protection advisers), as trial 14's first WPA rule."""
    data = BASE | {
        "elements": {
            "act": {"label": "act", "phrases": asked},
            "wpa": {"label": "wpa", "phrases": ["women protection advisers"], "topic": True},
        },
        "met": ["act", "wpa"],
    }
    return Rule.model_validate(data)


def test_an_asked_element_a_generic_verb_can_meet_is_flagged_despite_a_topic() -> None:
    """`continue` or `include` counted as the deployment asked: the specific topic beside it does not help."""
    [warning] = lint_rule(_with_topic(["(deploy|deployment|continue|ensure|appoint|include)"]))
    assert "'lint-probe'" in warning.message and "'continue'" in warning.message and warning.path == "met.0"
    assert lint_rule(_with_topic(["includ*"]))  # a stem of a generic verb too
    # with anything between the verb and the advisers, the verb is the action alone
    assert lint_rule(_with_topic(["(deploy|continue) ... women protection advisers"]))


def test_an_asked_element_of_specific_verbs_is_not_flagged() -> None:
    assert lint_rule(_with_topic(["(deploy|deployment|appoint)", "continue to deploy"])) == []


def test_rules_test_verbose_shows_the_words_each_element_matched(tmp_path: Path) -> None:
    data = BASE | {
        "elements": {
            "act": {"label": "act", "phrases": ["(deploy|include)"]},
            "wpa": {"label": "wpa", "phrases": ["women protection advisers"], "topic": True},
        },
        "met": ["act", "wpa"],
        "examples": [
            {
                "verdict": "met",
                "text": "1. Requests the Mission to act, including through women protection advisers;",
            }
        ],
    }
    (tmp_path / "probe.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out, _ = run("rules", "test", "-v", "--rules", str(tmp_path))
    assert code == 0
    assert 'act: "including" (OP 1)' in out and 'wpa: "women protection advisers" (OP 1)' in out
    code, quiet, _ = run("rules", "test", "--rules", str(tmp_path))
    assert code == 0 and "including" not in quiet


def test_validate_warns_and_exits_0(tmp_path: Path) -> None:
    data = BASE | {"elements": {"a": {"label": "a", "phrases": ["accountab*"]}}, "met": ["a"]}
    (tmp_path / "probe.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out, err = run("rules", "validate", "--rules", str(tmp_path))
    assert code == 0, err
    assert "warning" in err and "lint-probe" in err and "probe.yaml" in err
    assert "1 rule valid" in out


def test_the_builtin_rules_have_no_warning() -> None:
    from mandatekit.api import setup

    rulebook = setup().rulebook
    assert [w.message for r in rulebook.rules for w in lint_rule(r, rulebook.terms)] == []


def test_a_huge_alternation_is_linted_quickly() -> None:
    groups = " ".join("(" + "|".join(f"{c}{i}" for i in range(3000)) + ")" for c in "uvw")
    assert single_words(groups) == []  # three words at least: bounded, whatever the size of the groups
