"""Each finding's fix as every output proposes it: where the suggestion goes and what it reads.

The memo and web page place each suggestion in the draft (render/placement.py): a bracket to agree, a
paragraph to amend, a new paragraph after OP 5. `check` (table, Markdown, JSON) once printed the rule's
suggestion as it stands instead, so the terminal proposed a new paragraph where the memo said "Agree the
bracketed text in OP 11" (trial 12, F9). Here the same placement becomes the finding's `fix`, and the memo's
note for a fix with no words of its own is the one sentence every output uses.
"""

from __future__ import annotations

from mandatekit.judge import Finding, Report
from mandatekit.judge.report import Fix
from mandatekit.read.model import Document
from mandatekit.render.accepted import Judge
from mandatekit.render.placement import Placement, place


def met_notes(f: Finding) -> list[str]:
    """What a drafter must still act on in a met finding: support a paragraph gives without the condition
    the rule puts on it ("OP 5 gives support without compliance with the HRDDP as the condition ... Add ', in
    strict compliance with the HRDDP' to OP 5"), which another paragraph's "any support" does not undo (trial
    15 F2). The other reasons of a met finding explain the verdict; they are no task and stay out of sight.
    Said from the finding's fields (`unconditioned`, ...), as the judge says it in `reasons`."""
    from mandatekit.judge.messages import unconditioned

    if f.verdict.value != "met" or not f.unconditioned:
        return []
    given = [(u.ref, u.words) for u in f.unconditioned]
    return [unconditioned(given, f.condition_label, f.condition_words)]


def note_of(placement: Placement | None) -> str:
    """What a fix that proposes no words of its own does, in a sentence ('' for one that proposes words)."""
    if placement is not None and placement.action in ("agree", "reject"):
        what = "Agreeing it" if placement.action == "agree" else "Rejecting it"
        words = "bracketed" if placement.action == "agree" else "concerned"
        return f"{what} {placement.secures}. The words {words}: “{placement.text}”."
    if placement is not None and placement.action == "covered":
        return (
            "No language of its own: the language proposed for that gap also meets this recommendation "
            "(checked by judging the draft again with it)."
        )
    return ""


def fix_of(placement: Placement, document: Document) -> Fix:
    note = note_of(placement)
    at = placement.paragraph
    ref = document.paragraphs[at].ref if at is not None and 0 <= at < len(document.paragraphs) else None
    return Fix(
        action=placement.action,
        where=placement.where,
        paragraph=ref or None,
        text="" if note else placement.text,
        note=note,
    )


# Placing judges the draft again once per fix: on a text far past any resolution's size (the longest in the
# corpus: about 220,000 characters, a few hundred paragraphs) that would make `check` take minutes. There the
# findings have no `fix` (the memo still places them).
PLACE_MAX_CHARS = 250_000
PLACE_MAX_PARAGRAPHS = 1_000


def placeable(document: Document) -> bool:
    return (
        len(document.paragraphs) <= PLACE_MAX_PARAGRAPHS
        and sum(len(p.text) for p in document.paragraphs) <= PLACE_MAX_CHARS
    )


def with_fixes(
    report: Report, document: Document, judge: Judge, placed: dict[str, Placement] | None = None
) -> Report:
    """`report` with each gap's `fix`: placed, and re-judged in place, as the memo places it (none on a text
    too long to place them in a check: `placeable`). `placed`: the placements the memo context of this report
    and document made already (its "placed"): `place` of a report decided or not gives the same, as placing
    reads no decision."""
    if not placeable(document):
        return report
    placements = place(report, document, judge) if placed is None else placed
    findings: list[Finding] = [
        f.model_copy(update={"fix": fix_of(placements[f.rule], document)}) if f.rule in placements else f
        for f in report.findings
    ]
    return report.model_copy(update={"findings": findings})
