"""Each bundled rule's suggested language, judged alone as a draft's one operative paragraph, meets its own
rule under every bundled profile; and the other rules it meets are only the ones listed below, each for a
stated reason. A memo proposes one fix per gap and says of a gap that another gap's fix also meets "no
language of its own": a suggestion credited with a rule it does not truly meet (accountability for SOFA
violations read as accountability for atrocity crimes) would tell the drafter a gap is closed that is not."""

from __future__ import annotations

from mandatekit.api import setup
from mandatekit.read import read_string
from mandatekit.rulebook import load_profiles

# (suggestion of, rule it also meets) → why that is a true meeting, not a word read out of its sense.
DELIBERATE = {
    ("hrddp-resources", "hrddp-support"): (
        "the HRDDP implemented consistently across all the mission's support to the national forces puts "
        "that support under the policy: support conditional on the HRDDP in other words"
    ),
    ("poc-policy", "poc-impartial"): (
        "the Policy's principle of impartial protection, asked of the protection of civilians task: "
        "protection whoever the perpetrator, which poc-impartial reads as met"
    ),
}


def credits(profile: str) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """Each rule's verdict on its own suggestion, and (rule, other rule) for every other rule it meets."""
    s = setup(profile=profile)
    empty = s.judge(read_string("The Security Council,\n\n1. Decides to remain seized of the matter.\n"))
    own: dict[str, str] = {}
    others: set[tuple[str, str]] = set()
    for finding in empty.findings:
        report = s.judge(read_string(f"The Security Council,\n\n1. {finding.suggestion}\n"))
        verdicts = {f.rule: f.verdict.value for f in report.findings}
        own[finding.rule] = verdicts[finding.rule]
        others |= {
            (finding.rule, rule) for rule, v in verdicts.items() if v == "met" and rule != finding.rule
        }
    return own, others


def test_each_suggestion_meets_its_own_rule_and_only_the_rules_listed() -> None:
    profiles = sorted(load_profiles())
    assert len(profiles) > 20
    found: dict[tuple[str, str], list[str]] = {}
    for profile in profiles:
        own, others = credits(profile)
        assert len(own) >= 22
        assert {rule: v for rule, v in own.items() if v != "met"} == {}, profile
        for pair in others:
            found.setdefault(pair, []).append(profile)
    undeclared = {pair: where for pair, where in found.items() if pair not in DELIBERATE}
    assert undeclared == {}, "a suggestion meets another rule: narrow one of them, or list it with its reason"
    assert set(found) == set(DELIBERATE), "a listed credit no longer happens: take it off the list"
