"""Renderings of a comparison between two drafts: terminal table, Markdown, and the memo's
"Since the previous text" section."""

from __future__ import annotations

import re
import shutil
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


def _names(c: Comparison) -> tuple[str, str]:
    """How to call the two drafts: by symbol, or by file name when both rounds share one symbol."""
    old, new = _name(c.old), _name(c.new)
    if old == new and c.old.path and c.new.path:
        return Path(c.old.path).name, Path(c.new.path).name
    return old, new


_MARKERS = re.compile(r"(\[-|-\]|\{\+|\+\})")
_OPENS = {"[-": "red", "{+": "green"}
_CLOSES = {"-]", "+}"}


def _colour_changes(lines: list[str]) -> list[str]:
    """Colour the changed words themselves, not only the markers: deleted words red, inserted green. A change
    may run over several wrapped lines, so the state carries from one line to the next."""
    out, colour = [], None
    for line in lines:
        pieces = []
        for token in _MARKERS.split(line):
            if token in _OPENS:
                colour = _OPENS[token]
                pieces.append(click.style(token, fg=colour, bold=True))
            elif token in _CLOSES:
                pieces.append(click.style(token, fg=colour, bold=True))
                colour = None
            elif token:
                pieces.append(click.style(token, fg=colour) if colour else token)
        out.append("".join(pieces))
    return out


def _diff_lines(change: Any, width: int = 100, color: bool = True) -> list[str]:
    lines = []
    for d in change.diffs:
        if not d.changed and change.change == "unchanged":
            continue
        wrapped = textwrap.wrap(f"{_where(d)}: {d.as_text()}", width=max(width, 40), initial_indent="    ",
                                subsequent_indent="      ", break_on_hyphens=False, break_long_words=False)  # fmt: skip
        lines += _colour_changes(wrapped) if color else wrapped
    return lines


def render_comparison_table(c: Comparison, width: int | None = None) -> str:
    width = width or min(shutil.get_terminal_size((100, 24)).columns, 120)
    s = c.summary
    lines = [
        click.style("{} → {}".format(*_names(c)), bold=True),
        click.style(f"{s.regressed} regressed", fg="red")
        + " · "
        + click.style(f"{s.improved} improved", fg="green")
        + f" · {s.unchanged} unchanged",
        "",
    ]
    lead = 2 + 12 + 10 + 8 + 3 + 8 + 1
    for ch in c.changes:
        label, colour = _MARK[ch.change]
        title = textwrap.wrap(ch.title, width=max(width - lead, 12)) or [""]
        head = f"  {click.style(f'{label:<12}', fg=colour)}{ch.severity.value:<10}{ch.old.value:>8} → {ch.new.value:<8} "
        lines.append(head + title[0])
        lines += [" " * lead + more for more in title[1:]]
        if ch.change != "unchanged":
            lines += _diff_lines(ch, width)
    return "\n".join(lines) + "\n"


def render_comparison_markdown(c: Comparison) -> str:
    from mandatekit.render.sandbox import escape_markdown_html  # draft text: no raw HTML into Markdown

    s = c.summary
    out = [
        "# Since the previous text: {} → {}".format(*(escape_markdown_html(n) for n in _names(c))),
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
            text = (
                escape_markdown_html(d.as_text())
                .replace("[-", "~~")
                .replace("-]", "~~")
                .replace("{+", "**")
                .replace("+}", "**")
            )
            out.append(f"- {_where(d)}: {text}")
    return "\n".join(out) + "\n"


def _story(change: Any) -> str:
    """What happened to the words, in sentences: "The old OP 9 met it and was deleted."; "In OP 7,
    'Encourages' became 'Requests'." """
    did = {"met": "met it", "partial": "partly met it", "missing": "did not meet it"}[change.old.value]
    sentences = []
    for d in change.diffs:
        if d.new_ref is None and d.old_ref is not None:
            sentences.append(f"The old {d.old_ref} {did} and was deleted.")
            continue
        if d.old_ref is None and d.new_ref is not None:
            sentences.append(f"{d.new_ref} is new.")
            continue
        if not d.changed:
            continue
        edits, pieces = [], d.pieces
        i = 0
        while i < len(pieces):
            piece = pieces[i]
            following = pieces[i + 1] if i + 1 < len(pieces) else None
            if piece.op == "delete" and following is not None and following.op == "insert":
                edits.append(f"“{piece.text}” became “{following.text}”")
                i += 2
                continue
            if piece.op == "delete":
                edits.append(f"“{piece.text}” was deleted")
            elif piece.op == "insert":
                edits.append(f"“{piece.text}” was added")
            i += 1
        where = d.new_ref if d.old_ref == d.new_ref else f"{d.new_ref} (the old {d.old_ref})"
        sentences.append(f"In {where}, " + "; ".join(edits) + ".")
    return " ".join(sentences)


def previous_context(c: Comparison) -> dict[str, Any]:
    """The memo's 'Since the previous text' section: gains and losses, each told in a sentence."""
    s = c.summary
    from mandatekit.render.memo import number

    summary = (
        f"{number(s.regressed) if s.regressed else 'no'} recommendation{'s' if s.regressed != 1 else ''} regressed, "
        f"{number(s.improved) if s.improved else 'none'} improved and {number(s.unchanged)} "
        f"{'is' if s.unchanged == 1 else 'are'} unchanged."
    )
    changes = []
    for ch in c.changes:
        if ch.change == "unchanged":
            continue
        diffs = [d for d in ch.diffs if d.changed]
        changes.append(
            {
                "rule": ch.rule,
                "title": ch.title,
                "old": ch.old.value,
                "new": ch.new.value,
                "change": ch.change,
                "arrow": "▲" if ch.change == "improved" else "▼",
                "severity": ch.severity.value,
                "story": _story(ch),
                "diff": "; ".join(f"{_where(d)}: {d.as_text()}" for d in diffs),
                "diffs": [{"where": _where(d), "pieces": [p.model_dump() for p in d.pieces]} for d in diffs],
            }
        )
    return {"name": _names(c)[0], "summary": summary, "changes": changes}


def _where(d: Any) -> str:
    return f"{d.old_ref or '(new)'} → {d.new_ref or '(gone)'}"
