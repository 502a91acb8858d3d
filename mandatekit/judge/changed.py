"""Which rules a change to some paragraphs of a draft can judge otherwise: the others keep their verdicts.

Placing fixes judges the draft again with each fix accepted (render/verifier.py): one paragraph inserted or
replaced in thirty. A rule's verdict is made from its hits (the matches of its elements, subject, exclusions
and narrowings) and, for each hit, from the paragraph it stands in, its lead-ins and its sub-paragraphs
(verbs, clauses, units, titles). So where two versions of a draft differ only in some paragraphs (`changed`:
new, gone, or read otherwise: text, kind, number, verbs, brackets, place in the tree), a rule none of whose
patterns matches in those paragraphs nor in their lead-ins and sub-paragraphs (`touched`), in either version,
finds the same hits in the same paragraphs, weighed alike, and keeps its verdict. A match found in a paragraph
of a draft is also found in the paragraph's text searched alone (its words are the same; what stands around it
in the draft is a paragraph separator, which a word boundary sees as it sees the text's end), unless a pattern
anchors to the text's start or end, or a raw regex can take in part of the separator (`reaches_join`: "\\W+"
at its start or end, or "\\W+" in the middle, which runs from one paragraph into the next; such a match is
dropped, but it hides what it consumed of the neighbour, changed or not): such a rule is always judged again.

What a rule reads beyond its hits' paragraphs, and what is done about it:
- the forces outside UN command (`reads`), read from the whole text: a rule that reads them is judged again;
- an acronym the text spells out anywhere (judge/acronyms.py): judged again where a changed paragraph holds it;
- a typed heading between tasks (`ParagraphUnits._headings`, decided by the paragraph after it): where the
  versions' headings differ, every rule is judged again;
- a reference to the draft's own paragraphs (judge/borrowed.py), which reads their words with a budget that is
  the whole text's length: in a version with any such reference, every rule is judged again.
tests/render/test_rejudge_changed.py compares the placements made so with those of judging every rule again.
"""

from __future__ import annotations

import re
import re._constants as C  # the parsed form of a regex: `reaches_join`
import re._parser as P
from collections.abc import Collection
from typing import Any

from mandatekit.judge.clauses import typed_headings
from mandatekit.judge.search import TextSearch
from mandatekit.read.model import Document, Kind, Origin, Paragraph
from mandatekit.read.references import references
from mandatekit.rulebook import Rule
from mandatekit.rulebook.patterns import (
    PatternSet,
    Terms,
    expand_placeholders,
    expand_regex_placeholders,
    pattern_set,
)
from mandatekit.textnorm import for_matching as normalized

_SAME = tuple(f for f in Paragraph.model_fields if f not in ("index", "parent", "origin"))
_JUDGED = (Kind.operative, Kind.preambular)
# '^' outside a class's opening, '$', \A, \z, \Z, the (?m) flag: a pattern that sees where the searched
# text starts or ends.
_ANCHORED = re.compile(r"(?<!\[)\^|(?<!\\)\$|\\[AzZ]|\(\?[a-zA-Z]*m")


# The characters of the separator a match must take to reach past a paragraph: a line break, a semicolon.
_NL, _SEMI = 10, 59
_MATCHES_NL = (
    C.CATEGORY_SPACE,
    C.CATEGORY_NOT_WORD,
    C.CATEGORY_NOT_DIGIT,
    C.CATEGORY_UNI_SPACE,
    C.CATEGORY_UNI_NOT_WORD,
    C.CATEGORY_UNI_NOT_DIGIT,
)
_MATCHES_SEMI = (
    C.CATEGORY_NOT_SPACE,
    C.CATEGORY_NOT_WORD,
    C.CATEGORY_NOT_DIGIT,
    C.CATEGORY_UNI_NOT_SPACE,
    C.CATEGORY_UNI_NOT_WORD,
    C.CATEGORY_UNI_NOT_DIGIT,
)


def _in(items: Any, c: int, cats: tuple[Any, ...]) -> bool:
    neg = hit = False
    for op, av in items:
        if op is C.NEGATE:
            neg = True
        elif op is C.LITERAL:
            hit |= av == c
        elif op is C.RANGE:
            hit |= av[0] <= c <= av[1]
        elif op is C.CATEGORY:
            hit |= av in cats
        else:
            raise ValueError(op)
    return hit != neg


