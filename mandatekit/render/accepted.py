"""The draft as it would read with proposed fixes accepted, re-judged: a fix is kept only where the rule it
targets improves and no other rule gets worse. Pure functions of (Document, placements, judge); the text is
rebuilt with typed numbers and read again, so the same reader and judge decide as for the draft itself.

Placing the fixes of one draft reads and judges it again some twenty times (render/placement.py), so
`AcceptedReader` re-reads only the resolution itself and keeps an annex after its last operative paragraph as
read once (S/RES/2231's 1,497 paragraphs of the Plan of Action after its 59), and `judge_versions` tells the
draft's language and mission once: the Document and the verdicts are those of the full read and judge
(tests/render/test_accepted_reader.py compares them)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from mandatekit.read import read_string
from mandatekit.read.model import Document, Kind, Origin, Paragraph
from mandatekit.read.structure import build, closes_operative_part
from mandatekit.read.text import read_text

if TYPE_CHECKING:
    from mandatekit.judge import Finding, Report
    from mandatekit.render.placement import Placement

Judge = Callable[[Document], "Report"]
_Model = TypeVar("_Model", Paragraph, Origin)
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
          "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv"]  # fmt: skip


def label(level: int, n: int) -> str:
    """A typed number as resolutions write it: '3.', '(c)', '(vii)'."""
    if level == 0:
        return f"{n}."
    if level == 1:
        letters = ""
        while n:
            n, r = divmod(n - 1, 26)
            letters = chr(97 + r) + letters
        return f"({letters})"
    return f"({_ROMAN[n - 1]})" if n <= len(_ROMAN) else f"({n})"


def next_label(first: str | None, n: int) -> str:
    """The label of item `n` of a list whose first item is labelled `first`, in the list's own style."""
    core = (first or "").strip().strip("().")
    if core == "i":
        return label(2, n)
    if core.isdigit():
        return f"{n}."
    return label(1, n) if core.isalpha() else ""


def _level(p: Paragraph) -> int:
    return min(max(len(p.number) - 1, 0), 2)


# A typed number at the start of a paragraph's text: '29.', '(c)', '(iv)', '12 bis.'
_TYPED_LABEL = re.compile(r"^(?:\d{1,6}(?:\s+[a-z]+)?\.|\([a-z]{1,5}(?:\s+[a-z]+)?\))\s")


def _before(p: Paragraph) -> str:
    """The number of a paragraph restored just before `p`, as negotiators would number it so that `p` keeps
    its own: '(c)' -> '(b bis)', '30.' -> '29 bis.' (before a first item, its own number: nothing precedes)."""
    label = p.label or ""
    core = label.strip().strip("().")
    if core.isdigit() and int(core) > 1:
        return f"{int(core) - 1} bis."
    if _level(p) == 1 and len(core) == 1 and "a" < core <= "z" and label.startswith("("):
        return f"({chr(ord(core) - 1)} bis)"
    return label


def inside_first(document: Document, placements: Iterable[Placement]) -> list[Placement]:
    """New paragraphs after one paragraph in the order a reader expects them: a new item of the list that
    ends there ('(e) To support ...') before a new operative paragraph after the list ('3 bis. Calls upon
    ...'), which would otherwise cut the item off from its list. Otherwise in the order given (stable)."""

    def top_level(pl: Placement) -> bool:
        like = pl.like if pl.like is not None else pl.paragraph
        return (
            pl.action in ("insert", "add") and like is not None and document.paragraphs[like].parent is None
        )

    return sorted(placements, key=top_level)


