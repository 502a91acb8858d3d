"""Verdicts and their reasons. Drafts here are worded differently from the rule files' own examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit import check
from tests.builders import DraftBuilder, Run
from tests.judge.one_rule import finding

# --- each partial reason -------------------------------------------------------------------------------


def test_preamble_only_is_partial_with_the_reason() -> None:
    f = finding(
        "Stressing that any support to the national security forces must comply fully with the human "
        "rights due diligence policy,\n\n1. Decides to renew the mandate;",
        "hrddp-support",
    )
    assert f.verdict == "partial"
    assert "preamble" in f.reasons[0] and "PP 1" in f.reasons[0]


def test_weak_verb_is_partial_and_names_the_verb() -> None:
    f = finding(
        "1. Invites the Mission to make its support to the FACA conditional on the HRDDP;", "hrddp-support"
    )
    assert f.verdict == "partial"
    assert "'Invites'" in f.reasons[0]


def test_calls_upon_does_not_task_the_mission() -> None:
    f = finding(
        "1. Calls upon the Mission to report publicly on human rights violations by all parties;",
        "hr-monitoring",
    )
    assert f.verdict == "partial"
    assert "does not task the mission" in f.reasons[0]


def test_calls_upon_does_bind_the_host_state() -> None:
    f = finding("1. Calls upon the authorities to respect the status-of-forces agreement;", "sofa-compliance")
    assert f.verdict == "met"


def test_bracketed_text_is_partial() -> None:
    f = finding(
        "1. Decides that the Mission shall protect civilians [irrespective of the source of the threat];",
        "poc-impartial",
    )
    assert f.verdict == "partial"
    assert "square brackets" in f.reasons[0]


def test_a_bracketed_governing_verb_is_not_agreed() -> None:
    f = finding("1. [Decides] that the Mission shall protect civilians irrespective of the source of violence;",
                "poc-impartial")  # fmt: skip
    assert f.verdict == "partial"
    assert f.reasons == [
        "The governing verb 'Decides' (OP 1) is in square brackets: the commitment is not yet agreed."
    ]
    f = finding(
        "1. Decides that the mandate shall include:\n\n(a) [To protect civilians from any party];",
        "poc-impartial",
    )
    assert f.verdict == "partial" and "only in bracketed, unagreed text in OP 1(a)" in f.reasons[0]


def test_bracketed_verb_choice_counts_the_weakest() -> None:
    f = finding(
        "1. [Requests/Encourages] the Mission to support the FACA in full compliance with the HRDDP;",
        "hrddp-support",
    )
    assert f.verdict == "partial"


def test_a_conditional_negation_is_a_condition() -> None:
    f = finding("1. Decides that MINUSCA shall not provide support to any security forces that do not comply "
                "with the Human Rights Due Diligence Policy;", "hrddp-support")  # fmt: skip
    assert f.verdict == "met", f.reasons
    f = finding(
        "1. Decides that MINUSCA shall no longer support the FACA in accordance with the HRDDP;",
        "hrddp-support",
    )
    assert f.verdict == "partial" and "Negated" in f.reasons[0]


def test_negated_language_is_partial() -> None:
    f = finding(
        "1. Decides that the protection of civilians shall no longer be a priority task of the Mission;",
        "poc-priority",
    )
    assert f.verdict == "partial"
    assert "Negated" in f.reasons[0] and "no longer" in f.reasons[0]


def test_some_elements_only_names_what_is_missing() -> None:
    f = finding(
        "1. Requests the Mission to support the national army;\n\n2. Notes the HRDDP;", "hrddp-support"
    )
    assert f.verdict == "partial"
    assert "compliance with the HRDDP as the condition" in f.reasons[0]


def test_elements_in_sibling_sub_paragraphs_are_not_together() -> None:
    text = (
        "1. Decides that the Mission shall have the following tasks:\n\n(a) To protect civilians;\n\n"
        "(b) To support free, fair and credible elections with all parties;"
    )
    assert finding(text, "poc-impartial").verdict != "met"


def test_tracked_deletion_never_counts(tmp_path: Path) -> None:
    b = DraftBuilder().front("The Security Council,")
    b.runs(
        Run("Requests", "italic"),
        Run(" the Mission to protect civilians "),
        Run("irrespective of the source of the threat", "del"),
        Run(";"),
    )
    path = b.save(tmp_path / "d.docx")
    report = check(path, only=["poc-impartial"])
    assert report.findings[0].verdict == "missing"


def test_tracked_insertion_counts(tmp_path: Path) -> None:
    b = DraftBuilder().front("The Security Council,")
    b.runs(
        Run("Requests", "italic"),
        Run(" the Mission to protect civilians "),
        Run("irrespective of the source of the threat", "ins"),
        Run(";"),
    )
    report = check(b.save(tmp_path / "d.docx"), only=["poc-impartial"])
    assert report.findings[0].verdict == "met"
    assert report.findings[0].evidence[0].ref == "OP 1"


# --- hedges --------------------------------------------------------------------------------------------


def test_standard_poc_hedge_is_reported_but_not_a_failure() -> None:
    f = finding(
        "1. Decides that the Mission shall protect civilians from any party, within its capabilities and "
        "areas of deployment;",
        "poc-impartial",
    )
    assert f.verdict == "met"
    assert any("standard protection-of-civilians language" in h for h in f.hedges)


def test_other_hedges_are_reported() -> None:
    f = finding(
        "1. Requests the Mission, as appropriate, to support the FACA in line with the HRDDP;",
        "hrddp-support",
    )
    assert f.verdict == "met"
    assert f.hedges == ["'as appropriate' (OP 1) qualifies the commitment"]


def test_a_hedge_qualifies_the_ask_its_verb_opens_not_the_next() -> None:
    """Trial 13 (finding 8): in a paragraph of several asks, a hedge stands in the ask its verb opens: the
    'as appropriate' of "Encourages the exchange of information ..., as appropriate," does not qualify what
    the paragraph's next verb asks."""
    f = finding(
        "1. Encourages the exchange of information with the regional organisation, as appropriate, and requests "
        "the Mission to ensure that any support provided to the national armed forces is in strict compliance "
        "with the HRDDP;",
        "hrddp-support",
    )
    assert f.verdict == "met"
    assert f.hedges == []


