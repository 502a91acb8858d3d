"""A document made ready for judging against many rules: what every rule asks of it, found once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mandatekit.judge.acronyms import means_otherwise, spelt_out
from mandatekit.judge.borrowed import Borrowed
from mandatekit.judge.clauses import ParagraphIndex, ParagraphUnits, list_clause
from mandatekit.judge.cues import first_negation, hedge_spans, is_conditional, qualifier_spans
from mandatekit.judge.forces import Setting, forces_outside_un_command
from mandatekit.judge.search import TextSearch
from mandatekit.read.model import Document, Paragraph, VerbClass, VerbUse
from mandatekit.textnorm import for_matching

if TYPE_CHECKING:
    from mandatekit.judge.hits import Hit


class Prepared(TextSearch):
    """A document made ready for judging against many rules: matching text built once, and the answers
    about its paragraphs (clauses, verbs, negations, hedges) kept for every rule that asks again."""

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.with_brackets = {p.index for p in self.judged if p.brackets}  # paragraphs with bracketed text
        self._paragraph_units = ParagraphUnits(self.paragraphs, self.judged)
        self._negations: dict[tuple[int, int], str | None] = {}
        self._first_negation: dict[tuple[int, int, int], tuple[int, str] | None] = {}
        self._index: dict[int, ParagraphIndex] = {}  # built for the paragraphs that have hits
        self._conditional: dict[tuple[int, int, int], bool] = {}  # (paragraph, clause start, end)
        self._hedges: dict[int, list[tuple[str, int, int, int, int]]] = {}
        self._qualifiers: dict[int, list[tuple[int, int, str]]] = {}
        self._list_clauses: dict[tuple[int, int], int] = {}
        self._forces: dict[Setting, list[tuple[int, int, int]]] = {}
        self.qualities: dict[
            tuple[int, int, int, bool, bool], tuple[int, int, int, int, int, int]
        ] = {}  # see `best_words.hit_quality`
        self._borrowed: Borrowed | None = None
        self._spelt_out: dict[str, list[str]] = {}  # acronym -> the words the text spells it out as

    @property
    def borrowed(self) -> Borrowed:
        """The draft's references to its own paragraphs, read with the words they name (built when first asked)."""
        if self._borrowed is None:
            self._borrowed = Borrowed(self)
        return self._borrowed

    def means_otherwise(self, acronym: str, phrase: str) -> bool:
        """Whether the text spells the acronym out (in any paragraph, headings and annexes included) only as
        words that `phrase` does not match: then it means something else by it (judge/acronyms.py)."""
        if acronym not in self._spelt_out:
            texts = (for_matching(p.text) for p in self.paragraphs)
            self._spelt_out[acronym] = spelt_out(texts, acronym)
        return means_otherwise(self._spelt_out[acronym], phrase)

    def forces_outside_un_command(self, setting: Setting) -> list[tuple[int, int, int]]:
        """(paragraph, start, end) of the forces outside UN command the draft names (`judge.forces`), read
        once for each mission and host."""
        if setting not in self._forces:
            texts = {p.index: p.text for p in self.judged}
            self._forces[setting] = forces_outside_un_command(texts, setting)
        return self._forces[setting]

    def index(self, para: int) -> ParagraphIndex:
        """Sorted positions in one paragraph, so that every question about a hit costs a bisection, not a
        scan of the paragraph: a 20 MB single paragraph is judged in time linear in its size."""
        if para not in self._index:
            self._index[para] = ParagraphIndex(self.paragraphs[para])
        return self._index[para]

    def units(self, together: str = "paragraph") -> list[tuple[int, ...]]:
        """See `ParagraphUnits.units`."""
        return self._paragraph_units.units(together)

    def unit_leaves(self, together: str) -> list[int]:
        """See `ParagraphUnits.leaves`."""
        return self._paragraph_units.leaves(together)

    def clause_of(self, para: int, pos: int) -> int:
        """The number of the verb clause of a paragraph that holds `pos`."""
        return self.index(para).clause_of(pos)

    def list_clause(self, lead_in: int, item: int) -> int:
        """The clause of a lead-in that governs an item under it."""
        key = (lead_in, item)
        found = self._list_clauses.get(key)
        if found is None:
            starts = self.index(lead_in).clauses
            found = self._list_clauses[key] = list_clause(
                self.paragraphs[lead_in], self.paragraphs[item], starts
            )
        return found

    def is_title(self, para: int) -> bool:
        """See `ParagraphUnits.is_title`."""
        return self._paragraph_units.is_title(para)

    def titles_over(self, para: int) -> list[int]:
        """See `ParagraphUnits.titles_over`."""
        return self._paragraph_units.titles_over(para)

    def units_by_paragraph(self, together: str = "paragraph") -> dict[int, list[int]]:
        """See `ParagraphUnits.units_by_paragraph`."""
        return self._paragraph_units.units_by_paragraph(together)

    def ancestors(self, p: Paragraph) -> list[int]:
        return self._paragraph_units.ancestors(p)

    def descendants(self, index: int) -> list[int]:
        return self._paragraph_units.descendants(index)

    def verb_use_at(self, para: int, pos: int) -> VerbUse | None:
        """The verb governing the words at `pos` of a paragraph, as the reader found it."""
        return self.index(para).verb_use_at(pos)

    def verb_at(self, para: int, pos: int) -> tuple[VerbClass | None, str | None]:
        """The class and words of the verb governing `pos`: the one found there, else the paragraph's."""
        return self._class_and_words(para, self.index(para).verb_use_at(pos))

    def _class_and_words(self, para: int, use: VerbUse | None) -> tuple[VerbClass | None, str | None]:
        """A verb found in the paragraph, else the paragraph's own (its opening verb, or the one it inherits)."""
        p = self.paragraphs[para]
        return (use.verb_class, use.verb) if use else (p.verb_class, p.verb)

    def force_at(self, para: int, pos: int) -> tuple[VerbClass | None, str | None]:
        """The class and words of the verb whose force the words at `pos` carry (`ParagraphIndex.force_use_at`):
        the one governing them, or a stronger one that sums them up later in their clause. It decides whether
        they are asked with force enough; the evidence cited is still ranked by the verb governing the words
        (a paragraph that asks for them in its own words is cited before one that sums them up)."""
        return self._class_and_words(para, self.index(para).force_use_at(pos))

    def taken_up(self, hit: Hit, together: list[Hit]) -> VerbUse | None:
        """The verb of a later clause of the hit's paragraph that takes up the words before it (`taking_up`:
        the first such verb after the hit, in a later clause or later in the hit's own) and governs other words
        found with it ('Urges the parties to pursue reconciliation talks ..., and requests
        UNSOM to continue supporting these efforts': the talks with 'supporting'), if any: the mission's role
        is asked of what the earlier clause names, with that verb's force. Without words of its own among
        those found, the later clause lends nothing (a report asked 'in this regard' asks no more of the
        words before)."""
        index = self.index(hit.para)
        if not index.taking_up:
            return None
        taker = index.taker_of(hit.start)
        if taker is None:
            return None
        number, use = taker
        takes_part = any(
            o.para == hit.para and o.start > use.start and index.clause_of(o.start) == number
            for o in together
        )
        return use if takes_part else None

    def negation(self, hit: Hit) -> str | None:
        """The words negating a hit ('no longer', 'shall not'), if any; only asked of hits that matter."""
        key = (hit.para, hit.start)
        if key not in self._negations:
            self._negations[key] = self._negation(hit.para, hit.start)
        return self._negations[key]

    def _negation(self, para: int, start: int) -> str | None:
        text, index = self.paragraphs[para].text, self.index(para)
        # The negation's scope is the clause: from the verb that governs the words (or the last ';', ':' or
        # '. '), however far before them ("shall no longer, in light of ..., remain the top priority").
        clause_start = max(index.clause_start(start), index.verb_clause_start(start))
        clause_end = index.semicolon_from(start)
        key = (para, clause_start, clause_end)
        if key not in self._first_negation:  # once per clause, however many hits it holds
            self._first_negation[key] = first_negation(
                text[clause_start : clause_end if clause_end >= 0 else len(text)]
            )
        first = self._first_negation[key]
        if first is None or clause_start + first[0] > start:  # none before these words
            return None
        words = first[1]
        if key not in self._conditional:  # once per clause, however many hits it holds
            self._conditional[key] = is_conditional(
                text[clause_start : clause_end if clause_end >= 0 else len(text)]
            )
        return None if self._conditional[key] else words

    def hedges(self, para: int) -> list[tuple[str, int, int, int, int]]:
        """The hedges of a paragraph, as reported, each with the reach of the words it qualifies (found once
        per paragraph, asked by every rule)."""
        if para not in self._hedges:
            p = self.paragraphs[para]
            text = self.matching(para)
            self._hedges[para] = hedge_spans(p, for_matching(p.text) if text is None else text)
        return self._hedges[para]

    def qualifier(self, hit: Hit) -> str | None:
        """The qualifying words ('with due consideration for') the hit stands inside, if any: what follows
        them is minded by the task, not asked (found once per paragraph)."""
        if hit.para not in self._qualifiers:
            self._qualifiers[hit.para] = qualifier_spans(self.paragraphs[hit.para].text)
        for start, end, words in self._qualifiers[hit.para]:
            if start <= hit.start < end:
                return words
        return None
