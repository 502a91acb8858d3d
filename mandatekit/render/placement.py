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

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Literal

from mandatekit.compare import Comparison, DiffPiece, text_similarity
from mandatekit.judge import Finding, Report
from mandatekit.read.model import Document, Kind, Paragraph, VerbClass
from mandatekit.read.verbs import VERB_CLASS, leading_verb
from mandatekit.render.accepted import AcceptedReader, Judge, judge_versions
from mandatekit.render.narrowed import redline
from mandatekit.render.terms import own_terms as own_terms  # re-exported: placed text, draft's terms

Action = Literal["replace", "insert", "add", "agree", "reject", "covered"]
REPLACE_SIMILARITY = 0.4  # below this the suggestion is another paragraph, not a better version of this one
MAX_SUBJECT_PLACES = 2  # a subject the draft speaks of in at most this many operative paragraphs has a place
NEAREST = 3  # ... and is among this many paragraphs most related to the suggestion
MIN_RELATED = 1.0  # weighted shared words a paragraph needs to count as related (see _related)
# New paragraphs after one paragraph ('7 bis', '7 ter', '7 quater'): past this many, the next goes beside the
# next paragraph its words point to. Nine after OP 7, up to '7 decies', is no text anyone tables (trial 12, F10).
# A group is no pile: the new paragraph that introduces a subject and those that follow it up (_introducing),
# the mandate's own tasks after the mandate paragraph (mandate.py); nor is a short draft with no other place.
MAX_PILE = 3
_WORD = re.compile(r"[a-z]{4,}")
_STOP = frozenset(
    ["that", "this", "with", "from", "their", "them", "they", "have", "been", "which", "shall", "other",
     "including", "under", "such", "into", "also", "within", "these", "those", "upon", "where", "when"]
)  # fmt: skip
_SEIZED = re.compile(r"\bremain\s+(?:actively\s+)?seized\b", re.IGNORECASE)
_AT_LEAST = re.compile(r"at least '([A-Za-z]+(?: upon| on)?)'")
# Verbs that take an object and an infinitive ("Requests MINUSCA to ...") and so can stand in for each other.
_OBJECT_TO = {
    VerbClass.requests: "Requests",
    VerbClass.calls: "Calls upon",
    VerbClass.encourages: "Encourages",
}


@dataclass(frozen=True)
class Placement:
    """Where one finding's suggestion goes, and what the paragraph reads afterwards."""

    rule: str
    action: Action
    where: str = field(metadata={"doc": "'Replace OP 7', 'Insert after OP 3', 'Add under “Status of ...”'"})
    text: str  # the new paragraph as it would read (for replace: the whole paragraph after the change)
    pieces: list[DiffPiece]  # word-level redline, current → new (an insertion is one inserted piece)
    paragraph: int | None  # replace: the paragraph replaced; insert/add: the paragraph the new one follows
    like: int | None = None  # insert/add: the paragraph whose numbering and formatting the new one copies
    anchor: str = ""  # words of `paragraph` a comment hangs on ('' = the whole paragraph)
    heading: str | None = None  # add: the heading it goes under
    result: str | None = None  # agree/reject: the paragraph's text once agreed or rejected (nothing is typed)
    secures: str = ""  # agree/reject: what it would secure ('would make the draft meet this recommendation')
    whole_paragraph: bool = False  # reject: the pending change deletes a whole paragraph (before `paragraph`)
    number: str | None = None  # insert/add: the new paragraph's number ('(h)', '(g bis)', '8 bis.'; tasks.py)

    @property
    def verb_only(self) -> bool:
        changed = [p for p in self.pieces if p.op != "equal"]
        return self.action == "replace" and len(changed) == 2 and len(self.pieces) <= 4


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


