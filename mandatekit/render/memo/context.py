"""The memo's context: one dict every format renders from — the head (to, subject, the draft's status),
the summary and assessment, the gaps and asks, the sources annex, the decisions trail — with text from the
draft made safe for Word's XML. Built once; the formats only lay it out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mandatekit import __version__
from mandatekit.clock import now as memo_date
from mandatekit.compare import Comparison
from mandatekit.errors import shown
from mandatekit.judge import Report
from mandatekit.read.model import Document, Kind
from mandatekit.render.accepted import Judge
from mandatekit.render.crossrefs import renumbered
from mandatekit.render.crossrefs import sentence as renumbered_sentence
from mandatekit.render.memo.assessment import (
    SEVERITIES,
    _asks,
    _assessment,
    _pending_sentence,
    _settled_sentence,
)
from mandatekit.render.memo.finding import _finding, made_elsewhere
from mandatekit.render.memo.words import citation, in_words, number
from mandatekit.render.placement import place
from mandatekit.textnorm import xml_safe

NO_AUTHOR = "[Your name]"


def mission_line(report: Report, with_note: bool = True) -> str:
    """The memo head's Mission: what the mission is, for a delegation ("ATMIS (Somalia)"). How its profile was
    chosen ("Chosen by --profile", "Detected from the draft: ...") is the terminal's and the JSON's (trial 11:
    command-line words in a memo sent as it is)."""
    info = report.mission
    if info is None:
        return report.profile or ""
    if info.how == "generic" or not info.mission:
        where = f" (the draft names {info.country}, which several missions serve)" if info.country else ""
        head = f"No mission named{where}: the language proposed says “the Mission”, “the host State”."
    else:
        head = f"{info.mission} ({info.country})" if info.country else info.mission
        head += f", led by {info.led_by}." if info.led_by else "."
        if info.warning:
            head += f" The draft never names {info.mission}."
    # `with_note=False`: the mission only, for readers outside the sender's office (`addressed`)
    return " ".join(x for x in (head, report.written_for if with_note else None) if x)


AUDIENCES = ("team", "delegations")
DELEGATIONS_TO = "Security Council delegations"
OUTSIDE_SOURCES = (
    "The recommendations checked are drawn from published civil-society recommendations on peace operations' "
    "mandates, applied to this draft in general terms."
)


def addressed(context: dict[str, Any], *, memo_to: str | None = None, author: str | None = None,
              audience: str = "team") -> dict[str, Any]:  # fmt: skip
    """The memo's context with its head filled in (`memo_to`, `author`: what --to/--author and the web
    page's fields give) and, for `audience` 'delegations', rewritten for readers outside the sender's
    office: no file name, no tool's note on where the recommendations were written (the Mission row keeps
    the mission), no source made for another mission cited or quoted (one neutral sources note instead),
    no internal decisions trail. The team's memo keeps all of that: where each recommendation comes from."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    out = dict(context)
    if audience == "delegations":
        outside = context["outside"]
        marked = {"findings", "scorecard", "gaps", "key_gaps", "met", "asks"}
        for key in marked & out.keys():
            out[key] = [{**f, "cite": f.get("cite_outside", f.get("cite", "")), "sources_elsewhere": []}
                        for f in out[key]]  # fmt: skip
        kept = [x for x in context["sources"] if not x.get("elsewhere")]
        out.update(
            memo_to=DELEGATIONS_TO,
            mission_line=outside["mission_line"],
            draft_status=outside["draft_status"] or "Read as circulated.",
            draft_name=outside["label"],
            memo_title=outside["memo_title"],
            subtitle=outside["subtitle"],
            subject=outside["subject"],
            footer_text=outside["footer_text"],
            sources=kept,
            sources_note=OUTSIDE_SOURCES if len(kept) < len(context["sources"]) else "",
            decisions=[],
        )
        previous = out.get("previous")
        if previous and Path(str(previous.get("name", ""))).suffix:  # the earlier round named by its file
            out["previous"] = {**previous, "name": "the previous text"}
    if memo_to and memo_to.strip():
        out["memo_to"] = _clean(memo_to.strip())
    if author and author.strip():
        out["author"] = _clean(author.strip())
    out["audience"] = audience
    return out


