"""Tracked changes by the reviewer: ids, author and date for each; a paragraph redlined word by word (only
the words that change deleted or inserted, the inserted ones formatted like the words they replace); and the
range a comment hangs on."""

from __future__ import annotations

import copy
import re
from typing import Any

from mandatekit.clock import now
from mandatekit.read.docx import W
from mandatekit.render.narrowed import common_edges
from mandatekit.render.placement import Placement
from mandatekit.render.redline.runs import cut_runs, new_run, outermost, run_properties, visible_runs

_TOKEN = re.compile(r"\S+")


class Revisions:
    """Author, date and fresh ids for the tracked changes and comments this review adds."""

    def __init__(self, root: Any, author: str) -> None:
        ids = [
            int(v) for el in root.iter() if (v := el.get(W + "id")) is not None and v.lstrip("-").isdigit()
        ]
        self.next_id = max(ids, default=0) + 1
        self.author = author
        self.date = now().replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")

    def element(self, tag: str) -> Any:
        from lxml import etree

        el = etree.Element(W + tag)
        el.set(W + "id", str(self.next_id))
        el.set(W + "author", self.author)
        el.set(W + "date", self.date)
        self.next_id += 1
        return el


def delete_run(r: Any, revisions: Revisions, mine: set[Any]) -> Any:
    """Wrap run `r` in a tracked deletion (joining the one just before it when it is ours)."""
    for t in r.findall(W + "t"):
        t.tag = W + "delText"
    for t in r.findall(W + "instrText"):
        t.tag = W + "delInstrText"
    previous = r.getprevious()
    if previous is not None and previous in mine and previous.tag == W + "del":
        previous.append(r)
        return previous
    wrapper = revisions.element("del")
    r.addprevious(wrapper)
    wrapper.append(r)
    mine.add(wrapper)
    return wrapper


def split_out(el: Any, p: Any, revisions: Revisions) -> Any:
    """Make `el` end the content of each element it sits in up to the paragraph (a draft's own insertion or
    hyperlink is split in two around it), so something can follow it directly in the paragraph."""
    node = el
    while node.getparent() is not p:
        parent = node.getparent()
        following = list(node.itersiblings())
        if following:
            clone = copy.copy(parent)
            for child in list(clone):
                clone.remove(child)
            if clone.get(W + "id") is not None:
                clone.set(W + "id", str(revisions.next_id))
                revisions.next_id += 1
            for sibling in following:
                clone.append(sibling)
            parent.addnext(clone)
        node = parent
    return node


def redline_paragraph(p: Any, own: str, placement: Placement, revisions: Revisions) -> list[Any]:
    """Apply a replace placement to body paragraph `p`; returns the changed elements (for the comment)."""
    spans = visible_runs(p)
    current = "".join(text for _, text in spans)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(current)]
    new_words = placement.text.split()
    old_words = [current[a:b] for a, b in tokens]
    # Words before the paragraph's own text (a number typed in it) are kept as they are; a paragraph that
    # does not read as the draft was read (its text merged across a deleted paragraph mark) is left alone.
    lead = len(old_words) - len(own.split())
    if lead < 0 or old_words[lead:] != own.split():
        return []
    import difflib

    ops = difflib.SequenceMatcher(None, old_words[lead:], new_words, autojunk=False).get_opcodes()
    edits: list[tuple[int, int, str]] = []  # (delete from, delete to, insert text at `to`)
    n = len(tokens)
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            continue
        i1, i2 = i1 + lead, i2 + lead
        words = " ".join(new_words[j1:j2])
        if op == "insert":
            at = tokens[i1][0] if i1 < n else tokens[-1][1]
            edits.append((at, at, (words + " ") if i1 < n else (" " + words)))
        elif op == "delete":
            if i2 < n:
                edits.append((tokens[i1][0], tokens[i2][0], ""))
            else:
                edits.append((tokens[i1 - 1][1] if i1 else 0, tokens[i2 - 1][1], ""))
        else:
            edits.append(_trim(current, tokens[i1][0], tokens[i2 - 1][1], words))
    cut_at = {a for a, _, _ in edits} | {b for _, b, _ in edits}
    spans3 = cut_runs(p, {x for x in cut_at if 0 < x < len(current)})
    mine: set[Any] = set()
    changed: list[Any] = []
    for start, end, words in sorted(edits, key=lambda e: e[0], reverse=True):
        covered = [r for r, a, b in spans3 if a >= start and b <= end and b > a]
        wrappers = [delete_run(r, revisions, mine) for r in covered]
        before = next((r for r, a, b in spans3 if b == end and a < b), None)
        style_from = covered[0] if covered else before
        if style_from is None:
            style_from = next((r for r, a, _ in spans3 if a == start), None)
        if words:
            ins = revisions.element("ins")
            ins.append(new_run(words, run_properties(style_from) if style_from is not None else None))
            if wrappers:
                anchor = split_out(wrappers[-1], p, revisions)
                anchor.addnext(ins)
            elif before is not None:
                anchor = split_out(before, p, revisions)
                anchor.addnext(ins)
            else:
                first = next((r for r, a, _ in spans3 if a == start), None)
                target = outermost(first, p) if first is not None else None
                if target is not None:
                    target.addprevious(ins)
                else:
                    p.append(ins)
            changed.append(ins)
        changed += wrappers
    return changed


def _trim(current: str, start: int, end: int, words: str) -> tuple[int, int, str]:
    """A replaced stretch narrowed to what really changes (narrowed.common_edges)."""
    old = current[start:end]
    head, tail = common_edges(old, words)
    return start + head, end - tail, words[head : len(words) - tail]


def comment_range(p: Any, first: Any, last: Any, comment_id: int) -> None:
    from lxml import etree

    start = etree.Element(W + "commentRangeStart")
    start.set(W + "id", str(comment_id))
    end = etree.Element(W + "commentRangeEnd")
    end.set(W + "id", str(comment_id))
    outermost(first, p).addprevious(start)
    outer_last = outermost(last, p)
    outer_last.addnext(end)
    ref = etree.Element(W + "r")
    rpr = etree.SubElement(ref, W + "rPr")
    etree.SubElement(rpr, W + "rStyle").set(W + "val", "CommentReference")
    etree.SubElement(ref, W + "commentReference").set(W + "id", str(comment_id))
    end.addnext(ref)
