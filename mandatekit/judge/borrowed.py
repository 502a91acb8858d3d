"""A clause that names its subject by paragraph number is read with the words of the paragraphs it names.

The principle: "Requests the Secretary-General to report ... on the implementation of this resolution by all
parties, in particular paragraphs 2 through 12" asks for a report on what paragraphs 2 to 12 demand (an end to
violations of human rights, the safety of UN personnel ...), as if their words stood in its place. So a rule's
words are also searched in the referring clause's own words up to what it asks ('... to report', '... shall
support'), followed by each piece of the referenced paragraphs (their text cut at commas, semicolons and
colons: each thing they say is what the clause asks about). What is found there is cited at the referring
paragraph, over the reference, and judged as its words: the referring clause's verb and addressee give the force
(a report asked stays a report, `standing.about_a_report`), its clause is the one the elements must share,
and its negations and brackets count; the finding says which paragraphs were read with it.

A match must begin in the referring clause's own words and end in the borrowed ones ('report' + 'violations of
human rights'): the clause says what it asks, the paragraphs it names what about. Words found wholly in the
borrowed text are the referenced paragraphs' own, found there already, and lend nothing: "report on the
implementation of operative paragraph 1" is not a report on each thing paragraph 1 names (the topic of a
report on compliance is compliance). An exclusion found anywhere in the borrowed words rules out what that
reference borrows, never the referring clause's own words.

Bounded and linear: one level (the referenced paragraphs' own references are not followed), at most
`MAX_PER_REFERENCE` characters searched for one reference, and no more in all than the draft's own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mandatekit.judge.cues import first_negation, qualifier_spans
from mandatekit.judge.search import TextSearch
from mandatekit.read.model import Document, Kind, Origin, Paragraph
from mandatekit.read.references import references

if TYPE_CHECKING:
    from mandatekit.judge.prepared import Prepared

MAX_PER_REFERENCE = 12_000  # characters searched for one reference (its words and what it borrows), at most
MAX_HEAD = 200  # characters of the referring clause before a reference where what it asks is looked for
# Characters of the referring words kept before each borrowed piece: a match must begin in them and reach the
# piece, and a phrase reaches over at most eight words ('report ... violations'): their last words suffice.
KEPT = 80
# What a clause asks: its first action after the verb ('to report', 'shall support', 'to continue to monitor').
_ACTION = re.compile(
    r"\b(?:to\s+(?!(?:the|a|an|all|its|his|her|their|this|these|those|such|any|each|every|that)\b)"
    r"|(?:shall|will|should|must|may)\s+)(?:(?:be|continue\s+to|continues\s+to|further|also|fully|"
    r"immediately|promptly|regularly|closely)\s+)*[\w-]+",
    re.IGNORECASE,
)
# What is asked may be a report the clause's verb asks for: "to submit a joint report", "to provide regular
# briefings" ask for the report itself, as "to report" does.
_REPORTING_VERBS = frozenset(
    ["submit", "provide", "present", "deliver", "prepare", "produce", "give", "include"]
)
_REPORT_ASKED = re.compile(
    r"(?:\s+(?:a|an|the|regular|joint|written|detailed|comprehensive|periodic|annual|further|full|special|oral"
    r"|public)){0,4}\s+(?:reports?|briefings?|updates?)\b",
    re.IGNORECASE,
)
# The reference as an item of what the clause asks at its opening ("to submit a joint report ... on the status
# of implementation of the mandate ..., including the state of compliance with paragraphs 3 to 13"; "to report
# on the implementation of this resolution ..., in particular paragraphs 2 through 12"): a marker that adds an
# item to the clause's object, a few words before the reference.
_ITEM_OF = re.compile(
    r"\b(?:including|in\s+particular|particularly|notably|especially|inter\s+alia)\b(?:\s+[\w'’-]+){0,6}\s*$",
    re.IGNORECASE,
)
_PIECE_CUT = re.compile(r"[,;:](?=\s)")
_THAT = re.compile(r"\s+that\b", re.IGNORECASE)
_JOINING = re.compile(
    r"^(?:(?:and|or|but|further|also|then)\b\s*)+|(?:\s+\b(?:and|or|further|also))+$", re.IGNORECASE
)


@dataclass(frozen=True)
class Borrowing:
    """One reference read with the words it names."""

    para: int  # the referring paragraph
    start: int  # the reference's span in its text
    end: int
    written: str  # the reference as written: 'paragraphs 2 through 12'
    refs: tuple[str, ...]  # the paragraphs read with it: 'OP 2', ..., 'OP 12'


@dataclass(frozen=True)
class _Segment:
    borrowing: Borrowing
    head_start: int  # offset in the referring paragraph of the referring words kept
    head_len: int


class _SegmentSearch(TextSearch):
    """The segments searched as a text: not a draft of its own (`search._documents` counts drafts)."""

    counts_as_document = False


class Borrowed:
    """The references of a prepared draft to its own paragraphs, and the search of the words they borrow."""

    def __init__(self, prepared: Prepared) -> None:
        self.borrowings: list[Borrowing] = []
        self._segments: list[_Segment] = []
        self.made: dict[tuple[int, int, int], Borrowing] = {}  # hit span (para, start, end) → its borrowing
        self.borrowed_chars = 0  # characters of the text searched for the references, in all
        texts: list[str] = []
        budget = len(prepared.text)  # no more text searched for the references than the draft's own
        by_number: dict[tuple[str, ...], int] = {}
        for p in prepared.judged:
            if p.kind is Kind.operative and p.number and p.ref and p.ref.startswith("OP "):
                by_number.setdefault(tuple(n.lower() for n in p.number), p.index)
        pieces_of: dict[int, list[str]] = {}  # a referenced paragraph's pieces, cut once however often named
        for p in prepared.judged:
            if p.kind is not Kind.operative:
                continue
            found = references(p.text)
            # Its own words, and those of the paragraphs it stands with (its lead-ins, its items): never borrowed.
            related = {p.index, *prepared.ancestors(p), *prepared.descendants(p.index)} if found else set()
            for ref in found:
                if budget <= 0:
                    break
                named = [by_number[n] for n in ref.numbers if n in by_number and by_number[n] not in related]
                if not named:
                    continue
                head_start, head_end = _head(prepared, p, ref.start)
                head = p.text[head_start:head_end]
                room = min(MAX_PER_REFERENCE, budget)
                borrowed: list[str] = []
                for target in dict.fromkeys(t for n in named for t in (n, *prepared.descendants(n))):
                    if target in related:
                        continue
                    if target not in pieces_of:
                        pieces_of[target] = _pieces(prepared.paragraphs[target])
                    for piece in pieces_of[target]:
                        if room <= len(head) + 1:
                            break
                        borrowed.append(f"{head} {piece[: room - len(head) - 1]}")
                        room -= len(borrowed[-1])
                if not borrowed:
                    continue
                taken = sum(len(t) for t in borrowed)
                budget -= taken
                self.borrowed_chars += taken
                borrowing = Borrowing(
                    p.index,
                    ref.start,
                    ref.end,
                    p.text[ref.start : ref.end],
                    tuple(prepared.paragraphs[n].ref or "" for n in named),
                )
                self.borrowings.append(borrowing)
                self._segments += [_Segment(borrowing, head_start, len(head))] * len(borrowed)
                texts += borrowed
        self._search = _segment_search(texts) if texts else None

    def find(
        self, phrases: tuple[str, ...], regexes: tuple[str, ...], whole: bool = False
    ) -> list[tuple[int, int, int]]:
        """Matches that begin in a referring clause's words and end in what it borrows, as (paragraph, start,
        end) of the referring paragraph, up to the end of the reference; with `whole` (an exclusion), also
        those wholly in the borrowed words, as the reference itself. Matches in the referring words alone are
        the draft's own, found there."""
        if self._search is None:
            return []
        out: dict[tuple[int, int, int], None] = {}
        for k, start, end in self._search.find_in(list(phrases), list(regexes)):
            segment = self._segments[k]
            if end <= segment.head_len:
                continue
            b = segment.borrowing
            if start < segment.head_len:
                span = (b.para, segment.head_start + start, b.end)
            elif whole:
                span = (b.para, b.start, b.end)
            else:
                continue
            out[span] = None
            self.made[span] = b
        return list(out)

    def excluded(self, phrases: tuple[str, ...], regexes: tuple[str, ...]) -> list[tuple[int, int, int]]:
        """The references whose borrowed words an exclusion rules out: their spans only."""
        found = self.find(phrases, regexes, whole=True)
        return list(
            dict.fromkeys((p, self.made[(p, s, e)].start, self.made[(p, s, e)].end) for p, s, e in found)
        )


