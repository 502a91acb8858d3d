"""What a finding says to the drafter: its reasons, and its templates filled with the mission's profile."""

from __future__ import annotations

from collections.abc import Callable
from typing import get_args

from mandatekit.judge.hits import Hit
from mandatekit.read.model import Kind, Paragraph, VerbClass
from mandatekit.rulebook import Profile, Rule
from mandatekit.rulebook.model import PartialCase
from mandatekit.textnorm import joined

_VERB_EXAMPLES = {
    VerbClass.decides: "Decides",
    VerbClass.requests: "Requests",
    VerbClass.calls: "Calls upon",
    VerbClass.encourages: "Encourages",
    VerbClass.notes: "Notes",
}


class Reason(str):
    """A reason a finding is partial, knowing which case of partial it is (`case`, one of `CASES`) and saying
    that case in a sentence for the writer (`plain`), said after the rule's partial message (trial 14 F8: one
    message for every partial case read wrong where the words were there but only acknowledged)."""

    case: PartialCase
    plain: str

    def __new__(cls, text: str, case: PartialCase, plain: str) -> Reason:
        made = super().__new__(cls, text)
        made.case, made.plain = case, plain
        return made


# The cases of partial, in the order a finding names the first that applies (docs/json.md `partial_case`).
CASES: tuple[str, ...] = get_args(PartialCase)


def preamble_only(refs: str) -> Reason:
    return Reason(
        f"Found only in the preamble ({refs}): preambular paragraphs set context but task no one.",
        "preamble",
        f"Partial because it is only in the preamble ({refs}), which asks nothing of anyone.",
    )


def too_weak(
    ref: str | None,
    verb_class: VerbClass | None,
    verb: str | None,
    min_verb: VerbClass,
    whom: str | None = None,
    duty_of_others: bool = False,
) -> Reason:
    """Why the verb governing the words does not mandate what the rule asks (`min_verb` at least). Asked of
    others than the UN (`whom`, 'all parties'): of them the Council demands, where their duty can meet the rule
    (`duty_of_others`); where it asks a task of the UN, 'Requests' tasks the Secretary-General or the mission,
    never the parties."""
    text = _too_weak(ref, verb_class, verb, min_verb, whom, duty_of_others)
    if verb is None:
        plain = f"Partial because no verb in {ref} asks for it."
    elif whom:
        plain = f"Partial because it is only asked of {whom} under '{verb}' ({ref}), a verb too weak for it."
    else:
        plain = f"Partial because it is only under '{verb}' ({ref}), a verb too weak to ask for it."
    return Reason(text, "weak_verb", plain)


def _too_weak(
    ref: str | None,
    verb_class: VerbClass | None,
    verb: str | None,
    min_verb: VerbClass,
    whom: str | None,
    duty_of_others: bool,
) -> str:
    needed = _VERB_EXAMPLES[min_verb]
    if verb is None:
        return f"{ref} has no governing verb that mandates anything: it needs '{needed}' language."
    if whom and duty_of_others:
        also = "" if min_verb is VerbClass.decides else f", or the mission tasked in '{needed}' language"
        return (
            f"Only under '{verb}' ({ref}), which exhorts {whom} but does not demand: of them the Council "
            f"demands ('Demands that {whom} ...'){also}."
        )
    if whom:
        return (
            f"Only under '{verb}' ({ref}), asked of {whom}, not of the mission: it needs '{needed}' language "
            "that tasks the Secretary-General or the mission."
        )
    if verb_class is VerbClass.requests:
        return f"Only under '{verb}' ({ref}), which asks but does not decide or demand: it needs '{needed}' language."
    if verb_class is VerbClass.calls:
        return (
            f"Only under '{verb}' ({ref}), which exhorts others but does not task the mission: "
            f"it needs '{needed}' language."
        )
    return (
        f"Only under '{verb}' ({ref}), which is {'an encouragement' if verb_class is VerbClass.encourages else 'a statement'}, "
        f"not a mandate: it needs at least '{needed}' language."
    )


def title_only(refs: str) -> Reason:
    return Reason(
        f"Found only in a heading over the tasks ({refs}): a heading names what the tasks filed under it are "
        "about and asks nothing itself: a task must say it.",
        "heading",
        f"Partial because it is only in a heading over the tasks ({refs}), which asks nothing itself.",
    )


