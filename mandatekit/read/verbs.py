"""Governing verbs of a resolution and their classes (strongest first: decides > requests > calls >
encourages > notes). British spellings are listed beside American ones: drafts use both."""

from __future__ import annotations

import re

from mandatekit.read.model import VerbClass, VerbUse

_LEXICON: dict[VerbClass, tuple[str, ...]] = {
    VerbClass.decides: ("decides", "authorizes", "authorises", "demands", "directs", "mandates", "instructs"),
    VerbClass.requests: ("requests", "asks", "tasks"),
    VerbClass.calls: ("calls upon", "calls on", "calls for", "urges", "insists", "exhorts", "appeals to"),
    VerbClass.encourages: (
        "encourages",
        "invites",
        "welcomes",
        "supports",
        "commends",
        "appreciates",
        "applauds",
        "endorses",
        "looks forward",
        "praises",
        "salutes",
    ),
    VerbClass.notes: (
        "takes note",
        "notes",
        "recognizes",
        "recognises",
        "acknowledges",
        "expresses",
        "stresses",
        "underlines",
        "underscores",
        "emphasizes",
        "emphasises",
        "reaffirms",
        "reiterates",
        "recalls",
        "condemns",
        "deplores",
        "affirms",
        "reminds",
        "highlights",
        "considers",
        "believes",
        "regrets",
        "determines",
        "declares",
        "agrees",
        "remains",
    ),
}

VERB_CLASS: dict[str, VerbClass] = {v: c for c, verbs in _LEXICON.items() for v in verbs}

# "Reiterates its demand that ...", "Reaffirms its request to ...": the noun carries the force.
_NOUN_FORCE = {"demand": VerbClass.decides, "decision": VerbClass.decides, "request": VerbClass.requests}
_NOUN_FORCE |= {"call": VerbClass.calls, "calls": VerbClass.calls, "appeal": VerbClass.calls}

_ADVERBS = r"(?:(?:further|also|strongly|again|once\s+again|urgently|firmly|unequivocally|repeatedly|" \
    r"fully|warmly|emphatically|furthermore|moreover|additionally|in\s+this\s+regard,?|in\s+this\s+context,?)\s+)*"  # fmt: skip
_ALTERNATION = "|".join(
    sorted((re.escape(v).replace(r"\ ", r"\s+") for v in VERB_CLASS), key=len, reverse=True)
)
_LEADING = re.compile(rf"^\W{{0,3}}{_ADVERBS}({_ALTERNATION})\b", re.IGNORECASE)
_BRACKETED_CHOICE = re.compile(r"^\[\s*([A-Za-z][A-Za-z ]+?)\s*(?:/\s*([A-Za-z][A-Za-z ]+?)\s*)+\]")
_NOUN_AFTER = re.compile(
    r"^\s*(?:its|their|the)\s+(?:\w+\s+)?(demand|decision|request|calls?|appeal)\b", re.I
)
# A second verb taking over part of the paragraph: "Condemns ... and demands that ...".
_COORDINATED = re.compile(
    rf"(?:[;,]\s*(?:and\s+)?|\s+and\s+){_ADVERBS}"
    r"(decides|demands|authori[sz]es|requests|urges|calls\s+upon|calls\s+on|encourages|invites|welcomes|"
    r"stresses|underlines|emphasi[sz]es|notes|takes\s+note|condemns|recalls|reaffirms)\s+(?=[\w\[])"
)
PREAMBULAR_OPENER = re.compile(
    r"^\W{0,3}(?:(?:deeply|gravely|seriously|further|also|strongly|again|once\s+again)\s+)*"
    r"([A-Za-z]+ing|concerned|alarmed|mindful|aware|conscious|convinced|determined|cognizant|"
    r"desirous|bearing\s+in\s+mind|having\s+\w+|deploring|noting)\b",
    re.IGNORECASE,
)


def leading_verb(text: str) -> VerbUse | None:
    """The verb an operative paragraph opens with, e.g. 'Strongly condemns' → condemns (notes)."""
    choice = _BRACKETED_CHOICE.match(text)
    if choice:
        # "[Decides/Requests]": the verb itself is unagreed; count the weakest alternative.
        words = [w.strip() for w in choice.group(0).strip("[]").split("/")]
        classes = [VERB_CLASS.get(" ".join(w.lower().split())) for w in words]
        if all(classes):
            weakest = min(classes, key=lambda c: c.strength)  # type: ignore[union-attr]
            return VerbUse(verb=choice.group(0), verb_class=weakest, start=0)
    m = _LEADING.match(text)
    if not m:
        return None
    word = " ".join(m.group(1).lower().split())
    verb_class = VERB_CLASS[word]
    if word in ("reiterates", "reaffirms", "recalls", "renews", "expresses"):
        noun = _NOUN_AFTER.match(text[m.end() :])
        if noun:
            verb_class = _NOUN_FORCE[noun.group(1).lower()]
    return VerbUse(verb=text[m.start() : m.end()].strip(" [(\"'"), verb_class=verb_class)


def coordinated_verbs(text: str, after: int) -> list[VerbUse]:
    """Verbs that take over later in the paragraph ('... and requests the Mission to ...')."""
    uses = []
    for m in _COORDINATED.finditer(text, after):
        word = " ".join(m.group(1).lower().split())
        uses.append(VerbUse(verb=m.group(1), verb_class=VERB_CLASS[word], start=m.start(1)))
    return uses


def preambular_opener(text: str) -> str | None:
    m = PREAMBULAR_OPENER.match(text)
    return m.group(0).strip(" [(\"'") if m else None
