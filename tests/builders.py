"""Build real Word drafts in code: automatic multi-level numbering (numbering.xml), tracked insertions and
deletions, comments, tables. Used by the tests, the benchmark and the bundled example."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from mandatekit.render.reproducible import repacked

NUMBERING = """
<w:abstractNum {ns} w:abstractNumId="77">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1267" w:hanging="0"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1742" w:hanging="475"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="2218" w:hanging="475"/></w:pPr></w:lvl>
</w:abstractNum>
"""


# When the fictional delegation made its tracked changes and the reviewer wrote its comments: a date of the
# draft's own, not the time it is built, so that a rebuilt draft (the bundled example) is the same file.
DRAFT_DATE = dt.datetime(2026, 10, 20, 10, 0, 0, tzinfo=dt.UTC)
_DRAFT_DATE_XML = DRAFT_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Run:
    text: str
    kind: str = "plain"  # plain | italic | ins | del
    author: str = "Delegation"  # who made an ins or del


@dataclass
class Para:
    runs: list[Run]
    level: int | None = None  # None: not numbered; 0: OP; 1: (a); 2: (i)
    style: str | None = None
    comment: str | None = None
    table: list[list[str]] | None = None
    mark_deleted: bool = False  # the paragraph mark itself is a tracked deletion (the paragraph merges away)


@dataclass
class DraftBuilder:
    """A draft as a list of paragraphs; `save` writes a .docx with Word's own numbering."""

    paragraphs: list[Para] = field(default_factory=list)

    def front(self, *lines: str) -> DraftBuilder:
        for line in lines:
            self.paragraphs.append(Para([Run(line)]))
        return self

    def pp(self, opener: str, rest: str) -> DraftBuilder:
        self.paragraphs.append(Para([Run(opener, "italic"), Run(" " + rest)]))
        return self

    def op(self, verb: str, rest: str, level: int = 0, **kw: object) -> DraftBuilder:
        runs = [Run(verb, "italic"), Run(" " + rest)] if verb else [Run(rest)]
        self.paragraphs.append(Para(runs, level=level, **kw))  # type: ignore[arg-type]
        return self

    def sub(self, text: str, level: int = 1, **kw: object) -> DraftBuilder:
        self.paragraphs.append(Para([Run(text)], level=level, **kw))  # type: ignore[arg-type]
        return self

    def runs(self, *runs: Run, level: int | None = 0, mark_deleted: bool = False) -> DraftBuilder:
        self.paragraphs.append(Para(list(runs), level=level, mark_deleted=mark_deleted))
        return self

    def heading(self, text: str) -> DraftBuilder:
        self.paragraphs.append(Para([Run(text)], style="Heading 2"))
        return self

    def table(self, rows: list[list[str]]) -> DraftBuilder:
        self.paragraphs.append(Para([], table=rows))
        return self

    def save(self, path: Path) -> Path:
        path.write_bytes(self.to_bytes())
        return path

    def to_bytes(self) -> bytes:
        """The .docx: the same bytes for the same paragraphs (a fixed date on comments, a fixed zip)."""
        document = Document()
        numbering = document.part.numbering_part.element
        numbering.insert(0, parse_xml(NUMBERING.format(ns=nsdecls("w"))))
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
        )
        change_id = 100
        for para in self.paragraphs:
            if para.table is not None:
                table = document.add_table(rows=len(para.table), cols=len(para.table[0]))
                for r, row in enumerate(para.table):
                    for c, text in enumerate(row):
                        table.cell(r, c).text = text
                continue
            p = document.add_paragraph(style=para.style) if para.style else document.add_paragraph()
            if para.level is not None:
                numpr = parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{para.level}"/><w:numId w:val="77"/></w:numPr>'
                )
                p._p.get_or_add_pPr().append(numpr)
            if para.mark_deleted:
                mark = parse_xml(
                    f'<w:rPr {nsdecls("w")}><w:del w:id="99" w:author="Delegation" '
                    f'w:date="{_DRAFT_DATE_XML}"/></w:rPr>'
                )
                p._p.get_or_add_pPr().append(mark)
            made = []
            for run in para.runs:
                r = p.add_run(run.text)
                if run.kind == "italic":
                    r.italic = True
                if run.kind in ("ins", "del"):
                    change_id += 1
                    wrapper = parse_xml(
                        f'<w:{run.kind} {nsdecls("w")} w:id="{change_id}" w:author="{run.author}" '
                        f'w:date="{_DRAFT_DATE_XML}"/>'
                    )
                    r._r.addprevious(wrapper)
                    if run.kind == "del":
                        r._r.remove(r._r.find(qn("w:t")))
                        r._r.append(
                            parse_xml(
                                f'<w:delText {nsdecls("w")} xml:space="preserve">{run.text}</w:delText>'
                            )
                        )
                    wrapper.append(r._r)
                made.append(r)
            if para.comment and made:
                comment = document.add_comment(made, text=para.comment, author="Reviewer", initials="R")
                comment._comment_elm.date = DRAFT_DATE  # python-docx stamps the time of the build
        buffer = io.BytesIO()
        document.save(buffer)
        return repacked(buffer.getvalue())

    def as_text(self) -> str:
        """The same draft as plain text, numbers typed the way the .docx shows them."""
        out, counts = [], [0, 0, 0]
        for para in self.paragraphs:
            if para.table is not None:
                out += [" | ".join(row) for row in para.table]
                continue
            text = "".join(r.text for r in para.runs if r.kind != "del")
            if para.level is not None:
                counts[para.level] += 1
                for deeper in range(para.level + 1, 3):
                    counts[deeper] = 0
                n = counts[para.level]
                label = f"{n}." if para.level == 0 else f"({chr(96 + n) if para.level == 1 else _roman(n)})"
                text = f"{label} {text}"
            out.append(text)
        return "\n\n".join(out) + "\n"


