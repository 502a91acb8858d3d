"""Which words a finding cites: the elements of a condition found together in one unit, the best of them, and
the clause quoted around them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mandatekit.judge.hits import Hit
from mandatekit.judge.prepared import Prepared
from mandatekit.judge.report import Evidence
from mandatekit.judge.reports import REPORTING_WORDS, about_a_report
from mandatekit.judge.standing import asks_others, called_on_others, in_a_name, in_the_means
from mandatekit.read.model import Kind, Paragraph, VerbClass
from mandatekit.rulebook import Rule

# Words this near the opening of a task's ask (chars) say what the task is about; further in, they are a detail
# of it (2717 OP 34(ii)(h): 'DDR' after 350 characters on the Nairobi process and the PDDRC-S).
NEAR_OPENING = 250
MAX_CONTEXT = 5000  # characters of a clause quoted as evidence context, at most (real ones: 2,300)
Defects = Callable[[Rule, VerbClass, list[Hit], Prepared], list[str]]


@dataclass
class Candidate:
    """A condition's elements found together in one unit, with what keeps them from being met."""

    hits: list[Hit]
    defects: list[str]
    unit: tuple[int, ...]
    operative: bool
    force: int = 0  # the weakest verb governing what is asked (a call the UN is to make on others: a call)
    depth: int = 0  # how far past the opening of its paragraph's ask the last of the words stands (chars)
    titles: int = 0  # how many of the words stand only in a category title above the tasks
    elsewhere: int = 0  # 1: not a task under a category title that names what the rule asks
    condition: int = 0  # which of the rule's ways to meet it (a rule lists the fullest first)
    whole: int = 1  # 0: a way the rule cites first (`cited_first`), the recommendation said whole
    reported: int = 0  # 1: what is asked is a report about the words, not the thing they name
    borrowed: int = 0  # how many of the words a reference lends (judge/borrowed.py)
    named: int = 0  # how many of the words asked are a word of a proper name ('the Rapid Support Forces')
    others: int = 0  # 1: met, but all that is asked is asked of others than the UN ('Demands that all ...')
    shared: int = 0  # how many elements are found only in words that another element's words also are
    by_others: bool = False  # all that is asked, asked of others than the UN (weighs `whole` only)

    def rank(self) -> tuple[int, ...]:
        """Fewest defects first; then, as a careful coder would cite: operative text, the recommendation said
        whole where the rule marks such a way (`cited_first`), the thing itself asked rather than a report
        about it, words a paragraph says itself rather than words a reference lends it, words said as what they
        mean rather than a word of a name ('support' asked, not the 'Support' of 'the Rapid Support Forces'),
        the UN's own task rather than a duty of others (the parties, States, the host Government), the strongest
        verb, the task itself rather than the category title above it, a task under a
        title that names the theme, each element in words of its own (a paragraph that says "good offices
        ... with a view to furthering reconciliation" before one where "good offices" stands for both the role
        and the process), the fullest way of meeting the rule (a task naming the crimes it prevents before a
        bare early warning mechanism), the words nearest the opening of their paragraph (what the paragraph
        is about, not a detail deep inside it), the fewest paragraphs, the first. The order among candidates
        never changes a verdict: the fewest defects come first whatever follows."""
        return (
            len(self.defects),
            0 if self.operative else 1,
            self.whole,
            self.reported,
            self.borrowed,
            self.named,
            self.others,
            -self.force,
            self.titles,
            self.elsewhere,
            self.shared,
            self.condition,
            self.depth,
            len(self.unit),
            self.unit[0],
        )


def _quality_key(h: Hit, prepared: Prepared) -> tuple[int, int, int, bool, bool]:
    """The words' place, and whether a reference lent them (judge/borrowed.py): weighed once for all rules."""
    return (h.para, h.start, h.end, h.bracketed, (h.para, h.start, h.end) in prepared.borrowed.made)


def _quality(h: Hit, prepared: Prepared) -> tuple[int, int, int, int, int, int]:
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
    return min(hits, key=lambda h: _quality(h, prepared))


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
        others = [o for j, hits in enumerate(found) if j != i and asked[j] for o in hits]
        own = [
            alt
            for alt in found[i]
            if prepared.qualities.get(_quality_key(alt, prepared), quality) == quality
            and not any(_overlap(alt, o) for o in others)
        ]
        if not own:
            shared += 1
        elif any(_within(h, o) for o in others):
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
        quality = _quality(h, prepared)[:-1]  # all but the place
        mine = [alt for alt in found[i] if alt.para not in above and _quality(alt, prepared)[:-1] == quality]
        if not mine:
            # Only where the item says the whole task: an element the lead-in alone names keeps it cited.
            return chosen
        out[i] = min(mine, key=lambda alt: _quality(alt, prepared))
    return out


