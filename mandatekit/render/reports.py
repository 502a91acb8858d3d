"""A request to the Secretary-General for reporting goes beside the draft's own request for his regular
reports (issue 21, round 9: the SOFA reporting request was put after the paragraph that 'notes with concern'
SOFA violations, far from 'Requests the Secretary-General to report to the Council every three months').

The draft's paragraph that asks the Secretary-General for regular reports is the one a drafter adds such an
ask to: a new paragraph right after it ('Insert after OP 47', numbered '47 bis.'), so that nothing after it
is renumbered. Which paragraph: a top-level one whose own clause requests the Secretary-General to report
(or submit, or brief) on a schedule ('every three months', 'regular', 'periodic'), the most related to the
suggestion where several do, read with the items that list the report's contents (the mission's own
reports, whose items name its mandate, before those on another framework)."""

from __future__ import annotations

import math
import re

from mandatekit.compare import DiffPiece
from mandatekit.judge import Finding
from mandatekit.read.model import Document, Kind, Paragraph
from mandatekit.render.placing import Placement, Relatedness, content_words, last_descendant

# The suggestion asks the Secretary-General for reporting in its own first clause.
_ASKS_REPORTS = re.compile(r"^Requests\s+the\s+Secretary-General\s+to\s+(?:report|include|brief)\b", re.I)
# The draft's paragraph asking him for regular reports: his request, a report, and a schedule.
_REGULAR_REPORTS = re.compile(
    r"^(?:\w+\s+){0,2}?requests\s+the\s+Secretary-General\b[^;]{0,200}?\b(?:report|submit|brief)\w*\b"
    r"[^;]{0,200}?\b(?:every\s+\w+\s+(?:days|weeks|months?)|regular(?:ly)?|periodic(?:ally)?|quarterly|"
    r"monthly|annual(?:ly)?)\b",
    re.IGNORECASE,
)


def beside_reports(document: Document, f: Finding, text: str, related: Relatedness) -> Placement | None:
    """'Insert after OP 47': a suggestion that requests the Secretary-General to report, placed right after
    the draft's paragraph requesting his regular reports; None where either is not so."""
    if not _ASKS_REPORTS.match(" ".join(text.split())):
        return None
    tops = [
        p
        for p in document.paragraphs
        if p.kind is Kind.operative and p.parent is None and p.label and _REGULAR_REPORTS.search(p.text)
    ]
    if not tops:
        return None
    query = set(content_words(f"{f.title} {f.theme} {f.suggestion}"))

    def score(p: Paragraph) -> float:
        # A report's contents are its items ("including: – information on the implementation of the mandate"):
        # the lead-in alone says only that a report is asked.
        last = last_descendant(document, p).index
        words = set().union(*(related.bags.get(i, set()) for i in range(p.index, last + 1)))
        return math.fsum(related.weight.get(w, 0.0) for w in words & query)

    best = max(tops, key=lambda p: (score(p), -p.index))
    after = last_descendant(document, best)
    return Placement(f.rule, "insert", f"Insert after {best.ref}", text, [DiffPiece(op="insert", text=text)],
                     after.index, like=best.index)  # fmt: skip
