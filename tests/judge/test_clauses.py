"""Clause by clause (issue 21): the elements of a finding share the clause one verb governs; a negation reaches
the end of its clause; the evidence cited is what a careful coder would cite."""

from __future__ import annotations

from mandatekit import check

# The issue's own example: four verbs, four clauses; the words of two of them do not add up.
FOUR_CLAUSES = (
    "12. Requests the Secretary-General to ensure the safety of the Mission's personnel, underscores the "
    "importance of the Mission's mobility, notes with concern the risks that violations of the SOFA present to "
    "the Mission's operations, and requests the Mission to support national authorities in completing "
    "investigations of crimes against peacekeepers;"
)


def test_words_under_two_verbs_of_one_paragraph_do_not_add_up() -> None:
    finding = check(FOUR_CLAUSES, only=["sofa-reporting"]).findings[0]
    assert finding.verdict == "partial"
    assert "not in one clause" in finding.reasons[0]


def test_the_same_words_under_one_verb_do() -> None:
    text = (
        "12. Requests the Mission to support national authorities in completing investigations of the violations "
        "of the SOFA;"
    )
    assert check(text, only=["sofa-reporting"]).findings[0].verdict == "met"


def test_a_clause_that_refers_back_joins_the_one_before() -> None:
    text = "7. Condemns the violations of the SOFA, and requests the Secretary-General to report on these violations;"
    assert check(text, only=["sofa-reporting"]).findings[0].verdict == "met"


def test_words_far_apart_in_one_clause_stand_together() -> None:
    # More than eight words between the support and its condition: one clause, one verb, one condition.
    text = (
        "20. Requests MINUSCA to provide logistical support for the progressive redeployment of vetted national "
        "forces to the provinces in the east and the north-west of the country, engaged in joint operations "
        "with the Mission, in strict compliance with the HRDDP;"
    )
    assert check(text, only=["hrddp-support"]).findings[0].verdict == "met"


def test_a_lead_in_lends_its_items_only_the_clause_that_announces_them() -> None:
    text = (
        "34. Decides that the mandate of the Mission shall include the following tasks, and decides that the "
        "electoral calendar shall remain a priority:\n\n"
        "(a) To protect civilians under threat of physical violence;"
    )
    assert check(text, only=["poc-priority"]).findings[0].verdict == "partial"
    announcing = text.replace("the following tasks, and decides that the electoral calendar shall remain a priority:",
                              "the following priority tasks:")  # fmt: skip
    assert check(announcing, only=["poc-priority"]).findings[0].verdict == "met"


def test_the_strongest_verb_is_cited_not_the_smallest_paragraph() -> None:
    text = (
        "3. Requests the Mission to continue to support the peace process;\n\n"
        "4. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) To support the peace process through its good offices;"
    )
    finding = check(text, only=["peace-process"]).findings[0]
    assert finding.verdict == "met"
    assert "OP 4(a)" in finding.refs and "OP 3" not in finding.refs


def test_the_words_a_paragraph_is_about_are_cited_not_a_detail_deep_inside_another() -> None:
    detail = (
        "5. Requests the Mission to support the national authorities in the reform of the security sector, in the "
        "extension of State authority, in the fight against impunity and, where requested, in the peace process;"
    )
    about = "9. Requests the Mission to support the peace process through its good offices;"
    finding = check(f"{detail}\n\n{about}", only=["peace-process"]).findings[0]
    assert finding.refs == ["OP 9"]
