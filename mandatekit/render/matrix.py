"""Many drafts at once: one row per draft, one column per rule (how a recommendation fared over the years)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import click

from mandatekit.errors import shown
from mandatekit.judge import Report

_CELL = {"met": ("✓", "green"), "partial": ("~", "yellow"), "missing": ("✗", "red")}


def _name(report: Report) -> str:
    return shown(Path(report.document.path).name) if report.document.path else "draft"


def _mission(report: Report) -> str:
    """The profile a draft's suggestions used: its mission, or 'generic'."""
    if report.mission is None:
        return report.profile or ""
    return report.mission.mission or report.mission.profile


def _mark(f: Any) -> str:
    mark, colour = _CELL[f.verdict.value]
    return click.style(f"{mark:>2}", fg=colour) + ("*" if f.decision else " ")


def render_matrix(reports: list[Report], width: int | None = None) -> str:
    """One row per draft and one column per rule when that fits the terminal; otherwise the table turns:
    one row per rule (with its name) and one column per draft, numbered below."""
    if not reports:
        return ""
    width = width or shutil.get_terminal_size((100, 24)).columns
    rules = [f.rule for f in reports[0].findings]
    name_w = max(len(_name(r)) for r in reports) + 2
    legend = "✓ met · ~ partial · ✗ missing (* a drafter decision is recorded)"
    if name_w + 3 * len(rules) + 16 <= width:
        lines = [
            click.style(f"One row per draft; columns are the rules numbered below. {legend}", dim=True),
            "",
        ]
        lines.append(
            " " * name_w + "".join(f"{i + 1:>2} " for i in range(len(rules))) + "  met part miss  profile"
        )
        for r in reports:
            s = r.summary
            cells = "".join(_mark(f) for f in r.findings)
            lines.append(
                f"{_name(r):<{name_w}}" + cells + f"  {s.met:>3} {s.partial:>4} {s.missing:>4}  {_mission(r)}"
            )
        lines.append("")
        lines += [f"  {i + 1:>2} {rule}" for i, rule in enumerate(rules)]
        return "\n".join(lines) + "\n"
    # Rules as rows: as many draft columns as the width allows, in blocks when there are more drafts.
    rule_w = min(max(len(r) for r in rules) + 2, max(width // 3, 16))
    per_block = max((width - rule_w) // 3, 1)
    lines = [click.style(f"One row per rule; columns are the drafts numbered below. {legend}", dim=True)]
    for block in range(0, len(reports), per_block):
        chunk = reports[block : block + per_block]
        lines += ["", " " * rule_w + "".join(f"{block + i + 1:>2} " for i in range(len(chunk)))]
        for k, rule in enumerate(rules):
            label = rule if len(rule) < rule_w - 1 else rule[: rule_w - 2] + "…"
            lines.append(f"{label:<{rule_w}}" + "".join(_mark(r.findings[k]) for r in chunk))
        for title, attr in (("met", "met"), ("partial", "partial"), ("missing", "missing")):
            lines.append(f"{title:<{rule_w}}" + "".join(f"{getattr(r.summary, attr):>2} " for r in chunk))
    lines.append("")
    lines += [f"  {i + 1:>2} {_name(r)} (profile {_mission(r)})" for i, r in enumerate(reports)]
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
    writer.writerow(["draft", "symbol", "title", "mission", "met", "partial", "missing", *rules])
    for r in reports:
        d = r.document
        writer.writerow([_cell(v) for v in [d.path, d.symbol or "", d.title or "", _mission(r), r.summary.met,
                         r.summary.partial, r.summary.missing, *[f.verdict.value for f in r.findings]]])  # fmt: skip
    return buffer.getvalue()
