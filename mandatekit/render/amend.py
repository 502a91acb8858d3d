"""Amend the paragraph that falls short with only what it lacks, rather than add a near-copy of it.

A partial finding often rests on a paragraph that is the draft's own version of the suggestion — "To
monitor, investigate, verify, and report immediately, publicly, and regularly on abuses and violations of
human rights ..." — short of one element ("by all actors, including the SSPDF"). A drafter amends that
paragraph; adding "(v) To monitor, document, investigate and report publicly ..." beside it says twice what
the mandate already says. The words for the missing element are the suggestion's own: the suggestion is
judged alone, and its evidence for that element (widened to the phrase around it) goes in at the end of the
clause of the paragraph most like the suggestion that holds part of the rule (each judged alone too); where
those words are a clause of their own with the Council's verb ("Demands that the Government fully respect the
SOFA"), the clause follows the paragraph's own (", and demands that ..."), as a drafter adds a demand to the
paragraph that already demands the mission's freedom of movement. Like every fix, the amended draft is judged
again (render/placement.py): it must meet more of the rule and cost no other.
"""

from __future__ import annotations

import re

from mandatekit.compare import text_similarity
from mandatekit.judge import Finding
from mandatekit.read import read_string
from mandatekit.read.model import Document, Kind, Paragraph
from mandatekit.render.accepted import Judge, finding_of
from mandatekit.render.narrowed import redline
from mandatekit.render.placing import Placement

_CLAUSE_END = re.compile(r"\s*;|\s*\.?\s*$")
AMEND_SIMILARITY = 0.2  # below this a paragraph is about something else than the suggestion
MAX_CANDIDATES = 5  # the paragraphs most like the suggestion, each judged alone
# Words that attach to a clause as it stands: a preposition or participle first ("by all actors", "committed
# by ...", "irrespective of the source", "including from ...", "in strict compliance with the HRDDP").
_ATTACHES = re.compile(
    r"(?:[a-z]+ed\s+)?(?:by|including|irrespective|regardless|in|with|without|under|through|from|on|against|"
    r"for|across|consistent|subject)\b"
)
# "committed by all actors": the participle goes with its phrase.
_PARTICIPLE = re.compile(r"\b([a-z]+ed)\s+$")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _elements(text: str, rule: str, judge: Judge, task: bool) -> dict[str, tuple[str, int, int]]:
    """What a paragraph holds of a rule, judged alone: element → (the paragraph's text, start, end of its
    words). A task item is judged under a task list's lead-in, as the draft has it."""
    lead = (
        "1. Decides that the mandate of the Mission shall include the following tasks:\n\n(a) "
        if task
        else "1. "
    )
    alone = read_string(f"The Security Council,\n\n{lead}{text}\n")
    own = alone.paragraphs[-1]  # the paragraph's own words: what a lead-in says is not its to hold
    found = finding_of(judge, alone, rule)
    out: dict[str, tuple[str, int, int]] = {}
    for e in found.evidence if found is not None else []:
        if e.paragraph == own.index:
            out.setdefault(e.element, (own.text, e.start, e.end))
    return out


def _phrase(text: str, start: int, end: int, have: str) -> str:
    """The words for one element, widened: the participle before them, and the comma-separated phrases after
    them up to the clause's end, less what the paragraph already says ('within its capabilities ...')."""
    before = _PARTICIPLE.search(text[:start])
    if before is not None:
        start = before.start(1)
    stop = _CLAUSE_END.search(text, end)
    for chunk in re.split(r"(?=,)", text[end : stop.start() if stop else len(text)]):
        if _norm(chunk) and _norm(chunk) in have:
            break
        end += len(chunk)
    return text[start:end].strip(" ,")


def _verb_clause(text: str, start: int, end: int) -> str:
    """The suggestion's clause holding an element, where it is a clause of its own with the Council's verb
    ("Demands that the Government of Lebanon fully respect the Status of Forces Agreement"), lower-cased to
    follow another clause: a paragraph that already makes the ask beside it (OP 6 "demands ... freedom of
    movement of UNIFIL") takes that clause, not a new paragraph repeating its own words. A clause ends at a
    semicolon, the text's end, or a comma before the next verb ("..., condemns all violations"); a comma
    inside one ("to support, impartially, the implementation") leaves no clause to take: ''."""
    from mandatekit.read.verbs import leading_verb

    def opens_with_verb(words: str) -> bool:
        words = re.sub(r"^and\s+", "", words.strip())
        verb = leading_verb(words[:1].upper() + words[1:])
        return verb is not None and verb.verb_class is not None and words[:1].isalpha()

    opened = max(text.rfind(", ", 0, start), text.rfind("; ", 0, start))
    first = opened + 2 if opened >= 0 else 0
    stop = re.compile(r"[,;]|\.?\s*$").search(text, end)
    last = stop.start() if stop else len(text)
    if stop is not None and text[last : last + 1] == "," and not opens_with_verb(text[last + 1 :]):
        return ""
    clause = re.sub(r"^and\s+", "", text[first:last].strip())
    if not opens_with_verb(clause) or (opened >= 0 and not opens_with_verb(text[first:])):
        return ""
    return clause[:1].lower() + clause[1:]


