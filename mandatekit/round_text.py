"""What a round did to the operative text, whether a rule rests on it or not: the verbs it weakened, the
operative paragraphs it deleted, the words it put in square brackets. A drafter negotiates every paragraph,
not only those the rules read: losing the request for the Secretary-General's reports is the biggest change
of a round even where no recommendation cites it. Pure functions of the two drafts, their old report and
the pairing of their paragraphs (mandatekit/compare.py)."""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel, Field

from mandatekit.judge import Finding, Report
from mandatekit.pairing import Pair
from mandatekit.read.model import Document, Kind, Paragraph, VerbUse
from mandatekit.rulebook import Verdict

Counterpart = Callable[[Paragraph], tuple[Pair | None, float]]
_BETWEEN_ALTERNATIVES = re.compile(r"\s*(?:(?:or|/)\s*)?")  # "[A] [B]", "[A] or [B]": one bracketed choice
QUOTE_WORDS = 14


class VerbChange(BaseModel):
    """An operative paragraph whose governing verb the round weakened, whether a rule cites it or not: a
    drafter negotiates verbs ("Decides" -> "Encourages") on every paragraph, not only those the rules read."""

    old_ref: str
    new_ref: str | None
    before: str
    after: str
    diff: str = Field(
        "",
        description="The change in words, with the few that follow the verb: '[-requests-] {+encourages+} "
        "ATMIS to prioritise'",
    )
    rules: list[str] = Field(
        description="The rules whose evidence in the old draft stood in this paragraph or an item under it "
        "(empty: no recommendation rests on it)"
    )


class DeletedParagraph(BaseModel):
    """An operative paragraph of the old draft that the new one no longer has (with the items under it)."""

    old_ref: str
    text: str = Field(description="Its words, quoted short")
    pending: bool = Field(description="Deleted by a tracked change still pending in the new draft (Word)")
    pending_by: str = Field(
        "", description="Who made that pending change, as Word records it ('' if unnamed)"
    )
    rules: list[str] = Field(
        description="The rules whose evidence in the old draft stood in it or an item under it (empty: no "
        "recommendation rests on it)"
    )


class AddedParagraph(BaseModel):
    """An operative paragraph of the new draft that the old one did not have (with the items under it)."""

    new_ref: str
    text: str = Field(description="Its words, quoted short")
    rules: list[str] = Field(
        description="The rules whose evidence in the new draft stands in it or an item under it (empty: none)"
    )
    unconditioned: list[str] = Field(
        default_factory=list,
        description="The conditions it should carry and does not, as their rules name them: 'compliance with "
        "the HRDDP as the condition' for new support to a force's operations (trial 13)",
    )


class NewBrackets(BaseModel):
    """Square brackets the round put in an operative paragraph: words agreed before, or new words, not yet
    agreed."""

    old_ref: str | None = Field(description="The paragraph in the old draft (None: a new paragraph)")
    new_ref: str
    words: list[str] = Field(
        description="Each bracketed stretch, alternatives side by side as one, quoted short"
    )
    rules: list[str] = Field(
        description="The rules whose evidence, in either draft, stands in this paragraph (empty: none)"
    )


def quoted(text: str, limit: int = QUOTE_WORDS) -> str:
    """Words quoted short: a long stretch keeps its first and last words."""
    words = text.split()
    return (
        " ".join(words)
        if len(words) <= limit
        else " ".join(words[: limit - 4]) + " … " + " ".join(words[-3:])
    )


def where(old_ref: str | None, new_ref: str | None) -> str:
    """'OP 4', 'OP 5 (the old OP 4)', 'OP 6 (new)'."""
    if old_ref is None:
        return f"{new_ref} (new)"
    return str(old_ref) if new_ref == old_ref else f"{new_ref} (the old {old_ref})"


def _cited(report: Report) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for finding in report.findings:
        for e in finding.evidence:
            out.setdefault(e.paragraph, []).append(finding.rule)
    return out


def _items_under(doc: Document, para: Paragraph) -> list[int]:
    """The items that take their verb from `para` (its sub-paragraphs, at any depth)."""
    out: list[int] = []
    under = {para.index}
    for p in doc.paragraphs[para.index + 1 :]:
        if p.parent is None or not p.verb_inherited:
            break
        if p.parent in under:
            out.append(p.index)
            under.add(p.index)
    return out


