"""Trial 15 (UNMISS renewal, three rounds): the judge's findings. F3: a condition hedged after it, or by two
hedges side by side, reads as hedged as 'and, as appropriate, in strict compliance with the HRDDP'. F11: an
idea said to stand 'only in other paragraphs' is cited only where the rule's subject stands too, and a bullet
says which bullet of its paragraph it is."""

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


BULLETS = (
    "9. Calls upon the Government of South Sudan to:\n\n"
    "• Make progress on creating a conducive political environment;\n\n"
    "• End all obstructions to UNMISS, including restrictions on its freedom of movement;\n\n"
    "10. Requests the Secretary-General to report to the Council;"
)


def test_a_bullet_keeps_its_paragraphs_ref_and_says_which_bullet_it_is() -> None:
    # F11: four bullets all cited "OP 3(a)(i)". The ref stays the paragraph's (as the Council cites it), the
    # bullet is told apart by its place under it.
    f = finding(BULLETS, "sofa-compliance")
    found = [(e.ref, e.part) for e in f.evidence]
    assert found and all(ref == "OP 9" and part == "second bullet" for ref, part in found)
    # near miss: a paragraph with no bullets is no part of another
    assert all(e.part is None for e in finding(BULLETS.replace("• ", ""), "sofa-compliance").evidence)
