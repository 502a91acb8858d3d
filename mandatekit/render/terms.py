"""A suggestion in the draft's own terms where the two name the same thing differently (render/placement.py
places it): a draft that says "national defence and security forces" and never "FACA" keeps its term."""

from __future__ import annotations

import re
from collections import Counter

from mandatekit.read.model import Document, Kind

# The host state's forces as a profile names them ("the Central African Armed Forces (FACA) and internal
# security forces (FSI)") and as drafts often call them instead: the draft's own term is kept.
_FORCES_NAMED = re.compile(
    r"\bthe\s+(?:[A-Z][\w-]*\s+)*Armed\s+Forces(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s*)+)?\s*\((\w+)\)"
    r"(?:,?\s+and\s+(?:the\s+)?(?i:internal\s+security\s+forces)\s*\((\w+)\))?"
)
_FORCES_DRAFT = re.compile(
    r"\bnational\s+(?:defence\s+and\s+security|armed|security|defense\s+and\s+security)\s+forces\b", re.I
)


def own_terms(suggestion: str, document: Document) -> str:
    """The suggestion in the draft's own words where the two name the same thing differently: a draft that
    says "national defence and security forces" and never "FACA" keeps its term."""
    operative = " ".join(p.text for p in document.paragraphs if p.kind is Kind.operative)
    term = Counter(" ".join(m.group().split()) for m in _FORCES_DRAFT.finditer(operative)).most_common(1)
    if not term:
        return suggestion

    def keep(m: re.Match[str]) -> str:
        acronyms = [a for a in m.groups() if a]
        return (
            m.group()
            if any(re.search(rf"\b{re.escape(a)}\b", operative) for a in acronyms)
            else "the " + term[0][0]
        )

    return _FORCES_NAMED.sub(keep, suggestion)
