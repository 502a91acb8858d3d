"""Pair the paragraphs of two rounds of a draft: which paragraph of one round is the same paragraph in the
other.

A paragraph whose words largely stand in the other round is the same paragraph, wherever it moved (by
words). A drafter also rewrites a paragraph where it stands: "Reiterates its call on the Government to comply
with the SOFA" becomes "Encourages the Government to continue its cooperation ... with regard to the SOFA".
Too few words stay for the first test, yet it is no deletion: it is the same paragraph, weakened, and the
comparison must show by which words. Such a paragraph is paired by its place: it stands between the same
unchanged neighbours in both rounds (so inserted or deleted paragraphs elsewhere, and the renumbering they
cause, do not matter), at the same depth, and it shares words of its subject with its earlier self.

Cost: a paragraph is looked up by its exact words in a dictionary; the search by words scans the other
round's paragraphs once with their word sets computed once; the search by place looks at a bounded window of
neighbours. Pairing k paragraphs of two drafts of n paragraphs is O(k·n), never all pairs."""

from __future__ import annotations

import difflib
import heapq
import re
from collections import Counter
from dataclasses import dataclass

from mandatekit.read.model import Paragraph

MATCH_THRESHOLD = 0.6  # below this similarity two paragraphs are not the same paragraph by their words
NEIGHBOURS = 12  # how far to look, either side, for an unchanged neighbour that fixes a paragraph's place
# Two paragraphs paired by place must share this much of the shorter one's subject words.
SUBJECT_FLOOR = 0.2
# A word in more of a draft's paragraphs than both of these is no one paragraph's subject.
COMMON_SHARE, COMMON_FLOOR = 0.15, 3
_WORDS = re.compile(r"\S+")
_SUBJECT_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
# Words of four letters or more that say nothing of a paragraph's subject: they are in every paragraph.
_NOT_SUBJECT = frozenset(
    [
        "that",
        "this",
        "these",
        "those",
        "with",
        "from",
        "which",
        "shall",
        "will",
        "into",
        "their",
        "them",
        "they",
        "other",
        "such",
        "also",
        "including",
        "within",
        "where",
        "when",
        "while",
        "upon",
        "under",
        "over",
        "after",
        "before",
        "further",
        "notes",
        "requests",
        "calls",
        "decides",
        "urges",
        "encourages",
        "reiterates",
        "stresses",
        "welcomes",
        "emphasizes",
        "underlines",
        "recalls",
        "expresses",
        "continue",
        "continues",
        "relevant",
        "appropriate",
        "necessary",
        "particular",
        "regard",
        "accordance",
        "well",
    ]
)


def text_similarity(a: str, b: str) -> float:
    """How far two paragraphs are the same paragraph, 0 to 1. The plain ratio penalizes a paragraph that was
    only extended; where one paragraph's words largely stand in the other (overlap >= 0.8), that counts."""
    x, y = _WORDS.findall(a.lower()), _WORDS.findall(b.lower())
    if not x or not y:
        return 0.0
    matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    ratio, overlap = 2 * shared / (len(x) + len(y)), shared / min(len(x), len(y))
    return max(ratio, overlap * 0.9) if overlap >= 0.8 else ratio


def subject_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _SUBJECT_WORD.findall(text.lower()) if w not in _NOT_SUBJECT)


def subject_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the smaller paragraph's subject words the other holds too."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _opening(text: str) -> tuple[str, ...]:
    """A paragraph's first three words, its verb and addressee: 'requests the secretary-general'."""
    return tuple(text.lower().split()[:3])


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Pair:
    """A paragraph's counterpart in the other round. `by` says how it was found: by its words (the same
    paragraph, perhaps edited) or by its place (rewritten where it stood)."""

    paragraph: Paragraph
    score: float
    by: str  # "words" | "place"


