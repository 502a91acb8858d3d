"""Where a paragraph's clauses, semicolons, brackets and verbs are; and the units of paragraphs within which a
condition's elements must stand together.

A unit is a paragraph with the paragraphs above it (an OP's lead-in governs its sub-paragraphs). Two sibling
sub-paragraphs are not one unit: OP 35(a) and OP 35(k) are different tasks, and so are OP 37(e)(i) and
OP 37(e)(vii)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from itertools import accumulate, pairwise

from mandatekit.read.model import Kind, Paragraph, VerbUse

_CLAUSE_CUT = re.compile(r"[;:.](?=\s)")  # a clause ends at one of these followed by a space
_SEMICOLON = re.compile(";")


# A title announcing its tasks: one short phrase (160 characters at most), no comma or semicolon, no "to" + verb.
_TITLE_PHRASE = re.compile(r"(?!\s*to\s)[^,;:]{1,160}", re.IGNORECASE)


def typed_headings(judged: list[Paragraph], children: Collection[int]) -> dict[str, int]:
    """Typed headings between tasks, by reference: a sub-paragraph without sub-paragraphs whose reference the
    next judged paragraph's extends ('OP 34(ii)', then 'OP 34(ii)(h)'), that next one no child of it.
    `children`: the indices of the paragraphs that have sub-paragraphs. One function for `ParagraphUnits` and
    for judge/changed.py, which must decide alike whether two versions' headings differ."""
    out: dict[str, int] = {}
    for p, after in pairwise(judged):
        ref = p.ref or ""
        if (
            ref
            and p.parent is not None
            and p.index not in children
            and (after.ref or "").startswith(ref + "(")
            and after.parent == p.parent
        ):
            out[ref] = p.index
    return out


