"""Where each suggestion goes: replace the paragraph that falls short, insert after the most related one, or
add under the heading on its subject — never at the cost of a recommendation the draft meets."""

from __future__ import annotations

from mandatekit.api import setup
from mandatekit.read import read_string
from mandatekit.render.placement import own_terms, place

SETUP = setup()

DRAFT = """The Security Council,

Recalling its previous resolutions,

Mandate of the Mission

1. Decides that the mandate of MINUSCA shall include the following priority tasks:

(a) To protect, without prejudice to the primary responsibility of the authorities, the civilian population under threat of physical violence, within its capabilities and areas of deployment;

2. Requests MINUSCA to monitor and report on violations of international humanitarian law and violations and abuses of human rights, including those committed by national defence and security forces;

Support to the national defence and security forces

3. Encourages MINUSCA to ensure that its support to the national defence and security forces is consistent with the Human Rights Due Diligence Policy;

Status of Forces Agreement

4. Calls upon the Government to respect the Status of Forces Agreement and to put an end to all restrictions on MINUSCA's freedom of movement;

5. Decides to remain actively seized of the matter.
"""


def placements():  # type: ignore[no-untyped-def]
    document = read_string(DRAFT)
    return document, place(SETUP.judge(document), document)


def test_a_paragraph_short_only_of_force_keeps_its_words_and_changes_its_verb() -> None:
    _, where = placements()
    hrddp = where["hrddp-support"]
    assert (hrddp.action, hrddp.where) == ("replace", "Replace OP 3")
    assert [(p.op, p.text) for p in hrddp.pieces if p.op != "equal"] == [
        ("delete", "Encourages"),
        ("insert", "Requests"),
    ]
    assert hrddp.text.startswith("Requests MINUSCA to ensure that its support to the national defence")
    assert hrddp.anchor == "Encourages"


def test_a_better_version_of_a_paragraph_replaces_it_in_the_drafts_own_terms() -> None:
    _, where = placements()
    hr = where["hr-monitoring"]
    assert (hr.action, hr.where) == ("replace", "Replace OP 2")
    assert "national defence and security forces" in hr.text and "FACA" not in hr.text
    kept = " ".join(p.text for p in hr.pieces if p.op == "equal")
    assert "violations of international humanitarian law" in kept


def test_a_paragraph_that_meets_another_recommendation_is_not_replaced() -> None:
    document, where = placements()
    sofa = where["sofa-reporting"]  # OP 4 carries the host state's duty to respect the SOFA, which is met
    assert sofa.action in ("insert", "add") and sofa.paragraph == document.by_ref("OP 4").index
    assert sofa.where.split(" as OP ")[0] == "Insert after OP 4"


def test_missing_language_goes_after_the_paragraph_it_relates_to_not_after_the_last() -> None:
    document, where = placements()
    impartial = where["poc-impartial"]
    assert (
        impartial.where.split(" as OP ")[0] == "Insert after OP 1"
    )  # the protection task, OP 1(a), sits under OP 1
    assert (
        impartial.paragraph == document.by_ref("OP 1(a)").index
        and impartial.like == document.by_ref("OP 1").index
    )
    targets = [p.paragraph for p in where.values()]
    assert all(t != document.by_ref("OP 5").index for t in targets)  # never after "remain seized"
    assert len(set(targets)) >= 3  # spread over the draft, not all on one paragraph


def test_the_drafts_own_term_for_national_forces_is_kept_unless_it_uses_the_acronym() -> None:
    named = "Calls upon the CAR authorities to vet the Central African Armed Forces (FACA) and internal security forces (FSI);"
    document = read_string(
        "The Security Council,\n\n1. Requests support to national defence and security forces;\n"
    )
    assert own_terms(named, document).endswith("to vet the national defence and security forces;")
    document = read_string(
        "The Security Council,\n\n1. Requests support to the FACA and national security forces;\n"
    )
    assert own_terms(named, document) == named


TASK_LIST = """Draft resolution: renewal of the mandate of UNMISS

The Security Council,

Recalling its previous resolutions,

1. Decides to extend the mandate of UNMISS until 30 April 2027;

2. Decides that UNMISS shall have the following mandate, and authorizes UNMISS to use all necessary means to implement it:

(a) Protection of civilians:

(i) To protect civilians under threat of physical violence, irrespective of the source of such violence, within its capabilities and areas of deployment;

(b) Supporting the peace process:

(i) To support the implementation of the Revitalised Agreement;

3. Decides to remain actively seized of the matter.
"""


