"""Placeholders in a rule's patterns: {national_forces}, {mission} ... match the words profiles give under
pattern_words (the draft's own and every bundled profile's); a rule's patterns never name a country, mission
or force outright (`rules validate` refuses it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mandatekit import check
from mandatekit.cli import main
from mandatekit.errors import RuleError
from mandatekit.judge import Prepared
from mandatekit.judge.hits import find_hits
from mandatekit.read import read_string
from mandatekit.rulebook import load_profiles, load_rulebook
from mandatekit.rulebook.lint import pattern_country_problems
from mandatekit.rulebook.model import Profile
from mandatekit.rulebook.patterns import PatternError, expand_placeholders
from mandatekit.rulebook.profiles import profile_terms
from tests.rulebook.test_bad_rules import good_rule, write

PROFILES = load_profiles()
OURS = Profile(
    id="ours",
    name="OURS (Ruritania)",
    mission="OURS",
    country="Ruritania",
    values={"mission": "OURS"},
    pattern_words={"national_forces": ["RDF", "Ruritanian Guard"]},
)
# A rule whose only idea is support to the national forces, named by the placeholder.
FORCES_RULE = good_rule(
    id="forces-support",
    elements={"support": {"label": "support to the forces", "phrases": ["support ... {national_forces}"]}},
    met=["support"],
    partial=[],
    subject=None,  # the template's own subject (poc-policy's) has no place in a rule on support to the forces
    examples=[{"verdict": "met", "text": "7. Requests the Mission to support the FACA;"}],
)


def forces_hits(text: str, profile: Profile | None) -> list[str]:
    rule = next(r for r in load_rulebook(profiles=PROFILES).rules if r.id == "ssr-vetting")
    hits = find_hits(Prepared(read_string(text)), rule, profile_terms(profile))
    return [read_string(text).paragraphs[h.para].text[h.start : h.end] for h in hits["forces"]]


def test_a_placeholder_expands_to_the_drafts_profiles_forces() -> None:
    text = "3. Requests the Government to vet the recruits of the RDF and of the FARDC;"
    assert "RDF" in forces_hits(text, OURS)
    assert "RDF" not in forces_hits(text, PROFILES["monusco"])  # no profile names it
    # Every bundled profile's words stay matched, whatever the draft's profile: a mission told wrongly
    # loses nothing.
    assert "FARDC" in forces_hits(text, OURS) and "FARDC" in forces_hits(text, None)


def test_the_words_come_from_the_profiles() -> None:
    words = dict(profile_terms(PROFILES["minusca"]))
    assert {"FACA", "FSI"} <= set(words["national_forces"]) and "MINUSCA" in words["mission"]
    assert "Ruritanian Guard" in dict(profile_terms(OURS))["national_forces"]
    assert expand_placeholders(("support ... {national_forces}",), (("national_forces", ("A B", "C")),)) == (
        "support ... ( A B | C )",
    )
    assert expand_placeholders(("{mission}'s troops",), (("mission", ("OURS",)),)) == ("( OURS's ) troops",)
    with pytest.raises(PatternError, match="unknown placeholder"):
        expand_placeholders(("support {national_force}",), (("national_forces", ("A",)),))


def test_a_users_own_profile_with_its_own_forces_is_matched(tmp_path: Path) -> None:
    rules = write(tmp_path / "rules", "forces.yaml", FORCES_RULE).parent
    profile = write(
        tmp_path,
        "ours.yaml",
        "id: ours\nname: OURS (Ruritania)\nmission: OURS\nvalues:\n  mission: OURS\n"
        "pattern_words:\n  national_forces:\n  - Ruritanian Guard\n",
    )
    draft = "The Security Council,\n\n1. Requests OURS to support the Ruritanian Guard;\n"
    report = check(draft, rules=[rules], profile=str(profile), only=["forces-support"])
    assert report.findings[0].verdict == "met"
    report = check(draft, rules=[rules], profile="minusca", only=["forces-support"])
    assert report.findings[0].verdict == "missing"


@pytest.mark.parametrize("named", ["FARDC", "MONUSCO", "Special Criminal Court", "South Sudan"])
def test_the_linter_refuses_a_force_mission_or_court_in_a_pattern(tmp_path: Path, named: str) -> None:
    rule = FORCES_RULE.replace("{national_forces}", f"({named}|army)")
    write(tmp_path, "r.yaml", rule)
    result = CliRunner().invoke(main, ["rules", "validate", "--rules", str(tmp_path)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if "outright" in line]
    assert len(lines) == 1 and "r.yaml:" in lines[0] and "'forces-support'" in lines[0]
    assert f"('{named}')" in lines[0] and "elements.support.phrases[0]" in lines[0]
    with pytest.raises(RuleError):
        load_rulebook([tmp_path], builtin=False, profiles=PROFILES)


def test_the_linter_refuses_a_force_in_a_rules_subject(tmp_path: Path) -> None:
    subject = {"label": "the national forces", "phrases": ["training of the FARDC"]}
    write(tmp_path, "r.yaml", FORCES_RULE.replace("partial: []", f"partial: []\nsubject: {subject}"))
    result = CliRunner().invoke(main, ["rules", "validate", "--rules", str(tmp_path)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if "outright" in line]
    assert len(lines) == 1 and "('FARDC')" in lines[0] and "subject.phrases[0]" in lines[0]


def test_a_placeholder_with_no_words_or_unknown_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", FORCES_RULE.replace("{national_forces}", "{national_army}"))
    result = CliRunner().invoke(main, ["rules", "validate", "--rules", str(tmp_path)])
    assert result.exit_code == 2 and "unknown placeholder {national_army}" in result.stderr


def test_the_bundled_rules_name_nothing_of_one_country_in_their_patterns() -> None:
    for rule in load_rulebook(profiles=PROFILES).rules:
        assert pattern_country_problems(rule, PROFILES.values()) == [], rule.id


def test_a_pattern_word_is_plain_words() -> None:
    with pytest.raises(ValueError, match="pattern_words"):
        Profile(id="x", name="X", values={}, pattern_words={"national_forces": ["(A|B)"]})
    with pytest.raises(ValueError, match="pattern_words"):
        Profile.model_validate({"id": "x", "name": "X", "values": {}, "pattern_words": {"forces": ["A"]}})


def test_an_unquoted_phrase_that_starts_with_a_placeholder_is_explained(tmp_path: Path) -> None:
    rule = FORCES_RULE.replace("- support ... {national_forces}", "- {national_forces}")
    assert "- {national_forces}" in rule
    write(tmp_path, "r.yaml", rule)
    result = CliRunner().invoke(main, ["rules", "validate", "--rules", str(tmp_path)])
    assert result.exit_code == 2 and "r.yaml:" in result.stderr
    assert 'quote the phrase, "{national_forces} ..."' in result.stderr


def test_a_placeholder_in_a_regex_matches_the_profiles_words_and_a_count_stays_a_count(
    tmp_path: Path,
) -> None:
    rule = FORCES_RULE.replace(
        "phrases:\n    - support ... {national_forces}",
        "regex:\n    - 'supports?\\W+(the\\W+){0,1}{national_forces}'",
    )
    assert "regex:" in rule
    rules = write(tmp_path / "rules", "forces.yaml", rule).parent
    profile = write(
        tmp_path,
        "ours.yaml",
        "id: ours\nname: OURS\nmission: OURS\nvalues:\n  mission: OURS\npattern_words:\n  national_forces: [RDF]\n",
    )
    draft = "The Security Council,\n\n1. Requests OURS to support the RDF;\n"
    assert (
        check(draft, rules=[rules], profile=str(profile), only=["forces-support"]).findings[0].verdict
        == "met"
    )
    assert check(draft, rules=[rules], only=["forces-support"]).findings[0].verdict == "missing"
    faca = "The Security Council,\n\n1. Requests the Mission to support the FACA;\n"
    assert check(faca, rules=[rules], only=["forces-support"]).findings[0].verdict == "met"
