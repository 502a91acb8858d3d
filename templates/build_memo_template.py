"""Rebuild templates/memo.docx, the Word template of the gap-analysis memo: `python templates/build_memo_template.py`.

The template is an ordinary Word document carrying Jinja2 tags (rendered by docxtpl): restyle it in Word
(fonts, colours, logo, margins), reword it — the memo head (To / From / Date / Subject) is plain text to
edit — and pass it with `mandatekit memo --template`. Tags: {{ value }} in text; {%p for ... %} /
{%p endfor %} alone in a paragraph repeat the paragraphs between; {%tr for ... %} / {%tr endfor %} alone in
a table row repeat rows; {% cellbg colour %} shades a cell; {{r value }} inserts formatted text (the proposed
language with its verb in italics, redlines). The variables are listed in docs/memo.md.

The look is the memo's own, not Word's default: one accent colour, headings that stay with what follows,
table rows that never split across pages, proposed language in the resolution's typeface (Times New Roman)
kept on one page, British English as the document language, and no properties or thumbnail inherited from
the template python-docx starts from.

The template is dated (created, modified) by SOURCE_DATE_EPOCH when set, which `make docs` sets, else by the
time it is built: rebuilding the bundled template gives the same bytes, a template a user rebuilds after
restyling it carries the day they did. A memo carries its own date, never the template's."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Length, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

from mandatekit.clock import now
from mandatekit.output import replace_atomically
from mandatekit.render.memo import own_package

ACCENT = RGBColor(0x1D, 0x3B, 0x5C)  # deep slate blue
GREY = RGBColor(0x5A, 0x63, 0x6E)
INK = RGBColor(0x1E, 0x1E, 0x1E)
RULE = "9FB0C4"
HEAD_FILL = "E3E9F1"
BODY_FONT, RESOLUTION_FONT = "Calibri", "Times New Roman"


def _field(paragraph: Paragraph, instruction: str) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="{instruction}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )


def _shade(cell: _Cell, fill: str) -> None:
    xml = f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'
    cell._tc.get_or_add_tcPr().append(parse_xml(xml))


def _widths(table: Table, widths: tuple[Length, ...]) -> None:
    """Fixed column widths, written to the table grid (LibreOffice reads it) and to every cell (Word does)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _borders(table: Table, inside: bool = True) -> None:
    edges = ["top", "bottom"] + (["insideH"] if inside else [])
    xml = "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>' for e in edges)
    none = "".join(
        f'<w:{e} w:val="nil"/>' for e in ["left", "right", "insideV"] + ([] if inside else ["insideH"])
    )
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{xml}{none}</w:tblBorders>"))
    margins = '<w:top w:w="40" w:type="dxa"/><w:left w:w="70" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
    margins += '<w:right w:w="70" w:type="dxa"/>'
    table._tbl.tblPr.append(parse_xml(f"<w:tblCellMar {nsdecls('w')}>{margins}</w:tblCellMar>"))


def _rows_whole(table: Table, header: bool = True) -> None:
    """No row splits across a page; the header row repeats on every page the table runs onto."""
    for n, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
        if header and n == 0:
            tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _cell(cell: _Cell, text: str, bold: bool = False, style: str = "Table Text") -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.add_run(text).bold = bold


def _runin(document: DocxDocument, label: str, value: str, style: str = "Normal") -> Paragraph:
    """A paragraph opening with a bold run-in label ('Why it falls short.') instead of a sub-heading."""
    p = document.add_paragraph(style=style)
    p.add_run(label).bold = True
    p.add_run(value)
    return p


def _paragraph_style(document: DocxDocument, name: str, base: str = "Normal") -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[base]
    return style


