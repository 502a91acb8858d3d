"""A .docx paragraph's text as it would stand with all tracked changes accepted: insertions count,
deletions and moved-away text do not; the pending changes are kept, with where they fall in that text. Text
boxes, note and comment references, and alternative content Word would not render are left out. Also: the
body's paragraphs in reading order, into tables and content controls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mandatekit.read.docx_visible import rendered_alternative
from mandatekit.read.docx_xml import MC_ALTERNATE, MC_FALLBACK, W
from mandatekit.textnorm import clean

# Subtrees whose text is not draft text as it reads on the page with all changes accepted.
_PRUNED = {
    W + "del",
    W + "moveFrom",
    W + "pPr",
    W + "rPr",
    W + "txbxContent",
    W + "footnoteReference",
    W + "endnoteReference",
    W + "commentReference",
    MC_FALLBACK,  # walked only when it is the alternative Word renders
}


_INSERTED = {W + "ins", W + "moveTo"}
_DELETED = {W + "del", W + "moveFrom"}

# A tracked change as the reviewing pane lists it: what it does (insert, delete, a move's two ends) and who
# made it. Word lists one change per stretch of the same kind by the same author that no unchanged text
# interrupts, however many w:ins or w:del elements (one per run, one per paragraph mark) carry it.
Revision = tuple[str, str]
_KIND = {W + "ins": "insert", W + "moveTo": "move to", W + "del": "delete", W + "moveFrom": "move from"}


def _revision(el: Any) -> Revision:
    return _KIND[el.tag], el.get(W + "author") or ""


def mark_revision(ppr: Any) -> Revision | None:
    """The tracked change on a paragraph's mark (the paragraph inserted, or merged with the next), if any."""
    mark = ppr.find(W + "rPr") if ppr is not None else None
    for tag in (W + "ins", W + "del", W + "moveTo", W + "moveFrom"):
        found = mark.find(tag) if mark is not None else None
        if found is not None:
            return _KIND[tag], found.get(W + "author") or ""
    return None


def count_revisions(revisions: list[Revision | None], last: Revision | None) -> tuple[int, Revision | None]:
    """How many changes the reviewing pane lists that begin in `revisions` (None: unchanged text between
    them), when the stretch before them ended with `last`; and how this one ends, for the next paragraph."""
    n = 0
    for revision in revisions:
        n += revision is not None and revision != last
        last = revision
    return n, last


RawChange = tuple[str, int, int, str, str]  # kind, start, end (in the raw text), words, author


def paragraph_changes(
    p: Any, hidden: Callable[[Any], bool] = lambda run: False
) -> tuple[str, list[RawChange], list[Revision | None]]:
    """The paragraph's text with all tracked changes accepted, its pending changes as
    (kind, start, end, text, author) in that raw text, and its tracked changes in order, None for unchanged text
    between them (its paragraph mark's change is `mark_revision`'s). Runs `hidden` says Word does not
    show, and alternative content Word would not render, are left out."""
    parts: list[str] = []
    changes: list[RawChange] = []
    pos = 0
    revisions: list[Revision | None] = []
    inside = 0  # within a tracked change: its text does not part it from the next one

    def unchanged() -> None:
        if not inside and (not revisions or revisions[-1] is not None):
            revisions.append(None)

    def walk(el: Any) -> None:
        nonlocal pos, inside
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == W + "r" and hidden(child):
                continue
            if tag == MC_ALTERNATE:
                chosen = rendered_alternative(child)
                if chosen is not None:
                    walk(chosen)
                continue
            if tag in _DELETED:
                if not inside:
                    revisions.append(_revision(child))
                gone = "".join(t.text or "" for t in child.iter(W + "delText", W + "t"))
                if gone.strip():
                    changes.append(("delete", pos, pos, gone, child.get(W + "author") or ""))
                continue
            if tag in _PRUNED:
                continue
            if tag == W + "t":
                parts.append(child.text or "")
                pos += len(child.text or "")
                if child.text:
                    unchanged()
            elif tag in (W + "tab", W + "br", W + "cr"):
                parts.append(" ")
                pos += 1
                unchanged()
            elif tag == W + "noBreakHyphen":
                parts.append("-")
                pos += 1
                unchanged()
            elif tag in _INSERTED:
                if not inside:
                    revisions.append(_revision(child))
                start, first = pos, len(parts)
                inside += 1
                walk(child)
                inside -= 1
                if pos > start:  # only the inserted pieces joined: joining the whole paragraph is quadratic
                    changes.append(
                        ("insert", start, pos, "".join(parts[first:]), child.get(W + "author") or "")
                    )
            else:
                walk(child)

    walk(p)
    return "".join(parts), changes, revisions


def merged(changes: list[RawChange]) -> list[RawChange]:
    """One paragraph's pending changes as a reader sees them: deletions that no accepted text parts (the runs
    of one struck sentence, its italic verb and the rest) are one deletion, and insertions that follow one
    another are one insertion (the first one's author named: one reviewing-pane stretch is one author's)."""
    out: list[RawChange] = []
    for kind, a, b, text, author in changes:
        if out and out[-1][0] == kind:
            k, a0, b0, t0, who = out[-1]
            if (kind == "delete" and a0 == a) or (kind == "insert" and b0 == a):
                out[-1] = (k, a0, b, t0 + text, who or author)
                continue
        out.append((kind, a, b, text, author))
    return out


def clean_offset(raw: str, at: int) -> int:
    """Where raw offset `at` falls in clean(raw)."""
    return len(clean(raw[:at] + "x")) - 1


def body_paragraphs(body: Any) -> list[Any]:
    """Body paragraphs in reading order, descending into tables and content controls."""
    out = []
    for child in body:
        if child.tag == W + "p":
            out.append(child)
        elif child.tag in (W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent", W + "customXml"):
            out.extend(body_paragraphs(child))
        elif child.tag == MC_ALTERNATE and (chosen := rendered_alternative(child)) is not None:
            out.extend(body_paragraphs(chosen))  # paragraphs in the alternative Word renders
    return out
