"""A paragraph cut by a blank line is one paragraph (issue 21): a plain-text draft exported with a blank
line after every line (S/RES/2577 (2021), copied from its PDF), or a title or sentence broken across an
empty line. The excerpts are from real resolutions; the rule is the reader's: a paragraph that ends
without closing punctuation goes on in the next one when that one opens in lower case, unnumbered and
with no verb of its own; in a double-spaced text, a line goes on unless the line above closed a sentence
or it opens with a number or a paragraph's verb."""

from __future__ import annotations

from mandatekit.read import Kind, read_string

# S/RES/2577 (2021), as exported: every line followed by a blank line, page furniture between pages.
DOUBLE_SPACED = """# United Nations S /RES/2577 (2021)

Distr.: General

# Security Council

28 May 2021

##  Resolution 2577 (2021)

Adopted by the Security Council on 28 May 2021

The Security Council,

Recalling its previous resolutions, statements of its President, and press

statements on the situation in South Sudan,

Affirming its support for the 2018 “Revitalised Agreement on the Resolution of

the Conflict in the Republic of South Sudan” (the Revitalised Agreement), stressing

that the peace process only remains viable with the full commitment by all parties,

Strongly condemning past and ongoing human rights violations and abuses and

violations of international humanitarian law, emphasizing that

- Reissued for technical reasons on 4 June 2021.

21-07038 (E)

2107038

S/RES/2577 (2021)

those responsible for violations of international humanitarian law and violations and

abuses of human rights must be held accountable,

Acting under Chapter VII of the Charter of the United Nations,

Arms Embargo and Inspections

1. Decides to renew until 31 May 2022 the measures on arms imposed by

paragraph 4 of resolution 2428 (2018);

2. Expresses its readiness to review arms embargo measures, through inter

alia modification, suspension, or progressive lifting of these measures, in the light of

progress achieved on the following key benchmarks:

(a) the completion, by the RTGNU, of Stages 1, 2, and 3 of the Strategic

Defense and Security Review (SDSR) process contained in the Revitalised

Agreement;

(b) the formation, by the RTGNU, of a unified command structure for the

Necessary Unified Forces (NUF);

2/5 21-07038

S/RES/2577 (2021)

6. Stresses the importance that notifications or requests for exemptions

should contain all relevant information, including the purpose of the use, the end user, the technical

specifications and quantity of the equipment to be shipped and, when applicable,

the supplier, the proposed date of delivery, mode of transportation and itinerary of

shipments;

Targeted Sanctions

7. Decides to remain seized of the matter.
"""


def test_a_double_spaced_text_is_read_line_by_line_into_whole_paragraphs() -> None:
    doc = read_string(DOUBLE_SPACED)
    refs = [p.ref for p in doc.paragraphs if p.ref]
    assert refs == ["PP 1", "PP 2", "PP 3", "PP 4", "OP 1", "OP 2", "OP 2(a)", "OP 2(b)", "OP 6", "OP 7"]
    assert [p.text for p in doc.paragraphs if p.kind is Kind.heading] == [
        "Arms Embargo and Inspections",
        "Targeted Sanctions",
    ]
    pp2 = doc.by_ref("PP 2")
    assert pp2 is not None and pp2.text.endswith("full commitment by all parties,")
    op2 = doc.by_ref("OP 2")
    assert op2 is not None and op2.verb == "Expresses" and op2.text.endswith("key benchmarks:")
    sub = doc.by_ref("OP 2(a)")
    assert sub is not None and sub.text.endswith("contained in the Revitalised Agreement;")
    op6 = doc.by_ref("OP 6")  # a line ending on a comma goes on in lower case
    assert op6 is not None and op6.text.endswith("mode of transportation and itinerary of shipments;")


def test_page_furniture_and_a_footnote_do_not_cut_a_double_spaced_paragraph() -> None:
    pp3 = read_string(DOUBLE_SPACED).by_ref("PP 3")
    assert pp3 is not None
    assert "emphasizing that those responsible for violations" in pp3.text
    assert "Reissued" not in pp3.text and "21-07038" not in pp3.text and "S/RES" not in pp3.text


def test_the_front_matter_of_a_double_spaced_text_keeps_its_lines_apart() -> None:
    doc = read_string(DOUBLE_SPACED)
    front = [p.text for p in doc.paragraphs if p.kind is Kind.front_matter]
    assert front[-1] == "The Security Council," and "28 May 2021" in front
    assert doc.front.date == "28 May 2021"


def test_a_text_with_paragraph_breaks_is_not_read_as_double_spaced() -> None:
    # Each paragraph one line, blank lines between: lines that end a sentence, nothing runs on.
    text = (
        "The Security Council,\n\nRecalling its resolutions,\n\nStressing the protection of civilians,\n\n"
        + "".join(f"{n}. Decides to renew measure {n};\n\n" for n in range(1, 12))
    )
    refs = [p.ref for p in read_string(text).paragraphs if p.ref]
    assert refs == ["PP 1", "PP 2"] + [f"OP {n}" for n in range(1, 12)]


