"""A clause that names its subject by paragraph number is read with the words of the paragraphs it names
(judge/borrowed.py): cited at the referring paragraph, with its verb's force; never another text's paragraphs."""

from __future__ import annotations

from mandatekit import check
from mandatekit.judge import Finding, Prepared
from mandatekit.judge.borrowed import MAX_PER_REFERENCE
from mandatekit.read import read_string

DEMANDS = (
    "2. Demands that all parties immediately put an end to all forms of violence, cease and desist from all "
    "violations of international humanitarian law and violations and abuses of human rights;\n\n"
    "3. Demands that all parties cease all attacks against civilians;\n\n"
)


def finding(text: str, rule: str) -> Finding:
    return check(text, only=[rule]).findings[0]


def test_a_report_on_compliance_with_paragraphs_reports_on_what_they_demand() -> None:
    text = DEMANDS + (
        "17. Requests the Secretary-General to report to the Council on the implementation of this resolution by "
        "all parties, in particular paragraphs 2 through 3, every 30 days;"
    )
    f = finding(text, "hr-monitoring")
    assert f.verdict == "partial"  # monitoring of violations by all parties, not public
    assert {e.ref for e in f.evidence} == {"OP 17"}
    assert any("paragraphs 2 through 3" in r and "OP 2" in r for r in f.reasons)
    # Without the reference, nothing asks for a report on violations.
    alone = DEMANDS + "17. Requests the Secretary-General to report to the Council every 30 days;"
    assert finding(alone, "hr-monitoring").verdict == "missing"


def test_another_resolutions_paragraphs_are_not_read() -> None:
    text = DEMANDS + (
        "17. Requests the Secretary-General to report on the implementation of paragraphs 2 and 3 of resolution "
        "2139 (2014);"
    )
    assert finding(text, "hr-monitoring").verdict == "missing"


def test_the_referring_clauses_verb_decides_the_force() -> None:
    text = DEMANDS + "17. Encourages Member States to report on the implementation of paragraph 2;"
    f = finding(text, "hr-monitoring")
    assert f.verdict == "partial"
    assert f.evidence[0].ref == "OP 17"
    text = DEMANDS + "17. Requests the Mission to monitor the implementation of paragraph 2 by all parties;"
    assert finding(text, "hr-monitoring").evidence[0].ref == "OP 17"


def test_what_is_asked_begins_in_the_referring_clauses_own_words() -> None:
    # The referenced paragraph names obstructions of the mission's movement; a report on the paragraph's
    # implementation is a report on compliance, not on each thing the paragraph names.
    text = (
        "1. Condemns the restrictions of the Mission's freedom of movement;\n\n"
        "2. Requests the Secretary-General to report on the implementation of paragraph 1;"
    )
    f = finding(text, "sofa-reporting")
    assert f.verdict == "partial"
    assert "OP 2" not in {e.ref for e in f.evidence}


def test_what_a_referenced_paragraph_only_minds_is_not_borrowed() -> None:
    text = (
        "1. Authorizes the regional force to support the national army, with due consideration for the safety "
        "and security of United Nations personnel;\n\n"
        "2. Requests the Secretary-General to report on the implementation of paragraph 1;"
    )
    assert finding(text, "sofa-reporting").verdict == "missing"
    asked = text.replace("with due consideration for", "and to ensure")
    assert finding(asked, "sofa-reporting").verdict == "partial"  # a report on the safety of UN personnel


def test_one_level_of_reference_only() -> None:
    # OP 3 names OP 2, which names OP 1: OP 3 is read with OP 2's words, not OP 1's.
    text = (
        "1. Demands that all parties cease all violations and abuses of human rights;\n\n"
        "2. Stresses the importance of the full implementation of paragraph 1;\n\n"
        "3. Requests the Secretary-General to report on the implementation of paragraph 2;"
    )
    f = finding(text, "hr-monitoring")
    assert "OP 3" not in {e.ref for e in f.evidence}


def test_a_paragraph_does_not_borrow_its_own_words() -> None:
    text = "5. Requests the Secretary-General to report on violations of the measures in paragraph 5;"
    assert Prepared(read_string(text)).borrowed.borrowings == []


def test_what_one_reference_borrows_is_bounded() -> None:
    long = ", ".join(["cease all violations of human rights"] * 2000)
    text = (
        f"1. Demands that all parties {long};\n\n2. Requests the Secretary-General to report on paragraph 1;"
    )
    borrowed = Prepared(read_string(text)).borrowed
    assert len(borrowed.borrowings) == 1
    assert borrowed.borrowed_chars <= MAX_PER_REFERENCE


LONG_REPORT = (
    "15. Requests the Secretary-General, in consultation with the Chairperson of the Commission, to submit a "
    "joint report to the Council every 180 days on the status of implementation of the mandate that the "
    "Council authorizes for the conduct of any such operation within the framework of this resolution, "
)


def test_a_reference_far_down_its_clause_as_an_item_of_what_is_asked_is_read_with_it() -> None:
    # The report asked at the clause's opening, the reference one of its items ("including ...") far after.
    text = DEMANDS + LONG_REPORT + "including the state of compliance with paragraphs 2 to 3 above;"
    f = finding(text, "hr-monitoring")
    assert f.verdict == "partial"
    assert {e.ref for e in f.evidence} == {"OP 15"}
    # A report asked by the verb that asks for it: "to submit a report on compliance with paragraph 2".
    near = DEMANDS + "15. Requests the Secretary-General to submit a report on compliance with paragraph 2;"
    assert finding(near, "hr-monitoring").verdict == "partial"


def test_a_reference_far_down_its_clause_with_no_marker_is_read_in_its_place() -> None:
    # Near miss: the same words, the reference not an item of the report but the measure of another thing.
    text = (
        DEMANDS + LONG_REPORT + "and on the resources of the operation as set out in paragraphs 2 to 3 above;"
    )
    assert finding(text, "hr-monitoring").verdict == "missing"
    # Near miss: a report submitted elsewhere in the clause is not asked for ("to submit" its views).
    views = DEMANDS + "15. Invites the parties to submit their views on compliance with paragraph 2;"
    assert finding(views, "hr-monitoring").verdict == "missing"