def accepted_pieces(
    document: Document, placements: Iterable[Placement], start: int = 0, stop: int | None = None
) -> list[str]:
    """The paragraphs of the accepted text that come from `document.paragraphs[start:stop]` (with the new
    paragraphs placed after them), renumbered as from the draft's first operative paragraph when `start` is 0
    (a later `start` must hold no operative paragraph: nothing there is numbered)."""
    replaced: dict[int, str] = {}
    inserted: dict[int, list[Placement]] = {}
    for pl in inside_first(document, placements):
        if pl.paragraph is None:
            continue
        if pl.action == "replace":  # `result`: the text agreed (a bracketed paragraph amended, amend.py)
            replaced[pl.paragraph] = pl.result if pl.result is not None else pl.text
        elif pl.action in ("agree", "reject") and pl.result is not None:
            replaced[pl.paragraph] = pl.result
        elif pl.action in ("insert", "add"):
            inserted.setdefault(pl.paragraph, []).append(pl)
    counters = [0, 0, 0]
    out: list[str] = []

    def numbered(level: int, text: str) -> None:
        counters[level] += 1
        for deeper in range(level + 1, 3):
            counters[deeper] = 0
        out.append(f"{label(level, counters[level])} {text}")

    for p in document.paragraphs[start:stop]:
        *restored, own = replaced.get(p.index, p.text).split("\n\n")
        for text in restored:  # a paragraph deleted whole, restored before this one (render/agreement.py)
            if p.kind is not Kind.operative or _TYPED_LABEL.match(text):
                out.append(text)  # its own typed number came back with it ('29. Requests ...')
            else:
                out.append(f"{_before(p)} {text}")
        if p.kind is Kind.operative and p.label:
            out.append(f"{p.label} {own}")  # the draft's own number: a fix renumbers nothing
        elif own:
            out.append(own)
        for pl in inserted.get(p.index, []):
            if pl.number:  # the number the memo and the redline give it ('(h)', '(g bis)', '8 bis.')
                out.append(f"{pl.number} {pl.text}")
                continue
            like = document.paragraphs[pl.like if pl.like is not None else pl.paragraph]  # type: ignore[index]
            numbered(_level(like) if like.kind is Kind.operative and like.label else 0, pl.text)
    return out


def accepted_text(document: Document, placements: Iterable[Placement]) -> str:
    """The draft's text with each replacement made and each new paragraph in its place, renumbered."""
    return "\n\n".join(accepted_pieces(document, placements)) + "\n"


def rejudge(document: Document, placements: Iterable[Placement], judge: Judge) -> Report:
    return judge(read_string(accepted_text(document, placements)))


def judge_versions(judge: Judge, document: Document) -> tuple[Report, Judge]:
    """`document` judged, and the judge for versions of it with fixes accepted. A Setup's judge tells the
    language and the mission once, from `document`: a fix changes neither (it is written in the rules'
    language and names the mission its profile gives it), and telling them again was two thirds of judging
    a long draft. Any other judge judges each version as it is."""
    versions = getattr(getattr(judge, "__self__", None), "judge_versions", None)
    if getattr(judge, "__name__", None) != "judge" or versions is None:
        return judge(document), judge
    return versions(document)  # type: ignore[no-any-return]


def finding_of(judge: Judge, document: Document, rule: str) -> Finding | None:
    """`judge(document)`'s finding for one rule: a Setup's judge judges that rule alone (`Setup.judge_rule`),
    any other judge the whole draft."""
    one = getattr(getattr(judge, "__self__", None), "judge_rule", None)
    if getattr(judge, "__name__", None) == "judge" and one is not None:
        return one(document, rule)  # type: ignore[no-any-return]
    return next((f for f in judge(document).findings if f.rule == rule), None)


# What a re-read must see whole: line ends the text reader rewrites (they change line numbers) and square
# brackets (a bracket may close paragraphs later). A fix with one of them is read with the whole draft.
_CONTEXTUAL = re.compile("[\r\x0b\x0c\x85\u2028\u2029\\[\\]]")


class _Head:
    """The resolution itself (up to its last operative paragraph, with the fixes placed in it) as read."""

    def __init__(self, pieces: list[str]) -> None:
        text = "\n\n".join(pieces)
        blocks = read_text(text)
        self.document = build(blocks, "text")
        self.blocks, self.lines = len(blocks), text.count("\n")


