"""The text a compiled RE2 program searches: Latin-1 bytes, one per character (most programs, `compile_regex`
in rulebook/patterns.py: half the size, quicker to compile and search, and match offsets that are character
offsets), or UTF-8 bytes (a regex naming characters past ÿ or Unicode classes). Every caller that searches
with a program asks here which text to give it."""

from __future__ import annotations

import re
from typing import Any

# Characters past ÿ that RE2 folds to a Latin-1 letter when it ignores case: they stand as that letter.
_FOLDS_TO_LATIN1 = {"\u212a": "K", "\u017f": "s", "\u212b": "\u00c5", "\u0178": "\u00ff", "\u1e9e": "\u00df",
                    "\u039c": "\u00b5", "\u03bc": "\u00b5"}  # fmt: skip
PAST_LATIN1 = re.compile(r"[^\x00-\xff]")  # a character a Latin-1 program cannot search as itself
STAND_IN = "\x1a"  # any other character past ÿ: a control character no draft text holds (read removes them)


def as_latin1(text: str) -> bytes:
    """The text for a Latin-1 program: one byte per character, so match offsets are character offsets.
    A character past ÿ becomes one byte that matches what it matched in UTF-8 mode: not a word character,
    not a space, not a letter a pattern names."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return PAST_LATIN1.sub(lambda m: _FOLDS_TO_LATIN1.get(m.group(), STAND_IN), text).encode("latin-1")


def searches_latin1(program: Any) -> bool:
    """Whether a program of `compile_regex` searches Latin-1 bytes (`as_latin1(text)`); if not, UTF-8 bytes.
    Said here once for every caller that searches with one."""
    return isinstance(program.pattern, bytes)


def searched_text(program: Any, text: str) -> bytes:
    """`text` as the program searches it (`searches_latin1`): Latin-1 bytes, whose offsets are character
    offsets, or UTF-8 bytes."""
    return as_latin1(text) if searches_latin1(program) else text.encode("utf-8")
