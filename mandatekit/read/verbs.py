"""Governing verbs of a resolution and their classes (strongest first: decides > requests > calls >
encourages > notes). British spellings are listed beside American ones: drafts use both."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from mandatekit.read.model import VerbClass, VerbUse


def lazily(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled when first used: compiling costs every start-up, and most drafts never need
    the patterns of the rarer wordings."""
    return functools.cache(lambda: re.compile(pattern, flags))


_LEXICON: dict[VerbClass, tuple[str, ...]] = {
    # Decisions: binding on whom they name, or the Council's own acts (a mandate renewed, a ceiling kept,
    # a procedure adopted, an obligation imposed on States).
    VerbClass.decides: (
        "decides",
        "authorizes",
        "authorises",
        "demands",
        "directs",
        "mandates",
        "instructs",
        "requires",
        "renews",
        "extends",
        "maintains",
        "adopts",
        "approves",
        "establishes",
        "orders",
    ),
    VerbClass.requests: ("requests", "asks", "tasks", "request"),  # "Request": a typo the UN printed
    VerbClass.calls: (
        "calls upon",
        "calls on",
        "calls for",
        "urges",
        "insists",
        "exhorts",
        "appeals to",
        "appeals",
    ),
    # Wishes and praise: they ask nothing binding of anyone.
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
        "recommends",
        "pays tribute",
        "gives",
    ),
    # Statements: the Council's view, or a commitment of its own ("Undertakes to consider", "Resolves to
    # continue"): they task no one.
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
        "reemphasizes",
        "reemphasises",
        "reaffirms",
        "reconfirms",
        "reiterates",
        "recalls",
        "condemns",
        "deplores",
        "affirms",
        "confirms",
        "asserts",
        "clarifies",
        "reminds",
        "highlights",
        "draws attention",
        "considers",
        "believes",
        "regrets",
        "determines",
        "finds",
        "declares",
        "indicates",
        "agrees",
        "remains",
        "rejects",
        "resolves",
        "undertakes",
        "desires",
        "continues",
    ),
}

# Resolutions of the 1940s-60s are printed in French in the corpus of record: the same classes, in French.
_FRENCH: dict[VerbClass, tuple[str, ...]] = {
    VerbClass.decides: ("décide", "ordonne", "prescrit", "exige", "approuve", "donne pour instructions"),
    VerbClass.requests: ("prie", "requiert"),
    VerbClass.calls: ("demande", "exhorte", "lance un appel"),
    VerbClass.encourages: ("recommande", "se félicite", "appuie", "félicite"),
    VerbClass.notes: (
        "prend note",
        "constate",
        "déclare",
        "réaffirme",
        "réitère",
        "exprime",
        "confirme",
        "rappelle",
        "souligne",
        "condamne",
        "considère",
        "estime",
    ),
}

# French verbs spelt like English infinitives ("Encourage the consolidation of ..." is a task in a list):
# taken as the verb of a numbered OP, never as the sign that a paragraph is one.
_FRENCH_ONLY_IN_OPS = {
    "invite": VerbClass.encourages,
    "encourage": VerbClass.encourages,
    "note": VerbClass.notes,
}
_FRENCH_LEADING = lazily(r"^\W{0,3}(invite|encourage|note)\s+(?=l|[a-zàâçéèêëîïôûù])", re.IGNORECASE)

VERB_CLASS: dict[str, VerbClass] = {
    v: c for lexicon in (_LEXICON, _FRENCH) for c, verbs in lexicon.items() for v in verbs
}

_LEXICON_WORDS = frozenset(v for verbs in _LEXICON.values() for v in verbs)

# "Reiterates its demand that ...", "Reaffirms its request to ...": the noun carries the force.
_NOUN_FORCE = {"demand": VerbClass.decides, "decision": VerbClass.decides, "request": VerbClass.requests}
_NOUN_FORCE |= {"call": VerbClass.calls, "calls": VerbClass.calls, "appeal": VerbClass.calls}
_RESTATING = ("reiterates", "reaffirms", "recalls", "renews", "expresses", "confirms", "reconfirms")