class AcceptedReader:
    """`read_string(accepted_text(document, placements))`, cheaper for a draft with an annex after its last
    operative paragraph: a fix goes in the resolution, never in the annex, and the annex reads the same
    whatever stands before "Decides to remain seized": the same paragraphs, their positions shifted by what
    the fixes added. So the resolution is read again and the annex only moved. Where that may not hold (no
    such annex, a fix with brackets or odd line ends, a fix touching anything but an operative paragraph, a
    read that ends elsewhere) the whole text is read, as `rejudge` does."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.base = read_string(accepted_text(document, []))  # the draft with no fix, read whole
        operative = [p.index for p in document.paragraphs if p.kind is Kind.operative]
        self.split = operative[-1] + 1 if operative else len(document.paragraphs)
        self.tail: list[Paragraph] | None = None
        self._shifted: dict[tuple[int, int, int], list[Paragraph]] = {}
        self._locals: dict[int, tuple[Placement, bool]] = {}
        if self.split == len(document.paragraphs) or not self._may_splice([]):
            return
        head = _Head(accepted_pieces(document, [], 0, self.split))
        n = len(head.document.paragraphs)
        tail = self.base.paragraphs[n:]
        last = head.document.paragraphs[-1] if n else None
        if (
            last is not None
            and last.kind is Kind.operative
            and closes_operative_part(last.text)  # what follows starts an annex, whatever the OP numbers
            and tail
            and tail[0].kind is Kind.annex
            and tail[0].label is None  # an unnumbered first line: no OP number it could continue
            and all(p.parent is None or p.parent >= n for p in tail)
            and head.document.paragraphs == self.base.paragraphs[:n]
            and head.document.front == self.base.front
            and head.document.warnings == self.base.warnings
        ):
            self.head, self.tail = head, tail

    def _may_splice(self, placements: list[Placement]) -> bool:
        return all(self._local(pl) for pl in placements)

    def _local(self, pl: Placement) -> bool:
        """Whether a fix changes only an operative paragraph of the resolution, and reads the same in any
        context. Asked again for each fix kept: the answer is kept (with the fix, so its id stays its own)."""
        if id(pl) not in self._locals:
            paragraphs = self.document.paragraphs
            texts = [pl.text, pl.result or ""]
            if pl.paragraph is not None and pl.action in ("replace", "agree", "reject"):
                texts.append(paragraphs[pl.paragraph].text)
            local = pl.paragraph is None or (
                pl.paragraph < self.split
                and paragraphs[pl.paragraph].kind is Kind.operative
                and not any(_CONTEXTUAL.search(t) for t in texts)
            )
            self._locals[id(pl)] = (pl, local)
        return self._locals[id(pl)][1]

    def read(self, placements: Iterable[Placement]) -> Document:
        placements = list(placements)
        if not placements:
            return self.base
        if self.tail is None or not self._may_splice(placements):
            return read_string(accepted_text(self.document, placements))
        head = _Head(accepted_pieces(self.document, placements, 0, self.split))
        paragraphs = head.document.paragraphs
        last, before = paragraphs[-1] if paragraphs else None, self.head.document.paragraphs[-1]
        if last is None or (last.kind, last.text, last.heading) != (before.kind, before.text, before.heading):
            return read_string(accepted_text(self.document, placements))  # the resolution ends otherwise
        tail = self._shift(
            len(paragraphs) - len(self.head.document.paragraphs),
            head.blocks - self.head.blocks,
            head.lines - self.head.lines,
        )
        return Document.model_construct(
            path=None,
            format="text",
            front=head.document.front,
            paragraphs=[*paragraphs, *tail],
            warnings=head.document.warnings,
            pending_changes=head.document.pending_changes,
        )

    def _shift(self, paragraphs: int, blocks: int, lines: int) -> list[Paragraph]:
        """The annex as read after a resolution longer by so many paragraphs, blocks and lines. The last two
        shifts are kept: the fixes kept so far plus one more shift the annex alike for most candidates."""
        tail = self.tail or []
        if not (paragraphs or blocks or lines):
            return tail
        key = (paragraphs, blocks, lines)
        if key not in self._shifted:
            if len(self._shifted) >= 2:
                del self._shifted[next(iter(self._shifted))]
            self._shifted[key] = [_moved(p, paragraphs, blocks, lines) for p in tail]
        return self._shifted[key]


_MOVED = frozenset(("index", "parent", "origin"))
_MOVED_ORIGIN = frozenset(("index", "line"))


def _moved(p: Paragraph, paragraphs: int, blocks: int, lines: int) -> Paragraph:
    """`p` so many paragraphs, blocks and lines further down: what `p.model_copy(update=...)` (and its
    Origin's) makes, without pydantic's generic copying, which took most of re-reading a long annex."""
    o = p.origin
    values = o.__dict__.copy()
    values["index"] = o.index + blocks
    values["line"] = None if o.line is None else o.line + lines
    origin = _model(Origin, values, o.__pydantic_fields_set__ | _MOVED_ORIGIN)
    values = p.__dict__.copy()
    values["index"] = p.index + paragraphs
    values["parent"] = None if p.parent is None else p.parent + paragraphs
    values["origin"] = origin
    return _model(Paragraph, values, p.__pydantic_fields_set__ | _MOVED)


def _model(cls: type[_Model], values: dict[str, object], fields_set: set[str]) -> _Model:
    new = object.__new__(cls)
    object.__setattr__(new, "__dict__", values)
    object.__setattr__(new, "__pydantic_fields_set__", fields_set)
    object.__setattr__(new, "__pydantic_extra__", None)
    object.__setattr__(new, "__pydantic_private__", None)
    return new
