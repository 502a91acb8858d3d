"""Text normalization for matching, keeping the original words for quoting.

`for_matching` maps one character to exactly one character, so an offset into the normalized text is an
offset into the original: a match found in normalized text is quoted back in the drafter's own words.
Case is not folded here (str.lower can change length); patterns are compiled case-insensitive instead.
"""

from __future__ import annotations

import re

# Characters that carry no text, removed when a draft is read: soft hyphen, zero-width marks, BOM, and every
# other character Unicode says to show as nothing (Default_Ignorable_Code_Point): left-to-right and
# right-to-left marks, bidirectional embeddings, overrides and isolates, invisible operators, the combining
# grapheme joiner, variation selectors, Hangul fillers, tag characters. Any of them inside "not" or
# "Diligence" would hide the word from every pattern while a reader sees it whole.
_IGNORABLE_RANGES = [
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
]  # fmt: skip
INVISIBLE = dict.fromkeys((c for a, b in _IGNORABLE_RANGES for c in range(a, b + 1)), None)
_IGNORABLE_CLASS = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _IGNORABLE_RANGES)
# Those that str.isprintable() calls printable (combining marks, fillers): the fast path looks for them.
_PRINTABLE_IGNORABLE = re.compile(
    "[" + "".join(f"\\U{c:08x}" for c in INVISIBLE if chr(c).isprintable()) + "]"
)

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
# str.translate looks every character up in a dict (CPython's slow path for non-ASCII text, and not fast for
# ASCII either); a regex finds the few characters to replace and leaves the rest of the text alone.
_MATCH_CHARS = re.compile("[" + "".join(map(re.escape, _ONE_TO_ONE)) + "]")

_SPACE_CHARS = " \t\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"
# Characters Word's XML cannot hold (XML 1.0 forbids C0 controls other than tab, LF, CR).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What `clean` drops (the invisible characters, C0 and C1 control codes, those XML cannot hold) and what it
# folds to one space (a run of two or more spaces, or one special space, or a line or paragraph separator
# left inside a paragraph): replacing every single space by a space, as a pattern of runs of spaces would,
# costs a replacement per word.
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff" + _IGNORABLE_CLASS + "]")
_BREAKS = "\x0b\x0c\x85\u2028\u2029"
_FOLDED = re.compile(f"[{_SPACE_CHARS}{_BREAKS}]{{2,}}|[{_SPACE_CHARS[1:]}{_BREAKS}]")


def clean(text: str) -> str:
    """Tidy text as read: drop invisible characters and control codes, collapse runs of spaces."""
    # Every character `clean` drops or folds (tab, control codes, invisible marks, special spaces) is
    # unprintable, so printable text without a double space only needs its ends stripped: the common case.
    if text.isprintable() and "  " not in text and (text.isascii() or not _PRINTABLE_IGNORABLE.search(text)):
        return text.strip()
    return _FOLDED.sub(" ", _DROPPED.sub("", text)).strip()


def _one_to_one(match: re.Match[str]) -> str:
    return _ONE_TO_ONE[match.group()]


def for_matching(text: str) -> str:
    """Same length as `text`; curly quotes, dashes and special spaces made plain."""
    # Every ASCII character it replaces (tab, line breaks) is unprintable: printable ASCII is returned as is.
    if text.isascii() and text.isprintable():
        return text
    return _MATCH_CHARS.sub(_one_to_one, text)


def xml_safe(text: str) -> str:
    """Remove characters that would corrupt a Word document."""
    return _XML_ILLEGAL.sub("", text)
