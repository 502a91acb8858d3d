"""The places that meet a rule, or come closest: every unit holding all the elements of one of the rule's
conditions (the candidates), with what keeps each from being met, ranked as a careful coder would cite them.
The words each cites are chosen in judge/best_words.py; judge/one_clause.py says which stand in one clause."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mandatekit.judge.best_words import best_hit, in_own_words, in_the_item
from mandatekit.judge.hits import Hit
from mandatekit.judge.one_clause import in_one_clause
from mandatekit.judge.prepared import Prepared
from mandatekit.judge.reports import REPORTING_WORDS, about_a_report
from mandatekit.judge.standing import (
    asks_others,
    called_on_others,
    in_a_name,
    in_the_means,
    through_others_aid,
)
from mandatekit.read.model import Kind, VerbClass
from mandatekit.rulebook import Rule

# Words this near the opening of a task's ask (chars) say what the task is about; further in, they are a detail
# of it (2717 OP 34(ii)(h): 'DDR' after 350 characters on the Nairobi process and the PDDRC-S).
NEAR_OPENING = 250
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
    means: int = 0  # how many stand in the means or purpose a lead-in names for all its tasks (`in_the_item`)
    elsewhere: int = 0  # 1: not a task under a category title that names what the rule asks
    condition: int = 0  # which of the rule's ways to meet it (a rule lists the fullest first)
    whole: int = 1  # 0: a way the rule cites first (`cited_first`), the recommendation said whole
    reported: int = 0  # 1: what is asked is a report about the words, not the thing they name
    borrowed: int = 0  # how many of the words a reference lends (judge/borrowed.py)
    named: int = 0  # how many of the words asked are a word of a proper name ('the Rapid Support Forces')
    met_by_others: int = (
        0  # 1: met, by a rule that tasks the UN, only in a duty of others ('Demands that all ...')
    )
    relayed: int = 0  # 1: what the words name is served through others' assistance the UN is to coordinate
    shared: int = 0  # how many elements are found only in words that another element's words also are
    asked_of_others: bool = False  # all that is asked, asked of others than the UN (weighs `whole` only)

    def rank(self) -> tuple[int, ...]:
        """Fewest defects first; then, as a careful coder would cite: operative text, the recommendation said
        whole where the rule marks such a way (`cited_first`), the thing itself asked rather than a report about
        it, words a paragraph says itself rather than words a reference lends it, words said as what they mean
        rather than a word of a name ('support' asked, not the 'Support' of 'the Rapid Support Forces'), the
        UN's own task rather than a duty of others (the parties, States, the host Government), its own support
        rather than its help mobilizing or coordinating others' assistance for the same thing, the strongest
        verb, the task itself rather than the category title above it or the means or purpose a lead-in names
        for all its tasks, a task under a title that names the theme, each element in words of its own (a
        paragraph that says "good offices ... with a view to furthering reconciliation" before one where "good
        offices" stands for both the role and the process), the fullest way of meeting the rule (a task naming
        the crimes it prevents before a bare early warning mechanism), the words nearest the opening of their
        paragraph (what the paragraph is about, not a detail deep inside it), the fewest paragraphs, the first.
        The order among candidates never changes a verdict: the fewest defects come first whatever follows."""
        return (
            len(self.defects),
            0 if self.operative else 1,
            self.whole,
            self.reported,
            self.borrowed,
            self.named,
            self.met_by_others,
            self.relayed,
            -self.force,
            self.titles,
            self.means,
            self.elsewhere,
            self.shared,
            self.condition,
            self.depth,
            len(self.unit),
            self.unit[0],
        )


def candidates(
    prepared: Prepared, rule: Rule, hits: dict[str, list[Hit]], defects_of: Defects, un: re.Pattern[str]
) -> list[Candidate]:
    """Every unit holding all the elements of one of the rule's conditions, with what keeps it from being met
    (`un`: the UN's own bodies, judge/un_bodies.py)."""
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
                themed = False
                if own != chosen:
                    # The item's own words, cited where they keep the same defects.
                    own_defects = defects_of(rule, condition.min_verb or rule.min_verb, own, prepared)
                    if len(own_defects) == len(defects):
                        # A lead-in whose means or purpose says all that the rule asks names the theme of
                        # every task under it, as a title does.
                        themed = all(h.para != o.para for h, o in zip(chosen, own, strict=True))
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
                if themed and depth < NEAR_OPENING:
                    # A task under a lead-in that names the theme of all its tasks is cited in the order the
                    # lead-in lists them, as a task under a title is (`_titles_give_way`): the first that says
                    # the whole task, not another whose words merely open earlier.
                    depth = 0
                # Words in what a lead-in names for all its tasks, whether the unit is the lead-in alone or
                # the lead-in with one of its items.
                means = sum(bool(prepared.descendants(h.para)) and in_the_means(h, prepared) for h in chosen)
                titles = sum(prepared.is_title(h.para) for h in chosen)
                asked_of_others = all(asks_others(h, prepared, un) for h in asked)
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
                        means=means,
                        condition=number,
                        whole=0 if condition.cited_first else 1,
                        reported=int(reported),
                        borrowed=sum((h.para, h.start, h.end) in made for h in chosen),
                        named=sum(in_a_name(h, prepared) for h in asked),
                        met_by_others=int(tasks_the_un and not defects and asked_of_others),
                        relayed=int(any(through_others_aid(h, prepared) for h in chosen)),
                        shared=shared,
                        asked_of_others=asked_of_others,
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
    if any(
        not c.defects and not c.asked_of_others and not c.reported and c.depth < NEAR_OPENING for c in out
    ):
        for c in out:
            if c.asked_of_others and c.whole == 0:
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
