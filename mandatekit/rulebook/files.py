"""A rule, profile or source-register file as its writer is told about it: YAML read with aliases and deep
nests refused, pydantic's errors with the line of the file they concern; and the code whose every change
invalidates the cache of validated files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError


def parse_yaml_data(text: str) -> Any:
    """The data of a YAML file written by a person (a profile, a decisions file), aliases and deep nests
    refused."""
    return parse_yaml_nodes(text)[1]


def parse_yaml_nodes(text: str) -> tuple[Any, Any]:
    """(node tree for line numbers, data) of a YAML file; PyYAML is imported only when a file is parsed."""
    from mandatekit.rulebook.yamlfile import parse_yaml

    return parse_yaml(text)


def line_of(lines: dict[str, int], loc: tuple[Any, ...] | list[Any]) -> int | None:
    parts = [str(p) for p in loc]
    while parts:
        if ".".join(parts) in lines:
            return lines[".".join(parts)]
        parts.pop()
    return lines.get("")


def validation_errors(
    exc: ValidationError, lines: dict[str, int], unknown_field: str
) -> list[tuple[tuple[Any, ...], int | None, str]]:
    """pydantic's errors as (field path, line in the YAML file, message for the writer), shared by rule
    files, profiles and source registers: pydantic's own tags (union members, validators) are left out of
    the path and its two commonest messages said in our words."""
    out = []
    for err in exc.errors():
        loc = tuple(
            p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function")))
        )
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = unknown_field
        elif err["type"] == "missing":
            message = "required field is missing"
        elif err["type"] == "string_type" and isinstance(err.get("input"), dict) and len(err["input"]) == 1:
            # `- {national_forces}` is a YAML mapping, not the phrase its writer meant
            name = next(iter(err["input"]))
            message = f'YAML reads {{{name}}} here as a mapping: quote the phrase, "{{{name}}} ..."'
        out.append((loc, line_of(lines, loc), message))
    return out


# The code that decides whether a rule or profile file is valid and what it loads to.
VALIDATION_CODE = (
    *sorted(Path(__file__).parent.glob("*.py")),
    Path(__file__).parents[1] / "read" / "model.py",
)


def with_json(result: Any, as_json: Any) -> tuple[Any, Any]:
    """A loaded value with its JSON form, as the cache stores it."""
    return result, as_json(result)
