"""Fixes that are the negotiation's business, not new text: agreeing a bracketed paragraph, or rejecting a
pending tracked change (or accepting one). Each is found by re-judging the draft with that one paragraph's
brackets agreed or its pending changes rejected (render/accepted.py): a fix is offered only where it really
improves the rule, and the redline never removes the brackets or the drafter's words itself — it says what
agreeing or rejecting would secure.

Paragraph references are those of the draft as read: every pending change accepted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mandatekit.read.model import Change, Document, Kind, Paragraph

MAX_TRIED = 40  # paragraphs with brackets or pending changes re-judged, at most, per kind
_CLOSES_PARAGRAPH = re.compile(r"[;:.]\s*$")
_TYPED_OP = re.compile(r"^\s*(\d{1,6}(?: [a-z]+)?)\.\s+")  # '29. Requests ...', '4 bis. Requests ...'
_TYPED_ITEM = re.compile(r"^\s*\(([a-z]{1,5}(?: [a-z]+)?)\)\s+")  # '(b) To ensure ...', '(g bis) To ...'
QUOTE_WORDS = 18  # words of a quoted change, at most (the rest is "…")


def quote(text: str, limit: int = QUOTE_WORDS) -> str:
    words = text.split()
    return (
        " ".join(words)
        if len(words) <= limit
        else " ".join(words[: limit - 5]) + " … " + " ".join(words[-4:])
    )


@dataclass(frozen=True)
class Agreement:
    """One paragraph's brackets agreed, or its pending changes rejected: how it would then read."""

    kind: str  # "agree" | "reject"
    paragraph: int
    result: str  # the paragraph's text afterwards ("\n\n" where a deleted paragraph comes back before it)
    where: str  # "Agree the bracketed text in OP 7" / "Reject the pending deletion of the paragraph before OP 16"
    words: str  # the bracketed words, or the words the pending change deleted (or inserted)
    anchor: str  # words of the paragraph a comment hangs on ('' = the whole paragraph)
    whole_paragraph_deleted: bool = False


def _restores_paragraph(p: Paragraph, c: Change) -> bool:
    """A deletion merged into this paragraph from a paragraph deleted whole (its mark deleted too)."""
    return (
        c.kind == "delete"
        and c.start == 0
        and bool(p.text.strip())
        and bool(_CLOSES_PARAGRAPH.search(c.text))
    )


def whole_deletions(p: Paragraph) -> list[Change]:
    """The pending deletions of whole paragraphs that the reader merged into this one."""
    return [c for c in p.changes if _restores_paragraph(p, c)]


def rejected(p: Paragraph) -> str:
    """The paragraph with its pending changes rejected: insertions out, deletions back."""
    text = p.text
    for c in sorted(p.changes, key=lambda c: (c.start, c.kind == "insert"), reverse=True):
        if c.kind == "insert":
            text = text[: c.start] + text[c.end :]
        elif _restores_paragraph(p, c):
            text = " ".join(c.text.split()) + "\n\n" + text
        else:
            before, after = text[: c.start], text[c.start :]
            pad = " " if before and not before.endswith(" ") and not c.text.startswith(" ") else ""
            text = before + pad + c.text + after
    return " ".join(text.split(" ")).replace("  ", " ")


def by_whom(changes: list[Change]) -> str:
    """' by Delegation A': who made the changes, as Word records them ('' where it names nobody). In a
    negotiation, who proposed a change is half of what the reader needs."""
    authors = list(dict.fromkeys(c.author for c in changes if c.author))
    return f" by {' and '.join(authors)}" if authors else ""


def deleted_name(p: Paragraph, whole: Change) -> tuple[str, str]:
    """A paragraph deleted whole before `p`, named as the draft numbered it where its typed number came with
    it ('OP 29'), else by its neighbour ('the paragraph before OP 30'); and its words without that number."""
    typed = _TYPED_OP.match(whole.text) if len(p.number) == 1 else None
    if typed:
        return f"OP {typed.group(1)}", whole.text[typed.end() :]
    item = _TYPED_ITEM.match(whole.text) if len(p.number) > 1 and p.ref and p.ref.endswith(")") else None
    if item and p.ref:  # '(b) To ensure ...' before OP 1(c): OP 1(b)
        return f"{p.ref[: p.ref.rfind('(')]}({item.group(1)})", whole.text[item.end() :]
    return f"the paragraph before {p.ref}", whole.text


