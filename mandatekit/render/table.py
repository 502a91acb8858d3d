"""The terminal report, for people: one row per rule, then what to do about each gap."""

from __future__ import annotations

import shutil
import textwrap
from typing import Any

import click

from mandatekit.errors import shown
from mandatekit.judge import Finding, Report
from mandatekit.render.fixes import met_notes
from mandatekit.textnorm import joined

_COLOUR = {"met": "green", "partial": "yellow", "missing": "red"}
_MARK = {"met": "✓", "partial": "~", "missing": "✗"}


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def _where(f: Finding) -> str:
    return ", ".join(f.refs) or "—"


def render_table(report: Report) -> str:
    width = max(min(shutil.get_terminal_size((100, 24)).columns, 120), 72)
    doc = report.document
    title = " · ".join(x for x in (doc.symbol, doc.title) if x)
    s = report.summary
    lines = [
        click.style(shown(f"{doc.path or 'text'}") + (f" — {title}" if title else ""), bold=True),
        f"{len(report.findings)} rule{'s' * (len(report.findings) != 1)} · "
        + click.style(f"{s.met} met", fg="green")
        + " · "
        + click.style(f"{s.partial} partial", fg="yellow")
        + " · "
        + click.style(f"{s.missing} missing", fg="red")
        + (f" · profile {report.profile}" if report.profile else ""),
        *([click.style(report.mission.line, dim=True)] if report.mission else []),
        *([click.style(x, dim=True) for x in (report.written_for, report.renewal) if x]),
        "",
    ]
    where_w = 18
    title_w = width - 2 - 10 - 10 - where_w - 3
    lines.append(click.style(f"  {'VERDICT':<10}{'SEVERITY':<10}{'RULE':<{title_w}} {'WHERE'}", dim=True))
    for f in report.findings:
        verdict = click.style(f"{_MARK[f.verdict.value]} {f.verdict.value:<8}", fg=_COLOUR[f.verdict.value])
        title = f.title
        if f.decision:  # beside the verdict, never instead of it
            on = f" on {f.decision.decided_on}" if f.decision.decided_on else ""  # an earlier revision
            title = (
                f"[decided{on}: {f.decision.decision}{', look again' if f.decision.stale else ''}] {title}"
            )
        lines.append(
            f"  {verdict}{f.severity.value:<10}{_cut(title, title_w - 1):<{title_w}} {_cut(_where(f), where_w)}"
        )
    gaps = [f for f in report.findings if f.verdict.value != "met"]
    noted = [f for f in report.findings if met_notes(f)]  # met, with something still to fix (after the gaps)
    if gaps or noted:
        lines += ["", click.style("What to fix", bold=True)]
    wrap = textwrap.TextWrapper(width=width - 4, initial_indent="    ", subsequent_indent="    ")
    for f in sorted(gaps, key=lambda f: (f.severity.rank, f.verdict.rank * -1)) + noted:
        head = f"{_MARK[f.verdict.value]} {f.title}"
        lines.append("")
        lines.append(
            "  "
            + click.style(head, fg=_COLOUR[f.verdict.value], bold=True)
            + click.style(f"  [{f.rule} · {f.severity.value} · {f.verdict.value}]", dim=True)
        )
        lines += wrap.wrap(f.message)
        if f.decision:
            d = f.decision
            origin = f"decided on {d.decided_on} ({d.matched_by}), " if d.decided_on else ""
            lines += wrap.wrap(
                f"Decision: {d.decision} — {d.why} ("
                + joined([joined([d.by, d.date], ", "), f"{origin}recorded in {d.source}"])
                + ")"
            )
            if d.stale:
                lines += wrap.wrap(click.style(f"Look again: {d.stale}", fg="yellow"))
        for reason in met_notes(f) or f.reasons:
            lines += wrap.wrap(f"{'Note' if f.verdict.value == 'met' else 'Why'}: {reason}")
        for e in f.evidence[:4]:
            where = f"{e.ref}, {e.part}" if e.part else e.ref
            lines += wrap.wrap(f"Found: {where} “{e.text}” — {e.label}")
        for hedge in f.hedges:
            lines += wrap.wrap(f"Hedge: {hedge}")
        lines += _fix_lines(f, wrap)
        lines += wrap.wrap("Source: " + joined(_source(s) for s in f.sources[:1]))
    # The report's warnings are not repeated here: `check` prints each once, on stderr, whatever the format.
    return "\n".join(lines) + "\n"


def _fix_lines(f: Finding, wrap: textwrap.TextWrapper) -> list[str]:
    """The fix as the memo proposes it, where it goes first ('Insert after OP 5 as OP 5 bis: ...', 'Agree the
    bracketed text in OP 11. Agreeing it would ...'); the rule's suggestion as it stands where none is placed."""
    if f.fix is None:
        return wrap.wrap(f"Suggested language: {f.suggestion}")
    if f.fix.note:
        return wrap.wrap(f"Proposed: {f.fix.where}. {f.fix.note}")
    return wrap.wrap(f"Proposed: {f.fix.where}: {f.fix.text}")


def _source(s: Any) -> str:
    """The document by its title, as every other output names it: its id is the register's key, not a name
    a reader knows (the id only when the register gives no title)."""
    if s.quote is None:  # made for another mission: named, not quoted
        return f"{s.cited[:1].upper()}{s.cited[1:]}"
    return f"{s.title or s.id} — “{s.quote}”"
