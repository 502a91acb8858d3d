"""What every placer shares (placement.py, and the tasks, amend, mandate, reports and restore modules it
tries): the Placement a placer returns, the draft's paragraph tree, and how related a paragraph is to a
suggestion by the rare words they share."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from mandatekit.compare import DiffPiece
from mandatekit.read.model import Document, Kind, Paragraph

Action = Literal["replace", "insert", "add", "agree", "reject", "covered"]
_WORD = re.compile(r"[a-z]{4,}")
_STOP = frozenset(
    ["that", "this", "with", "from", "their", "them", "they", "have", "been", "which", "shall", "other",
     "including", "under", "such", "into", "also", "within", "these", "those", "upon", "where", "when"]
)  # fmt: skip


@dataclass(frozen=True)
class Placement:
    """Where one finding's suggestion goes, and what the paragraph reads afterwards."""

    rule: str
    action: Action
    where: str = field(metadata={"doc": "'Replace OP 7', 'Insert after OP 3', 'Add under “Status of ...”'"})
    text: str  # the new paragraph as it would read (for replace: the whole paragraph after the change)
    pieces: list[DiffPiece]  # word-level redline, current → new (an insertion is one inserted piece)
    paragraph: int | None  # replace: the paragraph replaced; insert/add: the paragraph the new one follows
    like: int | None = None  # insert/add: the paragraph whose numbering and formatting the new one copies
    anchor: str = ""  # words of `paragraph` a comment hangs on ('' = the whole paragraph)
    heading: str | None = None  # add: the heading it goes under
    result: str | None = None  # agree/reject: the paragraph's text once agreed or rejected (nothing is typed)
    secures: str = ""  # agree/reject: what it would secure ('would make the draft meet this recommendation')
    whole_paragraph: bool = False  # reject: the pending change deletes a whole paragraph (before `paragraph`)
    number: str | None = None  # insert/add: the new paragraph's number ('(h)', '(g bis)', '8 bis.'; tasks.py)

    @property
    def verb_only(self) -> bool:
        """A replacement that changes only the verb (placement.py tries it before an amendment)."""
        changed = [p for p in self.pieces if p.op != "equal"]
        return self.action == "replace" and len(changed) == 2 and len(self.pieces) <= 4


def content_words(text: str) -> list[str]:
    """The words that say what a text is about: four letters or more, the commonest function words left out."""
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


class Relatedness:
    """Shared words weighted by rarity in the draft: 'MINUSCA' in every paragraph says little, 'vetting' a lot."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.bags = {p.index: set(content_words(p.text)) for p in paragraphs}
        df = Counter(w for bag in self.bags.values() for w in bag)
        n = max(len(self.bags), 1)
        self.weight = {w: math.log(1 + n / c) for w, c in df.items()}

    def score(self, index: int, query: set[str]) -> float:
        # fsum, not sum: a set's order follows the hash seed, and float sums in another order can differ in
        # the last bit and break a tie the other way: the same draft placed its fix elsewhere in some runs.
        return math.fsum(self.weight.get(w, 0.0) for w in self.bags.get(index, set()) & query)


def top_of(document: Document, p: Paragraph) -> Paragraph:
    while p.parent is not None:
        p = document.paragraphs[p.parent]
    return p


def last_descendant(document: Document, p: Paragraph) -> Paragraph:
    last = p
    for q in document.paragraphs[p.index + 1 :]:
        if q.kind is not Kind.operative or not descends(document, q, p.index):
            break
        last = q
    return last


def descends(document: Document, q: Paragraph, ancestor: int) -> bool:
    """Whether `q` stands under paragraph `ancestor`, at any depth."""
    while q.parent is not None:
        if q.parent == ancestor:
            return True
        q = document.paragraphs[q.parent]
    return False
