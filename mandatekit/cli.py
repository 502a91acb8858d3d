"""The command line: thin click commands that wire read → judge → render. No logic of its own."""

from __future__ import annotations

import importlib
import json
import os
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import click

from mandatekit import __version__
from mandatekit.cli_options import profile_option, rules_option
from mandatekit.errors import MandatekitError, RuleError

EXIT_FINDINGS, EXIT_BAD_INPUT = 1, 2  # 0: checked


# Commands kept in their own modules: name -> module (the command is the module's attribute of that name).
_LAZY_COMMANDS = {
    "annotate": "mandatekit.cli_memo",
    "memo": "mandatekit.cli_memo",
    "redline": "mandatekit.cli_memo",
    "template": "mandatekit.cli_memo",
    "compare": "mandatekit.cli_rounds",
    "decide": "mandatekit.cli_rounds",
    "rules": "mandatekit.cli_rules",
}


class Cli(click.Group):
    """Turns every error into clear lines on stderr and exit status 2, never a traceback (unless --debug).

    The commands kept in their own modules are imported when they run, or when all are listed (--help):
    `check` does not pay for the others' imports."""

    def main(self, args: Any = None, *rest: Any, **options: Any) -> Any:
        if args is None:  # the process's own command line: the mandatekit program, not a caller's (CliRunner)
            # Pydantic looks for plugins (observers of validation, documented at
            # docs.pydantic.dev/latest/concepts/plugins) when it builds the first model, by reading the entry
            # points of every installed distribution: work at each start for a hook the command line has no
            # use for. Disabled here, before any model is built, for this process (and its workers) only;
            # `import mandatekit` leaves pydantic as the user set it, and so does an explicit setting.
            os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        return super().main(args, *rest, **options)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *_LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            # An unknown name loads them all: click's "Did you mean ...?" looks among `self.commands`.
            for name in [cmd_name] if cmd_name in _LAZY_COMMANDS else _LAZY_COMMANDS:
                if name not in self.commands:
                    module = importlib.import_module(_LAZY_COMMANDS[name])
                    self.add_command(getattr(module, name))
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        from mandatekit.errors import failed_at, forget_failure
        from mandatekit.output import forget_inputs

        forget_failure()
        forget_inputs()
        previous = _stop_cleanly_on_sigterm()
        try:
            return super().invoke(ctx)
        except RuleError as exc:
            for problem in exc.problems:
                click.echo(f"mandatekit: {_one_line(problem)}", err=True)
            n = len(exc.problems)
            if n > 1:
                click.echo(f"mandatekit: {n} problems in rule files", err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except MandatekitError as exc:
            click.echo(f"mandatekit: error: {_one_line(exc.line())}", err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except KeyboardInterrupt:
            click.echo("mandatekit: interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            # The last line of defence: a bug, or input hostile in a way nothing above foresaw. Exit 1 would
            # tell a review pipeline "findings", and a traceback helps no drafter.
            if ctx.params.get("debug"):
                import traceback

                traceback.print_exc()
            where, what = failed_at() or (None, "running the command")
            detail = _one_line(str(exc))[:200]
            message = f"unexpected {type(exc).__name__} while {what}" + (f" ({detail})" if detail else "")
            click.echo(
                f"mandatekit: error: {where + ': ' if where else ''}{message}; run with --debug for details",
                err=True,
            )
            ctx.exit(EXIT_BAD_INPUT)
        finally:
            if previous is not None:
                import signal

                signal.signal(signal.SIGTERM, previous)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _stop_cleanly_on_sigterm() -> Any:
    """SIGTERM unwinds like Ctrl-C, so a write in progress removes its temporary file. Returns the handler
    it replaced (None when signals cannot be handled here)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):
        return None


def _notices(setup: Any) -> None:
    for notice in setup.rulebook.notices:
        click.echo(f"mandatekit: note: {notice}", err=True)


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="mandatekit")
@click.option("--debug", is_flag=True, help="On an unexpected error, print the Python traceback.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Load the rulebook afresh, without the cache of validated rules (also: MANDATEKIT_NO_CACHE=1; "
    "the cache folder is MANDATEKIT_CACHE_DIR, else ~/.cache/mandatekit).",
)
def main(debug: bool, no_cache: bool) -> None:
    """Check a draft Security Council mandate against advocacy recommendations.

    \b
    Start here:
      mandatekit check draft.docx               verdicts on the terminal
      mandatekit memo draft.docx -o memo.docx   a Word gap-analysis memo
      mandatekit annotate draft.docx -o out.docx  the draft with review comments
      mandatekit redline draft.docx -o out.docx   the draft with each fix as a tracked change
      mandatekit rules list                     the recommendations checked

    Drafts may be .docx (automatic numbering and tracked changes understood), .txt, .md or .pdf.
    Exit status: 0 checked, 1 findings at or past --fail-on, 2 bad input.
    """
    if no_cache:
        os.environ["MANDATEKIT_NO_CACHE"] = "1"  # the environment: worker processes see it too


@main.command()
@click.argument("draft", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def parse(draft: Path, fmt: str) -> None:
    """Show how a draft is read: each paragraph's reference, kind and governing verb.

    Use it to see why a recommendation was or was not found where you expected.
    """
    from mandatekit.read import read

    document = read(draft)
    if fmt == "json":
        click.echo(document.model_dump_json(indent=2))
        return
    from mandatekit.render.parse import render_document

    click.echo(render_document(document), nl=False)
    for warning in document.warnings:
        click.echo(f"mandatekit: warning: {draft}: {warning}", err=True)


@main.command()
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
    """
    from mandatekit.api import setup as make_setup
    from mandatekit.batch import check_drafts, check_one, default_jobs

    paths = expand_drafts(drafts)
    fmt = fmt or ("table" if len(paths) == 1 else "matrix")
    setup = make_setup(list(rule_dirs), profile)
    _notices(setup)
    only_ids = [x.strip() for x in only.split(",") if x.strip()] if only else None
    reports, failed = [], 0
    if len(paths) == 1:
        reports.append(check_one(setup, paths[0], only_ids))  # a draft that cannot be read: exit 2 at once
    else:
        results = check_drafts(paths, setup, only_ids, jobs or default_jobs(), list(rule_dirs), profile)
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
                    click.echo(f"mandatekit: error: {error} (skipped)", err=True)
                else:
                    reports.append(report)
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
        payload = [r.model_dump(mode="json") for r in reports]
        click.echo(json.dumps(payload if as_list else payload[0], indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        from mandatekit.render.text import render_markdown

        click.echo("\n".join(render_markdown(r) for r in reports), nl=False)
    elif fmt in ("matrix", "csv"):
        from mandatekit.render.matrix import render_csv, render_matrix

        click.echo(render_csv(reports) if fmt == "csv" else render_matrix(reports), nl=False)
    else:
        from mandatekit.render.table import render_table

        click.echo("\n".join(render_table(r) for r in reports), nl=False)
    for report in reports:
        for warning in report.warnings:
            click.echo(f"mandatekit: warning: {report.document.path}: {warning}", err=True)


if __name__ == "__main__":
    main()
