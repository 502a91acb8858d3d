"""Typed category headings between task letters ('(i) Protection of civilians'), and editorial brackets in an
adopted text: structure the UN's own layout reads as the UN cites it."""

from __future__ import annotations

from pathlib import Path

from mandatekit import check
from mandatekit.read import Kind, read, read_string
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


# S/RES/690 (1991) as the Council's volume prints it: no symbol, a heading "Resolution 690 (1991)", and the notes'
# numbers in brackets after the words they annotate.
VOLUME = (
    "# THE SITUATION CONCERNING WESTERN SAHARA[141]\n\n## Decision\n\n"
    "At its 2984th meeting, on 29 April 1991, the Council discussed the item.[7]\n\n"
    "### Resolution 690 (1991)\n\nof 29 April 1991\n\n"
    "The Security Council,\n\n"
    "Having examined the report of the Secretary-General of 19 April 1991 on the situation concerning Western "
    "Sahara,[143]\n\n"
    "1. Approves the report of the Secretary-General, transmitted to the Council in accordance with resolution "
    "658 (1990);[40]\n\n"
    "2. Requests the Secretary-General to report on progress made on the elements in paragraphs [5, 6, 7, and 8] "
    "above;\n"
)


def test_a_resolution_as_the_councils_volume_prints_it_is_adopted_text() -> None:
    doc = read_string(VOLUME)
    assert [p.ref for p in doc.paragraphs if p.ref] == ["PP 1", "OP 1", "OP 2"]
    assert not [p.ref for p in doc.paragraphs if p.brackets]  # notes' numbers, paragraphs referred to


def test_numbers_in_brackets_in_a_draft_are_unagreed() -> None:
    draft = VOLUME.replace("### Resolution 690 (1991)", "Draft resolution")
    assert [p.ref for p in read_string(draft).paragraphs if p.brackets and p.ref] == ["PP 1", "OP 1", "OP 2"]


def test_a_pdf_masthead_and_the_general_assemblys_header_say_adopted() -> None:
    for header in ("United Nations S/RES/2999 (2031)\n\n", "Resolution adopted by the General Assembly\n\n"):
        doc = read_string(header + "The Security Council,\n\nRecalling its resolutions,\n\n" + EDITORIAL)
        assert not [p.ref for p in doc.paragraphs if p.brackets], header


# S/RES/425 (1978) in the Council's volume for 1978: the vote record closes it, and resolution 426 follows.
TWO_RESOLUTIONS = (
    "Resolution 425 (1978)\n\nof 19 March 1978\n\nThe Security Council,\n\n"
    "Gravely concerned at the deterioration of the situation in the Middle East,\n\n"
    "1. Calls for strict respect for the territorial integrity, sovereignty and political independence of "
    "Lebanon;\n\n"
    "2. Requests the Secretary-General to report to the Council within twenty-four hours on the implementation "
    "of the present resolution.\n\n"
    "Adopted at the 2074th meeting by 12 votes to none, with 2 abstentions.\n\n"
    "Resolution 426 (1978)\n\nof 19 March 1978\n\nThe Security Council\n\n"
    "1. Approves the report of the Secretary-General on the implementation of resolution 425 (1978);\n\n"
    "2. Decides that the United Nations Interim Force in Lebanon shall be established for an initial period of "
    "six months, and demands full respect for the safety of the Force's personnel from all parties.\n"
)


def test_the_vote_record_closes_the_resolution_in_a_volume() -> None:
    doc = read_string(TWO_RESOLUTIONS)
    assert [p.ref for p in doc.operative] == ["OP 1", "OP 2"]  # never 'OP 1 (2)': resolution 426's
    assert not [p.ref for p in doc.paragraphs if p.ref and " (" in p.ref]
    assert all(p.kind is Kind.annex for p in doc.paragraphs[doc.by_ref("OP 2").index + 1 :])  # type: ignore[union-attr]
    finding = check(TWO_RESOLUTIONS, only=["un-personnel-safety"]).findings[0]
    assert finding.verdict == "missing" and not finding.evidence  # resolution 426's words are not 425's


def test_the_header_of_an_adopted_text_has_no_unagreed_brackets() -> None:
    # A/RES/73/8, as its PDF's header reads: the committee note under the title is the editor's.
    header = (
        "United Nations A/RES/73/8\n\nResolution adopted by the General Assembly on 1 November 2018\n\n"
        "[without reference to a Main Committee (A/73/L.3)]\n\n"
    )
    doc = read_string(header + "The Security Council,\n\nRecalling its resolutions,\n\n" + EDITORIAL)
    assert not [p.text for p in doc.paragraphs if p.brackets]
    draft = read_string(
        header.replace("United Nations A/RES/73/8", "Draft resolution").replace(
            "Resolution adopted by the General Assembly on", "Revised"
        )
        + "The Security Council,\n\n"
        + EDITORIAL
    )
    assert [p.text[:8] for p in draft.paragraphs if p.brackets] == ["[without", "Requests"]