def verb_in_brackets(verb: str, ref: str | None) -> Reason:
    return Reason(
        f"The governing verb '{verb}' ({ref}) is in square brackets: the commitment is not yet agreed.",
        "bracketed",
        _UNAGREED_PLAIN.format(refs=ref),
    )


_UNAGREED_PLAIN = "Partial because the words it rests on in {refs} are in square brackets or a pending change: not yet agreed."


def qualified(ref: str | None, words: str) -> Reason:
    return Reason(
        f"Only as a consideration in {ref} ('{words} ...'): the task minds it but does not ask for it.",
        "qualified",
        f"Partial because it is only something another task in {ref} is to mind, not asked for itself.",
    )


def hedged(ref: str | None, words: str) -> Reason:
    """A hedge right beside the words that meet the rule (judge/cues.py `hedge_next_to`)."""
    return Reason(
        f"'{words}' ({ref}) qualifies the condition itself: what is hedged so is optional, not a condition.",
        "hedged",
        f"Partial because it is hedged ('{words}', {ref}): what is hedged so is optional.",
    )


def unconditioned(given: list[tuple[str, str]], label: str, condition: str = "") -> str:
    """Paragraphs that give what the rule's condition must cover without it (`Element.needs_condition`), with
    the support each gives ("... support to the South Sudan People's Defence Forces"), and the fix: the
    draft's own words for the condition added to each (trial 15 F2). For display only: the same data is on
    the Finding (`unconditioned`, `condition_label`, `condition_words`), which render reads."""
    refs = [ref for ref, _ in given]
    where = ", ".join(refs)
    verb = "gives" if len(refs) == 1 else "give"
    what = "; ".join(f"{ref}: “{words}”" for ref, words in given)
    fix = f" Add “, {condition}” to {_and(refs, 'and')}." if condition else ""
    return f"{where} {verb} support without {label}: the condition must cover that support too ({what}).{fix}"


def narrowed(ref: str | None, subject: str, label: str) -> Reason:
    """Words that meet the rule only for a narrower subject than the recommendation's (judge/narrowed.py)."""
    return Reason(
        f"Only for {subject} ({ref}): the recommendation asks for {label} without that limit.",
        "narrowed",
        f"Partial because it is asked only for {subject} ({ref}).",
    )


def read_with(ref: str | None, written: str, refs: tuple[str, ...]) -> str:
    """A clause read with the words of the paragraphs it names by number (judge/borrowed.py)."""
    named = ", ".join(refs) if len(refs) <= 3 else f"{refs[0]} to {refs[-1]}"
    return f"{ref} is read with the paragraphs it refers to ('{written}': {named})."


def negated(ref: str | None, words: str) -> Reason:
    return Reason(
        f"Negated in {ref} ('{words}'): the text says the opposite.",
        "negated",
        f"Partial because {ref} says the opposite ('{words}').",
    )


def bracketed_between(ref: str | None, hits: list[Hit], paragraphs: list[Paragraph]) -> Reason:
    """The words that join the evidence in a paragraph are in square brackets (verdict.bracketed_between)."""
    para = paragraphs[hits[0].para]
    spans = [b for b in para.brackets if any(b.start <= h.start and h.end <= b.end for h in hits)]
    words = _and(list(dict.fromkeys(f"“{para.text[b.start : b.end]}”" for b in spans)), "and")
    return Reason(
        f"What joins the words found in {ref} stands in square brackets ({words}): the words in square "
        "brackets are not yet agreed, and what is asked depends on them.",
        "bracketed",
        _UNAGREED_PLAIN.format(refs=ref),
    )


_UNAGREED_PLACES = {
    "bracketed": "bracketed, unagreed text in {refs}: words in square brackets are not yet agreed.",
    "pending": "a pending tracked change in {refs}: read as if accepted, but not yet agreed.",
}


