"""Renderings of a comparison between two drafts: terminal table, Markdown, and the memo's
"Since the previous text" section."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import click

from mandatekit.compare import Comparison

_MARK = {
    "regressed": ("▼ regressed", "red"),
    "improved": ("▲ improved", "green"),
    "unchanged": ("= same", None),
}


def _name(info: Any) -> str:
    return info.symbol or (Path(info.path).name if info.path else "draft")


def _diff_lines(change: Any, color: bool = True) -> list[str]:
    lines = []
    for d in change.diffs:
        if not d.changed and change.change == "unchanged":
            continue
        where = f"{d.old_ref or '(new)'} → {d.new_ref or '(gone)'}"
        text = d.as_text()
        if color:
            text = text.replace("[-", click.style("[-", fg="red")).replace(
                "{+", click.style("{+", fg="green")
            )
        lines.append(f"    {where}: {text}")
    return lines


def render_comparison_table(c: Comparison) -> str:
    s = c.summary
    lines = [
        click.style(f"{_name(c.old)} → {_name(c.new)}", bold=True),
        click.style(f"{s.regressed} regressed", fg="red")
        + " · "
        + click.style(f"{s.improved} improved", fg="green")
        + f" · {s.unchanged} unchanged",
        "",
    ]
    for ch in c.changes:
        label, colour = _MARK[ch.change]
        head = f"  {click.style(f'{label:<12}', fg=colour)}{ch.severity.value:<10}{ch.old.value:>8} → {ch.new.value:<8} {ch.title}"
        lines.append(head)
        if ch.change != "unchanged":
            lines += _diff_lines(ch)
    return "\n".join(lines) + "\n"


def render_comparison_markdown(c: Comparison) -> str:
    s = c.summary
    out = [
        f"# Since the previous text: {_name(c.old)} → {_name(c.new)}",
        "",
        f"**{s.regressed} regressed · {s.improved} improved · {s.unchanged} unchanged**",
        "",
        "| Change | Severity | Recommendation | Before | Now |",
        "| --- | --- | --- | --- | --- |",
    ]
    for ch in c.changes:
        out.append(f"| {ch.change} | {ch.severity.value} | {ch.title} | {ch.old.value} | {ch.new.value} |")
    for ch in c.changes:
        if ch.change == "unchanged":
            continue
        out += ["", f"## {ch.title}: {ch.old.value} → {ch.new.value}", ""]
        for d in ch.diffs:
            text = d.as_text().replace("[-", "~~").replace("-]", "~~").replace("{+", "**").replace("+}", "**")
            out.append(f"- {d.old_ref or '(new)'} → {d.new_ref or '(gone)'}: {text}")
    return "\n".join(out) + "\n"


def previous_context(c: Comparison) -> dict[str, Any]:
    """The memo's 'Since the previous text' section."""
    s = c.summary
    changed = [ch for ch in c.changes if ch.change != "unchanged"]
    summary = (
        f"{s.regressed} recommendations regressed, {s.improved} improved and {s.unchanged} are unchanged."
    )
    return {
        "name": _name(c.old),
        "summary": summary,
        "changes": [
            {
                "title": ch.title,
                "old": ch.old.value,
                "new": ch.new.value,
                "change": ch.change,
                "severity": ch.severity.value,
                "diff": "; ".join(
                    f"{d.old_ref or '(new)'} → {d.new_ref or '(gone)'}: {d.as_text()}"
                    for d in ch.diffs
                    if d.changed
                ),
            }
            for ch in changed
        ],
    }


def wrap(text: str, width: int = 100) -> str:
    return "\n".join(textwrap.wrap(text, width))
