"""The Python API: the same stages the command line wires together.

>>> import mandatekit
>>> report = mandatekit.check("draft.docx", profile="minusca")
>>> [f.rule for f in report.findings if f.verdict == "missing"]
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mandatekit import __version__
from mandatekit.config import Config, load_config
from mandatekit.errors import MandatekitError, RuleError
from mandatekit.rulebook import DEFAULT_PROFILE, Profile, Rulebook, load_profiles, load_rulebook, load_sources

if TYPE_CHECKING:  # imported where used: `rules list`, `rules show` ... load rules but judge no draft
    from mandatekit.judge import Report
    from mandatekit.read import Document


@dataclass
class Setup:
    """A loaded rulebook with the profile to apply: built once, used for many drafts."""

    rulebook: Rulebook
    profile: Profile
    sources: dict[str, str]

    @property
    def label(self) -> str:
        return f"mandatekit {__version__}, {len(self.rulebook.rules)} rules"

    def judge(self, document: Document, only: list[str] | None = None) -> Report:
        from mandatekit.judge import judge_document

        rules = self.rulebook.rules
        if only:
            unknown = sorted(set(only) - {r.id for r in rules})
            if unknown:
                raise MandatekitError(None, f"--only: no rule with id {', '.join(unknown)}")
            rules = [r for r in rules if r.id in only]
        return judge_document(document, rules, self.profile, self.sources, self.label)


def setup(
    rules: list[str | os.PathLike[str]] | None = None,
    profile: str | None = None,
    config: Config | None = None,
    builtin: bool = True,
    examples: bool = True,
) -> Setup:
    """Load rules (built-in + `rules` folders + config folders) and pick the profile. `examples`: run the
    examples of the rules not built in, and refuse the rulebook if one fails (the built-in ones are tested
    before release)."""
    config = config if config is not None else load_config()
    profiles = load_profiles(config.profiles)
    wanted = profile or config.profile or DEFAULT_PROFILE
    if wanted not in profiles:
        raise MandatekitError(None, f"unknown profile '{wanted}' (available: {', '.join(sorted(profiles))})")
    extra = [*config.rules, *(Path(r) for r in rules or [])]
    rulebook = load_rulebook(extra, builtin=builtin, disable=config.disable, profiles=profiles)
    if examples and extra:
        from mandatekit.judge.examples import example_failures
        from mandatekit.resources import data_dir

        builtin_dir = data_dir("rules").resolve()
        users = [r for r in rulebook.rules if not rulebook.files[r.id].resolve().is_relative_to(builtin_dir)]
        failures = example_failures(rulebook, users, profiles[wanted])
        if failures:
            raise RuleError(failures)
    sources = {s["id"]: s.get("title", s["id"]) for s in load_sources().get("sources", [])}
    return Setup(rulebook, profiles[wanted], sources)


def load_rules(rules: list[str | os.PathLike[str]] | None = None) -> Rulebook:
    return setup(rules).rulebook


def check(
    draft: str | os.PathLike[str],
    rules: list[str | os.PathLike[str]] | None = None,
    profile: str | None = None,
    only: list[str] | None = None,
) -> Report:
    """Check a draft (a file path, or the text itself) and return the report."""
    from mandatekit.read import SUFFIXES, read, read_string

    if isinstance(draft, str) and ("\n" in draft or Path(draft).suffix.lower() not in SUFFIXES):
        document = read_string(draft)
    else:
        document = read(draft)
    return setup(rules, profile).judge(document, only)
