"""New paragraphs recorded as Word records Enter typed at the end of the paragraph before them (trial 15, F8).

LibreOffice, rejecting an inserted paragraph mark, joins that paragraph with the next one and keeps the FIRST
one's properties; its "original" numbers (shown beside the new ones: "5.[4.]") are those of the draft so
rejected. A typed '(e)' (in no Word list) whose own mark was the inserted one, followed by '3 bis.' and then
the draft's auto-numbered OP 4, made OP 4 an unnumbered paragraph in that original, so every later OP showed
the wrong old number (rendered with soffice: 29 paragraphs "N.[N-1.]" before, none after; the w:pPrChange on
the last new paragraph was not the cause). Here LibreOffice's join is simulated on the XML."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
from lxml import etree

from mandatekit.read.docx import W
from mandatekit.render.redline.inserted import insert_paragraph
from mandatekit.render.redline.tracked import Revisions
from tests.builders import DraftBuilder


def _numbered(p: etree._Element) -> bool:
    num = p.find(f"{W}pPr/{W}numPr/{W}numId")
    return num is not None and num.get(W + "val") != "0"


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def reject_like_libreoffice(body: etree._Element) -> None:
    """Reject every change: an inserted mark joins its paragraph with the next, keeping the FIRST one's
    properties (LibreOffice's way); inserted runs go; a changed paragraph takes its recorded properties."""
    for p in list(body.iter(W + "p")):
        for change in p.findall(f"{W}pPr/{W}pPrChange"):
            ppr = change.getparent()
            old = change.find(W + "pPr")
            for el in [c for c in ppr if c.tag != W + "rPr"]:
                ppr.remove(el)
            for el in reversed(list(old)):
                ppr.insert(0, copy.deepcopy(el))
    for el in list(body.iter(W + "ins")):
        if el.getparent().tag != W + "rPr":
            el.getparent().remove(el)
    while True:
        marked = next((p for p in body.iter(W + "p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None), None)
        if marked is None:
            return
        following = marked.getnext()
        # the joined paragraph ends with the next one's mark (inserted too, in a chain), the first's properties
        ppr = marked.find(W + "pPr")
        ppr.remove(ppr.find(W + "rPr"))
        end_mark = following.find(f"{W}pPr/{W}rPr")
        if end_mark is not None:
            ppr.append(copy.deepcopy(end_mark))
        for child in [c for c in following if c.tag != W + "pPr"]:
            marked.append(child)
        following.getparent().remove(following)


def test_new_paragraphs_before_a_numbered_op_leave_its_number_in_libreoffice(tmp_path: Path) -> None:
    b = DraftBuilder().front("The Security Council,")
    b.op("Decides", "to extend the mandate of the Mission until 30 April 2026;")
    b.op("Decides", "that the Mission shall have the following mandate:")
    b.op("", "(a) To protect civilians under threat of physical violence;", level=None)
    b.op("", "(b) To monitor and report on human rights;", level=None)
    b.op("Decides", "to maintain the force levels of the Mission;")
    b.op("Demands", "that all parties end the fighting;")
    word = docx.Document(io.BytesIO(b.to_bytes()))
    body = word.element.body
    paragraphs = list(body.iter(W + "p"))
    item, op2 = next(p for p in paragraphs if _text(p).startswith("(b)")), paragraphs[2]
    before = [(_text(p), _numbered(p)) for p in body.iter(W + "p")]
    revisions = Revisions(word.element, "mandatekit")
    # the chain the trial's redline made: a typed item at the end of the list, then a new OP typed '2 bis.'
    new_item = insert_paragraph(item, item, "To support DDR;", "(c)", True, revisions, word)
    insert_paragraph(new_item, op2, "Calls upon the Government to act;", "2 bis.", True, revisions, word)
    reject_like_libreoffice(body)
    assert [(_text(p), _numbered(p)) for p in body.iter(W + "p")] == before
