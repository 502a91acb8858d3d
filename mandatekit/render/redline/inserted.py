"""A new paragraph as a tracked insertion, formatted and numbered as the draft numbers its own: a typed
number ('8 bis.', '(g bis)', 'd.' after 'c.') outside Word's list, or the next number of Word's list."""

from __future__ import annotations

import copy
from typing import Any

from mandatekit.read.docx import W
from mandatekit.read.verbs import leading_verb
from mandatekit.render.redline.runs import new_run, run_properties, visible_runs
from mandatekit.render.redline.tracked import Revisions


def typed_label(p: Any, label: str | None) -> bool:
    """Whether the paragraph types its number: as the reader shows it ('(c)'), or in another form of it the
    reader reads alike ('c.', 'c)')."""
    text = "".join(t for _, t in visible_runs(p)).lstrip()
    return bool(label) and (text.startswith(label or "") or _typed_form(text, label or "") is not None)


def _typed_form(text: str, label: str) -> str | None:
    """'{}.' where the paragraph types '(c)' as 'c.', '{})' as 'c)': the pattern of its typed number."""
    core = label.strip().strip("().")
    for form in ("{}.", "{})"):
        if core and text.startswith(form.format(core) + " "):
            return form
    return None


def as_typed(like: Any, like_label: str | None, number: str | None) -> str | None:
    """The new paragraph's number in the form `like` types its own: '(d)' as 'd.' after 'c.'."""
    if not number or not like_label:
        return number
    form = _typed_form("".join(t for _, t in visible_runs(like)).lstrip(), like_label)
    return form.format(number.strip().strip("().")) if form is not None else number


def insert_paragraph(
    after: Any, like: Any, text: str, number: str | None, typed: bool, revisions: Revisions, word: Any
) -> Any:
    """A new paragraph after `after`, formatted like `like`, wholly a tracked insertion. Numbered as the
    placement says (render/tasks.insertion_label): a `typed` number ('(g bis)', '8 bis.', or the next one in
    a list whose numbers are typed) is typed, outside Word's list, indented as `like`'s level is, so Word
    renumbers nothing; otherwise the paragraph joins `like`'s list and Word gives it the next number."""
    from lxml import etree

    p = etree.Element(W + "p")
    ppr = like.find(W + "pPr")
    ppr = copy.deepcopy(ppr) if ppr is not None else etree.Element(W + "pPr")
    for tag in ("rPr", "pPrChange", "sectPr"):
        for el in ppr.findall(W + tag):
            ppr.remove(el)
    out_of_list = bool(typed and number and _list_of(ppr, word) is not None)
    if out_of_list:
        _out_of_list(ppr, word)
    p.append(ppr)
    # Before a paragraph Word numbers, a new paragraph is recorded as Word records Enter typed at the end of
    # `after`, in a list or not: a typed '(e)' whose own mark was the inserted one, followed by new paragraphs
    # and then a numbered OP 4, made LibreOffice join OP 4 to the unnumbered '(e)' for its "original" numbers:
    # "5.[4.]" ... "33.[32.]" (trial 15, F8; rendered with and without w:pPrChange: the change record was not
    # the cause). Before a paragraph no list numbers, nothing is moved: the new paragraph's own mark.
    following = after.getnext()
    while following is not None and following.tag not in (W + "p", W + "tbl", W + "sectPr"):
        following = following.getnext()  # bookmarks, comment ranges between two paragraphs
    numbered_next = (
        following is not None
        and following.tag == W + "p"
        and _list_of(
            following.find(W + "pPr") if following.find(W + "pPr") is not None else etree.Element(W + "pPr"),
            word,
        )
        is not None
    )
    if not (out_of_list or numbered_next) or not _break_before_inserted(after, p, revisions):
        etree.SubElement(ppr, W + "rPr").append(revisions.element("ins"))
    runs = [r for r, _ in visible_runs(like)]
    verb = leading_verb(text)
    italic = next((r for r in runs if r.find(f"{W}rPr/{W}i") is not None), None)
    plain = next((r for r in runs if r.find(f"{W}rPr/{W}i") is None), runs[0] if runs else None)
    ins = revisions.element("ins")
    if typed and number:  # the number the memo says of it too
        ins.append(new_run(f"{number} ", run_properties(plain) if plain is not None else None))
    if verb is not None and italic is not None and text.startswith(verb.verb):
        ins.append(new_run(verb.verb, run_properties(italic)))
        text = text[len(verb.verb) :]
    ins.append(new_run(text, run_properties(plain) if plain is not None else None))
    p.append(ins)
    after.addnext(p)
    return p


