"""A draft's references to its own operative paragraphs, by number.

A resolution often gives a clause's subject by paragraph number: "to report ... on the implementation of this
resolution by all parties, in particular paragraphs 2 through 12", "the tasks set out in paragraph 29 above",
"as described in paragraph 30 (a)", "in accordance with paragraphs 4 and 5", "the measures imposed by
paragraph 3". Such a reference stands for the words of the paragraphs it names; the judge reads the referring
clause with them (judge/borrowed.py).

Only references to this draft's own paragraphs are read: a reference followed by "of resolution 2127 (2013)",
"of its resolution ...", "of the report", "of Annex I", "of the Agreement", or after another text named ("the
Special Report in paragraphs 51-55"), names another text's paragraphs and is left alone ("of this resolution" /
"of the present resolution" is this draft's). A preambular paragraph
named as such ("preambular paragraph 5") is not an operative paragraph. Ranges ("2 through 12", "2 to 5",
"2-5"), lists ("4 and 5", "4, 5 and 7"), sub-paragraphs ("30 (a)", "30 (a) and (b)") and a trailing "above" or
"below" are read; a range of more than `MAX_RANGE` paragraphs is read as its two ends (a typing slip, not a
reference to half the resolution).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_RANGE = 30  # paragraphs in one range, at most ("2 through 12" names 11)

_ITEM = r"(?:\d+(?:\s*\([a-z]{1,5}\))*|\([a-z]{1,5}\)(?:\s*\([a-z]{1,5}\))*)"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through|until)\s+|\s*[-\u2013]\s*)"
_REFERENCE = re.compile(
    rf"(?<![\w-])(?:(?P<pre>preambular|preamble)\s+)?(?:operative\s+)?(?:sub-?)?paragraphs?\s+(?P<list>\d+(?:\s*\([a-z]{{1,5}}\))*"
    rf"(?:{_SEPARATOR}(?:(?:operative\s+)?(?:sub-?)?paragraphs?\s+)?{_ITEM}(?![\w-]))*)(?![\w-])"
    r"(?P<tail>\s+(?:above|below))?",
    re.IGNORECASE,
)
# After the reference: another text's paragraphs ("of resolution 2127 (2013)", "of the report", "of Annex I",
# "in the annex to ...", "under the Agreement"), unless the text is this resolution.
_OF_ANOTHER = re.compile(r"\s*,?\s+of\s+(?!(?:this|the\s+present)\s+resolution\b)", re.IGNORECASE)
_IN_ANOTHER = re.compile(
    r"\s*,?\s+(?:in|under)\s+(?:the\s+|its\s+)?(?:(?i:resolution|report|annex|agreement)|[A-Z]\w*\s+(?:Agreement|Report))"
)
# Before the reference: another text named, whose paragraphs follow ("the joint activities set out in the
# Special Report in paragraphs 51-55", "the Agreement, paragraph 4").
_AFTER_ANOTHER = re.compile(
    r"\b(?:report|reports|agreement|agreements|annex|communiqu\w*|letter|statement|plan|document|accord|accords"
    r"|declaration|roadmap|framework|charter|convention|protocol|resolution\s+\d+\s*\(\d{4}\))(?:['\u2019]s)?"
    r"[\s,]+(?:(?:in|at|under)\s+)?$",
    re.IGNORECASE,
)
# Numbers typed on after the list without a separator ("paragraphs 10, 17, 18, 19 20, 21 ... of the report"):
# still the list, for what follows it.
_MORE_NUMBERS = re.compile(r"(?:[\s,]*(?:(?:and|or)\s+)?\d+(?:\s*\([a-z]{1,5}\))*(?![\w-]))*", re.IGNORECASE)
_TOKENS = re.compile(
    r"\d+(?:\s*\([a-z]{1,5}\))*|\([a-z]{1,5}\)(?:\s*\([a-z]{1,5}\))*|\bto\b|\bthrough\b|\buntil\b|[-\u2013]",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"\(([a-z]{1,5})\)", re.IGNORECASE)


@dataclass(frozen=True)
class Reference:
    """A reference to paragraphs of this draft: where it stands, and the numbers it names."""

    start: int
    end: int
    numbers: tuple[tuple[str, ...], ...]  # ('2',), ('30', 'a'): as `Paragraph.number`


def references(text: str) -> list[Reference]:
    """The references to this draft's own operative paragraphs in a paragraph's text, in order."""
    if "aragraph" not in text:
        return []
    out = []
    for m in _REFERENCE.finditer(text):
        if m.group("pre"):
            continue
        after = _MORE_NUMBERS.match(text, m.end()).end()
        if _OF_ANOTHER.match(text, after) or _IN_ANOTHER.match(text, after):
            continue
        if _AFTER_ANOTHER.search(text, max(0, m.start() - 60), m.start()):
            continue
        numbers = _numbers(m.group("list"))
        if numbers:
            out.append(Reference(m.start(), m.end(), numbers))
    return out


def _numbers(listed: str) -> tuple[tuple[str, ...], ...]:
    """The paragraph numbers a reference's list names, ranges expanded, bare sub-paragraphs ('and (b)')
    under the number before them."""
    out: list[tuple[str, ...]] = []
    pending_range = False
    last: tuple[str, ...] | None = None
    for token in _TOKENS.findall(listed):
        lowered = token.lower()
        if lowered in ("to", "through", "until", "-", "\u2013"):
            pending_range = last is not None
            continue
        letters = tuple(x.lower() for x in _LETTERS.findall(token))
        digits = re.match(r"\d+", token)
        if digits:
            number: tuple[str, ...] = (digits.group(), *letters)
        elif last is not None:
            number = (last[0], *letters)
        else:
            continue
        if pending_range and last is not None and len(last) == 1 and len(number) == 1:
            low, high = int(last[0]), int(number[0])
            if 0 < high - low <= MAX_RANGE:
                out.extend((str(n),) for n in range(low + 1, high + 1))
                last, pending_range = number, False
                continue
        out.append(number)
        last, pending_range = number, False
    return tuple(dict.fromkeys(out))
