"""Text normalization for matching, keeping the original words for quoting.

`for_matching` maps one character to exactly one character, so an offset into the normalized text is an
offset into the original: a match found in normalized text is quoted back in the drafter's own words.
Case is not folded here (str.lower can change length); patterns are compiled case-insensitive instead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

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

# Letters that look like Latin ones, read as the letters they look like: a Cyrillic 'о' in "not", a
# fullwidth "ｎｏｔ", a mathematical bold "𝐧𝐨𝐭" would otherwise hide the word from every pattern while a reader
# sees it. One character for one, so offsets and lengths stay. Brackets that look square ('［', '⟦', '〚',
# '【' ...) are square brackets: text in them is as unagreed as text in '[' and ']'.
_CYRILLIC_GREEK = (
    "АВЕКМНОРСТХаеорсхуіјѕһӏԁԛԝІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧο",
    "ABEKMHOPCTXaeopcxyijshldqwIJSABEZHIKMNOPTYXo",
)
_OPENING_BRACKETS = (
    "\u2045\u27e6\u301a\u3010\u3014\u3016\u3018\u298b\u298d\u298f\u2772\ufe5d\ufe47\ufe3b\ufe39\ufe3d"
)
_CLOSING_BRACKETS = (
    "\u2046\u27e7\u301b\u3011\u3015\u3017\u3019\u298c\u298e\u2990\u2773\ufe5e\ufe48\ufe3c\ufe3a\ufe3e"
)
# Where Unicode keeps letters that are another letter's compatibility form: the Kelvin sign 'K', the angstrom
# sign 'Å', script and double-struck letters ('ℓ', 'ℝ'), the long s 'ſ', the digraphs ('ǆ', 'ĳ') and the
# ligatures a PDF's text gives ('ﬁ', 'ﬂ', 'ﬃ'). Read as their letters (NFKC), a search finds the same words
# whatever program searches them, and a word index holds them: 'conﬂict' is 'conflict'.
_COMPATIBLE_LETTERS = "\u017f\u0132\u0133\u01c4-\u01cc\u01f1-\u01f3\u2100-\u214f\ufb00-\ufb06"
_LOOKALIKE = re.compile(
    "[\uff01-\uff5e\U0001d400-\U0001d7ff"
    + _CYRILLIC_GREEK[0]
    + _OPENING_BRACKETS
    + _CLOSING_BRACKETS
    + _COMPATIBLE_LETTERS
    + "]"
)
_COMPATIBLE_RANGES = ((0x17F, 0x17F), (0x132, 0x133), (0x1C4, 0x1CC), (0x1F1, 0x1F3), (0x2100, 0x214F),
                      (0xFB00, 0xFB06))  # fmt: skip


@functools.cache
def _lookalike_table() -> dict[int, int | str]:
    """Built on first use: most drafts never need it."""
    import unicodedata

    table: dict[int, int | str] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # fullwidth ASCII
    for first, last in _COMPATIBLE_RANGES:
        for c in range(first, last + 1):
            # Letters only ('№', '™', '℃' are symbols) and not a superscript ('ª'): a letter in another form.
            char = chr(c)
            letters = unicodedata.normalize("NFKC", char)
            if (
                letters != char
                and unicodedata.category(char).startswith("L")
                and letters.isalpha()
                and not unicodedata.decomposition(char).startswith(("<super>", "<sub>"))
            ):
                table[c] = ord(letters) if len(letters) == 1 else letters
    for c in range(0x1D400, 0x1D800):  # mathematical alphanumeric symbols (bold, italic, script ...)
        plain = unicodedata.normalize("NFKC", chr(c))
        if len(plain) == 1 and plain.isascii() and plain.isalnum():
            table[c] = ord(plain)
    table.update(zip(map(ord, _CYRILLIC_GREEK[0]), map(ord, _CYRILLIC_GREEK[1]), strict=True))
    table.update(dict.fromkeys(map(ord, _OPENING_BRACKETS), ord("[")))
    table.update(dict.fromkeys(map(ord, _CLOSING_BRACKETS), ord("]")))
    return table


def plain_letters(text: str) -> str:
    """`text` with look-alike letters and brackets read as the Latin letters and square brackets they look
    like, and letters in a compatibility form as their letters (NFKC): one character for one, except a
    ligature ('ﬁ'), which becomes its letters."""
    if text.isascii() or not _LOOKALIKE.search(text):
        return text
    return text.translate(_lookalike_table())


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


def joined(parts: Iterable[str | None], sep: str = "; ") -> str:
    """Parts of a sentence joined, the empty ones left out: a finding's hedge, quote or label that says
    nothing must not leave "; ;" in a message or a memo."""
    return sep.join(p for p in parts if p and p.strip())


def clean(text: str) -> str:
    """Tidy text as read: drop invisible characters and control codes, collapse runs of spaces, read
    look-alike letters and brackets as what they look like."""
    # Every character `clean` drops or folds (tab, control codes, invisible marks, special spaces) is
    # unprintable, so printable ASCII text without a double space only needs its ends stripped: the common
    # case.
    if text.isprintable() and "  " not in text:
        if text.isascii():
            return text.strip()
        if not _PRINTABLE_IGNORABLE.search(text):
            return plain_letters(text.strip())
    return plain_letters(_FOLDED.sub(" ", _DROPPED.sub("", text)).strip())


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
