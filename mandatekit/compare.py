"""Compare two rounds of a draft: for each rule, the verdict before and after, and what changed in the words
of the paragraphs that carry the evidence. Pure functions of two (Document, Report) pairs.

Paragraphs are matched across the drafts by their words, not their numbers: a paragraph that moved from
OP 7 to OP 9 is the same paragraph; a paragraph whose words changed is matched to the closest one; a
paragraph rewritten where it stood is paired with its earlier self by its place (mandatekit/pairing.py).

`MATCH_THRESHOLD` and `text_similarity` are re-exported for the modules that weigh paragraphs alike."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field, computed_field

from mandatekit.judge import DocumentInfo, Evidence, Finding, Report
from mandatekit.judge.cues import HEDGES
from mandatekit.pairing import MATCH_THRESHOLD as MATCH_THRESHOLD
from mandatekit.pairing import Pair, Pairing
from mandatekit.pairing import text_similarity as text_similarity
from mandatekit.read.model import Document, Kind, Paragraph
from mandatekit.round_text import (
    AddedParagraph,
    DeletedParagraph,
    NewBrackets,
    VerbChange,
    added_paragraphs,
    deleted_paragraphs,
    newly_bracketed,
)
from mandatekit.round_text import strengthened as _strengthened
from mandatekit.round_text import weakened_verbs as weakened_verbs
from mandatekit.rulebook import Severity, Verdict

Change = Literal["improved", "regressed", "unchanged"]
# A rule's line in a comparison: its verdict's change, or, where the verdict held, what the round did to the
# evidence that carried it (its worst loss): deleted or cut, weakened (verb or hedge), or put in brackets.
Status = Literal[
    "regressed",
    "improved",
    "evidence lost",
    "evidence weakened",
    "evidence bracketed",
    "evidence strengthened",
    "unchanged",
]
HELD_STATUS: dict[str, Status] = {
    "deleted": "evidence lost",
    "cut": "evidence lost",
    "weakened": "evidence weakened",
    "bracketed": "evidence bracketed",
}
LossKind = Literal["deleted", "cut", "weakened", "bracketed", "changed"]
# What a round can take from a paragraph that carried the evidence, worst first: the paragraph itself, the
# evidence words, the force of its verb, the agreement on its words (now in brackets), or other words of it.
LOSS_ORDER: dict[str, int] = {"deleted": 0, "cut": 1, "weakened": 2, "bracketed": 3, "changed": 4}
_WORDS = re.compile(r"\S+")


class DiffPiece(BaseModel):
    op: Literal["equal", "insert", "delete"]
    text: str


class ParagraphDiff(BaseModel):
    old_ref: str | None = Field(
        description="Where the paragraph stood in the old draft (None: new paragraph)"
    )
    new_ref: str | None = Field(description="Where it stands in the new draft (None: removed)")
    similarity: float
    rewritten: bool = Field(
        False,
        description="Paired by its place and subject, not its words: the paragraph was rewritten where it "
        "stood",
    )
    pending_deletion: bool = Field(
        False,
        description="Removed by a tracked deletion still pending in the new draft (Word), not yet agreed",
    )
    pieces: list[DiffPiece] = Field(description="Word-level diff, old → new")

    @property
    def changed(self) -> bool:
        return any(p.op != "equal" for p in self.pieces)

    def as_text(self) -> str:
        """The diff in plain text: [-removed-] {+added+}."""
        marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
        return " ".join(marks[p.op].format(p.text) for p in self.pieces)


class Loss(BaseModel):
    """What the new round took from one paragraph that carried a rule's evidence in the old one."""

    kind: LossKind
    old_ref: str = Field(description="The paragraph in the old draft")
    new_ref: str | None = Field(description="The same paragraph in the new draft (None: deleted)")
    words: list[str] = Field(description="The evidence words deleted, or the verb before and after")
    elements: list[str] = Field(description="The rule's elements those words carried")
    sentence: str = Field(description="'the old OP 35 was deleted, with “failing which ... suspended”'")


