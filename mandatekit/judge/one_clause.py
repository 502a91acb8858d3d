"""The ways the elements found in a unit stand in one clause (a rule whose elements must be said together in a
clause): the leaf paragraph's clause, a lead-in's clause that governs it, a clause taking up an earlier one."""

from __future__ import annotations

from mandatekit.judge.hits import Hit
from mandatekit.judge.prepared import Prepared


def in_one_clause(
    prepared: Prepared, unit: tuple[int, ...], leaf: int, found: list[list[Hit]]
) -> list[list[list[Hit]]]:
    """The ways the elements `found` in a unit stand in one clause: in the leaf paragraph's clause, or in the
    clause of each lead-in above it that governs it. Each way lists, per element, the hits that may be cited."""
    where = unit.index(leaf)
    governing = {unit[i]: prepared.list_clause(unit[i], unit[i + 1]) for i in range(where)}
    allowed = [
        [
            h
            for h in hits
            if h.para not in governing or prepared.clause_of(h.para, h.start) == governing[h.para]
        ]
        for hits in found
    ]
    if not all(allowed):
        return []
    # Each element's hits split once: above the leaf (its lead-ins), the leaf's by clause, below it (its
    # sub-paragraphs). A way then costs its own hits, not all of them: a paragraph of thousands of clauses
    # is judged in time linear in its size.
    above = set(unit[:where])
    split: list[tuple[list[Hit], dict[int, list[Hit]], list[Hit]]] = []
    for hits in allowed:
        up: list[Hit] = []
        down: list[Hit] = []
        by_clause: dict[int, list[Hit]] = {}
        for h in hits:
            if h.para == leaf:
                by_clause.setdefault(prepared.clause_of(leaf, h.start), []).append(h)
            else:
                (up if h.para in above else down).append(h)
        split.append((up, by_clause, down))
    options = sorted({clause for _, by_clause, _ in split for clause in by_clause})

    def way_of(*clauses: int) -> list[list[Hit]]:
        return [
            [*up, *(h for c in clauses for h in by_clause.get(c, ())), *down] for up, by_clause, down in split
        ]

    ways = []
    for clause in options:
        way = way_of(clause)
        if all(way):
            ways.append(way)
    # A clause that takes up what the paragraph named before it ('..., and requests UNSOM to continue
    # supporting these efforts') stands with each earlier clause it takes up: its words and theirs are one ask.
    index = prepared.index(leaf)
    holding = set(options)
    for clause in options if index.taking_up else ():
        taker = index.taker_after(clause)
        if taker is None or taker[0] not in holding:
            continue
        number, use = taker
        way = way_of(clause, number)
        # (`clause` holds hits by construction of `options`; the taker's own words must come after its verb.)
        if all(way) and any(
            h.start > use.start for _, by_clause, _ in split for h in by_clause.get(number, ())
        ):
            ways.append(way)
    if not ways:
        without_leaf = [[h for h in hits if h.para != leaf] for hits in allowed]
        if all(without_leaf):
            ways.append(without_leaf)
    return ways
