"""Renderings of a comparison between two drafts (mandatekit/compare.py makes it):

- `lines`: what every rendering says alike: the counts, the lines on the operative text, a rule's loss in a
  sentence, a diff cut to its changes, the drafts' names;
- `table`: the terminal table of `mandatekit compare`; `markdown`: its Markdown;
- `memo_section`: the memo's "Since the previous text" section, with `story`: what a round did to a
  paragraph's words, told in sentences.

Re-exported here: what callers import from `mandatekit.render.compare`."""

from __future__ import annotations

from mandatekit.render.compare.lines import labelled_loss, loss_sentence
from mandatekit.render.compare.markdown import render_comparison_markdown
from mandatekit.render.compare.memo_section import previous_context
from mandatekit.render.compare.table import render_comparison_table

__all__ = [
    "labelled_loss",
    "loss_sentence",
    "previous_context",
    "render_comparison_markdown",
    "render_comparison_table",
]
