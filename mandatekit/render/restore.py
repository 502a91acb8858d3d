"""Where the previous round had what a recommendation needs and this round deleted it, the fix restores the
drafter's own words, not the rule's (issue 21, round 9: the HRDDP clause cut from UNMISS's OP 3(c)(viii) was
proposed back in the rule's general wording). Given the previous round judged, each rule that this round
made worse, from met, gets, first among its fixes (a rule that was only partial gets the language that meets
it: restoring a partial meets nothing):

- a paragraph that lost the words carrying the evidence ('cut'): "Amend OP 3(c)(viii) (restoring the
  previous round's words)" — the paragraph as it now reads, with the deleted stretches that held the
  evidence put back where they stood (what the round changed elsewhere in it stays);
- a paragraph deleted whole: "Insert after OP 36 (restoring the previous round's OP 37)" — its old text,
  after the counterpart of the paragraph it followed;
- a verb weakened ('requests ATMIS to prioritise:' -> 'encourages ...', in the paragraph itself or in the one
  its item takes the verb from): "Replace the verb in OP 18 (restoring the previous round's words)" — the
  paragraph as it now reads, with the old verb back in the new one's place.

This holds too where the verdict held but the round still took the evidence (OP 5 weakened to "Encourages
... as appropriate", the humanitarian OP 8 deleted while a preambular paragraph keeps the rule partial): the
drafter would table the old words back, not a second paragraph beside the weakened one (trial 12, F7). Where
the old words alone would only bring the rule back to where it stood, each restoration comes with a stronger
version after it: the verb restored without the hedge the round added, and with the suggestion's words for
what the paragraph still lacks ("Amend OP 5 (restoring the previous round's words)": Requests, no "as
appropriate", "report publicly ... by all actors"); the deleted paragraph back with the stronger verb its
gap asks for (render/replacement.py's swap_verb: "Demands that all parties allow ..."). Where the old round
was itself short of met, only that stronger version of a weakened or deleted paragraph is proposed, never the
old words alone nor a partial's cut clause (trial 13, F3: they met nothing).

Like every fix it is kept only if judging the draft again shows it helps and costs nothing
(render/placement.py)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import replace

from mandatekit.compare import Comparison, DiffPiece
from mandatekit.judge import Finding, Report
from mandatekit.pairing import Pairing
from mandatekit.read.model import Document, Kind, Paragraph
from mandatekit.render.accepted import Judge
from mandatekit.render.narrowed import redline
from mandatekit.render.placing import Placement, last_descendant
from mandatekit.round_text import VerbChange
from mandatekit.rulebook import Verdict

_TOKEN = re.compile(r"\S+")
Round = tuple[Document, Report]


def restorations(
    document: Document,
    report: Report,
    previous: Round,
    comparison: Comparison | None = None,
    judge: Judge | None = None,
    mission: str | None = None,
) -> dict[str, list[Placement]]:
    """Rule → the fixes that restore what the previous round had for it, each followed by its stronger
    version (with `judge`: see the module). `comparison`: the two rounds compared already (`compare -o`),
    not compared again."""
    from mandatekit.compare import compare

    old_doc, old_report = previous
    if comparison is None:
        comparison = compare(old_doc, old_report, document, report)
    old_findings = {f.rule: f for f in old_report.findings}
    by_ref_old = {p.ref: p for p in old_doc.paragraphs if p.kind is Kind.operative and p.ref}
    by_ref_new = {p.ref: p for p in document.paragraphs if p.kind is Kind.operative and p.ref}
    pairing: Pairing | None = None
    out: dict[str, list[Placement]] = {}
    findings = {f.rule: f for f in report.findings}
    for change in comparison.changes:
        # Regressed, or held short of met though the round took its evidence (a verdict held by another
        # paragraph is no reason to keep the loss).
        regressed = change.change == "regressed" or (change.losses and change.new.value != "met")
        if not regressed or change.rule not in old_findings:
            continue
        old = old_findings[change.rule]
        # What the round took did not meet the rule ('notes with concern' for a reporting ask): putting it
        # back would not close the gap; the rule's own language does (trial 13). Only the stronger version of
        # a weakened or deleted paragraph comes back (the drafter's ask on it, with the verb the gap asks
        # for: trial 12, F7); a cut clause of a partial, never.
        partial = old.verdict is not Verdict.met
        cited = {e.paragraph for e in old.evidence}
        for loss in change.losses:
            old_para = by_ref_old.get(loss.old_ref)
            # Only the paragraphs the finding cited: a comparison that also found the others that met the rule
            # (`compare`'s rejudge) restores what it restored without them.
            if old_para is None or old_para.index not in cited:
                continue
            spans = [(e.start, e.end) for e in old.evidence if e.paragraph == old_para.index]
            if loss.kind == "cut" and loss.new_ref in by_ref_new and not partial:
                fix = _put_back(change.rule, old_para, by_ref_new[loss.new_ref], spans)
            elif loss.kind == "weakened":
                fix = _verb_back(change.rule, old_doc, old_para, comparison.weakened_verbs, by_ref_new)
                if fix is None and loss.new_ref in by_ref_new:  # no verb weakened: the round hedged it
                    fix = _hedge_back(change.rule, old_para, by_ref_new[loss.new_ref], loss.words)
            elif loss.kind == "deleted":
                if pairing is None:
                    pairing = Pairing(_operative(old_doc), _operative(document))
                fix = _reinsert(change.rule, document, old_doc, old_para, pairing)
            else:
                continue
            if fix is None:
                continue
            if not partial:
                out.setdefault(change.rule, []).append(fix)
            finding = findings.get(change.rule)
            stronger = (
                _stronger(fix, document, old_para, finding, judge, mission)
                if finding is not None and judge is not None
                else None
            )
            if stronger is not None:
                out.setdefault(change.rule, []).append(stronger)
    return out


def _stronger(
    fix: Placement,
    document: Document,
    old_para: Paragraph,
    f: Finding,
    judge: Judge,
    mission: str | None,
) -> Placement | None:
    """The restoration with what its gap still asks for: a deleted paragraph with the stronger verb; a
    paragraph restored in place without the hedges its gap names, and with the suggestion's words for what
    it lacks (render/amend.py)."""
    from mandatekit.render.amend import amended_text
    from mandatekit.render.replacement import swap_verb, without_hedges
    from mandatekit.render.terms import own_terms

    if fix.action == "insert":
        swapped = swap_verb(old_para, f, mission)
        if swapped is None:
            return None
        where = fix.where.replace(")", ", with a stronger verb)")
        return replace(fix, where=where, text=swapped, pieces=[DiffPiece(op="insert", text=swapped)])
    if fix.paragraph is None:
        return None
    new = document.paragraphs[fix.paragraph]
    text = without_hedges(fix.text, f, new.ref)
    text = amended_text(text, f, own_terms(f.suggestion, document), judge, new) or text
    if text == fix.text:
        return None
    where = f"Amend {new.ref} (restoring the previous round's words)"
    return replace(fix, where=where, text=text, pieces=redline(new.text, text))


def _verb_back(
    rule: str,
    old_doc: Document,
    old_para: Paragraph,
    weakened: list[VerbChange],
    by_ref_new: dict[str, Paragraph],
) -> Placement | None:
    """The paragraph holding the weakened verb (`old_para`, or the one its item takes its verb from), as it
    now reads with the previous round's verb back where the new one stands."""
    governor = old_para
    while governor.verb_inherited and governor.parent is not None:
        governor = old_doc.paragraphs[governor.parent]
    change = next((v for v in weakened if v.old_ref == governor.ref), None)
    new = by_ref_new.get(change.new_ref or "") if change is not None else None
    if change is None or new is None:
        return None
    use = next((u for u in new.verbs if u.verb == change.after), None)
    if use is None or new.text[use.start : use.start + len(use.verb)] != use.verb:
        return None
    text = new.text[: use.start] + change.before + new.text[use.start + len(use.verb) :]
    return Placement(rule, "replace", f"Replace the verb in {new.ref} (restoring the previous round's words)",
                     text, redline(new.text, text), new.index)  # fmt: skip


