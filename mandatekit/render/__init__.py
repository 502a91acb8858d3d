"""Render reports: terminal table, JSON, Markdown and HTML (Jinja2 templates), Word memo, annotated draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mandatekit.resources import data_dir

VERDICT_LABEL = {"met": "Met", "partial": "Partial", "missing": "Missing"}


def template_env(extra_dir: Path | None = None, markdown: bool = False, main: str | None = None) -> Any:
    """Jinja2 environment over the user's template folder (if any), then the bundled templates/. Sandboxed:
    a user template can format the report but cannot reach into Python, nor exhaust the machine; and it
    reads only what it ships: `main` (the template given) and the templates beside it (see
    `shipped_templates`). `markdown`: every value printed has its HTML escaped."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, select_autoescape

    from mandatekit.render.fixes import met_notes
    from mandatekit.render.sandbox import BoundedSandbox, escape_markdown_html, shipped_templates, shown_text

    builtin = FileSystemLoader(str(data_dir("templates")))
    env = BoundedSandbox(
        loader=ChoiceLoader([shipped_templates(extra_dir, main), builtin]) if extra_dir else builtin,
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=escape_markdown_html if markdown else shown_text,
    )
    env.filters["verdict_label"] = lambda v: VERDICT_LABEL.get(getattr(v, "value", v), str(v))
    env.filters["cited_once"] = cited_once
    env.filters["met_notes"] = met_notes
    return env


def cited_once(sources: list[Any]) -> list[dict[str, Any]]:
    """A finding's sources as a reader should see them: each document once, with the passages quoted from it
    (`title`, `quotes`); and the documents made for another mission, which are named, not quoted, once per
    mission (`made_for`, `titles`): one rule quoting two passages of one brief, or two briefs written for
    the same mission, are one mention, not one per quote. In the order the rule gives them."""
    out: list[dict[str, Any]] = []
    quoted: dict[str, dict[str, Any]] = {}
    elsewhere: dict[str, dict[str, Any]] = {}
    for s in sources:
        title = s.title or s.id
        if s.quote is None:
            if s.made_for not in elsewhere:
                elsewhere[s.made_for] = {"made_for": s.made_for, "titles": [], "quotes": []}
                out.append(elsewhere[s.made_for])
            if title not in elsewhere[s.made_for]["titles"]:
                elsewhere[s.made_for]["titles"].append(title)
        else:
            if s.id not in quoted:
                quoted[s.id] = {"made_for": None, "title": title, "quotes": []}
                out.append(quoted[s.id])
            if s.quote.strip():  # the templates join the quotes with "; ": an empty one would show as "; ;"
                quoted[s.id]["quotes"].append(s.quote)
    return out


def render_json(reports: list[Any], as_list: bool = False) -> str:
    """Reports as JSON (docs/json.md): a list, or the one report alone. No final newline."""
    import json

    payload = [r.model_dump(mode="json") for r in reports]
    return json.dumps(payload if as_list else payload[0], indent=2, ensure_ascii=False)