def _char(op: Any, av: Any, c: int, cats: tuple[Any, ...], dotall: bool) -> bool:
    if op is C.LITERAL:
        return av == c
    if op is C.NOT_LITERAL:
        return av != c
    if op is C.ANY:
        return dotall or c != _NL
    if op is C.IN:
        return _in(av, c, cats)
    raise ValueError(op)


# A node's summary: (nullable, first can be \n, last can be \n, any \n, any ;)
def _seq(items: Any, dotall: bool) -> tuple[bool, bool, bool, bool, bool]:
    nullable, first, last, nl, semi = True, False, False, False, False
    for op, av in items:
        n, f, end, a, s = _node(op, av, dotall)
        if nullable:
            first |= f
        last = end or (n and last)
        nullable &= n
        nl |= a
        semi |= s
    return nullable, first, last, nl, semi


def _node(op: Any, av: Any, dotall: bool) -> tuple[bool, bool, bool, bool, bool]:
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
        a = _char(op, av, _NL, _MATCHES_NL, dotall)
        return False, a, a, a, _char(op, av, _SEMI, _MATCHES_SEMI, dotall)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return True, False, False, False, False
    if op is C.BRANCH:
        parts = [_seq(b, dotall) for b in av[1]]
        n, f, end, a, s = (any(p[k] for p in parts) for k in range(5))
        return n, f, end, a, s
    if op is C.SUBPATTERN:
        _, add, drop, items = av
        return _seq(items, (dotall or bool(add & re.S)) and not drop & re.S)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        n, f, end, a, s = _seq(av[2], dotall)
        return n or av[0] == 0, f, end, a, s
    if op is C.ATOMIC_GROUP:
        return _seq(av, dotall)
    raise ValueError(op)


def reaches_join(regex: str) -> bool:
    """Whether a match of the regex can take in part of the paragraph separator `search._JOIN` ("\\n;\\n"):
    its first or last character can be a line break, or it can hold a line break and a semicolon (and so run
    across the separator). In a draft such a match is dropped (`TextSearch.find`), but finditer has consumed
    it: it can hide a match of the paragraph after, or take a match of the paragraph before with it, so what
    the paragraph holds depends on its neighbours. A regex Python cannot parse counts as one."""
    try:
        parsed = P.parse(regex, re.I)
        _, first, last, nl, semi = _seq(parsed, bool(parsed.state.flags & re.S))
    except (re.error, ValueError, OverflowError):
        return True
    return first or last or (nl and semi)


def _same(a: Paragraph, b: Paragraph) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in _SAME)


def changed(before: Document, after: Document) -> tuple[set[int], set[int], dict[int, int]]:
    """The paragraphs of `before` and of `after` that differ, and where each other paragraph of `before` stands
    in `after`: the longest run of like paragraphs at the start and at the end (a paragraph is like another if
    all but its place is equal, its lead-in the one that corresponds)."""
    old, new = before.paragraphs, after.paragraphs
    n, m = len(old), len(new)
    head = 0
    while head < min(n, m) and old[head].parent == new[head].parent and _same(old[head], new[head]):
        head += 1
    tail = 0
    while tail < min(n, m) - head and _same(old[n - 1 - tail], new[m - 1 - tail]):
        tail += 1
    shift = m - n
    where = {i: i for i in range(head)}
    where.update({i: i + shift for i in range(n - tail, n)})
    gone, made = set(range(head, n - tail)), set(range(head, m - tail))
    for i in range(n - tail, n):  # the end run's lead-ins must correspond too
        a, b = old[i].parent, new[i + shift].parent
        if (a is None) != (b is None) or (a is not None and where.get(a) != b):
            gone.add(i)
            made.add(i + shift)
    for i in gone:
        where.pop(i, None)
    return gone, made, where


def _family(paragraphs: list[Paragraph], indices: set[int]) -> set[int]:
    """The paragraphs with their lead-ins and sub-paragraphs, at any depth."""
    children: dict[int, list[int]] = {}
    for p in paragraphs:
        if p.parent is not None:
            children.setdefault(p.parent, []).append(p.index)
    out = set(indices)
    for i in indices:
        p = paragraphs[i]
        while p.parent is not None:
            out.add(p.parent)
            p = paragraphs[p.parent]
        todo = list(children.get(i, ()))
        while todo:
            k = todo.pop()
            out.add(k)
            todo += children.get(k, ())
    return out