class _Relatedness:
    """Shared words weighted by rarity in the draft: 'MINUSCA' in every paragraph says little, 'vetting' a lot."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.bags = {p.index: set(_words(p.text)) for p in paragraphs}
        df = Counter(w for bag in self.bags.values() for w in bag)
        n = max(len(self.bags), 1)
        self.weight = {w: math.log(1 + n / c) for w, c in df.items()}

    def score(self, index: int, query: set[str]) -> float:
        # fsum, not sum: a set's order follows the hash seed, and float sums in another order can differ in
        # the last bit and break a tie the other way: the same draft placed its fix elsewhere in some runs.
        return math.fsum(self.weight.get(w, 0.0) for w in self.bags.get(index, set()) & query)


def _top(document: Document, p: Paragraph) -> Paragraph:
    while p.parent is not None:
        p = document.paragraphs[p.parent]
    return p


def _last_descendant(document: Document, p: Paragraph) -> Paragraph:
    last = p
    for q in document.paragraphs[p.index + 1 :]:
        if q.kind is not Kind.operative or not _descends(document, q, p.index):
            break
        last = q
    return last


def _descends(document: Document, q: Paragraph, ancestor: int) -> bool:
    while q.parent is not None:
        if q.parent == ancestor:
            return True
        q = document.paragraphs[q.parent]
    return False


# A hedge as the judge names it: "'as appropriate' (OP 29) qualifies the commitment".
_NAMED_HEDGE = re.compile(r"'(.+?)' \((.+?)\) qualifies the commitment(?: only in its clause .*)?")


def _without_hedges(text: str, f: Finding, ref: str | None) -> str:
    """`text` without the hedges the finding names in this paragraph: a replacement that strengthens the verb
    must not keep the 'as appropriate' the same section names as a shortfall. A hedge set off by commas goes
    with its commas ("to report, as appropriate, violations" → "to report violations")."""
    for hedge in f.hedges:
        m = _NAMED_HEDGE.fullmatch(hedge)
        if m is None or m.group(2) != ref:
            continue
        words = r"\s+".join(re.escape(w) for w in m.group(1).split())
        for pattern, by in (
            (rf",\s*{words}\s*,\s*", " "),
            (rf",\s*{words}(?=\s*[;.:]|\s*$)", ""),
            (rf"\s*\b{words}\b", ""),
        ):
            text, n = re.subn(pattern, by, text, count=1, flags=re.IGNORECASE)
            if n:
                break
    return text


def _swap_verb(p: Paragraph, f: Finding, mission: str | None = None) -> str | None:
    """The paragraph with a stronger verb of the same construction, if lack of force is what holds it back.
    The Council requests only the bodies it tasks: to the parties, Member States or the host authorities
    the stronger verb is 'Demands that ...' (render/addressee.py)."""
    if p.verb_inherited or not p.verb or p.verb_class is None or not p.text.startswith(p.verb):
        return None
    wanted = leading_verb(f.suggestion)
    hint = next((m.group(1) for r in f.reasons if (m := _AT_LEAST.search(r))), None)
    target = hint if hint and VERB_CLASS.get(hint.lower()) else None
    if target is None and wanted is not None and wanted.verb_class in _OBJECT_TO:
        target = _OBJECT_TO[wanted.verb_class]
    if target is None and wanted is not None and wanted.verb_class is VerbClass.decides:
        target = "Requests"  # "Decides" does not take "MINUSCA to ...": the weakest verb that mandates does
    if target is None:
        return None
    target_class = VERB_CLASS[target.lower()]
    if target_class.strength <= p.verb_class.strength or target_class not in _OBJECT_TO:
        return None
    if p.verb_class not in _OBJECT_TO:
        return None  # "Notes ..." / "Decides that ...": another construction, a verb swap would not read
    if target_class is VerbClass.requests:
        from mandatekit.render.addressee import addressee, as_demand, council_tasks

        who = addressee(p.text, p.verb)
        if who is not None and not council_tasks(who, mission):
            demand = as_demand(p.text, p.verb)  # "Requests all parties to allow" is not the Council's
            return _without_hedges(demand, f, p.ref) if demand is not None else None
    return _without_hedges(target + p.text[len(p.verb) :], f, p.ref)


def _ranks(report: Report) -> dict[str, int]:
    return {f.rule: f.verdict.rank for f in report.findings}


class _Verifier:
    """Re-judges the draft with the fixes kept so far and one more; keeps it only if it helps and costs nothing."""

    def __init__(self, document: Document, judge: Judge) -> None:
        self.document, self.reader = document, AcceptedReader(document)
        self.kept: list[Placement] = []
        self.covered_by: dict[str, Placement] = {}  # rule → the fix for another rule that also improved it
        report, self.judge = judge_versions(judge, self.reader.base)
        self.current = _ranks(report)

    def _ranks(self, placements: list[Placement]) -> dict[str, int]:
        return _ranks(self.judge(self.reader.read(placements)))

    def verdicts(self, placements: list[Placement]) -> dict[str, int]:
        return self._ranks([*self.kept, *placements])

    def keeps(self, placement: Placement) -> bool:
        ranks = self.verdicts([placement])
        better = ranks.get(placement.rule, 9) < self.current.get(placement.rule, 9)
        if not better or any(ranks.get(rule, 9) > rank for rule, rank in self.current.items()):
            return False
        self.kept.append(placement)
        for rule, rank in ranks.items():
            if rank < self.current.get(rule, 9) and rule != placement.rule:
                self.covered_by.setdefault(rule, placement)
        self.current = ranks
        return True


def _agreements(document: Document, verifier: _Verifier) -> dict[str, list[Placement]]:
    """Rule → the brackets to agree or pending changes to reject that would improve it on their own."""
    from mandatekit.render.agreement import candidates, secures

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
    from mandatekit.render.agreement import candidates

    titles = {f.rule: f.title for f in report.findings}
    verifier = _Verifier(document, judge)
    out: dict[str, list[str]] = {}
    for a in candidates(document):
        if a.kind != "reject":
            continue
        probe = Placement("", "reject", a.where, a.words, [], a.paragraph, result=a.result)
        ranks = verifier.verdicts([probe])
        lost = [titles[r] for r, rank in ranks.items() if rank > verifier.current.get(r, 9) and r in titles]
        if lost:
            out[a.where.replace("Reject the", "Accept the", 1)] = lost
    return out


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
    related = _Relatedness(operative)
    headings = [p for p in paragraphs if p.kind is Kind.heading]
    evidence_of: dict[int, set[str]] = {}
    for f in report.findings:
        for e in f.evidence:
            evidence_of.setdefault(e.paragraph, set()).add(f.rule)
    from mandatekit.render.amend import amend  # amend and tasks build on this module's helpers
    from mandatekit.render.reports import beside_reports
    from mandatekit.render.tasks import list_lead, numbered, task_item

    verifier = _Verifier(document, judge) if judge is not None else None
    mission = report.mission.mission if report.mission is not None else None
    agreements = _agreements(document, verifier) if verifier is not None else {}
    from mandatekit.render.restore import restorations

    restoring = (
        restorations(document, report, previous, comparison, judge, mission) if previous is not None else {}
    )
    claimed: set[int] = set()
    added: dict[tuple[int, int], int] = {}  # (paragraph, numbered like) → new ones placed after it so far
    introduced: list[tuple[str, Placement]] = []  # new paragraphs placed beside their own subject so far
    out: dict[str, Placement] = {}
    # What the previous round had goes back first: the drafter's own words, where they stood ('OP 7 bis',
    # before the new paragraphs after OP 7); then by severity.
    order = sorted(report.findings, key=lambda f: (f.rule not in restoring, f.severity.rank, -f.verdict.rank))
    for f in order:
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
        replacement = _replace(document, f, text, protected, claimed, mission)
        amended = amend(document, f, text, judge, claimed, mission) if judge is not None else None
        # The paragraph with only what it lacks, before a near-copy of it is added, and before the rule's
        # wording in its place: the drafter's correct words stay (a stronger verb alone comes first).
        if replacement is not None and not replacement.verb_only:
            tries += [x for x in (amended, replacement) if x is not None]
        else:
            tries += [x for x in (replacement, amended) if x is not None]
        from mandatekit.render.mandate import priority_item

        priority = priority_item(
            document, f, text, mission, added
        )  # the draft's list of the mission's priorities
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
        inserted, on_subject = _insert(
            document,
            f,
            text,
            operative,
            related,
            headings,
            seized,
            _introducing(f, text, introduced, related),
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
    return out


def _replace(
    document: Document,
    f: Finding,
    text: str,
    protected: set[int],
    claimed: set[int],
    mission: str | None = None,
) -> Placement | None:
    """Replace the operative paragraph holding the evidence, when the suggestion is a better version of it."""
    counts = Counter(
        e.paragraph for e in f.evidence if document.paragraphs[e.paragraph].kind is Kind.operative
    )
    if not counts:
        return None
    index = counts.most_common(1)[0][0]
    p = document.paragraphs[index]
    if index in claimed or p.brackets:
        return None  # the drafter's bracketed words are the negotiation's: never rewritten here
    anchor = next((e.text for e in f.evidence if e.paragraph == index), "")
    swapped = _swap_verb(p, f, mission)
    if (
        swapped is not None
        and index not in protected
        and len({e.element for e in f.evidence if e.paragraph == index}) >= 2
    ):
        return Placement(f.rule, "replace", f"Replace {p.ref}", swapped, redline(p.text, swapped), index,
                         anchor=p.verb or anchor)  # fmt: skip
    from mandatekit.render.tasks import is_task_item, task_form

    has_children = any(q.parent == index for q in document.paragraphs)
    task = task_form(text, document) if is_task_item(p) else None
    if (
        task is not None
        and not has_children
        and index not in protected
        and text_similarity(p.text, task) >= REPLACE_SIMILARITY
    ):
        return Placement(
            f.rule, "replace", f"Amend {p.ref}", task, redline(p.text, task), index, anchor=anchor
        )
    top_level = p.parent is None and not p.verb_inherited and leading_verb(f.suggestion) is not None
    if (
        top_level
        and not has_children
        and index not in protected
        and text_similarity(p.text, text) >= REPLACE_SIMILARITY
    ):
        return Placement(f.rule, "replace", f"Replace {p.ref}", text, redline(p.text, text),
                         index, anchor=anchor)  # fmt: skip
    return None


def _introducing(
    f: Finding, text: str, introduced: list[tuple[str, Placement]], related: _Relatedness
) -> Placement | None:
    """The new paragraph, if any, that introduces what this suggestion speaks of and the draft never says:
    one on the same theme that shares a word no operative paragraph of the draft has ('diligence')."""
    unsaid = set(_words(text)) - set(related.weight)
    shared = [
        (len(unsaid & set(_words(p.text))), -n, p)
        for n, (theme, p) in enumerate(introduced)
        if theme == f.theme
    ]
    best = max(shared, default=None, key=lambda t: (t[0], t[1]))
    return best[2] if best is not None and best[0] >= 1 else None


def _insert(
    document: Document,
    f: Finding,
    text: str,
    operative: list[Paragraph],
    related: _Relatedness,
    headings: list[Paragraph],
    seized: Paragraph | None,
    beside: Placement | None = None,
    mission: str | None = None,
    added: dict[tuple[int, int], int] | None = None,
) -> tuple[Placement, bool]:
    """Where a new paragraph goes, and whether that is beside the draft's paragraph on its subject."""
    crowded = {like for (_, like), n in (added or {}).items() if n >= MAX_PILE}
    pl, on_subject = _insert_at(
        document, f, text, operative, related, headings, seized, beside, mission, crowded
    )
    from mandatekit.render.mandate import after_mandate, mandate_paragraph
    from mandatekit.render.tasks import numbered

    # The mandate's own tasks go after the mandate paragraph however many: a group, not a pile.
    pl = after_mandate(document, pl, mandate_paragraph(operative, mission), text, mission, on_subject)
    return numbered(document, pl, added or {}), on_subject