def _draft_status(doc: Any, name: str, document: Document | None, with_file: bool = True) -> str:
    # The memo head's Subject names the draft (its title and symbol, else its file): not said again here.
    # `with_file=False`: a memo for readers outside the sender's office names no file of theirs.
    clauses = [f"file {name}"] if doc.title and with_file else []
    if doc.date:
        clauses.append(f"dated {doc.date}")
    n = document.pending_changes if document is not None else 0
    if n:
        clauses.append(f"read with {number(n)} pending tracked change{'s' if n != 1 else ''} accepted")
    text = ", ".join(clauses)
    text = text[:1].upper() + text[1:] + ("." if text else "")
    if document is None:
        return text
    bracketed = [p.ref for p in document.paragraphs if p.brackets and p.ref]
    if bracketed:
        text += f" Text in square brackets (not yet agreed): {', '.join(dict.fromkeys(bracketed))}."
    from mandatekit.render.agreement import by_whom, deleted_name, whole_deletions

    changed, deleted = [], []
    for p in document.paragraphs:
        if not p.changes:
            continue
        whole = whole_deletions(p)
        for c in whole:
            name = deleted_name(p, c)[0] if p.ref else f"the paragraph before {_named(p)}"
            deleted.append(name + by_whom([c]))
        if len(whole) < len(p.changes):
            changed.append(_named(p) + by_whom([c for c in p.changes if c not in whole]))
    if changed:
        text += f" Pending changes in {', '.join(dict.fromkeys(changed))}."
    if deleted:
        text += f" Pending deletion of {', '.join(dict.fromkeys(deleted))}."
    if changed or deleted:
        text += " Paragraph numbers in this memo are those of the draft with every pending change accepted."
    return text.strip()


def _named(p: Any) -> str:
    """A paragraph as the memo names it: its reference, else a heading by its words, else what it is."""
    if p.ref:
        return str(p.ref)
    if p.kind == Kind.heading:
        words = p.text.split()
        return "the heading “" + " ".join(words[:8]) + (" …" if len(words) > 8 else "") + "”"
    return {Kind.front_matter: "the front matter", Kind.annex: p.annex or "the annex"}.get(p.kind, "the text")


