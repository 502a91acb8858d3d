"""Find a rule's words in a draft: the judged paragraphs searched as one text, in one pass per pattern set.

A phrase never crosses the ';' put between paragraphs, so a match always lies in one paragraph, and offsets
come back as (paragraph index, start, end) in that paragraph's own text."""

from __future__ import annotations

import bisect
import re
from typing import Any

from mandatekit.read.model import Document, Kind
from mandatekit.rulebook.latin1 import as_latin1, searches_latin1
from mandatekit.rulebook.patterns import needs_met, pattern_set
from mandatekit.textnorm import _ONE_TO_ONE

_JOIN = "\n;\n"  # between paragraphs when the draft is searched in one pass: phrases never cross a ';'
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
# `for_matching` as replacements of the characters a text holds: str.translate looks up every character in
# a dict, five times slower. A replacement is never itself replaced, so the order does not matter.
_MATCHING_ALL = list(_ONE_TO_ONE.items())
_MATCHING_ASCII = [(a, b) for a, b in _MATCHING_ALL if a.isascii()]
assert not set(_ONE_TO_ONE.values()) & set(_ONE_TO_ONE)

# Matches of one pattern kept in a draft: a real draft has hundreds at most. A draft of one phrase repeated
# a million times would otherwise cost a million hits to weigh; the first 20,000 decide its verdict.
MAX_MATCHES = 20_000


def for_matching(text: str) -> str:
    """`textnorm.for_matching(text)`, faster."""
    for char, plain in _MATCHING_ASCII if text.isascii() else _MATCHING_ALL:
        if char in text:
            text = text.replace(char, plain)
    return text


class TextSearch:
    """The operative and preambular paragraphs of a document, as one text to search."""

    counts_as_document = True  # a draft (not words searched for one): see `_documents`

    def __init__(self, document: Document) -> None:
        self.document = document
        self.paragraphs = document.paragraphs
        self.judged = [p for p in self.paragraphs if p.kind in (Kind.operative, Kind.preambular)]
        matching = [for_matching(p.text) for p in self.judged]
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
        self._places: dict[str, int] | None = None  # word start → paragraphs holding such a word (bits)
        self._word_places: dict[bytes, int] = {}  # word of the text → paragraphs holding it (bits)
        self._words: list[bytes] = []  # the words of the text, sorted
        self._everywhere = 0  # all paragraphs (bits)

    def matching(self, para: int) -> str | None:
        """The paragraph's text as matched (`for_matching`), if it is judged."""
        return self._matching.get(para)

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
            _documents += int(self.counts_as_document)
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
        latin1 = searches_latin1(pattern)
        data = self._data(latin1)
        convert = not latin1 and bool(self._byte_ends)
        out: list[tuple[int, int, int]] = []
        for pos, endpos in self._spans(where) if where is not None and latin1 else [(0, len(data))]:
            for m in pattern.finditer(data, pos, endpos):
                if len(out) >= MAX_MATCHES:  # a draft of one phrase repeated: enough to judge it
                    return out
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
