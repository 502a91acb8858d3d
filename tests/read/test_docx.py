"""The .docx reader: Word's automatic numbering, tracked changes, comments, tables, brackets."""

from __future__ import annotations

from pathlib import Path

from mandatekit.read import Kind, VerbClass, read
from tests.builders import DraftBuilder, Run


def refs(path: Path) -> list[str]:
    return [p.ref for p in read(path).paragraphs if p.ref]


def test_automatic_numbering_gives_op_and_sub_paragraph_references(renewal_docx: Path) -> None:
    assert refs(renewal_docx) == [
        "PP 1",
        "PP 2",
        "PP 3",
        "OP 1",
        "OP 2",
        "OP 2(a)",
        "OP 2(a)(i)",
        "OP 2(a)(ii)",
        "OP 2(b)",
        "OP 3",
        "OP 4",
    ]


def test_sub_paragraphs_inherit_the_governing_verb(renewal_docx: Path) -> None:
    doc = read(renewal_docx)
    sub = doc.by_ref("OP 2(a)(i)")
    assert sub is not None
    assert (sub.verb, sub.verb_class, sub.verb_inherited) == ("Decides", VerbClass.decides, True)
    assert doc.by_ref("OP 3").verb_class is VerbClass.requests  # type: ignore[union-attr]


def test_headings_give_context_and_are_not_numbered(renewal_docx: Path) -> None:
    doc = read(renewal_docx)
    headings = [p.text for p in doc.paragraphs if p.kind is Kind.heading]
    assert headings == ["Mandate of the Mission", "Human rights due diligence"]
    assert doc.by_ref("OP 2(b)").heading == "Mandate of the Mission"  # type: ignore[union-attr]
    assert doc.by_ref("OP 3").heading == "Human rights due diligence"  # type: ignore[union-attr]


def test_front_matter(renewal_docx: Path) -> None:
    front = read(renewal_docx).front
    assert front.symbol == "S/2026/901"
    assert front.date == "3 November 2026"
    assert front.title == "Draft resolution: renewal of the mandate of the Mission"


def test_tracked_insertions_count_and_deletions_do_not(tmp_path: Path, builder: DraftBuilder) -> None:
    builder.front("The Security Council,")
    builder.runs(
        Run("Requests", "italic"),
        Run(" the Mission to support the forces "),
        Run("in strict compliance with the HRDDP", "del"),
        Run("as appropriate", "ins"),
        Run(";"),
    )
    builder.op("Decides", "to remain seized of the matter.")
    doc = read(builder.save(tmp_path / "t.docx"))
    op = doc.by_ref("OP 1")
    assert op is not None and op.text == "Requests the Mission to support the forces as appropriate;"
    # what is pending stays known: where the insertion stands, and what the deletion took out
    [deleted, inserted] = op.changes
    assert (deleted.kind, deleted.text, op.text[deleted.start :]) == (
        "delete",
        "in strict compliance with the HRDDP",
        "as appropriate;",
    )
    assert (inserted.kind, op.text[inserted.start : inserted.end]) == ("insert", "as appropriate")
    assert doc.pending_changes == 2


def test_pending_changes_are_counted_as_the_reviewing_pane_lists_them(
    tmp_path: Path, builder: DraftBuilder
) -> None:
    """One change per stretch of one kind by one author that no unchanged text interrupts: a paragraph
    deleted whole (its italic verb, its words, its mark) is one change, not three XML marks."""
    builder.front("The Security Council,")
    builder.runs(
        Run("Calls upon", "del"), Run(" the authorities to respect the SOFA;", "del"), mark_deleted=True
    )
    builder.runs(
        Run("Requests", "italic"),
        Run(" the Mission to support the forces "),
        Run("in strict compliance", "del"),  # a replacement: a deletion and an insertion, as Word lists it
        Run("in line", "ins"),
        Run(" with the policy "),
        Run("and to report", "ins"),  # one author's insertion over two runs: one change
        Run(" on it", "ins"),
        Run(" monthly", "ins", author="Other delegation"),  # another author's: another
        Run(";"),
    )
    builder.op("Decides", "to remain seized of the matter.")
    assert read(builder.save(tmp_path / "t.docx")).pending_changes == 5


