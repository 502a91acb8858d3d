"""Issue 18, class 2: a negation far before the words it negates, in the same clause, still negates them;
one in another clause does not."""

from __future__ import annotations

import pytest

from mandatekit import check

ASIDE = (
    "in light of the progress made by the national authorities in the centre, the west and the north-east of "
    "the country and of the benchmarks set out in the Secretary-General's report of 15 October 2026"
)
PRIORITY = "protection of civilians shall remain the Mission's top priority"


@pytest.mark.parametrize(
    "negated",
    [
        f"3. Decides that the {PRIORITY.replace('shall remain', f'shall no longer, {ASIDE}, remain')};",
        f"3. Decides that the {PRIORITY.replace('shall remain', f'shall not, {ASIDE}, remain')};",
        f"3. Decides that the {PRIORITY.replace('shall remain', f'shall cease to be, {ASIDE}, what should remain')};",
    ],
    ids=["no-longer", "not", "cease-to"],
)
def test_a_negation_far_before_the_words_still_negates_them(negated: str) -> None:
    assert len(ASIDE) > 150  # far past any fixed window
    finding = check(negated, only=["poc-priority"]).findings[0]
    assert finding.verdict != "met"
    assert any("Negated" in r for r in finding.reasons)


def test_the_same_words_without_the_negation_are_met() -> None:
    text = f"3. Decides that the {PRIORITY.replace('shall remain', f'shall, {ASIDE}, remain')};"
    assert check(text, only=["poc-priority"]).findings[0].verdict == "met"


def test_a_negation_under_another_verb_of_the_paragraph_does_not_reach_the_words() -> None:
    text = (
        "3. Notes that the benchmarks have not been met, and decides that the protection of civilians shall "
        "remain the Mission's top priority;"
    )
    assert check(text, only=["poc-priority"]).findings[0].verdict == "met"
