"""PDF paragraphs, rebuilt from the layout of the body's lines.

A new paragraph starts at a wider gap between lines, a first-line indent after a line that ended a sentence or
stopped short, or a new number '12.' / '(a)'. A page break is not a paragraph break. A hyphen at a line end
is kept, the lines joined without a space: UN typesetting does not split words, so every such hyphen belongs
to a compound ('Secretary-General', 'post-conflict').
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from mandatekit.read.pdf_lines import Line

_LABEL_START = re.compile(r"^(?:\d{1,6}\.\s|\([a-z]{1,5}\)\s)")


def group_paragraphs(pages: list[list[Line]], body_size: float) -> list[list[Line]]:
    """Group lines into paragraphs. A page break is not a paragraph break: a paragraph runs on to the next
    page unless what starts the page starts a paragraph."""
    body = [line for lines in pages for line in lines if abs(line.size - body_size) < 0.5]
    if not body:
        body = [line for lines in pages for line in lines]
    margin = Counter(round(line.x0) for line in body).most_common(1)[0][0]  # where most lines start
    # Where lines end: justified text ends most lines at one place (tables elsewhere do not move it);
    # ragged text has no such place, and then the longest lines count.
    ends = Counter(2 * round(line.x1 / 2) for line in body).most_common(1)[0]
    right = (
        ends[0]
        if ends[1] >= 0.2 * len(body)
        else sorted(line.x1 for line in body)[int(0.9 * (len(body) - 1))]
    )
    pitches = [
        round(2 * (a.base - b.base)) / 2
        for lines in pages
        for a, b in pairwise(lines)
        if a.size == b.size == body_size and 0 < a.base - b.base < 3 * body_size
    ]
    # The line pitch inside a paragraph: the closest spacing that recurs (a gap between paragraphs is wider,
    # and may be the more common spacing in a draft of one-line paragraphs).
    recurring = [p for p, n in Counter(pitches).items() if n >= 2 and p >= 0.9 * body_size]
    pitch = min(recurring) if recurring else (min(pitches) if pitches else 1.2 * body_size)
    groups: list[list[Line]] = []
    current: list[Line] = []
    previous: Line | None = None
    for lines in pages:
        for n, line in enumerate(lines):
            text = line.text
            if previous is not None:
                before = previous.text
                numbered = bool(_LABEL_START.match(current[0].text)) if current else False
                # A numbered paragraph (an OP or sub-paragraph) ends with ';', ':' or '.', never with a comma;
                # an unnumbered one (a PP) may end with a comma.
                ended = before.endswith((";", ":", ".") if numbered else (";", ":", ".", ","))
                short = previous.x1 < right - 0.1 * (right - margin)
                indented = line.x0 > margin + 0.5 * line.size
                gap = n > 0 and previous.base - line.base > 1.3 * pitch
                starts_new = (
                    gap
                    or bool(_LABEL_START.match(text))
                    or (ended and short and text[:1].isupper())
                    # a first-line indent (UN documents mark paragraphs so) after a line that closed a
                    # sentence or stopped short: a wrapped line runs to the margin
                    or (
                        indented
                        and line.x0 > previous.x0 + 0.5 * line.size
                        and (ended or (short and not numbered))
                        and not text[:1].islower()
                    )
                )
                if starts_new and current:
                    groups.append(current)
                    current = []
            current.append(line)
            previous = line
    if current:
        groups.append(current)
    return groups


def joined_text(lines: list[Line]) -> str:
    """Join a paragraph's lines; a hyphen at a line end stays, without a space after it."""
    parts: list[str] = []
    for line in lines:
        before = parts[-1] if parts else ""
        # ... but 'low-' + 'and middle-income' is a suspended compound: the space after it stays
        hyphen = len(before) > 1 and before.endswith("-") and before[-2].isalnum()
        hyphen = hyphen and not re.match(r"(?:and|or|nor|to)\s", line.text)
        parts.append(line.text if hyphen or not parts else " " + line.text)
    return "".join(parts)