def test_emptied_paragraph_keeps_its_number_as_word_shows_it(tmp_path: Path, builder: DraftBuilder) -> None:
    builder.front("The Security Council,")
    builder.op("Decides", "to renew the mandate;")
    builder.runs(Run("Requests the Mission to report on SOFA violations;", "del"))
    builder.op("Decides", "to remain seized of the matter.")
    doc = read(builder.save(tmp_path / "t.docx"))
    assert [p.ref for p in doc.operative] == ["OP 1", "OP 3"]  # Word still shows "2." on the empty paragraph
    assert "SOFA" not in " ".join(p.text for p in doc.paragraphs)


def test_paragraph_deleted_with_its_mark_disappears_and_numbering_closes_up(
    tmp_path: Path, builder: DraftBuilder
) -> None:
    builder.front("The Security Council,")
    builder.op("Decides", "to renew the mandate;")
    builder.runs(Run("Requests the Mission to report on SOFA violations;", "del"), mark_deleted=True)
    builder.op("Decides", "to remain seized of the matter.")
    doc = read(builder.save(tmp_path / "t.docx"))
    assert [p.ref for p in doc.operative] == ["OP 1", "OP 2"]
    assert doc.by_ref("OP 2").text == "Decides to remain seized of the matter."  # type: ignore[union-attr]


def test_comments_are_not_draft_text(tmp_path: Path, builder: DraftBuilder) -> None:
    builder.front("The Security Council,")
    builder.op("Requests", "the Mission to protect civilians;", comment="Add: irrespective of the source")
    doc = read(builder.save(tmp_path / "t.docx"))
    assert "irrespective" not in " ".join(p.text for p in doc.paragraphs)
    assert doc.by_ref("OP 1").text == "Requests the Mission to protect civilians;"  # type: ignore[union-attr]


def test_table_text_is_read(tmp_path: Path, builder: DraftBuilder) -> None:
    builder.front("The Security Council,")
    builder.op("Decides", "to authorize the following ceilings:")
    builder.table([["Military personnel", "14,400"], ["Police personnel", "3,020"]])
    texts = [p.text for p in read(builder.save(tmp_path / "t.docx")).paragraphs]
    assert "Military personnel" in texts and "3,020" in texts


def test_square_brackets_are_marked(tmp_path: Path, builder: DraftBuilder) -> None:
    builder.front("The Security Council,")
    builder.op("Requests", "the Mission to support the forces [in strict compliance with the HRDDP];")
    para = read(builder.save(tmp_path / "t.docx")).by_ref("OP 1")
    assert para is not None and len(para.brackets) == 1
    span = para.brackets[0]
    assert para.text[span.start : span.end] == "[in strict compliance with the HRDDP]"


def test_numbering_through_a_style_and_typed_numbers(tmp_path: Path) -> None:
    """A paragraph numbered by its style (as UN templates do), and a draft with numbers typed by hand."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from tests.builders import NUMBERING

    document = Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING.format(ns=nsdecls("w"))))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    style = document.styles.add_style("Operative", 1)
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="77"/></w:numPr>')
    )
    document.add_paragraph("The Security Council,")
    document.add_paragraph("Decides to renew the mandate;", style="Operative")
    document.add_paragraph("Requests the Secretary-General to report;", style="Operative")
    document.add_paragraph("3. Decides to remain seized of the matter.")
    path = tmp_path / "styled.docx"
    document.save(str(path))
    assert refs(path) == ["OP 1", "OP 2", "OP 3"]


def test_the_input_is_never_modified(renewal_docx: Path) -> None:
    before = renewal_docx.read_bytes()
    read(renewal_docx)
    assert renewal_docx.read_bytes() == before


def test_numbering_through_a_list_style_link(tmp_path: Path) -> None:
    """Word lists built on a list style: the list used by paragraphs only names the style ('numStyleLink');
    the levels are defined by the list that carries that style ('styleLink')."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from tests.builders import NUMBERING

    document = Document()
    numbering = document.part.numbering_part.element
    defining = NUMBERING.format(ns=nsdecls("w")).replace(
        '<w:multiLevelType w:val="multilevel"/>',
        '<w:multiLevelType w:val="multilevel"/><w:styleLink w:val="OPList"/>',
    )
    numbering.insert(0, parse_xml(defining))
    numbering.insert(
        1,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="78"><w:numStyleLink w:val="OPList"/></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="78"><w:abstractNumId w:val="78"/></w:num>'))
    document.add_paragraph("The Security Council,")
    for level, text in [
        (0, "Decides to renew the mandate:"),
        (1, "To protect civilians;"),
        (0, "Decides to remain seized."),
    ]:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="78"/></w:numPr>')
        )
    path = tmp_path / "stylelink.docx"
    document.save(str(path))
    assert refs(path) == ["OP 1", "OP 1(a)", "OP 2"]