def _styles(d: DocxDocument) -> None:
    styles = d.styles
    # British English for every run, unless a style says otherwise.
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'))

    normal = styles["Normal"]
    normal.font.name, normal.font.size, normal.font.color.rgb = BODY_FONT, Pt(10.5), INK
    normal.element.rPr.rFonts.set(qn("w:hAnsi"), BODY_FONT)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.08
    normal.paragraph_format.widow_control = True

    title = styles["Title"]
    title.font.name, title.font.size, title.font.bold, title.font.color.rgb = BODY_FONT, Pt(20), True, ACCENT
    title.paragraph_format.space_after = Pt(6)
    title_ppr = title.element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):  # the default template underlines titles in blue
        title_ppr.remove(border)
    for name, size, before, after in (("Heading 1", 13, 12, 4), ("Heading 2", 11, 9, 2)):
        h = styles[name]
        h.font.name, h.font.size, h.font.bold, h.font.color.rgb = BODY_FONT, Pt(size), True, ACCENT
        h.font.italic = False
        h.paragraph_format.space_before, h.paragraph_format.space_after = Pt(before), Pt(after)
        h.paragraph_format.keep_with_next = True
        h.paragraph_format.keep_together = True
    h1 = styles["Heading 1"].element.get_or_add_pPr()
    h1.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="4" w:space="1" '
                        f'w:color="{RULE}"/></w:pBdr>'))  # fmt: skip
    for name in ("Title", "Heading 1", "Heading 2"):
        fonts = styles[name].element.rPr.rFonts
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:ascii"), BODY_FONT)
        fonts.set(qn("w:hAnsi"), BODY_FONT)

    label = _paragraph_style(d, "Memo Label")
    label.font.size, label.font.color.rgb, label.font.bold = Pt(9), GREY, True
    label.font.small_caps = True
    label.paragraph_format.space_after = Pt(0)
    label.element.get_or_add_rPr().append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="30"/>'))

    table_text = _paragraph_style(d, "Table Text")
    table_text.font.size = Pt(9.5)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0

    ask = _paragraph_style(d, "Priority Ask")
    ask.paragraph_format.left_indent, ask.paragraph_format.first_line_indent = Cm(0.6), Cm(-0.6)
    ask.paragraph_format.space_after = Pt(3)
    ask.paragraph_format.keep_together = True

    compact = _paragraph_style(d, "Compact")
    compact.paragraph_format.space_after = Pt(1)
    compact.paragraph_format.left_indent = Cm(0.6)
    compact.paragraph_format.first_line_indent = Cm(-0.6)

    proposed = _paragraph_style(d, "Proposed Language")
    proposed.font.name, proposed.font.size = RESOLUTION_FONT, Pt(11)
    fonts = proposed.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), RESOLUTION_FONT)
    pf = proposed.paragraph_format
    pf.left_indent, pf.right_indent = Cm(0.6), Cm(0.3)
    pf.space_before, pf.space_after = Pt(2), Pt(8)
    pf.keep_together = True  # proposed language is never cut by a page break
    pf.line_spacing = 1.0
    proposed.element.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="18" w:space="8" w:color="{RULE}"/></w:pBdr>'
        )
    )

    lead = _paragraph_style(
        d, "Run-in Lead"
    )  # "Proposed: Replace OP 7." stays with the language it announces
    lead.paragraph_format.keep_with_next = True
    lead.paragraph_format.space_after = Pt(1)

    source = _paragraph_style(d, "Source Quote")
    source.font.size, source.font.italic, source.font.color.rgb = Pt(9.5), True, GREY
    source.paragraph_format.left_indent = Cm(0.6)
    source.paragraph_format.space_after = Pt(3)

    small = _paragraph_style(d, "Small Print")
    small.font.size, small.font.color.rgb = Pt(9), GREY
    small.paragraph_format.space_after = Pt(2)

    footer = styles["Footer"]
    footer.font.size, footer.font.color.rgb = Pt(8.5), GREY


def _scorecard(d: DocxDocument, with_change: bool) -> None:
    headers = ["#", "Recommendation", "Severity", "Verdict", "Where"] + (["Change"] if with_change else [])
    cells = ["{{ f.number }}", "{{ f.title }}", "{{ f.severity }}", "{% cellbg f.shade %}{{ f.verdict_label }}",
             "{{ f.where }}"] + (["{{ f.change }}"] if with_change else [])  # fmt: skip
    widths = (
        (Cm(0.8), Cm(7.0), Cm(1.7), Cm(1.7), Cm(2.9), Cm(2.5))
        if with_change
        else (Cm(0.8), Cm(8.5), Cm(1.9), Cm(1.9), Cm(3.5))
    )
    table = d.add_table(rows=4, cols=len(headers))
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, bold=True)
        _shade(cell, HEAD_FILL)
    _cell(table.cell(1, 0), "{%tr for f in scorecard %}")
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        _cell(cell, text)
    _cell(table.cell(3, 0), "{%tr endfor %}")
    _widths(table, widths)
    _borders(table)
    _rows_whole(table)


