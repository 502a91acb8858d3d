"""The paragraph that sets or extends the mission's mandate, and the order it gives a resolution: what the
Council asks of the mission comes after it ("Decides to extend the present mandate of UNIFIL until ...",
then the tasks and the terms of that mandate); before it stand the demands on the parties and the political
frame. A new paragraph on the mission placed before it would ask of a mandate the text has not yet renewed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mandatekit.read.model import Document, Paragraph
from mandatekit.render.placement import Placement, _last_descendant, _top

_SETS_MANDATE = re.compile(
    r"\b(?:extend|renew|prolong)\w*\s+(?:\w+\s+){0,6}?mandate\b"  # 'to extend the present mandate of UNIFIL'
    r"|\bmandate\s+of\s+(?:\w+\s+){1,6}?shall\s+(?:be\s+(?:extended|renewed)|include|have)\b"
    r"|\bshall\s+have\s+the\s+following\s+mandate\b",
    re.IGNORECASE,
)


def mandate_paragraph(operative: list[Paragraph]) -> Paragraph | None:
    """The first paragraph of the operative part's own (not an item) that sets or extends the mandate."""
    return next((p for p in operative if p.parent is None and _SETS_MANDATE.search(p.text[:300])), None)


def names_mission(text: str, mission: str | None) -> bool:
    """Whether the text asks something of or about the mission: its name, or 'the Mission'."""
    names = [re.escape(mission)] if mission else []
    return bool(re.search(rf"\b(?:{'|'.join([*names, 'the Mission'])})\b", text))


def after_mandate(
    document: Document, placement: Placement, mandate: Paragraph | None, text: str, mission: str | None
) -> Placement:
    """A new paragraph on the mission that would stand before the mandate paragraph goes after it instead."""
    if (
        mandate is None
        or placement.action != "insert"
        or placement.paragraph is None
        or not names_mission(text, mission)
        or _top(document, document.paragraphs[placement.paragraph]).index >= mandate.index
    ):
        return placement
    after = _last_descendant(document, mandate)
    return replace(placement, where=f"Insert after {mandate.ref}", paragraph=after.index, like=mandate.index)
