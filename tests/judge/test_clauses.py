"""Clause by clause (issue 21): the elements of a finding share the clause one verb governs; a negation reaches
the end of its clause; the evidence cited is what a careful coder would cite."""

from __future__ import annotations

from pathlib import Path

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


def test_a_participle_of_a_statement_opens_a_clause_of_its_own() -> None:
    # "further reiterating the importance of compliance with the SOFA" is stated, not asked, even in an OP
    # that opens with a call.
    text = (
        "7. Reiterates its call on all parties to cooperate fully with the Mission and to remain committed to the "
        "full implementation of its mandate, further reiterating the importance of continued compliance with the "
        "Status of Forces Agreement;"
    )
    assert check(text, only=["sofa-compliance"]).findings[0].verdict == "partial"
    asked = text.replace(
        "further reiterating the importance of continued compliance", "and to ensure compliance"
    )
    assert check(asked, only=["sofa-compliance"]).findings[0].verdict == "met"


def test_a_participle_set_off_by_commas_leaves_the_sentence_its_verb() -> None:
    # "Calls on X, noting ..., to implement": the call resumes after the participle.
    text = (
        "5. Calls upon the authorities, noting their commitments, to comply fully with the Status of Forces "
        "Agreement;"
    )
    assert check(text, only=["sofa-compliance"]).findings[0].verdict == "met"


# A task list under category titles, as MINUSCA's and MONUSCO's mandates print it.
TITLED_TASKS = (
    "3. Requests the Mission to provide good offices to the Government in the promotion of human rights;\n\n"
    "35. Decides that the mandate of the Mission shall include the following priority tasks:\n\n"
    "(a) Protection of civilians\n\n"
    "(i) To protect the civilian population under threat of physical violence;\n\n"
    "(b) Good offices and support to the peace process\n\n"
    "(i) To continue its role in support of the peace process, including the implementation of the ceasefire;\n\n"
    "(ii) To provide good offices in support of efforts to address the root causes of conflict;\n\n"
    "(c) Facilitate the safe and unhindered delivery of humanitarian assistance\n\n"
    "(i) To coordinate closely with the Humanitarian Coordinator;"
)


def test_the_task_under_a_category_title_is_cited_not_the_title() -> None:
    finding = check(TITLED_TASKS, only=["peace-process"]).findings[0]
    assert finding.verdict == "met"
    # The first task under the title that names the peace process, before a detail elsewhere.
    assert finding.refs == ["OP 35(b)(i)"]
    poc = check(TITLED_TASKS, only=["poc-priority"]).findings[0]
    assert poc.refs == ["OP 35", "OP 35(a)(i)"]


def test_a_title_whose_tasks_never_say_it_is_cited_as_it_stands() -> None:
    finding = check(TITLED_TASKS, only=["humanitarian-access"]).findings[0]
    assert finding.refs == ["OP 35(c)"]


def test_the_recommendation_said_whole_is_cited_before_a_task_that_carries_it() -> None:
    # Coders cite "any support ... in strict compliance with the HRDDP", not a task of the mandate's list that
    # carries the condition as a detail, though the list's verb ("Decides") is the stronger.
    text = (
        "15. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(e) Provide support to the Government for the reform of the police, including by contributing, in "
        "compliance with the HRDDP, to the training of police units;\n\n"
        "34. Requests the Mission to ensure that any support provided to national security forces is in strict "
        "compliance with the HRDDP;"
    )
    finding = check(text, only=["hrddp-support"]).findings[0]
    assert finding.verdict == "met"
    assert finding.refs == ["OP 34"]


def test_bullets_in_a_row_are_governed_by_their_paragraph_not_by_the_bullet_before() -> None:
    # S/RES/2659 (2022) OP 43: a verb inside one bullet ("and encourages Member States to contribute") does not
    # govern the bullets after it.
    text = (
        "43. Requests the Secretary-General to fully implement the following capacities in the planning and "
        "conduct of the Mission's operations:\n\n"
        "– prioritising mission mobility, including through generating required assets and encourages Member "
        "States to contribute necessary capabilities;\n\n"
        "– ensuring that any support provided to non-United Nations security forces is provided in strict "
        "compliance with the HRDDP;"
    )
    finding = check(text, only=["hrddp-support"]).findings[0]
    assert finding.verdict == "met"


def test_a_later_verb_that_takes_the_words_up_again_lends_them_its_force() -> None:
    # S/RES/2225 (2015) OP 1: the denial of access condemned is one of 'such practices' demanded to end.
    text = (
        "1. Strongly condemns attacks against schools and hospitals as well as denial of humanitarian access by "
        "parties to armed conflict, and demands that all relevant parties immediately put an end to such "
        "practices and take special measures to protect children;"
    )
    finding = check(text, only=["humanitarian-access"]).findings[0]
    assert finding.verdict == "met"
    assert not finding.reasons


def test_a_later_verb_that_takes_nothing_up_lends_nothing() -> None:
    text = (
        "1. Strongly condemns attacks against schools and hospitals as well as denial of humanitarian access by "
        "parties to armed conflict, and demands that all relevant parties take special measures to protect "
        "children;"
    )
    assert check(text, only=["humanitarian-access"]).findings[0].verdict == "partial"


def test_a_verb_before_the_words_lends_them_nothing() -> None:
    # The demand comes first; what the Council then notes of 'such measures' is stated, not demanded.
    text = (
        "1. Demands that all relevant parties take special measures to protect children, and notes that such "
        "measures must address the denial of humanitarian access by parties to armed conflict;"
    )
    finding = check(text, only=["humanitarian-access"]).findings[0]
    assert finding.verdict == "partial"
    assert "'notes'" in finding.reasons[0]


