"""A file that holds several resolutions: the draft a user checks is one resolution.

Old texts printed from the Council's yearbook give several consecutive resolutions in one file, each headed
"Resolution 367 (1975)" or "186 (1964). Resolution of 4 March 1964" and opened by "The Security Council,";
the page may even begin with the last paragraphs of the resolution before. Read as one draft, their
operative paragraphs run on (the second resolution's "1. Requests" became OP 8) or the second is taken for
an annex, and every verdict mixes texts the Council adopted apart.

So the reader keeps one: the resolution the file's name names ("S_RES_47(1948).txt" holds 47 (1948) and
51 (1948): 47 is read), else the first, from its heading to the next resolution's heading, and says so in one
line. A resolution is told by its heading followed closely by "The Security Council": a heading alone may be
a citation, and an annex that repeats "The Security Council," under one heading (a declaration adopted by
the resolution) is the same resolution. The French heading of the same resolution ("Résolution du ...") in
a bilingual print is not another resolution."""

from __future__ import annotations

import re

from mandatekit.read.model import Block

# "Resolution 367 (1975)", "186 (1964). Resolution of 4 March 1964": a short paragraph of its own.
_HEADING = re.compile(
    r"^\s*(?:Resolution\s+(?P<n1>\d{1,4})\s*\((?P<y1>\d{4})\)|(?P<n2>\d{1,4})\s*\((?P<y2>\d{4})\)\.?\s+Resolution\s+of\b)"
    r"[^\n]{0,60}$",
    re.IGNORECASE,
)
_OPENING = re.compile(r"^\s*The\s+Security\s+Council\b", re.IGNORECASE)
_NEAR = 6  # blocks between a heading and its opening (a date line, a document symbol, a footnote)


def _headings(blocks: list[Block]) -> list[tuple[int, str]]:
    """(block index, "367 (1975)") of every resolution's heading followed closely by its opening."""
    found = []
    for i, block in enumerate(blocks):
        m = _HEADING.match(block.text)
        if m and any(_OPENING.match(b.text) for b in blocks[i + 1 : i + 1 + _NEAR]):
            number, year = (m["n1"], m["y1"]) if m["n1"] else (m["n2"], m["y2"])
            found.append((i, f"{int(number)} ({year})"))
    return found


def _named(name: str | None, resolutions: list[str]) -> str | None:
    """The resolution the file's name names ("S_RES_47(1948).txt", "res 47 (1948).docx"), if one."""
    if not name:
        return None
    stem = re.sub(r".*[/\\]", "", name)
    for resolution in resolutions:
        number, year = resolution.split()
        if re.search(rf"(?<!\d){number}\s*_?\(?{year[1:-1]}", stem):
            return resolution
    return None


def one_resolution(blocks: list[Block], name: str | None) -> tuple[list[Block], str | None]:
    """The blocks of the one resolution to read, and the line that says the file held several (None when it
    held one)."""
    headings = _headings(blocks)
    resolutions = list(dict.fromkeys(r for _, r in headings))
    if len(resolutions) < 2:
        return blocks, None
    chosen = _named(name, resolutions)
    how = "the one its name names" if chosen else "the first"
    chosen = chosen or resolutions[0]
    start = next(i for i, r in headings if r == chosen)
    end = next((i for i, r in headings if i > start and r != chosen), len(blocks))
    others = ", ".join(r for r in resolutions if r != chosen)
    note = (
        f"this file holds {len(resolutions)} resolutions ({', '.join(resolutions)}): only {chosen}, {how}, "
        f"is read; check {others} from a file of its own"
    )
    return blocks[start:end], note