_ADVERBS = r"(?:(?:further|also|strongly|again|once\s+again|once\s+more|urgently|firmly|unequivocally|" \
    r"repeatedly|fully|warmly|emphatically|furthermore|moreover|additionally|deeply|gravely|seriously|" \
    r"sincerely|highly|most|categorically|resolutely|vigorously|unreservedly|however|" \
    r"in\s+this\s+regard,?|in\s+this\s+context,?)\s+)*"  # fmt: skip
# "Takes note", and as printed: "Takes full note", "Takes positive note", "Takes notes" (sic).
_TAKES_NOTE = r"takes\s+(?:(?:full|positive|careful|due|particular|good|serious)\s+)?notes?"
_ALTERNATION = "|".join(
    [_TAKES_NOTE, *sorted((re.escape(v).replace(r"\ ", r"\s+") for v in VERB_CLASS), key=len, reverse=True)]
)
# Not followed by a colon: "Note: ..." under a list is a label, not the French verb.
_LEADING = re.compile(
    rf"^\W{{0,3}}(?:\([a-z]{{1,4}}\)\s+)?(?P<phrase>{_ADVERBS}({_ALTERNATION}))(?!\w|\s*:)", re.IGNORECASE
)
# Every word a match of _LEADING can open with (a superset: each word of the adverbs, each verb's first).
_FIRST_WORDS = frozenset(re.findall("[a-z]+", _ADVERBS)) | {verb.split()[0] for verb in VERB_CLASS}
_WORD = re.compile(r"\w+")
# "Continues to urge", "Continues to call upon": the verb after "to" says what is asked.
_CONTINUES_TO = lazily(r"\s+to\s+(\w+(?:\s+(?:upon|on|for|to|note|forward))?)\b", re.IGNORECASE)
# An OP that opens with a participle or a subordinate clause ("Acting under Chapter VII of the Charter,
# decides", "Upon full cessation of hostilities, calls upon"): its governing verb is the first finite one.
_FINITE_AFTER_CLAUSE = lazily(rf"[,;]\s*(?:and\s+)?{_ADVERBS}({_ALTERNATION})(?!\w)", re.IGNORECASE)
_SUBORDINATOR = lazily(r"^\W{0,3}(?:while|whilst|upon|when|after|in|on)\s+(?=\w+ing\b)", re.IGNORECASE)
_PARTICIPLE = lazily(rf"\W{{0,3}}{_ADVERBS}(taking\s+note|bearing\s+in\s+mind|[a-z]+ing)\b", re.IGNORECASE)
_BRACKETED_CHOICE = lazily(r"^\[\s*([A-Za-z][A-Za-z ]+?)\s*(?:/\s*([A-Za-z][A-Za-z ]+?)\s*)+\]")
_NOUN_AFTER = lazily(r"\s*(?:its|their|the)\s+(?:\w+\s+)?(demand|decision|request|calls?|appeal)\b", re.I)
# "Recalls the decision made by the Prosecutor of the ICC": a decision of someone else, which the Council only
# recalls; "Recalls the decision taken by the Security Council" stays the Council's own.
_SOMEONE_ELSES = lazily(
    r"\s+(?:made|taken|adopted|issued|announced|rendered|of)\s+(?:by\s+)?(?!(?:the\s+)?(?:Security\s+)?Council\b)"
    r"(?:the\s+)?[A-Z]"
)
# A second verb taking over part of the paragraph: "Condemns ... and demands that ...", "Expresses its concern
# that children continue to be recruited ..., and calls for continued national efforts to end ... the recruitment
# and use of children" (every form of the call, as an OP's opening verb reads it).
_COORDINATED_VERBS = (
    r"decides|demands|authori[sz]es|requests|urges|calls\s+upon|calls\s+on|calls\s+for|encourages|invites|welcomes|"
    r"stresses|underlines|underscores|emphasi[sz]es|notes|takes\s+note|condemns|recalls|reaffirms|reiterates|"
    r"expresses|deplores|highlights|insists|directs|continues|recogni[sz]es|acknowledges|commends|affirms|regrets|"
    r"recommends"
)
# The separator is '[;,]\s*(?:and\s+)?' or '\s+and\s+', written to open with one character class: the
# regex engine then skips quickly to the places where a match can start instead of trying every one.
_COORDINATED = re.compile(
    rf"[;,\s](?:(?<=[;,])\s*(?:and\s+)?|(?<=\s)\s*and\s+){_ADVERBS}({_COORDINATED_VERBS})"
    # Its object next, or an aside first ("and notes, in this context, that ...", "and calls upon, in
    # particular, the Special Representative ..."): the clause is still the verb's.
    r"(?:\s+(?=[\w\[])|(?=,\s*(?:in|inter|with|as|on|at|among|for|particularly|including|notably)\b))"
)
# What each of those verbs starts with: a paragraph that holds none of them has no coordinated verb, and
# `str.find` says so much faster than the regex can.
_COORDINATED_STEMS = tuple(dict.fromkeys(re.split(r"[\[\\]", v)[0] for v in _COORDINATED_VERBS.split("|")))
PREAMBULAR_OPENER = re.compile(
    r"^\W{0,3}(?:(?:deeply|gravely|seriously|further|also|strongly|again|once\s+again)\s+)*"
    r"([A-Za-z]+ing|concerned|alarmed|mindful|aware|conscious|convinced|determined|cognizant|"
    r"desirous|bearing\s+in\s+mind|having\s+\w+|deploring|noting)\b",
    re.IGNORECASE,
)
# Cyrillic letters that look Latin, as they slip into typed text ("Сalls upon"): folded one-to-one for
# matching, so offsets stay those of the text as written.
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсхіј", "ABEKMHOPCTXaeopcxij")


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _fold_homoglyphs(text: str) -> str:
    # str.translate looks every character up (slowly, in non-ASCII text): only text that holds a Cyrillic
    # letter can hold a homoglyph.
    return text if text.isascii() or not _CYRILLIC.search(text) else text.translate(_HOMOGLYPHS)


