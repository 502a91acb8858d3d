"""The words a partial finding cites when no unit holds all of a way to meet the rule: one of the rule's
partial element sets, in the place that holds the most of what meeting it asks."""

from __future__ import annotations

from mandatekit.judge.best_words import best_hit, hit_quality
from mandatekit.judge.hits import Hit
from mandatekit.judge.prepared import Prepared


def partial_set(
    prepared: Prepared,
    names: list[str],
    hits: dict[str, list[Hit]],
    together: str,
    fuller: list[list[str]] | None = None,
) -> list[Hit]:
    """Hits for a partial element set: one element anywhere; several together in one unit (a paragraph with
    its lead-in and sub-paragraphs), as for a met condition.

    Where the set stands in several places, a careful drafter cites the one that holds the most of what meeting
    the rule asks (`fuller`: the elements of each way to meet it): the mission's task to "monitor, investigate
    and report publicly" on violations, which lacks only the actors it covers, not a task on returns that
    mentions monitoring of human rights. That is the paragraph a fix amends. Among places equally full, the
    words under the strongest verb, then the first, as before."""
    extra = [[n for n in way if n not in names] for way in fuller or []]
    extra = [way for way in extra if way]
    # Where each other element stands: its paragraph, and in clause mode its clause.
    by_clause = together == "clause"
    standing: dict[str, set[tuple[int, int]]] = {}
    for n in {n for way in extra for n in way}:
        standing[n] = {(h.para, prepared.clause_of(h.para, h.start) if by_clause else 0) for h in hits[n]}

    def fullness(found: list[Hit]) -> int:
        if not extra or together == "document":
            return 0
        places = {(h.para, prepared.clause_of(h.para, h.start) if by_clause else 0) for h in found}
        return max(sum(1 for n in way if places & standing[n]) for way in extra)

    if len(names) == 1:
        found = hits[names[0]]
        if len(found) <= 1 or not extra:
            return [best_hit(found, prepared)] if found else []

        def rank(h: Hit) -> tuple[int, ...]:
            quality = hit_quality(h, prepared)
            # Not bracketed or negated, said by the paragraph itself, no word of a name, the strongest verb; then
            # the fullest.
            return (*quality[:4], -fullness([h]), quality[4], quality[5])

        return [min(found, key=rank)]
    # Only units holding the rarest element can hold them all: visit those, in document order.
    by_para: dict[str, dict[int, list[Hit]]] = {n: {} for n in names}
    for n in names:
        for h in hits[n]:
            by_para[n].setdefault(h.para, []).append(h)
    units, unit_of = prepared.units(together), prepared.units_by_paragraph(together)
    rarest = min(names, key=lambda n: len(hits[n]))
    best: tuple[int, list[Hit]] | None = None
    for u in sorted({u for h in hits[rarest] for u in unit_of.get(h.para, ())}):
        members = sorted(units[u])  # hits in document order, as in hits[n]
        here = [[h for p in members for h in by_para[n].get(p, ())] for n in names]
        if all(here):
            chosen = [best_hit(h, prepared) for h in here]
            full = fullness(chosen)
            if best is None or full > best[0]:
                best = (full, chosen)
            if not extra:
                break
    return best[1] if best else []
