"""Findings of trial 10 (a UNIFIL drafter on S/RES/2749 (2024)), each as a principle on short drafts of any
mission: what a partial finding says it has and lacks, and the words the memo quotes."""

from __future__ import annotations

from mandatekit import check
from mandatekit.judge import Report
from mandatekit.render.memo.evidence import cut_quote
from mandatekit.render.table import render_table
from tests.judge.one_rule import finding

CHILDREN_IN_PREAMBLE = (
    "Expressing concern and calling on all parties to comply with their obligations under international "
    "humanitarian law, including regarding the protection of civilians, including children,\n\n"
    "4. Encourages the Secretary-General to ensure that the Mission remains ready to support de-escalation;\n\n"
    "5. Requests the Secretary-General to continue to report to the Council on the implementation of the "
    "resolution;"
)


def test_a_deed_found_only_in_paragraphs_on_something_else_is_not_sent_to() -> None:
    # Reports asked on the resolution at large are no reporting on children: the reason says the draft lacks
    # it, not that it stands "only in other paragraphs (OP 4, OP 5)".
    f = finding(CHILDREN_IN_PREAMBLE, "children")
    assert f.verdict == "partial"
    assert "other paragraphs" not in f.reasons[0]
    assert "but not" in f.reasons[0] and "monitored, reported" in f.reasons[0]
    assert "Grave violations against children are mentioned" not in f.message
    # Near miss: a rule that names no topic (peace-process) still says where the rest stands:
    # test_evidence_choice.test_the_council_s_own_support_or_responsibility_is_no_role_for_the_mission.


def test_the_quote_shows_the_words_found_when_they_close_the_clause() -> None:
    context = (
        "Expressing its deepest concern at the consequences of these tensions, causing numerous civilian "
        "casualties and forcing tens of thousands of civilians to flee their home and calling on all parties "
        "to armed conflict to comply with their obligations under international humanitarian law, including "
        "regarding the protection of civilians, including children,"
    )
    quoted = cut_quote(context, "protection of civilians, including children")
    assert "protection of civilians, including children" in quoted
    assert quoted.startswith("… ")


RENEWAL = (
    "1. Demands the full implementation of resolution 1701 (2006);\n\n"
    "2. Decides to extend the present mandate of {mission} until 31 August 2025;\n\n"
    "3. Requests the Secretary-General to continue to report to the Council every four months;\n\n"
    "4. Decides to remain actively seized of the matter."
)


def _report(text: str) -> Report:
    return check("The Security Council,\n\n" + text)


def test_a_mandate_renewed_by_reference_is_said_once_where_the_draft_is_described() -> None:
    # Whatever the mission: the tasks set earlier go on; only this text is judged.
    for mission in ("UNIFIL", "MINURSO", "the Verification Mission"):
        report = _report(RENEWAL.format(mission=mission))
        assert report.renewal is not None and report.renewal.startswith(
            "OP 2 renews the mandate by reference"
        )
        assert "may be met by the mandate it renews" in report.renewal
    assert "renews the mandate by reference" in render_table(report)


def test_a_renewal_by_reference_is_read_whatever_the_word_order() -> None:
    # Trial 12 (UNSMIL): the time said before the mandate, between commas, two of them, the mission's name
    # before "mandate", or the mandate extended in the passive: the same renewal.
    for op in (
        "Decides to extend until 31 October 2022 the mandate of UNSMIL, as set out in resolution 2542 (2020)",
        "Decides to extend, until 31 October 2022, the mandate of UNSMIL",
        "Decides to extend for a further period of twelve months, until 30 April 2024, the mandate of MINURSO",
        "Decides to renew until 15 March 2024 the present mandate of UNAMA",
        "Decides to extend UNMISS's mandate until 30 April 2025",
        "Decides that the mandate of MINURSO shall be extended until 31 October 2025",
    ):
        text = RENEWAL.replace("Decides to extend the present mandate of {mission} until 31 August 2025", op)
        assert _report(text).renewal is not None, op
    # Near misses: a panel's or a committee's mandate in the same order; a mandate that "shall be" tasks.
    for op in (
        "Decides to extend until 31 October 2022 the mandate of the Panel of Experts",
        "Decides to extend until 31 October 2022 the mandate of the 1540 Committee",
        "Decides that the mandate of UNMISS shall be to protect civilians",
    ):
        text = RENEWAL.replace("Decides to extend the present mandate of {mission} until 31 August 2025", op)
        assert _report(text).renewal is None, op


def test_a_renewal_that_sets_its_own_tasks_or_a_committee_s_mandate_is_not_by_reference() -> None:
    # Near misses: the draft lists the mission's tasks itself; a committee's mandate is no mission's.
    tasks = RENEWAL.format(mission="UNMISS") + (
        "\n\n5. Decides that the mandate of UNMISS shall include the following tasks:\n\n"
        "(a) To protect civilians under threat of physical violence;"
    )
    assert _report(tasks).renewal is None
    lead_in = RENEWAL.format(mission="UNAMI").replace(
        "3. Requests the Secretary-General",
        "3. Requests that the Special Representative and UNAMI shall:\n\n(a) Advise the Government;\n\n"
        "3 bis. Requests the Secretary-General",
    )
    assert _report(lead_in).renewal is None
    assert _report(RENEWAL.format(mission="the 1540 Committee")).renewal is None


