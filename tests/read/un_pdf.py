"""Typeset a resolution in code the way the UN's document system prints it, to test the PDF reader without
committing the UN's PDFs: US Letter, Times, the masthead with the symbol in small capitals after a large
'A', the job line and barcode on page 1, running heads of two title lines with the symbol on the outer
side and the job number with 'page x/y' alternating at the foot, justified lines whose words are set in
pieces with small gaps ('Unit' + 'ed'), footnote numbers raised and stuck to the word, footnotes under a
rule. Lines are given already broken, as the UN's PDF breaks them, so a test controls where a page ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LEFT, RIGHT = 123.4, 490.5  # the body column, in points (as the UN's A/RES PDFs have it)
INDENT = 159.4  # first-line indent of every paragraph
TEXT_AFTER_NUMBER = 181.0  # where an OP's text starts after its number and a tab
PITCH, PARAGRAPH_GAP = 12.0, 6.0
BODY_TOP, BODY_BOTTOM = 90.0, 700.0  # baselines, from the page's top


@dataclass
class UnPara:
    """A paragraph as printed: `lines` already broken. In a line, '|' joins two pieces of a word set apart
    by a small gap ('Unit|ed'), '^1' is the raised note number 1 stuck to the word before it, '^=3' a raised
    number that is no note ('m^=3'), '^+1' note 1 cited again (its text printed on an earlier page)."""

    lines: list[str]
    label: str | None = None  # '1.' for an OP, set at the indent with the text after a tab
    page_break_after_line: int | None = None  # start a new page after this many lines of the paragraph


@dataclass
class UnDocument:
    symbol: str  # 'A/RES/73/8'
    job: str  # '18-18418'
    distributed: str  # '5 November 2018'
    session: list[str]
    adopted: str
    committee: str
    title_lines: list[str]  # the numbered title as printed on page 1
    head_title: list[str]  # the title as the running heads repeat it, over two lines
    opening: str
    paragraphs: list[UnPara]
    closing: list[str]
    notes: dict[str, str] = field(default_factory=dict)  # note number -> note text


def save_un_pdf(doc: UnDocument, path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="Letter")
    pdf.core_fonts_encoding = "windows-1252"  # curly quotes, as the UN prints them
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pages = 1 + sum(1 for p in doc.paragraphs if p.page_break_after_line is not None)
    notes_on_page: list[str] = []

    def text(x: float, y: float, s: str, size: float, style: str = "", font: str = "Times") -> float:
        pdf.set_font(font, style, size)
        pdf.text(x, y, s)
        return x + pdf.get_string_width(s)

    def foot() -> None:
        """Footnotes under a rule, then the page's foot: the job line and barcode on page 1, the running
        foot on the others (page x/y and the job number, their order alternating)."""
        n = pdf.page_no()
        y = 712.0
        if notes_on_page:
            text(99.6, y, "_" * 18, 8)
            for number in notes_on_page:
                y += 11
                text(101.8, y - 3, number, 5.5)  # the note's own number, raised and small
                text(112.0, y, doc.notes[number], 8.5)
            notes_on_page.clear()
        if n == 1:
            text(65.4, 740, f"{doc.job} (E)    071118", 10)
            text(65.4, 752, f"*{doc.job.replace('-', '')}*", 12, font="Courier")  # the barcode
        elif n % 2 == 0:
            text(60.0, 750, f"{n}/{pages}", 8.5, "B")
            text(520.0, 750, doc.job, 7)
        else:
            text(60.0, 750, doc.job, 7)
            text(530.0, 750, f"{n}/{pages}", 8.5, "B")

    def head() -> None:
        """Running head of pages 2+: the title over two lines in small bold, the symbol on the outer side."""
        outer_left = pdf.page_no() % 2 == 0
        for i, line in enumerate(doc.head_title):
            pdf.set_font("Times", "B", 8.5)
            width = pdf.get_string_width(line)
            x = 555.0 - width if outer_left else 60.0
            text(x, 42 + 10 * i, line, 8.5, "B")
        text(60.0 if outer_left else 510.0, 52, doc.symbol, 8.5, "B")

    def justified(y: float, x: float, line: str, last: bool) -> None:
        """Set a line's words to fill the column (Word's justification); pieces of a word joined by '|' are
        drawn apart by a small gap, raised note numbers after the word they mark."""
        words = line.split(" ")
        pdf.set_font("Times", "", 10)

        def width(word: str) -> float:
            plain = word.replace("|", "").split("^")[0]
            return pdf.get_string_width(plain) + 0.6 * word.count("|")

        natural = sum(width(w) for w in words) + pdf.get_string_width(" ") * (len(words) - 1)
        extra = 0.0 if last or len(words) < 2 else max(RIGHT - x - natural, 0.0) / (len(words) - 1)
        for i, word in enumerate(words):
            word, _, note = word.partition("^")
            pieces = word.split("|")
            for j, piece in enumerate(pieces):
                trailing = " " if j == len(pieces) - 1 and i < len(words) - 1 and not note else ""
                x = text(x, y, piece + trailing, 10) + (0.6 if j < len(pieces) - 1 else 0.0)
            if note:
                # '^=3': a raised number that is no note ('m^=3'); '^+1': note 1 cited again, printed before
                printed = not note.startswith(("=", "+"))
                note = note.lstrip("=+")
                x = text(x, y - 3.5, note, 6.5)  # small, raised, stuck to the word
                if printed:
                    notes_on_page.append(note)
                if i < len(words) - 1:
                    x = text(x, y, " ", 10)
            x += extra

    pdf.add_page()
    # masthead: 'United Nations' and the symbol, its 'A' large and the rest in small capitals
    text(123.4, 60, "United Nations", 14)
    x = text(492.8, 60, doc.symbol[0], 20)
    text(x, 60, doc.symbol[1:], 10)
    text(123.4, 92, "General Assembly", 20, "B")
    text(397.0, 90, "Distr.: General", 10)
    text(397.0, 104, doc.distributed, 10)
    y = 140.0
    for line in doc.session:
        text(60.0, y, line, 10)
        y += 12
    y += 24
    text(123.4, y, doc.adopted, 14, "B")
    y += 28
    text(123.4, y, doc.committee, 10)
    y += 30
    for i, line in enumerate(doc.title_lines):
        if i == 0:
            number, _, rest = line.partition(" ")
            text(70.0, y, number, 12, "B")
            text(123.4, y, rest, 12, "B")
        else:
            text(123.4, y, line, 12, "B")
        y += 14
    y += 20
    text(INDENT, y, doc.opening, 10)
    y += PITCH + PARAGRAPH_GAP

    for para in doc.paragraphs:
        for n, line in enumerate(para.lines):
            last = n == len(para.lines) - 1
            if n == 0:
                text(LEFT, y, " ", 10)  # Word indents with a space and a tab stop
                if para.label:
                    text(INDENT, y, para.label + " ", 10)
                    justified(y, TEXT_AFTER_NUMBER, line, last)
                else:
                    justified(y, INDENT, line, last)
            else:
                justified(y, LEFT, line, last)
            y += PITCH
            if para.page_break_after_line == n + 1:
                foot()
                pdf.add_page()
                head()
                y = BODY_TOP
        y += PARAGRAPH_GAP
    y += 12
    for line in doc.closing:
        pdf.set_font("Times", "", 10)
        text(RIGHT - pdf.get_string_width(line), y, line, 10)
        y += PITCH
    foot()
    pdf.output(str(path))
    return path
