"""`mandatekit compare` on the terminal: each rule's mark, severity and verdicts, the diffs under the rules
the round changed (the changed words coloured), then what the round did to the operative text."""

from __future__ import annotations

import re
import shutil
import textwrap
from typing import Any

import click

from mandatekit.compare import Comparison
from mandatekit.render.compare.lines import (
    compact,
    labelled_loss,
    names,
    rule_changed,
    summary_counts,
    text_counts,
    text_sections,
    where_diff,
)

# Each rule's mark in the table, by its label (RuleChange.status). Where the verdict held but the round took
# evidence from it, the mark says "held" and the line under it opens with the label: "Evidence weakened: ...".
_MARK = {
    "regressed": ("▼ regressed", "red"),
    "improved": ("▲ improved", "green"),
    "evidence lost": ("▽ held", "yellow"),
    "evidence weakened": ("▽ held", "yellow"),
    "evidence bracketed": ("▽ held", "yellow"),
    "evidence strengthened": ("△ held", "green"),
    "unchanged": ("= same", None),
}
_LABEL_WIDTH = 12


def _mark(change: Any) -> str:
    return str(change.status)


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
    sentence = labelled_loss(change)
    if sentence:
        lines += textwrap.wrap(sentence, width=max(width, 40), initial_indent="    ", subsequent_indent="    ",
                               break_on_hyphens=False, break_long_words=False)  # fmt: skip
    for d in change.diffs:
        if not d.changed:
            continue
        wrapped = textwrap.wrap(f"{where_diff(d)}: {compact(d)}", width=max(width, 40), initial_indent="    ",
                                subsequent_indent="      ", break_on_hyphens=False, break_long_words=False)  # fmt: skip
        lines += _colour_changes(wrapped) if color else wrapped
    return lines


def render_comparison_table(c: Comparison, width: int | None = None) -> str:
    width = width or min(shutil.get_terminal_size((100, 24)).columns, 120)
    lines = [
        click.style("{} → {}".format(*names(c)), bold=True),
        " · ".join(click.style(text, fg=colour) if colour else text for text, colour in summary_counts(c)),
        *([click.style(text_counts(c), fg="yellow")] if text_counts(c) else []),
        "",
    ]
    lead = 2 + _LABEL_WIDTH + 10 + 8 + 3 + 8 + 1
    for ch in c.changes:
        label, colour = _MARK[_mark(ch)]
        title = textwrap.wrap(ch.title, width=max(width - lead, 12)) or [""]
        head = f"  {click.style(f'{label:<{_LABEL_WIDTH}}', fg=colour)}{ch.severity.value:<10}{ch.old.value:>8} → {ch.new.value:<8} "
        lines.append(head + title[0])
        lines += [" " * lead + more for more in title[1:]]
        if rule_changed(ch):
            lines += _diff_lines(ch, width)
    for head, told in text_sections(c):
        lines += [
            "",
            *(click.style(line, bold=True) for line in textwrap.wrap(head + ":", width=max(width, 40))),
        ]
        for line in told:
            lines += textwrap.wrap(line, width=max(width, 40), initial_indent="  ", subsequent_indent="    ",
                                   break_on_hyphens=False, break_long_words=False)  # fmt: skip
    return "\n".join(lines) + "\n"
