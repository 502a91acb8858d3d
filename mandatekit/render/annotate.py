"""`mandatekit annotate`: a copy of the Word draft with a review comment on the very words behind each finding
that is not met (a missing one on the paragraph its suggestion would follow: render/placement.py). Word anchors a comment on whole runs, so a run is split where the quoted words begin or end
inside it; the text itself, its numbering, tracked changes and existing comments are left untouched."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from typing import Any

from mandatekit.clock import now
from mandatekit.judge import Finding, Report
from mandatekit.missions import MissionInfo
from mandatekit.read.docx import W, body_paragraphs
from mandatekit.read.model import Document, Paragraph
from mandatekit.render.accepted import Judge
from mandatekit.render.placement import Placement, place
from mandatekit.textnorm import xml_safe

_HIDDEN = {W + "del", W + "moveFrom", W + "txbxContent"}


def _visible_runs(p: Any) -> list[Any]:
    runs = []
    for r in p.iter(W + "r"):
        ancestor, hidden = r.getparent(), False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in _HIDDEN:
                hidden = True
                break
            ancestor = ancestor.getparent()
        if not hidden and r.find(W + "t") is not None:
            runs.append(r)
    return runs


def _run_text(r: Any) -> str:
    return "".join(t.text or "" for t in r.iter(W + "t"))


def _split(r: Any, at: int) -> Any:
    """Split a run holding a single w:t at character `at`; returns the new run holding the second part."""
    texts = [c for c in r if c.tag != W + "rPr"]
    if len(texts) != 1 or texts[0].tag != W + "t" or not 0 < at < len(texts[0].text or ""):
        return None
    second = copy.deepcopy(r)
    t1, t2 = texts[0], next(c for c in second if c.tag == W + "t")
    full = t1.text or ""
    t1.text, t2.text = full[:at], full[at:]
    for t in (t1, t2):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.addnext(second)
    return second


def _anchor_runs(p: Any, words: str) -> list[Any]:
    """The runs covering `words` in paragraph `p`, split so that they cover exactly those words."""
    runs = _visible_runs(p)
    if not runs:
        return []
    texts = [_run_text(r) for r in runs]
    joined = "".join(texts)
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    m = re.search(pattern, joined) if pattern else None
    if m is None:
        return (
            runs  # not found as typed (e.g. text merged across a deleted paragraph mark): the whole paragraph
        )
    start, end = m.span()
    offsets, pos = [], 0
    for t in texts:
        offsets.append(pos)
        pos += len(t)
    first = max(i for i, o in enumerate(offsets) if o <= start)
    last = max(i for i, o in enumerate(offsets) if o < end)
    first_run, last_run = runs[first], runs[last]
    if start > offsets[first]:
        tail = _split(first_run, start - offsets[first])
        if tail is not None:
            if last == first:
                last_run = tail
            first_run = tail
    cut = (
        end
        - offsets[last]
        - (start - offsets[first] if last == first and first_run is not runs[first] else 0)
    )
    if 0 < cut < len(_run_text(last_run)):
        _split(last_run, cut)
    return [first_run, last_run]


def initials(author: str) -> str:
    """The initials Word shows on the reviewer's comments: 'Delegation of X' -> 'DOX' (redline's too)."""
    return "".join(w[0] for w in author.split()[:3]).upper() or "MK"


def comment_text(
    f: Finding,
    placement: Placement | None = None,
    tracked: bool = False,
    mission: MissionInfo | None = None,
    head: bool = False,
    notes: tuple[str | None, ...] = (),
) -> str:
    """A review comment in short paragraphs, the verdict first: why, the draft's words (whole phrases), the
    fix and where it goes, the source. `head`: the first comment, which says which profile and why, and the
    report's `notes` on the whole draft (language written for another mission, a mandate renewed by reference)."""
    from mandatekit.render.memo import _sentence, message, readable_reasons

    lines = [mission.line] if head and mission is not None else []
    lines += [n for n in notes if n] if head else []
    lines += [f"{f.verdict.value.upper()} ({f.severity.value}): {f.title}.", _sentence(message(f))]
    lines += readable_reasons(f)
    quotes = dict.fromkeys(f"{e.ref} reads “{e.context.rstrip(';,:. ')}”." for e in f.evidence)
    lines += list(quotes)[:2]
    lines += [f"Hedge: {h}" for h in f.hedges]
    if placement is not None and placement.action in ("agree", "reject"):
        what = "agreeing it" if placement.action == "agree" else "rejecting it"
        lines.append(f"Proposed: {placement.where}: {what} {placement.secures}. Nothing is changed here: "
                     "that is for the negotiation.")  # fmt: skip
    elif placement is not None and placement.action == "covered":
        lines.append(f"Proposed: no language of its own. {placement.where}.")
    elif placement is not None and tracked:
        lines.append(f"Proposed: {placement.where}, as tracked here.")
    elif placement is not None:
        lines.append(f"Proposed: {placement.where}: {placement.text}")
    else:
        lines.append(f"Suggested language: {f.suggestion}")
    if f.sources:
        lines.append(f"Source: {f.sources[0].cited}")
    return xml_safe("\n".join(line for line in lines if line))


def _anchor(document: Document, f: Finding, placement: Placement | None) -> tuple[Paragraph | None, str]:
    """The paragraph and words a finding's comment hangs on: the words the fix replaces, else the evidence,
    else the operative paragraph the new text would follow."""
    if (
        placement is not None
        and placement.action in ("replace", "agree", "reject")
        and placement.paragraph is not None
    ):
        return document.paragraphs[placement.paragraph], placement.anchor
    if f.evidence:
        return document.paragraphs[f.evidence[0].paragraph], f.evidence[0].text
    if placement is not None:
        index = placement.like if placement.like is not None else placement.paragraph
        if index is not None:
            return document.paragraphs[index], ""
    return None, ""


def annotate_docx(
    path: Path, document: Document, report: Report, author: str, judge: Judge | None = None
) -> tuple[bytes, int]:
    import docx
    from docx.text.paragraph import Paragraph as DocxParagraph
    from docx.text.run import Run

    word = docx.Document(str(path))
    body = body_paragraphs(word.element.body)
    when = now().replace(microsecond=0)
    placements = place(report, document, judge)
    count = 0
    for f in report.findings:
        if f.verdict.value == "met":
            continue
        placement = placements.get(f.rule)
        target, words = _anchor(document, f, placement)
        if target is None:
            continue
        p = body[target.origin.index]
        runs = _anchor_runs(p, words) if words else _visible_runs(p)
        if not runs:
            continue
        parent = DocxParagraph(p, word.part)
        comment = word.add_comment(
            [Run(runs[0], parent), Run(runs[-1], parent)],
            text=comment_text(
                f,
                placement,
                mission=report.mission,
                head=count == 0,
                notes=(report.written_for, report.renewal),
            ),
            author=author,
            initials=initials(author),
        )
        comment._comment_elm.date = when
        count += 1
    buffer = io.BytesIO()
    word.save(buffer)
    from mandatekit.render.safe_package import safe

    return safe(buffer.getvalue(), path), count
