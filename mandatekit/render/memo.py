"""The gap-analysis memo: one context, rendered into Word (docxtpl over a Word template carrying Jinja2 tags),
Markdown or HTML (Jinja2 text templates). Templates live in templates/ and can be replaced with --template."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from mandatekit import __version__
from mandatekit.clock import now as memo_date
from mandatekit.errors import MandatekitError, shown
from mandatekit.judge import Finding, Report
from mandatekit.read.model import Document
from mandatekit.read.verbs import leading_verb
from mandatekit.render.accepted import Judge
from mandatekit.render.crossrefs import renumbered
from mandatekit.render.crossrefs import sentence as renumbered_sentence
from mandatekit.render.placement import Placement, place
from mandatekit.resources import data_dir
from mandatekit.textnorm import xml_safe

SHADE = {"met": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE"}
LABEL = {"met": "Met", "partial": "Partial", "missing": "Missing"}
SEVERITIES = ["critical", "high", "medium", "low"]
MAX_ASKS = 5
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """A count in words, as a sentence may not begin with a figure: 22 → 'twenty-two'."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")
    return str(n)


def number(n: int) -> str:
    """A count inside a sentence: words up to ten, figures above (UN editorial style)."""
    return _ONES[n] if n <= 10 else str(n)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


_UNAGREED = re.compile(r"stands only in (bracketed, unagreed text|a pending tracked change) in ([^:]+):")


def message(f: Finding) -> str:
    """The finding's message, following its reason: where the words that would meet a rule are there but
    in square brackets or a pending change, that is what the reader needs first — not the rule's message
    for a draft that asks nothing."""
    for reason in f.reasons:
        m = _UNAGREED.search(reason)
        if m is not None and f.verdict.value == "partial":
            where = "square brackets" if m.group(1).startswith("bracketed") else "a pending tracked change"
            return f"The words that would meet it are in the draft, but in {where} in {m.group(2)}: not yet agreed"
    return f.message


def readable_reasons(f: Finding) -> list[str]:
    """The reasons worth a reader's time beside the rule's own message. 'The draft has <element> and
    <element> (OP 8) but not <element>' is the judge listing element labels: the message already says it in
    the rule author's words, so the memo and the comments leave it out."""
    return [r for r in f.reasons if not r.startswith("The draft has ")]


def _where(f: Finding) -> str:
    return ", ".join(f.refs) or "—"


def _flags(f: Finding, document: Document | None) -> dict[str, list[str]]:
    """Evidence resting on text not yet agreed: in a pending tracked change or in square brackets; and what
    pending changes deleted from the paragraphs that carry it."""
    out: dict[str, list[str]] = {"pending": [], "brackets": [], "deleted": []}
    if document is None:
        return out
    for e in f.evidence:
        p = document.paragraphs[e.paragraph]
        if any(c.kind == "insert" and c.start < e.end and e.start < c.end for c in p.changes):
            out["pending"].append(e.ref)
        if p.in_brackets(e.start, e.end):
            out["brackets"].append(e.ref)
    for index in dict.fromkeys(e.paragraph for e in f.evidence):
        p = document.paragraphs[index]
        for c in p.changes:
            if c.kind == "delete":
                inserted = next(
                    (i.text for i in p.changes if i.kind == "insert" and i.start == c.start), None
                )
                what = f"a pending change in {p.ref} deletes “{c.text}”"
                out["deleted"].append(what + (f" for “{inserted}”" if inserted else ""))
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}


def _why(f: Finding, flags: dict[str, list[str]]) -> str:
    """Why a gap falls short, always said: the judge's reasons, the hedges, the brackets or pending changes
    its words stand in; failing those, what the rule found and did not find."""
    parts = [_sentence(r) for r in readable_reasons(f)] + [_sentence(h) for h in f.hedges]
    if flags["brackets"] and not any("bracket" in r.lower() for r in f.reasons):
        parts.append(
            f"The words that would meet it in {', '.join(flags['brackets'])} stand in square brackets."
        )
    if not parts and f.verdict.value != "met":
        parts = [_sentence(r) for r in f.reasons]
    if not parts and f.verdict.value == "missing":
        parts = ["No operative paragraph of the draft carries any of what this recommendation asks for."]
    elif not parts and f.verdict.value == "partial":
        where = ", ".join(f.refs)
        parts = [f"The draft has part of it{f' in {where}' if where else ''}, not all of it together in one "
                 "operative paragraph under a verb strong enough."]  # fmt: skip
    return " ".join(parts)


