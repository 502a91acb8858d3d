"""Compare two rounds of a draft: for each rule, the verdict before and after, and what changed in the words
of the paragraphs that carry the evidence. Pure functions of two (Document, Report) pairs.

Paragraphs are matched across the drafts by their words, not their numbers: a paragraph that moved from
OP 7 to OP 9 is the same paragraph; a paragraph whose words changed is matched to the closest one; a
paragraph rewritten where it stood is paired with its earlier self by its place (mandatekit/pairing.py).
What the round took from each paragraph, and the word diff, are mandatekit/round_words.py's.

`MATCH_THRESHOLD` and `text_similarity` are re-exported for the modules that weigh paragraphs alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field, computed_field

from mandatekit.judge import DocumentInfo, Evidence, Finding, Report
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
from mandatekit.round_words import LOSS_ORDER as LOSS_ORDER
from mandatekit.round_words import DiffPiece as DiffPiece
from mandatekit.round_words import Loss as Loss
from mandatekit.round_words import LossKind as LossKind
from mandatekit.round_words import narrowed_diff, paragraph_losses, pending_deleter, spaced
from mandatekit.round_words import word_diff as word_diff
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
    pending_by: str = Field("", description="Who made that pending deletion, as Word records it")
    pieces: list[DiffPiece] = Field(description="Word-level diff, old → new")

    @property
    def changed(self) -> bool:
        return any(p.op != "equal" for p in self.pieces)

    def as_text(self) -> str:
        """The diff in plain text: [-removed-] {+added+}."""
        marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
        return "".join(
            sep + marks[p.op].format(p.text) for sep, p in zip(spaced(self.pieces), self.pieces, strict=True)
        )


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


def _paragraph_diff(para: Paragraph, pair: Pair | None, score: float, new_doc: Document) -> ParagraphDiff:
    """An old round's paragraph beside its counterpart in the new one (or none), as the comparison shows it."""
    match = pair.paragraph if pair else None
    by = pending_deleter(para, new_doc) if match is None else None
    return ParagraphDiff(
        old_ref=para.ref,
        new_ref=match.ref if match else None,
        similarity=round(score, 3),
        rewritten=pair is not None and pair.by == "place",
        pending_deletion=by is not None,
        pending_by=by or "",
        pieces=narrowed_diff(para.text, match.text if match else ""),  # unchanged words kept out of a change
    )


def _governor(document: Document, para: Paragraph) -> Paragraph | None:
    """The paragraph whose verb an item takes (OP 18 for OP 18(a)); None for a paragraph with its own."""
    if not para.verb_inherited:
        return None
    while para.verb_inherited and para.parent is not None:
        para = document.paragraphs[para.parent]
    return None if para.verb_inherited else para


def _verb_weakened(old: Paragraph, new: Paragraph | None) -> bool:
    """Whether the round weakened the verb a paragraph takes ('requests' -> 'encourages'), not only hedged it."""
    a, b = old.verb_class, new.verb_class if new is not None else None
    return a is not None and b is not None and b.strength < a.strength


def _held(before: Finding, after: Finding) -> str:
    """How the verdict stands after the round: 'still met by OP 34(c)'."""
    refs = "; ".join(after.cited) if any(e.part for e in after.evidence) else ", ".join(after.refs)
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
            taken = paragraph_losses(para, match, evidence, new_doc, governs=governs)
            losses += taken
            diffs.append(_paragraph_diff(para, pair, score, new_doc))
            if (
                governor is not None
                and governor.index not in shown
                and any(t.kind == "weakened" for t in taken)
                and _verb_weakened(para, match)
            ):
                # The verb the round weakened stands in the paragraph the item takes it from (OP 18's
                # "requests ATMIS to prioritise:" over OP 18(a)): its words show the change, the item's none.
                # Not where the item itself was weakened (a hedge in OP 3(c)(viii)) and the lead-in's verb
                # stands: its other changes belong to the rules it carries, not to every item under it.
                shown.add(governor.index)
                diffs.append(_paragraph_diff(governor, *counterpart(governor), new_doc))
        for index, evidence in _also_met(old_doc, before, touched, rejudge).items():
            para = old_doc.paragraphs[index]
            pair, score = counterpart(para)
            match = pair.paragraph if pair else None
            if match is not None:
                seen_new.add(match.index)
            taken = [
                loss
                for loss in paragraph_losses(para, match, evidence, new_doc, also=True)
                if loss.kind != "changed"
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
                    pieces=narrowed_diff(match.text if match else "", para.text),
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
    deleted = deleted_paragraphs(old_doc, old, counterpart, lambda p: pending_deleter(p, new_doc))
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
