"""The runs of a Word paragraph as the redline edits them: the text that shows with all changes accepted,
runs split so that a boundary falls at a given character, and new runs formatted like the draft's."""

from __future__ import annotations

import copy
from typing import Any

from mandatekit.read.docx import W
from mandatekit.textnorm import xml_safe

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_HIDDEN = {W + "del", W + "moveFrom"}
_TEXT_CHILDREN = {W + "t": None, W + "tab": " ", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}


def visible_runs(p: Any) -> list[tuple[Any, str]]:
    """The runs of a paragraph that show on the page with all changes accepted, and their text."""
    out = []
    for r in p.iter(W + "r"):
        ancestor, hidden = r.getparent(), False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in _HIDDEN or ancestor.tag == W + "txbxContent":
                hidden = True
                break
            ancestor = ancestor.getparent()
        if not hidden:
            text = "".join(_child_text(c) for c in r)
            if text:
                out.append((r, text))
    return out


def _child_text(c: Any) -> str:
    if c.tag not in _TEXT_CHILDREN:
        return ""
    return c.text or "" if c.tag == W + "t" else _TEXT_CHILDREN[c.tag] or ""


def _split_run(r: Any, at: int) -> None:
    """Split run `r` at character `at` of its text: the characters from `at` on move to a copy after it."""
    second = copy.deepcopy(r)
    pos = 0
    for c1, c2 in zip(list(r), list(second), strict=True):
        if c1.tag == W + "rPr":
            continue
        length = len(_child_text(c1))
        if pos + length <= at:
            second.remove(c2)
        elif pos >= at:
            r.remove(c1)
        else:  # the split falls inside this w:t
            cut = at - pos
            c1.text, c2.text = c1.text[:cut], c1.text[cut:]
            c1.set(XML_SPACE, "preserve")
            c2.set(XML_SPACE, "preserve")
        pos += length
    r.addnext(second)


def cut_runs(p: Any, offsets: set[int]) -> list[tuple[Any, int, int]]:
    """Split runs so that a run boundary falls at each offset; returns (run, start, end) for visible runs."""
    for at in sorted(offsets, reverse=True):
        pos = 0
        for r, text in visible_runs(p):
            if pos < at < pos + len(text):
                _split_run(r, at - pos)
                break
            pos += len(text)
    spans, pos = [], 0
    for r, text in visible_runs(p):
        spans.append((r, pos, pos + len(text)))
        pos += len(text)
    return spans


def run_properties(r: Any) -> Any | None:
    rpr = r.find(W + "rPr")
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    for tag in ("ins", "del", "rPrChange"):
        for el in rpr.findall(W + tag):
            rpr.remove(el)
    return rpr


def new_run(text: str, rpr: Any | None) -> Any:
    from lxml import etree

    r = etree.Element(W + "r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    t = etree.SubElement(r, W + "t")
    t.text = xml_safe(text)
    t.set(XML_SPACE, "preserve")
    return r


def outermost(el: Any, p: Any) -> Any:
    while el.getparent() is not p:
        el = el.getparent()
    return el
