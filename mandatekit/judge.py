"""Judge a `Document` against rules: met, partial or missing, with the evidence and the reasons.

Pure functions of (Document, Rule, Profile) → Finding: no I/O. A rule is met only where all the elements
of one of its conditions stand together in operative text, under a governing verb at least as strong as
the rule asks, not in square brackets and not negated. Anything less is partial, with the reason said;
nothing at all is missing. A false "met" is the worst error this tool can make, so every doubt goes to
partial.

"Together" means in one unit: a paragraph with the paragraphs above it (an OP's lead-in governs its
sub-paragraphs). Two sibling sub-paragraphs are not one unit: OP 35(a) and OP 35(k) are different tasks, and
so are OP 37(e)(i) and OP 37(e)(vii).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, Field

from mandatekit.factories import empty_list
from mandatekit.read.model import Document, Kind, Paragraph, VerbClass, VerbUse
from mandatekit.rulebook import Profile, Rule, Severity, Verdict
from mandatekit.rulebook.model import Scope
from mandatekit.rulebook.patterns import as_latin1, needs_met, pattern_set
from mandatekit.textnorm import _ONE_TO_ONE, for_matching

_JOIN = "\n;\n"  # between paragraphs when the draft is searched in one pass: phrases never cross a ';'
_CLAUSE_CUT = re.compile(r"[;:.](?=\s)")  # a clause ends at one of these followed by a space
_SEMICOLON = re.compile(";")
MAX_CONTEXT = 5000  # characters of a clause quoted as evidence context, at most (real ones: 2,300)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_WORD = re.compile(rb"[a-z0-9_]+")  # a word as RE2's \b sees it (ASCII), in lowercased Latin-1 text
# Up to this many characters and paragraphs, the words of the text are indexed by paragraph, and each
# pattern set searches only the paragraphs holding the words its phrases need (in a real resolution about
# a tenth of the text), compiled only for the phrases that could match there. Past it, the whole text is
# searched: compiling and searching cost little next to the words' memory, and the index of a text of
# tens of thousands of paragraphs would cost more than it saves.
_INDEX_UP_TO = 1 << 20
_INDEX_PARAGRAPHS_UP_TO = 4096
_MERGE_GAP = 512  # characters between two paragraphs to search that are searched too: one call, not two
_RUNS = re.compile("1+")
_documents = 0  # documents whose words were indexed in this process: only the first compiles subsets
_NEGATION = re.compile(
    r"\b(?:not(?!\s+(?:only|least|limited|later|exceeding|less|more))|no\s+longer|never|cannot|"
    r"ceases?\s+to|discontinu\w*|nor)\b|n't\b",
    re.IGNORECASE,
)
_NEGATION_IDIOMS = re.compile(r"whether\s+or\s+not|if\s+not|but\s+not\s+limited", re.IGNORECASE)
_CONDITIONAL = re.compile(
    r"\b(?:unless|except\s+(?:where|when|if)|where\s+there\s+(?:are|is)|"
    r"(?:that|which|who)\s+(?:do|does|did|have|has|are|is)\s+not)\b",
    re.IGNORECASE,
)
# The same, for ASCII text lowercased: case ignored by lowercasing first, three times faster. In ASCII text
# that is exactly what ignoring case does (the other characters that match 'i' or 's' are not ASCII).
_NEGATION_LOWER = re.compile(_NEGATION.pattern)
_NEGATION_IDIOMS_LOWER = re.compile(_NEGATION_IDIOMS.pattern)
_CONDITIONAL_LOWER = re.compile(_CONDITIONAL.pattern)
assert all(
    p.pattern == p.pattern.lower() for p in (_NEGATION_LOWER, _NEGATION_IDIOMS_LOWER, _CONDITIONAL_LOWER)
)
STANDARD_POC_HEDGE = "within its capabilities and areas of deployment"
HEDGES = [
    STANDARD_POC_HEDGE,
    "as appropriate",
    "where appropriate",
    "when appropriate",
    "where possible",
    "when possible",
    "to the extent possible",
    "as feasible",
    "where feasible",
    "within existing resources",
    "bearing in mind",
    "in consultation with the host authorities",
    "in consultation with the government",
    "with the consent of",
    "upon request of the",
    "at the request of the",
    "subject to the availability",
]
_HEDGE_RE = re.compile("|".join(re.escape(h).replace(r"\ ", r"\s+") for h in HEDGES), re.IGNORECASE)
# The same, searched in lowercased text: ten times faster than ignoring case. Lowercasing a character keeps
# its length and gives what ignoring case compares, except for the few characters named here (a dotted
# capital I lowercases to two characters; a dotless i or a long s matches 'i' or 's' when case is ignored).
_HEDGE_LOWER_RE = re.compile("|".join(re.escape(h).replace(r"\ ", r"\s+") for h in HEDGES))
_NOT_PLAIN_LOWER = "\u0130\u0131\u017f"
# `for_matching` as replacements of the characters a text holds: str.translate looks up every character in
# a dict, five times slower. A replacement is never itself replaced, so the order does not matter.
_MATCHING_ALL = list(_ONE_TO_ONE.items())
_MATCHING_ASCII = [(a, b) for a, b in _MATCHING_ALL if a.isascii()]
assert not set(_ONE_TO_ONE.values()) & set(_ONE_TO_ONE)
_VERB_EXAMPLES = {
    VerbClass.decides: "Decides",
    VerbClass.requests: "Requests",
    VerbClass.calls: "Calls upon",
    VerbClass.encourages: "Encourages",
    VerbClass.notes: "Notes",
}


class Evidence(BaseModel):
    element: str
    label: str = Field(description="The element in the drafter's words")
    ref: str = Field(description="Paragraph reference, e.g. 'OP 35(a)(i)'")
    text: str = Field(description="The words found, as the draft has them")
    start: int = Field(description="Offset of the words in the paragraph text")
    end: int
    paragraph: int = Field(description="Index of the paragraph in the document")
    context: str = Field(description="The clause around the words")


class SourceRef(BaseModel):
    id: str
    quote: str
    title: str | None = None


class AppliedDecision(BaseModel):
    """A drafter's decision on a finding (see decisions.py), shown beside the tool's verdict."""

    decision: Literal["accepted", "not-applicable", "met", "partial", "missing"]
    why: str
    by: str
    date: str
    source: str = Field(description="The decisions file it comes from")
    stale: str | None = Field(None, description="Why it needs another look, if it does")

    @property
    def effective(self) -> Verdict | None:
        """The verdict the drafting team stands by (accepted or not applicable count as met); none if stale."""
        if self.stale:
            return None
        return Verdict.met if self.decision in ("accepted", "not-applicable") else Verdict(self.decision)


class Finding(BaseModel):
    rule: str
    title: str
    severity: Severity
    theme: str
    verdict: Verdict
    message: str
    reasons: list[str] = Field(default_factory=empty_list)
    hedges: list[str] = Field(default_factory=empty_list)
    evidence: list[Evidence] = Field(default_factory=empty_list)
    recommendation: str
    suggestion: str
    sources: list[SourceRef]
    decision: AppliedDecision | None = Field(None, description="The drafting team's decision, if recorded")

    @property
    def refs(self) -> list[str]:
        return list(dict.fromkeys(e.ref for e in self.evidence))


class Hit(NamedTuple):  # a tuple: made for every match, at a third of the cost of a frozen dataclass
    element: str
    para: int
    start: int
    end: int
    bracketed: bool


_new_hit = tuple.__new__  # Hit(...) without the call of its generated __new__ (what namedtuple's _make does)


@dataclass
class Candidate:
    """A condition's elements found together in one unit, with what keeps them from being met."""

    hits: list[Hit]
    defects: list[str]
    unit: tuple[int, ...]
    operative: bool

    def rank(self) -> tuple[int, int, int, int]:
        return (len(self.defects), 0 if self.operative else 1, len(self.unit), self.unit[0])