def candidates(
    prepared: Prepared, rule: Rule, hits: dict[str, list[Hit]], defects_of: Defects
) -> list[Candidate]:
    """Every unit holding all the elements of one of the rule's conditions, with what keeps it from being met."""
    paragraphs = prepared.paragraphs
    units = prepared.units(rule.together)
    by_para: dict[str, dict[int, list[Hit]]] = {}
    for name, found in hits.items():
        index = by_para.setdefault(name, {})
        for h in found:
            index.setdefault(h.para, []).append(h)
    unit_of = prepared.units_by_paragraph(rule.together)
    by_clause = rule.together == "clause"
    leaves = prepared.unit_leaves(rule.together) if by_clause else []
    unit_leaf = [] if by_clause else prepared.unit_leaves(rule.together)
    made = prepared.borrowed.made
    # A rule that asks at least 'Requests' language asks a task of the UN: there a duty of others that meets it
    # (by a way of its own, 'calls' language, or a decision binding the authorities) is cited after the UN's own
    # task. A rule met by a call on others (access, accountability) cites the call as it cites a task; and where
    # nothing meets the rule, what comes closest is weighed as before.
    tasks_the_un = rule.min_verb.strength >= VerbClass.requests.strength
    out = []
    for number, condition in enumerate(rule.met):
        rarest = min(condition.all, key=lambda n: len(hits[n]))
        # Only units holding the rarest element can hold them all: visit those, in document order.
        for u in sorted({u for h in hits[rarest] for u in unit_of.get(h.para, ())}):
            unit = units[u]
            found = [[h for p in unit for h in by_para[name].get(p, ())] for name in condition.all]
            if not all(found):
                continue
            leaf = leaves[u] if by_clause else unit_leaf[u]
            for here in in_one_clause(prepared, unit, leaves[u], found) if by_clause else [found]:
                chosen = [best_hit(h, prepared) for h in here]
                defects = defects_of(rule, condition.min_verb or rule.min_verb, chosen, prepared)
                own = in_the_item(chosen, here, leaf, prepared)
                if own != chosen:
                    # The item's own words, cited where they keep the same defects.
                    own_defects = defects_of(rule, condition.min_verb or rule.min_verb, own, prepared)
                    if len(own_defects) == len(defects):
                        chosen, defects = own, own_defects
                apart, shared = in_own_words(
                    chosen, here, prepared, [not rule.searched[n].topic for n in condition.all]
                )
                if apart != chosen:
                    # Other words of the same quality, cited where they keep the same defects.
                    apart_defects = defects_of(rule, condition.min_verb or rule.min_verb, apart, prepared)
                    if len(apart_defects) == len(defects):
                        chosen, defects = apart, apart_defects
                is_operative = all(paragraphs[h.para].kind is Kind.operative for h in chosen)
                asked = [h for h in chosen if not rule.searched[h.element].topic] or chosen
                force = min(_strength(prepared.verb_at(h.para, h.start)[0]) for h in asked)
                if force > VerbClass.calls.strength and any(called_on_others(h, prepared) for h in asked):
                    force = VerbClass.calls.strength  # the UN asked to call on others: their duty, called for
                depth = max(h.start - _ask_opens(prepared, h) for h in chosen)
                titles = sum(prepared.is_title(h.para) for h in chosen)
                by_others = all(asks_others(h, prepared) for h in asked)
                reported = not any(
                    REPORTING_WORDS.search(prepared.paragraphs[h.para].text, h.start, h.end) for h in chosen
                ) and any(about_a_report(h, prepared) for h in asked)
                out.append(
                    Candidate(
                        chosen,
                        defects,
                        unit,
                        is_operative,
                        force,
                        depth,
                        titles,
                        condition=number,
                        whole=0 if condition.cited_first else 1,
                        reported=int(reported),
                        borrowed=sum((h.para, h.start, h.end) in made for h in chosen),
                        named=sum(in_a_name(h, prepared) for h in asked),
                        others=int(tasks_the_un and not defects and by_others),
                        shared=shared,
                        by_others=by_others,
                    )
                )
    _whole_gives_way(out)
    return _titles_give_way(out, prepared) if any(c.titles for c in out) else out


def _whole_gives_way(out: list[Candidate]) -> None:
    """The recommendation said whole (`cited_first`) in a report asked about it, or in a demand on others, is
    cited first among its kind, not before what is asked itself: tasks a report's recommendations are to take
    into account ('(d) To ensure the security and freedom of movement of United Nations personnel') after the
    parties' duty to guarantee it; 'urges all parties to facilitate the delivery ...' after the UN's own task
    about the matter ('Requests the Secretary-General to ... facilitate the delivery of humanitarian
    assistance'). Where the UN is asked only for a report, or not at all, the demand said whole comes first."""
    if any(not c.defects and not c.reported for c in out):
        for c in out:
            if c.reported and c.whole == 0:
                c.whole = 1
    if any(not c.defects and not c.by_others and not c.reported and c.depth < NEAR_OPENING for c in out):
        for c in out:
            if c.by_others and c.whole == 0:
                c.whole = 1