# Letters that a case-insensitive pattern matches as an ASCII letter but that str.lower() keeps apart
# (dotted and dotless i, long s, the Kelvin sign): "İnvites" is read as "Invites".
_FOLD_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _lemma(word: str) -> str:
    lemma = " ".join(word.translate(_FOLD_TO_ASCII).lower().split())
    return "takes note" if lemma.startswith("takes ") else lemma


# "Emphasizes that any support provided ... shall be in full compliance with the HRDDP": the Council states an
# obligation in its own binding words ("shall"), which a coder reads as a demand.
_STATES_OBLIGATION = (
    "emphasizes", "emphasises", "stresses", "underlines", "underscores", "reiterates", "reaffirms", "affirms",
)  # fmt: skip
# That wrongdoers "shall be brought to justice" or "held accountable" is the principle the Council states with
# "must" too ("stresses that the perpetrators shall be brought to justice"): it names who answers, not who acts.
_THAT_SHALL = lazily(
    r"(?:\s*,[^,;:]{1,40},)?\s+that\s+[^;:]{0,300}?\bshall\b(?!\s+not\b)"
    r"(?!\s+be\s+(?:brought\s+to\s+justice|held\s+(?:accountable|responsible|to\s+account))\b)",
    re.IGNORECASE,
)
# What the Council states to be authorized it authorizes, a decision: "underlines, in particular, that the force
# is authorized to take all necessary measures to provide security for key infrastructure".
_THAT_AUTHORIZED = lazily(
    r"(?:\s*,[^,;:]{1,40},)?\s+that\s+[^;:]{0,200}?\b(?:is|are)\s+(?:hereby\s+|also\s+)?authori[sz]ed\s+to\b",
    re.IGNORECASE,
)
# "Determines that the support provided to ... will be delivered in accordance with the HRDDP": the Council
# settles how something shall be done, a decision; "Determines that the situation ... constitutes a threat"
# states a fact and stays a statement.
_THAT_SHALL_OR_WILL = lazily(r"\s+that\s+[^;:]{0,300}?\b(?:shall|will)\b(?!\s+not\b)", re.IGNORECASE)
# "Decides to consider inclusion, as appropriate, of a DDR component in the mandates ...", "decides to keep these
# matters under review": the Council decides only to take a question up itself later, a commitment of its own
# like "Undertakes to consider": it asks nothing of anyone, and decides nothing of what it will consider.
_DECIDES_TO_CONSIDER = lazily(
    r"(?:\s*,[^,;:]{1,40},)?\s+(?:further\s+|also\s+)?to\s+(?:continue\s+to\s+)?"
    r"(?:consider|review|keep\s+[^;:]{0,60}?\bunder\s+(?:review|consideration|active\s+review))\b",
    re.IGNORECASE,
)