def test_a_suggestion_does_not_set_up_a_second_task_list_beside_the_drafts_own() -> None:
    """The draft's list already holds the protection of civilians: only the priority it lacks is proposed,
    as a paragraph before the list, and judged again it meets the recommendation."""
    document = read_string(TASK_LIST)
    report = SETUP.judge(document)
    assert next(f for f in report.findings if f.rule == "poc-priority").verdict.value != "met"
    fix = place(report, document, SETUP.judge)["poc-priority"]
    assert fix.action == "insert" and fix.where.startswith("Insert before OP 2 as OP 1 ")  # 1 bis, 1 ter ...
    assert fix.text == "Decides that the protection of civilians shall remain the top priority of UNMISS;"
    assert document.paragraphs[fix.like].ref == "OP 1"  # numbered like the paragraph it follows
    # a list without that task: the suggestion's own list is what the draft lacks
    without = read_string(TASK_LIST.replace("(a) Protection of civilians:", "(a) Early warning:").replace(
        "(i) To protect civilians under threat of physical violence, irrespective of the source of such violence,",
        "(i) To deter threats,"))  # fmt: skip
    other = place(SETUP.judge(without), without, SETUP.judge)["poc-priority"]
    assert "(a) Protection of civilians" in other.text


MONITORING = """Draft resolution: renewal of the mandate of MONUSCO

The Security Council,

1. Decides to extend the mandate of MONUSCO until 20 December 2027;

2. Decides that the mandate of MONUSCO shall include the following tasks:

(a) To protect civilians under threat of physical violence, irrespective of the source of such violence, within its capabilities and areas of deployment;

(b) To monitor, investigate and report publicly and regularly on violations of international humanitarian law and abuses of human rights, including those that may amount to war crimes; and to support national investigations;

3. Decides to remain actively seized of the matter.
"""


def test_a_paragraph_short_of_one_element_is_amended_with_only_that_element() -> None:
    """Monitoring and public reporting are in OP 2(b), not 'all actors': the fix adds those words to OP 2(b)
    at the end of its clause, in the mission's own terms, and adds no second monitoring task."""
    document = read_string(MONITORING)
    report = SETUP.judge(document)
    assert next(f for f in report.findings if f.rule == "hr-monitoring").verdict.value == "partial"
    fix = place(report, document, SETUP.judge)["hr-monitoring"]
    assert (fix.action, fix.where) == ("replace", "Amend OP 2(b)")
    assert [p.op for p in fix.pieces if p.op != "equal"] == ["insert"]  # every word of the draft kept
    added = next(p.text for p in fix.pieces if p.op == "insert")
    assert "by all actors, including" in added and "FARDC" in added and "FACA" not in added
    assert fix.text.index(added) < fix.text.index("; and to support")  # at the end of its own clause


def test_the_memo_says_why_the_fix_amends_a_paragraph_it_does_not_quote() -> None:
    from pathlib import Path

    from mandatekit.api import memo_context
    from mandatekit.read import read

    document = read(Path(__file__).resolve().parents[1] / "judge" / "real" / "S_RES_2677(2023).txt")
    context = memo_context(SETUP.judge(document), SETUP, document)
    gap = next(g for g in context["gaps"] if g["rule"] == "hr-monitoring")
    assert gap["placement"] == "Amend OP 3(d)(i)"
    if "OP 3(d)(i)" not in {e["ref"] for e in gap["evidence"]}:
        assert "OP 3(d)(i) already asks for most of it" in gap["draft_says"]
    others = [g for g in context["gaps"] if g["rule"] != "hr-monitoring"]
    assert all("already asks for most of it" not in g["draft_says"] for g in others)


SUPPORT_TASK_DRAFT = """The Security Council,

Recalling its previous resolutions,

1. Decides that the mandate of UNMISS shall include the following tasks:

(a) To protect civilians under threat of physical violence, within its capabilities and areas of deployment;

(b) To ensure that any support provided to the SSPDF and other non-United Nations security forces is informed by robust conflict-sensitive analysis;

2. Requests UNMISS to provide technical and logistical support to the electoral process, and stresses that this support shall be provided in strict compliance with the electoral calendar agreed by the United Nations and the parties, with due diligence;

3. Requests the Secretary-General to report to the Council every 90 days on the implementation of the mandate of UNMISS;

4. Decides to remain actively seized of the matter.
"""


