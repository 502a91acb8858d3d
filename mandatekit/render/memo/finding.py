"""One finding as the memo shows it: its verdict and shade, its quotes, why it falls short, the language
proposed and where it goes, and the sources it cites (another mission's sources named, not quoted)."""

from __future__ import annotations

from typing import Any

from mandatekit.judge import Finding
from mandatekit.read.model import Document
from mandatekit.read.verbs import leading_verb
from mandatekit.render.fixes import met_notes
from mandatekit.render.memo.evidence import (
    _draft_says,
    _flags,
    _where,
    _why,
    cut_quote,
    message,
    without_note,
)
from mandatekit.render.memo.words import _sentence
from mandatekit.render.placement import Placement

SHADE = {"met": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE"}
LABEL = {"met": "Met", "partial": "Partial", "missing": "Missing"}


def _finding(
    f: Finding, placement: Placement | None, short: dict[str, str], document: Document | None
) -> dict[str, Any]:
    # One quote per paragraph: the clause holding the evidence, in the draft's own words.
    quotes: dict[str, dict[str, str]] = {}
    for e in f.evidence:
        quotes.setdefault(
            f"{e.ref}|{e.context}",
            {"ref": f"{e.ref}, {e.part}" if e.part else e.ref, "text": cut_quote(e.context, e.text)},
        )
    flags = _flags(f, document)
    where = _where(f)
    if flags["pending"] or flags["brackets"]:
        where += " (" + ", ".join(x for x, on in (("pending change", flags["pending"]),
                                                   ("in brackets", flags["brackets"])) if on) + ")"  # fmt: skip
    text = placement.text if placement else f.suggestion
    # Agreeing brackets, rejecting a pending change or another gap's fix propose no words of their own: the
    # memo says so in a note, in its own voice, and offers no language to copy or to set as a resolution's.
    from mandatekit.render.fixes import note_of  # the sentence `check` prints too

    note = note_of(placement)
    if note:
        text = ""
    verb = leading_verb(text)
    lead = verb.verb if verb is not None and text.startswith(verb.verb) else ""
    pieces = [p.model_dump() for p in placement.pieces] if placement else [{"op": "insert", "text": text}]
    if note:
        pieces = []
    for n, piece in enumerate(pieces):  # a space between pieces, unless punctuation follows
        piece["sep"] = "" if n == 0 or piece["text"][:1] in ",.;:)]" else " "
    cites = [short.get(s.id, s.id) for s in f.sources]
    elsewhere = {s.id: m for s in f.sources if (m := made_elsewhere(s))}
    cite = " ".join(f"[{c}]" for c in sorted(set(cites), key=lambda c: (len(c), c)))
    own = {short.get(s.id, s.id) for s in f.sources if s.id not in elsewhere}
    cite_outside = " ".join(f"[{c}]" for c in sorted(own, key=lambda c: (len(c), c)))  # for delegations
    if elsewhere:
        missions = " and ".join(dict.fromkeys(elsewhere.values()))
        cite = f"Recommended for {missions}'s renewal by {cite}; here in general terms."
    return {
        "rule": f.rule,
        "title": f.title,
        "severity": f.severity.value,
        "theme": f.theme,
        "verdict": f.verdict.value,
        "verdict_label": LABEL[f.verdict.value],
        "shade": SHADE[f.verdict.value],
        "message": without_note(f),  # the note, where there is one, is the why's (the web page shows both)
        "reasons": f.reasons,
        "hedges": [h for h in f.hedges if h.strip()],  # templates join them: no empty part between "; "
        "notes": met_notes(f),  # a met finding's support given without its condition: the met list shows it
        "unconditioned": [u.model_dump() for u in f.unconditioned],  # ... and the priority ask adds it
        "hedged_conditions": [h.model_dump() for h in f.hedged_conditions],  # a priority ask deletes them
        "condition_label": f.condition_label,
        "condition_words": f.condition_words,
        "where": where + (f" · decided: {f.decision.decision}" if f.decision else ""),
        "quotes": list(quotes.values()),
        "evidence": [e.model_dump() for e in f.evidence],
        "recommendation": f.recommendation,
        "suggestion": f.suggestion,
        # A quote about another country's mission stays out of the body: the annex holds it.
        "sources": [_source(s, short) for s in f.sources if s.id not in elsewhere],
        # ... and is named in one line instead: "Recommended for MINUSCA's renewal by “…”; here in general terms"
        # (once, however many of its passages the rule quotes).
        "sources_elsewhere": list(
            dict.fromkeys(_sentence_case(s.cited) for s in f.sources if s.id in elsewhere)
        ),
        # Each document once, with the passages quoted from it: what the web page lists.
        "source_documents": _documents(f, elsewhere),
        "cite": cite,
        "cite_outside": cite_outside,
        "summary": _sentence(message(f)),
        "draft_says": _draft_says(f, flags)
        + (
            f" {placement.where.replace('Reject the', 'The', 1)} takes out what would meet it."
            if placement is not None and placement.action == "reject"
            else ""
        )
        + _amended_elsewhere(f, placement, document),
        "why": _why(f, flags),
        "flags": flags,
        "placement": placement.where if placement else "Add to the operative part",
        "action": placement.action if placement else "insert",
        "placement_paragraph": placement.paragraph if placement else None,  # index: the web page links it
        "proposed": text,  # language to put in the draft; empty where the fix is a `note`
        "note": note,
        "proposed_verb": lead,
        "proposed_rest": text[len(lead) :],
        "proposed_pieces": pieces,
        "change": "",
        "number": "",
    }


def _amended_elsewhere(f: Finding, placement: Placement | None, document: Document | None) -> str:
    """Where the fix amends a paragraph the evidence does not cite (render/amend.py: the paragraph most like
    the suggestion), the reader is told why that one: otherwise the quote and the fix name two paragraphs."""
    if placement is None or placement.action != "replace" or document is None or placement.paragraph is None:
        return ""
    if placement.paragraph in {e.paragraph for e in f.evidence}:
        return ""
    ref = document.paragraphs[placement.paragraph].ref
    if (
        placement.where.startswith("Replace the verb in")
        and "restoring the previous round's" in placement.where
    ):
        # render/restore.py: the paragraph holding the verb the evidence's item takes, weakened by the round
        return f" The verb of {ref}, which governs it, was weakened since the previous round."
    if "restoring the previous round's" in placement.where:
        # render/restore.py: words the round cut from that paragraph, put back; its verb is as it was
        return f" {ref} held the words that met it in the previous round: the fix puts them back."
    return f" {ref} already asks for most of it: the fix adds there only what it lacks."


def _documents(f: Finding, elsewhere: dict[str, str]) -> list[dict[str, Any]]:
    documents: dict[str, dict[str, Any]] = {}
    for s in f.sources:
        if s.id not in elsewhere:
            quotes = documents.setdefault(s.id, {"title": s.title or s.id, "quotes": []})["quotes"]
            if s.quote and s.quote.strip():  # joined with "; " by the templates: an empty one would show
                quotes.append(s.quote)
    return list(documents.values())


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _source(s: Any, short: dict[str, str]) -> dict[str, str]:
    return {"id": s.id, "short": short.get(s.id, s.id), "title": s.title or s.id, "quote": s.quote}


def made_elsewhere(source: Any) -> str | None:
    """The mission a source's recommendation was made for, when this draft is another mission's (or none
    could be told): then it is presented in general terms, its quote kept for the annex."""
    return source.made_for if source.quote is None else None
