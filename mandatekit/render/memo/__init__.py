"""The gap-analysis memo: one context, rendered into Word (docxtpl over a Word template carrying Jinja2 tags),
Markdown or HTML (Jinja2 text templates). Templates live in templates/ and can be replaced with --template.

- `context`: the one dict every format renders from (memo_context, with_previous);
- `finding`: one finding as the memo shows it; `evidence`: what the draft says for it, quoted and cut;
- `assessment`: the assessment paragraph and the priority asks;
- `formats`: Word, Markdown and HTML written from the context;
- `words`: counts in words and sentences, shared with the compare memo and the comments on a draft.

Re-exported here: what callers import from `mandatekit.render.memo`."""

from __future__ import annotations

from mandatekit.render.memo.context import addressed, memo_context, with_previous
from mandatekit.render.memo.evidence import message, readable_reasons
from mandatekit.render.memo.formats import own_package, render_memo_docx, render_memo_text
from mandatekit.render.memo.words import _sentence, in_words, number

__all__ = [
    "_sentence",
    "addressed",
    "in_words",
    "memo_context",
    "message",
    "number",
    "own_package",
    "readable_reasons",
    "render_memo_docx",
    "render_memo_text",
    "with_previous",
]
