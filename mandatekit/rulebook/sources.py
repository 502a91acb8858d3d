"""The register of source documents the rules quote (seeds/sources.yaml and a user's registers)."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

from mandatekit.cache import cached, file_parts, key_of
from mandatekit.errors import RuleError
from mandatekit.resources import data_dir
from mandatekit.rulebook.files import parse_yaml_nodes, with_json


def load_sources(registers: list[Path] | None = None) -> dict[str, Any]:
    """The register of source documents (seeds/sources.yaml) and those in `registers` (validated when the
    rulebook was loaded); read once per process, callers get a copy."""
    data = copy.deepcopy(_read_sources(data_dir("seeds") / "sources.yaml"))
    if registers:
        from mandatekit.rulebook.register import read_register

        seen = {s["id"] for s in data.get("sources", [])}
        for path in registers:
            entries, problems = read_register(path)
            if problems:
                raise RuleError(problems)
            data.setdefault("sources", []).extend(s for s in entries if s["id"] not in seen)
    return data


@lru_cache(maxsize=4)
def _read_sources(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    return cached(  # data JSON cannot hold as it is (a YAML date) is not cached: parsed each time
        f"sources-{key_of([str(path)])[:16]}",
        file_parts([path]),
        lambda: with_json(parse_yaml_nodes(path.read_text(encoding="utf-8"))[1] or {}, lambda data: data),
        _sources_from_json,
    )


def _sources_from_json(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError("not a source register")
    return value
