"""Counts and sentences as the memo writes them: words up to ten, figures above; a sentence begins with a
capital and ends with a stop. Shared by the memo, the compare memo and the comments on a draft."""

from __future__ import annotations

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
