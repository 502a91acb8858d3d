"""A profile that says no foreign or bilateral forces operate in the host country (`other_forces: none`), as
an UNMISS drafter's own profile may (issue of round 10: bilateral-forces was a "missing, high" gap for South
Sudan): bilateral-forces gives the same verdict (the gold set scores verdicts, and the draft says what it
says), but low, its message saying why it matters only if such forces deploy, and no suggestion of any rule
invents "bilateral partners". A profile that leaves the value unset keeps today's finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from mandatekit.api import setup
from mandatekit.judge import Finding
from mandatekit.read import read_string
from mandatekit.rulebook.model import Profile

PROFILES = Path(__file__).parents[2] / "profiles"
TASKS = """The Security Council,

1. Decides that the mandate of UNMISS shall include the following tasks:

(a) To protect civilians under threat of physical violence;

{more}
2. Decides to remain actively seized of the matter.
"""
MISSING = TASKS.format(more="")
PARTIAL = TASKS.format(more="(b) To monitor the presence of foreign military in South Sudan;\n")


@pytest.fixture
def no_forces(tmp_path: Path) -> str:
    """UNMISS's bundled profile, with other_forces: none (how a drafter's own profile replaces it)."""
    text = (PROFILES / "unmiss.yaml").read_text(encoding="utf-8")
    path = tmp_path / "unmiss.yaml"
    path.write_text(text.replace("values:\n", "values:\n  other_forces: none\n", 1), encoding="utf-8")
    return str(path)


def _findings(profile: str, draft: str) -> dict[str, Finding]:
    return {f.rule: f for f in setup(profile=profile).judge(read_string(draft)).findings}


@pytest.mark.parametrize("draft", [MISSING, PARTIAL], ids=["missing", "partial"])
def test_none_keeps_the_verdict_lowers_the_severity_and_says_why(no_forces: str, draft: str) -> None:
    unset = _findings("unmiss", draft)["bilateral-forces"]
    none = _findings(no_forces, draft)["bilateral-forces"]
    assert none.verdict is unset.verdict
    assert none.evidence == unset.evidence and none.reasons == unset.reasons
    assert (unset.severity.value, none.severity.value) == ("high", "low")
    assert none.message.startswith(unset.message)
    assert "no foreign or bilateral forces operate in South Sudan" in none.message
    assert "only if such forces deploy" in none.message
    assert "may deploy in South Sudan" in none.suggestion and "UNMISS" in none.suggestion


def test_no_suggestion_invents_bilateral_forces_where_the_profile_says_none(no_forces: str) -> None:
    findings = _findings(no_forces, MISSING)
    assert len(findings) >= 22
    for finding in findings.values():
        assert "bilateral" not in finding.suggestion.lower(), finding.rule
        assert "{" not in finding.suggestion + finding.message, finding.rule
    # The rules that name the other forces in their language say it in general terms.
    assert "as well as any other forces or security personnel" in findings["hr-monitoring"].suggestion


def test_the_language_proposed_where_none_meets_the_rule(no_forces: str) -> None:
    """Placement keeps a fix only if the draft re-judged with it meets the rule better: the language proposed
    for a mission with no such forces must meet the rule, and no other."""
    fix = _findings(no_forces, MISSING)["bilateral-forces"].suggestion
    judged = _findings(no_forces, f"The Security Council,\n\n1. {fix}\n")
    assert judged["bilateral-forces"].verdict.value == "met"
    assert [r for r, f in judged.items() if f.verdict.value == "met"] == ["bilateral-forces"]


def test_a_mission_with_such_forces_or_none_said_keeps_todays_finding() -> None:
    minusca = _findings("minusca", MISSING.replace("UNMISS", "MINUSCA"))["bilateral-forces"]
    assert minusca.severity.value == "high" and "operate in" not in minusca.message
    assert "deployed bilaterally in" in minusca.suggestion


def test_none_is_a_word_only_other_forces_may_say() -> None:
    profile = Profile(id="x", name="X", values={"other_forces": "None"})
    assert profile.says_none("other_forces")
    assert profile.text_values()["other_forces"] == "any other forces or security personnel"
    assert not Profile(id="x", name="X", values={"other_forces": "the EUFOR"}).says_none("other_forces")
    with pytest.raises(ValidationError, match="only other_forces may say"):
        Profile(id="x", name="X", values={"courts": "none"})


def test_where_none_is_a_variant_and_the_older_key_still_reads() -> None:
    """One mechanism: what a rule says where the profile says none is its first variant, `when:
    [no_other_forces]`, with its severity and note; a rule file still written with `where_none:` reads the same."""
    from mandatekit.rulebook import load_rulebook

    rule = next(r for r in load_rulebook().rules if r.id == "bilateral-forces")
    [variant] = rule.variants
    assert variant.when == ["no_other_forces"] and variant.severity is not None and variant.note
    assert "where_none" not in type(rule).model_fields
    data = rule.model_dump(mode="json", exclude={"variants"})
    data["where_none"] = {
        "value": "other_forces",
        "severity": "low",
        "note": variant.note,
        "suggestion": variant.suggestion,
    }
    assert type(rule).model_validate(data).variants == rule.variants
    none = Profile(id="x", name="X", values={"other_forces": "none"})
    assert rule.severity_for(none).value == "low" and rule.severity_for(None) is rule.severity
    assert rule.suggestion_for(none) == variant.suggestion and rule.note_for(none) == variant.note.strip()