def _titles_give_way(out: list[Candidate], prepared: Prepared) -> list[Candidate]:
    """A category title names what the tasks under it are about, and a coder cites the task: words in a
    title count against a candidate where a task under that title holds the elements itself, and such a task
    comes before the words found elsewhere, the first task first. A title whose tasks never say it ('(d) Facilitate the delivery of
    humanitarian assistance') is cited as it stands."""
    about = {h.para for c in out if c.titles for h in c.hits if prepared.is_title(h.para)}
    # Title paragraph → the fewest defects of a candidate under it that finds nothing in it.
    covered: dict[int, int] = {}
    for c in out:
        in_hits = {h.para for h in c.hits}
        # The titles over the task: its lead-ins, and a typed heading beside it that files it (not in the unit).
        over = dict.fromkeys([*c.unit, *(t for p in in_hits for t in prepared.titles_over(p))])
        under = [p for p in over if p in about and p not in in_hits]
        for p in under:
            covered[p] = min(covered.get(p, len(c.defects)), len(c.defects))
        c.elsewhere = 0 if under or in_hits & about else 1
        # The tasks under a title in the order the title lists them (the first says it), but a task that names
        # the theme only deep inside it comes after those that open with it.
        if under and c.depth < NEAR_OPENING:
            c.depth = 0
    for c in out:
        if c.titles:
            c.titles = sum(
                1
                for h in c.hits
                if prepared.is_title(h.para) and covered.get(h.para, len(c.defects) + 1) <= len(c.defects)
            )
    return out


def _ask_opens(prepared: Prepared, h: Hit) -> int:
    """Where a paragraph's ask opens, for the words `h`: at its first verb that asks something ('encourages'
    language or stronger), where that verb stands before the words. What comes before it under a verb that
    asks nothing (a reaffirmation of the law, a condemnation, a welcome) is the setting of the ask: in
    'Reaffirms the obligations of the parties ..., demands that they allow, facilitate and enable ...
    delivery', the demand opens the paragraph's ask. A paragraph that asks from its first verb is measured
    from its opening as before."""
    for use in prepared.paragraphs[h.para].verbs:
        if use.verb_class.strength > VerbClass.notes.strength:
            return use.start if use.start <= h.start else 0
    return 0


def _strength(verb_class: VerbClass | None) -> int:
    return verb_class.strength if verb_class else 0


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


def in_insertion(para: Paragraph, start: int, end: int) -> bool:
    """The words stand wholly in a pending tracked insertion (read as accepted, not yet agreed)."""
    return any(c.kind == "insert" and c.start <= start and end <= c.end for c in para.changes)


def quote(hits: list[Hit], rule: Rule, prepared: Prepared) -> list[Evidence]:
    out = []
    for h in sorted(hits, key=lambda h: (h.para, h.start)):
        para, index = prepared.paragraphs[h.para], prepared.index(h.para)
        c_start = index.clause_start(h.start)
        c_end = index.semicolon_from(h.end)
        c_end = c_end + 1 if c_end >= 0 else len(para.text)
        # A clause of a page or more (a wall of text without a semicolon) is quoted around the words only.
        if c_end - c_start > MAX_CONTEXT:
            c_start = max(c_start, h.start - MAX_CONTEXT // 2)
            c_end = min(c_end, max(h.end, c_start + MAX_CONTEXT))
        context = para.text[c_start:c_end].strip()
        out.append(
            Evidence(
                element=h.element,
                label=rule.searched[h.element].label,
                ref=para.ref or "",
                part=para.part,
                text=para.text[h.start : h.end],
                start=h.start,
                end=h.end,
                paragraph=h.para,
                context=context,
            )
        )
    return out


def hedges_of(hits: list[Hit], prepared: Prepared) -> list[str]:
    """The hedges that qualify the words found. A hedge that qualifies another task of the clause the words stand
    in ("..., and to update the plan as appropriate, in full compliance with the HRDDP") leaves them unhedged
    (`cues.hedge_reach`); a hedge of another clause is reported with that clause named, as before."""
    found: dict[str, None] = {}
    for para_index in dict.fromkeys(h.para for h in hits):
        here = [h for h in hits if h.para == para_index]
        found.update(
            dict.fromkeys(
                words
                for words, start, end, a, b in prepared.hedges(para_index)
                if any(h.start < end and start < h.end for h in here)
                or not any(h.start < b and a < h.end for h in here)
            )
        )
    return list(found)


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
            quality = _quality(h, prepared)
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
