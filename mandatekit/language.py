"""The language a draft is written in, told from its commonest words: the rulebook's phrases are English,
and a French draft checked against them would be "missing" almost everything, meaning nothing."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mandatekit.read import Document

NAMES = {"en": "English", "fr": "French", "es": "Spanish"}

# Words each language writes in every paragraph, and no other of these writes at all.
_MARKERS = {
    "en": frozenset(
        ["the", "and", "of", "to", "with", "that", "which", "shall", "its", "their", "by", "for"]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "et",
            "au",
            "aux",
            "que",
            "qui",
            "avec",
            "dans",
            "une",
            "sur",
            "pour",
            "est",
        ]
    ),
    "es": frozenset(["el", "los", "las", "del", "y", "con", "que", "en", "una", "por", "para", "su", "sus"])
    - {"que"},
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE = 20_000  # words: enough to tell, and a bound on the work for any size of draft
_MIN_WORDS = 30  # fewer: too short to count on frequencies (a rule example, a one-paragraph test)
# A short text is told only where its grammar words all point one way, at least this many of them: "Le
# Conseil de sécurité, 1. Décide de proroger le mandat de la Mission;" is French, while an English line
# naming a French accord ("Welcomes the Accord pour la paix et la réconciliation") has English words too,
# and a line with one marker word ("Le Conseil de sécurité,") is too little to refuse a draft on.
_SHORT_MIN_MARKERS = 2
# Marker words another of these languages writes too (Spanish "la", French "en", "que"): in a text too short
# for a majority they would make a French or Spanish text look mixed, so they are not counted there.
_SHARED = frozenset(["la", "en", "que"])


def detect_language(document: Document) -> str | None:
    """'en', 'fr', 'es', or None when the draft cannot be told (too few words, or mixed)."""
    # A sample, not the whole draft: the paragraphs up to _SAMPLE words (whole paragraphs, from the start)
    # tell the language as well as all of it would, and bound the work on a long resolution. The words are
    # counted once (C-speed Counter), then each language's markers looked up in the counts.
    words: list[str] = []
    for paragraph in document.paragraphs:
        words += _WORD.findall(paragraph.text.lower())
        if len(words) >= _SAMPLE:
            break
    if len(words) < _MIN_WORDS:
        return _unanimous(Counter(words))
    return _clear_majority(Counter(words))


def _unanimous(frequency: Counter[str]) -> str | None:
    """The language of a short text: the one language whose marker words it holds, when it holds at least
    _SHORT_MIN_MARKERS of them and none of any other's."""
    counts = {
        language: sum(frequency[w] for w in markers - _SHARED) for language, markers in _MARKERS.items()
    }
    present = [language for language, n in counts.items() if n]
    if len(present) == 1 and counts[present[0]] >= _SHORT_MIN_MARKERS:
        return present[0]
    return None


def _clear_majority(frequency: Counter[str]) -> str | None:
    counts = {language: sum(frequency[w] for w in markers) for language, markers in _MARKERS.items()}
    counts = {language: n for language, n in counts.items() if n}
    if not counts:
        return None
    language = max(counts, key=counts.__getitem__)
    top = counts[language]
    # A clear majority: an English draft quoting a French title stays English.
    return (
        language if top >= 2 * max((n for lang, n in counts.items() if lang != language), default=0) else None
    )


_PARAGRAPH_SAMPLE = 2_000  # characters: a paragraph's language is told by its first sentences


def paragraph_language(text: str) -> str | None:
    """The language of one paragraph, by the same marker words: 'fr' for 'Le Conseil de sécurité,' (a line
    with no other language's marker is enough) or 'Invite tous les Etats Membres, conformément à leurs
    obligations ...'; None when it cannot tell (no marker word: 'Security Sector Reform')."""
    return _language_of(_WORD.findall(text[:_PARAGRAPH_SAMPLE].lower()))


def paragraph_in(language: str, text: str) -> bool:
    """Whether one paragraph is in `language` (`paragraph_language`), told at once where none of that
    language's marker words stands in it: a reader asks it of every paragraph of a long draft, and few are
    in another language."""
    words = _WORD.findall(text[:_PARAGRAPH_SAMPLE].lower())
    return not _MARKERS[language].isdisjoint(words) and _language_of(words) == language


def _language_of(words: list[str]) -> str | None:
    frequency = Counter(words)
    language = _clear_majority(frequency)
    if language is None:
        return None
    others = sum(frequency[w] for lang, markers in _MARKERS.items() if lang != language for w in markers)
    return language if others == 0 or sum(frequency.values()) >= 8 else None
