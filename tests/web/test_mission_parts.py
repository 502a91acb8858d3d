"""The mission line on a result page's first screen: its first sentence shown, the rest folded under it. A
sentence ends at a full stop before a capital, never after an initial or an abbreviation (the round 11 review:
'chosen by the U.N. symbol' was cut after 'U.N.')."""

from __future__ import annotations

from mandatekit.web.views import mission_parts


def test_the_first_sentence_is_shown_and_the_rest_folded() -> None:
    head, rest = mission_parts(
        "Profile: MONUSCO (Democratic Republic of the Congo). Detected from the draft."
    )
    assert head == "Profile: MONUSCO (Democratic Republic of the Congo)."
    assert rest == "Detected from the draft."


def test_initials_and_abbreviations_do_not_end_the_sentence() -> None:
    assert (
        mission_parts("Profile: X, chosen by the U.N. symbol. More.")[0]
        == "Profile: X, chosen by the U.N. symbol."
    )
    assert mission_parts("Profile: Y (Dem. Rep. of Z). More.")[0] == "Profile: Y (Dem. Rep. of Z)."


def test_a_line_of_one_sentence_is_shown_whole() -> None:
    assert mission_parts("Profile: UNMISS (South Sudan)") == ("Profile: UNMISS (South Sudan)", "")
