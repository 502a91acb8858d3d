"""Trial 15 (UNMISS renewal, three rounds): the judge's findings. F3: a condition hedged after it, or by two
hedges side by side, reads as hedged as 'and, as appropriate, in strict compliance with the HRDDP'."""

from __future__ import annotations

import pytest

from tests.judge.one_rule import finding

ANY_SUPPORT = (
    "3. Requests the Mission to ensure that any support provided to non-United Nations security forces "
)


@pytest.mark.parametrize(
    "condition",
    [
        "is provided in strict compliance with the HRDDP, as appropriate and where feasible, and that support is monitored;",
        "is provided, as appropriate and where feasible, in strict compliance with the HRDDP;",
        "is provided in strict compliance with the HRDDP, where feasible;",
    ],
)
def test_a_condition_hedged_after_it_or_by_two_hedges_is_partial(condition: str) -> None:
    f = finding(ANY_SUPPORT + condition, "hrddp-support")
    assert f.verdict == "partial"


def test_hedges_closing_the_next_task_leave_the_condition_whole() -> None:
    text = (
        ANY_SUPPORT
        + "is provided in strict compliance with the HRDDP, and to support institutions as appropriate and where feasible;"
    )
    assert finding(text, "hrddp-support").verdict == "met"


def test_an_idea_counts_elsewhere_only_beside_another_of_the_rules_ideas() -> None:
    # F11: "priorities" in a paragraph on the pandemic is no priority given to protecting civilians.
    text = (
        "3. Decides that the Mission shall protect civilians under threat of physical violence;\n\n"
        "28. Requests the Mission to take into account the priorities of the pandemic response;"
    )
    f = finding(text, "poc-priority")
    assert f.verdict == "partial"
    assert not any("OP 28" in r for r in f.reasons)
    # near miss: priority given to protecting civilians, though in the preamble, is named as it stands
    beside = "Stressing that the protection of civilians must be given priority,\n\n" + text
    assert any("PP 1" in r for r in finding(beside, "poc-priority").reasons)