def _rules(doc: Document, para: Paragraph, cited: dict[int, list[str]]) -> list[str]:
    return list(
        dict.fromkeys(rule for i in [para.index, *_items_under(doc, para)] for rule in cited.get(i, []))
    )


def _weakened_use(old: Paragraph, new: Paragraph) -> tuple[VerbUse, VerbUse] | None:
    """The first verb of `old` whose counterpart in `new` is weaker. A paragraph's verbs are paired in their
    order when both have as many ("Recalls ..., and requests ATMIS to prioritise:" -> "..., and encourages
    ATMIS to prioritise:": its second verb, which governs the list, was weakened); otherwise only the
    governing verbs are weighed."""
    if len(old.verbs) == len(new.verbs) and old.verbs:
        pairs = list(zip(old.verbs, new.verbs, strict=True))
    elif old.verb_class is not None and new.verb_class is not None:
        pairs = [(VerbUse(verb=old.verb or old.verb_class.value, verb_class=old.verb_class),
                  VerbUse(verb=new.verb or new.verb_class.value, verb_class=new.verb_class))]  # fmt: skip
    else:
        return None
    return next(((a, b) for a, b in pairs if b.verb_class.strength < a.verb_class.strength), None)


def verb_diff(new: Paragraph, before: VerbUse, after: VerbUse, words: int = 3) -> str:
    """'[-requests-] {+encourages+} ATMIS to prioritise': the verbs, and the words after the new one."""
    rest = new.text[after.start + len(after.verb) :].split()[:words]
    return " ".join([f"[-{before.verb}-]", f"{{+{after.verb}+}}", *rest])


def weakened_verbs(old_doc: Document, old: Report, counterpart: Counterpart) -> list[VerbChange]:
    """Every operative paragraph of the old draft, with a verb of its own, that the round weakened: one of
    its verbs is weaker in its counterpart, the one that opens it or one that governs a later clause or the
    list under it. An item that inherits its verb is told by the paragraph that has it, once; the rules
    whose evidence rests on either are named."""
    cited = _cited(old)
    out = []
    for para in old_doc.paragraphs:
        if para.kind is not Kind.operative or para.verb_inherited or para.verb_class is None:
            continue
        pair, _ = counterpart(para)
        match = pair.paragraph if pair else None
        weakened = _weakened_use(para, match) if match is not None else None
        if match is None or weakened is None:
            continue
        before, after = weakened
        out.append(VerbChange(old_ref=para.ref or "a paragraph", new_ref=match.ref, before=before.verb,
                              after=after.verb, diff=verb_diff(match, before, after),
                              rules=_rules(old_doc, para, cited)))  # fmt: skip
    return out


def deleted_paragraphs(
    old_doc: Document, old: Report, counterpart: Counterpart, pending: Callable[[Paragraph], str | None]
) -> list[DeletedParagraph]:
    """Every operative paragraph of the old draft without a counterpart in the new one, in the old draft's
    order; an item deleted with the paragraph it stands under is told by that paragraph."""
    cited = _cited(old)
    out, gone = [], set()
    for para in old_doc.paragraphs:
        if para.kind is not Kind.operative or not para.text.strip() or counterpart(para)[0] is not None:
            continue
        gone.add(para.index)
        if para.parent in gone:
            continue
        by = pending(para)  # who made the pending deletion; None: none pending
        out.append(DeletedParagraph(old_ref=para.ref or "a paragraph", text=quoted(para.text),
                                    pending=by is not None, pending_by=by or "",
                                    rules=_rules(old_doc, para, cited)))  # fmt: skip
    return out


def added_paragraphs(new_doc: Document, new: Report, counterpart: Counterpart) -> list[AddedParagraph]:
    """Every operative paragraph of the new draft without a counterpart in the old one, in the new draft's
    order; an item added with the paragraph it stands under is told by that paragraph."""
    cited = _cited(new)
    out, new_ones = [], set()
    for para in new_doc.paragraphs:
        if para.kind is not Kind.operative or not para.text.strip() or counterpart(para)[0] is not None:
            continue
        new_ones.add(para.index)
        if para.parent in new_ones:
            continue
        out.append(AddedParagraph(new_ref=para.ref or "a paragraph", text=quoted(para.text),
                                  rules=_rules(new_doc, para, cited),
                                  unconditioned=_unconditioned(new, para.ref)))  # fmt: skip
    return out