def _class_of(word: str, text: str, end: int) -> VerbClass:
    """The class of a verb found in `text`, ending at `end`: a noun after it or a verb after 'to' may
    carry the force ("Renews its call", "Continues to urge")."""
    verb_class = VERB_CLASS[word]
    if word in _RESTATING:
        noun = _NOUN_AFTER().match(text, end)
        if noun and not _SOMEONE_ELSES().match(text, noun.end()):
            return _NOUN_FORCE[noun.group(1).lower()]
    if verb_class is VerbClass.notes and word in _STATES_OBLIGATION and _THAT_AUTHORIZED().match(text, end):
        return VerbClass.decides
    if verb_class is VerbClass.notes and word in _STATES_OBLIGATION and _THAT_SHALL().match(text, end):
        return VerbClass.requests
    if word == "determines" and _THAT_SHALL_OR_WILL().match(text, end):
        return VerbClass.decides
    if word == "decides" and _DECIDES_TO_CONSIDER().match(text, end):
        return VerbClass.notes
    if word == "continues" and (then := _CONTINUES_TO().match(text, end)):
        base = _lemma(then.group(1))
        head, _, rest = base.partition(" ")
        for form in (f"{head}s", f"{head}es"):
            candidate = f"{form} {rest}".strip()
            if candidate in VERB_CLASS or form in VERB_CLASS:
                return VERB_CLASS.get(candidate) or VERB_CLASS[form]
    return verb_class


def _continues_to_ask(text: str, end: int) -> bool:
    """'..., continues to request the Secretary-General to report': the verb after 'to' is one of the
    Council's ('continues to deteriorate' is not)."""
    then = _CONTINUES_TO().match(text, end)
    if not then:
        return False
    head, _, rest = _lemma(then.group(1)).partition(" ")
    return any(
        f"{form} {rest}".strip() in VERB_CLASS or form in VERB_CLASS for form in (f"{head}s", f"{head}es")
    )


def leading_verb(text: str) -> VerbUse | None:
    """The verb an operative paragraph opens with, e.g. 'Strongly condemns' → condemns (notes)."""
    choice = _BRACKETED_CHOICE().match(text) if text[:1] == "[" else None
    if choice:
        # "[Decides/Requests]": the verb itself is unagreed; count the weakest alternative.
        words = [w.strip() for w in choice.group(0).strip("[]").split("/")]
        classes = [VERB_CLASS.get(_lemma(w)) for w in words]
        if all(classes):
            weakest = min(classes, key=lambda c: c.strength)  # type: ignore[union-attr]
            return VerbUse(verb=choice.group(0), verb_class=weakest, start=0)
    head = _fold_homoglyphs(text[:200])
    if head[:1].isascii() and head[:1].isalpha():
        # Then the phrase opens the text, and its first word must be one the pattern can open with: most
        # paragraphs ('Recalling', 'Mandate of ...') are told so without trying its hundred alternatives.
        word = _WORD.match(head).group()  # type: ignore[union-attr]
        if word.isascii() and word.lower() not in _FIRST_WORDS:
            return None
    m = _LEADING.match(head)
    if not m:
        return None
    verb_class = _class_of(_lemma(m.group(2)), text, m.end())
    return VerbUse(verb=text[m.start("phrase") : m.end()], verb_class=verb_class)


def governing_verb(text: str) -> VerbUse | None:
    """The verb that governs an operative paragraph: the one it opens with; else, after an opening
    participle or subordinate clause, the first finite verb ("Acting under Chapter VII ..., decides");
    else, for an OP worded like a preambular paragraph ("Noting ...;"), its participle, of the class of the
    verb it comes from ("Noting" → notes)."""
    own = leading_verb(text)
    if own is not None:
        return own
    if french := _FRENCH_LEADING().match(text):
        return VerbUse(verb=french.group(1), verb_class=_FRENCH_ONLY_IN_OPS[french.group(1).lower()])
    folded = _fold_homoglyphs(text)
    if m := _FINITE_AFTER_CLAUSE().search(folded):
        word = _lemma(m.group(1))
        return VerbUse(
            verb=text[m.start(1) : m.end()], verb_class=_class_of(word, text, m.end()), start=m.start(1)
        )
    opener = _SUBORDINATOR().match(folded)
    at = opener.end() if opener else 0
    if p := _PARTICIPLE().match(folded, at):
        participle = _lemma(p.group(1))
        if participle == "taking note":
            finite = "takes note"
        elif participle == "bearing in mind":
            finite = "notes"
        else:
            stem = participle[: -len("ing")]
            forms = (f"{stem}es", f"{stem}s", f"{stem[:-1]}s")  # noting, recalling, regretting
            finite = next((f for f in forms if f in _LEXICON_WORDS), "")
        if finite:
            start = p.start(1)
            return VerbUse(verb=text[start : p.end()], verb_class=VERB_CLASS[finite], start=start)
    return None


