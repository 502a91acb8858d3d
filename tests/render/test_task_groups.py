"""Where a task goes in a task list grouped under category headings, on a real mandate (S/RES/2717 (2023),
MONUSCO: OP 34 '(i) Protection of civilians' (a)-(g), '(ii) Disarmament, demobilisation ...' (h)-(l), '(iii)
Security Sector Reform' (m), and two headings 'Human Rights' / 'Human rights'), issue 21, round 9:
- the letter '(i)' among (h)-(l) is an item, not a category heading: nothing goes 'under OP 34(ii)(i)';
- a task goes to the group on its subject, or to the end of the task list, never into another subject's;
- two tasks after the same item take two numbers, '(g bis)' and '(g ter)', never both '(g bis)';
- a new paragraph never renumbers the draft's own: the text re-judged keeps every OP's number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mandatekit.api import setup
from mandatekit.read import read, read_string
from mandatekit.read.model import Document
from mandatekit.render.accepted import accepted_text
from mandatekit.render.placement import Placement, place
from mandatekit.render.tasks import _task_lists

SETUP = setup()
DRAFT = Path(__file__).resolve().parents[1] / "rounds" / "drafts" / "S_RES_2717(2023).txt"


@pytest.fixture(scope="module")
def placed() -> tuple[Document, dict[str, Placement]]:
    document = read(DRAFT)
    return document, place(SETUP.judge(document), document, SETUP.judge)


def test_a_letter_i_among_the_items_heads_nothing() -> None:
    document = read(DRAFT)
    heads = {document.paragraphs[lead].ref for lead in _task_lists(document)}
    assert {"OP 34(i)", "OP 34(ii)"} <= heads
    assert "OP 34(ii)(i)" not in heads


def test_tasks_go_to_their_subject_and_never_collide(placed: tuple[Document, dict[str, Placement]]) -> None:
    _, placements = placed
    wheres = [pl.where for pl in placements.values() if pl.where.startswith("Add to")]
    for rule, pl in placements.items():
        if pl.where.startswith("Add to OP 34(ii)"):  # the DDR group: only a DDR task goes there
            assert rule == "ddrr", (rule, pl.where)
    assert len(wheres) == len(set(wheres)), wheres  # two tasks after (g): (g bis) and (g ter)
    assert not any(re.search(r"\(\w+\)\(\w+\) as", w) and "(ii)(i)" in w for w in wheres)


def test_no_fix_renumbers_the_drafts_own_paragraphs(placed: tuple[Document, dict[str, Placement]]) -> None:
    document, placements = placed
    assert any(pl.action in ("insert", "add") for pl in placements.values())
    again = read_string(accepted_text(document, list(placements.values())))
    own = {p.text: p.ref for p in document.paragraphs if p.label}
    for p in again.paragraphs:
        if p.text in own:
            assert p.ref == own[p.text], (p.ref, own[p.text])


def test_a_request_for_reports_goes_beside_the_drafts_request_for_reports(
    placed: tuple[Document, dict[str, Placement]],
) -> None:
    """The SOFA reporting request goes after OP 47 ('Requests the Secretary-General to report to the Council
    every three months including: ...'), not after OP 44, which only notes SOFA violations with concern;
    numbered '47 bis.', so OP 48 stays OP 48."""
    _, placements = placed
    sofa = placements["sofa-reporting"]
    assert sofa.where == "Insert after OP 47 as OP 47 bis" and sofa.number == "47 bis."


def test_without_a_request_for_regular_reports_the_ask_goes_where_it_relates() -> None:
    from mandatekit.read import read_string

    text = (
        "The Security Council,\n\n1. Decides to renew the mandate of the Mission until 15 November 2027;\n\n"
        "2. Condemns the violations of the Status of Forces Agreement, including restrictions on the freedom "
        "of movement of the Mission;\n\n3. Requests the Secretary-General to conduct a strategic review of the "
        "Mission;\n\n4. Decides to remain actively seized of the matter.\n"
    )
    document = read_string(text)
    pl = place(SETUP.judge(document), document, SETUP.judge)["sofa-reporting"]
    assert not pl.where.startswith("Insert after OP 3 ")  # a review asked, not his regular reports


UNMISS = Path(__file__).resolve().parents[1] / "rounds" / "drafts" / "S_RES_2677(2023).txt"


def test_a_task_on_no_group_s_heading_goes_in_the_group_it_relates_to_never_beside_the_headings() -> None:
    """S/RES/2677 (2023), UNMISS: OP 3 holds four groups under sub-headings, (a) Protection of civilians ...
    (c) Supporting the implementation of the Revitalised Agreement ... (d) Monitoring ... human rights. No
    heading names DDR (the draft has only community disarmament): the task goes in the group whose items it
    relates to most, (c) with the ceasefire and security-arrangement tasks, as its next item '(ix)' — not
    '(e)' beside the four headings as if it were one (trial 15, F6), nor '(v)' under (d)'s human rights
    heading (trial 9, finding 4); and it comes before a new operative paragraph placed after the same list
    ('3 bis.'), in the redline's order and the text re-judged."""
    document = read(UNMISS)
    placements = place(SETUP.judge(document), document, SETUP.judge)
    ddrr = placements["ddrr"]
    like = document.paragraphs[ddrr.like]  # type: ignore[index]
    # the last item of group (c) (the adopted text numbers two of them '(vii)'), not a heading
    assert (like.ref or "").startswith("OP 3(c)(") and document.paragraphs[like.index + 1].ref == "OP 3(d)"
    assert ddrr.where.startswith("Add to OP 3(c) as item (") and ddrr.number
    for pl in placements.values():  # no task lands beside the group headings
        assert not re.fullmatch(r"Add to OP 3 as item \(\w+\)", pl.where), pl.where
    text = accepted_text(document, placements.values())
    item = text.index(f"{ddrr.number} To support")
    new_ops = [m.start() for m in re.finditer(r"^3 bis\. ", text, re.MULTILINE)]
    assert all(item < at for at in new_ops)
