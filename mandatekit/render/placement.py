"""Where each suggestion goes in the draft: a pure function of (Report, Document), no I/O.

A suggestion either **replaces** the operative paragraph that falls short (shown as a word-level redline
against its current text, so the draft's own words stay where they are; a paragraph that only lacks force
keeps every word and changes its verb), is **inserted after** the operative paragraph it relates to most, or
is **added under** the heading whose subject it shares. A paragraph that is the draft's own version of the
suggestion, short of an element, is **amended** with the suggestion's words for that element
(render/amend.py). The memo says where; `mandatekit redline` puts it there as a tracked change; `mandatekit
annotate` hangs its comment there.

A paragraph that carries the evidence of another recommendation is never replaced (the fix must not cost
what the draft has), nor one with square brackets (agreeing them is the negotiation's business), and no
paragraph is replaced twice: the second suggestion goes in after it instead. A mission's task goes into the
task list it belongs to, in task form ("(viii) To monitor ..."). Where a bracketed paragraph or a pending
tracked change is what holds a rule back, the fix is to agree it or reject it (render/agreement.py).

Given the judge, every fix is checked by re-judging the draft with it accepted (render/accepted.py): the rule
it targets must improve and no other may get worse; a fix that fails is dropped for the next place.
"""

from __future__ import annotations

import re

from mandatekit.compare import Comparison
from mandatekit.judge import Finding, Report
from mandatekit.read.model import Document, Kind
from mandatekit.render.accepted import Judge
from mandatekit.render.amend import amend, with_condition
from mandatekit.render.insertion import insertion_for, introducing
from mandatekit.render.mandate import priority_item
from mandatekit.render.placing import Placement as Placement  # re-exported: callers import it from here
from mandatekit.render.placing import Relatedness
from mandatekit.render.replacement import NAMED_HEDGE as _NAMED_HEDGE  # noqa: F401  (tests/judge import it here)
from mandatekit.render.replacement import replacement_of
from mandatekit.render.reports import beside_reports
from mandatekit.render.restore import restorations
from mandatekit.render.tasks import list_lead, numbered, task_item
from mandatekit.render.terms import own_terms as own_terms  # re-exported: placed text, draft's terms
from mandatekit.render.verifier import Verifier, helpful_agreements
from mandatekit.render.verifier import pending_secures as pending_secures  # re-exported

# The key, after the rule's id, of a finding's second fix: the condition put on a paragraph's support where the
# rule has another gap to close (its own key holds that fix).
CONDITION = "condition"
_SEIZED = re.compile(r"\bremain\s+(?:actively\s+)?seized\b", re.IGNORECASE)


