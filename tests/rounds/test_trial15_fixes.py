"""Trial 15 (UNMISS renewal, three rounds): support given to the host's army without the HRDDP condition is
fixed by amending that paragraph with the draft's own words for the condition (F2), met or not, not by a new
paragraph restating the policy; and a round that hedged the condition gets its earlier wording back (F3)."""

from __future__ import annotations

from mandatekit.api import setup
from mandatekit.read import read_string
from mandatekit.render.placement import CONDITION, Placement, place

SETUP = setup()
HEAD = (
    "The Security Council,\n\nRecalling its previous resolutions,\n\n"
    "1. Decides to extend the mandate of UNMISS until 30 April 2026;\n\n"
)
TASK = (
    "2. Decides that UNMISS shall have the following mandate:\n\n(a) To ensure that any support provided to "
    "non-United Nations security forces and government officials is informed by robust conflict-sensitive "
    "analysis and provided in strict compliance with the HRDDP, and that capacity-building support to civilian "
    "institutions is informed by conflict sensitive analysis;"
)
SUPPORT = (
    "3. Requests UNMISS, within existing resources, to provide logistical, technical and capacity-building "
    "support to the South Sudan People’s Defence Forces and the Necessary Unified Forces, in support of the "
    "implementation of the transitional security arrangements of the Revitalised Agreement;"
)
R2 = HEAD + TASK + "\n\n" + SUPPORT + "\n\n4. Decides to remain actively seized of the matter.\n"
# The support given in a task of its own ("(b) To provide ... support to ..."), the condition in another paragraph.
SUB_PARAGRAPH = (
    HEAD
    + TASK
    + "\n\n3. Requests UNMISS:\n\n(a) To monitor and report on human rights;\n\n(b) "
    + SUPPORT[3:].replace("Requests UNMISS, within existing resources, to provide", "To provide")
    + "\n\n4. Decides to remain actively seized of the matter.\n"
)
R3 = R2.replace("the HRDDP, and", "the HRDDP, as appropriate and where feasible, and")


def _fixes(text: str, previous: str | None = None) -> tuple[str, dict[str, Placement]]:
    document = read_string(text)
    report = SETUP.judge(document)
    before = None
    if previous is not None:
        old = read_string(previous)
        before = (old, SETUP.judge(old))
    verdict = next(f.verdict.value for f in report.findings if f.rule == "hrddp-support")
    return verdict, place(report, document, SETUP.judge, before)


def _added(fix: Placement) -> list[str]:
    return [p.text for p in fix.pieces if p.op == "insert"]


def test_a_met_finding_amends_the_paragraph_giving_support_without_the_condition() -> None:
    verdict, fixes = _fixes(R2)
    assert verdict == "met"
    fix = fixes["hrddp-support"]
    assert (fix.action, fix.where) == ("replace", "Amend OP 3")
    assert fix.text.startswith(SUPPORT[3:-1]) and fix.text.endswith(", in strict compliance with the HRDDP;")
    assert [p.text for p in fix.pieces if p.op == "delete"] == []  # the drafter's words all stay


def test_a_partial_finding_amends_that_paragraph_rather_than_add_a_new_one() -> None:
    verdict, fixes = _fixes(R3)
    assert verdict == "partial"
    assert not any(f.action == "insert" for r, f in fixes.items() if r.startswith("hrddp-support"))
    fix = fixes["hrddp-support"]
    assert fix.where == "Amend OP 3" and "in strict compliance with the HRDDP" in " ".join(_added(fix))


def test_the_hedge_a_round_added_to_the_condition_is_struck_and_the_support_still_amended() -> None:
    verdict, fixes = _fixes(R3, R2)
    assert verdict == "partial"
    fix = fixes["hrddp-support"]
    assert fix.where == "Amend OP 2(a) (restoring the previous round's words)"
    assert "as appropriate" not in fix.text and "where feasible" not in fix.text
    assert "in strict compliance with the HRDDP, and that capacity-building" in fix.text
    assert _added(fix) == []  # only the round's hedge goes: nothing new typed in
    support = fixes[f"hrddp-support {CONDITION}"]
    assert support.where == "Amend OP 3" and support.text.endswith(", in strict compliance with the HRDDP;")


def test_support_already_under_the_condition_is_left_alone() -> None:
    conditioned = R2.replace(
        "Revitalised Agreement;", "Revitalised Agreement, in strict compliance with the HRDDP;"
    )
    verdict, fixes = _fixes(conditioned)
    assert verdict == "met"
    assert not any(r.startswith("hrddp-support") for r in fixes)


def test_the_condition_added_is_the_policys_whole_name_where_the_draft_spells_it_out() -> None:
    # Review 12: the words the condition phrase matched end at "Due Diligence": "Policy" was dropped.
    for name, ending in (
        (
            "the Human Rights Due Diligence Policy",
            ", in strict compliance with the Human Rights Due Diligence Policy;",
        ),
        (
            "the human rights due diligence policy",
            ", in strict compliance with the human rights due diligence policy;",
        ),
        (
            "the Human Rights Due Diligence Policy on United Nations support to non-United Nations security forces",
            ", in strict compliance with the Human Rights Due Diligence Policy on United Nations support to "
            "non-United Nations security forces;",
        ),
        # an acronym the draft defines there stands for the name: it is not defined a second time
        ("the Human Rights Due Diligence Policy (HRDDP)", ", in strict compliance with the HRDDP;"),
    ):
        verdict, fixes = _fixes(R2.replace("the HRDDP, and", f"{name}, and"))
        assert verdict == "met"
        fix = fixes["hrddp-support"]
        assert fix.where == "Amend OP 3" and fix.text.endswith(ending), fix.text


def test_support_given_in_a_sub_paragraph_is_amended_there() -> None:
    # Review 12: a ref with "(" ("OP 2(b)") was read back from the judge's sentence as "b)": no fix was made.
    document = read_string(SUB_PARAGRAPH)
    report = SETUP.judge(document)
    fix = place(report, document, SETUP.judge).get("hrddp-support")
    assert fix is not None and fix.where == "Amend OP 3(b)"
    assert fix.text.endswith(", in strict compliance with the HRDDP;")
    finding = next(f for f in report.findings if f.rule == "hrddp-support")
    assert [u.ref for u in finding.unconditioned] == ["OP 3(b)"]  # the data render reads, in the JSON too
    assert finding.model_dump(mode="json")["unconditioned"][0]["ref"] == "OP 3(b)"
