"""PDF glyphs to lines: the text of each line of a page, read glyph by glyph, left to right.

Why glyphs and not a library's text: the UN's PDFs are justified Word output. Words are set from pieces with
small gaps between them ('Unit' + 'ed'), so a text extractor that guesses spaces from gaps splits words. Here
a word ends only at a space glyph or at a gap wider than a fifth of the type size; a letter gap in justified
text stays under an eighth. Footnote reference numbers (small raised digits stuck to a word: 'resolution
72/4;1') are told from the rest of the line here, and dropped once the page furniture has found their notes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_WORD_GAP = 0.2  # in ems: a wider gap between two glyphs is a space even without a space glyph
_SUPERSCRIPT = 0.8  # digits smaller than this share of the line's type size and raised are a note number


@dataclass(slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    font: str


@dataclass(slots=True)
class Line:
    page: int
    glyphs: list[Glyph]
    text: str = ""
    x0: float = 0.0  # where the ink starts (leading space glyphs are how Word indents)
    x1: float = 0.0
    base: float = 0.0
    size: float = 0.0  # the type size most of the line is set in
    barcode: bool = False


def _dominant_size(glyphs: list[Glyph]) -> float:
    sizes = Counter(g.size for g in glyphs if not g.text.isspace())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def page_lines(page_no: int, glyphs: list[Glyph]) -> list[Line]:
    """Glyphs to lines, top to bottom: a glyph whose middle lies within a line's height belongs to it (a
    raised note number too)."""
    lines: list[Line] = []
    box: tuple[float, float] = (0.0, 0.0)
    for g in sorted(glyphs, key=lambda g: -(g.y0 + g.y1)):
        middle = (g.y0 + g.y1) / 2
        if lines and box[0] <= middle <= box[1]:
            lines[-1].glyphs.append(g)
            box = (min(box[0], g.y0), max(box[1], g.y1))
        else:
            lines.append(Line(page_no, [g]))
            box = (g.y0, g.y1)
    out = []
    for line in lines:
        compose_line(line)
        if line.text:
            out.append(line)
    return out


def compose_line(line: Line, notes: set[str] | frozenset[str] = frozenset()) -> None:
    """The line's text from its glyphs, left to right, and where its ink starts. A footnote reference is a
    run of digits smaller than the glyph before it and raised above it ('resolution 72/4;1'); it is dropped
    when a note of that number stands at the foot of a page, unless it is a unit's power ('2,050 m3'). A
    masthead's small capitals ('A/RES/73/8' after a large 'A') are not raised."""
    glyphs = sorted(line.glyphs, key=lambda g: g.x0)
    size = _dominant_size(glyphs) or glyphs[0].size
    base = min((g.y0 for g in glyphs if g.size == size), default=glyphs[0].y0)
    text: list[str] = []
    ink: list[Glyph] = []
    previous: Glyph | None = None
    run: list[Glyph] = []  # a raised run of small digits, held until it ends

    def put(g: Glyph) -> None:
        nonlocal previous
        if previous is not None and text and text[-1] != " " and g.x0 - previous.x1 > _WORD_GAP * g.size:
            text.append(" ")
        text.append(g.text)
        ink.append(g)
        previous = g

    def end_run() -> None:
        exponent = re.search(r"(?:^|\s)[kcm]?m$", "".join(text[-3:]))  # '2,050 m3', 'km2': a unit's power
        if run and ("".join(g.text for g in run) not in notes or exponent):
            for g in run:
                put(g)
        run.clear()

    for g in glyphs:
        mark = run[0] if run else (ink[-1] if ink else None)
        if g.text.isdigit() and mark is not None:
            anchor = ink[-1] if ink else mark
            if run or (g.size < _SUPERSCRIPT * anchor.size and g.y0 > anchor.y0 + 0.2 * anchor.size):
                run.append(g)
                continue
        end_run()
        if g.text.isspace():
            if ink and g.x0 < ink[-1].x1 - 0.1 * g.size:
                continue  # a space inside a glyph's box: another column's trailing space, not a word break
            if text and text[-1] != " ":
                text.append(" ")
            previous = g
            continue
        put(g)
    end_run()
    line.text = "".join(text).strip()
    if ink:
        line.x0, line.x1 = ink[0].x0, max(g.x1 for g in ink)
    line.base, line.size = base, size
    line.barcode = any("barcode" in g.font.lower() for g in ink)
