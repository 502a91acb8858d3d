"""Where new paragraphs go in a short renewal (trial 10, finding 8): a paragraph on the mission never before
the paragraph that sets or extends its mandate, and a paragraph that already makes the ask beside the one
a rule lacks is amended with that clause rather than repeated as a new paragraph."""

from __future__ import annotations

from pathlib import Path

from mandatekit.api import setup
from mandatekit.read import read_string
from mandatekit.render.mandate import after_mandate, decides_mandate, mandate_paragraph, names_mission
from mandatekit.render.placement import Placement, place

SETUP = setup()
RENEWAL = """The Security Council,

Recalling its previous resolutions on the Central African Republic,

1. Demands the full implementation of the peace agreement, reiterates its strong support for the national defence and security forces and for the cessation of hostilities, and recalls the objective of a lasting solution;

2. Decides to extend the present mandate of MINUSCA until 15 November 2027;

3. Strongly urges all relevant actors to implement immediate measures towards de-escalation;

4. Encourages the Secretary-General to ensure that MINUSCA remains ready to adapt its activities to support de-escalation, within its mandate;

5. Strongly condemns all attacks against MINUSCA personnel, demands that all parties ensure the safety, security and freedom of movement of MINUSCA personnel, and calls upon the Government to investigate all attacks against MINUSCA and bring those responsible to justice;

6. Also requests the Secretary-General to continue to report to the Council every four months;

7. Decides to remain actively seized of the matter.
"""


def test_nothing_on_the_mission_goes_before_the_mandate_paragraph() -> None:
    document = read_string(RENEWAL)
    report = SETUP.judge(document)
    mandate = document.by_ref("OP 2")
    assert mandate is not None and mandate_paragraph(document.operative) == mandate
    placed = place(report, document, SETUP.judge)
    new = [p for p in placed.values() if p.action in ("insert", "add") and p.paragraph is not None]
    on_mission = [p for p in new if names_mission(p.text, "MINUSCA")]
    assert on_mission and all(p.paragraph >= mandate.index for p in on_mission)  # type: ignore[operator]
    assert all(not p.where.startswith("Insert after OP 1 ") for p in on_mission)


def test_only_a_paragraph_on_the_mission_is_moved() -> None:
    document = read_string(RENEWAL)
    op1, op2 = document.by_ref("OP 1"), document.by_ref("OP 2")
    assert op1 is not None and op2 is not None
    on_parties = Placement("r", "insert", "Insert after OP 1", "Calls upon all parties to respect the ceasefire;",
                           [], op1.index, like=op1.index)  # fmt: skip
    assert after_mandate(document, on_parties, op2, on_parties.text, "MINUSCA") == on_parties
    on_mission = Placement("r", "insert", "Insert after OP 1", "Requests MINUSCA to support the ceasefire;",
                           [], op1.index, like=op1.index)  # fmt: skip
    moved = after_mandate(document, on_mission, op2, on_mission.text, "MINUSCA")
    assert (moved.where, moved.paragraph, moved.like) == ("Insert after OP 2", op2.index, op2.index)


def test_the_mandate_paragraph_is_found_in_its_usual_forms() -> None:
    for text in (
        "1. Decides to renew the mandate of UNMISS until 30 April 2027;",
        "1. Decides that the mandate of MINUSCA shall include the following tasks:",
        "1. Decides to extend until 31 August 2025 the mandate of UNIFIL;",
    ):
        document = read_string(
            f"The Security Council,\n\n{text}\n\n2. Decides to remain seized of the matter.\n"
        )
        assert mandate_paragraph(document.operative) is not None, text
    document = read_string("The Security Council,\n\n1. Welcomes the report on the mandate of MINUSCA;\n")
    assert mandate_paragraph(document.operative) is None


def test_a_paragraph_that_demands_freedom_of_movement_gets_the_sofa_clause_added() -> None:
    document = read_string(RENEWAL)
    report = SETUP.judge(document)
    sofa = next(f for f in report.findings if f.rule == "sofa-compliance")
    assert sofa.verdict.value == "partial" and "OP 5" in sofa.refs
    fix = place(report, document, SETUP.judge)["sofa-compliance"]
    assert (fix.action, fix.where) == ("replace", "Amend OP 5")
    added = " ".join(p.text for p in fix.pieces if p.op == "insert")
    assert added.startswith(", and demands that the ") and "Status of Forces Agreement" in added
    assert not [p for p in fix.pieces if p.op == "delete"]  # the paragraph keeps every word of its own


