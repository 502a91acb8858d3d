"""`mandatekit redline`: a copy of the Word draft with each suggestion put in its place (render/placement.py)
as a real tracked change by "mandatekit", and the comment that explains it on the same words.

- A replaced paragraph is a word-level redline: only the words that change are deleted (`w:del`) or
  inserted (`w:ins`); the inserted words take the formatting of the words they replace (an italic verb
  stays italic).
- An inserted paragraph copies the paragraph properties of the operative paragraph it follows; its
  paragraph mark is itself a tracked insertion, so Accept All keeps it and Reject All removes it without
  trace. Between two paragraphs it is typed "3 bis.", as negotiators do, outside Word's list (an explicit
  numId 0, also where the list comes from a paragraph style such as "List Number"), so nothing is
  renumbered; only after the list's last paragraph does it take Word's next number.
- The draft's own tracked changes and comments are kept: text they inserted may be deleted by a tracked
  deletion inside them (as Word does), never rewritten.
"""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from typing import Any

from mandatekit.clock import now
from mandatekit.judge import Finding, Report
from mandatekit.read.docx import W, body_paragraphs
from mandatekit.read.model import Document
from mandatekit.read.structure_labels import LATIN
from mandatekit.read.verbs import leading_verb
from mandatekit.render.accepted import Judge, inside_first
from mandatekit.render.narrowed import common_edges
from mandatekit.render.placement import Placement, place
from mandatekit.textnorm import xml_safe

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange")
_HIDDEN = {W + "del", W + "moveFrom"}
_TEXT_CHILDREN = {W + "t": None, W + "tab": " ", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}
_TOKEN = re.compile(r"\S+")


class _Revisions:
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


def _visible(p: Any) -> list[tuple[Any, str]]:
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


def _cut(p: Any, offsets: set[int]) -> list[tuple[Any, int, int]]:
    """Split runs so that a run boundary falls at each offset; returns (run, start, end) for visible runs."""
    for at in sorted(offsets, reverse=True):
        pos = 0
        for r, text in _visible(p):
            if pos < at < pos + len(text):
                _split_run(r, at - pos)
                break
            pos += len(text)
    spans, pos = [], 0
    for r, text in _visible(p):
        spans.append((r, pos, pos + len(text)))
        pos += len(text)
    return spans


def _rpr(r: Any) -> Any | None:
    rpr = r.find(W + "rPr")
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    for tag in ("ins", "del", "rPrChange"):
        for el in rpr.findall(W + tag):
            rpr.remove(el)
    return rpr


