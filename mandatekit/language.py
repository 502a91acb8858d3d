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
_MIN_WORDS = 30  # fewer: too short to tell (a rule example, a one-paragraph test)


def detect_language(document: Document) -> str | None:
    """'en', 'fr', 'es', or None when the draft is too short to tell."""
    counts: Counter[str] = Counter()
    seen = 0
    for paragraph in document.paragraphs:
        for word in _WORD.findall(paragraph.text.lower()):
            seen += 1
            for language, markers in _MARKERS.items():
                if word in markers:
                    counts[language] += 1
        if seen >= _SAMPLE:
            break
    if seen < _MIN_WORDS or not counts:
        return None
    language, top = counts.most_common(1)[0]
    # A clear majority: an English draft quoting a French title stays English.
    return (
        language if top >= 2 * max((n for lang, n in counts.items() if lang != language), default=0) else None
    )