def test_a_hedge_beside_the_condition_makes_it_optional() -> None:
    """Trial 13: "and, as appropriate, in strict compliance with the HRDDP" hedges the condition itself: the
    support is no longer conditional on the policy. The near miss: the hedge on the task, the condition whole."""
    for text in (
        "1. Requests the Mission to ensure that any support provided to the national security forces is subject "
        "to oversight and, as appropriate, in strict compliance with the HRDDP;",
        "1. Requests the Mission to support the FACA, as appropriate, in line with the HRDDP;",
        "1. Requests the Mission to support the FACA in line with the HRDDP, where possible;",
    ):
        f = finding(text, "hrddp-support")
        assert f.verdict == "partial", text
        assert any("condition itself" in r for r in f.reasons), text
    near = finding(
        "1. Requests the Mission to support the FACA where possible and in strict compliance with the HRDDP at "
        "all times;",
        "hrddp-support",
    )
    assert near.verdict == "met"


def test_a_condition_hedged_beside_a_paragraph_that_meets_the_rule_is_told() -> None:
    """Another paragraph keeps the condition whole: the verdict stands on it, and the hedged one is named."""
    f = finding(
        "1. Requests the Mission to ensure that any support provided to the national security forces is subject "
        "to oversight and, as appropriate, in strict compliance with the HRDDP;\n\n2. Requests the Mission to "
        "conduct joint operations with the national security forces in strict compliance with the HRDDP;",
        "hrddp-support",
    )
    assert f.verdict == "met"
    assert [e.ref for e in f.evidence] == ["OP 2", "OP 2"]
    assert any("(OP 1) qualifies the condition itself" in h for h in f.hedges)


