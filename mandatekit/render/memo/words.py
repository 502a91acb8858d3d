"""Counts and sentences as the memo writes them: words up to ten, figures above; a sentence begins with a
capital and ends with a stop. Shared by the memo, the compare memo and the comments on a draft."""

from __future__ import annotations

import re

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """A count in words, as a sentence may not begin with a figure: 22 → 'twenty-two'."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")
    return str(n)


def number(n: int) -> str:
    """A count inside a sentence: words up to ten, figures above (UN editorial style)."""
    return _ONES[n] if n <= 10 else str(n)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
# English whatever the locale: the memo is written in English.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip


def cited_date(date: str) -> str:
    """A register's date as a citation gives it: '2021-01-27' → '27 January 2021', '2021-10' → 'October
    2021'; any other form (a year, '2026 draft') as written."""
    m = _ISO_DATE.fullmatch(date.strip())
    if m is None or not 1 <= int(m[2]) <= 12:
        return date.strip()
    month = _MONTHS[int(m[2]) - 1]
    return f"{int(m[3])} {month} {m[1]}" if m[3] else f"{month} {m[1]}"


def citation(source: dict[str, str]) -> str:
    """What follows a source's title in the annex, as a memo sent as it is cites it: its author (or, for an
    unsigned document, what it is) and its date; nothing for what the register does not give."""
    by = source.get("author") or source.get("kind") or ""
    return ", ".join(x for x in (by.strip(), cited_date(source.get("date") or "")) if x)