def headings(paragraphs: list[Paragraph]) -> dict[str, int]:
    """`ParagraphUnits._headings` of these paragraphs (the same function): typed headings, by reference."""
    judged = [p for p in paragraphs if p.kind in _JUDGED]
    return typed_headings(judged, {p.parent for p in paragraphs if p.parent is not None})


class _Touched(TextSearch):
    """The paragraphs a change touches, as a text to search: not a draft of its own (`search._documents`)."""

    counts_as_document = False

    def __init__(self, texts: list[str]) -> None:
        paragraphs = [
            Paragraph(index=k, kind=Kind.operative, text=text, origin=Origin(index=k))
            for k, text in enumerate(texts)
        ]
        super().__init__(Document(format="changed", paragraphs=paragraphs))

    def matches(self, patterns: PatternSet) -> bool:
        """Whether the patterns match anywhere in these paragraphs. Phrases are searched only where the words
        they need stand (`patterns.phrase_needs`), as `TextSearch.find_in` searches a draft."""
        if not self.judged:
            return False
        phrases_only = not patterns.regexes and None not in patterns.needs
        if phrases_only and self._indexed() and not any(self._places_of(patterns.needs)):
            return False
        program = patterns.program()
        return program.search(self._data(isinstance(program.pattern, bytes))) is not None


class Reach:
    """Which rules of a rulebook (judged with these profile terms) a change can judge otherwise."""

    def __init__(self, rules: list[Rule], terms: Terms) -> None:
        self.rules = rules
        self._patterns: dict[str, list[PatternSet] | None] = {}  # rule → its patterns; None: judge it always
        self._refers: dict[str, bool] = {}  # paragraph text → whether it refers to paragraphs by number
        for rule in rules:
            found: list[PatternSet] | None = []
            for patterns in [*rule.searched.values(), *rule.exclude, *rule.narrowed]:
                regexes = expand_regex_placeholders(patterns.regex, terms)
                if patterns.reads or any(_ANCHORED.search(r) or reaches_join(r) for r in regexes):
                    found = None  # phrases compile to words and separators (patterns.phrase_to_regex)
                    break
                phrases = expand_placeholders(tuple(patterns.phrases), terms)
                if phrases or regexes:
                    found.append(pattern_set(phrases, regexes))
            self._patterns[rule.id] = found

    def _refers_anywhere(self, document: Document) -> bool:
        for p in document.paragraphs:
            if p.kind is Kind.operative:
                if p.text not in self._refers:
                    self._refers[p.text] = bool(references(p.text))
                if self._refers[p.text]:
                    return True
        return False

    def rules_to_rejudge(
        self, before: Document, after: Document, met: Collection[str] = ()
    ) -> list[str] | None:
        """The ids of the rules whose verdict on `after` may differ from theirs on `before` (None: all). `met`:
        the rules met on `before`. Paragraphs only added, each under operative lead-ins, add hits and units and
        take none away: a rule met stays met (its candidate stands, `evidence.candidates`) unless its words
        stand in those lead-ins, whose units change, or it judges the draft as one unit (`together: document`)."""
        if self._refers_anywhere(before) or self._refers_anywhere(after):
            return None
        gone, made, where = changed(before, after)
        old_headings = {ref: where.get(i) for ref, i in headings(before.paragraphs).items()}
        if old_headings != headings(after.paragraphs):
            return None
        texts = [normalized(before.paragraphs[i].text) for i in gone]
        texts += [normalized(after.paragraphs[i].text) for i in made]
        family = [(before, _family(before.paragraphs, gone)), (after, _family(after.paragraphs, made))]
        touched = _Touched(
            [p.text for doc, f in family for i in sorted(f) if (p := doc.paragraphs[i]).kind in _JUDGED]
        )
        lead_ins = family[1][1] - made
        added = not gone and all(after.paragraphs[i].kind is Kind.operative for i in family[1][1])
        above = _Touched([after.paragraphs[i].text for i in sorted(lead_ins)]) if added else touched
        out = []
        for rule in self.rules:
            patterns = self._patterns[rule.id]
            search = above if rule.id in met and rule.together != "document" else touched
            if (
                patterns is None
                or any(a in t for a in rule.acronyms for t in texts)
                or any(search.matches(p) for p in patterns)
            ):
                out.append(rule.id)
        return out