def _hedge_back(rule: str, old: Paragraph, new: Paragraph, hedges: list[str]) -> Placement | None:
    """`new` with the previous round's words back where the round added a hedge to them ("in strict
    compliance with the HRDDP, as appropriate and where feasible," → "... with the HRDDP,"): each stretch the
    round inserted or rewrote that holds one of `hedges` reads as it did (trial 15 F3); the round's other
    changes to the paragraph stay."""
    said = [" ".join(h.lower().split()) for h in hedges]

    def hedged(op: str, lost: list[re.Match[str]], added: list[re.Match[str]]) -> bool:
        put_in = " ".join(m.group() for m in added).lower()
        return op in ("insert", "replace") and any(h in put_in for h in said)

    return _words_back(rule, old, new, hedged)


def _operative(document: Document) -> list[Paragraph]:
    return [p for p in document.paragraphs if p.kind is Kind.operative and p.text]


def _put_back(rule: str, old: Paragraph, new: Paragraph, spans: list[tuple[int, int]]) -> Placement | None:
    """`new` with the stretches of `old` it lost that overlap the evidence `spans` put back where they stood."""

    def evidence_lost(op: str, lost: list[re.Match[str]], added: list[re.Match[str]]) -> bool:
        # the evidence's own words come back, not what the round put in their place
        return op in ("delete", "replace") and any(
            s < lost[-1].end() and lost[0].start() < e for s, e in spans
        )

    return _words_back(rule, old, new, evidence_lost)


