"""Where a new paragraph goes: beside the draft's paragraph on its subject, under the heading on it, beside
the paragraph it relates to most, or at the end of the operative part (before "Decides to remain seized")."""

from __future__ import annotations

import re
from dataclasses import replace

from mandatekit.compare import DiffPiece
from mandatekit.judge import Finding
from mandatekit.read.model import Document, Paragraph
from mandatekit.read.verbs import leading_verb
from mandatekit.render.mandate import after_mandate, mandate_paragraph
from mandatekit.render.placing import Placement, Relatedness, content_words, last_descendant, top_of
from mandatekit.render.tasks import is_task_item, numbered

MAX_SUBJECT_PLACES = 2  # a subject the draft speaks of in at most this many operative paragraphs has a place
NEAREST = 3  # ... and is among this many paragraphs most related to the suggestion
MIN_RELATED = 1.0  # weighted shared words a paragraph needs to count as related (placing.Relatedness)
# New paragraphs after one paragraph ('7 bis', '7 ter', '7 quater'): past this many, the next goes beside the
# next paragraph its words point to. Nine after OP 7, up to '7 decies', is no text anyone tables (trial 12, F10).
# A group is no pile: the new paragraph that introduces a subject and those that follow it up (introducing),
# the mandate's own tasks after the mandate paragraph (mandate.py); nor is a short draft with no other place.
MAX_PILE = 3


def introducing(
    f: Finding, text: str, introduced: list[tuple[str, Placement]], related: Relatedness
) -> Placement | None:
    """The new paragraph, if any, that introduces what this suggestion speaks of and the draft never says:
    one on the same theme that shares a word no operative paragraph of the draft has ('diligence')."""
    unsaid = set(content_words(text)) - set(related.weight)
    shared = [
        (len(unsaid & set(content_words(p.text))), -n, p)
        for n, (theme, p) in enumerate(introduced)
        if theme == f.theme
    ]
    best = max(shared, default=None, key=lambda t: (t[0], t[1]))
    return best[2] if best is not None and best[0] >= 1 else None


def insertion_for(
    document: Document,
    f: Finding,
    text: str,
    operative: list[Paragraph],
    related: Relatedness,
    headings: list[Paragraph],
    seized: Paragraph | None,
    beside: Placement | None = None,
    mission: str | None = None,
    added: dict[tuple[int, int], int] | None = None,
) -> tuple[Placement, bool]:
    """Where a new paragraph goes, and whether that is beside the draft's paragraph on its subject."""
    crowded = {like for (_, like), n in (added or {}).items() if n >= MAX_PILE}
    pl, on_subject = _insert_at(
        document, f, text, operative, related, headings, seized, beside, mission, crowded
    )
    # The mandate's own tasks go after the mandate paragraph however many: a group, not a pile.
    pl = after_mandate(document, pl, mandate_paragraph(operative, mission), text, mission, on_subject)
    return numbered(document, pl, added or {}), on_subject