class Pairing:
    """Finds, for a paragraph of one round (`source`), its counterpart in the other (`target`). Both lists
    hold the paragraphs compared, in document order."""

    def __init__(
        self, source: list[Paragraph], target: list[Paragraph], common: frozenset[str] | None = None
    ) -> None:
        self.source, self.target = source, target
        if common is None:
            # Words in many of the draft's paragraphs (the mission's name, the host state's, 'security') say
            # nothing of one paragraph's subject: two paragraphs sharing only those are not one paragraph.
            frequency = Counter(w for p in source for w in subject_words(p.text))
            limit = max(COMMON_FLOOR, COMMON_SHARE * len(source))
            common = frozenset(w for w, n in frequency.items() if n > limit)
        self._common = common
        self._subjects: dict[int, frozenset[str]] = {}
        self._source_at = {p.index: n for n, p in enumerate(source)}
        self._target_at = {p.index: n for n, p in enumerate(target)}
        self._target_by_text: dict[str, list[int]] = {}
        for n, p in enumerate(target):
            self._target_by_text.setdefault(_key(p.text), []).append(n)
        self._source_texts = {_key(p.text) for p in source}
        self._word_sets: dict[int, frozenset[str]] = {}

    def _subject(self, para: Paragraph) -> frozenset[str]:
        key = id(para)
        if key not in self._subjects:
            self._subjects[key] = subject_words(para.text) - self._common
        return self._subjects[key]

    def _words(self, para: Paragraph) -> frozenset[str]:
        key = id(para)
        if key not in self._word_sets:
            self._word_sets[key] = frozenset(para.text.lower().split())
        return self._word_sets[key]

    def counterpart(self, para: Paragraph) -> tuple[Pair | None, float]:
        """The same paragraph in the other round, and the best similarity by words seen (for a paragraph
        with no counterpart, how close the nearest came)."""
        by_words, score = self._by_words(para)
        if by_words is not None:
            return by_words, score
        return self._by_place(para), score

    def _by_words(self, para: Paragraph) -> tuple[Pair | None, float]:
        exact = self._target_by_text.get(_key(para.text))
        if exact:
            here = self._source_at.get(para.index, 0)
            nearest = min(exact, key=lambda n: abs(n - here))
            return Pair(self.target[nearest], 1.0, "words"), 1.0
        # Cheap pre-filter on shared words, then an exact ratio on the few that remain.
        words = self._words(para)
        ranked = heapq.nlargest(5, self.target, key=lambda c: len(words & self._words(c)))
        best, score = None, 0.0
        for candidate in ranked:
            s = text_similarity(para.text, candidate.text)
            if s > score:
                best, score = candidate, s
        if best is not None and score >= MATCH_THRESHOLD:
            return Pair(best, score, "words"), score
        return None, score

    def _anchor(self, start: int, step: int) -> int | None:
        """The position in `target` of the nearest neighbour of source[start] (walking by `step`) found
        unchanged in the other round; -1 or len(target) when the walk reaches the document's edge first."""
        n = start + step
        for _ in range(NEIGHBOURS):
            if n < 0:
                return -1
            if n >= len(self.source):
                return len(self.target)
            found = self._target_by_text.get(_key(self.source[n].text))
            if found and len(found) == 1:
                return found[0]
            n += step
        return None

    def _by_place(self, para: Paragraph) -> Pair | None:
        here = self._source_at.get(para.index)
        if here is None:
            return None
        before, after = self._anchor(here, -1), self._anchor(here, 1)
        if before is None or after is None or after - before > 2 * NEIGHBOURS + 1:
            return None
        depth = len(para.number)
        candidates = [
            c
            for c in self.target[before + 1 : after]
            if c.kind == para.kind and len(c.number) == depth and _key(c.text) not in self._source_texts
        ]
        mine = self._subject(para)
        scored = [(subject_overlap(mine, self._subject(c)), c) for c in candidates]
        scored = [(s, c) for s, c in scored if s >= SUBJECT_FLOOR]
        around = [o for o in self._between(here) if len(o.number) == depth and o.kind == para.kind]
        if scored:
            best_score, best = max(scored, key=lambda sc: sc[0])
        else:
            # No subject word left in common ('report violations of the SOFA' → 'include ... information on the
            # cooperation of the Government'): still the same paragraph if it alone, on either side, opens
            # with the same verb and addressee ('Requests the Secretary-General').
            opening = _opening(para.text)
            same = [c for c in candidates if _opening(c.text) == opening]
            if len(same) != 1 or sum(_opening(o.text) == opening for o in around) != 1:
                return None
            best_score, best = 0.0, same[0]
        # The candidate must not be another paragraph's own self: one of the source paragraphs between the
        # same neighbours that it resembles by words, or shares more of its subject with.
        reverse = Pairing(self.target[before + 1 : after], self._between(here), self._common)
        mirror, _ = reverse._by_words(best)
        if mirror is not None and mirror.paragraph.index != para.index:
            return None
        theirs = self._subject(best)
        for other in around:
            if other.index != para.index and subject_overlap(self._subject(other), theirs) > best_score:
                return None
        return Pair(best, round(best_score, 3), "place")

    def _between(self, here: int) -> list[Paragraph]:
        """The source paragraphs around source[here] up to its unchanged neighbours (bounded)."""
        lo, hi = here, here
        while lo > 0 and here - lo < NEIGHBOURS:
            lo -= 1
            found = self._target_by_text.get(_key(self.source[lo].text))
            if found and len(found) == 1:
                lo += 1
                break
        while hi < len(self.source) - 1 and hi - here < NEIGHBOURS:
            hi += 1
            found = self._target_by_text.get(_key(self.source[hi].text))
            if found and len(found) == 1:
                hi -= 1
                break
        return self.source[lo : hi + 1]
