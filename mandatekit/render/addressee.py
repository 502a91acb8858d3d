"""Who a paragraph addresses, and the stronger verb that suits them.

The Council *requests* the Secretary-General, its mission, its committees and panels — the bodies it tasks.
It does not request the parties, Member States or the host authorities: to them the stronger verb is
*demands* ("Demands that all parties allow and facilitate ..."). A fix that strengthened "Calls upon all
parties to allow ..." to "Requests all parties to allow ..." read as no delegate would write it, and made a
rule that wants the mission tasked count the parties as tasked (trial 12, F6). render/replacement.py asks here
before it swaps a verb. Whom the Council tasks is the judge's definition (judge/un_bodies.py), the mission's
own name among them.
"""

from __future__ import annotations

import re

from mandatekit.judge.un_bodies import un_bodies

_DETERMINERS = re.compile(r"(?:(?:the|its|his|her|all|relevant|a|an)\s+)*")
# A word after 'to' that makes it a preposition ('parties to the conflict to allow'), not the infinitive's 'to'.
_AFTER_PREPOSITION = re.compile(r"the|all|a|an|its|their|his|her|this|that|these|those|any|armed")
_OPENING_QUOTES = "\"'“‘"
MAX_ADDRESSEE_WORDS = 14  # longer than this, the first 'to' is not where the addressee ends: no rewriting


def addressee(text: str, verb: str) -> str | None:
    """The words between the verb and the infinitive it governs ('all parties' in 'Calls upon all parties to
    allow ...'), or None where the paragraph has no such construction."""
    if not text.startswith(verb):
        return None
    rest = text[len(verb) :]
    for m in re.finditer(r"\s+to\s+(\S+)", rest):
        if not _opens_an_infinitive(m.group(1)):
            continue
        who = rest[: m.start()].strip(" ,")
        if not who or re.search(r"[;:]", who) or len(who.split()) > MAX_ADDRESSEE_WORDS:
            return None
        return who
    return None


def _opens_an_infinitive(word: str) -> bool:
    """Whether the word after a 'to' can open the infinitive the verb governs: not a determiner ('parties to
    the conflict'), nor a capitalised word, which names what 'to' points at ('States parties to The
    Convention', 'to UNMISS', 'to Yemen', even a title's own infinitive: 'the Programme of Action to Prevent,
    Combat ...'; no UN text capitalises the verb it asks). A capital in any alphabet ('to Équateur'), and
    after an opening quote ('to “The Hague ...'); the word's own punctuation after it ('to UNMISS),') is
    no part of the test."""
    word = word.strip(",;").lstrip(_OPENING_QUOTES)
    return bool(word) and not word[0].isupper() and not _AFTER_PREPOSITION.fullmatch(word)


def council_tasks(who: str, mission: str | None = None) -> bool:
    """Whether `who` is a body the Council tasks (requests), not a party it calls upon or makes demands of:
    one of the UN's own bodies (`un_bodies`, `mission` among them) after its determiners."""
    start = _DETERMINERS.match(who)
    return un_bodies([mission] if mission else []).match(who, start.end() if start else 0) is not None


def as_demand(text: str, verb: str) -> str | None:
    """'Calls upon all parties to allow and facilitate ..., and to ensure ...' as a demand: 'Demands that all
    parties allow and facilitate ..., and ensure ...' (the Council's form: 'Demands that', then the verb
    without 'to'; an infinitive coordinated in the same clause loses its 'to' too). None where the
    paragraph has no verb-addressee-infinitive construction to turn."""
    who = addressee(text, verb)
    if who is None:
        return None
    start = text.index(who, len(verb))
    m = re.compile(r",?\s+to\s+").match(text, start + len(who))
    if m is None:
        return None
    rest = text[m.end() :]
    clause_end = rest.find(";")
    clause, tail = (rest, "") if clause_end < 0 else (rest[:clause_end], rest[clause_end:])
    clause = re.sub(r"(,?\s+and)\s+to\s+(?=[a-z])", r"\1 ", clause)
    return f"Demands that {who} {clause}{tail}"