def memo_context(
    report: Report,
    *,
    title: str | None = None,
    author: str | None = None,
    sources: list[dict[str, Any]] | None = None,
    rules: list[Any] | None = None,
    profile_name: str | None = None,
    document: Document | None = None,
    memo_to: str | None = None,
    judge: Judge | None = None,
    place_fixes: bool = True,
    previous_round: tuple[Document, Report] | None = None,
    previous_comparison: Comparison | None = None,
) -> dict[str, Any]:
    """The memo's values. `place_fixes=False`: every value but where each suggestion goes and what the
    assessment says of the fixes (renumbering, pending changes), for a page shown before they are worked out."""
    doc = report.document
    name = Path(doc.path).name if doc.path else "draft"
    s = report.summary
    placements = (
        place(report, document, judge, previous=previous_round, comparison=previous_comparison)
        if document is not None and place_fixes
        else {}
    )
    registered = list(sources or [])
    cited = {src.id for f in report.findings for src in f.sources}
    registered += [{"id": i, "title": i} for i in sorted(cited - {x["id"] for x in registered})]
    short = {x["id"]: f"S{n + 1}" for n, x in enumerate(registered)}
    findings = [_finding(f, placements.get(f.rule), short, document) for f in report.findings]
    made_for = {src.id: m for f in report.findings for src in f.sources if (m := made_elsewhere(src))}
    annex_quotes = {
        a.id: [{"quote": q.quote, "title": q.title} for q in a.quotes] for a in report.sources_annex
    }
    # A gap the drafting team settled (accepted, not applicable, or judged met) and that is not stale is
    # out of the gaps, the asks and the counts; the memo says so, and the decisions table keeps the trail.
    settled = {
        f.rule: f.verdict.value
        for f in report.findings
        if f.decision is not None and f.verdict.value != "met" and f.decision.effective is not None
        and f.decision.effective.value == "met"
    }  # fmt: skip
    if settled:
        s = s.model_copy(
            update={
                "met": s.met + len(settled),
                "partial": s.partial - sum(v == "partial" for v in settled.values()),
                "missing": s.missing - sum(v == "missing" for v in settled.values()),
            }
        )
    # Gaps keep the scorecard's order (most severe first), so "#" there runs 1, 2, 3 down the table.
    gaps = sorted(
        (f for f in findings if f["verdict"] != "met" and f["rule"] not in settled),
        key=lambda f: SEVERITIES.index(f["severity"]),
    )
    for n, g in enumerate(gaps):
        g["number"] = n + 1
    key_gaps = [f for f in gaps if f["severity"] in ("critical", "high")]
    total = len(findings)
    summary = (
        f"Of the {total} recommendations checked, the draft meets {number(s.met)}, meets {number(s.partial)} in "
        f"part and misses {number(s.missing)}."
    )
    if key_gaps:
        n = len(key_gaps)
        summary += (
            f" {in_words(n).capitalize()} critical or high-severity "
            f"gap{'s need' if n != 1 else ' needs'} attention before the draft goes out:"
        )
    elif gaps:
        summary += " No critical or high-severity gap remains."
    else:
        summary += " It meets every recommendation checked."
    subject = (doc.title or name) + (f" ({doc.symbol})" if doc.symbol else "")
    label = doc.symbol or doc.title or "the draft"  # what a reader outside the office knows it by
    status = " ".join(x for x in (_draft_status(doc, name, document), report.renewal) if x)
    context = {
        "memo_title": title or f"Gap analysis: {doc.symbol or doc.title or name}",
        "subtitle": doc.title or name,
        "memo_to": memo_to or "The drafting team",
        "subject": subject,
        "draft_status": status,
        "mission_line": mission_line(report),
        "mission": report.mission.model_dump() if report.mission else None,
        "pending_changes": document.pending_changes if document is not None else 0,
        "draft_name": name,
        "symbol": doc.symbol or "—",
        "draft_date": doc.date or "—",
        "date": memo_date().strftime("%d %B %Y").lstrip("0"),
        "rulebook": f"mandatekit {__version__}, {total} rules",
        "profile": profile_name or report.profile or "—",
        # A memo goes out under a person's or an office's name, which only the user knows: without --author
        # the head holds a placeholder the sender sees to fill in; "mandatekit" stays the file's creator.
        "author": author or NO_AUTHOR,
        "summary": s.model_dump(),
        "summary_text": summary,
        "assessment": _assessment(
            s, total, gaps, [{**f, "verdict": "met"} if f["rule"] in settled else f for f in findings]
        )
        + _settled_sentence(settled, findings)
        + (
            renumbered_sentence(renumbered(document, list(placements.values())))
            if document is not None and place_fixes
            else ""
        )
        + (
            _pending_sentence(report, document, judge)
            if document is not None and judge is not None and place_fixes
            else ""
        ),
        "asks": _asks(gaps, findings),
        # Rule id → where its fix goes, as placed here: `check`'s fixes are made of the same (render/fixes.py;
        # the web server's report.json reuses them). None: not placed (`place_fixes=False`, no document).
        "placed": placements if document is not None and place_fixes else None,
        "findings": findings,
        "scorecard": findings,
        "gaps": gaps,
        "key_gaps": key_gaps,
        "met": [f for f in findings if f["verdict"] == "met"],
        "sources": [
            {
                "id": x["id"],
                "short": short[x["id"]],
                "title": x.get("title", x["id"]),
                "author": x.get("author", ""),
                "date": x.get("date", ""),
                "citation": citation(x),  # "Paolo Caruso, 2022", "Global Centre ..., 27 January 2021"
                "quotes": annex_quotes.get(x["id"], []),
                "elsewhere": x["id"] in made_for,  # made for another mission: out of a memo for delegations
            }
            for x in registered
            if x["id"] in cited or not cited
        ],
        # One line before the annex's quotes of another mission's sources (Bangui, FACA ...): whose they are.
        "sources_note": (
            f"These sources were written for {' and '.join(sorted(set(made_for.values())))}'s renewal; this memo "
            "applies their recommendations in general terms."
            if made_for
            else ""
        ),
        "rules": [{"id": r.id, "title": r.title, "severity": r.severity.value} for r in (rules or [])],
        "rules_text": "; ".join(f"{r.id} ({r.severity.value})" for r in (rules or [])),
        "warnings": report.warnings,
        "footer_text": f"Gap analysis of {doc.symbol or name}",
        "previous": None,  # set when the memo is written from a comparison (mandatekit compare -o)
        # The head and names for readers outside the sender's office (`addressed(audience="delegations")`).
        "outside": {
            "mission_line": mission_line(report, with_note=False),
            "draft_status": " ".join(
                x for x in (_draft_status(doc, name, document, with_file=False), report.renewal) if x
            ),
            "label": label,
            "memo_title": title or f"Gap analysis: {label}",
            "subtitle": doc.title or label,
            "subject": (doc.title or "Draft resolution") + (f" ({doc.symbol})" if doc.symbol else ""),
            "footer_text": f"Gap analysis of {label}",
        },
        "decisions": [  # the drafting team's recorded decisions, as an audit trail
            {
                "title": f.title,
                "verdict": f.verdict.value,
                "decision": f.decision.decision,
                "why": f.decision.why,
                "by": f.decision.by,
                "date": f.decision.date,
                "origin": f.decision.origin,  # on an earlier revision: which, and how it was told one
                "stale": f.decision.stale or "",
            }
            for f in report.findings
            if f.decision is not None
        ],
    }
    return _clean(context)


def with_previous(context: dict[str, Any], previous: dict[str, Any]) -> dict[str, Any]:
    """The memo of the new draft with what changed since the previous one: a change column in the scorecard."""
    by_rule = {c["rule"]: c for c in previous.get("changes", [])}

    def mark(f: dict[str, Any]) -> dict[str, Any]:
        c = by_rule.get(f["rule"])
        if c is None:
            return {**f, "change": ""}
        # The verdict held, its evidence did not: say what befell it ("▽ evidence weakened, still partial").
        if c["old"] == c["new"]:
            return {**f, "change": f"{c['arrow']} {c['status']}, still {c['new']}"}
        return {**f, "change": f"{c['arrow']} was {c['old']}"}

    lists = ("findings", "scorecard", "gaps", "key_gaps", "met", "asks")
    return {
        **context,
        **{k: [mark(f) for f in context[k]] for k in lists if k in context},
        "previous": previous,
    }


def _clean(value: Any) -> Any:
    """Text taken from a draft may hold control characters that would corrupt Word's XML: drop them."""
    if isinstance(value, str):
        return shown(xml_safe(value))
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