def _insert_at(
    document: Document,
    f: Finding,
    text: str,
    operative: list[Paragraph],
    related: _Relatedness,
    headings: list[Paragraph],
    seized: Paragraph | None,
    beside: Placement | None,
    mission: str | None,
    crowded: set[int] | None = None,
) -> tuple[Placement, bool]:
    crowded = crowded or set()  # paragraphs with MAX_PILE new ones after them already
    query = set(_words(f"{f.title} {f.theme} {f.recommendation} {f.suggestion}"))
    evidence = {e.paragraph for e in f.evidence}
    candidates = [p for p in operative if p is not seized]
    scored = [
        (related.score(p.index, query) + (2.0 if p.index in evidence else 0.0), -p.index, p)
        for p in candidates
    ]
    # A new paragraph goes beside the draft's paragraph on its subject (where the rule's topic is found: the
    # support to national forces for a condition on that support), the most related of them; only where the
    # draft never speaks of it, beside the paragraph whose words it shares most.
    # Only a paragraph of its own or one of the mission's tasks ("To ensure that any support ...") speaks of
    # the subject for this: an item of another list (the acts a sanctions regime targets) is that list's.
    from mandatekit.render.tasks import is_task_item

    # And only a paragraph on the mission itself ('Decides that UNMISS shall have the following mandate',
    # 'the SOFA ... for UNMIS'): the same subject in a sanctions measure or a demand on an armed group is
    # another part of the resolution.
    on_mission = re.compile(rf"\b(?:{re.escape(mission)}|the Mission)\b") if mission else None
    on_subject = {
        i
        for i in f.subject_at
        if ((q := document.paragraphs[i]).parent is None or is_task_item(q))
        and on_mission is not None
        and on_mission.search(_top(document, q).text)
    }
    if len({_top(document, document.paragraphs[i]).index for i in on_subject}) > MAX_SUBJECT_PLACES:
        on_subject = set()  # spoken of all over the draft: that says nothing of where a new paragraph goes
    # ... and among the paragraphs its words point to most: a subject word in a paragraph otherwise on
    # another matter ('the Disengagement of Forces Agreement') does not outweigh them.
    near = sorted((t[0] for t in scored), reverse=True)[:NEAREST]
    of_subject = [t for t in scored if t[2].index in on_subject and t[0] >= max(MIN_RELATED, near[-1])]
    best_score, _, best = max(of_subject or scored, default=(0.0, 0, None), key=lambda t: (t[0], t[1]))
    pieces = [DiffPiece(op="insert", text=text)]
    if not of_subject and beside is not None and beside.like is not None:
        # Nothing on its subject in the draft, but a new paragraph introduces it: with that paragraph (the
        # mitigating measures under the HRDDP after the HRDDP condition on support), not among others.
        return replace(beside, rule=f.rule, text=text, pieces=pieces), False
    is_task = leading_verb(f.suggestion) is None and f.suggestion[:3].lower() == "to "
    subject = set(_words(f"{f.title} {f.theme}"))
    # The heading on its subject, and the paragraphs under it: where a draft repeats a heading ('Human Rights'
    # over the political paragraphs, 'Human rights' over the mission's tasks), the one whose paragraphs are
    # most related to the suggestion.
    groups = []
    for n, h in enumerate(headings):
        shared = len(subject & set(_words(h.text)))
        end = headings[n + 1].index if n + 1 < len(headings) else len(document.paragraphs)
        members = [t for t in scored if h.index < t[2].index < end]
        if shared >= 2 and members:
            groups.append((shared, max(t[0] for t in members), -h.index, h, members))
    if groups:
        _, top_score, _, heading, under = max(groups, key=lambda g: g[:3])
        title = heading.text.rstrip(":").strip()
        same = [h for h in headings if h.text.rstrip(":").strip().lower() == title.lower()]
        # A heading on the very subject wins over a paragraph elsewhere that is not clearly more related.
        if (
            best is not None
            and best.index not in {t[2].index for t in under}
            and top_score >= 0.6 * best_score
        ):
            last_top = _top(document, under[-1][2])
            after = _last_descendant(document, last_top)
            where = f"Add under “{title}”" + (f" (after {last_top.ref})" if len(same) > 1 else "")
            return Placement(f.rule, "add", where, text, pieces, after.index,
                             like=last_top.index, heading=title), False  # fmt: skip
    if (
        best is not None
        and best_score >= MIN_RELATED
        and not is_task
        and _top(document, best).index in crowded
    ):
        # That paragraph has its few new ones already: the next one its words point to (on its subject
        # first), however slightly, rather than a longer pile.
        free = [t for t in (of_subject or scored) if _top(document, t[2]).index not in crowded and t[0] > 0]
        free = free or [t for t in scored if _top(document, t[2]).index not in crowded and t[0] > 0]
        if free:  # else every paragraph it relates to has its few already: the most related, as before
            best_score, _, best = max(free, key=lambda t: (t[0], t[1]))
            best_score = max(best_score, MIN_RELATED)
    if best is not None and best_score >= MIN_RELATED:
        if is_task:
            after, like, ref = _last_descendant(document, best), best, best.ref
        else:
            top = _top(document, best)
            after, like, ref = _last_descendant(document, top), top, top.ref
        placed = Placement(
            f.rule, "insert", f"Insert after {ref}", text, pieces, after.index, like=like.index
        )
        return placed, bool(of_subject)
    # Nothing related: at the end of the operative part, before "Decides to remain seized".
    tops = [p for p in candidates if p.parent is None] or [seized or operative[0]]
    last = tops[-1]
    after = _last_descendant(document, last)
    before_seized = seized is not None and seized.index > last.index
    where = f"Insert before {seized.ref}" if before_seized and seized else f"Insert after {last.ref}"
    return Placement(f.rule, "insert", where, text, pieces, after.index, like=last.index), False