class RuleChange(BaseModel):
    rule: str
    title: str
    severity: Severity
    old: Verdict
    new: Verdict
    change: Change
    old_refs: list[str]
    new_refs: list[str]
    diffs: list[ParagraphDiff]
    losses: list[Loss] = Field(
        default_factory=list,
        description="Evidence paragraphs deleted, cut, weakened, bracketed or changed, worst first — also "
        "where the verdict holds",
    )
    held: str = Field("", description="Where the verdict held despite losses: 'still met by OP 34(c)'")
    strengthened: str = Field(
        "",
        description="Where the verdict held and the round lost nothing of its evidence, but the evidence now "
        "stands in a paragraph with a stronger verb: 'now rests on OP 22 bis (“Requests”), not OP 1 "
        "(“Underscores”)'",
    )

    @property
    def lost(self) -> bool:
        """The round took evidence from this rule, whatever became of its verdict."""
        return any(loss.kind != "changed" for loss in self.losses)

    @computed_field(  # type: ignore[prop-decorator]
        description="The rule's label: its verdict's change, or where the verdict held, what the round did to "
        "its evidence (worst loss): 'evidence lost', 'evidence weakened', 'evidence bracketed'"
    )
    @property
    def status(self) -> Status:
        kinds = [loss.kind for loss in self.losses if loss.kind in HELD_STATUS]
        if self.change == "unchanged" and not kinds and self.strengthened:
            return "evidence strengthened"
        if self.change != "unchanged" or not kinds:
            return self.change
        return HELD_STATUS[min(kinds, key=LOSS_ORDER.__getitem__)]


class ComparisonSummary(BaseModel):
    improved: int = 0
    regressed: int = 0
    unchanged: int = Field(0, description="Rules whose verdict held, those that lost evidence included")
    lost: int = Field(0, description="Rules not regressed whose evidence the round still cut or weakened")
    evidence_lost: int = Field(0, description="Of `lost`: the verdict held, evidence deleted or cut")
    evidence_weakened: int = Field(0, description="Of `lost`: the verdict held, its verb weakened or hedged")
    evidence_bracketed: int = Field(0, description="Of `lost`: the verdict held, evidence put in brackets")
    evidence_strengthened: int = Field(
        0, description="The verdict held, nothing lost, the evidence now under a stronger verb"
    )
    weakened_verbs: int = Field(0, description="Operative paragraphs whose own verb the round weakened")
    deleted_paragraphs: int = Field(0, description="Operative paragraphs the round deleted")
    added_paragraphs: int = Field(0, description="Operative paragraphs the round added")
    newly_bracketed: int = Field(0, description="Operative paragraphs the round put words in brackets in")


class Comparison(BaseModel):
    old: DocumentInfo
    new: DocumentInfo
    changes: list[RuleChange] = Field(
        description="Regressions first, then the rules that lost evidence though their verdict held (worst "
        "loss first), then improvements, then the rest"
    )
    weakened_verbs: list[VerbChange] = Field(
        default_factory=list,
        description="Every operative paragraph with a verb of its own that the round weakened, in the old "
        "draft's order, cited by a rule or not",
    )
    deleted_paragraphs: list[DeletedParagraph] = Field(
        default_factory=list,
        description="Every operative paragraph the round deleted, in the old draft's order, cited by a rule or not",
    )
    added_paragraphs: list[AddedParagraph] = Field(
        default_factory=list,
        description="Every operative paragraph the round added, in the new draft's order, cited by a rule or not",
    )
    newly_bracketed: list[NewBrackets] = Field(
        default_factory=list,
        description="Every operative paragraph in which the round put words in square brackets, in the new "
        "draft's order, cited by a rule or not",
    )
    summary: ComparisonSummary


