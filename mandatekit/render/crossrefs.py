"""The draft's own typed references to its paragraphs ("paragraph 9 below", "paragraphs 36 to 38 of this
resolution") once new operative paragraphs are accepted: Word renumbers the paragraphs after each one, and a
typed number does not follow. A pure function of (Document, placements): which references now point
elsewhere, and what they should read; the redline corrects them as tracked changes, the memo lists them.

A reference to another text ("paragraph 43 of resolution 2659 (2022)") is left alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mandatekit.read.model import Document, Kind

if TYPE_CHECKING:
    from mandatekit.render.placement import Placement

_REFERENCE = re.compile(
    r"\bparagraphs?\s+\[?\d+(?:\s*\([a-z]+\))*"
    r"(?:(?:\s*,\s*|\s+(?:and|to|through|or)\s+|\s*[-–]\s*)(?:,?\s*(?:and|to)\s+)?(?:paragraphs?\s+)?\d+(?:\s*\([a-z]+\))*)*\]?",
    re.IGNORECASE,
)
_EXTERNAL = re.compile(r"\s*,?\s+of\s+(?!this\s+resolution)|\s+of\s+(?:its\s+)?resolution", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w(])\d+(?![\w)])")


@dataclass(frozen=True)
class Renumbered:
    """One typed reference that accepting the new paragraphs would make point elsewhere."""

    paragraph: int  # index of the paragraph holding it
    ref: str  # that paragraph's reference, as read
    old: str  # "paragraph 9 below"
    new: str  # "paragraph 10 below"
    start: int  # offset of `old` in the paragraph's text
    text: str  # the paragraph's whole text, corrected


def shifts(document: Document, placements: list[Placement]) -> dict[int, int]:
    """Old operative number → new, for the numbers new top-level paragraphs push down. A new paragraph with
    its own number ('8 bis.', or the next one at the end of the list: render/tasks.insertion_label) pushes
    none: placement never renumbers the draft's own paragraphs, so its references stay right."""
    after: list[int] = []
    for pl in placements:
        if pl.action not in ("insert", "add") or pl.like is None or pl.number:
            continue
        like = document.paragraphs[pl.like]
        if like.kind is Kind.operative and like.parent is None and like.number and like.number[0].isdigit():
            after.append(int(like.number[0]))
    if not after:
        return {}
    tops = [int(p.number[0]) for p in document.paragraphs if p.kind is Kind.operative and p.parent is None
            and p.number and p.number[0].isdigit()]  # fmt: skip
    return {n: n + sum(k < n for k in after) for n in tops if any(k < n for k in after)}


def renumbered(document: Document, placements: list[Placement]) -> list[Renumbered]:
    moved = shifts(document, placements)
    if not moved:
        return []
    out = []
    for p in document.paragraphs:
        if p.kind not in (Kind.operative, Kind.preambular) or "aragraph" not in p.text:
            continue
        text, changes = p.text, []
        for m in _REFERENCE.finditer(p.text):
            if _EXTERNAL.match(p.text, m.end()):
                continue
            old = m.group()
            new = _NUMBER.sub(lambda n: str(moved.get(int(n.group()), int(n.group()))), old)
            if new != old:
                tail = re.match(r"\s+(?:above|below|of this resolution)", p.text[m.end() :])
                shown_old = old + (tail.group() if tail else "")
                changes.append((m.start(), old, new, shown_old, new + (tail.group() if tail else "")))
        for start, old, new, _, _ in sorted(changes, reverse=True):
            text = text[:start] + new + text[start + len(old) :]
        out += [Renumbered(p.index, p.ref or "", o, n, start, text) for start, _, _, o, n in changes]
    return out


def sentence(items: list[Renumbered], limit: int = 3) -> str:
    """The references that would point elsewhere, for the memo: one sentence."""
    if not items:
        return ""
    shown = [f"{r.ref} (“{r.old}” → “{r.new}”)" for r in items[:limit]]
    more = f" and {len(items) - limit} more" if len(items) > limit else ""  # page 1 stays short
    return (
        " Accepting the new operative paragraphs renumbers those after them, and the draft's own typed "
        f"references must follow: {', '.join(shown)}{more} (the redline of a Word draft corrects them as tracked changes)."
    )
