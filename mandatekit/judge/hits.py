"""Where each of a rule's elements is found in a draft, less what the rule's exclusions rule out."""

from __future__ import annotations

import bisect
from itertools import accumulate
from typing import NamedTuple

from mandatekit.judge.acronyms import acronyms_in
from mandatekit.judge.forces import Setting
from mandatekit.judge.prepared import Prepared
from mandatekit.read.model import Kind
from mandatekit.rulebook import Rule
from mandatekit.rulebook.model import Patterns
from mandatekit.rulebook.patterns import Terms, expand_placeholders, expand_regex_placeholders


class Hit(NamedTuple):  # a tuple: made for every match, at a third of the cost of a frozen dataclass
    element: str
    para: int
    start: int
    end: int
    bracketed: bool


_new_hit = tuple.__new__  # Hit(...) without the call of its generated __new__ (what namedtuple's _make does)


class _Spans:
    """Spans of one paragraph, asked whether any overlaps a given span: a bisection each time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.ends_max = list(accumulate((e for _, e in spans), max))

    def overlap(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)
        return bool(k) and self.ends_max[k - 1] > start


def found_patterns(
    prepared: Prepared, patterns: Patterns, terms: Terms, setting: Setting
) -> list[tuple[int, int, int]]:
    """Where a rule's patterns match, and what the judge reads for it by structure (`Patterns.reads`)."""
    found = []
    if patterns.phrases or patterns.regex:
        found = prepared.find_in(
            expand_placeholders(tuple(patterns.phrases), terms),
            expand_regex_placeholders(patterns.regex, terms),
        )
    if patterns.reads == "forces outside UN command":
        found = sorted([*found, *prepared.forces_outside_un_command(setting)])
    return found


def _clauses_around(prepared: Prepared, para: int, start: int, end: int) -> tuple[int, int, int]:
    """The span of the verb clauses (judge/clauses.py) that the words at [start, end) stand in."""
    index = prepared.index(para)
    starts = index.clauses
    last = index.clause_of(max(start, end - 1))
    stop = starts[last + 1] if last + 1 < len(starts) else len(prepared.paragraphs[para].text)
    return para, starts[index.clause_of(start)], stop


def _drop_acronyms_meant_otherwise(
    prepared: Prepared, acronyms: dict[str, str], raw: dict[str, list[tuple[int, int, int]]]
) -> None:
    """Leave out the matches that hold an acronym of the rule which the text spells out as other words
    ("the Interregional Coordination Centre (ICC)"): the text means its own thing by it (judge/acronyms.py)."""
    for name, found in raw.items():
        kept = []
        for para, start, end in found:
            words = (prepared.matching(para) or prepared.paragraphs[para].text)[start:end]
            if not any(prepared.means_otherwise(a, acronyms[a]) for a in acronyms_in(words, acronyms)):
                kept.append((para, start, end))
        raw[name] = kept


def find_hits(
    prepared: Prepared, rule: Rule, terms: Terms = (), setting: Setting | None = None
) -> dict[str, list[Hit]]:
    """Each element's matches, and the subject's; a {placeholder} in a phrase matches the words `terms` give
    for it; the mission and host that `setting` names are not forces outside UN command."""
    paragraphs = prepared.paragraphs
    setting = setting or Setting()
    excluded: dict[str | None, dict[int, list[tuple[int, int]]]] = {}  # element -> paragraph -> spans
    raw = {name: found_patterns(prepared, element, terms, setting) for name, element in rule.searched.items()}
    # A clause that names its subject by paragraph number, read with the words of the paragraphs it names
    # (judge/borrowed.py): a match must begin in the clause's own words and end in the borrowed ones.
    borrowed = prepared.borrowed
    if borrowed.borrowings:
        for name, element in rule.searched.items():
            more = borrowed.find(
                expand_placeholders(tuple(element.phrases), terms),
                expand_regex_placeholders(element.regex, terms),
            )
            if more:
                raw[name] = sorted(dict.fromkeys([*raw[name], *more]))
    if rule.acronyms:
        _drop_acronyms_meant_otherwise(prepared, rule.acronyms, raw)
    for name, element in rule.searched.items():
        if not element.in_preamble and raw[name]:
            raw[name] = [(p, s, e) for p, s, e in raw[name] if paragraphs[p].kind is not Kind.preambular]
        if not element.in_headings and raw[name]:
            raw[name] = [(p, s, e) for p, s, e in raw[name] if not prepared.is_title(p)]
    for exclusion in rule.exclude:
        if not any(raw[name] for name in exclusion.elements or raw):
            continue  # nothing for it to neutralize: no need to compile or search it
        spans = found_patterns(prepared, exclusion, terms, setting)
        if exclusion.within == "paragraph":  # the context rules out the whole paragraph
            spans = [(p, 0, len(paragraphs[p].text)) for p in dict.fromkeys(p for p, _, _ in spans)]
        elif exclusion.within == "clause":  # ... or the clauses (each governed by its own verb) it stands in
            spans = [_clauses_around(prepared, p, start, end) for p, start, end in spans]
        if borrowed.borrowings:  # found in borrowed words, it rules out what the reference borrows
            spans += borrowed.excluded(
                expand_placeholders(tuple(exclusion.phrases), terms),
                expand_regex_placeholders(exclusion.regex, terms),
            )
        for name in exclusion.elements or [None]:
            for para_index, start, end in spans:
                excluded.setdefault(name, {}).setdefault(para_index, []).append((start, end))
    hits: dict[str, list[Hit]] = {}
    with_brackets = prepared.with_brackets
    for name in rule.searched:
        # The spans that rule this element's words out, in the few paragraphs where an exclusion found some.
        blocked_spans: dict[int, list[tuple[int, int]]] = {}
        for blocking in (excluded.get(name), excluded.get(None)):
            for para_index, spans in (blocking or {}).items():
                blocked_spans.setdefault(para_index, []).extend(spans)
        blocked = {para_index: _Spans(spans) for para_index, spans in blocked_spans.items()}
        found = []
        for para_index, start, end in raw[name]:
            if blocked and para_index in blocked and blocked[para_index].overlap(start, end):
                continue
            # Most paragraphs have no brackets: no need to index them for that.
            bracketed = para_index in with_brackets and prepared.index(para_index).in_brackets(start, end)
            found.append(_new_hit(Hit, (name, para_index, start, end, bracketed)))
        hits[name] = found
    return hits
