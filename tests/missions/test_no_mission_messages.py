"""A text that mandates no UN mission (a sanctions regime, a thematic resolution: `--profile no-mission`) is told
its gaps in words that presume no mission: every verdict's message names no one it would not have ("the
mission" said of a text that has none), or names the UN presence through {mission}, which fills as "the United
Nations system" there. The verdicts are the draft's, whatever the profile."""

from __future__ import annotations

import re

from mandatekit.api import setup
from mandatekit.judge.messages import filled_with
from mandatekit.missions import effective
from mandatekit.read import read_string

# "the mission" presumes one; "a mission or force" says what the recommendation asks of any
THE_MISSION = re.compile(r"\b(?:the|its) mission(?:'s)?\b", re.IGNORECASE)
PEACE_DRAFT = """The Security Council,

Welcoming the signing of the peace agreement between the parties,

1. Decides to renew the measures imposed by paragraph 2 of resolution 2000 (2011) until 1 July 2027;

2. Decides to remain actively seized of the matter.
"""


def test_no_message_or_note_presumes_a_mission() -> None:
    s = setup(profile="no-mission")
    profile = effective(s.profile)  # the values a draft is judged with
    filled = filled_with(profile)
    for rule in s.rulebook.rules:
        for verdict in ("met", "partial", "missing"):
            text = filled(getattr(rule.message, verdict))
            assert not THE_MISSION.search(text), (rule.id, verdict, text)
            assert "{" not in text and not text.startswith("the "), (rule.id, verdict, text)
        note = filled(rule.note_for(profile))
        # a note may say that no UN mission is mandated, never speak of one as if there were
        assert not THE_MISSION.search(note.replace("no UN mission", "")), (rule.id, note)


def test_the_peace_process_is_the_secretary_general_s_where_no_mission_is_mandated() -> None:
    findings = {f.rule: f for f in setup(profile="no-mission").judge(read_string(PEACE_DRAFT)).findings}
    peace = findings["peace-process"]
    assert peace.verdict.value == "partial"
    assert peace.suggestion.startswith("Requests the Secretary-General to use his good offices")
    assert "good offices" in peace.note and not THE_MISSION.search(peace.message.replace("no UN mission", ""))
    # the same draft, judged for a peacekeeping operation, gets the same verdicts
    keeping = {f.rule: f.verdict for f in setup(profile="generic").judge(read_string(PEACE_DRAFT)).findings}
    assert keeping == {r: f.verdict for r, f in findings.items()}
