"""A suggestion as a better version of the paragraph that falls short: the same paragraph with a stronger
verb (and without the hedge the finding names), the mission's task in task form, or the suggestion in its
place, when it reads as that paragraph rewritten."""

from __future__ import annotations

import re
from collections import Counter

from mandatekit.compare import text_similarity
from mandatekit.judge import Finding
from mandatekit.read.model import Document, Kind, Paragraph, VerbClass
from mandatekit.read.verbs import VERB_CLASS, leading_verb
from mandatekit.render.addressee import addressee, as_demand, council_tasks
from mandatekit.render.narrowed import redline
from mandatekit.render.placing import Placement
from mandatekit.render.tasks import is_task_item, task_form

REPLACE_SIMILARITY = 0.4  # below this the suggestion is another paragraph, not a better version of this one
_AT_LEAST = re.compile(r"at least '([A-Za-z]+(?: upon| on)?)'")
# Verbs that take an object and an infinitive ("Requests MINUSCA to ...") and so can stand in for each other.
_OBJECT_TO = {
    VerbClass.requests: "Requests",
    VerbClass.calls: "Calls upon",
    VerbClass.encourages: "Encourages",
}


# A hedge as the judge names it: "'as appropriate' (OP 29) qualifies the commitment".
NAMED_HEDGE = re.compile(r"'(.+?)' \((.+?)\) qualifies the commitment(?: only in its clause .*)?")


def without_hedges(text: str, f: Finding, ref: str | None) -> str:
    """`text` without the hedges the finding names in this paragraph: a replacement that strengthens the verb
    must not keep the 'as appropriate' the same section names as a shortfall. A hedge set off by commas goes
    with its commas ("to report, as appropriate, violations" → "to report violations")."""
    for hedge in f.hedges:
        m = NAMED_HEDGE.fullmatch(hedge)
        if m is None or m.group(2) != ref:
            continue
        words = r"\s+".join(re.escape(w) for w in m.group(1).split())
        for pattern, by in (
            (rf",\s*{words}\s*,\s*", " "),
            (rf",\s*{words}(?=\s*[;.:]|\s*$)", ""),
            (rf"\s*\b{words}\b", ""),
        ):
            text, n = re.subn(pattern, by, text, count=1, flags=re.IGNORECASE)
            if n:
                break
    return text


def swap_verb(p: Paragraph, f: Finding, mission: str | None = None) -> str | None:
    """The paragraph with a stronger verb of the same construction, if lack of force is what holds it back.
    The Council requests only the bodies it tasks: to the parties, Member States or the host authorities
    the stronger verb is 'Demands that ...' (render/addressee.py)."""
    if p.verb_inherited or not p.verb or p.verb_class is None or not p.text.startswith(p.verb):
        return None
    wanted = leading_verb(f.suggestion)
    hint = next((m.group(1) for r in f.reasons if (m := _AT_LEAST.search(r))), None)
    target = hint if hint and VERB_CLASS.get(hint.lower()) else None
    if target is None and wanted is not None and wanted.verb_class in _OBJECT_TO:
        target = _OBJECT_TO[wanted.verb_class]
    if target is None and wanted is not None and wanted.verb_class is VerbClass.decides:
        target = "Requests"  # "Decides" does not take "MINUSCA to ...": the weakest verb that mandates does
    if target is None:
        return None
    target_class = VERB_CLASS[target.lower()]
    if target_class.strength <= p.verb_class.strength or target_class not in _OBJECT_TO:
        return None
    if p.verb_class not in _OBJECT_TO:
        return None  # "Notes ..." / "Decides that ...": another construction, a verb swap would not read
    if target_class is VerbClass.requests:
        who = addressee(p.text, p.verb)
        if who is not None and not council_tasks(who, mission):
            demand = as_demand(p.text, p.verb)  # "Requests all parties to allow" is not the Council's
            return without_hedges(demand, f, p.ref) if demand is not None else None
    return without_hedges(target + p.text[len(p.verb) :], f, p.ref)


def replacement_of(
    document: Document,
    f: Finding,
    text: str,
    protected: set[int],
    claimed: set[int],
    mission: str | None = None,
) -> Placement | None:
    """Replace the operative paragraph holding the evidence, when the suggestion is a better version of it."""
    counts = Counter(
        e.paragraph for e in f.evidence if document.paragraphs[e.paragraph].kind is Kind.operative
    )
    if not counts:
        return None
    index = counts.most_common(1)[0][0]
    p = document.paragraphs[index]
    if index in claimed or p.brackets:
        return None  # the drafter's bracketed words are the negotiation's: never rewritten here
    anchor = next((e.text for e in f.evidence if e.paragraph == index), "")
    swapped = swap_verb(p, f, mission)
    if (
        swapped is not None
        and index not in protected
        and len({e.element for e in f.evidence if e.paragraph == index}) >= 2
    ):
        return Placement(f.rule, "replace", f"Replace {p.ref}", swapped, redline(p.text, swapped), index,
                         anchor=p.verb or anchor)  # fmt: skip

    has_children = any(q.parent == index for q in document.paragraphs)
    task = task_form(text, document) if is_task_item(p) else None
    if (
        task is not None
        and not has_children
        and index not in protected
        and text_similarity(p.text, task) >= REPLACE_SIMILARITY
    ):
        return Placement(
            f.rule, "replace", f"Amend {p.ref}", task, redline(p.text, task), index, anchor=anchor
        )
    top_level = p.parent is None and not p.verb_inherited and leading_verb(f.suggestion) is not None
    if (
        top_level
        and not has_children
        and index not in protected
        and text_similarity(p.text, text) >= REPLACE_SIMILARITY
    ):
        return Placement(f.rule, "replace", f"Replace {p.ref}", text, redline(p.text, text),
                         index, anchor=anchor)  # fmt: skip
    return None