def _head(prepared: Prepared, para: Paragraph, at: int) -> tuple[int, int]:
    """The referring words kept before the borrowed ones: the clause's last `MAX_HEAD` characters before the
    reference, up to what it asks ('... to report') where it asks it there, else up to the reference, of
    which the last `KEPT` characters are kept. A
    reference far down a long clause (the last of a report's many subjects) is read in its place: what
    the clause asked at its opening is not what the words just before the reference qualify. Unless a marker
    makes the reference an item of what the clause asks ("..., including the state of compliance with
    paragraphs 3 to 13"): then, however far, the clause's action is read with it, as for a near one. What is
    asked includes the report the action asks for ("to submit a joint report")."""
    index = prepared.index(para.index)
    clause = max(index.clause_start(at), index.verb_clause_start(at))
    start = max(clause, at - MAX_HEAD)
    action = _ACTION.search(para.text, start, at)
    if action is None and clause < start and _ITEM_OF.search(para.text, at - KEPT, at):
        # Far down its clause, the reference an item of what the clause asks: read with what it asks, and
        # only that (its addressee stands far from the reference; each borrowed piece repeats the head).
        asked = _ACTION.search(para.text, clause, at)
        if asked:
            return asked.start(), _asked(para.text, asked, at)
    end = _asked(para.text, action, at) if action and action.end() <= at else at
    if end - start > KEPT:  # the last `KEPT` characters, from a word's start
        space = para.text.find(" ", end - KEPT, end)
        start = space + 1 if space >= 0 else end - KEPT
    return start, end