def test_a_hedge_closing_another_task_of_the_clause_is_not_the_findings() -> None:
    """'as appropriate' closes the task 'to update the logistical support plan': the support and its HRDDP
    condition stand outside it, unhedged. The near miss: the same hedge closing the support task itself."""
    f = finding(
        "1. Requests the Secretary-General to continue to provide a logistical support package to the national "
        "forces, and, in consultation with the regional organization, to update the logistical support plan as "
        "appropriate, in full compliance with the Human Rights Due Diligence Policy;",
        "hrddp-support",
    )
    assert f.verdict == "met"
    assert f.hedges == []
    near = finding(
        "1. Requests the Secretary-General to update the logistical support plan, and to provide support to "
        "the national forces as appropriate, in full compliance with the Human Rights Due Diligence Policy;",
        "hrddp-support",
    )
    assert near.verdict == "met"
    assert near.hedges == ["'as appropriate' (OP 1) qualifies the commitment"]
    # A hedge inside a task, before its verb, qualifies that task: the prosecution, not the vetting before it.
    text = (
        "1. Calls upon the authorities to adopt vetting procedures for all defence and security personnel, and "
        "to investigate and as appropriate prosecute individuals responsible for violations of international "
        "humanitarian law;"
    )
    assert finding(text, "ssr-vetting").hedges == []
    assert finding(text, "accountability").hedges == ["'as appropriate' (OP 1) qualifies the commitment"]


def test_a_hedge_in_one_clause_is_scoped_to_that_clause() -> None:
    """'where possible' after a semicolon governs its own clause (the chains of command), not the public
    reporting before it; a hedge in a paragraph of one clause (the near miss) qualifies the whole."""
    f = finding(
        "1. Requests the Mission to monitor, investigate and report publicly on abuses and violations of human "
        "rights; and, where possible, to report on the chains of command that led to them;",
        "hr-monitoring",
    )
    assert f.hedges == [
        "'where possible' (OP 1) qualifies the commitment only in its clause “where possible, to report on "
        "the chains of command that led to them”, not the rest of the paragraph"
    ]
    from mandatekit.render.placement import _NAMED_HEDGE  # a verb swap still takes the hedge out

    named = _NAMED_HEDGE.fullmatch(f.hedges[0])
    assert named is not None and named.group(1, 2) == ("where possible", "OP 1")
    whole = finding(
        "1. Requests the Mission, where possible, to monitor, investigate and report publicly on abuses and "
        "violations of human rights;",
        "hr-monitoring",
    )
    assert whole.hedges == ["'where possible' (OP 1) qualifies the commitment"]


# --- evidence ------------------------------------------------------------------------------------------


def test_evidence_quotes_the_drafters_words_with_offsets() -> None:
    text = "1. Decides that the mandate shall include:\n\n(a) To protect civilians \u201cirrespective of the source\u201d;"
    f = finding(text, "poc-impartial")
    assert f.verdict == "met"
    by_element = {e.element: e for e in f.evidence}
    e = by_element["all_perpetrators"]
    assert (e.ref, e.text) == ("OP 1(a)", "irrespective of the source")
    assert text.split("(a) ")[1][e.start : e.end] == e.text


# --- paraphrases: met in other words ---------------------------------------------------------------------