def unagreed_reason(rule: Rule, hits: list[Hit], paragraphs: list[Paragraph], place: str) -> Reason:
    """'The state's forces stand only in bracketed, unagreed text in OP 4 ...': which ideas lack agreed
    words, and where they stand (`place`: bracketed or pending)."""
    names = list(dict.fromkeys(h.element for h in hits))
    labels = _and([rule.searched[n].label for n in names], "and")
    refs = _and(list(dict.fromkeys(paragraphs[h.para].ref or "" for h in hits)), "and")
    where = _UNAGREED_PLACES[place].format(refs=refs)
    text = f"{labels[:1].upper()}{labels[1:]} {'stands' if len(names) == 1 else 'stand'} only in {where}"
    return Reason(text, "bracketed", _UNAGREED_PLAIN.format(refs=refs))


def subject_only(
    rule: Rule,
    hit: Hit,
    paragraphs: list[Paragraph],
    verb_at: Callable[[int, int], tuple[VerbClass | None, str | None]],
) -> Reason:
    """'The draft touches on children and armed conflict only in the preamble (PP 4), but never asks for what
    the recommendation needs: ...': how the draft addresses the rule's subject without what meeting it asks
    (the elements of its fullest way, listed first)."""
    paragraph = paragraphs[hit.para]
    ref = paragraph.ref or ""
    # What keeps the subject's words from meeting the rule, for the writer: where they stand, or under what.
    passing = f"Partial because the draft only touches on it ({ref}) and asks for none of what it needs."
    if paragraph.kind is Kind.preambular:
        how, case = f"only in the preamble ({ref})", "preamble"
        plain = (
            f"Partial because it is only touched on in the preamble ({ref}), which asks nothing of anyone."
        )
    else:
        verb_class, verb = verb_at(hit.para, hit.start)
        if verb is None:
            how, case, plain = f"only in {ref}, under no verb that asks anything", "subject", passing
        elif verb_class is not None and verb_class.strength < rule.min_verb.strength:
            how, case = f"only under '{verb}' ({ref})", "weak_verb"
            plain = f"Partial because it is only touched on under '{verb}' ({ref}), a verb too weak to ask for it."
        else:
            how, case, plain = f"in passing ({ref}, under '{verb}')", "subject", passing
    asked = joined(rule.elements[n].label for n in rule.ways_to_meet[0].all)  # the fullest way, listed first
    label = rule.subject.label if rule.subject else hit.element
    text = f"The draft touches on {label} {how}, but never asks for what the recommendation needs: {asked}."
    return Reason(text, case, plain)


def what_is_missing(
    rule: Rule,
    hits: dict[str, list[Hit]],
    chosen: list[Hit],
    paragraphs: list[Paragraph],
    verb_of: Callable[[Hit], str | None] | None = None,
    order: Callable[[Hit], tuple[int, ...]] | None = None,
) -> Reason:
    """Which of the closest condition's elements the draft lacks, which stand only in other paragraphs, and,
    when all stand in these paragraphs, that they stand in different clauses (each under the verb `verb_of`
    gives). The other paragraphs are named in `order` (the paragraphs a drafter would amend first), then as
    they come."""
    present = {n for n, h in hits.items() if h}
    # What is missing is said of the ways that meet the rule, not of a way cited first that only adds words.
    closest = max(rule.ways_to_meet, key=lambda c: len(present & set(c.all)))
    here = {h.para for h in chosen}
    have = [h.element for h in chosen]
    have += [n for n in closest.all if n not in have and any(h.para in here for h in hits[n])]
    where = ", ".join(dict.fromkeys(paragraphs[h.para].ref or "" for h in chosen))
    found = _and(_once([rule.elements[n].label for n in dict.fromkeys(have)]), "and")
    elsewhere = _on_the_topic(rule, hits, paragraphs)
    absent = [
        rule.elements[n].label for n in closest.all if n not in have and not (n in present and elsewhere[n])
    ]
    apart = [n for n in closest.all if n in present and n not in have and elsewhere[n]]
    text = f"The draft has {found} ({where})"
    if absent:
        text += f" but not {_and(absent)}"
    for i, n in enumerate(apart):  # one 'but', then 'and': "has X but Y only in ..., and Z only in ..."
        places = sorted(elsewhere[n], key=order) if order is not None else elsewhere[n]
        # Each of the first two paragraphs with the words that count there, for a delegate to paste (trial 13:
        # "(OP 34(iii)(m), OP 33, OP 7 and 7 more)" did not say which words of OP 7 counted).
        first = {paragraphs[h.para].ref or "": h for h in reversed(places)}  # the first hit in each paragraph
        refs = list(dict.fromkeys(paragraphs[h.para].ref or "" for h in places))
        quoted = [
            f"“{_words(paragraphs[first[r].para].text[first[r].start : first[r].end])}” ({r})"
            for r in refs[:2]
        ]
        shown = _and(quoted, "and") + (f", and {len(refs) - 2} more" if len(refs) > 2 else "")
        text += (
            f"{', and' if absent or i else ' but'} {rule.elements[n].label} only in other paragraphs: {shown}"
        )
    if not absent and not apart and verb_of is not None and rule.together == "clause":
        first = {n: next((h for h in hits[n] if h.para in here), None) for n in closest.all}
        under = [f"{rule.elements[n].label} under '{verb_of(h)}'" for n, h in first.items() if h is not None]
        if len(under) > 1:
            text += f" but not in one clause: {_and(under, 'and')}; one verb must ask for all of it"
    # Which elements are absent is the reason's to say: their labels name the mission, which a text with no
    # mission must not (test_no_mission_messages).
    plain = f"Partial because {where} has only part of what the recommendation asks" + (
        "." if absent else ", the rest only in other paragraphs or clauses."
    )
    return Reason(text + ".", "elements", plain)


