"""The gap-analysis memo: one context, rendered into Word (docxtpl over a Word template carrying Jinja2 tags),
Markdown or HTML (Jinja2 text templates). Templates live in templates/ and can be replaced with --template."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from mandatekit import __version__
from mandatekit.clock import now as memo_date
from mandatekit.errors import MandatekitError
from mandatekit.judge import Finding, Report
from mandatekit.resources import data_dir
from mandatekit.textnorm import xml_safe

SHADE = {"met": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE"}
LABEL = {"met": "Met", "partial": "Partial", "missing": "Missing"}


def _where(f: Finding) -> str:
    return ", ".join(f.refs) or "—"


def _finding(f: Finding) -> dict[str, Any]:
    # One quote per paragraph: the clause holding the evidence, in the draft's own words.
    quotes: dict[str, dict[str, str]] = {}
    for e in f.evidence:
        quotes.setdefault(f"{e.ref}|{e.context}", {"ref": e.ref, "text": e.context})
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
        "where": _where(f) + (f" · decided: {f.decision.decision}" if f.decision else ""),
        "quotes": list(quotes.values()),
        "evidence": [e.model_dump() for e in f.evidence],
        "recommendation": f.recommendation,
        "suggestion": f.suggestion,
        "sources": [{"id": s.id, "title": s.title or s.id, "quote": s.quote} for s in f.sources],
        "summary": (f.reasons[0] if f.reasons else f.message),
    }


def memo_context(
    report: Report,
    *,
    title: str | None = None,
    author: str | None = None,
    sources: list[dict[str, Any]] | None = None,
    rules: list[Any] | None = None,
    profile_name: str | None = None,
) -> dict[str, Any]:
    doc = report.document
    name = Path(doc.path).name if doc.path else "draft"
    s = report.summary
    findings = [_finding(f) for f in report.findings]
    gaps = sorted(
        (f for f in findings if f["verdict"] != "met"),
        key=lambda f: (["critical", "high", "medium", "low"].index(f["severity"]), f["verdict"] == "partial"),
    )
    key_gaps = [f for f in gaps if f["severity"] in ("critical", "high")]
    total = len(findings)
    summary = (
        f"Of the {total} recommendations checked, the draft meets {s.met}, meets {s.partial} in part and "
        f"misses {s.missing}."
    )
    if key_gaps:
        summary += (
            f" {len(key_gaps)} critical or high-severity gaps need attention before the draft goes out:"
        )
    elif gaps:
        summary += " No critical or high-severity gap remains."
    else:
        summary += " It meets every recommendation checked."
    context = {
        "memo_title": title or f"Gap analysis: {doc.symbol or name}",
        "subtitle": doc.title or name,
        "draft_name": name,
        "symbol": doc.symbol or "—",
        "draft_date": doc.date or "—",
        "date": memo_date().strftime("%d %B %Y").lstrip("0"),
        "rulebook": f"mandatekit {__version__}, {total} rules",
        "profile": profile_name or report.profile or "—",
        "author": author or "mandatekit",
        "summary": s.model_dump(),
        "summary_text": summary,
        "findings": findings,
        "gaps": gaps,
        "key_gaps": key_gaps,
        "met": [f for f in findings if f["verdict"] == "met"],
        "sources": [
            {
                "id": x["id"],
                "title": x.get("title", x["id"]),
                "author": x.get("author", ""),
                "date": x.get("date", ""),
            }
            for x in (sources or [])
        ],
        "rules": [{"id": r.id, "title": r.title, "severity": r.severity.value} for r in (rules or [])],
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


def _clean(value: Any) -> Any:
    """Text taken from a draft may hold control characters that would corrupt Word's XML: drop them."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def render_memo_docx(context: dict[str, Any] | Report, template: Path | None = None) -> bytes:
    """The memo as .docx bytes (write them with output.write_atomic)."""
    from docxtpl import DocxTemplate  # heavy: imported only when a memo is written
    from jinja2 import TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    if isinstance(context, Report):
        context = memo_context(context)
    if context.get("previous"):
        context = {**context, "previous": _rich_diffs(context["previous"])}
    path = template or data_dir("templates") / "memo.docx"
    if not path.exists():
        raise MandatekitError(path, "template not found")
    try:
        tpl = DocxTemplate(str(path))
        # A user's template is untrusted: the sandbox lets it format values but not reach into Python.
        tpl.render(context, jinja_env=SandboxedEnvironment(autoescape=True))
    except TemplateError as exc:
        raise MandatekitError(path, f"template error: {exc}") from exc
    except Exception as exc:  # a .docx that docxtpl cannot open or whose tags are malformed
        raise MandatekitError(
            path, f"cannot render this Word template ({type(exc).__name__}: {exc})"
        ) from exc
    props = tpl.docx.core_properties
    when = memo_date().replace(microsecond=0, tzinfo=None)
    props.title, props.author, props.subject = context["memo_title"], context["author"], context["subtitle"]
    props.keywords, props.comments = "mandate gap analysis", f"Generated by {context['rulebook']}"
    props.last_modified_by, props.created, props.modified, props.revision = context["author"], when, when, 1
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def _rich_diffs(previous: dict[str, Any]) -> dict[str, Any]:
    """Word diffs shown as Word shows tracked changes: deletions struck through, insertions underlined."""
    from docxtpl import RichText

    changes = []
    for change in previous["changes"]:
        rich = RichText()
        for n, diff in enumerate(change["diffs"]):
            rich.add(("; " if n else "") + diff["where"] + ": ", italic=True)
            for piece in diff["pieces"]:
                text = piece["text"] + " "
                if piece["op"] == "delete":
                    rich.add(text, strike=True, color="C00000")
                elif piece["op"] == "insert":
                    rich.add(text, underline=True, color="2E7D32")
                else:
                    rich.add(text)
        changes.append({**change, "diff_rich": rich})
    return {**previous, "changes": changes}


def render_memo_text(context: dict[str, Any], fmt: str, template: Path | None = None) -> str:
    """The memo as Markdown or HTML from a Jinja2 template (the bundled one or the user's)."""
    from mandatekit.render.text import render_template

    name = template.name if template else f"memo.{'md' if fmt == 'markdown' else 'html'}.j2"
    return render_template(name, context, template.parent if template else None)
