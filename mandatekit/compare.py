"""Compare two rounds of a draft: for each rule, the verdict before and after, and what changed in the words
of the paragraphs that carry the evidence. Pure functions of two (Document, Report) pairs.

Paragraphs are matched across the drafts by their words, not their numbers: a paragraph that moved from
OP 7 to OP 9 is the same paragraph; a paragraph whose words changed is matched to the closest one."""

from __future__ import annotations

import difflib
import re
from typing import Literal

from pydantic import BaseModel, Field

from mandatekit.judge import DocumentInfo, Report
from mandatekit.read.model import Document, Kind, Paragraph
from mandatekit.rulebook import Severity, Verdict

Change = Literal["improved", "regressed", "unchanged"]
_WORDS = re.compile(r"\S+")
MATCH_THRESHOLD = 0.6  # below this similarity two paragraphs are not the same paragraph


class DiffPiece(BaseModel):
    op: Literal["equal", "insert", "delete"]
    text: str


class ParagraphDiff(BaseModel):
    old_ref: str | None = Field(
        description="Where the paragraph stood in the old draft (None: new paragraph)"
    )
    new_ref: str | None = Field(description="Where it stands in the new draft (None: removed)")
    similarity: float
    pieces: list[DiffPiece] = Field(description="Word-level diff, old → new")

    @property
    def changed(self) -> bool:
        return any(p.op != "equal" for p in self.pieces)

    def as_text(self) -> str:
        """The diff in plain text: [-removed-] {+added+}."""
        marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
        return " ".join(marks[p.op].format(p.text) for p in self.pieces)


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


class ComparisonSummary(BaseModel):
    improved: int = 0
    regressed: int = 0
    unchanged: int = 0


class Comparison(BaseModel):
    old: DocumentInfo
    new: DocumentInfo
    changes: list[RuleChange] = Field(description="Regressions first, then improvements, then the rest")
    summary: ComparisonSummary


def _similarity(a: str, b: str) -> float:
    """How far two paragraphs are the same paragraph, 0 to 1. The plain ratio penalizes a paragraph that was
    only extended; where one paragraph's words largely stand in the other (overlap >= 0.8), that counts."""
    x, y = _WORDS.findall(a.lower()), _WORDS.findall(b.lower())
    if not x or not y:
        return 0.0
    matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    ratio, overlap = 2 * shared / (len(x) + len(y)), shared / min(len(x), len(y))
    return max(ratio, overlap * 0.9) if overlap >= 0.8 else ratio


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


def _best_match(para: Paragraph, candidates: list[Paragraph]) -> tuple[Paragraph | None, float]:
    # Cheap pre-filter on shared words, then an exact ratio on the few that remain.
    words = set(para.text.lower().split())
    ranked = sorted(candidates, key=lambda c: -len(words & set(c.text.lower().split())))[:5]
    best, score = None, 0.0
    for candidate in ranked:
        s = _similarity(para.text, candidate.text)
        if s > score:
            best, score = candidate, s
    return (best, score) if score >= MATCH_THRESHOLD else (None, score)


def _judged(document: Document) -> list[Paragraph]:
    return [p for p in document.paragraphs if p.kind in (Kind.operative, Kind.preambular)]


def _change(old: Verdict, new: Verdict) -> Change:
    if new.rank < old.rank:
        return "improved"
    return "regressed" if new.rank > old.rank else "unchanged"


def compare(old_doc: Document, old: Report, new_doc: Document, new: Report) -> Comparison:
    old_paras, new_paras = _judged(old_doc), _judged(new_doc)
    new_findings = {f.rule: f for f in new.findings}
    changes = []
    for before in old.findings:
        after = new_findings.get(before.rule)
        if after is None:
            continue
        diffs: list[ParagraphDiff] = []
        seen_new: set[int] = set()
        for index in dict.fromkeys(e.paragraph for e in before.evidence):
            para = old_doc.paragraphs[index]
            match, score = _best_match(para, new_paras)
            if match is not None:
                seen_new.add(match.index)
            diffs.append(
                ParagraphDiff(
                    old_ref=para.ref,
                    new_ref=match.ref if match else None,
                    similarity=round(score, 3),
                    pieces=word_diff(para.text, match.text if match else ""),
                )
            )
        for index in dict.fromkeys(e.paragraph for e in after.evidence):
            if index in seen_new:
                continue
            para = new_doc.paragraphs[index]
            match, score = _best_match(para, old_paras)
            diffs.append(
                ParagraphDiff(
                    old_ref=match.ref if match else None,
                    new_ref=para.ref,
                    similarity=round(score, 3),
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
            )
        )
    order = {"regressed": 0, "improved": 1, "unchanged": 2}
    changes.sort(key=lambda c: (order[c.change], c.severity.rank))
    summary = ComparisonSummary(**{k: sum(c.change == k for c in changes) for k in order})
    return Comparison(old=old.document, new=new.document, changes=changes, summary=summary)
