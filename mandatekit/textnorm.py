"""Text normalization for matching, keeping the original words for quoting.

`for_matching` maps one character to exactly one character, so an offset into the normalized text is an
offset into the original: a match found in normalized text is quoted back in the drafter's own words.
Case is not folded here (str.lower can change length); patterns are compiled case-insensitive instead.
"""

from __future__ import annotations

import re

# Characters that carry no text: removed when a draft is read (soft hyphen, zero-width marks, BOM).
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)

_ONE_TO_ONE = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
    "\n": " ",
    "\r": " ",
    "\v": " ",
    "\f": " ",
}
_MATCH_TABLE = str.maketrans(_ONE_TO_ONE)

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]+")
# Characters Word's XML cannot hold (XML 1.0 forbids C0 controls other than tab, LF, CR).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Tidy text as read: drop invisible characters and control codes, collapse runs of spaces."""
    text = _XML_ILLEGAL.sub("", text.translate(INVISIBLE))
    return _SPACES.sub(" ", text).strip()


def for_matching(text: str) -> str:
    """Same length as `text`; curly quotes, dashes and special spaces made plain."""
    return text.translate(_MATCH_TABLE)


def xml_safe(text: str) -> str:
    """Remove characters that would corrupt a Word document."""
    return _XML_ILLEGAL.sub("", text)