def build(path: Path) -> None:
    d = Document()
    section = d.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.8)
    section.footer_distance = Cm(0.9)
    _styles(d)

    # --- page 1: the memo head, what the draft is, the assessment and the priority asks
    d.add_paragraph("Memorandum", style="Memo Label")
    d.add_paragraph("{{ memo_title }}", style="Title")
    head = d.add_table(rows=5, cols=2)
    for row, (label, value) in enumerate(
        [
            ("To", "{{ memo_to }}"),
            ("From", "{{ author }}"),
            ("Date", "{{ date }}"),
            ("Subject", "{{ subject }}"),
            ("Mission", "{{ mission_line }}"),
        ]
    ):
        _cell(head.cell(row, 0), label, bold=True, style="Normal")
        _cell(head.cell(row, 1), value, style="Normal")
        for cell in head.rows[row].cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(1)
    _widths(head, (Cm(2.2), Cm(14.4)))
    _borders(head, inside=False)

    _runin(d, "The draft. ", "{{ draft_status }}").paragraph_format.space_before = Pt(8)
    # --- compare -o: what was gained and lost comes before everything else
    d.add_paragraph("{%p if previous %}")
    d.add_heading("Since the previous text: gains and losses", level=1)
    d.add_paragraph("Compared with {{ previous.name }}: {{ previous.summary }}")
    d.add_paragraph("{%p for c in previous.changes %}")
    _runin(d, "{{ c.title }}: {{ c.old }} → {{ c.new }}. ", "{{ c.story }}", style="Run-in Lead")
    d.add_paragraph("{{r c.diff_rich }}", style="Proposed Language")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{%p endif %}")

    d.add_heading("Assessment", level=1)
    d.add_paragraph("{{ assessment }}")
    d.add_paragraph("{%p if asks %}")
    d.add_heading("Priority asks", level=1)
    d.add_paragraph("{%p for a in asks %}")
    ask = d.add_paragraph(style="Priority Ask")
    ask.add_run("{{ loop.index }}.\t")
    ask.add_run("{{ a.title }}").bold = True
    ask.add_run(" ({{ a.verdict_label | lower }}, {{ a.severity }}). {{ a.summary }} ")
    ask.add_run("{{ a.placement }}{% if a.number %} (gap {{ a.number }}){% endif %}.").italic = True
    ask.paragraph_format.tab_stops.add_tab_stop(Cm(0.6))
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{%p endif %}")

    d.add_heading("Scorecard", level=1)
    d.add_paragraph(
        "One row per recommendation, most severe first; # is the gap's section below.", style="Small Print"
    )
    d.add_paragraph("{%p if previous %}")
    _scorecard(d, with_change=True)
    d.add_paragraph("{%p else %}")
    _scorecard(d, with_change=False)
    d.add_paragraph("{%p endif %}")

    # --- one numbered section per gap, carrying its verdict; run-in labels, not sub-headings
    d.add_heading("The gaps and the language proposed", level=1)
    d.add_paragraph("{%p if not gaps %}")
    d.add_paragraph("The draft meets every recommendation checked.")
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{%p for f in gaps %}")
    d.add_heading("{{ f.number }}. {{ f.title }} — {{ f.verdict_label }}, {{ f.severity }}", level=2)
    _runin(d, "Recommendation. ", "{{ f.recommendation }} {{ f.cite }}")
    d.add_paragraph("{%p for s in f.sources %}")
    d.add_paragraph("“{{ s.quote }}” [{{ s.short }}]", style="Source Quote")
    d.add_paragraph("{%p endfor %}")
    _runin(d, "The draft. ", "{{ f.draft_says }}")
    d.add_paragraph("{%p if f.why %}")
    _runin(d, "Why it falls short. ", "{{ f.why }}")
    d.add_paragraph("{%p endif %}")
    # A fix that proposes no words (another gap's language meets it, brackets to agree): a note in the
    # memo's own voice, never set in the resolution's typeface as if it were language.
    d.add_paragraph("{%p if f.note %}")
    _runin(d, "Proposed: ", "{{ f.placement }}. {{ f.note }}")
    d.add_paragraph("{%p else %}")
    _runin(d, "Proposed: ", "{{ f.placement }}.", style="Run-in Lead")
    d.add_paragraph("{{r f.proposed_rich }}", style="Proposed Language")
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{%p endfor %}")

    d.add_heading("Recommendations the draft meets", level=1)
    d.add_paragraph("{%p if not met %}")
    d.add_paragraph("None of the recommendations is met yet.")
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{%p for f in met %}")
    item = d.add_paragraph(style="Compact")
    item.add_run("✓\t")
    item.add_run("{{ f.title }}: ")
    item.add_run(
        "{{ f.where }}{% if f.hedges %} (hedged: {{ f.hedges | join('; ') }}){% endif %}"
    ).italic = True
    # Support given without the condition where another paragraph meets the rule: the drafter's task (trial 15)
    item.add_run("{% for n in f.notes %} Note: {{ n }}{% endfor %}")
    item.paragraph_format.tab_stops.add_tab_stop(Cm(0.6))
    d.add_paragraph("{%p endfor %}")

    d.add_paragraph("{%p if decisions %}")
    d.add_heading("Drafter decisions", level=1)
    d.add_paragraph("Decisions recorded by the drafting team, beside the tool's own verdict (audit trail).")
    d.add_paragraph("{%p for x in decisions %}")
    _runin(
        d,
        "{{ x.title }}: ",
        "tool says {{ x.verdict }}; decided {{ x.decision }} by {{ x.by }} on {{ x.date }}"
        "{% if x.origin %}, {{ x.origin }}{% endif %}. "
        "{{ x.why }}{% if x.stale %} Needs another look: {{ x.stale }}{% endif %}",
        "Compact",
    )
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{%p endif %}")

    d.add_heading("Annex: sources and method", level=1)
    d.add_paragraph("{%p if sources_note %}")
    d.add_paragraph("{{ sources_note }}")
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{%p for s in sources %}")
    source = d.add_paragraph(style="Compact")
    source.add_run("[{{ s.short }}]\t")
    source.add_run("{{ s.title }}.").italic = True
    source.add_run("{% if s.citation %} {{ s.citation }}.{% endif %}")
    source.paragraph_format.left_indent, source.paragraph_format.first_line_indent = Cm(0.9), Cm(-0.9)
    source.paragraph_format.tab_stops.add_tab_stop(Cm(0.9))
    d.add_paragraph("{%p for q in s.quotes %}")
    d.add_paragraph("“{{ q.quote }}” ({{ q.title }})", style="Source Quote")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{%p endfor %}")
    method = d.add_paragraph(style="Small Print")
    method.paragraph_format.space_before = Pt(6)
    method.add_run(
        "Checked with {{ rulebook }}, profile {{ profile }}, on {{ draft_name }}. Rules applied: {{ rules_text }}."
    )

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ footer_text }}  ·  Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    d.core_properties.title = "mandatekit memo template"
    d.core_properties.author = "mandatekit"
    d.core_properties.last_modified_by = "mandatekit"
    d.core_properties.language = "en-GB"
    d.core_properties.comments = ""  # python-docx's own "generated by python-docx"
    built = now().replace(microsecond=0, tzinfo=None)  # a UTC time: python-docx writes it with a Z
    d.core_properties.created = d.core_properties.modified = built
    d.core_properties.revision = 1
    buffer = io.BytesIO()
    d.save(buffer)
    replace_atomically(path, own_package(buffer.getvalue()))


if __name__ == "__main__":
    out = Path(__file__).resolve().parent / "memo.docx"
    build(out)
    print(f"wrote {out}")