def test_checking_a_docx_does_not_import_python_docx(renewal_docx: Path) -> None:
    """python-docx costs some 50 ms of start-up: only the Word outputs (memo, annotate, redline) use it."""
    import subprocess
    import sys

    program = (
        "import sys\n"
        "from mandatekit.cli import main\n"
        "try:\n"
        "    main(['check', sys.argv[1], '--format', 'json'])\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
        "print('loaded', sorted(m for m in sys.modules if m.split('.')[0] == 'docx'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, str(renewal_docx)], capture_output=True, text=True, check=True
    )
    lines = done.stdout.splitlines()
    assert lines[-2] in ("exit 0", "exit 1"), done.stderr
    assert '"OP 2(a)(i)"' in done.stdout  # the draft was read
    assert lines[-1] == "loaded []"


def test_styles_and_lists_are_found_through_the_document_relationships(
    tmp_path: Path, renewal_docx: Path
) -> None:
    """Word finds a document's styles and list definitions through the document's relationships, not by
    the names of their parts."""
    import zipfile

    renamed = {"word/numbering.xml": "word/lists.xml", "word/styles.xml": "word/looks.xml"}
    path = tmp_path / "renamed.docx"
    with zipfile.ZipFile(renewal_docx) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            for old, new in renamed.items():
                data = data.replace(old.encode(), new.encode())  # [Content_Types].xml
                data = data.replace(f'"{old[5:]}"'.encode(), f'"{new[5:]}"'.encode())  # relationship targets
            dst.writestr(renamed.get(name, name), data)
    assert not {"word/numbering.xml", "word/styles.xml"} & set(zipfile.ZipFile(path).namelist())
    assert refs(path) == refs(renewal_docx)
    assert read(path).model_dump(exclude={"path"}) == read(renewal_docx).model_dump(exclude={"path"})


def test_paragraph_deleted_whole_before_a_typed_number_stays_pending(
    tmp_path: Path, builder: DraftBuilder
) -> None:
    """A draft with numbers typed by hand: the paragraph deleted whole (runs and mark) merges into the next,
    whose typed "(d) " is then stripped. The deletion came before that number: it must not go with it."""
    from mandatekit.render.agreement import candidates

    builder.front("The Security Council,")
    builder.runs(Run("1. Decides that the mandate shall be as follows:"), level=None)
    builder.runs(Run("(a) To protect civilians;"), level=None)
    builder.runs(
        Run(
            "(b) To ensure that support to non-United Nations security forces complies with the HRDDP;", "del"
        ),
        level=None,
        mark_deleted=True,
    )
    builder.runs(Run("(c) To monitor and report publicly on human rights;"), level=None)
    builder.runs(Run("2. Decides to remain seized of the matter."), level=None)
    doc = read(builder.save(tmp_path / "t.docx"))
    after = doc.by_ref("OP 1(c)")
    assert after is not None and after.text == "To monitor and report publicly on human rights;"
    [deleted] = after.changes
    assert (deleted.kind, deleted.start) == ("delete", 0) and "HRDDP" in deleted.text
    [fix] = candidates(doc)
    assert (
        fix.where
        == "Reject the pending deletion of OP 1(b) by Delegation"  # its own typed number, its author
        and fix.whole_paragraph_deleted
    )


def test_a_typed_number_changed_as_a_tracked_change_is_no_pending_deletion(
    tmp_path: Path, builder: DraftBuilder
) -> None:
    """The near miss: "(c)" struck and "(b)" typed before the text is renumbering, not a deletion to reject."""
    builder.front("The Security Council,")
    builder.runs(Run("1. Decides that the mandate shall be as follows:"), level=None)
    builder.runs(Run("(a) To protect civilians;"), level=None)
    builder.runs(
        Run("(c)", "del"), Run("(b)", "ins"), Run(" To monitor and report on human rights;"), level=None
    )
    builder.runs(Run("2. Decides to remain seized of the matter."), level=None)
    after = read(builder.save(tmp_path / "t.docx")).by_ref("OP 1(b)")
    assert after is not None and after.changes == []
