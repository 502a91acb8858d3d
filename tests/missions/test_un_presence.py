"""Suggestions for what the UN presence is (issue 21: the suggestions for the protection of civilians, the
HRDDP, the SOFA and force capacity assumed a peacekeeping force): a political or special political mission
(UNAMA, UNAMI, UNSMIL) is civilian, and is asked to monitor, report and use its good offices, never to
protect civilians by force; a text with no UN mission (a sanctions regime, a thematic resolution) asks the
parties, the Member States and the Secretary-General. The profile says which (`un_presence`), the rules'
variants `when: [political_mission]` / `[no_un_mission]` give the language, and the verdict never changes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mandatekit.api import memo_context, setup
from mandatekit.cli import main
from mandatekit.errors import RuleError
from mandatekit.judge import Finding
from mandatekit.read import read_string
from mandatekit.rulebook import load_profiles, profile_from_file
from mandatekit.rulebook.model import Profile

PROFILES = load_profiles()
POLITICAL = sorted(p for p, profile in PROFILES.items() if profile.un_presence == "political")
EMPTY = "The Security Council,\n\n1. Decides to remain actively seized of the matter.\n"
# A draft that touches on civilians without a protection task: the findings are partial or missing.
DRAFT = """The Security Council,

Expressing concern at attacks against civilians,

1. Decides to extend the mandate of the Mission until 31 March 2027;

2. Decides to remain actively seized of the matter.
"""
# What asks a mission to protect by force, or treats it as a peacekeeping force.
FORCE = {
    "a protection task": r"\b(?:shall|to) protect civilians\b[^;]*within its capabilities and areas of deployment",
    "the mission protecting civilians": r"Decides that (?:the Mission|\w+) shall protect civilians",
    "troops and police": r"military and police personnel|authorized strength|uniformed personnel",
    "the peacekeeping policy": r"Protection of Civilians in United Nations Peacekeeping",
    "a status-of-forces agreement": r"Status of Forces Agreement",
    "peacekeepers": r"peacekeepers",
    "a secure environment made": r"creation of a secure environment",
    "military operations of its own": r"mitigate risk to civilians before, during and after any military operation,",
}


def _findings(profile: str, draft: str = EMPTY) -> dict[str, Finding]:
    return {f.rule: f for f in setup(profile=profile).judge(read_string(draft)).findings}


def test_the_bundled_political_missions_say_so() -> None:
    assert {"unama", "unami", "unsmil", "binuh", "unsom", "unvmc", "generic-political"} <= set(POLITICAL)
    # AU-led missions and peacekeeping operations stay peacekeeping; the generic profile too
    for name in ("atmis", "minusca", "unmiss", "unifil", "generic"):
        assert PROFILES[name].un_presence == "peacekeeping", name
    assert PROFILES["no-mission"].un_presence == "none"


@pytest.mark.parametrize("name", ["generic-political", "unama", "unsmil"])
def test_a_political_mission_is_never_asked_to_protect_by_force(name: str) -> None:
    findings = _findings(name)
    for rule, finding in findings.items():
        for what, pattern in FORCE.items():
            assert not re.search(pattern, finding.suggestion), f"{rule}: {what}: {finding.suggestion}"
    mission = PROFILES[name].filled_values()["mission"]
    # what it is asked instead: monitor, report, good offices; the parties and authorities protect
    poc = findings["poc-impartial"].suggestion
    assert poc.startswith(f"Requests {mission}, through its advocacy") and "irrespective of the source" in poc
    assert "status-of-mission agreement" in findings["sofa-compliance"].suggestion
    assert "civilian capacity" in findings["force-capacity"].suggestion


def test_a_peacekeeping_operation_keeps_its_protection_task() -> None:
    findings = _findings("minusca")
    assert findings["poc-impartial"].suggestion.startswith("Decides that MINUSCA shall protect civilians")
    assert "Status of Forces Agreement" in findings["sofa-compliance"].suggestion
    assert all(not f.note for f in findings.values())


def test_a_text_with_no_mission_asks_the_parties_and_the_secretary_general() -> None:
    findings = _findings("no-mission")
    for rule, finding in findings.items():
        assert not re.search(r"\bthe Mission\b", finding.suggestion + finding.message), rule
    assert findings["poc-impartial"].suggestion.startswith("Demands that all parties protect civilians")
    assert findings["humanitarian-access"].suggestion.startswith("Demands that all parties")
    # what the UN does where there is no mission is the UN system's: the HRDDP governs its support
    assert "support provided by the United Nations system to" in findings["hrddp-support"].suggestion


def test_the_verdict_stands_the_severity_follows_the_kind_of_mission() -> None:
    """No force, no status agreement: a gap in their terms matters little where no mission is mandated; the
    verdicts are the draft's, whatever the mission."""
    none, political, keeping = (
        _findings("no-mission", DRAFT),
        _findings("unama", DRAFT),
        _findings("generic", DRAFT),
    )
    assert {r: f.verdict for r, f in none.items()} == {r: f.verdict for r, f in keeping.items()}
    assert {r: f.verdict for r, f in political.items()} == {r: f.verdict for r, f in keeping.items()}
    for rule in ("force-capacity", "sofa-compliance", "sofa-reporting"):
        assert none[rule].severity.value == "low" and keeping[rule].severity.value != "low", rule
    assert {r: f.severity for r, f in political.items()} == {r: f.severity for r, f in keeping.items()}


