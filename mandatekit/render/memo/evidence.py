"""What the draft says for one finding: its message, the reasons worth reading, the clause that carries
the evidence cut to a quote, and the text it rests on that is not yet agreed (square brackets, pending
tracked changes). Kept apart from the memo's layout because the comments on a draft say the same."""

from __future__ import annotations

import re

from mandatekit.judge import NOT_A_GAP, Finding
from mandatekit.read.model import Document
from mandatekit.render.agreement import by_whom, whole_deletions
from mandatekit.render.memo.words import _sentence
from mandatekit.textnorm import joined

_UNAGREED = re.compile(r"stands only in (bracketed, unagreed text|a pending tracked change) in ([^:]+):")


def message(f: Finding) -> str:
    """The finding's message, following its reason: where the words that would meet a rule are there but
    in square brackets or a pending change, that is what the reader needs first — not the rule's message
    for a draft that asks nothing."""
    for reason in f.reasons:
        m = _UNAGREED.search(reason)
        if m is not None and f.verdict.value == "partial":
            where = "square brackets" if m.group(1).startswith("bracketed") else "a pending tracked change"
            return f"The words that would meet it are in the draft, but in {where} in {m.group(2)}: not yet agreed"
    return f.message


def without_note(f: Finding) -> str:
    """The message without the kind of mission's note at its end, where "why" says the note (a gap): what the
    draft says, said once beside the why that explains the language proposed."""
    said = message(f)
    if f.note and f.verdict.value != "met" and said.endswith(f.note):
        return said[: -len(f.note)].rstrip()
    return said


def readable_reasons(f: Finding) -> list[str]:
    """The reasons worth a reader's time beside the rule's own message. 'The draft has <element> and
    <element> (OP 8) but not <element>' is the judge listing element labels: the message already says it in
    the rule author's words, so the memo and the comments leave it out."""
    return [r for r in f.reasons if not r.startswith("The draft has ")]


def _where(f: Finding) -> str:
    return "; ".join(f.cited) if any(e.part for e in f.evidence) else ", ".join(f.refs) or "—"


def _flags(f: Finding, document: Document | None) -> dict[str, list[str]]:
    """Evidence resting on text not yet agreed: in a pending tracked change or in square brackets; and what
    pending changes deleted from the paragraphs that carry it."""
    out: dict[str, list[str]] = {"pending": [], "brackets": [], "deleted": []}
    if document is None:
        return out
    for e in f.evidence:
        p = document.paragraphs[e.paragraph]
        if any(c.kind == "insert" and c.start < e.end and e.start < c.end for c in p.changes):
            out["pending"].append(e.ref)
        if p.in_brackets(e.start, e.end):
            out["brackets"].append(e.ref)
    for index in dict.fromkeys(e.paragraph for e in f.evidence):
        p = document.paragraphs[index]
        # A paragraph deleted whole before this one is not a change to it (the memo's head names it): its
        # words are not "deleted for" the new paragraph that follows.
        wholes = whole_deletions(p)
        for c in p.changes:
            if c.kind == "delete" and c not in wholes:
                inserted = next(
                    (i.text for i in p.changes if i.kind == "insert" and i.start == c.start), None
                )
                what = f"a pending change{by_whom([c])} in {p.ref} deletes “{c.text}”"
                out["deleted"].append(what + (f" for “{inserted}”" if inserted else ""))
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}


def _why(f: Finding, flags: dict[str, list[str]]) -> str:
    """Why a gap falls short, always said, the defect first: the judge's reasons (failing any beyond the
    message, what the rule found and did not find), the brackets or pending changes its words stand in, the
    hedges that qualify the commitment; a remark that is not a gap ('standard protection-of-civilians
    language') only after them, never in their place."""
    defects = readable_reasons(f) or (f.reasons if f.verdict.value != "met" else [])
    parts = [_sentence(r) for r in defects]
    if flags["brackets"] and not any("bracket" in r.lower() for r in f.reasons):
        parts.append(
            f"The words that would meet it in {', '.join(flags['brackets'])} stand in square brackets."
        )
    qualifying = [h for h in f.hedges if not h.endswith(NOT_A_GAP)]
    parts += [_sentence(h) for h in qualifying]
    if parts:
        parts += [_sentence(h) for h in f.hedges if h not in qualifying]
    if not parts and f.verdict.value == "missing":
        parts = ["No operative paragraph of the draft carries any of what this recommendation asks for."]
    elif not parts and f.verdict.value == "partial":
        where = ", ".join(f.refs)
        parts = [f"The draft has part of it{f' in {where}' if where else ''}, not all of it together in one "
                 "operative paragraph under a verb strong enough."]  # fmt: skip
    # What the kind of mission changes in the ask (a political mission protects no one by force): last, after
    # the defect, so that the reader knows why the language proposed reads as it does.
    if f.note and f.verdict.value != "met":
        parts.append(_sentence(f.note))
    return " ".join(parts)


QUOTE_WORDS = 40  # words of a clause quoted as evidence, at most: the words found and a little either side


def cut_quote(context: str, words: str, limit: int = QUOTE_WORDS) -> str:
    """The clause carrying the evidence, cut to `limit` words around the words found."""
    split = context.split()
    if len(split) <= limit:
        return context
    # Where the words stand, by their place in the clause: the clause's last word may carry its punctuation
    # ('including children,'), which a comparison word for word would miss, quoting the clause's opening.
    pos = context.find(words)
    if pos < 0:
        pos = context.casefold().find(words.casefold())
    at = len(context[:pos].split()) if pos > 0 else 0
    start = max(0, min(at - limit // 3, len(split) - limit))
    end = start + limit
    return ("… " if start else "") + " ".join(split[start:end]) + (" …" if end < len(split) else "")


def _draft_says(f: Finding, flags: dict[str, list[str]]) -> str:
    quotes: dict[str, str] = {}
    for e in f.evidence:
        quotes.setdefault(f"{e.ref}, {e.part}," if e.part else e.ref, cut_quote(e.context, e.text))
    parts = [_sentence(without_note(f))]
    if quotes:
        said = joined(f"{ref} reads “{text.rstrip(';,:. ')}”" for ref, text in quotes.items() if text.strip())
        if said:
            parts.append(said + ".")
    if flags["pending"]:
        parts.append(f"The words in {', '.join(flags['pending'])} stand in a pending tracked change.")
    if flags["brackets"]:
        parts.append(f"The words in {', '.join(flags['brackets'])} are in square brackets, not yet agreed.")
    parts += [_sentence(d) for d in flags["deleted"]]
    return " ".join(parts)