def test_a_sentence_broken_by_one_empty_line_is_one_paragraph() -> None:
    # The pattern of a page break in the source: the OP goes on in lower case after a blank line.
    doc = read_string(
        "The Security Council,\n\nRecalling its resolutions,\n\n"
        "1. Requests the Secretary-General to conduct an assessment of progress achieved on the key\n\n"
        "benchmarks established in paragraph 2 of this resolution;\n\n"
        "2. Decides to remain seized of the matter."
    )
    assert [p.ref for p in doc.paragraphs if p.ref] == ["PP 1", "OP 1", "OP 2"]
    op1 = doc.by_ref("OP 1")
    assert op1 is not None and op1.text.endswith(
        "key benchmarks established in paragraph 2 of this resolution;"
    )


def test_a_title_broken_across_blank_lines_is_one_heading() -> None:
    # S/RES/1244 (1999), annex 1: the statement's title over three lines.
    doc = read_string(
        "The Security Council,\n\n1. Decides to remain seized of the matter.\n\nAnnex 1\n\n"
        "Statement by the Chairman on the conclusion of the meeting\n\n"
        "of the G-8 Foreign Ministers held at the Petersberg Centre\n\non 6 May 1999\n\n"
        "The G-8 Foreign Ministers adopted the following general principles:"
    )
    annex = [p.text for p in doc.paragraphs if p.kind is Kind.annex]
    assert annex[1] == (
        "Statement by the Chairman on the conclusion of the meeting of the G-8 Foreign Ministers held at the "
        "Petersberg Centre on 6 May 1999"
    )


def test_what_opens_a_paragraph_after_a_blank_line_stays_apart() -> None:
    # S/RES/2662 (2022): after an item closed by '; and', the OP goes on with a verb of its own; an item
    # with a number; a paragraph after one closed by punctuation.
    doc = read_string(
        "The Security Council,\n\nRecalling its resolutions,\n\n"
        "1. Decides that the measures shall not apply to:\n\n"
        "(a) supplies of weapons intended solely for the support of the Mission; and\n\n"
        "(b) supplies of weapons to the national forces (as previously affirmed by paragraph 3 of "
        "resolution 2244 (2015)); and\n\n"
        "confirms it will keep all notification processes under review\n\n"
        "(c) entry into ports for temporary visits\n\n"
        "2. Decides to remain seized of the matter."
    )
    texts = [p.text for p in doc.paragraphs if p.kind is Kind.operative]
    assert texts[2].endswith("resolution 2244 (2015)); and")
    assert texts[3:5] == [
        "confirms it will keep all notification processes under review",
        "entry into ports for temporary visits",
    ]


def test_hard_wrapped_lines_go_on_after_a_comma_in_lower_case_and_stop_at_a_verb() -> None:
    # Single-spaced text copied from a PDF (S/RES/2577 (2021), OP 6), then unnumbered paragraphs.
    doc = read_string(
        "The Security Council,\nRecalling its resolutions,\n"
        "6. Stresses the importance that notifications should contain all relevant information,\n"
        "specifications and quantity of the equipment to be shipped and, when applicable,\n"
        "the supplier and itinerary of shipments;\n"
        "Sanctions Committee and Panel of Experts\n"
        "Emphasizes the importance of holding regular consultations with concerned Member States\n"
        "Decides to remain seized of the matter."
    )
    op6 = doc.by_ref("OP 6")
    assert op6 is not None and op6.text.endswith("when applicable, the supplier and itinerary of shipments;")
    assert [p.verb for p in doc.paragraphs if p.kind is Kind.operative and p.ref != "OP 6"] == [
        "Emphasizes",
        "Decides",
    ]


# S/RES/2592 (2021), OP 12 and 13, as a PDF exported to single-spaced text: a page break between the two halves
# of OP 12 leaves the page foot (job number and page), the barcode, a footnote and the running head (the symbol).
PAGE_BREAK = """S/RES/2592 (2021)

Security Council

Resolution 2592 (2021)

Adopted by the Security Council at its 8846th meeting, on 30 August 2021

The Security Council,

Recalling its previous resolutions and statements of its President on the situation in Somalia,

12. Further strongly condemns any misuse or obstruction of humanitarian assistance, including attacks against
humanitarian and medical personnel, and against their means of transport and equipment, as well as

* Reissued for technical reasons on 3 September 2021.

21-12345 (E)

*2112345*

S/RES/2592 (2021)

hospitals and other medical facilities in violation of international law;

13. Calls upon the FGS, the FMS and all relevant actors to facilitate durable solutions for internal
displacement;
"""


def test_page_furniture_between_the_halves_of_a_single_spaced_paragraph_is_left_out() -> None:
    doc = read_string(PAGE_BREAK)
    assert [p.ref for p in doc.paragraphs if p.ref] == ["PP 1", "OP 12", "OP 13"]
    op12 = doc.by_ref("OP 12")
    assert op12 is not None and op12.text.endswith("equipment, as well as hospitals and other medical "
                                                   "facilities in violation of international law;")  # fmt: skip
    assert doc.front.symbol == "S/RES/2592 (2021)"  # above 'The Security Council,' the symbol is a field


def test_page_furniture_inside_hard_wrapped_lines_is_left_out() -> None:
    lines = [ln for ln in PAGE_BREAK.splitlines() if ln.strip()]  # one line after another, no blank lines
    op12 = read_string("\n".join(lines)).by_ref("OP 12")
    assert op12 is not None and "S/RES" not in op12.text and "21-12345" not in op12.text
    assert "as well as hospitals and other medical facilities" in op12.text
