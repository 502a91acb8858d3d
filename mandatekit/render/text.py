"""Markdown and HTML renderings of a report, from Jinja2 templates in templates/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mandatekit.judge import Report
from mandatekit.render import template_env


def render_template(
    name: str, context: dict[str, Any], template_dir: Path | None = None, markdown: bool | None = None
) -> str:
    """Render a text template. `markdown` (default: from the name, .md.j2): escape HTML in printed values."""
    from jinja2 import TemplateError

    from mandatekit.errors import MandatekitError
    from mandatekit.render.sandbox import TemplateTimeout, cpu_limit, render_bounded

    if markdown is None:
        markdown = name.endswith((".md.j2", ".md", ".markdown.j2"))
    path = template_dir / name if template_dir else name
    try:
        with cpu_limit():
            return render_bounded(template_env(template_dir, markdown, main=name).get_template(name), context)
    except TemplateError as exc:
        where = f"{exc.filename}:{exc.lineno}" if getattr(exc, "lineno", None) else path  # type: ignore[attr-defined]
        raise MandatekitError(where, f"template error: {' '.join(str(exc.message).split())}") from exc
    except UnicodeDecodeError as exc:
        head = Path(path).read_bytes()[:4] if template_dir else b""
        what = (
            "is a Word (.docx) template: use it for a .docx memo; a Markdown or HTML memo needs a text "
            "template (.md.j2, .html.j2)"
            if head.startswith(b"PK")
            else "is not UTF-8 text: save the template as UTF-8"
        )
        raise MandatekitError(path, what) from exc
    except TemplateTimeout as exc:
        raise MandatekitError(path, f"template error: {exc}") from exc
    except (OverflowError, MemoryError, RecursionError, ValueError, TypeError, ArithmeticError) as exc:
        # What the sandbox's limits leave: a huge number in a filter, a recursive macro ...
        detail = " ".join(str(exc).split())[:120]
        raise MandatekitError(
            path, f"template error: {type(exc).__name__}{': ' + detail if detail else ''}"
        ) from exc


def render_markdown(report: Report) -> str:
    return render_template("report.md.j2", {"report": report})
