"""Many drafts at once: one row per draft, one column per rule (how a recommendation fared over the years)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import click

from mandatekit.judge import Report

_CELL = {"met": ("✓", "green"), "partial": ("~", "yellow"), "missing": ("✗", "red")}


def _name(report: Report) -> str:
    return Path(report.document.path).name if report.document.path else "draft"


def render_matrix(reports: list[Report]) -> str:
    if not reports:
        return ""
    rules = [f.rule for f in reports[0].findings]
    width = max(len(_name(r)) for r in reports) + 2
    lines = [click.style("One row per draft; columns are the rules numbered below. ✓ met · ~ partial · ✗ missing"
                         " (* a drafter decision is recorded)", dim=True), ""]  # fmt: skip
    lines.append(" " * width + "".join(f"{i + 1:>2} " for i in range(len(rules))) + "  met part miss")
    for r in reports:
        cells = []
        for f in r.findings:
            mark, colour = _CELL[f.verdict.value]
            cells.append(click.style(f"{mark:>2}", fg=colour) + ("*" if f.decision else " "))
        s = r.summary
        lines.append(f"{_name(r):<{width}}" + "".join(cells) + f"  {s.met:>3} {s.partial:>4} {s.missing:>4}")
    lines.append("")
    lines += [f"  {i + 1:>2} {rule}" for i, rule in enumerate(rules)]
    return "\n".join(lines) + "\n"


def _cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula ('=1+2.txt', '@SUM(...)') is quoted with a leading
    apostrophe, as the spreadsheets themselves do for text typed that way (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r", "\uff1d"):
        return "'" + value
    return value


def render_csv(reports: list[Report]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    rules = [f.rule for f in reports[0].findings] if reports else []
    writer.writerow(["draft", "symbol", "title", "met", "partial", "missing", *rules])
    for r in reports:
        d = r.document
        writer.writerow([_cell(v) for v in [d.path, d.symbol or "", d.title or "", r.summary.met,
                         r.summary.partial, r.summary.missing, *[f.verdict.value for f in r.findings]]])  # fmt: skip
    return buffer.getvalue()
