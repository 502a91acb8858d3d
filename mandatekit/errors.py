"""Errors a user can act on. The CLI prints them as one line and exits with status 2."""

from __future__ import annotations

from pathlib import Path


class MandatekitError(Exception):
    """A problem with the user's input: a draft, a rule file, a template, a config file."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(self.line())

    def line(self) -> str:
        return f"{self.path}: {self.problem}" if self.path else self.problem


class DraftError(MandatekitError):
    """The draft cannot be read."""


class RuleError(MandatekitError):
    """One or more rule files are invalid; `problems` lists each one."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(None, "; ".join(problems) if len(problems) == 1 else f"{len(problems)} problems")

    def line(self) -> str:
        return "\n".join(self.problems)
