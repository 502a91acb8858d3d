"""How the words found stand in their sentence, for the choice of evidence (judge/evidence.py): a word of a
proper name, the means a lead-in names for all its tasks, an ask of others than the UN, what a report asked is
to be about. Each only orders the places that meet a rule as a careful coder would cite them."""

from __future__ import annotations

import re

from mandatekit.judge.hits import Hit
from mandatekit.judge.prepared import Prepared

# A word of a proper name: capitalised words inside a sentence (after a word or a comma, not opening the
# paragraph, an item or a sentence) after another capitalised word, or right before one. 'Support' in 'the
# Rapid Support Forces', 'Assistant' in 'the Assistant Secretary-General', 'Promotion' in 'the Commission for
# Follow-up, Promotion and Verification', 'Report' in 'the Special Report' name a body, an office or a
# document, not what is asked.
_BEFORE_NAME_WORD = re.compile(r"(?:([A-Z][\w'’-]*)|[\w'’-]+),?\s+$")
_AFTER_NAME_WORD = re.compile(r"\s+[A-Z]")


def in_a_name(h: Hit, prepared: Prepared) -> bool:
    """The words found are capitalised words of a proper name (see `_BEFORE_NAME_WORD`): one word, or several
    each capitalised ('Unified Forces' in 'the Necessary Unified Forces', the name of a force, not the
    unification of the forces a phrase asks for)."""
    text = prepared.paragraphs[h.para].text
    words = text[h.start : h.end].split()
    if not words or any(not w[:1].isupper() or not w.replace("-", "").isalpha() for w in words):
        return False  # not capitalised, or not words alone
    if len(words) == 1 and words[0].isupper():
        return False  # an acronym ('DDR', 'MRM')
    before = _BEFORE_NAME_WORD.search(text, max(0, h.start - 40), h.start)
    if before is None:
        return False  # it opens the paragraph, an item or a sentence ('(b) Support the Government')
    named = bool(before.group(1))
    if named and len(words) > 1:
        # Several words after a capitalised one that itself opens the item are a title-cased task ('(a) Support
        # National Reconciliation efforts'), and after an owner ('the Secretary-General's Good Offices') they
        # are what the owner does: neither is a name.
        owner = before.group(1).endswith(("'s", "’s"))
        opens = _BEFORE_NAME_WORD.search(text, max(0, before.start(1) - 40), before.start(1)) is None
        named = not owner and not opens
    return named or bool(_AFTER_NAME_WORD.match(text, h.end))


# The means a lead-in names for all the tasks under it: 'requests the Office, including through the use of the
# good offices and political support of the Special Representative, to focus on the following priorities:'.
_MEANS_BEFORE = re.compile(
    r"\b(?:through|by\s+means\s+of|by\s+way\s+of)\s+(?:the\s+use\s+of\s+)?(?:the\s+|his\s+|her\s+|its\s+)?"
    r"(?:[\w’'-]+\s+){0,4}$",
    re.IGNORECASE,
)
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)


def in_the_means(h: Hit, prepared: Prepared) -> bool:
    """The words stand in the means a lead-in names for all the tasks under it (`_MEANS_BEFORE`), or are the
    'support' of whom all of them serve ('will carry out their mandate ... in support of the people of
    Afghanistan ..., with a particular focus on the priorities laid out below:')."""
    text = prepared.paragraphs[h.para].text
    if _IN_BEFORE.search(text, max(0, h.start - 4), h.start) and text.startswith(" of ", h.end):
        return True
    return _MEANS_BEFORE.search(text, max(0, h.start - 80), h.start) is not None


# Whom a verb tasks, as its clause names them before what it asks ('Demands that all parties', 'Urges Member
# States to', 'Decides that the Transitional authorities shall'): others than the UN, whose duty a mandate may
# recall but which is no task of the mission. The UN named first ('Requests the Secretary-General and all
# parties') is the mission's own ask; a clause naming no one of either is read as the mission's.
_OTHERS = re.compile(
    r"\b(?:(?:all|the|both|relevant)\s+)*(?:parties|sides|States|Member\s+States|host\s+(?:States|countries|"
    r"Governments?)|Governments?|authorities|armed\s+groups|signatories|belligerents|leaders|movements)\b",
    re.IGNORECASE,
)
_UN = re.compile(
    r"\b(?:Secretary-General|Secretary\s+General|United\s+Nations|UN|Mission|Force|Office|Special\s+"
    r"Representative|Envoy|mandate|peacekeep\w*)\b|\b(?-i:(?:UN|MINU|MONU|BINU)[A-Z]{2,})\b",  # 'UNAMID'
    re.IGNORECASE,
)
_CONFERS = re.compile(r"(?:authori[sz]es|mandates)\b", re.IGNORECASE)
_ADDRESSEE_END = re.compile(r"\b(?:to|shall|should|must|will)\b|[:;]")


