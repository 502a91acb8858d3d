"""The command line: thin click commands that wire read → judge → render. No logic of its own.

This module is the `mandatekit` group and its handling of errors; each command lives in a module of this
package and is imported only when it runs (or when --help lists them all): `mandatekit check` does not pay
for the imports of `memo`, `rules` ..."""

from __future__ import annotations

import importlib
import os
from typing import Any

import click

from mandatekit import __version__
from mandatekit.errors import MandatekitError, RuleError, one_line, shown

EXIT_FINDINGS, EXIT_BAD_INPUT = 1, 2  # 0: checked
EXIT_BROKEN_PIPE = 141  # the reader closed the pipe: what a shell reports for a program SIGPIPE ended


# Every command, by name -> its module (the command is the module's attribute of that name).
_LAZY_COMMANDS = {
    "check": "mandatekit.cli.check",
    "parse": "mandatekit.cli.check",
    "annotate": "mandatekit.cli.memo",
    "memo": "mandatekit.cli.memo",
    "redline": "mandatekit.cli.memo",
    "template": "mandatekit.cli.memo",
    "compare": "mandatekit.cli.rounds",
    "decide": "mandatekit.cli.rounds",
    "rules": "mandatekit.cli.rules",
    "profiles": "mandatekit.cli.profiles",
    "serve": "mandatekit.cli.serve",
}


class Cli(click.Group):
    """Turns every error into clear lines on stderr and exit status 2, never a traceback (unless --debug).

    The commands are imported when they run, or when all are listed (--help): `check` does not pay for the
    others' imports."""

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
        from mandatekit.errors import forget_failure, unexpected
        from mandatekit.output import forget_inputs

        forget_failure()
        forget_inputs()
        previous = _stop_cleanly_on_sigterm()
        try:
            from mandatekit.environment import check as check_environment
            from mandatekit.errors import warnings_to

            check_environment()  # a variable a command cannot use: said once, before any work
            said: set[str] = set()

            def warning(line: str) -> None:
                if line not in said:  # once, however often the command asks
                    said.add(line)
                    click.echo(f"mandatekit: warning: {one_line(line)}", err=True)

            with warnings_to(warning):
                return super().invoke(ctx)
        except RuleError as exc:
            for problem in exc.problems:
                click.echo(f"mandatekit: {one_line(problem)}", err=True)
            n = len(exc.problems)
            if n > 1:
                click.echo(f"mandatekit: {n} problems in rule files", err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except MandatekitError as exc:
            click.echo(f"mandatekit: error: {one_line(exc.line())}", err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except KeyboardInterrupt:
            click.echo("mandatekit: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # The reader stopped reading (`mandatekit rules list | head`): nothing went wrong here. Standard
            # output now leads nowhere, and Python's own flush at exit must not complain about it either.
            _stdout_to_devnull()
            ctx.exit(EXIT_BROKEN_PIPE)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            # The last line of defence: a bug, or input hostile in a way nothing above foresaw. Exit 1 would
            # tell a review pipeline "findings", and a traceback helps no drafter.
            if ctx.params.get("debug"):
                import traceback

                traceback.print_exc()
            click.echo(shown(f"mandatekit: error: {unexpected(exc)}; run with --debug for details"), err=True)
            ctx.exit(EXIT_BAD_INPUT)
        finally:
            if previous is not None:
                import signal

                signal.signal(signal.SIGTERM, previous)


def _stdout_to_devnull() -> None:
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor (a caller's stream): nothing to flush
        pass


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


def notices(setup: Any) -> None:
    for notice in setup.rulebook.notices:
        click.echo(shown(f"mandatekit: note: {notice}"), err=True)


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
      mandatekit check draft.docx                 verdicts on the terminal
      mandatekit memo draft.docx -o memo.docx     a Word gap-analysis memo
      mandatekit annotate draft.docx -o out.docx  the draft with review comments
      mandatekit redline draft.docx -o out.docx   the draft with each fix as a tracked change
      mandatekit compare rev1.docx rev2.docx      what a round of drafting gained and lost
      mandatekit rules list                       the recommendations checked
      mandatekit profiles list                    the missions known (--profile UNMISS chooses one)
      mandatekit serve                            all of it on a web page, on this computer

    Drafts may be .docx (automatic numbering and tracked changes understood), .txt, .md or .pdf.
    Exit status: 0 checked, 1 findings at or past --fail-on, 2 bad input.
    """
    if no_cache:
        os.environ["MANDATEKIT_NO_CACHE"] = "1"  # the environment: worker processes see it too
