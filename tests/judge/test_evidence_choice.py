"""Which paragraph a met finding cites (issue 21): the one a careful coder cites among those that meet it.
The order among candidates never changes a verdict; each test shows the cited reference changes with the
principle and not without it."""

from __future__ import annotations

from mandatekit import check
from mandatekit.judge import Finding


def finding(text: str, rule: str) -> Finding:
    report = check(text, only=[rule])
    assert len(report.findings) == 1
    return report.findings[0]


# --- the thing asked, not a report about it ---------------------------------------------------------------


def test_a_request_to_report_on_the_safety_of_personnel_gives_way_to_a_request_to_ensure_it() -> None:
    f = finding(
        "12. Continues to request the Secretary-General to report to the Security Council any actions that "
        "impede the safety, security and freedom of movement of United Nations personnel;\n\n"
        "13. Stresses that restrictions on freedom of movement present serious risks to the mission, and "
        "requests the Secretary-General, Member States and all parties to strengthen their efforts to take all "
        "appropriate measures to ensure the safety, security and freedom of movement of United Nations "
        "personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 13"]


def test_a_report_is_cited_where_it_is_all_the_draft_asks() -> None:
    f = finding(
        "12. Requests the Secretary-General to report to the Security Council any actions that impede the "
        "safety, security and freedom of movement of United Nations personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 12"]


def test_an_item_that_reports_under_a_request_gives_way_to_the_demand_itself() -> None:
    f = finding(
        "13. Urges States to conduct full and effective investigations and to prosecute those responsible for "
        "crimes against humanitarian personnel;\n\n"
        "16. Requests the Secretary-General to:\n\n"
        "(c) Continue to provide, as part of his regular reporting, information on actions taken to hold "
        "accountable those who commit such crimes;",
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 13"]


def test_a_review_to_submit_is_a_report_and_the_mission_s_own_task_is_cited() -> None:
    f = finding(
        "3. Requests the Secretary-General to submit a strategic review of the Mission, in order to facilitate "
        "an effective political process;\n\n"
        "9. Calls upon all parties to refrain from violence, and requests the Mission to facilitate dialogue "
        "and reconciliation through its mediation and good offices;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 9"]


def test_where_the_report_is_what_the_rule_asks_the_reporting_request_is_cited_first() -> None:
    # Reporting on violations of the status-of-forces agreement is the recommendation itself.
    f = finding(
        "4. Requests the Secretary-General to report on violations of the Status of Forces Agreement;\n\n"
        "5. Demands that the authorities end all violations of the Status of Forces Agreement;",
        "sofa-reporting",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 4"]


# --- each element in words of its own ---------------------------------------------------------------------


GOOD_OFFICES = (
    "29. Decides that the mandate of the Mission shall include the following tasks:\n\n"
    "(a) Provide good offices, advice and support to the Government to promote human rights and to fight "
    "impunity;\n\n"
    "(b) Provide good offices and technical support with a view to furthering intercommunal reconciliation;"
)


def test_the_task_naming_the_process_beside_the_role_is_cited_before_good_offices_alone() -> None:
    # 'Good offices' is the role and the process at once; (b) names the process in words of its own.
    f = finding(GOOD_OFFICES, "peace-process")
    assert f.verdict == "met"
    assert f.refs == ["OP 29(b)"]
    assert {e.text for e in f.evidence} == {"support", "intercommunal reconciliation"}


def test_good_offices_alone_still_meet_and_are_cited() -> None:
    f = finding(
        "29. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) Provide good offices to the Government;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 29(a)"]