def _asked(text: str, action: re.Match[str], at: int) -> int:
    """Where what a clause asks ends: after its action, and after the report that action asks for."""
    verb = action.group().split()[-1].lower()
    report = _REPORT_ASKED.match(text, action.end(), at) if verb in _REPORTING_VERBS else None
    return report.end() if report else action.end()


def _pieces(para: Paragraph) -> list[str]:
    """The things a referenced paragraph says, each a piece of its text between commas, semicolons, colons and
    its own verbs ('Demands that', 'further requests'): the referring clause's verb governs what it borrows.
    Not what the paragraph only minds ('with due consideration for the safety of UN personnel',
    `cues.qualifier_spans`), nor a piece that says the opposite ('shall no longer'): the referring clause
    would borrow them as asked."""
    text = para.text
    cuts = [(start, end) for start, end, _ in qualifier_spans(text)]
    for use in para.verbs:
        end = use.start + len(use.verb)
        if text[use.start : end].lower() == use.verb.lower():
            that = _THAT.match(text, end)
            cuts.append((use.start, that.end() if that else end))
    for start, end in sorted(cuts, reverse=True):
        text = f"{text[:start]}, {text[end:]}"
    out = []
    for piece in _PIECE_CUT.split(text):
        piece = _JOINING.sub("", piece.strip(" ,;:"))
        if piece and first_negation(piece) is None:
            out.append(piece)
    return out


def _segment_search(texts: list[str]) -> _SegmentSearch:
    paragraphs = [
        Paragraph(index=k, kind=Kind.operative, text=text, origin=Origin(index=k))
        for k, text in enumerate(texts)
    ]
    return _SegmentSearch(Document(format="references", paragraphs=paragraphs))