def word_diff(old: str, new: str) -> list[DiffPiece]:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    pieces: list[DiffPiece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(DiffPiece(op="equal", text=" ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            pieces.append(DiffPiece(op="delete", text=" ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(DiffPiece(op="insert", text=" ".join(b[j1:j2])))
    return pieces


def _judged(document: Document) -> list[Paragraph]:
    return [p for p in document.paragraphs if p.kind in (Kind.operative, Kind.preambular)]


def _what_was_lost(c: RuleChange) -> tuple[int, int, int]:
    """The order of a comparison: regressions, then rules that lost evidence though the verdict held, then
    improvements, then the rest; within each, the most severe rule and the worst loss first."""
    gained = c.change == "improved" or c.status == "evidence strengthened"
    group = 0 if c.change == "regressed" else 1 if c.lost else 2 if gained else 3
    worst = min((LOSS_ORDER[loss.kind] for loss in c.losses), default=len(LOSS_ORDER))
    return (group, c.severity.rank, worst)


def _change(old: Verdict, new: Verdict) -> Change:
    if new.rank < old.rank:
        return "improved"
    return "regressed" if new.rank > old.rank else "unchanged"


def _quote(words: str, limit: int = 14) -> str:
    """Words quoted short: a long stretch keeps its first and last words."""
    split = words.split()
    if len(split) <= limit:
        return " ".join(split)
    return " ".join(split[: limit - 4]) + " … " + " ".join(split[-3:])


def _found(words: str, para: Paragraph) -> tuple[int, int] | None:
    """Where `words` stand in `para`, spaces and case aside."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    m = re.search(pattern, para.text, re.IGNORECASE) if pattern else None
    return m.span() if m else None


def _deleted_words(old: Paragraph, new: Paragraph, evidence: str) -> list[str]:
    """The stretches the diff deleted from `old` that held words of the evidence."""
    wanted = {w.lower() for w in evidence.split()}
    return [
        _quote(p.text)
        for p in word_diff(old.text, new.text)
        if p.op == "delete" and wanted & {w.lower() for w in p.text.split()}
    ] or [_quote(evidence)]


# What a round adds to make an ask conditional on the addressee's own judgement or means: the judge's hedges and
# the ways a text leaves the ask to its addressee ("as it deems necessary").
_ROUND_HEDGES = re.compile(
    "|".join(
        h.replace(r"\ ", " ").replace(" ", r"\s+")
        for h in [
            *map(re.escape, HEDGES),
            r"as (?:it|they|he|she) deems? necessary",
            r"as (?:it|they|he|she) deems? appropriate",
            r"as necessary",
            r"where necessary",
            r"if necessary",
            r"to the extent (?:possible|feasible)",
        ]
    ),
    re.IGNORECASE,
)


def _hedges_added(old: str, new: str) -> list[str]:
    """Hedges the new round's words hold that the old one's did not: 'as appropriate', 'as it deems necessary'."""
    before = {" ".join(m.group(0).lower().split()) for m in _ROUND_HEDGES.finditer(old)}
    found = (" ".join(m.group(0).split()) for m in _ROUND_HEDGES.finditer(new))
    return list(dict.fromkeys(h for h in found if h.lower() not in before))


def _paragraph_diff(para: Paragraph, pair: Pair | None, score: float, new_doc: Document) -> ParagraphDiff:
    """An old round's paragraph beside its counterpart in the new one (or none), as the comparison shows it."""
    match = pair.paragraph if pair else None
    return ParagraphDiff(
        old_ref=para.ref,
        new_ref=match.ref if match else None,
        similarity=round(score, 3),
        rewritten=pair is not None and pair.by == "place",
        pending_deletion=match is None and _pending_deletion(para, new_doc),
        pieces=word_diff(para.text, match.text if match else ""),
    )


def _pending_deletion(old_para: Paragraph, new_doc: Document) -> bool:
    """Whether a pending tracked change in the new draft deletes this paragraph of the old one."""
    head = " ".join(old_para.text.split()[:8]).lower()
    return bool(head) and any(
        c.kind == "delete" and head in " ".join(c.text.split()).lower()
        for p in new_doc.paragraphs
        for c in p.changes
    )


def _losses(
    old_para: Paragraph,
    new_para: Paragraph | None,
    evidence: list[Evidence],
    new_doc: Document,
    also: bool = False,
    governs: str | None = None,
) -> list[Loss]:
    """What the round took from one evidence paragraph of the old draft (`also`: a paragraph that met the
    rule too, beside those the finding cites)."""
    labels = list(dict.fromkeys(e.label for e in evidence))
    ref = old_para.ref or "a paragraph"
    named = ref + (" (which also met it)" if also else "")
    if new_para is None:
        words = list(dict.fromkeys(_quote(e.text) for e in evidence))
        quoted = ", ".join(f"“{w}”" for w in words)
        how = (
            "a pending tracked change deletes the old" if _pending_deletion(old_para, new_doc) else "the old"
        )
        verb = "" if how.startswith("a pending") else " was deleted"
        return [Loss(kind="deleted", old_ref=ref, new_ref=None, words=words, elements=labels,
                     sentence=f"{how} {named}{verb}, and with it {quoted}")]  # fmt: skip
    out: list[Loss] = []
    pending = any(c.kind == "delete" for c in new_para.changes)
    out_tail = " (a pending tracked change)" if pending else ""
    where = new_para.ref if new_para.ref == old_para.ref else f"{new_para.ref} (the old {old_para.ref})"
    where += " (which also met it)" if also else ""
    gone = [e for e in evidence if _found(e.text, new_para) is None]
    if gone:
        words = list(dict.fromkeys(w for e in gone for w in _deleted_words(old_para, new_para, e.text)))
        quoted = ", ".join(f"“{w}”" for w in words)
        out.append(Loss(kind="cut", old_ref=ref, new_ref=new_para.ref, words=words,
                        elements=list(dict.fromkeys(e.label for e in gone)),
                        sentence=f"{quoted} {'was' if len(words) == 1 else 'were'} deleted from {where}{out_tail}"))  # fmt: skip
    old_class, new_class = old_para.verb_class, new_para.verb_class
    if old_class is not None and new_class is not None and new_class.strength < old_class.strength:
        before, after = old_para.verb or old_class.value, new_para.verb or new_class.value
        # An item's verb stands in the paragraph it hangs from: "in OP 18 (over OP 18(a))".
        over = f"{governs} (over {where})" if governs and old_para.verb_inherited else where
        out.append(Loss(kind="weakened", old_ref=ref, new_ref=new_para.ref, words=[before, after], elements=labels,
                        sentence=f"in {over}, “{before}” became “{after}”{out_tail}"))  # fmt: skip
    added = _hedges_added(old_para.text, new_para.text)
    if added:
        quoted = ", ".join(f"“{h}”" for h in added)
        out.append(Loss(kind="weakened", old_ref=ref, new_ref=new_para.ref, words=added, elements=labels,
                        sentence=f"{where} now holds {quoted}{out_tail}"))  # fmt: skip
    bracketed = []
    for e in evidence:
        span = _found(e.text, new_para)
        if span is not None and new_para.in_brackets(*span) and not old_para.in_brackets(e.start, e.end):
            bracketed.append(e)
    if bracketed:
        words = list(dict.fromkeys(_quote(e.text) for e in bracketed))
        quoted = ", ".join(f"“{w}”" for w in words)
        out.append(Loss(kind="bracketed", old_ref=ref, new_ref=new_para.ref, words=words,
                        elements=list(dict.fromkeys(e.label for e in bracketed)),
                        sentence=f"{quoted} now {'stands' if len(words) == 1 else 'stand'} in square brackets in {where}"))  # fmt: skip
    if not out:
        edits = [p for p in word_diff(old_para.text, new_para.text) if p.op != "equal"]
        if edits:
            deleted = [_quote(p.text) for p in edits if p.op == "delete"]
            what = ", ".join(f"“{w}”" for w in deleted) + " deleted" if deleted else "words added"
            out.append(Loss(kind="changed", old_ref=ref, new_ref=new_para.ref, words=deleted, elements=labels,
                            sentence=f"{where} was changed ({what})"))  # fmt: skip
    return out


def _governor(document: Document, para: Paragraph) -> Paragraph | None:
    """The paragraph whose verb an item takes (OP 18 for OP 18(a)); None for a paragraph with its own."""
    if not para.verb_inherited:
        return None
    while para.verb_inherited and para.parent is not None:
        para = document.paragraphs[para.parent]
    return None if para.verb_inherited else para


def _held(before: Finding, after: Finding) -> str:
    """How the verdict stands after the round: 'still met by OP 34(c)'."""
    refs = ", ".join(after.refs)
    if after.verdict is before.verdict:
        if after.verdict is Verdict.missing:
            return "still missing"
        verb = "met" if after.verdict is Verdict.met else "partly met"
        return f"still {verb} by {refs}" if refs else f"still {verb}"
    return f"now {after.verdict.value}" + (f" ({refs})" if refs else "")


# Judges one rule (its id) on a version of the old draft: Setup.rule_versions.
RuleJudge = Callable[[Document, str], Finding]


def _blanked(document: Document, indices: set[int]) -> Document:
    """The draft with these paragraphs emptied, in place (every other paragraph keeps its index)."""
    empty = {"text": "", "brackets": [], "changes": [], "verbs": []}
    paragraphs = [p.model_copy(update=empty) if p.index in indices else p for p in document.paragraphs]
    return document.model_copy(update={"paragraphs": paragraphs})


def _also_met(
    old_doc: Document, before: Finding, touched: set[int], rejudge: RuleJudge | None
) -> dict[int, list[Evidence]]:
    """The paragraphs the round touched that met the rule beside those the finding cites: the evidence the
    judge finds once the cited paragraphs are emptied, where the verdict stands without them ("one of two
    paragraphs meeting a rule" deleted is a loss, whichever of the two the finding cited)."""
    cited = {e.paragraph for e in before.evidence}
    if rejudge is None or before.verdict is Verdict.missing or not touched - cited:
        return {}
    again = rejudge(_blanked(old_doc, cited), before.rule)
    if again.verdict is not before.verdict:
        return {}
    out: dict[int, list[Evidence]] = {}
    for e in again.evidence:
        if e.paragraph in touched - cited:
            out.setdefault(e.paragraph, []).append(e)
    return out


def compare(
    old_doc: Document, old: Report, new_doc: Document, new: Report, rejudge: RuleJudge | None = None
) -> Comparison:
    """`rejudge` (Setup.rule_versions of the old draft): also find the paragraphs that met a rule beside the
    ones its finding cites, and tell what the round did to them."""
    old_paras, new_paras = _judged(old_doc), _judged(new_doc)
    forward, backward = Pairing(old_paras, new_paras), Pairing(new_paras, old_paras)
    new_findings = {f.rule: f for f in new.findings}
    # Each old paragraph's counterpart, found once: every rule citing it, and the verbs, ask again.
    known: dict[int, tuple[Pair | None, float]] = {}

    def counterpart(para: Paragraph) -> tuple[Pair | None, float]:
        if para.index not in known:
            known[para.index] = forward.counterpart(para)
        return known[para.index]

    touched = set()  # the old draft's paragraphs the round deleted or changed
    for para in old_paras:
        pair, _ = counterpart(para)
        if pair is None or pair.paragraph.text != para.text:
            touched.add(para.index)
    changes = []
    for before in old.findings:
        after = new_findings.get(before.rule)
        if after is None:
            continue
        diffs: list[ParagraphDiff] = []
        losses: list[Loss] = []
        seen_new: set[int] = set()
        shown = {e.paragraph for e in before.evidence}
        for index in dict.fromkeys(e.paragraph for e in before.evidence):
            para = old_doc.paragraphs[index]
            pair, score = counterpart(para)
            match = pair.paragraph if pair else None
            if match is not None:
                seen_new.add(match.index)
            governor = _governor(old_doc, para)
            governs = None
            if governor is not None and (twin := counterpart(governor)[0]) is not None:
                governs = twin.paragraph.ref
            evidence = [e for e in before.evidence if e.paragraph == index]
            taken = _losses(para, match, evidence, new_doc, governs=governs)
            losses += taken
            diffs.append(_paragraph_diff(para, pair, score, new_doc))
            if (
                governor is not None
                and governor.index not in shown
                and any(t.kind == "weakened" for t in taken)
            ):
                # The verb the round weakened stands in the paragraph the item takes it from (OP 18's
                # "requests ATMIS to prioritise:" over OP 18(a)): its words show the change, the item's none.
                shown.add(governor.index)
                diffs.append(_paragraph_diff(governor, *counterpart(governor), new_doc))
        for index, evidence in _also_met(old_doc, before, touched, rejudge).items():
            para = old_doc.paragraphs[index]
            pair, score = counterpart(para)
            match = pair.paragraph if pair else None
            if match is not None:
                seen_new.add(match.index)
            taken = [
                loss for loss in _losses(para, match, evidence, new_doc, also=True) if loss.kind != "changed"
            ]
            losses += taken  # its other words changed: no loss of it
            if taken:
                diffs.append(_paragraph_diff(para, pair, score, new_doc))
        for index in dict.fromkeys(e.paragraph for e in after.evidence):
            if index in seen_new:
                continue
            para = new_doc.paragraphs[index]
            pair, score = backward.counterpart(para)
            match = pair.paragraph if pair else None
            diffs.append(
                ParagraphDiff(
                    old_ref=match.ref if match else None,
                    new_ref=para.ref,
                    similarity=round(score, 3),
                    rewritten=pair is not None and pair.by == "place",
                    pieces=word_diff(match.text if match else "", para.text),
                )
            )
        changes.append(
            RuleChange(
                rule=before.rule,
                title=before.title,
                severity=before.severity,
                old=before.verdict,
                new=after.verdict,
                change=_change(before.verdict, after.verdict),
                old_refs=before.refs,
                new_refs=after.refs,
                diffs=diffs,
                losses=sorted(losses, key=lambda loss: LOSS_ORDER[loss.kind]),
                held=_held(before, after) if losses else "",
                strengthened=_strengthened(old_doc, before, new_doc, after),
            )
        )
    changes.sort(key=_what_was_lost)
    verbs = weakened_verbs(old_doc, old, counterpart)
    deleted = deleted_paragraphs(old_doc, old, counterpart, lambda p: _pending_deletion(p, new_doc))
    bracketed = newly_bracketed(new_doc, old, new, backward.counterpart)
    added = added_paragraphs(new_doc, new, backward.counterpart)
    summary = ComparisonSummary(
        **{k: sum(c.change == k for c in changes) for k in ("improved", "regressed", "unchanged")},
        lost=sum(c.lost and c.change != "regressed" for c in changes),
        **{k.replace(" ", "_"): sum(c.status == k for c in changes) for k in set(HELD_STATUS.values())},
        weakened_verbs=len(verbs),
        deleted_paragraphs=len(deleted),
        added_paragraphs=len(added),
        newly_bracketed=len(bracketed),
        evidence_strengthened=sum(c.status == "evidence strengthened" for c in changes),
    )
    return Comparison(old=old.document, new=new.document, changes=changes, weakened_verbs=verbs,
                      deleted_paragraphs=deleted, added_paragraphs=added, newly_bracketed=bracketed,
                      summary=summary)  # fmt: skip
