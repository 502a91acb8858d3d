"""`mandatekit check` and `mandatekit parse`: verdicts on the terminal, and how a draft is read."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import click

from mandatekit.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, notices
from mandatekit.cli.options import profile_option, rules_option, warn_mission
from mandatekit.errors import MandatekitError, shown


@click.command()
@click.argument("draft", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def parse(draft: Path, fmt: str) -> None:
    """Show how a draft is read: each paragraph's reference, kind and governing verb.

    Use it to see why a recommendation was or was not found where you expected.
    """
    from mandatekit.read import read

    document = read(draft)
    if fmt == "json":
        click.echo(shown(document.model_dump_json(indent=2)))
        return
    from mandatekit.render.parse import render_document

    click.echo(render_document(document), nl=False)
    for warning in document.warnings:
        click.echo(shown(f"mandatekit: warning: {draft}: {warning}"), err=True)


@click.command()
@click.argument("drafts", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown", "matrix", "csv"]),
    help="table (default for one draft): for people; matrix (default for several): one row per draft, one "
    "column per rule; csv: the same for spreadsheets; json: for machines (docs/json.md); markdown: for notes.",
)
@rules_option
@profile_option
@click.option("--only", help="Comma-separated rule ids to check, e.g. hrddp-support,sofa-reporting.")
@click.option(
    "--fail-on",
    type=click.Choice(["partial", "missing"]),
    help="Exit 1 if any finding is this bad or worse (partial: partial or missing). A recorded drafter "
    "decision that is not stale counts instead of the tool's verdict.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Drafts checked at once when there are several (default: one per core; 1: one after another, "
    "in this process). The output is the same whatever the number.",
)
def check(
    drafts: tuple[str, ...],
    fmt: str | None,
    rule_dirs: tuple[Path, ...],
    profile: str | None,
    only: str | None,
    fail_on: str | None,
    jobs: int | None,
) -> None:
    """Check drafts: met, partial or missing for each recommendation, with the evidence.

    DRAFTS are files, folders (every .docx, .txt, .md and .pdf inside) or glob patterns. A draft that
    cannot be read is reported and skipped; the others are still checked (exit status 2 then).

    \b
    Examples:
      mandatekit check draft.docx
      mandatekit check draft.docx --format json > findings.json
      mandatekit check rev1.docx rev2.docx --only hrddp-support --fail-on partial
      mandatekit check mandates/ --format csv > ten-years.csv
      mandatekit check sanctions-draft.docx --profile no-mission
      mandatekit check spm-draft.docx --profile generic-political
    """
    from mandatekit.api import setup as make_setup
    from mandatekit.batch import check_drafts, check_one, default_jobs

    paths = expand_drafts(drafts)
    fmt = fmt or ("table" if len(paths) == 1 else "matrix")
    setup = make_setup(list(rule_dirs), profile, near=paths[0] if paths else None)
    notices(setup)
    only_ids = [x.strip() for x in only.split(",") if x.strip()] if only else None
    # Where each fix goes, as the memo places it: in the outputs that show suggestions.
    fixes = fmt in ("table", "json", "markdown")
    reports, failed = [], 0
    if len(paths) == 1:
        # a draft that cannot be read: exit 2 at once
        reports.append(check_one(setup, paths[0], only_ids, fixes=fixes))
    else:
        results = check_drafts(
            paths, setup, only_ids, jobs or default_jobs(), list(rule_dirs), profile, fixes=fixes
        )
        show_progress = fmt not in ("json", "csv") and sys.stderr.isatty()
        bar = (
            click.progressbar(results, length=len(paths), label="Checking", file=sys.stderr)
            if show_progress
            else nullcontext(results)
        )
        with bar as items:
            for report, error in items:
                if error is not None:
                    failed += 1
                    click.echo(shown(f"mandatekit: error: {error} (skipped)"), err=True)
                else:
                    reports.append(report)
    for report in reports:
        warn_mission(report)
    _print_reports(reports, fmt, as_list=len(paths) > 1)
    if failed:
        click.echo(f"mandatekit: {failed} of {len(paths)} drafts could not be read", err=True)
        sys.exit(EXIT_BAD_INPUT)
    if fail_on:
        worst = 2 if fail_on == "missing" else 1
        for r in reports:
            for f in r.findings:
                verdict = (f.decision.effective if f.decision else None) or f.verdict
                if verdict.rank >= worst:
                    sys.exit(EXIT_FINDINGS)


def expand_drafts(arguments: tuple[str, ...]) -> list[Path]:
    """Files as given; folders to the drafts inside them (sorted); glob patterns the shell left alone."""
    from mandatekit.read import SUFFIXES

    out: list[Path] = []
    for arg in arguments:
        path = Path(arg)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise MandatekitError(path, "no drafts in this folder (.docx, .txt, .md, .pdf)")
            out += found
        elif not path.exists() and any(ch in arg for ch in "*?["):
            base = Path(arg).anchor or "."
            found = sorted(
                Path(base).glob(arg[len(Path(arg).anchor) :]) if Path(arg).is_absolute() else Path().glob(arg)
            )
            if not found:
                raise MandatekitError(None, f"no file matches '{arg}'")
            out += found
        else:
            out.append(path)
    return out


def _print_reports(reports: list[Any], fmt: str, as_list: bool) -> None:
    if fmt == "json":
        from mandatekit.render import render_json

        click.echo(shown(render_json(reports, as_list)))
    elif fmt == "markdown":
        from mandatekit.render.text import render_markdown

        click.echo(shown("\n".join(render_markdown(r) for r in reports)), nl=False)
    elif fmt in ("matrix", "csv"):
        from mandatekit.render.matrix import render_csv, render_matrix

        # The matrix is styled: its renderer shows the names it prints (CSV: every cell) itself.
        click.echo(shown(render_csv(reports)) if fmt == "csv" else render_matrix(reports), nl=False)
    else:
        from mandatekit.render.table import render_table

        click.echo("\n".join(render_table(r) for r in reports), nl=False)  # styled: shows names itself
    for report in reports:
        for warning in dict.fromkeys(report.warnings):  # each once, in the order met
            click.echo(shown(f"mandatekit: warning: {report.document.path}: {warning}"), err=True)
