"""The governing verbs of operative paragraphs: each OP's own, and for the items of a list the verb of the
lead-in that announces it ('requests the Mission to: (a) ...'), marked inherited; a verb in brackets is
marked bracketed.
"""

from __future__ import annotations

import re

from mandatekit.read.model import Kind, Paragraph, VerbUse
from mandatekit.read.verbs import coordinated_verbs, governing_verb, leading_verb

_ANNOUNCES_LIST = re.compile(r"\b(?:the\s+following|as\s+follows)\b", re.IGNORECASE)


def set_fields(para: Paragraph, **values: object) -> None:
    """Set fields as pydantic's own __setattr__ does on Paragraph (not frozen, assignments not validated),
    without its dispatch on every call: every paragraph gets its brackets, every OP its verbs."""
    para.__dict__.update(values)
    para.model_fields_set.update(values)


def _list_verb(lead_in: Paragraph) -> VerbUse:
    """The verb that governs the items of a list an OP announces: the one whose clause announces it ('Decides
    that the mandate shall include the following tasks, further stresses ..., and stresses ...:' → Decides),
    else the last before the colon ('Welcomes ... and requests the Mission to:' → requests)."""
    uses = lead_in.verbs
    for use, after in zip(uses, [*uses[1:], None], strict=True):
        end = after.start if after is not None else len(lead_in.text)
        if _ANNOUNCES_LIST.search(lead_in.text, use.start, end):
            return use
    return uses[-1]


def _at_start(use: VerbUse) -> VerbUse:
    """An inherited verb stands, for the paragraph that inherits it, at its start."""
    return use if use.start == 0 else use.model_copy(update={"start": 0})


def _bracketed(use: VerbUse, para: Paragraph) -> VerbUse:
    """The verb use marked bracketed if it stands in the paragraph's brackets (a copy only then: a verb
    found is not bracketed, and most verbs are not)."""
    if para.brackets and para.in_brackets(use.start, use.start + len(use.verb)):
        return use.model_copy(update={"bracketed": True})
    return use


def assign_verbs(paragraphs: list[Paragraph]) -> None:
    lead_in: Paragraph | None = None  # the last OP whose text announces a list (ends in a colon)
    # The verb a lead-in gives its items, by the lead-in's index: found once, not again for every item.
    inherited: dict[int, VerbUse] = {}

    def inherit(source: Paragraph) -> VerbUse:
        if (use := inherited.get(source.index)) is None:
            use = inherited[source.index] = _at_start(_list_verb(source))
        return use

    for para in paragraphs:
        if para.kind is not Kind.operative:
            continue
        parent = paragraphs[para.parent] if para.parent is not None else None
        # A sub-paragraph's own verb opens it: '(c) Supporting the peace process:' is a title, and a task
        # ('To provide ..., notes') has no verb of its own before its list's.
        own = governing_verb(para.text) if parent is None else leading_verb(para.text)
        if own is None and parent is not None and parent.verbs:
            # "Welcomes ... and requests the Mission to:" governs (a) by "requests"; "Decides that the
            # mission shall have the following mandate, authorizes ..., and stresses ...:" by "Decides".
            own = inherit(parent)
            set_fields(para, verb_inherited=True)
        elif own is None and parent is None and lead_in is not None and lead_in.verbs:
            # "30. Ensure the protection of United Nations personnel;" printed as an OP of its own, a task of
            # the list OP 29 announced ("Decides that the mandate shall include the following tasks:").
            own = inherit(lead_in)
            set_fields(para, verb_inherited=True)
        elif own is not None:
            own = _bracketed(own, para)
        if own is None:
            continue
        later = (
            coordinated_verbs(para.text, 0, own_sentence=False)
            if para.verb_inherited
            else coordinated_verbs(para.text, own.start + len(own.verb), own_sentence=parent is None)
        )
        set_fields(
            para, verb=own.verb, verb_class=own.verb_class, verbs=[own, *(_bracketed(v, para) for v in later)]
        )
        if parent is None:
            lead_in = para if para.text.rstrip().endswith(":") else None
