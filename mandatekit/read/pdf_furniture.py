"""PDF page furniture: what stands on a page but is not the draft's text.

Dropped, from each line's place and size: running heads and feet (the symbol, the title repeated in small
type, the job number with 'page x/y'), the job line and barcode of page 1, and footnotes (the lines under the
rule '____' at a page's foot, in small type). The numbers of the notes found are what lets footnote
reference numbers be dropped from the body's lines (see pdf_lines).
"""

from __future__ import annotations

import re
from collections import Counter

from mandatekit.read.pdf_lines import Line, compose_line

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
_JOB_NUMBER = re.compile(r"\b\d{2}-\d{5}\b")  # UN document job number, e.g. 18-18418
_BARCODE = re.compile(r"^\*\d{5,}\*$")  # the job number in a barcode font: *1818418*
_RULE = re.compile(r"^_{5,}$")  # Word's footnote separator as UN documents print it
_HEAD_MAX_CHARS = 60
_EDGE_LINES = 2  # lines at the top and bottom of a page that may be a running head or foot


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def is_furniture(line: Line) -> bool:
    """Lines that are never body text wherever they stand: the barcode, the job line, a page number."""
    text = line.text
    if line.barcode or _BARCODE.match(text.replace(" ", "")):
        return True
    return bool(_PAGE_NUMBER.match(text) or (_JOB_NUMBER.search(text) and len(text) <= _HEAD_MAX_CHARS))


def drop_furniture(pages: list[list[Line]], body_size: float) -> list[list[Line]]:
    """Running heads and feet, footnotes, the job line and barcode. Heads are found by what they are: set
    smaller than the body above its first line or below its last, or short lines that recur at the edges
    of several pages."""

    def edges(lines: list[Line]) -> list[int]:
        return list(range(min(_EDGE_LINES, len(lines)))) + list(
            range(max(len(lines) - _EDGE_LINES, 0), len(lines))
        )

    seen = Counter(_edge_key(pages[p][i].text) for p in range(len(pages)) for i in set(edges(pages[p])))
    small = 0.9 * body_size
    out: list[list[Line]] = []
    page_notes: list[set[str]] = []
    for p, lines in enumerate(pages):
        body = [i for i, line in enumerate(lines) if line.size >= small and not is_furniture(line)]
        first, last = (body[0], body[-1]) if body else (len(lines), -1)
        rule = next((i for i, line in enumerate(lines) if _RULE.match(line.text) and i > first), None)
        edge = set(edges(lines))
        keep = []
        notes: set[str] = set()  # the numbers of the notes at this page's foot
        for i, line in enumerate(lines):
            if rule is not None and i >= rule:
                if m := re.match(r"\d{1,3}\b", line.text):
                    notes.add(m.group())
                continue  # the footnotes under the rule
            at_edge = i < first or i > last
            if at_edge and line.size < small and (p > 0 or i > last):
                if i > last and (m := re.match(r"\d{1,3}\b", line.text)):
                    notes.add(m.group())
                continue  # a running head or foot in small type (page 1's masthead is large: kept)
            if (i < first or i > last or i in edge) and is_furniture(line):
                continue
            recurring = (
                len(pages) > 1
                and i in edge
                and seen[_edge_key(line.text)] > 1
                and len(line.text) <= _HEAD_MAX_CHARS
                and not (p == 0 and i < _EDGE_LINES)  # the first page's heading holds the symbol: keep it
            )
            if recurring:
                continue
            keep.append(line)
        out.append(keep)
        page_notes.append(notes)
    # A reference may stand pages away from its note: Word sets a note on the page before when it cannot fit
    # it ('Court,1' on page 2 of A/RES/73/7, its note at the foot of page 1), and a note is cited again
    # later by its number ('Goals2' on page 4 of A/RES/73/6, note 2 on page 2).
    notes = set().union(*page_notes)
    for keep in out if notes else ():
        for line in keep:
            compose_line(line, notes)
    return out
