"""The paragraph that sets or extends the mission's mandate, and the order it gives a resolution: what the
Council asks of the mission comes after it ("Decides to extend the present mandate of UNIFIL until ...",
then the tasks and the terms of that mandate); before it stand the demands on the parties and the political
frame. A new paragraph on the mission placed before it would ask of a mandate the text has not yet renewed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mandatekit.compare import DiffPiece
from mandatekit.judge import Finding
from mandatekit.read.model import Document, Kind, Paragraph
from mandatekit.render.placing import Placement, last_descendant, top_of

_SETS_MANDATE = re.compile(
    r"\b(?:extend|renew|prolong)\w*\s+(?:\w+\s+){0,6}?mandate\b"  # 'to extend the present mandate of UNIFIL'
    r"|\bmandate\s+of\s+(?:\w+\s+){1,6}?shall\s+(?:be\s+(?:extended|renewed)|include|have)\b"
    r"|\bshall\s+have\s+the\s+following\s+mandate\b",
    re.IGNORECASE,
)


# A mission the Council authorises rather than mandates (an AU or a multinational force): the paragraph that
# extends or grants the authorisation sets its mandate, where it or the heading above it names the mission.
_SETS_AUTHORISATION = re.compile(
    r"\b(?:extend|renew|prolong)\w*\s+(?:\w+\s+){0,4}?authori[sz]ations?\b"
    r"|\bauthori[sz]es\b[^;]{0,200}?\bto\s+take\s+all\s+necessary\s+measures\b",
    re.IGNORECASE,
)


def mandate_paragraph(operative: list[Paragraph], mission: str | None = None) -> Paragraph | None:
    """The first paragraph of the operative part's own (not an item) that sets or extends the mandate, or,
    where none does, the authorisation of the mission (`mission` named in it or in its heading)."""
    tops = [p for p in operative if p.parent is None]
    found = next((p for p in tops if _SETS_MANDATE.search(p.text[:300])), None)
    if found is not None or not mission:
        return found
    return next((p for p in tops if _SETS_AUTHORISATION.search(p.text[:400])
                 and names_mission(f"{p.heading or ''} {p.text}", mission)), None)  # fmt: skip


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
    top = top_of(document, document.paragraphs[placement.paragraph]).index
    # A draft in parts with a heading on the mission ("Part 3: ATMIS") over its mandate paragraph: what is
    # asked of the mission goes in that part, not after a paragraph of another part it shares words with.
    part = mandate.heading if mandate.heading and names_mission(mandate.heading, mission) else None
    first = " ".join(
        text.split()[:4]
    )  # asked of the mission itself ("Requests ATMIS to"), not of others on it
    elsewhere = (
        part is not None
        and document.paragraphs[top].heading != part
        and not on_subject
        and names_mission(first, mission)
    )
    if part is not None and not names_mission(first, mission):
        return placement  # a demand on the government or the parties stays in the part where it was placed
    if top == mandate.index or (
        top > mandate.index and not elsewhere and (on_subject or not decides_mandate(text, mission))
    ):
        return placement
    after = last_descendant(document, mandate)
    return replace(placement, where=f"Insert after {mandate.ref}", paragraph=after.index, like=mandate.index)


# A paragraph asking the mission to prioritise what its list sets out: "requests ATMIS to prioritise three
# activities:", "Decides that the mission's priorities shall be:".
_PRIORITY_LEAD = re.compile(r"\bprioriti[sz]e\b|\bpriorit(?:y|ies)\b", re.IGNORECASE)
_OWN_LIST = re.compile(r"^(?P<head>.+?):\s*\(a\)\s+(?P<items>.+)$", re.DOTALL)
_NEXT_ITEM = re.compile(r"[;,]?\s+(?:and\s+)?\([b-z]\)\s+")
# "three activities:": a lead-in that counts its items, which a new item makes one more.
_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_COUNTED = re.compile(rf"\b({'|'.join(_NUMBERS[1:])})\s+(\w+)\s*:\s*$", re.IGNORECASE)


def priority_item(
    document: Document, f: Finding, text: str, mission: str | None, added: dict[tuple[int, int], int]
) -> Placement | None:
    """A suggestion that sets up a priority list of its own ("... the following priority tasks: (a)
    Protection of civilians: to protect ...") where the draft already asks the mission to prioritise a list
    (OP 18: "requests ATMIS to prioritise three activities: (a) ... (c) ..."): its tasks the list lacks go
    into that list as its next items, not into a second list before it."""
    from mandatekit.render.tasks import _stems, insertion_label

    m = _OWN_LIST.match(" ".join(text.split()))
    if m is None or not _PRIORITY_LEAD.search(m.group("head")):
        return None
    for lead in document.paragraphs:
        if lead.kind is not Kind.operative or lead.parent is not None:
            continue
        head = lead.text.rstrip()
        if not head.endswith(":") or not _PRIORITY_LEAD.search(head[-200:]):
            continue
        if not names_mission(f"{lead.heading or ''} {head}", mission):
            continue
        items = [
            q for q in document.paragraphs if q.parent == lead.index and q.kind is Kind.operative and q.label
        ]
        if not items:
            continue
        missing = []
        for item in _NEXT_ITEM.split(m.group("items")):
            name = item.split(":")[0]
            if not any(_stems(name) <= _stems(q.text) for q in items):
                missing.append(item.strip().rstrip(";,.") + ";")
        if not missing:
            return None
        new = missing[0][:1].lower() + missing[0][1:]  # an item of the draft's list, in its lower case
        last = items[-1]
        after = last_descendant(document, last)
        number = insertion_label(document, last, added.get((after.index, last.index), 0)) or ""
        where = f"Add to {lead.ref} as item {number}".rstrip()
        counted = _COUNTED.search(head)
        if counted and _NUMBERS.index(counted.group(1).lower()) == len(items):
            more = _NUMBERS[len(items) + 1] if len(items) + 1 < len(_NUMBERS) else str(len(items) + 1)
            where += f" (its lead-in's “{counted.group(1)} {counted.group(2)}” then reads “{more} {counted.group(2)}”)"
        return Placement(f.rule, "insert", where, new, [DiffPiece(op="insert", text=new)], after.index,
                         like=last.index, number=number or None)  # fmt: skip
    return None