def _list_of(ppr: Any, word: Any) -> tuple[str, str] | None:
    """(numId, ilvl) of the Word list a paragraph with these properties joins: its own w:numPr, else the
    one its paragraph style (or a style that style is based on) carries, as "List Number" does; None when
    it joins none (numId 0 takes a paragraph out of its style's list)."""
    numpr = ppr.find(W + "numPr")
    if numpr is None:
        style_el = ppr.find(W + "pStyle")
        style_id = style_el.get(W + "val") if style_el is not None else None
        styles = {s.get(W + "styleId"): s for s in word.styles.element.iter(W + "style")}
        seen: set[str] = set()
        while numpr is None and style_id in styles and style_id not in seen:
            seen.add(style_id)
            numpr = styles[style_id].find(f"{W}pPr/{W}numPr")
            based = styles[style_id].find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None
    if numpr is None:
        return None
    num_id, ilvl = numpr.find(W + "numId"), numpr.find(W + "ilvl")
    if num_id is None or num_id.get(W + "val") in (None, "0"):
        return None
    return num_id.get(W + "val"), ilvl.get(W + "val", "0") if ilvl is not None else "0"


def _out_of_list(ppr: Any, word: Any) -> None:
    """Take a paragraph out of Word's list with an explicit numId 0 (ECMA-376 17.9.18: numId 0 removes the
    numbering, the style's included), keeping the indentation its list level gave it: an inserted paragraph
    that copied a list style ("List Number") would otherwise take a number of its own and renumber every
    paragraph after it."""
    from lxml import etree

    num_id, level = _list_of(ppr, word) or ("0", "0")
    indent = None
    try:
        numbering = word.part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering = None
    if numbering is not None:
        num = next((n for n in numbering.iter(W + "num") if n.get(W + "numId") == num_id), None)
        abstract_id = num.find(W + "abstractNumId").get(W + "val") if num is not None else None
        for abstract in numbering.iter(W + "abstractNum"):
            if abstract.get(W + "abstractNumId") == abstract_id:
                lvl = next((x for x in abstract.iter(W + "lvl") if x.get(W + "ilvl") == level), None)
                indent = lvl.find(f"{W}pPr/{W}ind") if lvl is not None else None
    for numpr in ppr.findall(W + "numPr"):
        ppr.remove(numpr)
    off = etree.Element(W + "numPr")
    etree.SubElement(off, W + "ilvl").set(W + "val", "0")
    etree.SubElement(off, W + "numId").set(W + "val", "0")
    ppr.insert(1 if ppr.find(W + "pStyle") is not None else 0, off)
    if indent is not None and ppr.find(W + "ind") is None:
        ind = copy.deepcopy(indent)
        if ind.get(W + "hanging") is not None:  # the typed number stands where Word's stood
            ind.attrib.pop(W + "hanging")
            ind.set(W + "firstLine", "0")
        ppr.append(ind)


_MARK_CHANGES = tuple(W + t for t in ("ins", "del", "moveFrom", "moveTo"))


def _break_before_inserted(after: Any, p: Any, revisions: Revisions) -> bool:
    """For a new paragraph `p` taken out of Word's list: mark the break before it (`after`'s mark) as the
    inserted one, as Word records Enter typed at the end of `after`, and end `p` with `after`'s own mark,
    its properties a tracked change (w:pPrChange) from `after`'s; rejecting joins the two into `after` as
    it was, numbered. Marking `p`'s own mark means the same in Word, but LibreOffice, which keeps the first
    paragraph's properties when it joins two, then counts `p` (out of the list) in place of the numbered
    paragraph after it for its "original" numbers and shows every later number as "25.[23.]" (trial 13,
    finding 13). False, and nothing done, where `after`'s mark already carries a change, or its properties
    hold a section break or another's property change."""
    from lxml import etree

    before = after.find(W + "pPr")
    if before is None and after.tag == W + "p":  # a paragraph of no properties of its own: an empty set
        before = etree.Element(W + "pPr")
        after.insert(0, before)
    before_mark = before.find(W + "rPr") if before is not None else None
    change = before.find(W + "pPrChange") if before is not None else None
    if (
        before is None
        or before.find(W + "sectPr") is not None
        or (before_mark is not None and any(before_mark.find(t) is not None for t in _MARK_CHANGES))
        or (change is not None and change.get(W + "author") != revisions.author)
    ):
        return False
    if change is not None:  # `after` is a paragraph of ours holding the draft's mark: pass the mark on
        before.remove(change)
        original = change.find(W + "pPr")
    else:
        original = copy.deepcopy(before)
        for el in original.findall(W + "rPr") + original.findall(W + "pPrChange"):
            original.remove(el)
    if before_mark is None:
        before_mark = etree.Element(W + "rPr")
        # w:rPr comes after every other paragraph property but w:sectPr and w:pPrChange (ECMA-376 17.3.1.26)
        before.append(before_mark)
    before_mark.append(revisions.element("ins"))
    record = revisions.element("pPrChange")
    record.append(original if original is not None else etree.Element(W + "pPr"))
    p.find(W + "pPr").append(record)
    return True