def _unconditioned(report: Report, ref: str | None) -> list[str]:
    """The conditions (their rules' labels) whose findings name `ref` among the paragraphs giving support
    without them."""
    return [f.condition_label for f in report.findings if any(u.ref == ref for u in f.unconditioned)]


def _stretches(para: Paragraph) -> list[str]:
    """The paragraph's bracketed stretches, brackets side by side ('[A][B]', '[A] or [B]') as one."""
    out: list[tuple[int, int]] = []
    for b in para.brackets:
        if out and _BETWEEN_ALTERNATIVES.fullmatch(para.text[out[-1][1] : b.start]):
            out[-1] = (out[-1][0], b.end)
        else:
            out.append((b.start, b.end))
    return [para.text[a:b] for a, b in out]


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def newly_bracketed(
    new_doc: Document, old: Report, new: Report, counterpart: Counterpart
) -> list[NewBrackets]:
    """Every operative paragraph of the new draft holding bracketed words its counterpart in the old draft
    did not hold in brackets (all its brackets, for a new paragraph), in the new draft's order."""
    old_cited, new_cited = _cited(old), _cited(new)
    out = []
    for para in new_doc.paragraphs:
        if para.kind is not Kind.operative or not para.brackets:
            continue
        pair, _ = counterpart(para)
        before = pair.paragraph if pair else None
        agreed = {_key(s) for s in _stretches(before)} if before is not None else set()
        agreed |= {
            _key(s) for b in (before.brackets if before else []) for s in [before.text[b.start : b.end]]
        }
        words = [quoted(s) for s in _stretches(para) if _key(s) not in agreed]
        if not words:
            continue
        rules = new_cited.get(para.index, []) + (old_cited.get(before.index, []) if before else [])
        out.append(NewBrackets(old_ref=before.ref if before else None, new_ref=para.ref or "a paragraph",
                               words=words, rules=list(dict.fromkeys(rules))))  # fmt: skip
    return out


def outside_brackets(para: Paragraph) -> str:
    """The paragraph's text with its square-bracketed words blanked out (positions kept)."""
    text = para.text
    for b in para.brackets:
        text = text[: b.start] + " " * (b.end - b.start) + text[b.end :]
    return text


def brackets_between(old: Paragraph, new: Paragraph, spans: list[tuple[int, int]]) -> list[str]:
    """Words the round put in square brackets between the evidence words (`spans`, in `new`) that still stand
    outside them: what joined them is no longer agreed ("allow and facilitate [full, safe, rapid and
    unhindered access][access, as appropriate,] for the timely delivery of aid"; the judge calls it partial,
    judge.verdict.bracketed_between)."""
    if len(spans) < 2:
        return []
    first, last = min(end for _, end in spans), max(start for start, _ in spans)
    before = {" ".join(old.text[b.start : b.end].split()) for b in old.brackets}
    inside = (
        " ".join(new.text[b.start : b.end].split()) for b in new.brackets if first <= b.start < b.end <= last
    )
    return [words for words in inside if words not in before]


def _strength(document: Document, finding: Finding) -> tuple[int, str | None, str | None]:
    """The strongest verb the finding's evidence stands under: (strength, verb, the paragraph's ref)."""
    best: tuple[int, str | None, str | None] = (0, None, None)
    for index in dict.fromkeys(e.paragraph for e in finding.evidence):
        para = document.paragraphs[index]
        if para.kind is Kind.operative and para.verb_class is not None and para.verb_class.strength > best[0]:
            best = (para.verb_class.strength, para.verb or para.verb_class.value, para.ref)
    return best


def strengthened(old_doc: Document, before: Finding, new_doc: Document, after: Finding) -> str:
    """'now rests on OP 22 bis (“Requests”), not OP 1 (“Underscores”)': where the round moved a held
    verdict's evidence to a paragraph with a stronger verb (a real gain short of a new verdict)."""
    if after.verdict is not before.verdict or after.verdict is Verdict.missing:
        return ""
    old, new = _strength(old_doc, before), _strength(new_doc, after)
    if new[0] <= old[0] or new[2] is None:
        return ""
    was = f", not {old[2]} (“{old[1]}”)" if old[2] else ""
    return f"now rests on {new[2]} (“{new[1]}”){was}"