# Words in -ly that are no adverb: an element ending in one ('fully comply', 'the family') is no adverb.
_NOT_ADVERBS = frozenset(
    ["apply", "comply", "supply", "reply", "rely", "imply", "multiply", "family", "assembly", "ally", "rally",
     "anomaly", "monopoly", "only", "early"]
)  # fmt: skip


def _adverb_start(text: str, start: int, end: int) -> int | None:
    """Where the adverb an element comes down to starts: the element is that adverb alone ('publicly') or the
    word it follows and the adverb (the rule's 'report publicly'); None for anything else."""
    m = re.fullmatch(r"(?:[a-z]+\s+)?([a-z]+ly)", text[start:end])
    if m is None or m.group(1) in _NOT_ADVERBS:  # 'fully comply': the verb is no adverb to slot in
        return None
    return start + m.start(1)


def _adverb_place(
    text: str, start: int, end: int, paragraph: str, held: dict[str, tuple[str, int, int]]
) -> int | None:
    """Where an element that is one adverb ('report publicly') goes in the paragraph: after the word it
    follows in the suggestion, in the words the paragraph holds of the rule ('monitor and report on' →
    'monitor and report publicly on'). None for anything but a lone adverb, or where that word is not there."""
    if (start := _adverb_start(text, start, end)) is None:
        return None
    before = re.search(r"([a-z]+)\s+$", text[:start])
    if before is None:
        return None
    for _, s, e in held.values():
        m = re.search(rf"\b{re.escape(before.group(1))}\b", paragraph[s:e])
        if m is not None:
            return s + m.end()
    return None


def amend(
    document: Document,
    f: Finding,
    suggestion: str,
    judge: Judge,
    claimed: set[int],
    mission: str | None = None,
) -> Placement | None:
    """'Amend OP 3(d)(i)': the paragraph most like the suggestion that holds part of the rule (judged alone),
    with the suggestion's words for what it lacks added at the end of its first clause — only words that
    attach to a clause ('by all actors, including ...', 'irrespective of ...', 'in strict compliance with
    ...'); a bare noun phrase would not read there. None where no paragraph is like the suggestion, or the
    one that is lacks nothing such words could add (a paragraph short only of force gets a stronger verb)."""
    from mandatekit.render.tasks import is_task_item, task_form

    if f.verdict.value != "partial":
        return None
    task = task_form(suggestion, document) or suggestion
    scored = sorted(
        (
            (text_similarity(_agreed(p), task), p)
            for p in document.paragraphs
            if p.kind is Kind.operative
            and p.text
            and not p.text.rstrip().endswith(":")
            and p.index not in claimed
            and not p.changes
            and (not p.brackets or _wholly_bracketed(p))
        ),
        key=lambda t: (-t[0], t[1].index),
    )
    candidates = [(sim, p) for sim, p in scored[:MAX_CANDIDATES] if sim >= AMEND_SIMILARITY]
    wanted = _elements(suggestion, f.rule, judge, task=False)
    best = None
    for _, p in candidates:
        held = _elements(_agreed(p), f.rule, judge, task=is_task_item(p))
        if any(text != _agreed(p) for text, _, _ in held.values()):
            continue  # read back otherwise than the draft has it (a bullet split off ...): no offsets to trust
        if held and (best is None or len(held) > len(best[1])):
            best = (p, held)
    if best is None:
        return None
    p, held = best
    new = _with_missing(_agreed(p), held, wanted)
    if new is None:
        return None
    if p.brackets:
        # The draft's own version stands in square brackets (trial 15, F5): the fix is to agree it with the
        # words it still lacks, typed inside its brackets, not a near-copy of it as a new item beside it.
        typed = _inside_brackets(p.text, _agreed(p), new)
        return Placement(f.rule, "replace", f"Agree the bracketed text in {p.ref}, with the words it lacks",
                         typed, redline(p.text, typed), p.index, result=new)  # fmt: skip
    # A paragraph short of force too ("Encourages UNSMIL to continue, as appropriate, to monitor") gets the
    # stronger verb, without the hedge its gap names, in the same amendment: one paragraph, not two.
    from mandatekit.render.replacement import swap_verb

    new = swap_verb(p.model_copy(update={"text": new}), f, mission) or new
    anchor = next(iter(held.values()))
    return Placement(f.rule, "replace", f"Amend {p.ref}", new, redline(p.text, new), p.index,
                     anchor=anchor[0][anchor[1] : anchor[2]])  # fmt: skip