def test_language_written_for_another_mission_is_said_so_where_the_profile_is() -> None:
    # UNIFIL's draft gets MINUSCA's recommendations in its names: every output says to read them against
    # UNIFIL's situation; MINUSCA's own draft gets no such line.
    unifil = _report(RENEWAL.format(mission="UNIFIL"))
    assert unifil.mission is not None and unifil.mission.mission == "UNIFIL"
    assert unifil.written_for is not None and "UNIFIL's names" in unifil.written_for
    assert unifil.written_for in render_table(unifil)
    minusca = _report(RENEWAL.format(mission="MINUSCA"))
    assert minusca.mission is not None and minusca.mission.mission == "MINUSCA"
    assert minusca.written_for is None


def test_a_reason_names_each_idea_once_and_never_lacks_what_it_has() -> None:
    f = finding(
        "6. Strongly condemns all attacks against the Mission's personnel, and demands that all parties ensure "
        "the freedom of movement of the Mission;",
        "sofa-compliance",
    )
    assert f.verdict == "partial"
    assert f.reasons[0].count("freedom of movement") == 1, f.reasons[0]
    g = finding(
        "Calling on all parties to comply with their obligations under international humanitarian law, "
        "including regarding the protection of civilians,",
        "poc-impartial",
    )
    assert g.verdict == "partial"
    has, lacks = g.reasons[0].split(" but not ")
    assert has.count("protection of civilians") == 1 and "all parties" not in lacks, g.reasons[0]


def test_an_adopted_resolution_s_heading_is_its_symbol_and_a_symbol_s_qualifier_no_title() -> None:
    from mandatekit.read import read_string

    adopted = read_string(
        "Resolution 2749 (2024)\n\nAdopted by the Security Council at its 9712th meeting, on 28 August 2024\n\n"
        "The Security Council,\n\n1. Decides to remain seized of the matter."
    )
    assert (adopted.front.symbol, adopted.front.title) == ("S/RES/2749 (2024)", None)
    draft = read_string(
        "United Nations\n\nS/2024/XXX (draft, rev. 2)\n\nDraft resolution: Lebanon\n\n"
        "The Security Council,\n\n1. Decides to remain seized of the matter."
    )
    assert (draft.front.symbol, draft.front.title) == ("S/2024/XXX", "Draft resolution: Lebanon")
    # Near miss: a symbol's line that also holds the title keeps it.
    titled = read_string(
        "S/2026/901 Draft resolution: renewal of the mandate\n\nThe Security Council,\n\n1. Decides to remain "
        "seized of the matter."
    )
    assert titled.front.title == "Draft resolution: renewal of the mandate"


def test_a_verdict_that_held_says_what_befell_its_evidence_in_the_scorecard() -> None:
    from mandatekit.render.memo import with_previous

    held = {"rule": "x", "arrow": "▽", "old": "partial", "new": "partial", "status": "evidence weakened"}
    fell = {"rule": "y", "arrow": "▼", "old": "met", "new": "partial", "status": "regressed"}
    context = with_previous({"scorecard": [{"rule": "x"}, {"rule": "y"}]}, {"changes": [held, fell]})
    assert [f["change"] for f in context["scorecard"]] == ["▽ evidence weakened, still partial", "▼ was met"]


ROUND = (
    "6. Demands that all parties respect the Status of Forces Agreement and the freedom of movement of the "
    "Mission, and calls upon the Government to investigate attacks on the Mission{hedge};"
)


def test_a_hedge_added_weakens_only_the_evidence_in_its_own_clause() -> None:
    from mandatekit.api import setup
    from mandatekit.compare import compare
    from mandatekit.read import read_string

    judge = setup().judge

    def status(hedged: str) -> dict[str, str]:
        old, new = (read_string("The Security Council,\n\n" + t) for t in (ROUND.format(hedge=""), hedged))
        changes = compare(old, judge(old), new, judge(new)).changes
        return {c.rule: c.status for c in changes if c.status != "unchanged"}

    # 'as appropriate' on the call to investigate weakens the safety of personnel, not the SOFA demand ...
    assert status(ROUND.format(hedge=", as appropriate")) == {"un-personnel-safety": "evidence weakened"}
    # ... and, near miss, on the SOFA demand, the SOFA demand.
    moved = ROUND.format(hedge="").replace("Agreement and", "Agreement, as appropriate, and")
    assert status(moved) == {"sofa-compliance": "evidence weakened"}


def test_the_first_word_comment_carries_what_is_said_of_the_whole_draft() -> None:
    from mandatekit.render.annotate import comment_text

    report = _report(RENEWAL.format(mission="UNIFIL"))
    f = report.findings[0]
    notes = (report.written_for, report.renewal)
    first = comment_text(f, mission=report.mission, head=True, notes=notes)
    assert report.renewal is not None and report.written_for is not None
    assert report.renewal in first and report.written_for in first
    later = comment_text(f, mission=report.mission, head=False, notes=notes)
    assert report.renewal not in later
