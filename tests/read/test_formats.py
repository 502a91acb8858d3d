"""The same draft as .docx, .txt, .md and .pdf yields the same references; text-format details."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit.read import Kind, read, read_string
from tests.builders import renewal_draft, save_pdf


def structure(path: Path) -> list[tuple[str | None, str, str | None]]:
    return [
        (p.ref, p.kind.value, p.verb_class.value if p.verb_class else None)
        for p in read(path).paragraphs
        if p.kind in (Kind.operative, Kind.preambular)
    ]


def test_docx_txt_and_pdf_give_the_same_references(tmp_path: Path) -> None:
    draft = renewal_draft()
    docx = structure(draft.save(tmp_path / "d.docx"))
    (tmp_path / "d.txt").write_text(draft.as_text(), encoding="utf-8")
    txt = structure(tmp_path / "d.txt")
    pdf = structure(save_pdf(draft.as_text(), tmp_path / "d.pdf"))
    assert docx == txt == pdf
    assert ("OP 2(a)(i)", "operative", "decides") in docx


def test_pdf_drops_running_heads_and_keeps_line_end_hyphens(tmp_path: Path) -> None:
    body = "The Security Council,\n\n" + "\n\n".join(
        f"{i}. Requests the Mission to protect civilians under threat of physical violence in every prefecture of "
        f"the country and to report to the Council on the implementation of this paragraph number {i};"
        for i in range(1, 40)
    )
    body += (
        "\n\n40. Requests the Mission to support the national authorities in post-\nconflict demobilization and"
        " the Secretary-\nGeneral to report;"
    )
    doc = read(save_pdf(body, tmp_path / "long.pdf"))
    texts = [p.text for p in doc.paragraphs]
    assert [p.ref for p in doc.operative] == [f"OP {i}" for i in range(1, 41)]
    assert not any("26-1000" in t or "S/RES/2999" in t for t in texts)
    # UN typesetting never splits a word at a line end: a hyphen there belongs to a compound, and stays
    assert doc.by_ref("OP 40").text.endswith(  # type: ignore[union-attr]
        "in post-conflict demobilization and the Secretary-General to report;"
    )
    assert {p.origin.page for p in doc.operative} >= {1, 2}


def test_markdown_headings_and_emphasis() -> None:
    doc = read_string(
        "The Security Council,\n\n## Mandate\n\n1. *Decides* that **the Mission** shall protect civilians;\n",
        markdown=True,
    )
    op = doc.by_ref("OP 1")
    assert op is not None and op.heading == "Mandate"
    assert op.text == "Decides that the Mission shall protect civilians;"


def test_letter_i_after_h_is_a_letter_and_roman_i_opens_a_list() -> None:
    letters = "\n\n".join(f"({c}) task {c};" for c in "abcdefghijk")
    doc = read_string(
        f"1. Decides that the mandate shall include:\n\n{letters}\n\n(l) task l:\n\n(i) first;\n\n(ii) second;"
    )
    refs = [p.ref for p in doc.operative]
    assert "OP 1(i)" in refs and "OP 1(k)" in refs
    assert refs[-2:] == ["OP 1(l)(i)", "OP 1(l)(ii)"]


def test_roman_i_after_h_becomes_roman_when_ii_follows() -> None:
    letters = "\n\n".join(f"({c}) task {c};" for c in "abcdefgh")
    doc = read_string(f"1. Decides:\n\n{letters}\n\n(i) first;\n\n(ii) second;\n\n(iii) third;")
    assert [p.ref for p in doc.operative][-3:] == ["OP 1(h)(i)", "OP 1(h)(ii)", "OP 1(h)(iii)"]


def test_text_normalization_keeps_the_original_words() -> None:
    doc = read_string("1. Requests the Mission\u2019s  support\u00a0to \u201cprotect\u201d civil\u00adians;")
    op = doc.by_ref("OP 1")
    assert op is not None
    assert op.text == "Requests the Mission\u2019s support to \u201cprotect\u201d civilians;"


def test_cp1252_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("1. Requests the Mission\u2019s support to the \u201cAPPR\u201d;\n".encode("cp1252"))
    assert read(path).by_ref("OP 1").text == "Requests the Mission\u2019s support to the \u201cAPPR\u201d;"  # type: ignore[union-attr]


def test_hard_wrapped_text_without_blank_lines() -> None:
    doc = read_string(
        "The Security Council,\nRecalling its resolutions,\n1. Decides to renew the mandate;\n"
        "2. Requests the Secretary-General to report;"
    )
    assert [p.ref for p in doc.paragraphs if p.ref] == ["PP 1", "OP 1", "OP 2"]


def test_a_fragment_without_operative_paragraphs_warns() -> None:
    doc = read_string("Recalling its resolutions,\n\nStressing the protection of civilians,")
    assert [p.ref for p in doc.paragraphs] == ["PP 1", "PP 2"]
    assert doc.warnings and "nothing in this text can meet" in doc.warnings[0]


@pytest.mark.parametrize(
    ("opening", "cls"),
    [
        ("Strongly condemns", "notes"),
        ("Calls upon", "calls"),
        ("Further requests", "requests"),
        ("Takes note of", "notes"),
        ("[Decides/Encourages] that", "encourages"),
        ("Authorises", "decides"),
        ("Reiterates its demand that", "decides"),
        ("Invites", "encourages"),
        ("Urges", "calls"),
    ],
)
def test_verb_classes(opening: str, cls: str) -> None:
    op = read_string(f"1. {opening} the Mission to act;").by_ref("OP 1")
    assert op is not None and op.verb_class is not None and op.verb_class.value == cls


def test_a_second_verb_takes_over_the_rest_of_the_paragraph() -> None:
    op = read_string("1. Welcomes the progress made and requests the Mission to support the forces;").by_ref(
        "OP 1"
    )
    assert op is not None
    assert [(v.verb, v.verb_class.value) for v in op.verbs] == [
        ("Welcomes", "encourages"),
        ("requests", "requests"),
    ]


def test_bracket_spanning_paragraphs() -> None:
    doc = read_string(
        "1. Decides:\n\n(a) [To protect civilians;\n\n(b) To report on violations];\n\n(c) To support [it"
    )
    a, b, c = doc.by_ref("OP 1(a)"), doc.by_ref("OP 1(b)"), doc.by_ref("OP 1(c)")
    assert a and b and c
    assert a.brackets[0].start == 0 and a.brackets[0].end == len(a.text)
    assert b.text[b.brackets[0].start : b.brackets[0].end] == "To report on violations]"
    assert c.text[c.brackets[0].start :] == "[it"  # a stray bracket ends with its paragraph


def test_pdf_paragraphs_marked_only_by_a_first_line_indent(tmp_path: Path) -> None:
    """No space between paragraphs, long last lines ending in a comma: the indent still separates them."""
    draft = renewal_draft()
    pdf = save_pdf(draft.as_text(), tmp_path / "tight.pdf", gap=0, indent=12, width=80)
    (tmp_path / "d.txt").write_text(draft.as_text(), encoding="utf-8")
    assert structure(pdf) == structure(tmp_path / "d.txt")


def test_hard_wrapped_text_copied_from_a_pdf() -> None:
    import textwrap

    draft = renewal_draft().as_text().replace("\n\n", "\n")
    wrapped = "\n".join(line for paragraph in draft.splitlines() for line in textwrap.wrap(paragraph, 60))
    assert [p.ref for p in read_string(wrapped).paragraphs if p.ref] == [
        p.ref for p in read_string(renewal_draft().as_text()).paragraphs if p.ref
    ]
    op = read_string(wrapped).by_ref("OP 3")
    assert op is not None and op.text.endswith(
        "in strict compliance with the Human Rights Due Diligence Policy;"
    )


def test_letters_typed_with_a_dot() -> None:
    doc = read_string(
        "1. Decides that the mandate shall include:\n\na. To protect civilians;\n\nb. To report;"
    )
    assert [p.ref for p in doc.operative] == ["OP 1", "OP 1(a)", "OP 1(b)"]


def test_pdf_hanging_indents_keep_numbered_paragraphs_whole(tmp_path: Path) -> None:
    """UN layout: OP numbers at the margin with the text hanging indented, PPs with a first-line indent, no
    space between paragraphs; a wrapped OP line may end with a comma before a capitalised word."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)

    def put(x: float, text: str, label: str | None = None) -> None:
        if label:
            pdf.set_x(pdf.l_margin)
            pdf.cell(10, 5.5, label)
        pdf.set_x(pdf.l_margin + x)
        pdf.cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")

    put(0, "The Security Council,")
    put(10, "Reaffirming its strong commitment to the sovereignty and territorial integrity of the country,")
    put(0, "and recalling its previous resolutions,")
    put(
        10,
        "Decides that the Mission shall support the Political Agreement for Peace and Reconciliation,",
        "1.",
    )
    put(10, "Security Sector Reform and the Government of the Central African Republic,")
    put(10, "Local authorities and civil society in all prefectures;")
    put(
        10,
        "Requests the Secretary-General to report on all violations of the Status of Forces Agreement;",
        "2.",
    )
    put(10, "Decides to remain actively seized of the matter.", "3.")
    pdf.output(str(tmp_path / "un.pdf"))
    doc = read(tmp_path / "un.pdf")
    assert [p.ref for p in doc.paragraphs if p.ref] == ["PP 1", "OP 1", "OP 2", "OP 3"]
    assert doc.by_ref("OP 1").text.endswith(
        "Republic, Local authorities and civil society in all prefectures;"
    )  # type: ignore[union-attr]
    assert doc.by_ref("PP 1").text.endswith("country, and recalling its previous resolutions,")  # type: ignore[union-attr]


def test_a_decimal_number_is_not_a_paragraph_number() -> None:
    """A report's tables open rows with '1.1', '1.2' (A/80/590): not OP 1 again and again."""
    doc = read_string(
        "The Security Council,\n\n1. Decides to renew the mandate;\n\n"
        "1.1 Percentage of approved flight hours utilized\n\n12.5 per cent of the troops deployed"
    )
    assert [p.ref for p in doc.paragraphs if p.ref] == ["OP 1"]
    assert [p.text for p in doc.paragraphs][-2:] == [
        "1.1 Percentage of approved flight hours utilized",
        "12.5 per cent of the troops deployed",
    ]


def test_a_line_of_the_table_of_contents_is_not_the_title() -> None:
    from mandatekit.read import read_string

    doc = read_string(
        "United Nations A/80/590\n\nGeneral Assembly Distr.: General 7 January 2026\n\n"
        "Contents\n\nII. Mandate performance . . . . . . . . . . . . . . . 6\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert doc.front.symbol == "A/80/590"
    assert doc.front.title is None or "Mandate performance" not in doc.front.title
