"""Words in the wrong place stand for no element (issue 21, round 9, a MONUSCO advocate's drafts): a group
named among the civilians a protection task picks out is not the access a rule asks for, a heading over the
tasks asks nothing, and the words shown under an element are words that prove it."""

from __future__ import annotations

from tests.judge.one_rule import finding

HEADED = (
    "2. Decides that the mandate of the Mission shall include the following tasks:\n\n"
    "(i) Protection of civilians\n\n"
    "(a) Protect civilians under threat of physical violence;\n\n"
    "(ii) Impartial support to the political process\n\n"
    "(b) {task}"
)


def test_a_heading_between_the_tasks_asks_nothing() -> None:
    f = finding(
        HEADED.format(task="Provide logistical support to the national defence forces;"), "peace-process"
    )
    assert f.verdict == "partial"
    assert "heading" in f.reasons[0]


def test_a_task_under_the_heading_meets_it() -> None:
    f = finding(HEADED.format(task="Support the implementation of the peace agreement;"), "peace-process")
    assert f.verdict == "met"
    assert [e.ref for e in f.evidence] == ["OP 2(ii)(b)", "OP 2(ii)(b)"]


def test_impartial_in_a_title_over_the_task_is_not_the_support_s_impartiality() -> None:
    f = finding(
        "2. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(b) Impartial support to the political process:\n\n"
        "(i) Support the implementation of the peace agreement and the ceasefire;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert "impartial" not in {e.element for e in f.evidence}


def test_impartiality_said_of_the_support_itself_is_cited() -> None:
    f = finding(
        "5. Requests the Mission to use its good offices to support, impartially, the implementation of the "
        "peace agreement;",
        "peace-process",
    )
    assert f.verdict == "met"
    assert [e.text.endswith("impartially") for e in f.evidence if e.element == "impartial"] == [True]


POC_TASK = (
    "34. Decides that the mandate of MONUSCO shall include the following tasks:\n\n"
    "(a) Prevent, deter and stop all armed groups from inflicting violence on the populations, paying "
    "particular attention to civilians gathered in displaced persons and refugee camps, peaceful "
    "demonstrators, humanitarian personnel and human rights defenders, while ensuring the risk to civilians "
    "are mitigated before, during and after any military operation;"
)


def test_humanitarian_personnel_among_the_civilians_protected_are_no_access() -> None:
    f = finding(POC_TASK, "humanitarian-access")
    assert f.verdict == "partial"
    assert [e.element for e in f.evidence] == ["among_protected"]


def test_the_access_demanded_beside_the_same_list_meets_it() -> None:
    f = finding(
        POC_TASK
        + "\n\n40. Demands that all parties allow and facilitate the full, safe and unhindered access "
        "of humanitarian personnel, equipment and supplies;",
        "humanitarian-access",
    )
    assert f.verdict == "met"
    assert {e.ref for e in f.evidence} == {"OP 40"}


def test_the_violation_is_shown_as_the_violation_and_the_theme_as_the_theme() -> None:
    f = finding(
        "37. Requests MONUSCO to take fully into account child protection as a cross-cutting issue throughout "
        "its mandate in order to end and prevent violations and abuses against children;",
        "children",
    )
    assert f.verdict == "met"
    shown = {e.element: e.text for e in f.evidence}
    assert shown["grave_violations"] == "abuses against children"


def test_child_protection_alone_is_shown_under_its_own_name() -> None:
    f = finding(
        "7. Requests the Mission to prevent and address threats to child protection in the areas of its "
        "deployment;",
        "children",
    )
    assert f.verdict == "met"
    assert {e.element for e in f.evidence} == {"child_protection", "action"}


def test_children_among_the_civilians_protected_are_no_grave_violation() -> None:
    f = finding(
        "3. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) Protect civilians under threat of attacks, paying particular attention to displaced persons, "
        "women, children, persons with disabilities and human rights defenders;",
        "children",
    )
    assert f.verdict == "partial"
    assert [e.element for e in f.evidence] == ["civilians_including_children"]
