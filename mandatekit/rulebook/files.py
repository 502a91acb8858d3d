"""A rule, profile or source-register file as its writer is told about it: YAML read with aliases and deep
nests refused, pydantic's errors with the line of the file they concern; and the code whose every change
invalidates the cache of validated files."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError


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


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation may hold: itself, or inside Optional, unions, lists and dicts."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def known_fields(model: type[BaseModel], path: tuple[Any, ...]) -> set[str]:
    """The field names a mapping at `path` (pydantic's loc, without the unknown field) may hold: the known
    fields to offer a writer who mistyped one. Dict keys and list positions on the path are stepped over."""
    models = [model]
    for part in path:
        if not isinstance(part, str):
            continue  # a list position: the same item model
        inner = [m.model_fields[part].annotation for m in models if part in m.model_fields]
        models = [m for a in inner for m in _models_in(a)] if inner else models  # else: a dict key
    return {name for m in models for name, f in m.model_fields.items() for name in (name, f.alias) if name}


def validation_errors(
    exc: ValidationError, lines: dict[str, int], unknown_field: str, model: type[BaseModel] | None = None
) -> list[tuple[tuple[Any, ...], int | None, str]]:
    """pydantic's errors as (field path, line in the YAML file, message for the writer), shared by rule
    files, profiles and source registers: pydantic's own tags (union members, validators) are left out of
    the path and its two commonest messages said in our words. With `model`, a mistyped field is told the
    nearest known ones ('min_verbs': did you mean 'min_verb'?)."""
    from mandatekit.errors import nearest

    out = []
    for err in exc.errors():
        loc = tuple(
            p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function")))
        )
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = unknown_field
            if model is not None and loc:
                near = nearest(str(loc[-1]), known_fields(model, loc[:-1]))
                message += f"; {near}" if near else ""
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
