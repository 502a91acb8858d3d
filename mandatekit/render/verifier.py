"""Every fix checked by re-judging the draft with it accepted (render/accepted.py): kept only if the rule it
targets improves and no other gets worse. Also the brackets to agree and pending changes to reject that
would improve a rule on their own, and the pending changes a draft's verdicts rest on."""

from __future__ import annotations

from dataclasses import replace

from mandatekit.judge import Finding, Report
from mandatekit.judge.changed import Reach
from mandatekit.read.model import Document
from mandatekit.render.accepted import AcceptedReader, Judge, judge_versions
from mandatekit.render.agreement import candidates, secures
from mandatekit.render.placing import Placement


def _ranks(report: Report) -> dict[str, int]:
    return {f.rule: f.verdict.rank for f in report.findings}


class Verifier:
    """Re-judges the draft with the fixes kept so far and one more; keeps it only if it helps and costs nothing.

    With a Setup's judge, only the rules the one more fix can judge otherwise are judged again (judge/changed.py:
    those with words in the paragraphs it changes or their family); the others keep their verdicts with the fixes
    kept so far (`current`). `rejudge_all` judges every rule of every version (tests compare the two)."""

    rejudge_all = False

    def __init__(self, document: Document, judge: Judge) -> None:
        self.document, self.reader = document, AcceptedReader(document)
        self.kept: list[Placement] = []
        self.covered_by: dict[str, Placement] = {}  # rule → the fix for another rule that also improved it
        report, self.judge = judge_versions(judge, self.reader.base)
        self.current = _ranks(report)
        self.now = self.reader.base  # the draft with the fixes kept so far, as read: judged `current`
        self.last = self.now  # the version judged last (`_ranks`)
        ranks, rules, terms = (getattr(self.judge, a, None) for a in ("ranks", "rules", "terms"))
        self.reach = Reach(rules, terms) if ranks and rules and not self.rejudge_all else None

    def _ranks(self, placements: list[Placement]) -> dict[str, int]:
        self.last = version = self.reader.read(placements)
        ids = None
        if self.reach is not None:
            met = [rule for rule, rank in self.current.items() if rank == 0]
            ids = self.reach.rules_to_rejudge(self.now, version, met)
        if ids is None:
            return _ranks(self.judge(version))
        return {**self.current, **self.judge.ranks(version, ids)}  # type: ignore[attr-defined]

    def verdicts(self, placements: list[Placement]) -> dict[str, int]:
        return self._ranks([*self.kept, *placements])

    def keeps(self, placement: Placement) -> bool:
        ranks = self.verdicts([placement])
        better = ranks.get(placement.rule, 9) < self.current.get(placement.rule, 9)
        if not better or any(ranks.get(rule, 9) > rank for rule, rank in self.current.items()):
            return False
        self.kept.append(placement)
        self.now = self.last
        for rule, rank in ranks.items():
            if rank < self.current.get(rule, 9) and rule != placement.rule:
                self.covered_by.setdefault(rule, placement)
        self.current = ranks
        return True

    def keeps_condition(self, placement: Placement, ref: str) -> bool:
        """A fix that puts the condition on paragraph `ref`'s support (amend.with_condition), kept where judging
        the draft with it no longer names `ref` as support without the condition and costs nothing: the
        rule need not improve (another paragraph may meet it already, or a hedge keep it partial). Judged as
        `keeps` judges (`_ranks`: only the rules the fix can change), and kept as it keeps: `now` moves on."""
        ranks = self.verdicts([placement])
        if any(ranks.get(rule, 9) > rank for rule, rank in self.current.items()):
            return False
        f = self._finding(self.last, placement.rule)
        if f is not None and any(u.ref == ref for u in f.unconditioned):
            return False
        self.kept.append(placement)
        self.now = self.last
        self.current = ranks
        return True

    def _finding(self, version: Document, rule: str) -> Finding | None:
        """`rule`'s finding on `version`: a Versions judge judges that rule alone, any other the whole text."""
        one = getattr(self.judge, "finding", None)
        if one is not None:
            return one(version, rule)  # type: ignore[no-any-return]
        return next((f for f in self.judge(version).findings if f.rule == rule), None)


def helpful_agreements(document: Document, verifier: Verifier) -> dict[str, list[Placement]]:
    """Rule → the brackets to agree or pending changes to reject that would improve it on their own."""
    out: dict[str, list[Placement]] = {}
    names = {0: "met", 1: "partial", 2: "missing"}
    for a in candidates(document):
        probe = Placement("", a.kind, a.where, a.words, [], a.paragraph, anchor=a.anchor, result=a.result,  # type: ignore[arg-type]
                          whole_paragraph=a.whole_paragraph_deleted)  # fmt: skip
        ranks = verifier.verdicts([probe])
        for rule, rank in ranks.items():
            before = verifier.current.get(rule, 9)
            if rank < before:
                fix = replace(probe, rule=rule, secures=secures(names.get(before, "missing"), names[rank]))
                out.setdefault(rule, []).append(fix)
    return out


def pending_secures(report: Report, document: Document, judge: Judge) -> dict[str, list[str]]:
    """'Accept the pending insertion in OP 7 of “…”' → the titles of the rules it secures: the pending changes
    without which, judged again, a recommendation would fall back."""
    return pending_effects(report, document, judge)[0]


def pending_effects(
    report: Report, document: Document, judge: Judge
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The pending changes the verdicts rest on, both ways: 'Accept the pending …' → the titles of the rules
    it secures (rejected, they fall back), and 'Reject the pending …' → the titles of the rules it holds back
    (rejected, they improve: a paragraph deleted whole that met a recommendation, say)."""
    titles = {f.rule: f.title for f in report.findings}
    verifier = Verifier(document, judge)
    secured: dict[str, list[str]] = {}
    held: dict[str, list[str]] = {}
    for a in candidates(document):
        if a.kind != "reject":
            continue
        probe = Placement("", "reject", a.where, a.words, [], a.paragraph, result=a.result,
                          whole_paragraph=a.whole_paragraph_deleted)  # fmt: skip
        ranks = verifier.verdicts([probe])
        lost = [titles[r] for r, rank in ranks.items() if rank > verifier.current.get(r, 9) and r in titles]
        won = [titles[r] for r, rank in ranks.items() if rank < verifier.current.get(r, 9) and r in titles]
        if lost:
            secured[a.where.replace("Reject the", "Accept the", 1)] = lost
        if won:
            held[a.where] = won
    return secured, held