def coordinated_verbs(text: str, after: int, own_sentence: bool = True) -> list[VerbUse]:
    """Verbs that take over later in the paragraph ('... and requests the Mission to ...'), and, in an OP's
    own sentence, the participles of statements and wishes that open a clause of their own ('Reiterates its
    call on all parties to cooperate with the Mission, further reiterating the importance of compliance with
    the SOFA': the importance is stated, not asked). In a task of a list ('(b) security sector reform, ...,
    encouraging the inclusion of women') a participle says how the task is done: it stays the task's."""
    uses: list[VerbUse] = []
    for stem in _COORDINATED_STEMS:
        if text.find(stem, after) >= 0:
            break
    else:
        return _participle_clauses(text, after) if own_sentence else uses
    for m in _COORDINATED.finditer(text, after):
        word = " ".join(m.group(1).lower().split())
        if word == "continues" and not _continues_to_ask(text, m.end(1)):
            continue  # "... and continues to deteriorate": no verb of the Council
        # "..., and further reiterates its call on the Government to ...": the noun carries the force, as
        # for the verb an OP opens with.
        uses.append(VerbUse(verb=m.group(1), verb_class=_class_of(word, text, m.end(1)), start=m.start(1)))
    participles = _participle_clauses(text, after) if own_sentence else []
    return sorted([*uses, *participles], key=lambda use: use.start) if participles else uses


# Participles of the statement and wish verbs, after a comma: ", further reiterating the importance of ...",
# ", and stressing that ...". Calls, requests and decisions are left to their finite verbs.
_STATED_PARTICIPLES = {
    "reiterating": "reiterates",
    "reaffirming": "reaffirms",
    "recalling": "recalls",
    "stressing": "stresses",
    "underlining": "underlines",
    "underscoring": "underscores",
    "emphasizing": "emphasizes",
    "emphasising": "emphasises",
    "noting": "notes",
    "taking note": "takes note",
    "recognizing": "recognizes",
    "recognising": "recognises",
    "acknowledging": "acknowledges",
    "expressing": "expresses",
    "highlighting": "highlights",
    "welcoming": "welcomes",
    "commending": "commends",
    "encouraging": "encourages",
}
_PARTICIPLE_WORDS = "|".join(p.replace(" ", r"\s+") for p in _STATED_PARTICIPLES)
_PARTICIPLE_CLAUSE = lazily(rf",\s*(?:and\s+)?{_ADVERBS}({_PARTICIPLE_WORDS})\s+(?=[\w\[])", re.IGNORECASE)
# "Calls on the authorities, noting their commitments, to implement ...": the participle is set off by
# commas and the first verb's sentence resumes ('to', 'that' after a comma): no clause of its own.
_RESUMES = lazily(r",\s*(?:and\s+)?(?:to|that)\s+[a-z]")


def _participle_clauses(text: str, after: int) -> list[VerbUse]:
    if "ing" not in text:
        return []
    uses = []
    for m in _PARTICIPLE_CLAUSE().finditer(text, after):
        end = text.find(";", m.end())
        if _RESUMES().search(text, m.end(), end if end >= 0 else len(text)):
            continue
        finite = _STATED_PARTICIPLES[" ".join(m.group(1).lower().split())]
        uses.append(VerbUse(verb=m.group(1), verb_class=_class_of(finite, text, m.end()), start=m.start(1)))
    return uses


def preambular_opener(text: str) -> str | None:
    m = PREAMBULAR_OPENER.match(text)
    return m.group(0).strip(" [(\"'") if m else None
