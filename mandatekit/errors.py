"""Errors a user can act on. The CLI prints them as one line and exits with status 2."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

# Characters a terminal acts on rather than shows: C0 and C1 control codes (ESC opens the sequences that
# recolour, move the cursor, retitle the window or write the clipboard), and the bidirectional controls that
# show text in another order than it is. Whitespace is left to whoever joins the line.
_UNSHOWN = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """`text` (a file name, a value from a file or the environment) safe to print: each character a
    terminal would act on written as its escape (\\u001b), so no input can recolour or rewrite the screen.
    The escape is JSON's own: a JSON text stays valid, and means what it meant."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSHOWN.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


class MandatekitError(Exception):
    """A problem with the user's input: a draft, a rule file, a template, a config file."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(self.line())

    def line(self) -> str:
        return shown(f"{self.path}: {self.problem}" if self.path else self.problem)


class DraftError(MandatekitError):
    """The draft cannot be read."""


class RuleError(MandatekitError):
    """One or more rule files are invalid; `problems` lists each one."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(None, "; ".join(problems) if len(problems) == 1 else f"{len(problems)} problems")

    def line(self) -> str:
        return "\n".join(map(shown, self.problems))


# Where warnings go: the command line prints each as one line on stderr; the Python API issues a
# UserWarning.
_warning_hook: list[Callable[[str], None]] = []


def warn(path: str | Path | None, problem: str) -> None:
    """Tell the user about something done in their place (an input ignored), without failing."""
    line = shown(f"{path}: {problem}" if path is not None else problem)
    if _warning_hook:
        _warning_hook[-1](line)
    else:
        import warnings

        warnings.warn(line, UserWarning, stacklevel=2)


@contextmanager
def warnings_to(hook: Callable[[str], None]) -> Iterator[None]:
    _warning_hook.append(hook)
    try:
        yield
    finally:
        _warning_hook.remove(hook)


# What the program was doing, and on which file, when an unexpected exception went through: the CLI's last
# line of defence (and the web page's) names them in its one line instead of printing a traceback. One per
# context, like the inputs noted in mandatekit.output: a web request's failure is its own.
_failed_at: ContextVar[tuple[str | None, str] | None] = ContextVar("mandatekit_failed_at", default=None)


@contextmanager
def working_on(path: str | Path | None, what: str) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        if not isinstance(exc, MandatekitError) and _failed_at.get() is None:
            _failed_at.set((str(path) if path is not None else None, what))  # the innermost step wins
        raise


def failed_at() -> tuple[str | None, str] | None:
    return _failed_at.get()


def forget_failure() -> None:
    _failed_at.set(None)


def nearest(wanted: str, known: Iterable[str]) -> str:
    """ " (did you mean 'poc-policy'?)" for a name mistyped, the closest known ones (up to three); else ""."""
    import difflib

    close = [f"'{c}'" for c in difflib.get_close_matches(wanted.strip().casefold(), sorted(known), n=3)]
    if not close:
        return ""
    options = close[0] if len(close) == 1 else f"{', '.join(close[:-1])} or {close[-1]}"
    return f"did you mean {options}?"


def one_line(text: str) -> str:
    """One line, with what a terminal would act on (escape sequences in a file name) made visible."""
    return shown(" ".join(text.split()))


def unexpected(exc: BaseException) -> str:
    """The line telling a user of an unexpected error (a bug, or input hostile in a way nothing foresaw):
    which file, what was being done, the exception's kind and the start of its message."""
    where, what = failed_at() or (None, "running the command")
    detail = one_line(str(exc))[:200]
    message = f"unexpected {type(exc).__name__} while {what}" + (f" ({detail})" if detail else "")
    return f"{where + ': ' if where else ''}{message}"