def test_a_task_of_the_mandate_goes_after_the_mandate_paragraph_unless_its_subject_calls_it_elsewhere() -> (
    None
):
    document = read_string(RENEWAL)
    op2, op4 = document.by_ref("OP 2"), document.by_ref("OP 4")
    assert op2 is not None and op4 is not None

    def after_op4(text: str) -> Placement:
        return Placement("r", "insert", "Insert after OP 4", text, [], op4.index, like=op4.index)

    task = after_op4("Decides that the protection of civilians shall remain the top priority of MINUSCA;")
    assert decides_mandate(task.text, "MINUSCA")
    assert after_mandate(document, task, op2, task.text, "MINUSCA").where == "Insert after OP 2"
    # beside the draft's own paragraph on its subject, it stays there
    assert after_mandate(document, task, op2, task.text, "MINUSCA", on_subject=True) == task
    # a request on a subject is placed by its subject, not moved
    request = after_op4("Requests MINUSCA to strengthen its early warning capacity;")
    assert not decides_mandate(request.text, "MINUSCA")
    assert after_mandate(document, request, op2, request.text, "MINUSCA") == request
    # and the whole draft: every task of the mandate proposed stands after OP 2
    placed = place(SETUP.judge(document), document, SETUP.judge)
    tasks = [p for p in placed.values() if p.action == "insert" and decides_mandate(p.text, "MINUSCA")]
    assert tasks and all(p.like == op2.index for p in tasks)


# Trial 11, finding 4: a draft in parts with typed headings, for a mission the Council authorises (no
# "mandate" paragraph): its part on the mission, the paragraph extending the authorisation, and a list of the
# mission's priorities.
PARTS = """The Security Council,

Recalling its previous resolutions on Somalia,

Part 1: Somalia

1. Underscores that the Government of Somalia has primary responsibility for protecting civilians in Somalia;

2. Encourages the Government of Somalia to pursue national reconciliation and to accelerate the constitutional review;

Part 2: Horn of Africa

3. Urges the Government of Somalia to ensure coordination between ATMIS, regional and bilateral security operations in Somalia;

4. Requests the Government of Somalia to strengthen cooperation with other Member States to counter the financing of terrorism;

Part 3: ATMIS

5. Recalls paragraph 22 of resolution 2628 (2022), and extends its authorisations until 31 December 2023;

6. Recalls paragraphs 23 and 24 of resolution 2628 (2022), and requests ATMIS to prioritise three activities:

(a) maintaining enabling support for peace and security in Somalia, including for the political processes;

(b) supporting operations against Al-Shabaab, including by securing vital routes;

(c) preparing for its smooth drawdown and exit from Somalia as planned;

7. Encourages the African Union to fill ATMIS civilian staff vacancies;

Part 4: Reporting

8. Requests the Secretary-General to keep the Security Council informed of the situation in Somalia every four months;

9. Decides to remain actively seized of the matter.
"""


def test_a_draft_in_parts_takes_the_missions_tasks_in_its_part_and_its_priorities_in_its_list() -> None:
    setup_atmis = setup(profile="atmis")
    document = read_string(PARTS)
    mandate = mandate_paragraph(document.operative, "ATMIS")
    assert (
        mandate is not None and mandate.ref == "OP 5"
    )  # the authorisation it extends, under "Part 3: ATMIS"
    assert mandate_paragraph(document.operative) is None  # no mission named: no authorisation of another's
    report = setup_atmis.judge(document)
    placed = place(report, document, setup_atmis.judge)
    # the list of priorities it already has, its count of them one more
    assert (
        placed["poc-priority"].where
        == "Add to OP 6 as item (d) (its lead-in's “three activities” then reads “four activities”)"
    )
    assert placed["poc-priority"].text.startswith("protection of civilians")
    asked_of_mission = [p for p in placed.values() if p.action in ("insert", "add") and p.paragraph is not None
                        and names_mission(" ".join(p.text.split()[:4]), "ATMIS")]  # fmt: skip
    assert asked_of_mission
    for p in asked_of_mission:  # in the part on ATMIS, after the paragraph extending its authorisation
        assert document.paragraphs[p.paragraph].heading == "Part 3: ATMIS", p.where
        assert p.paragraph >= mandate.index, p.where


def test_the_redline_types_the_new_item_as_the_draft_types_its_own(tmp_path: Path) -> None:
    """The draft types its items 'a.', 'b.', 'c.' (read as '(a)' ...): the new item is typed 'd.', not left
    without a number."""
    import docx
    from click.testing import CliRunner

    from mandatekit.cli import main

    draft = docx.Document()
    for line in PARTS.replace("(a) ", "a. ").replace("(b) ", "b. ").replace("(c) ", "c. ").split("\n\n"):
        draft.add_paragraph(line.strip())
    draft.save(tmp_path / "parts.docx")
    out = tmp_path / "redline.docx"
    result = CliRunner().invoke(
        main, ["redline", str(tmp_path / "parts.docx"), "--profile", "atmis", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    import io

    from tests.rounds.test_redline_rounds import accept_all

    texts = [p.text for p in docx.Document(io.BytesIO(accept_all(out.read_bytes()))).paragraphs]
    c = next(n for n, t in enumerate(texts) if t.startswith("c. preparing"))
    assert texts[c + 1].startswith("d. protection of civilians")