# A later clause that takes up what the paragraph named before it ('these efforts', 'in this regard', 'to that
# end') asks its own verb's action of those things: S/RES/2461 (2019) OP 5 and OP 6 ask UNSOM's support for the
# reconciliation and dialogue urged of the Government in the clauses before.
TAKEN_UP = (
    "6. Emphasises the need for national reconciliation across the country, urges the Government to pursue "
    "talks at the local level, and requests the Mission to continue supporting these efforts;"
)


def test_a_later_clause_that_takes_up_the_paragraph_asks_its_action_of_what_it_named() -> None:
    finding = check(TAKEN_UP, only=["peace-process"]).findings[0]
    assert finding.verdict == "met"
    assert {e.ref for e in finding.evidence} == {"OP 6"}


def test_in_this_regard_takes_up_the_paragraph_too() -> None:
    text = (
        "5. Urges the Government and the opposition to resume the political dialogue without delay, and further "
        "requests the Mission's support in this regard;"
    )
    assert check(text, only=["peace-process"]).findings[0].verdict == "met"


def test_a_later_clause_that_names_its_own_object_takes_up_nothing() -> None:
    text = TAKEN_UP.replace("supporting these efforts", "supporting the Government")
    assert check(text, only=["peace-process"]).findings[0].verdict == "partial"


def test_a_clause_that_takes_up_the_paragraph_with_no_words_of_its_own_lends_nothing() -> None:
    # The report asked 'in this regard' is not asked of the attacks condemned: they stay condemned only.
    text = (
        "9. Condemns the attacks against peacekeepers, and requests the Secretary-General to report in this "
        "regard;"
    )
    finding = check(text, only=["un-personnel-safety"]).findings[0]
    assert finding.verdict == "partial"
    assert "'Condemns'" in finding.reasons[0]


def test_a_weaker_verb_that_takes_up_the_paragraph_lends_nothing() -> None:
    text = TAKEN_UP.replace(
        "and requests the Mission to continue supporting", "and encourages partners to support"
    )
    assert check(text, only=["peace-process"]).findings[0].verdict == "partial"


def test_what_follows_the_anaphor_is_not_taken_up() -> None:
    # The efforts are those named before them: the talks urged after them are no part of what is supported.
    text = (
        "6. Requests the Mission to continue supporting these efforts, and urges the Government to pursue "
        "national reconciliation;"
    )
    assert check(text, only=["peace-process"]).findings[0].verdict == "partial"


def test_efforts_named_then_taken_up_in_one_clause_are_asked_with_the_later_verb() -> None:
    # 'these efforts' repeats the noun of the clause it joins: the efforts urged are those supported.
    text = (
        "6. Urges the Government to redouble its efforts towards national reconciliation, and requests the "
        "Mission to support these efforts;"
    )
    assert check(text, only=["peace-process"]).findings[0].verdict == "met"


def test_a_paragraph_of_clauses_with_no_verb_read_is_judged_not_a_crash() -> None:
    # A bullet after the number hides the verb: check said "unexpected ValueError" and stopped (exit 2).
    report = check(
        "The Security Council,\n\n1. • End all obstructions to the Mission, including, inter alia, obstructions "
        "that hamper the Mission carrying out its mandate to monitor and investigate human rights violations, "
        "and immediately cease obstructing humanitarian access;\n"
    )
    assert len(report.findings) >= 20


def test_recommends_further_opens_a_clause_of_its_own() -> None:
    from mandatekit.judge.prepared import Prepared
    from mandatekit.read import read_string

    text = (
        "20. Recommends that Member States include child protection in military training; recommends further "
        "that troop-contributing countries train their contingents;"
    )
    prepared = Prepared(read_string(text))
    [para] = [i for i, p in enumerate(prepared.paragraphs) if p.ref == "OP 20"]
    assert len(prepared.index(para).clauses) == 2


def test_an_exclusion_within_a_clause_rules_out_that_clause_not_its_neighbour(tmp_path: Path) -> None:
    """`within: clause`: the context rules out the clause it stands in (the part of the paragraph one verb
    governs), not another clause of the paragraph under a verb of its own."""
    rule = (
        "id: orders\ntitle: Orders\nseverity: low\ntheme: Security sector\nrecommendation: Orders for the army.\n"
        'sources:\n  - id: rwanda-car-2022\n    quote: "recruited outside the ordinary procedure"\n'
        "message: {met: m, partial: p, missing: n}\nmin_verb: calls\n"
        "elements:\n  orders:\n    label: standing orders\n    phrases: [standard operating procedures]\n"
        "exclude:\n  - why: contingents sent to UN operations are not the army\n    within: clause\n"
        "    phrases: [troop-contributing]\n"
        "met: [orders]\nsuggestion: Urges orders;\n"
        'examples:\n  - verdict: met\n    text: "1. Urges the army to adopt standard operating procedures;"\n'
    )
    (tmp_path / "orders.yaml").write_text(rule, encoding="utf-8")
    apart = (
        "4. Urges the Government to adopt standard operating procedures for the army; urges further that "
        "troop-contributing countries train their contingents;"
    )
    together = (
        "4. Urges troop-contributing countries to adopt standard operating procedures for their contingents;"
    )
    assert check(apart, rules=[tmp_path], only=["orders"]).findings[0].verdict == "met"
    assert check(together, rules=[tmp_path], only=["orders"]).findings[0].verdict == "missing"
