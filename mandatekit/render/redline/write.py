"""`mandatekit redline`: a copy of the Word draft with each suggestion put in its place (render/placement.py)
as a real tracked change by "mandatekit", and the comment that explains it on the same words.

- A replaced paragraph is a word-level redline: only the words that change are deleted (`w:del`) or
  inserted (`w:ins`); the inserted words take the formatting of the words they replace (an italic verb
  stays italic).
- An inserted paragraph copies the paragraph properties of the operative paragraph it follows; the
  paragraph break before it is a tracked insertion (as Word records Enter typed at the end of a paragraph,
  redline/inserted.py), so Accept All keeps it and Reject All removes it without trace. Between two paragraphs it is typed "3 bis.", as negotiators do, outside Word's list (an explicit
  numId 0, also where the list comes from a paragraph style such as "List Number"), so nothing is
  renumbered; only after the list's last paragraph does it take Word's next number.
- The draft's own tracked changes and comments are kept: text they inserted may be deleted by a tracked
  deletion inside them (as Word does), never rewritten.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from mandatekit.clock import now
from mandatekit.judge import Finding, Report
from mandatekit.read.docx import W, body_paragraphs
from mandatekit.read.model import Document
from mandatekit.read.structure_labels import LATIN
from mandatekit.render.accepted import Judge, inside_first
from mandatekit.render.placement import Placement, place
from mandatekit.render.redline.inserted import as_typed, insert_paragraph, typed_label
from mandatekit.render.redline.tracked import Revisions, comment_range, redline_paragraph


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

    from mandatekit.render.annotate import comment_text, initials

    word = docx.Document(str(path))
    body = body_paragraphs(word.element.body)
    revisions = Revisions(word.element, author)
    placements = place(report, document, judge, previous=previous)
    findings = {f.rule: f for f in report.findings}
    author_initials = initials(author)
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
            changed = redline_paragraph(p, target.text, placement, revisions)
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
            typed = typed_label(like, like_para.label) or (
                like_para.numbered_by_word
                and placement.number is not None
                and placement.number.split()[-1].strip("().") in LATIN
            )
            number = as_typed(like, like_para.label, placement.number)
            host = insert_paragraph(after, like, placement.text, number, typed, revisions, word)
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
            initials=author_initials,
        )
        comment._comment_elm.date = when
        comment_range(host, first, last, comment.comment_id)
        count += 1
    count += _correct_references(word, body, document, placements, revisions, author, author_initials, when)
    buffer = io.BytesIO()
    word.save(buffer)
    from mandatekit.render.safe_package import safe

    return safe(buffer.getvalue(), path), count


def _correct_references(word: Any, body: list[Any], document: Document, placements: dict[str, Placement],
                        revisions: Revisions, author: str, initials: str, when: Any) -> int:  # fmt: skip
    """The draft's typed references to paragraphs that Word renumbers once the new ones are accepted,
    corrected as tracked changes with a comment (render/crossrefs.py). Not where the draft types its own
    numbers (new paragraphs are "3 bis" there: nothing moves), nor in a paragraph another fix rewrites."""
    from mandatekit.render.crossrefs import renumbered

    tops = [pl for pl in placements.values() if pl.action in ("insert", "add") and pl.like is not None
            and document.paragraphs[pl.like].parent is None]  # fmt: skip
    if not tops or any(
        typed_label(body[document.paragraphs[pl.like].origin.index], document.paragraphs[pl.like].label)  # type: ignore[index]
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
        changed = redline_paragraph(p, target.text, fix, revisions)
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
        comment_range(p, ordered[0], ordered[-1], comment.comment_id)
        count += 1
    return count