def _words(text: str, most: int = 8) -> str:
    """Matched words as quoted: a long match cut to its first words."""
    words = text.split()
    return " ".join(words[:most]) + (" …" if len(words) > most else "")


def _once(labels: list[str]) -> list[str]:
    """The labels, less any that another says whole: 'the mission's freedom of movement' is in 'the mission's
    freedom of movement guaranteed', and 'the draft has X and X guaranteed' reads as a slip."""
    return [a for a in labels if not any(a != b and a.casefold() in b.casefold() for b in labels)]


def _on_the_topic(
    rule: Rule, hits: dict[str, list[Hit]], paragraphs: list[Paragraph]
) -> dict[str, list[Hit]]:
    """Element → where it stands that may count for this recommendation. In a rule that names what it is about
    (its topic elements), an idea of what is done (monitored, reported) stands for it only in a paragraph on
    that topic: the reports asked on another resolution are no reporting on children, and saying the idea
    stands 'only in other paragraphs' there would send the drafter to paragraphs about something else. In a
    rule that names none, a single word matched ("priorities", "support", "ensure") locates nothing on its
    own: it counts only where another of the rule's ideas (or its subject) stands beside it. "Priorities" in
    a paragraph on the pandemic is no priority given to protecting civilians (trial 15 F11)."""
    topics = [n for n, e in rule.elements.items() if e.topic]
    if not topics:
        where = {m: {h.para for h in found} for m, found in hits.items()}

        def counts(h: Hit, name: str) -> bool:
            if any(c.isspace() for c in paragraphs[h.para].text[h.start : h.end]):
                return True
            return any(h.para in paras for m, paras in where.items() if m != name)

        return {n: [h for h in hits.get(n, []) if counts(h, n)] for n in rule.elements}
    about = {h.para for n in topics for h in hits.get(n, [])}
    return {n: [h for h in hits.get(n, []) if e.topic or h.para in about] for n, e in rule.elements.items()}


def _and(items: list[str], word: str = "or") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def fill(template: str, profile: Profile | None) -> str:
    values = profile.text_values() if profile else {}
    return template.format_map(_Missing(values))


# Filled templates by profile: the same strings for every draft. Keyed by the profile object, kept alive
# here so that its id is not reused, and checked against a copy of its values in case they were changed.
_FILLED: dict[int, tuple[Profile | None, dict[str, str], dict[str, str]]] = {}


def filled_with(profile: Profile | None) -> Callable[[str], str]:
    """`fill` with this profile, each template filled once."""
    values = profile.values if profile else {}
    entry = _FILLED.get(id(profile))
    if entry is None or entry[0] is not profile or entry[1] != values:
        if len(_FILLED) >= 64:
            _FILLED.clear()
        entry = _FILLED[id(profile)] = (profile, dict(values), {})
    done = entry[2]

    def filled(template: str) -> str:
        text = done.get(template)
        if text is None:
            if len(done) >= 4096:
                done.clear()
            text = done[template] = fill(template, profile)
        return text

    return filled


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
