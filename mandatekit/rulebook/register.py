"""Registers of source documents: the bundled one (seeds/sources.yaml) and those a user keeps beside their
rules — `_sources.yaml` in a rule folder, or `sources = [...]` in the config file — validated alike.

A register names each document a rule cites, and the mission it was written for (`made_for`): a
recommendation made for MINUSCA's renewal is presented to another mission's drafter as such."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from mandatekit.rulebook.model import Strict

REGISTER_NAME = "_sources.yaml"  # in a rule folder: the leading '_' keeps it from being read as a rule


class Recommendation(Strict):
    id: str = Field(description="The recommendation's id (a rule's id in capitals, e.g. POC-PRIORITY)")
    quote: str | None = Field(None, description="The source's words, quoted exactly")
    where: str | None = Field(None, description="Where in the document (section, page)")


class RegisteredSource(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Id rules cite under sources:")
    title: str
    kind: str | None = Field(None, description="What the document is: an advocacy brief, a report ...")
    author: str | None = None
    date: str | None = None
    made_for: str | None = Field(
        None, description="The mission the document's recommendations were made for (e.g. MINUSCA)"
    )
    recommendations: list[Recommendation] = Field(default_factory=list)

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return value.isoformat() if isinstance(value, datetime.date) else value


class Register(Strict):
    sources: list[RegisteredSource] = Field(min_length=1)


def read_register(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The sources of one register file (as plain data), and its problems (file:line: what)."""
    import yaml

    from mandatekit.output import note_input
    from mandatekit.rulebook.files import validation_errors
    from mandatekit.rulebook.scaffold import REGISTER_WHAT, unfilled
    from mandatekit.rulebook.yamlfile import line_index, parse_yaml, where_it_starts

    note_input(path, "source register")
    try:
        text = path.read_text(encoding="utf-8")
        node, data = parse_yaml(text)
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: source register cannot be read ({getattr(exc, 'strerror', None) or exc})"]
    except yaml.YAMLError as exc:
        line, problem = where_it_starts(text, exc)
        return [], [f"{f'{path}:{line}' if line else path}: invalid YAML: {problem}"]
    if not isinstance(data, dict) or node is None:
        return [], [f"{path}: a source register must be a YAML mapping with 'sources: [...]'"]
    placeholder = unfilled(path, node, REGISTER_WHAT)
    if placeholder:  # the register `rules new` writes, not yet filled in
        return [], [placeholder]
    try:
        register = Register.model_validate(data)
    except ValidationError as exc:
        errors = validation_errors(
            exc,
            line_index(node),
            "unknown field (known: id, title, kind, author, date, made_for, recommendations)",
            Register,
        )
        return [], [
            f"{path}:{line or 1}: {'.'.join(map(str, loc)) or 'register'}: {m}" for loc, line, m in errors
        ]
    ids = [s.id for s in register.sources]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        return [], [f"{path}: source id {', '.join(dupes)} is registered twice"]
    return [s.model_dump(exclude_none=True) for s in register.sources], []


def register_files(rule_dirs: list[Path], extra: list[Path] | None = None) -> list[Path]:
    """The registers beside user rules: each folder's _sources.yaml, then those the config names."""
    return [d / REGISTER_NAME for d in rule_dirs if (d / REGISTER_NAME).is_file()] + list(extra or [])
