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


def paragraph_changes(
    p: Any, hidden: Callable[[Any], bool] = lambda run: False
) -> tuple[str, list[tuple[str, int, int, str]], int]:
    """The paragraph's text with all tracked changes accepted, its pending changes as
    (kind, start, end, text) in that raw text, and the number of tracked-change marks. Runs `hidden` says
    Word does not show, and alternative content Word would not render, are left out."""
    parts: list[str] = []
    changes: list[tuple[str, int, int, str]] = []
    pos = 0
    marks = 0

    def walk(el: Any) -> None:
        nonlocal pos, marks
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
                marks += 1
                gone = "".join(t.text or "" for t in child.iter(W + "delText", W + "t"))
                if gone.strip():
                    changes.append(("delete", pos, pos, gone))
                continue
            if tag in _PRUNED:
                if tag == W + "pPr" and child.find(f"{W}rPr/{W}ins") is not None:
                    marks += 1  # an inserted paragraph mark
                if tag == W + "pPr" and child.find(f"{W}rPr/{W}del") is not None:
                    marks += 1
                continue
            if tag == W + "t":
                parts.append(child.text or "")
                pos += len(child.text or "")
            elif tag in (W + "tab", W + "br", W + "cr"):
                parts.append(" ")
                pos += 1
            elif tag == W + "noBreakHyphen":
                parts.append("-")
                pos += 1
            elif tag in _INSERTED:
                marks += 1
                start, first = pos, len(parts)
                walk(child)
                if pos > start:  # only the inserted pieces joined: joining the whole paragraph is quadratic
                    changes.append(("insert", start, pos, "".join(parts[first:])))
            else:
                walk(child)

    walk(p)
    return "".join(parts), changes, marks


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