def asks_others(h: Hit, prepared: Prepared) -> bool:
    """The words are asked of others than the UN (`_OTHERS`): the addressee between the governing verb and the
    first 'to', 'shall' or colon after it, for an item the addressee of the lead-in's clause above it."""
    para = prepared.paragraphs[h.para]
    use = prepared.verb_use_at(h.para, h.start)
    while use is None or (para.verb_inherited and use is para.verbs[0]):
        if para.parent is None or not para.verb_inherited:
            return False
        lead = prepared.paragraphs[para.parent]
        start = prepared.index(lead.index).clauses[prepared.list_clause(lead.index, para.index)]
        para, use = lead, prepared.verb_use_at(lead.index, start)
        h = h._replace(start=len(lead.text))
    if _CONFERS.match(use.verb):
        return False  # an authorization confers the mandate: 'Authorizes the Member States of the AU to ...'
    text = para.text
    start = use.start + len(use.verb)
    stop = _ADDRESSEE_END.search(text, start, min(h.start, start + 150))
    addressee = text[start : stop.start() if stop else min(h.start, start + 150)]
    others, un = _OTHERS.search(addressee), _UN.search(addressee)
    return others is not None and (un is None or others.start() < un.start())


# A clause whose first action is a report (to the Council, the Secretary-General's reports, a review to
# submit): the words after it name what the report is about, not a task, a demand or a decision on it.
_REPORT_ACTION = re.compile(
    r"(?:(?:continue|continues)\s+to\s+|further\s+|also\s+|regularly\s+)?"
    r"(?:report|reports|brief|inform|submit|include|keep\s+the\s+(?:Security\s+)?Council"
    r"|provide\s+(?:the\s+(?:Security\s+)?Council|information|updates|regular\s+updates|briefings)"
    r"|provide\s+(?:a|an|regular|written|oral)\s+(?:\w+\s+)?(?:briefing|report|update|assessment)"
    r"|provide,?\s+as\s+part\s+of\s+(?:his|her|its)\s+(?:regular\s+)?report\w*"
    # Recommendations or options asked for name what they are about: a mandate yet to be decided.
    r"|(?:develop|make|submit|present|provide|prepare)\s+(?:\w+\s+){0,2}(?:recommendations|options|proposals))\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[\s\u2013\u2014\u2022-]*")
_FIRST_ACTION = re.compile(r"\bto\s+(?!(?:request|ask)\b)")  # "continues to request the SG to report"


def about_a_report(h: Hit, prepared: Prepared) -> bool:
    """The words stand in a clause that asks for a report: 'requests the Secretary-General to report ... any
    actions that impede ... the safety ... of personnel', an item 'Report swiftly to the Council when ...'
    under 'Requests the Secretary-General to:', or an item of what a report is to cover ('(viii) developments
    regarding the Mission's support for local conflict resolution' under 'Requests the Secretary-General to
    report to the Council every 90 days, including:')."""
    para = prepared.paragraphs[h.para]
    use = prepared.verb_use_at(h.para, h.start)
    if use is None or (para.verb_inherited and use is para.verbs[0]):
        # An item under a lead-in: its first words are its action ('(d) Report swiftly to the Council').
        if _REPORT_ACTION.match(para.text, len(para.text) - len(_BULLET.sub("", para.text, 1))):
            return True
        return _listed_for_a_report(h.para, prepared)
    return _report_asked(para.text, use.start + len(use.verb), h.start) is not None


def _report_asked(text: str, start: int, end: int) -> re.Match[str] | None:
    """The report asked by the first action between `start` (after a verb) and `end`, if that action is one."""
    first = _FIRST_ACTION.search(text, start, end)
    return _REPORT_ACTION.match(text, first.end()) if first else None


# A report named in the clause that announces a list: 'to include in his reports', 'to report ..., including:'.
_A_REPORT = re.compile(
    r"\b(?:report|reports|reporting|brief|briefing|briefings|inform|update|updates|recommendations|options)\b",
    re.I,
)


def _listed_for_a_report(index: int, prepared: Prepared) -> bool:
    """The item stands in a list that a lead-in's clause announces as what a report covers (the clause's first
    action a report, and a report named in it: not 'to include the following tasks'), at any depth of
    items that inherit their verb."""
    para = prepared.paragraphs[index]
    while para.parent is not None and para.verb_inherited:
        lead = prepared.paragraphs[para.parent]
        starts = prepared.index(lead.index).clauses
        clause = prepared.list_clause(lead.index, para.index)
        start = starts[clause]
        end = starts[clause + 1] if clause + 1 < len(starts) else len(lead.text)
        use = prepared.verb_use_at(lead.index, start)
        if use is not None and not (lead.verb_inherited and use is lead.verbs[0]):
            asked = _report_asked(lead.text, use.start + len(use.verb), end)
            return bool(asked and _A_REPORT.search(lead.text, asked.start(), end))
        para = lead
    return False
