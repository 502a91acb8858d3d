"""`mandatekit compare --format markdown`: the rules in a table, a section for each rule the round changed
(deleted words struck through, added ones bold), then what the round did to the operative text."""

from __future__ import annotations

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


def render_comparison_markdown(c: Comparison) -> str:
    from mandatekit.render.sandbox import escape_markdown_html  # draft text: no raw HTML into Markdown

    out = [
        "# Since the previous text: {} → {}".format(*(escape_markdown_html(n) for n in names(c))),
        "",
        "**" + " · ".join(text for text, _ in summary_counts(c)) + "**",
        *(["", f"**{text_counts(c)}**"] if text_counts(c) else []),
        "",
        "| Change | Severity | Recommendation | Before | Now |",
        "| --- | --- | --- | --- | --- |",
    ]
    for ch in c.changes:
        out.append(f"| {ch.status} | {ch.severity.value} | {ch.title} | {ch.old.value} | {ch.new.value} |")
    for ch in c.changes:
        if not rule_changed(ch):
            continue
        out += ["", f"## {ch.title}: {ch.old.value} → {ch.new.value}", ""]
        sentence = labelled_loss(ch)
        if sentence:
            out += [escape_markdown_html(sentence), ""]
        for d in ch.diffs:
            if not d.changed:
                continue
            text = (
                escape_markdown_html(compact(d))
                .replace("[-", "~~")
                .replace("-]", "~~")
                .replace("{+", "**")
                .replace("+}", "**")
            )
            out.append(f"- {where_diff(d)}: {text}")
    for head, told in text_sections(c):
        out += ["", f"## {head}", "", *(f"- {escape_markdown_html(line)}" for line in told)]
    return "\n".join(out) + "\n"