QUOTE_WORDS = 40  # words of a clause quoted as evidence, at most: the words found and a little either side


def cut_quote(context: str, words: str, limit: int = QUOTE_WORDS) -> str:
    """The clause carrying the evidence, cut to `limit` words around the words found."""
    split = context.split()
    if len(split) <= limit:
        return context
    found = words.split()
    at = next((i for i in range(len(split)) if split[i : i + len(found)] == found), None)
    if at is None:
        at = 0
    start = max(0, min(at - limit // 3, len(split) - limit))
    end = start + limit
    return ("… " if start else "") + " ".join(split[start:end]) + (" …" if end < len(split) else "")


def _draft_says(f: Finding, flags: dict[str, list[str]]) -> str:
    quotes: dict[str, str] = {}
    for e in f.evidence:
        quotes.setdefault(e.ref, cut_quote(e.context, e.text))
    parts = [_sentence(message(f))]
    if quotes:
        parts.append("; ".join(f"{ref} reads “{text.rstrip(';,:. ')}”" for ref, text in quotes.items()) + ".")
    if flags["pending"]:
        parts.append(f"The words in {', '.join(flags['pending'])} stand in a pending tracked change.")
    if flags["brackets"]:
        parts.append(f"The words in {', '.join(flags['brackets'])} are in square brackets, not yet agreed.")
    parts += [_sentence(d) for d in flags["deleted"]]
    return " ".join(parts)


def _finding(
    f: Finding, placement: Placement | None, short: dict[str, str], document: Document | None
) -> dict[str, Any]:
    # One quote per paragraph: the clause holding the evidence, in the draft's own words.
    quotes: dict[str, dict[str, str]] = {}
    for e in f.evidence:
        quotes.setdefault(f"{e.ref}|{e.context}", {"ref": e.ref, "text": cut_quote(e.context, e.text)})
    flags = _flags(f, document)
    where = _where(f)
    if flags["pending"] or flags["brackets"]:
        where += " (" + ", ".join(x for x, on in (("pending change", flags["pending"]),
                                                   ("in brackets", flags["brackets"])) if on) + ")"  # fmt: skip
    text = placement.text if placement else f.suggestion
    if placement is not None and placement.action in ("agree", "reject"):
        what = "Agreeing it" if placement.action == "agree" else "Rejecting it"
        words = "bracketed" if placement.action == "agree" else "concerned"
        text = f"{what} {placement.secures}. The words {words}: “{placement.text}”."
    elif placement is not None and placement.action == "covered":
        text = ("No language of its own: the language proposed for that gap also meets this recommendation "
                "(checked by judging the draft again with it).")  # fmt: skip
    verb = leading_verb(text)
    lead = verb.verb if verb is not None and text.startswith(verb.verb) else ""
    pieces = [p.model_dump() for p in placement.pieces] if placement else [{"op": "insert", "text": text}]
    for n, piece in enumerate(pieces):  # a space between pieces, unless punctuation follows
        piece["sep"] = "" if n == 0 or piece["text"][:1] in ",.;:)]" else " "
    cites = [short.get(s.id, s.id) for s in f.sources]
    elsewhere = {s.id: m for s in f.sources if (m := made_elsewhere(s))}
    cite = " ".join(f"[{c}]" for c in sorted(set(cites), key=lambda c: (len(c), c)))
    if elsewhere:
        missions = " and ".join(dict.fromkeys(elsewhere.values()))
        cite = f"Recommended for {missions}'s renewal by {cite}; here in general terms."
    return {
        "rule": f.rule,
        "title": f.title,
        "severity": f.severity.value,
        "theme": f.theme,
        "verdict": f.verdict.value,
        "verdict_label": LABEL[f.verdict.value],
        "shade": SHADE[f.verdict.value],
        "message": f.message,
        "reasons": f.reasons,
        "hedges": f.hedges,
        "where": where + (f" · decided: {f.decision.decision}" if f.decision else ""),
        "quotes": list(quotes.values()),
        "evidence": [e.model_dump() for e in f.evidence],
        "recommendation": f.recommendation,
        "suggestion": f.suggestion,
        # A quote about another country's mission stays out of the body: the annex holds it.
        "sources": [_source(s, short) for s in f.sources if s.id not in elsewhere],
        # ... and is named in one line instead: "Recommended for MINUSCA's renewal by “…”; here in general terms".
        "sources_elsewhere": [_sentence_case(s.cited) for s in f.sources if s.id in elsewhere],
        "cite": cite,
        "summary": _sentence(message(f)),
        "draft_says": _draft_says(f, flags)
        + (
            f" {placement.where.replace('Reject the', 'The', 1)} takes out what would meet it."
            if placement is not None and placement.action == "reject"
            else ""
        ),
        "why": _why(f, flags),
        "flags": flags,
        "placement": placement.where if placement else "Add to the operative part",
        "action": placement.action if placement else "insert",
        "placement_paragraph": placement.paragraph if placement else None,  # index: the web page links it
        "proposed": text,
        "proposed_verb": lead,
        "proposed_rest": text[len(lead) :],
        "proposed_pieces": pieces,
        "change": "",
        "number": "",
    }


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _source(s: Any, short: dict[str, str]) -> dict[str, str]:
    return {"id": s.id, "short": short.get(s.id, s.id), "title": s.title or s.id, "quote": s.quote}


def made_elsewhere(source: Any) -> str | None:
    """The mission a source's recommendation was made for, when this draft is another mission's (or none
    could be told): then it is presented in general terms, its quote kept for the annex."""
    return source.made_for if source.quote is None else None


def mission_line(report: Report) -> str:
    """Which profile filled the suggestions, and why: the first lines of every output."""
    if report.mission is None:
        return f"Profile: {report.profile}." if report.profile else ""
    return report.mission.line


def _asks(gaps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Three to five priority asks: the critical gaps, then the high ones, partial before missing (a partial
    gap is the cheaper win: the draft already has the words)."""
    ranked = sorted(gaps, key=lambda g: (SEVERITIES.index(g["severity"]), g["verdict"] != "partial"))
    chosen = [g for g in ranked if g["severity"] == "critical"][:MAX_ASKS]
    for g in ranked:
        if len(chosen) >= 3 or g in chosen:
            continue
        chosen.append(g)
    return chosen[:MAX_ASKS]


def _assessment(s: Any, total: int, gaps: list[dict[str, Any]], findings: list[dict[str, Any]]) -> str:
    parts = [f"The draft meets {number(s.met)} of the {total} recommendations checked"]
    if s.partial and s.missing:
        parts[0] += f", meets {number(s.partial)} in part and misses {number(s.missing)}."
    elif s.partial:
        parts[0] += f" and meets {number(s.partial)} in part."
    elif s.missing:
        parts[0] += f" and misses {number(s.missing)}."
    else:
        parts[0] += ": all of them."
    critical = [f for f in findings if f["severity"] == "critical"]
    open_critical = [f for f in critical if f["verdict"] != "met"]
    if open_critical:
        n, of = len(open_critical), len(critical)
        if of == 1:
            parts.append("The critical recommendation is not met; the first priority ask below addresses it.")
        elif n == of:
            parts.append(f"None of the {number(of)} critical recommendations is met; the priority asks below "
                         "address them first.")  # fmt: skip
        else:
            verb = "is" if n == 1 else "are"
            parts.append(f"{in_words(n).capitalize()} of the {number(of)} critical recommendations {verb} not met; "
                         "the priority asks below address them first.")  # fmt: skip
    elif gaps:
        parts.append("Every critical recommendation is met; what remains would strengthen the text.")
    partial_fixable = [g for g in gaps if g["action"] == "replace"]
    if partial_fixable:
        n = len(partial_fixable)
        if n == len(gaps):
            parts.append("Each gap can be closed by amending a paragraph the draft already has.")
        else:
            parts.append(f"{in_words(n).capitalize()} of the {number(len(gaps))} gaps can be closed by amending a "
                         "paragraph the draft already has; the others need new language, proposed below.")  # fmt: skip
    return " ".join(parts)


def _pending_sentence(report: Report, document: Document, judge: Judge) -> str:
    """The pending changes the draft's verdicts rest on: accepting them is an ask of its own."""
    if not document.pending_changes:
        return ""
    from mandatekit.render.placement import pending_secures

    asks = [f"{where} (it secures {', '.join(f'“{t}”' for t in titles)})"
            for where, titles in pending_secures(report, document, judge).items()]  # fmt: skip
    return f" Verdicts here rest on pending changes: {'; '.join(asks)}." if asks else ""


def _settled_sentence(settled: dict[str, str], findings: list[dict[str, Any]]) -> str:
    if not settled:
        return ""
    titles = [f"“{f['title']}”" for f in findings if f["rule"] in settled]
    n = len(titles)
    return (
        f" {in_words(n).capitalize()} recommendation{'s' if n != 1 else ''} the tool finds short "
        f"({', '.join(titles)}) {'are' if n != 1 else 'is'} settled by the drafting team's recorded decisions "
        "(listed under “Drafter decisions”) and left out of these counts and of the asks."
    )


NO_AUTHOR = "[Your name]"


def _draft_status(doc: Any, name: str, document: Document | None) -> str:
    # The memo head's Subject names the draft (its title and symbol, else its file): not said again here.
    clauses = [f"file {name}"] if doc.title else []
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
    from mandatekit.render.agreement import whole_deletions

    changed, deleted = [], []
    for p in document.paragraphs:
        if not p.changes:
            continue
        whole = whole_deletions(p)
        if whole:
            deleted.append(f"the paragraph before {p.ref or 'the operative part'}")
        if len(whole) < len(p.changes):
            changed.append(p.ref or "front matter")
    if changed:
        text += f" Pending changes in {', '.join(dict.fromkeys(changed))}."
    if deleted:
        text += f" Pending deletion of {', '.join(dict.fromkeys(deleted))}."
    if changed or deleted:
        text += " Paragraph numbers in this memo are those of the draft with every pending change accepted."
    return text.strip()


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
) -> dict[str, Any]:
    doc = report.document
    name = Path(doc.path).name if doc.path else "draft"
    s = report.summary
    placements = place(report, document, judge) if document is not None else {}
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
    context = {
        "memo_title": title or f"Gap analysis: {doc.symbol or doc.title or name}",
        "subtitle": doc.title or name,
        "memo_to": memo_to or "The drafting team",
        "subject": subject,
        "draft_status": _draft_status(doc, name, document),
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
            if document is not None
            else ""
        )
        + (_pending_sentence(report, document, judge) if document is not None and judge is not None else ""),
        "asks": _asks(gaps),
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
                "quotes": annex_quotes.get(x["id"], []),
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
        "decisions": [  # the drafting team's recorded decisions, as an audit trail
            {
                "title": f.title,
                "verdict": f.verdict.value,
                "decision": f.decision.decision,
                "why": f.decision.why,
                "by": f.decision.by,
                "date": f.decision.date,
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
        return {**f, "change": f"{c['arrow']} was {c['old']}" if c else ""}

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


def render_memo_docx(context: dict[str, Any] | Report, template: Path | None = None) -> bytes:
    """The memo as .docx bytes (write them with output.write_atomic)."""
    from docxtpl import DocxTemplate  # heavy: imported only when a memo is written
    from jinja2 import TemplateError

    from mandatekit.render.sandbox import BoundedSandbox, cpu_limit

    if isinstance(context, Report):
        context = memo_context(context)
    if context.get("previous"):
        context = with_previous(context, _rich_diffs(context["previous"]))
    context = {
        **context,
        "gaps": [{**g, "proposed_rich": _proposed_rich(g)} for g in context.get("gaps", [])],
    }
    path = template or data_dir("templates") / "memo.docx"
    if not path.exists():
        raise MandatekitError(path, "template not found")
    try:
        tpl = DocxTemplate(str(path))
        # A user's template is untrusted: the sandbox lets it format values but not reach into Python.
        with cpu_limit():
            tpl.render(context, jinja_env=BoundedSandbox(autoescape=True))
    except TemplateError as exc:
        raise MandatekitError(path, f"template error: {' '.join(str(exc).split())[:200]}") from exc
    except Exception as exc:  # a .docx that docxtpl cannot open, malformed tags, a template that runs away
        detail = " ".join(str(exc).split())[:200]
        raise MandatekitError(
            path, f"cannot render this Word template ({type(exc).__name__}: {detail})"
        ) from exc
    props = tpl.docx.core_properties
    when = memo_date().replace(microsecond=0, tzinfo=None)
    author = context["author"] if context["author"] != NO_AUTHOR else "mandatekit"
    props.title, props.author, props.subject = context["memo_title"], author, context["subtitle"]
    props.keywords, props.comments = "mandate gap analysis", f"Generated by {context['rulebook']}"
    props.last_modified_by, props.created, props.modified, props.revision = author, when, when, 1
    props.language, props.category = "en-GB", "Gap analysis"
    buffer = io.BytesIO()
    tpl.save(buffer)
    return own_package(buffer.getvalue())


def _add_redline_piece(rich: Any, text: str, op: str) -> None:
    """One piece of a word-level redline, as Word shows tracked changes: deletions struck through,
    insertions underlined, in the same two colours wherever the memo shows a redline."""
    if op == "delete":
        rich.add(text, strike=True, color="A12B2B")
    elif op == "insert":
        rich.add(text, underline=True, color="1F6B3A")
    else:
        rich.add(text)


def _proposed_rich(gap: dict[str, Any]) -> Any:
    """The proposed language as it will read in the resolution: its leading verb in italics; a replaced
    paragraph as a word-level redline against the draft (deletions struck through, insertions underlined)."""
    from docxtpl import RichText

    rich = RichText()
    if gap.get("action") == "replace":
        for piece in gap["proposed_pieces"]:
            _add_redline_piece(rich, piece["sep"] + piece["text"], piece["op"])
        return rich
    if gap.get("proposed_verb"):
        rich.add(gap["proposed_verb"], italic=True)
    rich.add(gap.get("proposed_rest", gap.get("proposed", "")))
    return rich


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>mandatekit {__version__}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc></Properties>"
)
_DROPPED = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml")


def own_package(data: bytes) -> bytes:
    """The package with properties of our own: no 'Microsoft Macintosh Word' as the application, and none of
    what python-docx's starting template carries — its thumbnail (a picture of another document) and Word
    2010's stylesWithEffects copy of the styles."""
    import re
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename in _DROPPED:
                continue
            content = zin.read(item.filename)
            if item.filename == "docProps/app.xml":
                content = APP_XML.encode()
            elif item.filename.endswith(".rels") or item.filename == "[Content_Types].xml":
                text = content.decode("utf-8")
                for name in _DROPPED:
                    base = re.escape(name.split("/")[-1])
                    text = re.sub(rf'<Relationship [^>]*Target="[^"]*{base}"[^>]*/>', "", text)
                    text = re.sub(rf'<Override [^>]*PartName="/{re.escape(name)}"[^>]*/>', "", text)
                content = text.encode("utf-8")
            zout.writestr(item, content)
    return out.getvalue()


def _rich_diffs(previous: dict[str, Any]) -> dict[str, Any]:
    """Word diffs shown as Word shows tracked changes: deletions struck through, insertions underlined."""
    from docxtpl import RichText

    changes = []
    for change in previous["changes"]:
        rich = RichText()
        for n, diff in enumerate(change["diffs"]):
            rich.add(("; " if n else "") + diff["where"] + ": ", italic=True)
            for piece in diff["pieces"]:
                _add_redline_piece(rich, piece["text"] + " ", piece["op"])
        changes.append({**change, "diff_rich": rich})
    return {**previous, "changes": changes}


def render_memo_text(context: dict[str, Any], fmt: str, template: Path | None = None) -> str:
    """The memo as Markdown or HTML from a Jinja2 template (the bundled one or the user's)."""
    from mandatekit.render.text import render_template

    name = template.name if template else f"memo.{'md' if fmt == 'markdown' else 'html'}.j2"
    return render_template(name, context, template.parent if template else None)
