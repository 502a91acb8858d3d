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


def decides_mandate(text: str, mission: str | None) -> bool:
    """Whether the text decides what the mission does or how: 'Decides that UNIFIL shall protect civilians
    ...', 'Decides that the protection of civilians shall remain the top priority of UNIFIL' — a term of the
    mandate (its first clause decides, with "shall", of the mission), not a request on a subject."""
    first = re.split(r"[,;:]", text, maxsplit=1)[0]
    return bool(re.match(r"Decides\s+that\b", first) and re.search(r"\bshall\b", first)) and names_mission(
        first, mission
    )


def after_mandate(
    document: Document,
    placement: Placement,
    mandate: Paragraph | None,
    text: str,
    mission: str | None,
    on_subject: bool = False,
) -> Placement:
    """A new paragraph on the mission that would stand before the mandate paragraph goes after it instead;
    so does a task of the mandate ('Decides that UNIFIL shall ...') that no paragraph of the draft on its
    subject calls elsewhere (it was placed by words it shares with some other paragraph)."""
    if (
        mandate is None
        or placement.action != "insert"
        or placement.paragraph is None
        or not names_mission(text, mission)
    ):
        return placement
    top = _top(document, document.paragraphs[placement.paragraph]).index
    if top == mandate.index or (top > mandate.index and (on_subject or not decides_mandate(text, mission))):
        return placement
    after = _last_descendant(document, mandate)
    return replace(placement, where=f"Insert after {mandate.ref}", paragraph=after.index, like=mandate.index)
