"""Observer missions (`un_presence: observer`): a ceasefire observation or buffer-zone mission (UNTSO, UNMOGIP,
MINURSO, UNDOF, UNFICYP) is a peacekeeping operation with no mandate to protect civilians. What a drafter can
table for it is what it does (observe and report, its freedom of movement, its personnel's safety, the parties'
duty to protect civilians); a task to protect civilians would change the mission's nature, and a finding that
touches it says so in a note instead of proposing it as one more task. The verdict never changes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mandatekit.api import memo_context, setup
from mandatekit.cli import main
from mandatekit.judge import Finding
from mandatekit.read import read_string
from mandatekit.rulebook import load_profiles
from mandatekit.rulebook.model import Profile

PROFILES = load_profiles()
OBSERVERS = sorted(p for p, profile in PROFILES.items() if profile.un_presence == "observer")
EMPTY = "The Security Council,\n\n1. Decides to remain actively seized of the matter.\n"
DRAFT = """The Security Council,

Expressing concern at attacks against civilians,

1. Decides to extend the mandate of UNDOF until 30 June 2027;

2. Decides to remain actively seized of the matter.
"""
# What asks the mission itself to protect civilians, or treats it as a force mandated to.
PROTECTION_BY_FORCE = {
    "the mission protecting civilians": r"(?:Decides that|Requests) (?:the Mission|\S+) (?:shall|to) protect civilians",
    "a protection task": r"to protect, without prejudice|within its capabilities and areas of deployment",
    "a strength to protect": r"enables it to protect civilians",
    "a secure environment made": r"creation of a secure environment",
    "the peacekeeping policy": r"Protection of Civilians in United Nations Peacekeeping",
    "military operations of its own": r"Requests (?:the Mission|\S+) to mitigate risk to civilians",
}
CHANGES_ITS_NATURE = re.compile(r"would change (?:the nature of (?:the Mission|\S+)|its nature)")


def _findings(profile: str, draft: str = EMPTY) -> dict[str, Finding]:
    return {f.rule: f for f in setup(profile=profile).judge(read_string(draft)).findings}


def test_the_bundled_observer_missions_say_so() -> None:
    assert {"untso", "unmogip", "minurso", "undof", "unficyp", "generic-observer"} == set(OBSERVERS)
    # operations whose mandates include the protection of civilians stay peacekeeping
    for name in ("unifil", "unisfa", "minusca", "unmiss"):
        assert PROFILES[name].un_presence == "peacekeeping", name
    assert Profile(id="x", name="X", values={}, un_presence="observer").holds("observer_mission")
    assert not Profile(id="x", name="X", values={}, un_presence="observer").holds("political_mission")


@pytest.mark.parametrize("name", ["untso", "undof", "unficyp", "minurso", "unmogip", "generic-observer"])
def test_an_observer_mission_is_never_silently_asked_to_protect(name: str) -> None:
    findings = _findings(name)
    for rule, finding in findings.items():
        for what, pattern in PROTECTION_BY_FORCE.items():
            assert not re.search(pattern, finding.suggestion), f"{rule}: {what}: {finding.suggestion}"
    mission = PROFILES[name].filled_values()["mission"]
    # a protection task is flagged as a change of the mission's nature, where the recommendation asks for one
    for rule in ("poc-impartial", "poc-priority", "force-capacity"):
        assert CHANGES_ITS_NATURE.search(findings[rule].note), rule
        assert CHANGES_ITS_NATURE.search(findings[rule].message), rule
    # what it is asked instead: observe and report, and the parties protect
    poc = findings["poc-impartial"].suggestion
    assert (
        poc.startswith(f"Requests {mission}, through its observation") and "irrespective of the source" in poc
    )
    assert "all parties protect civilians" in poc
    # a peacekeeping operation still: its status agreement, its personnel peacekeepers
    assert "Status of Forces Agreement" in findings["sofa-compliance"].suggestion
    assert "peacekeepers" in findings["un-personnel-safety"].suggestion


def test_the_verdict_stands_and_only_what_it_has_no_mandate_for_drops_to_low() -> None:
    observer, keeping = _findings("undof", DRAFT), _findings("generic", DRAFT)
    assert {r: f.verdict for r, f in observer.items()} == {r: f.verdict for r, f in keeping.items()}
    lowered = {r for r in observer if observer[r].severity != keeping[r].severity}
    # a strength to protect, and support to the host's security forces (SSR advice, DDR, support under the
    # HRDDP), which an observer mission gives none of; the national forces' own conduct and recruitment stay
    assert lowered == {"force-capacity", "ssr-support", "ddrr", "hrddp-support", "hrddp-mitigation"}
    assert all(observer[r].severity.value == "low" for r in lowered)
    # rules that never asked for protection by force carry no note
    assert all(
        not observer[r].note for r in ("hr-monitoring", "sofa-compliance", "peace-process", "children")
    )


@pytest.mark.parametrize("name", ["untso", "unmogip"])
def test_the_language_proposed_for_an_observer_mission_meets_its_rule(name: str) -> None:
    """Placement keeps a fix only if the draft re-judged with it meets the rule."""
    judge = setup(profile=name).judge
    for rule, finding in _findings(name).items():
        judged = {
            f.rule: f
            for f in judge(read_string(f"The Security Council,\n\n1. {finding.suggestion}\n")).findings
        }
        assert judged[rule].verdict.value == "met", (rule, finding.suggestion)


def test_the_memo_and_the_report_say_why(tmp_path: Path) -> None:
    s = setup(profile="undof")
    document = read_string(DRAFT)
    gaps = {g["rule"]: g for g in memo_context(s.judge(document), s, document, place_fixes=False)["gaps"]}
    assert CHANGES_ITS_NATURE.search(gaps["poc-impartial"]["why"])
    assert "shall protect civilians" not in gaps["poc-impartial"]["suggestion"]
    draft = tmp_path / "undof.txt"
    draft.write_text(DRAFT)
    shown = CliRunner().invoke(main, ["check", str(draft)]).stdout
    assert "Profile: UNDOF (Golan), an observer mission" in shown  # detected from the draft
    assert "Decides that UNDOF shall protect civilians" not in shown
    assert CHANGES_ITS_NATURE.search(" ".join(shown.split()))


def test_profiles_list_and_show_say_observer() -> None:
    runner = CliRunner()
    lines = {line.split()[0]: line for line in runner.invoke(main, ["profiles", "list"]).stdout.splitlines()}
    assert "observer mission" in lines["untso"] and "observer" not in lines["unifil"]
    assert "UN presence: observer" in runner.invoke(main, ["profiles", "show", "unficyp"]).stdout


SUPPORT_RULES = (
    "ssr-support",
    "ssr-conduct",
    "ssr-vetting",
    "ddrr",
    "hrddp-support",
    "hrddp-mitigation",
    "hrddp-resources",
)


@pytest.mark.parametrize("name", OBSERVERS)
def test_an_observer_mission_is_never_asked_to_support_the_host_s_forces(name: str) -> None:
    # SSR advice, DDR and support under the HRDDP are a political or multidimensional mission's tasks: asked of
    # a ceasefire observation or buffer-zone mission, they would be a new task; the ask goes to the authorities
    # or the United Nations system, and the note says why
    findings = _findings(name)
    mission = PROFILES[name].filled_values()["mission"]
    for rule in SUPPORT_RULES:
        finding = findings[rule]
        assert mission not in finding.suggestion, (rule, finding.suggestion)
        assert "the Mission" not in finding.suggestion and "observer mission" in finding.note, rule


@pytest.mark.parametrize("name", ["unsmil", "unsom", "unama", "generic-political"])
def test_a_political_mission_keeps_its_advice_and_support_tasks(name: str) -> None:
    # a political mission advises on SSR and DDR and supports security forces under the HRDDP (UNSOM, UNSMIL):
    # the peacekeeping language, which asks no force of it, fits it
    findings = _findings(name)
    mission = PROFILES[name].filled_values()["mission"]
    for rule in ("ssr-support", "ddrr", "hrddp-support"):
        assert mission in findings[rule].suggestion and not findings[rule].note, rule
