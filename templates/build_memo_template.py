"""Rebuild templates/memo.docx, the Word template of the gap-analysis memo: `python templates/build_memo_template.py`.

The template is an ordinary Word document carrying Jinja2 tags (rendered by docxtpl): restyle it in Word
(fonts, colours, logo, margins) or reword it, and pass it with `mandatekit memo --template`. Tags:
{{ value }} in text; {%p for ... %} / {%p endfor %} alone in a paragraph repeat the paragraphs between;
{%tr for ... %} / {%tr endfor %} alone in a table row repeat rows; {% cellbg colour %} shades a cell.
The variables are listed in docs/memo.md."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

NAVY = RGBColor(0x1F, 0x3A, 0x5F)


def _field(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="{instruction}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )


def _shade(cell, fill: str) -> None:  # type: ignore[no-untyped-def]
    xml = f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'
    cell._tc.get_or_add_tcPr().append(parse_xml(xml))


def _widths(table, widths: tuple) -> None:  # type: ignore[no-untyped-def, type-arg]
    """Fixed column widths, written to the table grid (LibreOffice reads it) and to every cell (Word does)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _label_value(document, label: str, value: str, style: str | None = None) -> None:  # type: ignore[no-untyped-def]
    p = document.add_paragraph(style=style)
    p.add_run(label).bold = True
    p.add_run(value)