def _new_run(text: str, rpr: Any | None) -> Any:
    from lxml import etree

    r = etree.Element(W + "r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    t = etree.SubElement(r, W + "t")
    t.text = xml_safe(text)
    t.set(XML_SPACE, "preserve")
    return r


def _delete_run(r: Any, revisions: _Revisions, mine: set[Any]) -> Any:
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


def _outermost(el: Any, p: Any) -> Any:
    while el.getparent() is not p:
        el = el.getparent()
    return el


def _split_out(el: Any, p: Any, revisions: _Revisions) -> Any:
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


def _redline_paragraph(p: Any, own: str, placement: Placement, revisions: _Revisions) -> list[Any]:
    """Apply a replace placement to body paragraph `p`; returns the changed elements (for the comment)."""
    spans = _visible(p)
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
    spans3 = _cut(p, {x for x in cut_at if 0 < x < len(current)})
    mine: set[Any] = set()
    changed: list[Any] = []
    for start, end, words in sorted(edits, key=lambda e: e[0], reverse=True):
        covered = [r for r, a, b in spans3 if a >= start and b <= end and b > a]
        wrappers = [_delete_run(r, revisions, mine) for r in covered]
        before = next((r for r, a, b in spans3 if b == end and a < b), None)
        style_from = covered[0] if covered else before
        if style_from is None:
            style_from = next((r for r, a, _ in spans3 if a == start), None)
        if words:
            ins = revisions.element("ins")
            ins.append(_new_run(words, _rpr(style_from) if style_from is not None else None))
            if wrappers:
                anchor = _split_out(wrappers[-1], p, revisions)
                anchor.addnext(ins)
            elif before is not None:
                anchor = _split_out(before, p, revisions)
                anchor.addnext(ins)
            else:
                first = next((r for r, a, _ in spans3 if a == start), None)
                target = _outermost(first, p) if first is not None else None
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


def _typed_label(p: Any, label: str | None) -> bool:
    """Whether the paragraph types its number: as the reader shows it ('(c)'), or in another form of it the
    reader reads alike ('c.', 'c)')."""
    text = "".join(t for _, t in _visible(p)).lstrip()
    return bool(label) and (text.startswith(label or "") or _typed_form(text, label or "") is not None)


def _typed_form(text: str, label: str) -> str | None:
    """'{}.' where the paragraph types '(c)' as 'c.', '{})' as 'c)': the pattern of its typed number."""
    core = label.strip().strip("().")
    for form in ("{}.", "{})"):
        if core and text.startswith(form.format(core) + " "):
            return form
    return None


def _as_typed(like: Any, like_label: str | None, number: str | None) -> str | None:
    """The new paragraph's number in the form `like` types its own: '(d)' as 'd.' after 'c.'."""
    if not number or not like_label:
        return number
    form = _typed_form("".join(t for _, t in _visible(like)).lstrip(), like_label)
    return form.format(number.strip().strip("().")) if form is not None else number


def _insert_paragraph(
    after: Any, like: Any, text: str, number: str | None, typed: bool, revisions: _Revisions, word: Any
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
    if typed and number and _list_of(ppr, word) is not None:
        _out_of_list(ppr, word)
    mark = etree.SubElement(ppr, W + "rPr")
    mark.append(revisions.element("ins"))
    p.append(ppr)
    runs = [r for r, _ in _visible(like)]
    verb = leading_verb(text)
    italic = next((r for r in runs if r.find(f"{W}rPr/{W}i") is not None), None)
    plain = next((r for r in runs if r.find(f"{W}rPr/{W}i") is None), runs[0] if runs else None)
    ins = revisions.element("ins")
    if typed and number:  # the number the memo says of it too
        ins.append(_new_run(f"{number} ", _rpr(plain) if plain is not None else None))
    if verb is not None and italic is not None and text.startswith(verb.verb):
        ins.append(_new_run(verb.verb, _rpr(italic)))
        text = text[len(verb.verb) :]
    ins.append(_new_run(text, _rpr(plain) if plain is not None else None))
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


def _comment_range(p: Any, first: Any, last: Any, comment_id: int) -> None:
    from lxml import etree

    start = etree.Element(W + "commentRangeStart")
    start.set(W + "id", str(comment_id))
    end = etree.Element(W + "commentRangeEnd")
    end.set(W + "id", str(comment_id))
    _outermost(first, p).addprevious(start)
    outer_last = _outermost(last, p)
    outer_last.addnext(end)
    ref = etree.Element(W + "r")
    rpr = etree.SubElement(ref, W + "rPr")
    etree.SubElement(rpr, W + "rStyle").set(W + "val", "CommentReference")
    etree.SubElement(ref, W + "commentReference").set(W + "id", str(comment_id))
    end.addnext(ref)


def redline_docx(
    path: Path,
    document: Document,
    report: Report,
    author: str = "mandatekit",
    judge: Judge | None = None,
    previous: tuple[Document, Report] | None = None,
) -> tuple[bytes, int]:
    """The draft with every suggestion as a tracked change and its comment; returns (bytes, changes made).
    With `judge`, each fix is kept only if re-judging the draft with it accepted shows it helps and costs
    nothing (render/placement.py). Brackets to agree and pending changes to reject are comments only: the
    redline never removes brackets or the drafter's words on its own."""
    import docx

    from mandatekit.render.annotate import comment_text

    word = docx.Document(str(path))
    body = body_paragraphs(word.element.body)
    revisions = _Revisions(word.element, author)
    placements = place(report, document, judge, previous=previous)
    findings = {f.rule: f for f in report.findings}
    initials = "".join(w[0] for w in author.split()[:3]).upper() or "MK"
    when = now().replace(microsecond=0)
    last_inserted: dict[int, Any] = {}  # a later insertion after the same paragraph follows the earlier ones
    count = 0
    for placement in inside_first(document, placements.values()):
        if placement.paragraph is None:
            continue
        rule = placement.rule
        f: Finding = findings[rule]
        target = document.paragraphs[placement.paragraph]
        p = body[target.origin.index]
        if placement.action in ("agree", "reject"):
            if placement.whole_paragraph and target.origin.index > 0:
                p = body[target.origin.index - 1]  # the paragraph the pending change deletes whole
            runs = [c for c in p if c.tag != W + "pPr"]
            if not runs:
                continue
            host, first, last = p, runs[0], runs[-1]
        elif placement.action == "replace":
            changed = _redline_paragraph(p, target.text, placement, revisions)
            if not changed:
                continue
            ordered = sorted(changed, key=lambda el: list(p.iter()).index(el))
            host, first, last = p, ordered[0], ordered[-1]
        else:
            like_para = document.paragraphs[
                placement.like if placement.like is not None else placement.paragraph
            ]
            like = body[like_para.origin.index]
            after = last_inserted.get(placement.paragraph, p)
            # Word numbers the new paragraph only where it takes the list's next number in Word's own list
            typed = _typed_label(like, like_para.label) or (
                like_para.numbered_by_word
                and placement.number is not None
                and placement.number.split()[-1].strip("().") in LATIN
            )
            number = _as_typed(like, like_para.label, placement.number)
            host = _insert_paragraph(after, like, placement.text, number, typed, revisions, word)
            last_inserted[placement.paragraph] = host
            content = host.findall(W + "ins")
            first, last = content[0], content[-1]
        comment = word.comments.add_comment(
            text=comment_text(
                f,
                placement,
                tracked=True,
                mission=report.mission,
                head=count == 0,
                notes=(report.written_for, report.renewal),
            ),
            author=author,
            initials=initials,
        )
        comment._comment_elm.date = when
        _comment_range(host, first, last, comment.comment_id)
        count += 1
    count += _correct_references(word, body, document, placements, revisions, author, initials, when)
    buffer = io.BytesIO()
    word.save(buffer)
    from mandatekit.render.safe_package import safe

    return safe(buffer.getvalue(), path), count


def _correct_references(word: Any, body: list[Any], document: Document, placements: dict[str, Placement],
                        revisions: _Revisions, author: str, initials: str, when: Any) -> int:  # fmt: skip
    """The draft's typed references to paragraphs that Word renumbers once the new ones are accepted,
    corrected as tracked changes with a comment (render/crossrefs.py). Not where the draft types its own
    numbers (new paragraphs are "3 bis" there: nothing moves), nor in a paragraph another fix rewrites."""
    from mandatekit.render.crossrefs import renumbered

    tops = [pl for pl in placements.values() if pl.action in ("insert", "add") and pl.like is not None
            and document.paragraphs[pl.like].parent is None]  # fmt: skip
    if not tops or any(
        _typed_label(body[document.paragraphs[pl.like].origin.index], document.paragraphs[pl.like].label)  # type: ignore[index]
        for pl in tops
    ):
        return 0
    rewritten = {pl.paragraph for pl in placements.values() if pl.action in ("replace", "agree", "reject")}
    by_paragraph: dict[int, list[Any]] = {}
    for item in renumbered(document, list(placements.values())):
        if item.paragraph not in rewritten:
            by_paragraph.setdefault(item.paragraph, []).append(item)
    count = 0
    for index, items in by_paragraph.items():
        target = document.paragraphs[index]
        p = body[target.origin.index]
        fix = Placement("", "replace", "", items[0].text, [], index)
        changed = _redline_paragraph(p, target.text, fix, revisions)
        if not changed:
            continue
        ordered = sorted(changed, key=lambda el: list(p.iter()).index(el))
        said = "; ".join(f"“{i.old}” becomes “{i.new}”" for i in items)
        comment = word.comments.add_comment(
            text=f"Cross-reference: once the new paragraphs are accepted, Word renumbers the paragraphs after "
            f"them: {said}.",
            author=author,
            initials=initials,
        )
        comment._comment_elm.date = when
        _comment_range(p, ordered[0], ordered[-1], comment.comment_id)
        count += 1
    return count