PARAPHRASES = [
    ("poc-priority", "5. Decides that protecting civilians shall be the Mission's overriding priority;"),
    (
        "poc-impartial",
        "6. Requests the Mission to protect civilians from threats of violence by all armed actors, "
        "including national defence and security forces;",
    ),
    (
        "poc-impartial",
        "7. Decides that the Mission shall protect civilians regardless of the identity of the perpetrator;",
    ),
    (
        "poc-policy",
        "8. Requests the Mission to carry out its mandate in line with the DPO policy on the protection "
        "of civilians;",
    ),
    (
        "hrddp-support",
        "9. Decides that all assistance to the internal security forces shall be strictly "
        "conditional on adherence to the Human Rights Due Diligence Policy;",
    ),
    (
        "hrddp-mitigation",
        "10. Urges the Government to implement the mitigation measures recommended under the HRDDP;",
    ),
    (
        "hrddp-resources",
        "11. Requests the Secretary-General to dedicate the necessary capacity to the HRDDP;",
    ),
    (
        "sofa-compliance",
        "12. Demands that all parties lift the roadblocks impeding the Mission's patrols and "
        "respect the SOFA;",
    ),
    (
        "sofa-reporting",
        "13. Requests the Secretary-General to include in his reports information on breaches "
        "of the status-of-forces agreement;",
    ),
    (
        "hr-monitoring",
        "14. Requests the Mission to investigate and report publicly on violations of international "
        "humanitarian law committed by any party, including bilateral partners;",
    ),
    (
        "peace-process",
        "15. Requests the Mission to facilitate dialogue between the parties and support the "
        "cessation of hostilities;",
    ),
    (
        "accountability",
        "16. Demands that perpetrators of abuses be brought to justice, and calls for an end to impunity;",
    ),
    (
        "harm-mitigation",
        "17. Requests the Mission to minimize the risk of harm to civilians in all joint "
        "operations with the national army;",
    ),
    (
        "ssr-support",
        "18. Requests the Mission to advise the authorities on the reform of the security sector;",
    ),
    ("ssr-vetting", "19. Urges the Government to subject all new FACA recruits to background checks;"),
    ("ssr-conduct", "20. Calls on the authorities to enforce disciplinary measures within the armed forces;"),
    (
        "ddrr",
        "21. Requests the Mission to assist in the disarmament and demobilization of armed group members;",
    ),
    (
        "bilateral-forces",
        "22. Calls upon foreign forces operating in the country to respect international humanitarian law;",
    ),
    ("force-capacity", "23. Decides to raise the authorized police ceiling of the Mission;"),
    (
        "humanitarian-access",
        "24. Requests the Mission to secure the unhindered delivery of humanitarian assistance;",
    ),
    ("children", "25. Requests the Mission to document grave violations against children;"),
    (
        "atrocity-prevention",
        "26. Requests the Mission to deter incitement to ethnic violence and hate speech;",
    ),
    ("un-personnel-safety", "27. Requests the Secretary-General to strengthen the security of peacekeepers;"),
    (
        "un-personnel-safety",
        "28. Requests the Secretary-General to ensure the safety and security of MINUSCA personnel;",
    ),
    ("poc-priority", "29. Decides that the protection of civilians shall remain at the core of the mandate;"),
    ("children", "30. Requests the Mission to monitor and report on violations committed against children;"),
    (
        "poc-impartial",
        "31. Decides that the Mission shall protect civilians from violence committed by all armed "
        "groups and the State security forces;",
    ),
    (
        "bilateral-forces",
        "32. Calls upon all parties, including bilateral partners, to respect international "
        "humanitarian law;",
    ),
    (
        "harm-mitigation",
        "33. Requests the Mission to ensure that its support to the FACA does not cause harm to civilians;",
    ),
]


@pytest.mark.parametrize(
    ("rule", "text"), PARAPHRASES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(PARAPHRASES)]
)
def test_paraphrase_is_met(rule: str, text: str) -> None:
    f = finding(text, rule)
    assert f.verdict == "met", f.reasons


# --- false friends: never met --------------------------------------------------------------------------

FALSE_FRIENDS = [
    ("poc-impartial", "1. Requests the Mission to protect civilians and to support impartial elections;"),
    ("sofa-compliance", "1. Calls upon all parties to guarantee freedom of movement of goods;"),
    ("sofa-compliance", "1. Welcomes the conclusion of a status-of-forces agreement;"),
    ("ssr-vetting", "1. Requests the Secretary-General to vet Mission personnel for misconduct;"),
    ("ssr-conduct", "1. Requests the Mission to enforce the United Nations code of conduct among its staff;"),
    ("accountability", "1. Requests the Mission to be accountable for resources;"),
    ("harm-mitigation", "1. Requests the Mission to mitigate environmental impact of its camps;"),
    ("bilateral-forces", "1. Welcomes bilateral partners providing development aid for reconstruction;"),
    ("children", "1. Requests the Mission to support children merely displaced by the floods;"),
    (
        "poc-impartial",
        "Reaffirming the basic principles of peacekeeping, including consent of the parties, "
        "impartiality and non-use of force,\n\n1. Requests the Mission to protect civilians;",
    ),
    (
        "force-capacity",
        "1. Requests the Mission to protect civilians within its capabilities and areas of deployment;",
    ),
    ("hrddp-mitigation", "1. Welcomes the Mission's application of the HRDDP;"),
    (
        "force-capacity",
        "1. Requests the Mission to strengthen the presence of State authority in the prefectures;",
    ),
    ("force-capacity", "1. Requests the Mission to strengthen the operational capacity of the FACA;"),
    ("force-capacity", "1. Encourages partners to increase the number of national police personnel;"),
    (
        "accountability",
        "1. Requests the Secretary-General to ensure accountability of United Nations personnel "
        "for sexual exploitation and abuse;",
    ),
    (
        "accountability",
        "1. Calls upon the Government to strengthen accountability in public finance management;",
    ),
    (
        "accountability",
        "1. Calls upon the authorities to hold accountable those responsible for attacks against "
        "peacekeepers;",
    ),
]