def place(
    report: Report,
    document: Document,
    judge: Judge | None = None,
    previous: tuple[Document, Report] | None = None,
    comparison: Comparison | None = None,
) -> dict[str, Placement]:
    """Rule id → where its suggestion goes, for every finding not met (none where the draft has no
    operative paragraph to place it by). With `judge`, each fix is re-judged in place (see the module).
    With the `previous` round judged (and `comparison`, if made), what it had is restored first (restore.py)."""
    paragraphs = document.paragraphs
    operative = [p for p in paragraphs if p.kind is Kind.operative and p.text]
    if not operative:
        return {}
    seized = next((p for p in operative if p.parent is None and _SEIZED.search(p.text)), None)
    related = Relatedness(operative)
    headings = [p for p in paragraphs if p.kind is Kind.heading]
    evidence_of: dict[int, set[str]] = {}
    for f in report.findings:
        for e in f.evidence:
            evidence_of.setdefault(e.paragraph, set()).add(f.rule)
    verifier = Verifier(document, judge) if judge is not None else None
    mission = report.mission.mission if report.mission is not None else None
    agreements = helpful_agreements(document, verifier) if verifier is not None else {}
    restoring = (
        restorations(document, report, previous, comparison, judge, mission) if previous is not None else {}
    )
    claimed: set[int] = set()
    added: dict[tuple[int, int], int] = {}  # (paragraph, numbered like) → new ones placed after it so far
    introduced: list[tuple[str, Placement]] = []  # new paragraphs placed beside their own subject so far
    out: dict[str, Placement] = {}

    # What the previous round had goes back first: the drafter's own words, where they stood ('OP 7 bis',
    # before the new paragraphs after OP 7); then by severity.
    def _condition(f: Finding) -> Placement | None:
        """The paragraph giving support without the rule's condition, amended (amend.with_condition), where
        judging the draft with it shows the support covered at no cost."""
        fix = with_condition(document, f, claimed)
        if fix is None or fix.paragraph is None:
            return None
        if verifier is not None and not verifier.keeps_condition(fix, paragraphs[fix.paragraph].ref or ""):
            return None
        claimed.add(fix.paragraph)
        return fix

    order = sorted(report.findings, key=lambda f: (f.rule not in restoring, f.severity.rank, -f.verdict.rank))
    for f in order:
        # Support a paragraph gives without the rule's condition: that paragraph amended with the draft's own
        # words for it, met or not (trial 15 F2: another paragraph meeting the rule does not cover it, and a
        # new paragraph restating the policy is not what a drafter tables). What the previous round had comes
        # back first; where the rule is still short after the condition, its own fix follows.
        if f.rule not in restoring and (condition := _condition(f)) is not None:
            if f.verdict.value == "met" or (verifier is not None and verifier.current.get(f.rule, 9) == 0):
                out[f.rule] = condition
                continue
            out[f"{f.rule} {CONDITION}"] = condition
        if f.verdict.value == "met" or not f.suggestion:
            continue
        text = own_terms(f.suggestion, document)
        protected = {i for i, rules in evidence_of.items() if rules - {f.rule}}
        tries: list[Placement] = [a for a in agreements.get(f.rule, []) if a.paragraph not in claimed]
        tries += [  # a paragraph claimed by another fix is not replaced again; one may still follow it
            numbered(document, r, added)
            for r in restoring.get(f.rule, [])
            if r.action == "insert" or r.paragraph not in claimed
        ]
        replacement = replacement_of(document, f, text, protected, claimed, mission)
        amended = amend(document, f, text, judge, claimed, mission) if judge is not None else None
        # The paragraph with only what it lacks, before a near-copy of it is added, and before the rule's
        # wording in its place: the drafter's correct words stay (a stronger verb alone comes first).
        if replacement is not None and not replacement.verb_only:
            tries += [x for x in (amended, replacement) if x is not None]
        else:
            tries += [x for x in (replacement, amended) if x is not None]
        priority = priority_item(document, f, text, mission, added)  # the draft's list of its priorities
        if priority is not None:
            tries.append(priority)
        lead = list_lead(document, f, text)  # the draft has the list the suggestion would set up
        if lead is not None:
            tries.append(numbered(document, lead, added))
        task = task_item(document, f, text, related, added)
        if task is not None:
            tries.append(task)
        reports = beside_reports(document, f, text, related)  # beside the draft's request for reports
        if reports is not None:
            tries.append(numbered(document, reports, added))
        inserted, on_subject = insertion_for(
            document,
            f,
            text,
            operative,
            related,
            headings,
            seized,
            introducing(f, text, introduced, related),
            mission,
            added,
        )
        tries.append(inserted)
        if verifier is not None and verifier.current.get(f.rule, 9) == 0:
            # already met by a fix proposed for another rule: say so rather than add text twice
            by = verifier.covered_by.get(f.rule)
            title = next(
                (g.title for g in report.findings if by is not None and g.rule == by.rule), "another gap"
            )
            out[f.rule] = Placement(f.rule, "covered", f"Met by the language proposed for “{title}”", by.text if by else "",
                                    [], None)  # fmt: skip
            continue
        chosen = next((t for t in tries if verifier is None or verifier.keeps(t)), None)
        if chosen is None:
            continue  # nowhere does this text help without costing another recommendation
        if chosen.action in ("replace", "agree", "reject") and chosen.paragraph is not None:
            claimed.add(chosen.paragraph)
        if chosen.action in ("insert", "add") and chosen.paragraph is not None and chosen.like is not None:
            key = (chosen.paragraph, chosen.like)
            added[key] = added.get(key, 0) + 1  # the next one there: '(h)', '(i)'
        if chosen is inserted and on_subject:
            introduced.append((f.theme, chosen))
        out[f.rule] = chosen
        if f.rule in restoring and (condition := _condition(f)) is not None:
            out[f"{f.rule} {CONDITION}"] = condition
    return out
