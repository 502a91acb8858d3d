"""Markdown and HTML renderings of a report, from Jinja2 templates in templates/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mandatekit.judge import Report
from mandatekit.render import template_env


def render_template(name: str, context: dict[str, Any], template_dir: Path | None = None) -> str:
    from jinja2 import TemplateError

    from mandatekit.errors import MandatekitError

    try:
        return template_env(template_dir).get_template(name).render(**context)
    except TemplateError as exc:
        where = f"{exc.filename}:{exc.lineno}" if getattr(exc, "lineno", None) else name  # type: ignore[attr-defined]
        raise MandatekitError(where, f"template error: {exc.message}") from exc


def render_markdown(report: Report) -> str:
    return render_template("report.md.j2", {"report": report})
