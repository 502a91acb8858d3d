"""Findings of trial 12 (a political officer drafting the UNSMIL renewal from S/RES/2647 (2022)), each as a
principle on short drafts of any mission: whom a verb asks, and what a finding says it found."""

from __future__ import annotations

from tests.judge.one_rule import finding

ACCESS = "full, safe and unhindered humanitarian access to all people in need"


def test_a_request_to_the_parties_asks_what_a_call_does_and_a_demand_meets() -> None:
    # 'Requests' tasks the Secretary-General or a mission; addressed to the parties it is no stronger than
    # 'Calls upon', so the fix that swaps one for the other does not change the verdict, and the reason says
    # that of them the Council demands. (Asked of the host authorities: a call on all the parties to the
    # conflict for access is met, coders say, and so is the request that asks what it does.)
    whom = "the authorities and relevant stakeholders"
    called = finding(f"8. Calls upon {whom} to allow and facilitate {ACCESS};", "humanitarian-access")
    requested = finding(f"8. Requests {whom} to allow and facilitate {ACCESS};", "humanitarian-access")
    assert called.verdict == requested.verdict == "partial"
    assert "Demands that the authorities" in requested.reasons[0]
    assert "needs 'Requests' language." not in requested.reasons[0]
    demanded = finding(
        f"8. Demands that the authorities allow and facilitate {ACCESS};", "humanitarian-access"
    )
    assert demanded.verdict == "met"
    to_all = [
        finding(f"8. {verb} all parties to allow and facilitate {ACCESS};", "humanitarian-access")
        for verb in ("Calls upon", "Requests")
    ]
    assert [f.verdict for f in to_all] == ["met", "met"]
    # Near miss: the same verb addressed to the mission tasks it.
    tasked = finding(f"8. Requests the Mission to facilitate {ACCESS};", "humanitarian-access")
    assert tasked.verdict == "met"
    # A mission named by its acronym is the UN, whichever letters follow the UN's own ('BINUH', 'UNSMIL'):
    # its profile names it (judge/un_bodies.py). So even when the parties are named later in its task.
    for mission in ("BINUH", "UNSMIL", "MONUSCO"):
        named = finding(
            f"8. Requests {mission}, through its advocacy with all parties, to facilitate {ACCESS};",
            "humanitarian-access",
        )
        assert named.verdict == "met", mission


def test_a_task_of_the_mission_asked_of_the_parties_says_the_mission_must_be_tasked() -> None:
    # A rule that asks a task of the UN: a call on the parties is no task, and the reason says the mission
    # must be tasked, not that the parties be 'requested'.
    f = finding(
        "5. Calls upon all parties to support the political process and the ceasefire talks;", "peace-process"
    )
    assert f.verdict == "partial"
    assert any("tasks the Secretary-General or the mission" in r for r in f.reasons)


def test_what_a_partial_finding_says_it_found_is_there() -> None:
    # 'public institutions' is no public reporting: the reason does not send the drafter to the preamble
    # for it; a report made public is.
    monitoring = "5. Requests the Mission to monitor and report on violations of human rights by all parties;"
    f = finding("Supporting the public institutions of the country,\n\n" + monitoring, "hr-monitoring")
    assert f.verdict == "partial" and not any("PP 1" in r for r in f.reasons)
    f = finding(monitoring.replace("report on", "report publicly on"), "hr-monitoring")
    assert f.verdict == "met"
    # UN personnel's freedom of movement alone: the message claims no attacks, the reason names what was found.
    f = finding(
        "11. Demands that all parties respect the freedom of movement of UNSMIL personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "partial"
    assert "ttacks" not in f.message
    assert any("freedom of movement" in r for r in f.reasons)


WITHDRAWN = (
    "11. Urges Member States to support the ceasefire agreement, including through the withdrawal of all "
    "foreign forces, foreign fighters, and mercenaries from the country without further delay;"
)


def test_forces_the_draft_asks_to_withdraw_are_not_partners() -> None:
    # Foreign forces and mercenaries to be withdrawn: outside UN command, addressed (coders: partial), but
    # found as forces to withdraw, and the language proposed addresses forces at the host's invitation only.
    f = finding(WITHDRAWN, "bilateral-forces")
    assert f.verdict == "partial"
    assert all("withdraw" in e.label for e in f.evidence)
    assert "at the invitation of" in f.suggestion
    # Nor are they the actors whose violations are monitored.
    monitoring = "5. Requests the Mission to monitor and report publicly on violations of human rights;\n\n"
    assert finding(monitoring + WITHDRAWN, "hr-monitoring").verdict == "partial"
    # Near miss: the same forces named among the perpetrators are covered.
    named = monitoring.replace("human rights;", "human rights, including by foreign forces and mercenaries;")
    assert finding(named, "hr-monitoring").verdict == "met"
    # Another State's army told to withdraw is a belligerent, not forces beside the mission (coders: missing).
    withdrawal = "1. Calls for the full withdrawal of Ruritanian forces from the territory;"
    assert finding(withdrawal, "bilateral-forces").verdict == "missing"
    status_quo = "1. Calls on the Ruritanian forces to restore the military status quo in the area;"
    assert finding(status_quo, "bilateral-forces").verdict == "partial"