@pytest.mark.parametrize("name", ["generic-political", "unama", "no-mission"])
def test_the_language_proposed_for_each_presence_meets_its_rule(name: str) -> None:
    """Placement keeps a fix only if the draft re-judged with it meets the rule better."""
    judge = setup(profile=name).judge
    for rule, finding in _findings(name).items():
        judged = {
            f.rule: f
            for f in judge(read_string(f"The Security Council,\n\n1. {finding.suggestion}\n")).findings
        }
        assert judged[rule].verdict.value == "met", (rule, finding.suggestion)


def test_the_memo_says_why_the_language_fits_a_political_mission() -> None:
    s = setup(profile="unama")
    document = read_string(DRAFT.replace("the Mission", "UNAMA"))
    report = s.judge(document)
    gaps = {g["rule"]: g for g in memo_context(report, s, document, place_fixes=False)["gaps"]}
    why = gaps["poc-impartial"]["why"]
    assert "A political mission without troops, UNAMA protects no one by force" in why
    # the defect first, the kind of mission after it; "The draft." says what the draft says, not the note
    assert why.index("protects no one by force") > 0
    assert "protects no one by force" not in gaps["poc-impartial"]["draft_says"]
    assert "Decides that UNAMA shall protect" not in gaps["poc-impartial"]["suggestion"]
    assert report.findings and all(
        f.note == "" for f in report.findings if f.rule in ("hr-monitoring", "children", "peace-process")
    )


def test_un_presence_is_one_of_three_and_a_wrong_one_is_named(tmp_path: Path) -> None:
    assert Profile(id="x", name="X", values={}, un_presence="political").holds("political_mission")
    assert not Profile(id="x", name="X", values={}).holds("political_mission")
    assert Profile(id="x", name="X", values={}, un_presence="none").filled_values()["mission"] == (
        "the United Nations system"
    )
    path = tmp_path / "ours.yaml"
    path.write_text("id: ours\nname: Ours (Somewhere)\nun_presence: special-political\nvalues: {}\n")
    with pytest.raises(RuleError) as caught:
        profile_from_file(path)
    assert "un_presence" in str(caught.value) and "ours.yaml:3" in str(caught.value)


def test_check_help_and_the_profile_list_teach_the_kinds() -> None:
    runner = CliRunner()
    help_text = " ".join(runner.invoke(main, ["check", "--help"]).stdout.split())
    assert "generic-political" in help_text and "no-mission" in help_text
    listed = runner.invoke(main, ["profiles", "list"]).stdout
    lines = {line.split()[0]: line for line in listed.splitlines()}
    assert "political mission" in lines["unama"] and "political mission" in lines["generic-political"]
    assert "no UN mission" in lines["no-mission"] and "political" not in lines["minusca"]
    shown = runner.invoke(main, ["profiles", "show", "no-mission"]).stdout
    assert "UN presence: none" in shown


def test_every_output_opens_with_the_kind_of_mission(tmp_path: Path) -> None:
    import json

    draft = tmp_path / "sanctions.txt"
    draft.write_text("The Security Council,\n\n1. Decides to renew the measures imposed by paragraph 2;\n")
    runner = CliRunner()
    guessed = runner.invoke(main, ["check", str(draft)]).stdout
    assert (
        "profile no-mission" in guessed and "generic-political" in guessed
    )  # the choices, where none is told
    report = json.loads(
        runner.invoke(main, ["check", str(draft), "--profile", "no-mission", "--format", "json"]).stdout
    )
    assert report["mission"]["un_presence"] == "none"
    line = runner.invoke(main, ["check", str(draft), "--profile", "unsmil"]).stdout
    assert "Profile: UNSMIL (Libya), a political mission" in line


def test_the_web_page_says_the_note_once_in_the_why(tmp_path: Path) -> None:
    from mandatekit.web import Workshop, create_app
    from tests.web.conftest import Browser

    browser = Browser(create_app(Workshop(tmp_path)))
    page = browser.http.get(browser.checked("draft.txt", DRAFT.encode(), profile="generic-political")).text
    finding = page[page.index('id="f-poc-impartial"') :]
    finding = finding[: finding.index('id="f-', 10)]
    assert finding.count("protects no one by force") == 1
    why = finding[finding.index('<p class="why">') :]
    assert "protects no one by force" in why[: why.index("</p>")]
