"""Which words of an element a finding cites, among the places a unit holds it: the best placed (not bracketed or
negated, said by the paragraph itself, not a word of a name, under the strongest verb, in a task rather than a
title), each element in words of its own, the item's own words rather than the means its lead-in names."""

from __future__ import annotations

from mandatekit.judge.hits import Hit
from mandatekit.judge.prepared import Prepared
from mandatekit.judge.standing import in_a_name, in_the_means


def _quality_key(h: Hit, prepared: Prepared) -> tuple[int, int, int, bool, bool]:
    """The words' place, and whether a reference lent them (judge/borrowed.py): weighed once for all rules."""
    return (h.para, h.start, h.end, h.bracketed, (h.para, h.start, h.end) in prepared.borrowed.made)


def hit_quality(h: Hit, prepared: Prepared) -> tuple[int, int, int, int, int, int]:
    """How well words stand as evidence, best first: not bracketed or negated, words a paragraph says itself
    before words a reference lends it (what the referenced paragraphs say is cited where they say it), words
    said as what they mean before a word of a name (`in_a_name`), under the strongest verb, a task rather than
    the category title above it, the first."""
    # The same words are weighed for every unit that holds them, and for every rule that finds them.
    key = _quality_key(h, prepared)
    found = prepared.qualities.get(key)
    if found is None:
        verb_class, _ = prepared.verb_at(h.para, h.start)
        found = prepared.qualities[key] = (
            int(h.bracketed) + int(prepared.negation(h) is not None),
            int(key[4]),
            int(in_a_name(h, prepared)),
            -(verb_class.strength if verb_class else 0),
            int(prepared.is_title(h.para)),  # the task under a category title, not the title
            h.para,
        )
    return found


def best_hit(hits: list[Hit], prepared: Prepared) -> Hit:
    if len(hits) == 1:
        return hits[0]
    return min(hits, key=lambda h: hit_quality(h, prepared))


def _overlap(a: Hit, b: Hit) -> bool:
    return a.para == b.para and a.start < b.end and b.start < a.end


def _within(a: Hit, b: Hit) -> bool:
    """The words `a` are all words of `b`: the same words, or a part of them."""
    return a.para == b.para and b.start <= a.start and a.end <= b.end


def in_own_words(
    chosen: list[Hit], found: list[list[Hit]], prepared: Prepared, asked: list[bool] | None = None
) -> tuple[list[Hit], int]:
    """The chosen hits with each element in words of its own where the unit has them: a hit whose words
    another element's words also are ('good offices' as the role and as the process) gives way to another hit
    of its element, of the same quality (`best_hit`), that no other element's words overlap. Words that only
    hold another element's word ('mediation and reconciliation processes at ... local levels', the process,
    holds 'mediation', a role) say more than it, and stay. Returns the hits and how many elements have no
    words in the unit that no other element's words overlap.
    Only the elements `asked` are weighed so: a topic names what the asked words are about, and may be said in
    the same words (a court's name is the justice asked and the crimes it tries)."""
    chosen = list(chosen)
    asked = asked or [True] * len(chosen)
    shared = 0
    for i, h in enumerate(chosen):
        if not asked[i]:
            continue
        quality = prepared.qualities.get(_quality_key(h, prepared))
        other_elements = [o for j, hits in enumerate(found) if j != i and asked[j] for o in hits]
        own = [
            alt
            for alt in found[i]
            if prepared.qualities.get(_quality_key(alt, prepared), quality) == quality
            and not any(_overlap(alt, o) for o in other_elements)
        ]
        if not own:
            shared += 1
        elif any(_within(h, o) for o in other_elements):
            chosen[i] = own[0]
    return chosen, shared


def in_the_item(chosen: list[Hit], found: list[list[Hit]], leaf: int, prepared: Prepared) -> list[Hit]:
    """The chosen hits with the elements found in the means a lead-in names for all its tasks (`in_the_means`)
    said instead in the item's own words where it says them all, as well weighed but for their place: the
    lead-in's 'including through the use of the good offices and political support of the Special
    Representative' is how every priority under it is pursued, the item ('(a) Support an inclusive political
    dialogue and national reconciliation process') is the task a coder cites. Words that are the lead-in's
    own ask ('Provide good offices and strategic advice ... to:', 'demands that all parties allow ... access
    ... by:', 'shall be to support implementation of the Agreement, including by performing the following
    tasks:') stay cited: the items complete or detail them."""
    if leaf < 0:
        return chosen
    above = set(prepared.ancestors(prepared.paragraphs[leaf]))
    if not any(h.para in above for h in chosen):
        return chosen
    out = list(chosen)
    for i, h in enumerate(chosen):
        if h.para not in above:
            continue
        if not in_the_means(h, prepared):
            return chosen
        quality = hit_quality(h, prepared)[:-1]  # all but the place
        mine = [
            alt for alt in found[i] if alt.para not in above and hit_quality(alt, prepared)[:-1] == quality
        ]
        if not mine:
            # Only where the item says the whole task: an element the lead-in alone names keeps it cited.
            return chosen
        out[i] = min(mine, key=lambda alt: hit_quality(alt, prepared))
    return out