def _wholly_bracketed(p: Paragraph) -> bool:
    """The whole paragraph stands in one pair of square brackets ('[To monitor ...;]'): the draft's own version
    not yet agreed, amended inside them. Where only a clause is bracketed, the words the rule lacks would sit
    beside words the bracket already says of them (trial 15, F5: left to a new paragraph, as before)."""
    text = p.text.strip()
    return (
        len(p.brackets) == 1
        and p.brackets[0].start == p.text.find("[") == p.text.find(text[:1])
        and (p.brackets[0].end >= len(p.text.rstrip(" ;,.:")))
    )


def _agreed(p: Paragraph) -> str:
    """The paragraph with its square brackets agreed (the brackets dropped, every word kept)."""
    return p.text.replace("[", "").replace("]", "") if p.brackets else p.text


def _inside_brackets(original: str, agreed: str, amended: str) -> str:
    """`original` (with its brackets) with the words `amended` adds to `agreed` (the same without them), each
    right after the word it follows: inside the bracket that word stands in, not after the bracket closes."""
    from difflib import SequenceMatcher

    where = [n for n, ch in enumerate(original) if ch not in "[]"]  # agreed offset -> original offset
    out, last = [], 0
    for op, i1, _, j1, j2 in SequenceMatcher(None, agreed, amended, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        at = where[i1 - 1] + 1 if i1 > 0 else 0
        out += [original[last:at], amended[j1:j2]]
        last = at if op == "insert" else where[min(i1, len(where) - 1)]
    return "".join(out) + original[last:]


def amended_text(text: str, f: Finding, suggestion: str, judge: Judge, p: Paragraph) -> str | None:
    """`text` (paragraph `p` as a fix would have it: its verb restored, render/restore.py) with the
    suggestion's words for what it still lacks of the rule; None where nothing such words could add."""
    from mandatekit.render.tasks import is_task_item

    held = _elements(text, f.rule, judge, task=is_task_item(p))
    if not held or any(t != text for t, _, _ in held.values()):
        return None
    return _with_missing(text, held, _elements(suggestion, f.rule, judge, task=False))


def _with_missing(
    text_of_p: str, held: dict[str, tuple[str, int, int]], wanted: dict[str, tuple[str, int, int]]
) -> str | None:
    """The paragraph's text with the words for each element it lacks: an adverb after the word it follows,
    a phrase or a clause of the Council's at the end of the clause holding the rule."""
    have = _norm(text_of_p)
    phrases = []
    adverbs: dict[int, str] = {}  # where in the paragraph → the adverb that goes there ('report publicly')
    for element, (text, start, end) in wanted.items():
        if element in held:
            continue
        phrase = _phrase(text, start, end, have)
        adverb = text[_adverb_start(text, start, end) or start : end]
        if adverb.lower() in have.split():
            continue  # the paragraph says it already, elsewhere than where the rule looked
        if (at_word := _adverb_place(text, start, end, text_of_p, held)) is not None:
            adverbs[at_word] = " " + adverb
        elif phrase and _ATTACHES.match(phrase) and _norm(phrase) not in have:
            phrases.append(phrase)
        elif (clause := _verb_clause(text, start, end)) and _norm(clause) not in have:
            phrases.append(f"and {clause}")  # ", and demands that the Government fully respect the SOFA"
    phrases = list(dict.fromkeys(phrases))  # two elements of one clause: the clause once
    if not phrases and not adverbs:
        return None
    last = max(e for _, _, e in held.values())
    stop = _CLAUSE_END.search(text_of_p, min(last, len(text_of_p)))
    at = stop.start() if stop else len(text_of_p)
    inserts = {**adverbs, at: "".join(f", {phrase}" for phrase in phrases)}
    new = text_of_p
    for pos in sorted(inserts, reverse=True):
        new = new[:pos] + inserts[pos] + new[pos:]
    return new


def with_condition(document: Document, f: Finding, claimed: set[int]) -> Placement | None:
    """'Amend OP 5': a paragraph that gives support without the condition the rule puts on it (the judge's
    finding's `unconditioned` paragraphs, "OP 5 gives support without compliance with the HRDDP as the condition"
    in its reasons), with the draft's own words for the condition (`condition_words`) at the end
    of the clause that gives the support (trial 15 F2: not a new paragraph restating the policy). The first
    such paragraph free to amend: not claimed by another fix, nor bracketed, nor under a pending change (its
    words are not yet the draft's). None where the draft has no words for the condition, or no such paragraph."""
    if not f.condition_words:
        return None
    by_ref = {p.ref: p for p in document.paragraphs if p.kind is Kind.operative and p.ref}
    for given in f.unconditioned:
        p = by_ref.get(given.ref)
        if p is None or p.index in claimed or p.brackets or p.changes:
            continue
        at = p.text.find(given.words)
        if at < 0:
            continue
        stop = _CLAUSE_END.search(p.text, at + len(given.words))
        end = stop.start() if stop else len(p.text)
        new = f"{p.text[:end]}, {f.condition_words}{p.text[end:]}"
        return Placement(f.rule, "replace", f"Amend {p.ref}", new, redline(p.text, new), p.index,
                         anchor=given.words)  # fmt: skip
    return None
