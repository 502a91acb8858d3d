"""Which paragraph a met finding cites (issue 21): the one a careful coder cites among those that meet it.
The order among candidates never changes a verdict; each test shows the cited reference changes with the
principle and not without it."""

from __future__ import annotations

from tests.judge.one_rule import finding

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


# --- the task under a title, the core of the recommendation -----------------------------------------------


def test_a_title_announcing_its_tasks_with_a_colon_gives_way_to_the_task() -> None:
    f = finding(
        "3. Decides that the mandate of the Mission shall be as follows:\n\n"
        "(c) Supporting the implementation of the Agreement and the peace process:\n\n"
        "(i) To use good offices to support the peace process;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 3(c)(i)"]


def test_a_task_that_lists_its_own_items_after_a_colon_is_no_title() -> None:
    # '(c) To support the peace process, including by:' is a task: its words are cited with the item's.
    f = finding(
        "3. Decides that the mandate of the Mission shall be as follows:\n\n"
        "(c) To support the peace process, including by:\n\n"
        "(i) technical assistance to the parties;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert "OP 3(c)" in f.refs


def test_accountability_for_atrocity_crimes_is_cited_before_fighting_impunity_in_another_task() -> None:
    f = finding(
        "29. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(f) Work with the authorities to strengthen the judicial system in order to investigate and prosecute "
        "all those allegedly responsible for genocide, war crimes and crimes against humanity;\n\n"
        "(g) Provide advice to the Government to promote human rights and to fight impunity;",
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 29(f)"]


def test_fighting_impunity_alone_still_meets_accountability() -> None:
    f = finding(
        "29. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(g) Provide advice to the Government to promote human rights and to fight impunity;",
        "accountability",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 29(g)"]


def test_security_sector_reform_named_as_such_is_cited_before_the_reform_of_one_force() -> None:
    f = finding(
        "35. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) Provide advice to the Government on the reform of the police;\n\n"
        "(b) Provide good offices, advice and support to the Government to accelerate national ownership of "
        "security sector reform;",
        "ssr-support",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 35(b)"]


def test_what_is_missing_is_said_of_the_ways_that_meet_the_rule_not_of_a_way_cited_first() -> None:
    # The way cited first adds 'security sector reform named as such' to cite; it is never missing.
    f = finding(
        "4. Requests the Mission to provide advice and support to the Government in training the national police;",
        "ssr-support",
    )
    assert f.verdict == "partial"
    assert "not security sector reform or the national security strategy." in f.reasons[0]
    assert "named as such" not in f.reasons[0]


TYPED_HEADINGS = (
    "34. Decides that the mandate of the Mission shall include the following tasks:\n\n"
    "(i) Protection of civilians\n\n"
    "(a) Ensure effective protection of civilians under threat of physical violence;\n\n"
    "(ii) Disarmament, demobilisation and reintegration\n\n"
    "(b) Provide support to the disarmament, demobilisation and reintegration of combatants;"
)


def test_a_typed_heading_between_lettered_tasks_gives_way_to_the_task_it_files() -> None:
    # The reader files '(b)' under the heading '(ii)' by its label (OP 34(ii)(b)), not as its child.
    f = finding(TYPED_HEADINGS, "ddrr")
    assert f.verdict == "met"
    assert f.refs == ["OP 34(ii)(b)"]


def test_a_heading_is_cited_where_no_task_under_it_says_it() -> None:
    f = finding(
        "34. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(ii) Disarmament, demobilisation and reintegration\n\n"
        "(b) Provide technical advice to the authorities on the management of weapons stockpiles;",
        "ddrr",
    )
    assert "OP 34(ii)" in f.refs