@pytest.mark.parametrize(
    ("rule", "text"), FALSE_FRIENDS, ids=[f"{r}-{i}" for i, (r, _) in enumerate(FALSE_FRIENDS)]
)
def test_false_friend_is_not_met(rule: str, text: str) -> None:
    f = finding(text, rule)
    assert f.verdict != "met", [(e.ref, e.text) for e in f.evidence]


def test_together_document_lets_elements_stand_apart() -> None:
    from mandatekit.api import setup
    from mandatekit.judge import Prepared, judge_rule
    from mandatekit.read import read_string

    rule = setup().rulebook.get("hrddp-support")
    assert rule is not None
    spread = rule.model_copy(update={"together": "document"})
    doc = read_string("1. Requests the Mission to support the national army;\n\n"
                      "2. Requests the Mission to act in strict compliance with the HRDDP;")  # fmt: skip
    prepared = Prepared(doc)
    assert judge_rule(prepared, rule).verdict == "partial"  # per paragraph: not together
    assert judge_rule(prepared, spread).verdict == "met"  # anywhere in operative text


def test_words_only_minded_by_a_task_are_partial_with_the_reason() -> None:
    # "with due consideration for X" attaches X to the task as something minded, not asked.
    f = finding(
        "1. Requests the Mission to support the regional force with logistics, with due consideration for "
        "the safety and security of United Nations personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "partial"
    assert "'with due consideration for" in f.reasons[0] and "OP 1" in f.reasons[0]


def test_a_qualifier_reaches_only_to_the_next_comma() -> None:
    f = finding(
        "1. Requests the Mission, bearing in mind the terrain, to ensure the safety and security of United "
        "Nations personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "met"


def test_the_fullest_way_of_meeting_a_rule_is_cited_among_equally_strong_tasks() -> None:
    # A task naming the crimes it prevents is what a coder cites, not a bare early warning mechanism
    # listed before it under the same 'Decides'.
    f = finding(
        "5. Decides that the mandate of the Mission shall include the following tasks:\n\n"
        "(a) To strengthen its early warning mechanism;\n\n"
        "(b) To monitor and report on hate speech and incitement to violence, to prevent atrocity crimes;",
        "atrocity-prevention",
    )
    assert f.verdict == "met"
    assert f.refs == ["OP 5(b)"]


# --- the recommendation's subject, addressed at all ------------------------------------------------------


def test_the_subject_recalled_in_the_preamble_is_partial_and_says_so() -> None:
    f = finding(
        "Recalling its resolutions 1612 (2005) and 1882 (2009) on children and armed conflict,\n\n"
        "1. Decides to renew the mandate of the Mission;",
        "children",
    )
    assert f.verdict == "partial"
    assert f.reasons == [
        "The draft touches on children and armed conflict only in the preamble (PP 1), but never asks for what "
        "the recommendation needs: recruitment and use of children or other grave violations against them; "
        "monitored, reported, prevented or ended."
    ]
    assert [e.ref for e in f.evidence] == ["PP 1"]


def test_the_subject_under_a_weak_verb_names_the_verb() -> None:
    f = finding(
        "3. Takes note of the report of the Secretary-General on children in armed conflict;", "children"
    )
    assert f.verdict == "partial"
    assert "only under 'Takes note' (OP 3)" in f.reasons[0]


def test_the_subject_asked_of_others_is_partial() -> None:
    f = finding(
        "10. Urges all Member States to ensure cooperation with the Group of Experts and the safety of its "
        "members;",
        "un-personnel-safety",
    )
    assert f.verdict == "partial"
    assert "the protection of UN and associated personnel" in f.reasons[0] and "OP 10" in f.reasons[0]


def test_a_word_of_the_subject_is_not_the_subject() -> None:
    for text in (
        "4. Requests the Mission to support the return of displaced children and their families;",
        "Recalling its resolution 2175 (2014) on the protection of humanitarian personnel,",
    ):
        assert finding(text, "children").verdict == "missing"
        assert finding(text, "un-personnel-safety").verdict == "missing"


def test_the_subject_never_meets_a_rule() -> None:
    f = finding(
        "7. Decides to hold an open debate on the protection of humanitarian and United Nations personnel;",
        "un-personnel-safety",
    )
    assert f.verdict == "partial"
    assert "in passing (OP 7, under 'Decides')" in f.reasons[0]


def test_the_subject_only_in_brackets_says_it_is_not_agreed() -> None:
    f = finding(
        "4. Urges all Member States to ensure cooperation with the Group of Experts [and the safety of its "
        "members];",
        "un-personnel-safety",
    )
    assert f.verdict == "partial"
    assert len(f.reasons) == 2 and "bracketed, unagreed text in OP 4" in f.reasons[1]
    assert f.reasons[1].startswith("The protection of UN and associated personnel stands only in")


def test_elements_in_other_paragraphs_are_listed_with_one_but() -> None:
    f = finding(
        "The Security Council,\n\n"
        "1. Requests the Mission to monitor and report on violations and abuses of human rights;\n\n"
        "2. Condemns the violations committed by all actors, including the national armed forces;\n\n"
        "3. Stresses the importance of public reporting;\n\n"
        "4. Decides to remain seized of the matter.",
        "hr-monitoring",
    )
    why = next((r for r in f.reasons if r.count("only in other paragraphs") == 2), None)
    assert why is not None, f.reasons
    assert why.count(" but ") == 1 and ", and " in why


def test_a_hedge_that_names_someone_is_quoted_with_whom_it_names() -> None:
    f = finding(
        "The Security Council,\n\n1. Requests the Mission to support the national forces in joint operations, "
        "at the request of the Congolese authorities, in strict compliance with the Human Rights Due "
        "Diligence Policy;",
        "hrddp-support",
    )
    quoted = [h for h in f.hedges if "request" in h]
    assert quoted and quoted[0].startswith("'at the request of the Congolese authorities' (OP 1)"), f.hedges


def test_other_paragraphs_are_named_as_a_drafter_would_amend_them() -> None:
    """The priority words elsewhere are named with the paragraph that asks most of the mission first ('Requests
    the Mission to prioritise'), then weaker asks of others, then the preamble, not in document order. Each
    speaks of civilians' safety: a priority word on something else ('prioritise early recovery') is no
    priority given to protecting civilians and is not named (trial 15 F11)."""
    f = finding(
        "The Security Council,\n\n"
        "Stressing the need to prioritise the safety of civilians,\n\n"
        "1. Urges the Government to prioritise the safety of civilians in early recovery;\n\n"
        "2. Requests the Mission to prioritise the safety and security of civilians in the political process;\n\n"
        "3. Requests the Mission to protect civilians under threat of physical violence;\n\n"
        "4. Urges the Government to prioritise early recovery;",
        "poc-priority",
    )
    assert f.verdict == "partial"
    # the first two named with the words that count there (trial 13), then how many more
    assert any(
        "priority status only in other paragraphs: “prioritise” (OP 2) and “prioritise” (OP 1), and 1 more"
        in r
        for r in f.reasons
    ), (  # fmt: skip
        f.reasons
    )


def test_a_rule_met_by_a_demand_on_others_says_whom_it_asks() -> None:
    """A demand on the parties meets humanitarian access, but the message must not read as the mission's
    mandate: it names whom the words ask. The mission's own task (the near miss) names no one."""
    f = finding(
        "1. Demands that all parties allow and facilitate full, safe and unhindered humanitarian access;",
        "humanitarian-access",
    )
    assert f.verdict == "met"
    assert f.message.endswith("It is asked of all parties (OP 1), not of the mission.")
    own = finding(
        "1. Requests the Mission to facilitate safe and unhindered humanitarian access;",
        "humanitarian-access",
    )
    assert own.verdict == "met"
    assert "asked of" not in own.message