class ParagraphUnits:
    """Paragraph groups of one document, by `together` mode, each built when first asked for."""

    def __init__(self, paragraphs: list[Paragraph], judged: list[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.judged = judged
        self.children: dict[int, list[int]] = {}
        for p in self.paragraphs:
            if p.parent is not None:
                self.children.setdefault(p.parent, []).append(p.index)
        self._units: dict[str, list[tuple[int, ...]]] = {}  # by `together` mode
        self._unit_index: dict[str, dict[int, list[int]]] = {}
        self._leaves: dict[str, list[int]] = {}
        self._heading_refs: dict[str, int] | None = None  # see `_headings`

    def units(self, together: str = "paragraph") -> list[tuple[int, ...]]:
        """Paragraph groups within which a condition's elements must stand together: per paragraph (with its
        lead-ins and sub-paragraphs), or for `together: document` the operative text and the preamble. For
        `together: clause`, a lead-in is also a unit of its own (with its lead-ins): its clauses that govern no
        sub-paragraph are judged there."""
        if together not in self._units:
            units, leaves = [], []
            if together == "document":
                for kind in (Kind.operative, Kind.preambular):
                    units.append(tuple(p.index for p in self.judged if p.kind is kind))
                units = [u for u in units if u]
                leaves = [-1] * len(units)
            else:
                for p in self.judged:
                    kids = self.children.get(p.index, [])
                    if kids and p.kind is Kind.operative:
                        # A lead-in with sub-paragraphs (an OP, or (e) over (i)...(vii)): each sub-paragraph's
                        # unit includes it; siblings under one lead-in are different tasks, never one unit.
                        if together == "clause":
                            units.append((*self.ancestors(p), p.index))
                            leaves.append(p.index)
                        continue
                    units.append((*self.ancestors(p), p.index, *self.descendants(p.index)))
                    leaves.append(p.index)
            self._units[together] = units
            self._leaves[together] = leaves
        return self._units[together]

    def is_title(self, index: int) -> bool:
        """A category title between an OP and its tasks ('(a) Protection of civilians', '(c) Good offices and
        support to the peace process'): a sub-paragraph with tasks under it, no verb of its own and no
        sentence (it ends without punctuation). It names what the tasks under it are about; a coder cites
        the task. A typed heading between lettered tasks ('(ii) Disarmament, demobilisation and
        reintegration' before '(h)', '(i)') is one too: the tasks stand beside it, filed under its label."""
        p = self.paragraphs[index]
        if p.parent is None or not p.verb_inherited:
            return False
        text = p.text.rstrip()
        end = text[-1:]
        if index not in self.children:
            return (end.isalnum() or end == ")") and self._headings().get(p.ref or "") == index
        if end.isalnum() or end == ")":
            return True
        # A title may announce its tasks with a colon ('(c) Supporting the implementation of the Agreement
        # and the peace process:'): one phrase, no infinitive ('(c) To support ..., including by:' is a task).
        return end == ":" and _TITLE_PHRASE.fullmatch(text[:-1]) is not None

    def titles_over(self, index: int) -> list[int]:
        """The titles a paragraph's task stands under: its lead-ins that are titles, and the typed heading
        beside it whose label its reference carries ('OP 34(ii)' over 'OP 34(ii)(h)')."""
        p = self.paragraphs[index]
        over = [a for a in self.ancestors(p) if self.is_title(a)]
        ref = p.ref or ""
        for cut in [i for i, c in enumerate(ref) if c == "("][::-1]:  # 'OP 34(ii)', then 'OP 34'
            heading = self._headings().get(ref[:cut])
            if heading is not None and heading < index and self.paragraphs[heading].parent == p.parent:
                over.append(heading)
                break
        return over

    def _headings(self) -> dict[str, int]:
        """`typed_headings` of this document."""
        if self._heading_refs is None:
            self._heading_refs = typed_headings(self.judged, self.children)
        return self._heading_refs

    def leaves(self, together: str) -> list[int]:
        """For each of `units(together)`, the paragraph it is the unit of (-1 for a whole-document unit)."""
        self.units(together)
        return self._leaves[together]

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


# A clause that refers back to what the clause before named ("Condemns the violations of the SOFA, and
# requests the Secretary-General to report on these violations", "... and requests that it be provided in
# strict compliance with ...", "and calls upon all parties to release them"): one clause with the one before.
_REFERS_BACK = re.compile(r"\b(?:these|them|they|it|such(?!\s+as\b)|the\s+same)\b", re.IGNORECASE)
_ANNOUNCES_LIST = re.compile(r"\b(?:the\s+following|as\s+follows)\b", re.IGNORECASE)


def clause_starts(para: Paragraph) -> list[int]:
    """Where each clause of an operative paragraph starts: at each verb that governs part of it ('Requests
    ..., underscores ..., notes with concern ..., and requests ...'); the first clause starts at 0. A clause
    that refers back to the one before by a pronoun is part of it. A paragraph with one verb or none, or a
    preambular one, is one clause."""
    if para.kind is not Kind.operative or len(para.verbs) < 2:
        return [0]
    starts = [0]
    ends = [use.start for use in para.verbs[2:]] + [len(para.text)]
    for use, end in zip(para.verbs[1:], ends, strict=True):
        if use.start <= starts[-1]:
            continue
        if _REFERS_BACK.search(para.text, use.start + len(use.verb), max(end, use.start)):
            continue
        starts.append(use.start)
    return starts


# What sums up the words before it, a plural: 'such practices', 'these acts', 'all such violations'.
_SUMS_UP = re.compile(r"\b(?:such|these)\s+([a-z]{2,}s)\b", re.IGNORECASE)
_SUMS_UP_WITHIN = 300  # characters after its verb: 'demands that all relevant parties ... put an end to such'
_TAKEN_UP_WITHIN = 1000  # characters before its verb in which a repeated noun is looked for


def _lends_back(text: str, use: VerbUse, end: int, clause_start: int) -> bool:
    """A verb that takes up the words before it by a noun that sums them up ('and demands that all relevant
    parties immediately put an end to such practices' after a list of violations) governs them too. One that
    repeats a noun of theirs ('and calls upon the Secretary-General to inform the Member State about any such
    allegations' after 'to include allegations of sexual exploitation and abuse in their regular reporting')
    takes up that thing only, and a pronoun ('it', 'them') one thing named: the rest stays the first verb's."""
    after = use.start + len(use.verb)
    m = _SUMS_UP.search(text, after, min(end, after + _SUMS_UP_WITHIN))
    if m is None:
        return False
    noun = m.group(1).lower().removesuffix("s")  # 'practice' is taken up by 'such practices'
    before = text[max(clause_start, use.start - _TAKEN_UP_WITHIN) : use.start].lower()
    return re.search(rf"\b{re.escape(noun)}", before) is None


def _lenders(para: Paragraph, starts: list[int]) -> list[tuple[VerbUse, int]]:
    """The verbs that lend their force to the words before them in their clause (see `_lends_back`), each
    with where its clause starts."""
    if len(starts) == len(para.verbs) or para.kind is not Kind.operative:
        return []  # every verb opens a clause of its own: none takes up another's words
    return [
        (use, starts[k])
        for use, end, k in _verbs_in_clauses(para, starts)
        if k >= 0 and starts[k] < use.start and _lends_back(para.text, use, end, starts[k])
    ]


def _verbs_in_clauses(para: Paragraph, starts: list[int]) -> list[tuple[VerbUse, int, int]]:
    """Each verb of the paragraph with where its words end (the next verb, or the paragraph's end) and the
    number of the clause holding it (-1 before the first clause start)."""
    if not para.verbs:  # clauses but no verb read ('1. • End all obstructions ...'): nothing to place
        return []
    ends = [use.start for use in para.verbs[1:]] + [len(para.text)]
    return [
        (use, end, bisect.bisect_right(starts, use.start) - 1)
        for use, end in zip(para.verbs, ends, strict=True)
    ]


# What a later clause says it does about what the paragraph named before it: a noun that names no thing of its
# own, only a kind of effort or a point of view, after 'this', 'that', 'these', 'those' or 'such' ('and requests
# UNSOM to continue supporting these efforts', 'further requests the Mission's support in this regard', 'to that
# end', 'to assist this process'). It takes up the paragraph's earlier clauses, whatever they are called.
_TAKES_UP = re.compile(
    r"\b(?:this|that|these|those|such)\s+(?:regard|respect|end|efforts?|endeavou?rs?|process|processes"
    r"|initiatives?|undertakings?|work)\b",
    re.IGNORECASE,
)


def taking_up(para: Paragraph, starts: list[int]) -> list[tuple[int, VerbUse]]:
    """The clauses of an operative paragraph whose verb takes up what the clauses before it named (see
    `_TAKES_UP`), each with that verb: its clause number and the verb. The words the anaphor stands for are
    in the same paragraph, and before it: 'Urges the parties to pursue reconciliation talks ..., and requests
    UNSOM to continue supporting these efforts' asks UNSOM to support the talks."""
    if para.kind is not Kind.operative or len(para.verbs) < 2:
        return []
    return [
        (k, use)
        for use, end, k in _verbs_in_clauses(para, starts)
        if use.start > 0
        and k >= 0
        and _TAKES_UP.search(para.text, use.start + len(use.verb), max(end, use.start))
    ]


def list_clause(lead_in: Paragraph, item: Paragraph, starts: list[int]) -> int:
    """The clause of a lead-in that governs its items: the one whose verb the item inherited ('Decides that
    the mandate shall include the following tasks, ..., and stresses ...:' → the 'Decides' clause); for an item
    with a verb of its own, the clause that announces the list, else the last."""
    if len(starts) == 1:
        return 0
    if item.verb_inherited and item.verbs:
        inherited = item.verbs[0]
        for use in reversed(lead_in.verbs):
            if use.verb == inherited.verb and use.verb_class is inherited.verb_class:
                return bisect.bisect_right(starts, use.start) - 1
    m = _ANNOUNCES_LIST.search(lead_in.text)
    return bisect.bisect_right(starts, m.start()) - 1 if m else len(starts) - 1


class ParagraphIndex:
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
        self._clause_starts: list[int] | None = None
        self._lenders: dict[int, list[VerbUse]] | None = None  # by the start of their clause
        self._taking_up: list[tuple[int, VerbUse]] | None = None
        self._taker_clauses: list[int] = []
        self._taker_starts: list[int] = []

    def clause_of(self, pos: int) -> int:
        """The number of the verb clause holding `pos` (see `clause_starts`)."""
        if self._clause_starts is None:
            self._clause_starts = clause_starts(self.para)
        return bisect.bisect_right(self._clause_starts, pos) - 1

    def verb_clause_start(self, pos: int) -> int:
        """Where the verb clause holding `pos` starts."""
        if self._clause_starts is None:
            self._clause_starts = clause_starts(self.para)
        return self._clause_starts[self.clause_of(pos)]

    @property
    def clauses(self) -> list[int]:
        if self._clause_starts is None:
            self._clause_starts = clause_starts(self.para)
        return self._clause_starts

    @property
    def taking_up(self) -> list[tuple[int, VerbUse]]:
        """See `taking_up`: (clause number, verb) of each clause that takes up the clauses before it."""
        if self._taking_up is None:
            self._taking_up = taking_up(self.para, self.clauses)
            self._taker_clauses = [number for number, _ in self._taking_up]
            self._taker_starts = [use.start for _, use in self._taking_up]
        return self._taking_up

    def taker_after(self, clause: int) -> tuple[int, VerbUse] | None:
        """The clause that takes up `clause` (with its verb): the first after it that takes up what came
        before. It stands for what was named since the one before it, so each clause is taken up once."""
        takers = self.taking_up
        k = bisect.bisect_right(self._taker_clauses, clause)
        return takers[k] if k < len(takers) else None

    def taker_of(self, pos: int) -> tuple[int, VerbUse] | None:
        """The clause whose verb takes up the words at `pos`: the first such verb after them, in a later clause
        or later in their own ('urges the Government to redouble its efforts ..., and requests the Mission to
        support these efforts', one clause by 'these')."""
        takers = self.taking_up
        k = bisect.bisect_right(self._taker_starts, pos)
        return takers[k] if k < len(takers) else None

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

    def force_use_at(self, pos: int) -> VerbUse | None:
        """The verb whose force the words at `pos` carry: the one governing them, or a stronger one later in
        their clause that sums up what came before ('Strongly condemns ... denial of humanitarian access ... and
        demands that all relevant parties immediately put an end to such practices': the access denied is one
        of the practices demanded to end). See `_lends_back`. A verb before the words lends them nothing."""
        use = self.verb_use_at(pos)
        if self._lenders is None:
            self._lenders = {}
            for later, clause_start in _lenders(self.para, self.clauses):
                self._lenders.setdefault(clause_start, []).append(later)
        if not self._lenders:
            return use
        # A lender lends within its clause only: the words' clause's lenders, not every one of the paragraph.
        for later in self._lenders.get(self.verb_clause_start(pos), ()):
            if pos < later.start and (use is None or later.verb_class.strength > use.verb_class.strength):
                use = later
        return use