def _describe_pending(p: Paragraph) -> tuple[str, str, bool]:
    """'Reject the pending …' and the words concerned."""
    deleted = [c for c in p.changes if c.kind == "delete"]
    inserted = [c for c in p.changes if c.kind == "insert"]
    by = by_whom(p.changes)
    whole = next((c for c in deleted if _restores_paragraph(p, c)), None)
    if whole is not None:
        name, text = deleted_name(p, whole)
        return f"Reject the pending deletion of {name}{by}", quote(text), True
    outside = [ch for n, ch in enumerate(p.text) if not any(c.start <= n < c.end for c in inserted)]
    if inserted and not deleted and not "".join(outside).strip():
        words = quote(p.text)  # the whole paragraph is new: named as such, not as words inserted in it
        return f"Reject the pending insertion of {p.ref}{by} (“{words}”)", words, False
    if deleted and inserted:
        old, new = quote(" ".join(c.text for c in deleted)), quote(" ".join(c.text for c in inserted))
        return f"Reject the pending change in {p.ref}{by} (“{old}” → “{new}”)", old, False
    if deleted:
        words = quote(" ".join(c.text for c in deleted))
        return f"Reject the pending deletion in {p.ref}{by} of “{words}”", words, False
    words = quote(" ".join(p.text[c.start : c.end] for c in inserted))
    return f"Reject the pending insertion in {p.ref}{by} of “{words}”", words, False


def alternatives(p: Paragraph) -> tuple[int, int, list[str]] | None:
    """Bracketed alternatives in the paragraph: where they stand (from the first bracket to the end of the
    last) and each option's words. Square brackets side by side with nothing but a space, "or" or "/"
    between them ("[A] [B]", "[A] or [B]"), or one bracket parted by slashes ("[A / B]"): the negotiation
    will keep one of them, not all."""
    spans = [(b.start, b.end) for b in p.brackets]
    for i in range(len(spans) - 1):
        run = [spans[i]]
        for nxt in spans[i + 1 :]:
            if not _BETWEEN_ALTERNATIVES.fullmatch(p.text[run[-1][1] : nxt[0]]):
                break
            run.append(nxt)
        if len(run) > 1:
            return run[0][0], run[-1][1], [p.text[a + 1 : b - 1].strip() for a, b in run]
    for a, b in spans:
        inner = p.text[a + 1 : b - 1]
        options = [o.strip() for o in _SLASH.split(inner)]
        if "[" not in inner and len(options) > 1 and all(options):
            return a, b, options
    return None


_BETWEEN_ALTERNATIVES = re.compile(r"\s*(?:(?:or|/)\s*)?")
_SLASH = re.compile(r"\s+/\s+")


def _keep_one(p: Paragraph, start: int, end: int, option: str) -> str:
    """The paragraph with one alternative kept, unbracketed, and the others dropped."""
    return re.sub(r" {2,}", " ", p.text[:start] + option + p.text[end:])


def candidates(document: Document) -> list[Agreement]:
    """Every operative paragraph with brackets, or with pending changes, agreed or rejected in turn. Where
    the brackets hold alternatives, each is tried kept alone (the others dropped), before them all agreed."""
    out: list[Agreement] = []
    operative = [p for p in document.paragraphs if p.kind is Kind.operative and p.ref]
    for p in [p for p in operative if p.changes][:MAX_TRIED]:
        # A paragraph deleted whole and the changes in the paragraph after it (a new paragraph inserted in
        # its place, say) are separate changes: each is tried, and named, on its own, never as one rewrite.
        wholes = whole_deletions(p)
        rest = [c for c in p.changes if c not in wholes]
        for changes in [wholes, rest] if wholes and rest else [p.changes]:
            part = p.model_copy(update={"changes": changes})
            where, words, whole = _describe_pending(part)
            out.append(Agreement("reject", p.index, rejected(part), where, words, "", whole))
    for p in [p for p in operative if p.brackets and not p.changes][:MAX_TRIED]:
        bracketed = [p.text[b.start : b.end] for b in p.brackets]
        agreed = p.text.replace("[", "").replace("]", "")
        words = "; ".join(quote(b) for b in bracketed)
        found = alternatives(p)
        if found is None:
            where = f"Agree the bracketed text in {p.ref}"
        else:
            start, end, options = found
            for n, option in enumerate(options):
                dropped = " and ".join(f"“{quote(o)}”" for m, o in enumerate(options) if m != n)
                keep = f"Of the bracketed alternatives in {p.ref}, keep “{quote(option)}” and drop {dropped}"
                out.append(
                    Agreement("agree", p.index, _keep_one(p, start, end, option), keep, quote(option), option)
                )
            # Neither kept alone helps (or each does): the drafter is told the brackets are alternatives.
            either = " or ".join(f"“{quote(o)}”" for o in options)
            where = f"Agree one of the bracketed alternatives in {p.ref} ({either})"
        out.append(Agreement("agree", p.index, agreed, where, words, bracketed[0]))
    return out


def secures(before: str, after: str) -> str:
    """What a fix would secure, in words: 'would make the draft meet this recommendation'."""
    if after == "met":
        return "would make the draft meet this recommendation"
    return f"would take this recommendation from {before} to {after}"