class Prepared:
    """A document made ready for judging against many rules: matching text built once."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.paragraphs = document.paragraphs
        self.judged = [p for p in self.paragraphs if p.kind in (Kind.operative, Kind.preambular)]
        matching = [_for_matching(p.text) for p in self.judged]
        self.text = _JOIN.join(matching)
        self._matching = dict(zip((p.index for p in self.judged), matching, strict=True))
        self._latin1: bytes | None = None  # the text for Latin-1 programs (most of them), built when needed
        self._utf8: bytes | None = None  # the text for UTF-8 programs (regexes naming characters past ÿ)
        self._byte_ends: list[int] = []  # UTF-8: byte offset just past each multi-byte character
        self._extra: list[int] = []  # extra bytes up to and including that character
        self.starts: list[int] = []
        pos = 0
        for p in self.judged:
            self.starts.append(pos)
            pos += len(p.text) + len(_JOIN)
        self.with_brackets = {p.index for p in self.judged if p.brackets}  # paragraphs with bracketed text
        self.children: dict[int, list[int]] = {}
        for p in self.paragraphs:
            if p.parent is not None:
                self.children.setdefault(p.parent, []).append(p.index)
        self._units: dict[str, list[tuple[int, ...]]] = {}  # by `together` mode
        self._unit_index: dict[str, dict[int, list[int]]] = {}
        self._negations: dict[tuple[int, int], str | None] = {}
        self._index: dict[int, _ParagraphIndex] = {}  # built for the paragraphs that have hits
        self._conditional: dict[tuple[int, int, int], bool] = {}  # (paragraph, clause start, end)
        self._hedges: dict[int, list[str]] = {}
        self._qualities: dict[tuple[int, int, bool], tuple[int, int, int]] = {}  # see `_best_hit`
        self._places: dict[str, int] | None = None  # word start → paragraphs holding such a word (bits)
        self._word_places: dict[bytes, int] = {}  # word of the text → paragraphs holding it (bits)
        self._words: list[bytes] = []  # the words of the text, sorted
        self._everywhere = 0  # all paragraphs (bits)

    def could_match(self, phrases: list[str]) -> bool:
        """False only if no phrase can match: each needs a word that no paragraph holds together with the
        others it needs (`patterns.phrase_needs`)."""
        return not self._indexed() or any(self._places_of(pattern_set(phrases, ()).needs))

    def find_in(self, phrases: list[str], regexes: list[str]) -> list[tuple[int, int, int]]:
        """`find` of the program of these phrases and regexes, in the paragraphs where they could match.

        The first document of a process compiles a program of only the phrases that could match in it (a
        check of one draft compiles a quarter of the rulebook's program); later ones compile the whole
        program once and search it in every document."""
        patterns = pattern_set(phrases, regexes)
        if patterns.regexes or not self._indexed() or None in patterns.needs:
            return self.find(patterns.program())  # a raw regex may need nothing: the whole text
        places = self._places_of(patterns.needs)
        where = 0
        for found in places:
            where |= found
        if not where:
            return []
        if patterns.whole is None and _documents <= 1:
            program = patterns.program(tuple(p for p, found in zip(phrases, places, strict=True) if found))
        else:
            program = patterns.program()
        return self.find(program, where)

    def _indexed(self) -> bool:
        """Index the words of the text by paragraph, once; False for a text too large to index."""
        if len(self.text) > _INDEX_UP_TO or len(self.judged) > _INDEX_PARAGRAPHS_UP_TO:
            return False
        if self._places is None:
            global _documents
            _documents += 1
            words: dict[bytes, int] = {}
            for i, para in enumerate(self._data(latin1=True).lower().split(_JOIN.encode())):
                bit = 1 << i
                for word in set(_ASCII_WORD.findall(para)):
                    words[word] = words.get(word, 0) | bit
            self._word_places, self._words, self._places = words, sorted(words), {}
            self._everywhere = (1 << len(self.judged)) - 1
        return True

    def _where(self, start: str) -> int:
        """The paragraphs (bits, by position in `judged`) holding a word that starts so."""
        assert self._places is not None
        found = self._places.get(start)
        if found is None:
            key, words = start.encode("ascii"), self._words
            k, found = bisect.bisect_left(words, key), 0
            while k < len(words) and words[k].startswith(key):
                found |= self._word_places[words[k]]
                k += 1
            self._places[start] = found
        return found

    def _places_of(self, needs: list[Any]) -> list[int]:
        """For each phrase's needs, the paragraphs where they are met (all of them for None: any text)."""
        return [self._everywhere if n is None else needs_met(n, self._where, self._everywhere) for n in needs]

    def index(self, para: int) -> _ParagraphIndex:
        """Sorted positions in one paragraph, so that every question about a hit costs a bisection, not a
        scan of the paragraph: a 20 MB single paragraph is judged in time linear in its size."""
        if para not in self._index:
            self._index[para] = _ParagraphIndex(self.paragraphs[para])
        return self._index[para]

    def negation(self, hit: Hit) -> str | None:
        """The words negating a hit ('no longer', 'shall not'), if any; only asked of hits that matter."""
        key = (hit.para, hit.start)
        if key not in self._negations:
            self._negations[key] = self._negation(hit.para, hit.start)
        return self._negations[key]

    def _negation(self, para: int, start: int) -> str | None:
        text, index = self.paragraphs[para].text, self.index(para)
        clause_start = index.clause_start(start)
        before = text[max(clause_start, start - 60) : start]
        if before.isascii():  # the words before are found in a third of the time (see `_LOWER`)
            m = _NEGATION_LOWER.search(_NEGATION_IDIOMS_LOWER.sub(" ", before.lower()))
            if m is None:
                return None
            words = _NEGATION_IDIOMS.sub(" ", before)[m.start() : m.end()]
        else:
            m = _NEGATION.search(_NEGATION_IDIOMS.sub(" ", before))
            if m is None:
                return None
            words = m.group(0)
        # "shall not provide support ... unless / to units that do not comply": a condition, not a negation.
        clause_end = index.semicolon_from(start)
        key = (para, clause_start, clause_end)
        if key not in self._conditional:  # once per clause, however many hits it holds
            clause = text[clause_start : clause_end if clause_end >= 0 else len(text)]
            if clause.isascii():
                self._conditional[key] = _CONDITIONAL_LOWER.search(clause.lower()) is not None
            else:
                self._conditional[key] = _CONDITIONAL.search(clause) is not None
        return None if self._conditional[key] else words

    def hedges(self, para: int) -> list[str]:
        """The hedges of a paragraph, as reported (found once per paragraph, asked by every rule)."""
        if para not in self._hedges:
            p = self.paragraphs[para]
            text = self._matching.get(para)
            if text is None:
                text = for_matching(p.text)
            lower = text.lower()
            if len(lower) == len(text) and not any(c in text for c in _NOT_PLAIN_LOWER):
                matches = _HEDGE_LOWER_RE.finditer(lower)
            else:
                matches = _HEDGE_RE.finditer(text)
            found = []
            for m in matches:
                words = " ".join(p.text[m.start() : m.end()].split())
                if words.lower() == STANDARD_POC_HEDGE:
                    found.append(f"'{words}' ({p.ref}): standard protection-of-civilians language, not a gap")
                else:
                    found.append(f"'{words}' ({p.ref}) qualifies the commitment")
            self._hedges[para] = found
        return self._hedges[para]

    def _char(self, byte: int) -> int:
        k = bisect.bisect_right(self._byte_ends, byte)
        return byte - (self._extra[k - 1] if k else 0)

    def _data(self, latin1: bool) -> bytes:
        """The text as the program's encoding wants it. Latin-1: one byte per character, so a match offset
        is a character offset. UTF-8: RE2's binding would convert every match offset back to characters,
        which costs more than the search; search the bytes and convert here, only if the text is not ASCII."""
        if latin1:
            if self._latin1 is None:
                self._latin1 = as_latin1(self.text)
            return self._latin1
        if self._utf8 is None:
            self._utf8 = self.text.encode("utf-8")
            if len(self._utf8) != len(self.text):
                extra = 0
                for m in _NON_ASCII.finditer(self.text):
                    extra += len(m.group().encode("utf-8")) - 1
                    self._byte_ends.append(m.end() + extra)
                    self._extra.append(extra)
        return self._utf8

    def find(self, pattern: Any, where: int | None = None) -> list[tuple[int, int, int]]:
        """(paragraph index, start, end) for every match, in paragraph-text offsets; only in the paragraphs
        `where` (bits, by position in `judged`) if given. A phrase never matches across the ';' between
        paragraphs, so searching a paragraph alone finds what searching the whole text finds there."""
        latin1 = isinstance(pattern.pattern, bytes)
        data = self._data(latin1)
        convert = not latin1 and bool(self._byte_ends)
        out = []
        for pos, endpos in self._spans(where) if where is not None and latin1 else [(0, len(data))]:
            for m in pattern.finditer(data, pos, endpos):
                m_start, m_end = m.start(), m.end()
                if convert:
                    m_start, m_end = self._char(m_start), self._char(m_end)
                i = bisect.bisect_right(self.starts, m_start) - 1
                para = self.judged[i]
                start, end = m_start - self.starts[i], m_end - self.starts[i]
                if end <= len(para.text):  # a raw regex may run across the separator: not one paragraph
                    out.append((para.index, start, end))
        return out

    def _spans(self, where: int) -> list[tuple[int, int]]:
        """The text of the paragraphs `where`: runs of neighbours, and those close to each other, as one."""
        spans: list[tuple[int, int]] = []
        for run in _RUNS.finditer(bin(where)[:1:-1]):  # bit i is paragraph i: lowest first
            pos = self.starts[run.start()]
            endpos = self.starts[run.end() - 1] + len(self.judged[run.end() - 1].text)
            if spans and pos - spans[-1][1] <= _MERGE_GAP:
                spans[-1] = (spans[-1][0], endpos)
            else:
                spans.append((pos, endpos))
        return spans

    def units(self, together: str = "paragraph") -> list[tuple[int, ...]]:
        """Paragraph groups within which a condition's elements must stand together: per paragraph (with its
        lead-ins and sub-paragraphs), or for `together: document` the operative text and the preamble."""
        if together not in self._units:
            units = []
            if together == "document":
                for kind in (Kind.operative, Kind.preambular):
                    units.append(tuple(p.index for p in self.judged if p.kind is kind))
                units = [u for u in units if u]
            else:
                for p in self.judged:
                    kids = self.children.get(p.index, [])
                    if kids and p.kind is Kind.operative:
                        # A lead-in with sub-paragraphs (an OP, or (e) over (i)...(vii)): each sub-paragraph's
                        # unit includes it; siblings under one lead-in are different tasks, never one unit.
                        continue
                    units.append((*self.ancestors(p), p.index, *self.descendants(p.index)))
            self._units[together] = units
        return self._units[together]

    def units_by_paragraph(self, together: str = "paragraph") -> dict[int, list[int]]:
        """Paragraph index → positions in `units(together)` of the units that contain it."""
        if together not in self._unit_index:
            index: dict[int, list[int]] = {}
            for u, unit in enumerate(self.units(together)):
                for p in unit:
                    index.setdefault(p, []).append(u)
            self._unit_index[together] = index
        return self._unit_index[together]

    def ancestors(self, p: Paragraph) -> list[int]:
        chain = []
        while p.parent is not None:
            chain.append(p.parent)
            p = self.paragraphs[p.parent]
        return chain[::-1]

    def descendants(self, index: int) -> list[int]:
        out = []
        for kid in self.children.get(index, []):
            out += [kid, *self.descendants(kid)]
        return out


class _ParagraphIndex:
    """Where a paragraph's clauses, semicolons, brackets and verbs are, sorted for bisection."""

    def __init__(self, para: Paragraph) -> None:
        self.para = para
        # Each list is built when first asked for: most paragraphs are asked only about verbs, or brackets.
        self._cuts: list[int] | None = None
        self._semicolons: list[int] | None = None
        self._bracket_starts: list[int] = []
        self._bracket_ends_max: list[int] = []  # the furthest end so far
        self._brackets_built = False
        self._verb_starts: list[int] = []
        self._verbs_sorted: bool | None = None

    def clause_start(self, pos: int) -> int:
        """Start of the clause holding `pos`: just after the last ';', ':' or '.' followed by a space."""
        if self._cuts is None:
            self._cuts = [m.start() for m in _CLAUSE_CUT.finditer(self.para.text)]
        k = bisect.bisect_left(self._cuts, pos)
        return self._cuts[k - 1] + 2 if k else 0

    def semicolon_from(self, pos: int) -> int:
        """`text.find(';', pos)`."""
        if self._semicolons is None:
            self._semicolons = [m.start() for m in _SEMICOLON.finditer(self.para.text)]
        k = bisect.bisect_left(self._semicolons, pos)
        return self._semicolons[k] if k < len(self._semicolons) else -1

    def in_brackets(self, start: int, end: int) -> bool:
        """`Paragraph.in_brackets`: some bracket starts before `end` and ends after `start`."""
        if not self._brackets_built:
            brackets = sorted((b.start, b.end) for b in self.para.brackets)
            self._bracket_starts = [b[0] for b in brackets]
            self._bracket_ends_max = list(accumulate((b[1] for b in brackets), max))
            self._brackets_built = True
        k = bisect.bisect_left(self._bracket_starts, end)
        return bool(k) and self._bracket_ends_max[k - 1] > start

    def verb_use_at(self, pos: int) -> VerbUse | None:
        """The verb governing the text at `pos`: the paragraph's own (or inherited) one, or a later one."""
        if self._verbs_sorted is None:
            starts = [use.start for use in self.para.verbs]
            # The verb governing a position is the last one listed that starts at or before it: a
            # bisection when they are listed in order (as the reader lists them), a scan otherwise.
            self._verbs_sorted = starts == sorted(starts)
            self._verb_starts = starts
        if not self._verbs_sorted:
            found = None
            for use in self.para.verbs:
                if use.start <= pos:
                    found = use
            return found
        k = bisect.bisect_right(self._verb_starts, pos)
        return self.para.verbs[k - 1] if k else None


def _verb_at(prepared: Prepared, para: int, pos: int) -> tuple[VerbClass | None, str | None]:
    use = prepared.index(para).verb_use_at(pos)
    p = prepared.paragraphs[para]
    return (use.verb_class, use.verb) if use else (p.verb_class, p.verb)


def _verb_use_at(prepared: Prepared, para: int, pos: int) -> VerbUse | None:
    return prepared.index(para).verb_use_at(pos)


class _Spans:
    """Spans of one paragraph, asked whether any overlaps a given span: a bisection each time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.ends_max = list(accumulate((e for _, e in spans), max))

    def overlap(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)
        return bool(k) and self.ends_max[k - 1] > start


def _hits(prepared: Prepared, rule: Rule) -> dict[str, list[Hit]]:
    paragraphs = prepared.paragraphs
    excluded: dict[str | None, dict[int, list[tuple[int, int]]]] = {}  # element -> paragraph -> spans
    raw = {name: prepared.find_in(element.phrases, element.regex) for name, element in rule.elements.items()}
    for exclusion in rule.exclude:
        if not any(raw[name] for name in exclusion.elements or raw):
            continue  # nothing for it to neutralize: no need to compile or search it
        spans = prepared.find_in(exclusion.phrases, exclusion.regex)
        if exclusion.within == "paragraph":  # the context rules out the whole paragraph
            spans = [(p, 0, len(paragraphs[p].text)) for p in dict.fromkeys(p for p, _, _ in spans)]
        for name in exclusion.elements or [None]:
            for para_index, start, end in spans:
                excluded.setdefault(name, {}).setdefault(para_index, []).append((start, end))
    hits: dict[str, list[Hit]] = {}
    with_brackets = prepared.with_brackets
    for name in rule.elements:
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


def _best_hit(hits: list[Hit], prepared: Prepared) -> Hit:
    if len(hits) == 1:
        return hits[0]
    qualities = prepared._qualities

    def quality(h: Hit) -> tuple[int, int, int]:
        # The same words are weighed for every unit that holds them, and for every rule that finds them.
        key = (h.para, h.start, h.bracketed)
        found = qualities.get(key)
        if found is None:
            verb_class, _ = _verb_at(prepared, h.para, h.start)
            found = qualities[key] = (
                int(h.bracketed) + int(prepared.negation(h) is not None),
                -(verb_class.strength if verb_class else 0),
                h.para,
            )
        return found

    return min(hits, key=quality)


def _candidates(prepared: Prepared, rule: Rule, hits: dict[str, list[Hit]]) -> list[Candidate]:
    paragraphs = prepared.paragraphs
    units = prepared.units(rule.together)
    by_para: dict[str, dict[int, list[Hit]]] = {}
    for name, found in hits.items():
        index = by_para.setdefault(name, {})
        for h in found:
            index.setdefault(h.para, []).append(h)
    unit_of = prepared.units_by_paragraph(rule.together)
    out = []
    for condition in rule.met:
        rarest = min(condition.all, key=lambda n: len(hits[n]))
        # Only units holding the rarest element can hold them all: visit those, in document order.
        for u in sorted({u for h in hits[rarest] for u in unit_of.get(h.para, ())}):
            unit = units[u]
            chosen = []
            for name in condition.all:
                here = [h for p in unit for h in by_para[name].get(p, ())]
                if not here:
                    break
                chosen.append(_best_hit(here, prepared))
            else:
                defects = _defects(rule, condition.min_verb or rule.min_verb, chosen, prepared)
                is_operative = all(paragraphs[h.para].kind is Kind.operative for h in chosen)
                out.append(Candidate(chosen, defects, unit, is_operative))
    return out


def _defects(rule: Rule, min_verb: VerbClass, chosen: list[Hit], prepared: Prepared) -> list[str]:
    paragraphs = prepared.paragraphs
    defects = []
    preamble = [h for h in chosen if paragraphs[h.para].kind is Kind.preambular]
    if preamble and rule.scope is Scope.operative:
        refs = ", ".join(dict.fromkeys(paragraphs[h.para].ref or "" for h in preamble))
        defects.append(
            f"Found only in the preamble ({refs}): preambular paragraphs set context but task no one."
        )
    # A topic element names what the paragraph is about; the verb must govern what is asked.
    operative = [
        h for h in chosen if paragraphs[h.para].kind is Kind.operative and not rule.elements[h.element].topic
    ]
    weakest = None
    for h in operative:
        verb_class, verb = _verb_at(prepared, h.para, h.start)
        if weakest is None or (verb_class.strength if verb_class else 0) < weakest[0]:
            weakest = (verb_class.strength if verb_class else 0, verb_class, verb, h)
    if weakest and weakest[0] < min_verb.strength and rule.scope is not Scope.preambular:
        _, verb_class, verb, h = weakest
        ref = paragraphs[h.para].ref
        needed = _VERB_EXAMPLES[min_verb]
        if verb is None:
            defects.append(
                f"{ref} has no governing verb that mandates anything: it needs '{needed}' language."
            )
        elif verb_class is VerbClass.calls:
            defects.append(
                f"Only under '{verb}' ({ref}), which exhorts others but does not task the mission: "
                f"it needs '{needed}' language."
            )
        else:
            defects.append(
                f"Only under '{verb}' ({ref}), which is {'an encouragement' if verb_class is VerbClass.encourages else 'a statement'}, "
                f"not a mandate: it needs at least '{needed}' language."
            )
    in_brackets = [
        (h, use) for h in operative if (use := _verb_use_at(prepared, h.para, h.start)) and use.bracketed
    ]
    if in_brackets:
        h, use = in_brackets[0]
        defects.append(f"The governing verb '{use.verb}' ({paragraphs[h.para].ref}) is in square brackets: the "
                       "commitment is not yet agreed.")  # fmt: skip
    bracketed = [h for h in chosen if h.bracketed]
    if bracketed:
        defects.append(_unagreed_reason(rule, bracketed, paragraphs, "bracketed"))
    # Only what is asked can be negated: a topic ("do not recruit children") or an idea worded in the
    # negative ("does not cause harm") stays what it is.
    askable = [
        h
        for h in chosen
        if not rule.elements[h.element].topic and not rule.elements[h.element].allow_negation
    ]
    negated = [(h, words) for h in askable if (words := prepared.negation(h))]
    if negated:
        h, words = negated[0]
        defects.append(f"Negated in {paragraphs[h.para].ref} ('{words}'): the text says the opposite.")
    return defects


_UNAGREED_PLACES = {
    "bracketed": "bracketed, unagreed text in {refs}: words in square brackets are not yet agreed.",
    "pending": "a pending tracked change in {refs}: read as if accepted, but not yet agreed.",
}


def _unagreed_reason(rule: Rule, hits: list[Hit], paragraphs: list[Paragraph], place: str) -> str:
    """'The state's forces stand only in bracketed, unagreed text in OP 4 ...': which ideas lack agreed
    words, and where they stand (`place`: bracketed or pending)."""
    names = list(dict.fromkeys(h.element for h in hits))
    labels = _and([rule.elements[n].label for n in names], "and")
    refs = _and(list(dict.fromkeys(paragraphs[h.para].ref or "" for h in hits)), "and")
    where = _UNAGREED_PLACES[place].format(refs=refs)
    return f"{labels[:1].upper()}{labels[1:]} {'stands' if len(names) == 1 else 'stand'} only in {where}"


def _in_insertion(para: Paragraph, start: int, end: int) -> bool:
    """The words stand wholly in a pending tracked insertion (read as accepted, not yet agreed)."""
    return any(c.kind == "insert" and c.start <= start and end <= c.end for c in para.changes)


def _evidence(hits: list[Hit], rule: Rule, prepared: Prepared) -> list[Evidence]:
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
                label=rule.elements[h.element].label,
                ref=para.ref or "",
                text=para.text[h.start : h.end],
                start=h.start,
                end=h.end,
                paragraph=h.para,
                context=context,
            )
        )
    return out


def _hedges(hits: list[Hit], prepared: Prepared) -> list[str]:
    found: dict[str, None] = {}
    for para_index in dict.fromkeys(h.para for h in hits):
        found.update(dict.fromkeys(prepared.hedges(para_index)))
    return list(found)


def fill(template: str, profile: Profile | None) -> str:
    values = profile.values if profile else {}
    return template.format_map(_Missing(values))


# Filled templates by profile: the same strings for every draft. Keyed by the profile object, kept alive
# here so that its id is not reused, and checked against a copy of its values in case they were changed.
_FILLED: dict[int, tuple[Profile | None, dict[str, str], dict[str, str]]] = {}


def _filled(profile: Profile | None) -> Callable[[str], str]:
    """`fill` with this profile, each template filled once."""
    values = profile.values if profile else {}
    entry = _FILLED.get(id(profile))
    if entry is None or entry[0] is not profile or entry[1] != values:
        if len(_FILLED) >= 64:
            _FILLED.clear()
        entry = _FILLED[id(profile)] = (profile, dict(values), {})
    done = entry[2]

    def filled(template: str) -> str:
        text = done.get(template)
        if text is None:
            if len(done) >= 4096:
                done.clear()
            text = done[template] = fill(template, profile)
        return text

    return filled


def _for_matching(text: str) -> str:
    """`for_matching(text)`, faster."""
    for char, plain in _MATCHING_ASCII if text.isascii() else _MATCHING_ALL:
        if char in text:
            text = text.replace(char, plain)
    return text


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def judge_rule(
    prepared: Prepared, rule: Rule, profile: Profile | None = None, sources: dict[str, str] | None = None
) -> Finding:
    """The finding of one rule on one prepared document."""
    paragraphs = prepared.paragraphs
    hits = _hits(prepared, rule)
    candidates = sorted(_candidates(prepared, rule, hits), key=Candidate.rank)
    reasons: list[str] = []
    chosen: list[Hit] = []
    if candidates and not candidates[0].defects:
        verdict, chosen = Verdict.met, candidates[0].hits
    elif candidates:
        verdict, chosen, reasons = Verdict.partial, candidates[0].hits, candidates[0].defects
    else:
        verdict = Verdict.missing
        for names in rule.partial:
            found = _partial_set(prepared, names, hits, rule.together)
            if found:
                verdict, chosen = Verdict.partial, found
                break
        if verdict is Verdict.partial:
            reasons = [_what_is_missing(rule, hits, chosen, paragraphs)]
            if bracketed := [h for h in chosen if h.bracketed]:
                reasons.append(_unagreed_reason(rule, bracketed, paragraphs, "bracketed"))
    if pending := [h for h in chosen if _in_insertion(paragraphs[h.para], h.start, h.end)]:
        reasons.append(_unagreed_reason(rule, pending, paragraphs, "pending"))
    sources = sources or {}
    filled = _filled(profile)
    return Finding(
        rule=rule.id,
        title=rule.title,
        severity=rule.severity,
        theme=rule.theme,
        verdict=verdict,
        message=filled(getattr(rule.message, verdict.value)),
        reasons=reasons,
        hedges=_hedges(chosen, prepared) if chosen else [],
        evidence=_evidence(chosen, rule, prepared),
        recommendation=filled(rule.recommendation),
        suggestion=filled(rule.suggestion.strip()),
        sources=[SourceRef(id=s.id, quote=s.quote, title=sources.get(s.id)) for s in rule.sources],
    )


def _partial_set(
    prepared: Prepared, names: list[str], hits: dict[str, list[Hit]], together: str
) -> list[Hit]:
    """Hits for a partial element set: one element anywhere; several together in one unit (a paragraph with
    its lead-in and sub-paragraphs), as for a met condition."""
    if len(names) == 1:
        return [_best_hit(hits[names[0]], prepared)] if hits[names[0]] else []
    # Only units holding the rarest element can hold them all: visit those, in document order.
    by_para: dict[str, dict[int, list[Hit]]] = {n: {} for n in names}
    for n in names:
        for h in hits[n]:
            by_para[n].setdefault(h.para, []).append(h)
    units, unit_of = prepared.units(together), prepared.units_by_paragraph(together)
    rarest = min(names, key=lambda n: len(hits[n]))
    for u in sorted({u for h in hits[rarest] for u in unit_of.get(h.para, ())}):
        members = sorted(units[u])  # hits in document order, as in hits[n]
        here = [[h for p in members for h in by_para[n].get(p, ())] for n in names]
        if all(here):
            return [_best_hit(h, prepared) for h in here]
    return []


def _what_is_missing(
    rule: Rule, hits: dict[str, list[Hit]], chosen: list[Hit], paragraphs: list[Paragraph]
) -> str:
    """Which of the closest condition's elements the draft lacks, and which stand only in other paragraphs."""
    present = {n for n, h in hits.items() if h}
    closest = max(rule.met, key=lambda c: len(present & set(c.all)))
    here = {h.para for h in chosen}
    have = [h.element for h in chosen]
    have += [n for n in closest.all if n not in have and any(h.para in here for h in hits[n])]
    where = ", ".join(dict.fromkeys(paragraphs[h.para].ref or "" for h in chosen))
    found = _and([rule.elements[n].label for n in dict.fromkeys(have)], "and")
    absent = [rule.elements[n].label for n in closest.all if n not in present]
    apart = [n for n in closest.all if n in present and n not in have]
    text = f"The draft has {found} ({where})"
    if absent:
        text += f" but not {_and(absent)}"
    for n in apart:
        refs = list(dict.fromkeys(paragraphs[h.para].ref or "" for h in hits[n]))
        shown = ", ".join(refs[:3]) + (f" and {len(refs) - 3} more" if len(refs) > 3 else "")
        text += f"{', and' if absent else ' but'} {rule.elements[n].label} only in other paragraphs ({shown})"
    return text + "."


def _and(items: list[str], word: str = "or") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


class DocumentInfo(BaseModel):
    path: str | None
    symbol: str | None
    title: str | None
    date: str | None = None
    format: str
    paragraphs: int = Field(description="Number of preambular and operative paragraphs")


class Summary(BaseModel):
    met: int = 0
    partial: int = 0
    missing: int = 0


class Report(BaseModel):
    """Everything the renderers need about one draft: the stable JSON contract of `check --format json`."""

    document: DocumentInfo
    profile: str | None = None
    rulebook: str = Field("", description="mandatekit version and number of rules applied")
    findings: list[Finding]
    summary: Summary
    warnings: list[str] = Field(default_factory=empty_list)


def compile_programs(rules: list[Rule]) -> None:
    """Compile every program the rules search, now: in a process about to fork workers, which inherit them
    instead of each compiling the same programs again."""
    for rule in rules:
        for patterns in [*rule.elements.values(), *rule.exclude]:
            program = pattern_set(patterns.phrases, patterns.regex).program()
            # RE2 compiles the reversed program, which finds where a match starts, at the first match:
            # in every worker, unless asked for here.
            program.reverseprogramsize  # noqa: B018


def judge_document(
    document: Document,
    rules: list[Rule],
    profile: Profile | None = None,
    sources: dict[str, str] | None = None,
    rulebook: str = "",
) -> Report:
    prepared = Prepared(document)
    findings = [judge_rule(prepared, rule, profile, sources) for rule in rules]
    summary = Summary()
    for f in findings:
        setattr(summary, f.verdict.value, getattr(summary, f.verdict.value) + 1)
    info = DocumentInfo(
        path=document.path,
        symbol=document.front.symbol,
        title=document.front.title,
        date=document.front.date,
        format=document.format,
        paragraphs=len(prepared.judged),
    )
    return Report(
        document=info,
        profile=profile.id if profile else None,
        rulebook=rulebook,
        findings=findings,
        summary=summary,
        warnings=list(document.warnings),
    )