def _roman(n: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][n - 1]


def renewal_draft() -> DraftBuilder:
    """A zero draft with headings, three levels of numbering and the usual preamble."""
    b = DraftBuilder()
    b.front(
        "United Nations S/2026/901",
        "Security Council Distr.: Limited 3 November 2026",
        "Draft resolution: renewal of the mandate of the Mission",
        "The Security Council,",
    )
    b.pp("Recalling", "its previous resolutions on the Central African Republic,")
    b.pp(
        "Reaffirming",
        "the basic principles of peacekeeping, including consent of the parties, impartiality "
        "and non-use of force except in self-defence and defence of the mandate,",
    )
    b.pp("Acting", "under Chapter VII of the Charter of the United Nations,")
    b.heading("Mandate of the Mission")
    b.op("Decides", "to extend the mandate of the Mission until 15 November 2027;")
    b.op("Decides", "that the mandate of the Mission shall include the following priority tasks:")
    b.sub("Protection of civilians:")
    b.sub(
        "To protect, without prejudice to the primary responsibility of the authorities, the civilian "
        "population from threat of physical violence, irrespective of the source of such violence, within "
        "its capabilities and areas of deployment;",
        level=2,
    )
    b.sub("To strengthen early warning to prevent atrocity crimes;", level=2)
    b.sub("To support the peace process and the ceasefire through its good offices;")
    b.heading("Human rights due diligence")
    b.op(
        "Requests",
        "the Mission to ensure that any support provided to the national defence and security "
        "forces is provided in strict compliance with the Human Rights Due Diligence Policy;",
    )
    b.op("Decides", "to remain actively seized of the matter.")
    return b


def save_pdf(
    text: str,
    path: Path,
    header: str = "S/RES/2999 (2026)",
    width: int = 88,
    gap: float = 3,
    indent: float = 0,
) -> Path:
    """Typeset plain text as a PDF with a running header, page numbers and a job number in the footer.
    Paragraphs are separated by blank lines; a line ending in '-' inside a paragraph is kept as a break."""
    import textwrap

    from fpdf import FPDF

    class _Pdf(FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("Helvetica", size=9)
                self.cell(0, 8, header, align="R")
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, f"26-{10000 + self.page_no()}   {self.page_no()}/9", align="C")

    pdf = _Pdf(format="A4")
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in text.strip().split("\n\n"):
        lines: list[str] = []
        for chunk in paragraph.split("\n"):
            lines += textwrap.wrap(chunk, width=width, break_on_hyphens=False) or [""]
        for n, line in enumerate(lines):
            if n == 0 and indent:
                pdf.set_x(pdf.l_margin + indent)  # a first-line indent, as UN documents have
            pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
        if gap:
            pdf.ln(gap)
    pdf.output(str(path))
    return path