def test_a_new_paragraph_goes_beside_the_drafts_paragraph_on_its_subject() -> None:
    # The HRDDP condition on support to the national forces belongs with the task on that support (OP 1(b)),
    # not after the elections paragraph that shares more of its words ('support ... provided in strict
    # compliance ... United Nations ... due diligence'), as trial 7 found it ("Insert after OP 7").
    document = read_string(SUPPORT_TASK_DRAFT)
    where = place(SETUP.judge(document), document)
    assert where["hrddp-support"].where.split(" as OP ")[0] == "Insert after OP 1"
    # What the draft never mentions goes with the new paragraph that introduces it: the mitigating measures
    # and the resources under the HRDDP after the HRDDP condition, not among the reporting paragraphs.
    assert where["hrddp-mitigation"].where.split(" as OP ")[0] == "Insert after OP 1"
    assert where["hrddp-resources"].where.split(" as OP ")[0] == "Insert after OP 1"


def test_a_subject_spoken_of_all_over_the_draft_says_nothing_of_where_a_fix_goes() -> None:
    # The same task said in three paragraphs of their own: no one of them is the place, and the fix goes
    # where its words point, as before.
    three = SUPPORT_TASK_DRAFT.replace(
        "3. Requests the Secretary-General",
        "3. Requests UNMISS to ensure that any support to the national police is well planned;\n\n"
        "4. Requests UNMISS to ensure that any support to the SSPDF is well coordinated;\n\n"
        "5. Requests UNMISS to ensure that any support to the national army is sustainable;\n\n"
        "6. Requests the Secretary-General",
    ).replace("4. Decides to remain", "7. Decides to remain")
    document = read_string(three)
    report = SETUP.judge(document)
    finding = next(f for f in report.findings if f.rule == "hrddp-support")
    assert len(finding.subject_at) >= 3
    assert place(report, document)["hrddp-support"].where.split(" as OP ")[0] == "Insert after OP 2"


def test_bracketed_alternatives_say_which_to_keep_and_which_to_drop() -> None:
    """ "[A] [B]" are alternatives: agreeing both keeps the option that works against the recommendation.
    The fix says which to keep (the one that meets it, judged again) and which to drop."""
    alternatives = TASK_LIST.replace(
        "irrespective of the source of such violence,",
        "[irrespective of the source of such violence] [in close coordination with the host authorities],",
    )
    document = read_string(alternatives)
    report = SETUP.judge(document)
    assert next(f for f in report.findings if f.rule == "poc-impartial").verdict.value != "met"
    fix = place(report, document, SETUP.judge)["poc-impartial"]
    assert fix.action == "agree"
    assert fix.where == (
        "Of the bracketed alternatives in OP 2(a)(i), keep “irrespective of the source of such violence” "
        "and drop “in close coordination with the host authorities”"
    )
    assert fix.result is not None and "host authorities" not in fix.result and "[" not in fix.result


def test_alternatives_in_one_bracket_and_a_lone_bracket() -> None:
    """ "[A / B]" holds alternatives too; one bracketed phrase (the near miss) is agreed as it stands, and two
    brackets with words between them are two separate unagreed phrases."""
    from mandatekit.render.agreement import alternatives, candidates

    slash = read_string(TASK_LIST.replace(
        "irrespective of the source of such violence,",
        "[irrespective of the source of such violence / in coordination with the host authorities],"))  # fmt: skip
    para = slash.by_ref("OP 2(a)(i)")
    assert para is not None and alternatives(para) is not None
    assert alternatives(para)[2] == [  # type: ignore[index]
        "irrespective of the source of such violence",
        "in coordination with the host authorities",
    ]
    wheres = [c.where for c in candidates(slash)]
    assert wheres[-1].startswith("Agree one of the bracketed alternatives in OP 2(a)(i) (“irrespective")
    lone = read_string(TASK_LIST.replace("irrespective of the source of such violence,",
                                         "[irrespective of the source of such violence],"))  # fmt: skip
    assert [c.where for c in candidates(lone)] == ["Agree the bracketed text in OP 2(a)(i)"]
    two = read_string(TASK_LIST.replace("under threat of physical violence, irrespective of the source of such violence,",
                                        "[under threat] of physical violence, [irrespective of the source of such violence],"))  # fmt: skip
    assert [c.where for c in candidates(two)] == ["Agree the bracketed text in OP 2(a)(i)"]