def _words_back(
    rule: str,
    old: Paragraph,
    new: Paragraph,
    restores: Callable[[str, list[re.Match[str]], list[re.Match[str]]], bool],
) -> Placement | None:
    """`new` with the previous round's words back in each stretch the round changed that `restores` picks
    (given the diff's operation, the old words lost and the new words put in); None where it picks none."""
    a, b = list(_TOKEN.finditer(old.text)), list(_TOKEN.finditer(new.text))
    words: list[str] = []
    restored = False
    matcher = difflib.SequenceMatcher(None, [m.group() for m in a], [m.group() for m in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal" and restores(op, a[i1:i2], b[j1:j2]):
            words += [m.group() for m in a[i1:i2]]
            restored = True
            continue
        words += [m.group() for m in b[j1:j2]]
    if not restored:
        return None
    text = " ".join(words)
    return Placement(rule, "replace", f"Amend {new.ref} (restoring the previous round's words)", text,
                     redline(new.text, text), new.index)  # fmt: skip


def _reinsert(
    rule: str, document: Document, old_doc: Document, old: Paragraph, pairing: Pairing
) -> Placement | None:
    """The deleted paragraph's old text, after the counterpart of the paragraph it followed."""
    before = [p for p in old_doc.paragraphs[: old.index] if p.kind is Kind.operative and p.text]
    for prev in reversed(before):
        pair, _ = pairing.counterpart(prev)
        if pair is None:
            continue
        here = pair.paragraph
        # the new paragraph goes where the old one stood: after its old predecessor (and what hangs under it)
        like = here if len(here.number) == len(old.number) else document.paragraphs[here.parent or here.index]
        after = last_descendant(document, here if like is here else like)
        heading = _same_heading(document, old_doc, prev, old, after)
        if heading is not None:  # it opened a heading's paragraphs: it goes back under that heading
            title = heading.text.rstrip(": ").strip()
            return Placement(rule, "insert", f"Insert under “{title}” (restoring the previous round's {old.ref})",
                             old.text, [DiffPiece(op="insert", text=old.text)], heading.index, like=like.index,
                             heading=title)  # fmt: skip
        return Placement(rule, "insert", f"Insert after {after.ref} (restoring the previous round's {old.ref})",
                         old.text, [DiffPiece(op="insert", text=old.text)], after.index, like=like.index)  # fmt: skip
    return None


def _same_heading(
    document: Document, old_doc: Document, prev: Paragraph, old: Paragraph, after: Paragraph
) -> Paragraph | None:
    """The heading of the new draft that the deleted paragraph stood right under in the previous round
    ('Reporting:' over it, its predecessor under another heading), where the new draft has it right after
    the predecessor's counterpart too; None where no heading stood between them (trial 15, F7)."""
    between = [p for p in old_doc.paragraphs[prev.index + 1 : old.index] if p.kind is Kind.heading]
    if not between:
        return None
    title = between[-1].text.rstrip(": ").strip().lower()
    for p in document.paragraphs[after.index + 1 :]:
        if p.kind is not Kind.heading:
            return None  # the next paragraph is no heading: the draft's headings moved
        if p.text.rstrip(": ").strip().lower() == title:
            return p
    return None
