"""Default factories of model fields. Python functions, not the builtins `list` and `dict`: pydantic
inspects a factory's signature when it builds a model, and a builtin's is parsed from its text signature
(tokenizer and all), about half a millisecond each: 10 ms of every start-up for some twenty fields."""

from __future__ import annotations

from typing import Any


def empty_list() -> list[Any]:
    return []


def empty_dict() -> dict[Any, Any]:
    return {}