def _insert_at(
    document: Document,
    f: Finding,
    text: str,
    operative: list[Paragraph],
    related: Relatedness,
    headings: list[Paragraph],
    seized: Paragraph | None,
    beside: Placement | None,
    mission: str | None,
    crowded: set[int] | None = None,
) -> tuple[Placement, bool]:
    crowded = crowded or set()  # paragraphs with MAX_PILE new ones after them already
    query = set(content_words(f"{f.title} {f.theme} {f.recommendation} {f.suggestion}"))
    evidence = {e.paragraph for e in f.evidence}
    candidates = [p for p in operative if p is not seized]
    scored = [
        (related.score(p.index, query) + (2.0 if p.index in evidence else 0.0), -p.index, p)
        for p in candidates
    ]
    # A new paragraph goes beside the draft's paragraph on its subject (where the rule's topic is found: the
    # support to national forces for a condition on that support), the most related of them; only where the
    # draft never speaks of it, beside the paragraph whose words it shares most.
    # Only a paragraph of its own or one of the mission's tasks ("To ensure that any support ...") speaks of
    # the subject for this: an item of another list (the acts a sanctions regime targets) is that list's.
    # And only a paragraph on the mission itself ('Decides that UNMISS shall have the following mandate',
    # 'the SOFA ... for UNMIS'): the same subject in a sanctions measure or a demand on an armed group is
    # another part of the resolution.
    on_mission = re.compile(rf"\b(?:{re.escape(mission)}|the Mission)\b") if mission else None
    on_subject = {
        i
        for i in f.subject_at
        if ((q := document.paragraphs[i]).parent is None or is_task_item(q))
        and on_mission is not None
        and on_mission.search(top_of(document, q).text)
    }
    if len({top_of(document, document.paragraphs[i]).index for i in on_subject}) > MAX_SUBJECT_PLACES:
        on_subject = set()  # spoken of all over the draft: that says nothing of where a new paragraph goes
    # ... and among the paragraphs its words point to most: a subject word in a paragraph otherwise on
    # another matter ('the Disengagement of Forces Agreement') does not outweigh them.
    near = sorted((t[0] for t in scored), reverse=True)[:NEAREST]
    of_subject = [t for t in scored if t[2].index in on_subject and t[0] >= max(MIN_RELATED, near[-1])]
    best_score, _, best = max(of_subject or scored, default=(0.0, 0, None), key=lambda t: (t[0], t[1]))
    pieces = [DiffPiece(op="insert", text=text)]
    if not of_subject and beside is not None and beside.like is not None:
        # Nothing on its subject in the draft, but a new paragraph introduces it: with that paragraph (the
        # mitigating measures under the HRDDP after the HRDDP condition on support), not among others.
        return replace(beside, rule=f.rule, text=text, pieces=pieces), False
    is_task = leading_verb(f.suggestion) is None and f.suggestion[:3].lower() == "to "
    subject = set(content_words(f"{f.title} {f.theme}"))
    # The heading on its subject, and the paragraphs under it: where a draft repeats a heading ('Human Rights'
    # over the political paragraphs, 'Human rights' over the mission's tasks), the one whose paragraphs are
    # most related to the suggestion.
    groups = []
    for n, h in enumerate(headings):
        shared = len(subject & set(content_words(h.text)))
        end = headings[n + 1].index if n + 1 < len(headings) else len(document.paragraphs)
        members = [t for t in scored if h.index < t[2].index < end]
        if shared >= 2 and members:
            groups.append((shared, max(t[0] for t in members), -h.index, h, members))
    if groups:
        _, top_score, _, heading, under = max(groups, key=lambda g: g[:3])
        title = heading.text.rstrip(":").strip()
        same = [h for h in headings if h.text.rstrip(":").strip().lower() == title.lower()]
        # A heading on the very subject wins over a paragraph elsewhere that is not clearly more related.
        if (
            best is not None
            and best.index not in {t[2].index for t in under}
            and top_score >= 0.6 * best_score
        ):
            last_top = top_of(document, under[-1][2])
            after = last_descendant(document, last_top)
            where = f"Add under “{title}”" + (f" (after {last_top.ref})" if len(same) > 1 else "")
            return Placement(f.rule, "add", where, text, pieces, after.index,
                             like=last_top.index, heading=title), False  # fmt: skip
    if (
        best is not None
        and best_score >= MIN_RELATED
        and not is_task
        and top_of(document, best).index in crowded
    ):
        # That paragraph has its few new ones already: the next one its words point to (on its subject
        # first), however slightly, rather than a longer pile.
        free = [t for t in (of_subject or scored) if top_of(document, t[2]).index not in crowded and t[0] > 0]
        free = free or [t for t in scored if top_of(document, t[2]).index not in crowded and t[0] > 0]
        if free:  # else every paragraph it relates to has its few already: the most related, as before
            best_score, _, best = max(free, key=lambda t: (t[0], t[1]))
            best_score = max(best_score, MIN_RELATED)
    if best is not None and best_score >= MIN_RELATED:
        if is_task:
            after, like, ref = last_descendant(document, best), best, best.ref
        else:
            top = top_of(document, best)
            after, like, ref = last_descendant(document, top), top, top.ref
        placed = Placement(
            f.rule, "insert", f"Insert after {ref}", text, pieces, after.index, like=like.index
        )
        return placed, bool(of_subject)
    # Nothing related: at the end of the operative part, before "Decides to remain seized".
    tops = [p for p in candidates if p.parent is None] or [seized or operative[0]]
    last = tops[-1]
    after = last_descendant(document, last)
    before_seized = seized is not None and seized.index > last.index
    where = f"Insert before {seized.ref}" if before_seized and seized else f"Insert after {last.ref}"
    return Placement(f.rule, "insert", where, text, pieces, after.index, like=last.index), False
