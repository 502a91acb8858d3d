"""Typed category headings between task letters ('(i) Protection of civilians'), and editorial brackets in an
adopted text: structure the UN's own layout reads as the UN cites it."""

from __future__ import annotations

from pathlib import Path

from mandatekit import check
from mandatekit.read import read, read_string
from tests.builders import DraftBuilder

ADOPTED = "Resolution 2999 (2031)\n\nAdopted by the Security Council at its 9999th meeting, on 1 May 2031\n\n"
DRAFT = "Draft resolution\n\n"
BODY = (
    "The Security Council,\n\n"
    "Recalling its previous resolutions,\n\n"
    "1. Decides that the mandate of the Mission shall include the following priority tasks:\n\n"
    "(i) Protection of civilians\n\n"
    "(a) Protect civilians under threat of physical violence;\n\n"
    "(b) Maintain a proactive deployment;\n\n"
    "(ii) Political process\n\n"
    "(a) Support the implementation of the peace agreement;\n\n"
    "(b) Provide good offices to the parties;\n\n"
    "2. Requests the Secretary-General to report to the Council every 90 days;\n"
)


def refs(text: str) -> list[str]:
    return [p.ref for p in read_string(text).paragraphs if p.ref and p.ref.startswith("OP")]


def test_category_headings_number_the_tasks_under_them() -> None:
    assert refs(DRAFT + BODY) == [
        "OP 1",
        "OP 1(i)",
        "OP 1(i)(a)",
        "OP 1(i)(b)",
        "OP 1(ii)",
        "OP 1(ii)(a)",
        "OP 1(ii)(b)",
        "OP 2",
    ]


def test_letters_that_run_on_across_categories_stay_under_their_category() -> None:
    # MONUSCO 2023: (a)-(g) under '(i) Protection of civilians', (h)-(l) under '(ii) DDR', and the real
    # task '(i)' after '(h)' is a letter, not the category '(i)' a second time.
    text = DRAFT + BODY.replace(
        "(ii) Political process\n\n(a) Support", "(ii) Political process\n\n(c) Support"
    )
    text = text.replace("(b) Provide good offices", "(d) Provide good offices")
    text = text.replace("(d) Provide good offices to the parties;\n\n", "(d) Provide good offices;\n\n"
                        "(e) Task e;\n\n(f) Task f;\n\n(g) Task g;\n\n(h) Task h;\n\n(i) Support DDR;\n\n"
                        "(iii) Security Sector Reform\n\n(j) Advise on SSR;\n\n")  # fmt: skip
    got = refs(text)
    assert got[-6:] == ["OP 1(ii)(g)", "OP 1(ii)(h)", "OP 1(ii)(i)", "OP 1(iii)", "OP 1(iii)(j)", "OP 2"]
    assert not [r for r in got if r.endswith(")") and " (" in r]  # no 'OP 1(i) (2)'


def test_the_tasks_under_a_category_keep_the_lead_in_verb_and_their_own_units() -> None:
    doc = read_string(DRAFT + BODY)
    task = next(p for p in doc.paragraphs if p.ref == "OP 1(ii)(a)")
    assert task.verb == "Decides"
    assert doc.paragraphs[task.parent].ref == "OP 1"  # not under the heading: its words are not the task's


def test_typed_category_headings_between_automatic_word_letters(tmp_path: Path) -> None:
    draft = DraftBuilder().front("Draft resolution", "The Security Council,")
    draft.pp("Recalling", "its previous resolutions,")
    draft.op("Decides", "that the mandate of the Mission shall include the following tasks:")
    draft.paragraphs.append(DraftBuilder().sub("(i) Protection of civilians", level=None).paragraphs[0])
    draft.sub("Protect civilians under threat of physical violence;")
    draft.sub("Maintain a proactive deployment;")
    draft.paragraphs.append(DraftBuilder().sub("(ii) Security Sector Reform", level=None).paragraphs[0])
    draft.sub("Support the reform of the security sector;")
    got = [
        p.ref for p in read(draft.save(tmp_path / "d.docx")).paragraphs if p.ref and p.ref.startswith("OP")
    ]
    assert got == ["OP 1", "OP 1(i)", "OP 1(i)(a)", "OP 1(i)(b)", "OP 1(ii)", "OP 1(ii)(c)"]


EDITORIAL = (
    "1. Requests the Secretary-General to report on violations of the status-of-forces agreement and [to] "
    "include in each report information on obstructions to the Mission;\n"
)


def test_a_one_or_two_word_bracket_in_an_adopted_text_is_editorial() -> None:
    doc = read_string(ADOPTED + "The Security Council,\n\nRecalling its resolutions,\n\n" + EDITORIAL)
    assert not [p.ref for p in doc.paragraphs if p.brackets]


def test_the_same_bracket_in_a_draft_is_unagreed_text() -> None:
    doc = read_string(DRAFT + "The Security Council,\n\nRecalling its resolutions,\n\n" + EDITORIAL)
    assert [p.ref for p in doc.paragraphs if p.brackets] == ["OP 1"]


def test_a_longer_bracket_in_an_adopted_text_is_still_flagged() -> None:
    text = EDITORIAL.replace("[to]", "[to report every 60 days and to]")
    doc = read_string(ADOPTED + "The Security Council,\n\nRecalling its resolutions,\n\n" + text)
    assert [p.ref for p in doc.paragraphs if p.brackets] == ["OP 1"]
    assert check(ADOPTED + "The Security Council,\n\n" + text, only=["sofa-reporting"]).findings
