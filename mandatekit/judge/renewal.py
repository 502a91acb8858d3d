"""A draft that renews a mandate by reference: "Decides to extend the present mandate of UNIFIL until 31
August 2025", and no task of its own. The tasks earlier resolutions set go on, but only this text's words are
judged, so a finding that the draft "does not make the protection of civilians a task of the mission" speaks
of the text, not of the mission: the report says so once, where the draft is described (trial 10)."""

from __future__ import annotations

import re

from mandatekit.read.model import Document, Kind, Paragraph, VerbClass

# A mission's mandate extended or renewed as it stands: "extend the present mandate of UNIFIL", "renews the
# mandate of the Verification Mission", "of the United Nations Assistance Mission in Afghanistan"; not a
# committee's, an ombudsperson's or a panel's. Whatever the word order: the time said before the mandate
# ("extend until 31 October 2022 the mandate of UNSMIL", "extend, for a period of one year, the mandate of"),
# the mission's name before it ("extend UNMISS's mandate"), or the mandate as the subject of a passive ("the
# mandate of MINURSO shall be extended until").
_MISSION = (
    r"(?:the\s+)?(?:[A-Z]{4,}\b|United\s+Nations\s+(?:[\w-]+\s+){0,6}?(?:Mission|Force|Office)\b"
    r"|(?:Verification\s+)?Mission\b|Force\b)"
)
# A time said between the verb and its object, up to two of them ("for a further period of twelve months,
# until 30 April 2024,"), each opened by its preposition and within the clause.
_WHEN = r"(?:\s*,?\s+(?i:until|till|through|for|by)\s+[^;:,]{1,60}?){0,2}\s*,?\s+"
_THE_MANDATE = r"(?i:the\s+)?(?i:present\s+|current\s+|existing\s+)?(?i:mandates?)"
_RENEWS = re.compile(
    rf"\b(?i:extend|extends|renew|renews){_WHEN}(?:{_THE_MANDATE}\s+of\s+{_MISSION}"
    rf"|{_MISSION}(?:'|’)s?\s+(?i:mandates?)\b)"
    rf"|\b{_THE_MANDATE}\s+of\s+{_MISSION}[^;]{{0,120}}?\b(?i:shall|is|be|are)\s+(?i:hereby\s+)?"
    r"(?i:extended|renewed)\b"
)
# What sets tasks in the draft itself: "shall include the following (priority) tasks", "the mandate of X shall
# be to" (not "shall be extended"), "the mandate of X shall, in pursuit of the strategic priorities ...,
# include the tasks", "mandates X to", "requests X to" with items under it, "authorizes X to".
_SETS_TASKS = re.compile(
    r"\b(?:following\s+(?:\w+\s+){0,2}tasks|mandate\s+(?:of\s+[\w-]+\s+)?shall\s+(?:include|comprise"
    r"|be(?!\s+(?:extended|renewed)\b))|mandate\s+of\s+[\w-]+\s+shall\s*,[^;]{0,160}?\binclude"
    r"|(?:mandates|authori[sz]es)\s+(?:the\s+)?[\w-]+\s+to)\b",
    re.IGNORECASE,
)


def _lists_tasks(p: Paragraph, document: Document) -> bool:
    """A lead-in over items of its own ('Requests that the Special Representative and UNAMI ... shall:') that
    is no list of what a report covers: tasks set in the draft."""
    has_items = any(q.parent == p.index for q in document.paragraphs[p.index + 1 : p.index + 2])
    return has_items and p.text.rstrip().endswith(":") and not _REPORT.search(p.text)


_REPORT = re.compile(r"\b(?:report|reports|reporting|brief|briefing|inform)\b", re.IGNORECASE)


def renewal_by_reference(document: Document) -> str | None:
    """One sentence, where the draft renews a mandate set elsewhere and sets no task of its own; else None."""
    operative = [p for p in document.paragraphs if p.kind is Kind.operative and p.text]
    renews = next(
        (p for p in operative if p.verb_class is VerbClass.decides and _RENEWS.search(p.text)), None
    )
    if renews is None or any(_SETS_TASKS.search(p.text) or _lists_tasks(p, document) for p in operative):
        return None
    words = " ".join(renews.text.split())
    quoted = words if len(words) <= 90 else words[:90].rsplit(" ", 1)[0] + " …"
    return (
        f"{renews.ref} renews the mandate by reference (“{quoted.rstrip(';,.')}”) and the draft sets no task "
        "of its own: the tasks earlier resolutions set go on, but only this text is judged, so a "
        "recommendation it misses may be met by the mandate it renews."
    )