def build(path: Path) -> None:
    d = Document()
    section = d.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.3))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = d.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 24), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
        d.styles[name].font.color.rgb = NAVY
        d.styles[name].font.size = Pt(size)

    d.add_paragraph("{{ memo_title }}", style="Title")
    d.add_paragraph("{{ subtitle }}", style="Subtitle")
    facts = d.add_table(rows=6, cols=2)
    facts.style = d.styles["Table Grid"]
    _widths(facts, (Cm(4.0), Cm(12.4)))
    for row, (label, value) in enumerate(
        [("Draft", "{{ draft_name }}"), ("Symbol", "{{ symbol }}"), ("Draft date", "{{ draft_date }}"),
         ("Analysis date", "{{ date }}"), ("Rulebook", "{{ rulebook }} · profile {{ profile }}"),
         ("Prepared by", "{{ author }}")]
    ):  # fmt: skip
        facts.cell(row, 0).text, facts.cell(row, 1).text = "", value
        facts.cell(row, 0).paragraphs[0].add_run(label).bold = True
        _shade(facts.cell(row, 0), "EEF2F8")

    d.add_heading("Executive summary", level=1)
    d.add_paragraph("{{ summary_text }}")
    d.add_paragraph("{%p for g in key_gaps %}")
    _label_value(
        d,
        "{{ g.title }} ({{ g.severity }}, {{ g.verdict_label | lower }}). ",
        "{{ g.summary }}",
        "List Bullet",
    )
    d.add_paragraph("{%p endfor %}")

    d.add_heading("Scorecard", level=1)
    d.add_paragraph("One row per recommendation checked, most severe first.")
    table = d.add_table(rows=4, cols=4)
    table.style = d.styles["Table Grid"]
    for cell, text in zip(
        table.rows[0].cells, ["Recommendation", "Severity", "Verdict", "Where found"], strict=True
    ):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
        _shade(cell, "D9E2F3")
    # The header row repeats at the top of every page the table runs onto.
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    table.cell(1, 0).text = "{%tr for f in findings %}"
    row = table.rows[2].cells
    row[0].text, row[1].text, row[3].text = "{{ f.title }}", "{{ f.severity }}", "{{ f.where }}"
    row[2].text = "{% cellbg f.shade %}{{ f.verdict_label }}"
    table.cell(3, 0).text = "{%tr endfor %}"
    _widths(table, (Cm(8.0), Cm(2.3), Cm(2.3), Cm(3.8)))

    d.add_paragraph("{%p if previous %}")
    d.add_heading("Since the previous text", level=1)
    d.add_paragraph("Compared with {{ previous.name }}: {{ previous.summary }}")
    d.add_paragraph("{%p for c in previous.changes %}")
    _label_value(
        d, "{{ c.title }}: {{ c.old }} → {{ c.new }} ({{ c.change }}). ", "{{r c.diff_rich }}", "List Bullet"
    )
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{%p endif %}")

    d.add_heading("Gaps and suggested language", level=1)
    d.add_paragraph("{%p if not gaps %}")
    d.add_paragraph("The draft meets every recommendation checked.")
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{%p for f in gaps %}")
    d.add_heading("{{ f.title }}", level=2)
    _label_value(d, "Verdict: ", "{{ f.verdict_label }} · severity {{ f.severity }} · {{ f.theme }}")
    d.add_paragraph("{{ f.message }}")
    d.add_heading("The recommendation", level=3)
    d.add_paragraph("{{ f.recommendation }}")
    d.add_paragraph("{%p for s in f.sources %}")
    d.add_paragraph("“{{ s.quote }}” — {{ s.title }}", style="Quote")
    d.add_paragraph("{%p endfor %}")
    d.add_heading("What the draft says now", level=3)
    d.add_paragraph("{%p for e in f.quotes %}")
    _label_value(d, "{{ e.ref }}: ", "“{{ e.text }}”")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{%p if not f.quotes %}")
    d.add_paragraph("Nothing in the draft addresses this recommendation.")
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{%p if f.reasons or f.hedges %}")
    d.add_heading("Why it falls short", level=3)
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{%p for r in f.reasons %}")
    d.add_paragraph("{{ r }}", style="List Bullet")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{%p for h in f.hedges %}")
    d.add_paragraph("Hedge: {{ h }}", style="List Bullet")
    d.add_paragraph("{%p endfor %}")
    d.add_heading("Suggested operative language", level=3)
    d.add_paragraph("{{ f.suggestion }}", style="Intense Quote")
    d.add_paragraph("{%p endfor %}")

    d.add_heading("Recommendations the draft meets", level=1)
    d.add_paragraph("{%p if not met %}")
    d.add_paragraph("None of the recommendations is met yet.")
    d.add_paragraph("{%p endif %}")
    d.add_paragraph("{%p for f in met %}")
    _label_value(
        d,
        "{{ f.title }}: ",
        "{{ f.where }}{% if f.hedges %} (hedged: {{ f.hedges | join('; ') }}){% endif %}",
        "List Bullet",
    )
    d.add_paragraph("{%p endfor %}")

    d.add_paragraph("{%p if decisions %}")
    d.add_heading("Drafter decisions", level=1)
    d.add_paragraph("Decisions recorded by the drafting team, beside the tool's own verdict (audit trail).")
    d.add_paragraph("{%p for x in decisions %}")
    _label_value(
        d,
        "{{ x.title }}: ",
        "tool says {{ x.verdict }}; decided {{ x.decision }} by {{ x.by }} on {{ x.date }}. "
        "{{ x.why }}{% if x.stale %} Needs another look: {{ x.stale }}{% endif %}",
        "List Bullet",
    )
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{%p endif %}")

    d.add_heading("Annex: sources and rules applied", level=1)
    d.add_heading("Source documents", level=2)
    d.add_paragraph("{%p for s in sources %}")
    _label_value(d, "{{ s.title }}. ", "{{ s.author }}, {{ s.date }} ({{ s.id }}).", "List Bullet")
    d.add_paragraph("{%p endfor %}")
    d.add_heading("Rules applied", level=2)
    d.add_paragraph("{%p for r in rules %}")
    d.add_paragraph("{{ r.id }}: {{ r.title }} ({{ r.severity }})", style="List Bullet")
    d.add_paragraph("{%p endfor %}")

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ footer_text }}  ·  Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    d.core_properties.title = "mandatekit memo template"
    d.core_properties.author = "mandatekit"
    d.save(str(path))


if __name__ == "__main__":
    out = Path(__file__).resolve().parent / "memo.docx"
    build(out)
    print(f"wrote {out}")
