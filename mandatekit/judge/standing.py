"""How the words found stand in their sentence, for the choice of evidence (judge/candidates.py): a word of a
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


# Words that say what kind of mission it is, a bare modifier before the word 'mission': 'a streamlined good
# offices special political mission', 'a good offices mission'. Like a name, they label the mission; they ask no
# task of it. Words with a preposition in them say something of the mission ('the safety of peacekeeping
# missions'): not a label.
_KIND_OF_MISSION = re.compile(r"\s+(?:special\s+political\s+)?missions?\b", re.I)
_PREPOSITION = re.compile(r"\b(?:of|for|to|in|on|with|by)\b", re.I)


def in_a_name(h: Hit, prepared: Prepared) -> bool:
    """The words found are capitalised words of a proper name (see `_BEFORE_NAME_WORD`): one word, or several
    each capitalised ('Unified Forces' in 'the Necessary Unified Forces', the name of a force, not the
    unification of the forces a phrase asks for); or the kind of mission a mission is (`_KIND_OF_MISSION`)."""
    text = prepared.paragraphs[h.para].text
    if _KIND_OF_MISSION.match(text, h.end) and not _PREPOSITION.search(text, h.start, h.end):
        return True
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
# The end a lead-in names for all the tasks under it, a purpose set between 'that' and whom it tasks: 'Decides
# further that, to support the parties in implementing their commitments in accordance with the Hodeidah
# Agreement, UNMHA shall undertake the following mandate:'. The purpose closes at its comma, and what follows
# names who 'shall' do the tasks. (Not 'the mandate shall be to support implementation of the Agreement,
# including by performing the following tasks:': there the support is what is decided, no purpose set apart.)
_PURPOSE_OPENS = re.compile(r"\bthat\s*,\s*(?:in\s+order\s+)?to\s+[^,;:]*$", re.IGNORECASE)
_PURPOSE_CLOSES = re.compile(
    r"[^,;:]*,\s+(?:[\w’'()-]+\s+){1,6}(?:shall|will|should|is\s+to|are\s+to)\b", re.IGNORECASE
)


def in_the_means(h: Hit, prepared: Prepared) -> bool:
    """The words stand in the means a lead-in names for all the tasks under it (`_MEANS_BEFORE`), in the
    purpose it sets for them all (`_PURPOSE_OPENS`), or are the 'support' of whom all of them serve ('will
    carry out their mandate ... in support of the people of Afghanistan ..., with a particular focus on the
    priorities laid out below:')."""
    text = prepared.paragraphs[h.para].text
    if _IN_BEFORE.search(text, max(0, h.start - 4), h.start) and text.startswith(" of ", h.end):
        return True
    if _PURPOSE_OPENS.search(text, max(0, h.start - 300), h.start) and _PURPOSE_CLOSES.match(text, h.end):
        return True
    return _MEANS_BEFORE.search(text, max(0, h.start - 80), h.start) is not None


# Whom a verb tasks, as its clause names them before what it asks ('Demands that all parties', 'Urges Member
# States to', 'Decides that the Transitional authorities shall'): others than the UN, whose duty a mandate may
# recall but which is no task of the mission. The UN named first ('Requests the Secretary-General and all
# parties', judge/un_bodies.py) is the mission's own ask; a clause naming no one of either is read as the
# mission's.
_OTHERS = re.compile(
    r"\b(?:(?:all|the|both|relevant)\s+)*(?:parties|sides|States|Member\s+States|host\s+(?:States|countries|"
    r"Governments?)|Governments?|authorities|armed\s+groups|signatories|belligerents|leaders|movements)\b",
    re.IGNORECASE,
)
_CONFERS = re.compile(r"(?:authori[sz]es|mandates)\b", re.IGNORECASE)
_ADDRESSEE_END = re.compile(r"\b(?:to|shall|should|must|will)\b|[:;]")


def asks_others(h: Hit, prepared: Prepared, un: re.Pattern[str]) -> bool:
    """The words are asked of others than the UN (`_OTHERS`): the addressee between the governing verb and the
    first 'to', 'shall' or colon after it, for an item the addressee of the lead-in's clause above it. `un`:
    the UN's own bodies, the mission's names among them (`un_bodies`)."""
    return others_asked(h, prepared, un) is not None


def others_asked(h: Hit, prepared: Prepared, un: re.Pattern[str]) -> str | None:
    """Whom the words are asked of, where that is others than the UN ('all parties', 'the authorities'); None
    for the UN's own ask (`asks_others`)."""
    para = prepared.paragraphs[h.para]
    use = prepared.verb_use_at(h.para, h.start)
    while use is None or (para.verb_inherited and use is para.verbs[0]):
        if para.parent is None or not para.verb_inherited:
            return None
        lead = prepared.paragraphs[para.parent]
        start = prepared.index(lead.index).clauses[prepared.list_clause(lead.index, para.index)]
        para, use = lead, prepared.verb_use_at(lead.index, start)
        h = h._replace(start=len(lead.text))
    if _CONFERS.match(use.verb):
        return None  # an authorization confers the mandate: 'Authorizes the Member States of the AU to ...'
    text = para.text
    start = use.start + len(use.verb)
    stop = _ADDRESSEE_END.search(text, start, min(h.start, start + 150))
    addressee = text[start : stop.start() if stop else min(h.start, start + 150)]
    others, body = _OTHERS.search(addressee), un.search(addressee)
    if others is not None and (body is None or others.start() < body.start()):
        return " ".join(others.group(0).split())
    return _relayed(text, stop.end() if stop else start, h.start)


# The UN asked only to press others: 'Requests the Secretary-General to continue to encourage efforts by Member
# States hosting peacekeeping operations to ensure accountability for ...', 'requests the Mission to urge the
# parties to ...'. What follows is the others' duty; the UN's own part is to encourage it.
_RELAY = re.compile(
    r"\s*(?:continue\s+to\s+|further\s+|also\s+)?(?:encourage|urge|call\s+(?:on|upon)|invite|press)\s+"
    r"(?:(?:the\s+)?efforts\s+(?:by|of)\s+)?",
    re.IGNORECASE,
)


def _relayed(text: str, at: int, end: int) -> str | None:
    """The others (`_OTHERS`) the clause's first action, at `at` (after 'to'), presses to do what stands before
    `end`, if it does."""
    relay = _RELAY.match(text, at, end)
    others = _OTHERS.match(text, relay.end(), end) if relay is not None else None
    return " ".join(others.group(0).split()) if others is not None else None


# Others' assistance the UN is asked to mobilize or coordinate, in the clause before the words: '(c) Support the
# Government towards the mobilization, harmonization and coordination of international assistance, including for
# the implementation of the national security sector reform ... strategies'. What the words name is what the
# donors' assistance serves; the UN's own part is to gather and align it.
_OTHERS_AID = re.compile(
    r"\b(?:mobili[sz]ation|mobili[sz]e|coordinat\w*|harmoni[sz]\w*)\b(?:\s+[\w,]+){0,6}?\s+(?:of\s+)?(?:the\s+)?"
    r"(?:international|donor|bilateral|partners'?)\s+(?:assistance|support|aid|efforts|funding)\b",
    re.IGNORECASE,
)


def through_others_aid(h: Hit, prepared: Prepared) -> bool:
    """The words stand after, in their clause, others' assistance the UN is to mobilize or coordinate
    (`_OTHERS_AID`): the UN's support to them is a step removed, through the donors'."""
    text = prepared.paragraphs[h.para].text
    return _OTHERS_AID.search(text, prepared.index(h.para).clause_start(h.start), h.start) is not None


# A call the UN is asked to make on others, anywhere in the clause before the words: '(f) support in this regard
# ..., call on the Government and the international community to ... ensure ... that perpetrators ... are held
# accountable'. What follows is the others' duty (`_OTHERS`, named right after the call), asked with a call's force.
_CALL_ON = re.compile(
    r"\b(?:(?:call|calls|calling)\s+(?:on|upon)|urge|urges|urging|encourage|encourages|encouraging|invite|invites|"
    r"inviting|press|presses|pressing)\s+(?:(?:the\s+)?efforts\s+(?:by|of)\s+)?",
    re.IGNORECASE,
)


def called_on_others(h: Hit, prepared: Prepared) -> bool:
    """The words stand after a call on others in their clause (`_CALL_ON`): asked with a call's force, whatever
    verb tasks the UN with making it."""
    text = prepared.paragraphs[h.para].text
    start = prepared.index(h.para).verb_clause_start(h.start)
    return any(_OTHERS.match(text, m.end(), h.start) for m in _CALL_ON.finditer(text, start, h.start))
