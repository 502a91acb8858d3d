"""Load, validate and hold rule files, profiles and the register of source documents.

Rules are data: one YAML file per rule, in folders. The built-in folder comes first; folders a user adds
(`--rules DIR`, or `rules = [...]` in the config file) come after, and a user rule with the id of a
built-in one replaces it (and says so)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from mandatekit.errors import RuleError
from mandatekit.output import note_input
from mandatekit.resources import data_dir
from mandatekit.rulebook.model import Condition, Element, Example, Profile, Rule, Severity, Verdict
from mandatekit.rulebook.patterns import PatternError, compile_patterns

__all__ = [
    "Condition",
    "Element",
    "Example",
    "Profile",
    "Rule",
    "Rulebook",
    "Severity",
    "Verdict",
    "load_profiles",
    "load_rulebook",
    "load_sources",
]

DEFAULT_PROFILE = "minusca"


@dataclass
class Rulebook:
    rules: list[Rule]
    files: dict[str, Path]  # rule id -> file it was read from
    lines: dict[str, dict[str, int]] = field(default_factory=dict)  # rule id -> dotted path -> line
    notices: list[str] = field(default_factory=list)  # replacements of built-in rules, disabled rules

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def _line_index(node: yaml.Node, prefix: str = "", out: dict[str, int] | None = None) -> dict[str, int]:
    """Dotted path ('elements.hrddp.phrases.2') -> 1-based line, from the YAML node tree."""
    out = {} if out is None else out
    out.setdefault(prefix, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = f"{prefix}.{key.value}" if prefix else str(key.value)
            out[path] = key.start_mark.line + 1
            _line_index(value, path, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_index(item, f"{prefix}.{i}" if prefix else str(i), out)
    return out


MAX_YAML_DEPTH = 32  # rule files nest 4 deep; libyaml's composer crashes the process some thousands deep


class YamlRefused(yaml.MarkedYAMLError):
    """YAML that is valid but hostile: aliases (a few hundred bytes can expand to billions of nodes) or
    nesting deeper than any rule, profile or decisions file needs."""


def _refuse_hostile_yaml(text: str) -> None:
    """Walk the parser's events (streaming, no tree built) and stop at the first alias or too deep a nest."""
    loader = _LOADER(text)
    try:
        depth = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                raise YamlRefused(
                    problem="YAML aliases (*name) are not allowed here: write the value out in full",
                    problem_mark=event.start_mark,
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise YamlRefused(
                        problem=f"nested more than {MAX_YAML_DEPTH} levels deep",
                        problem_mark=event.start_mark,
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml_data(text: str) -> Any:
    """The data of a YAML file written by a person (a profile, a decisions file), aliases and deep nests
    refused."""
    return _parse_yaml(text)[1]


def _parse_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once, keeping the node tree (for line numbers) and the data. libyaml's C parser when PyYAML
    has it: rule loading is most of the start-up time of every command."""
    _refuse_hostile_yaml(text)
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def line_of(lines: dict[str, int], loc: tuple[Any, ...] | list[Any]) -> int | None:
    parts = [str(p) for p in loc]
    while parts:
        if ".".join(parts) in lines:
            return lines[".".join(parts)]
        parts.pop()
    return lines.get("")


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_rule_file(path: Path) -> tuple[Rule | None, dict[str, int], list[str]]:
    """Parse and validate one rule file: (rule or None, line index, problems)."""
    note_input(path, "rule file")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, {}, [f"{path}: cannot be read ({exc})"]
    try:
        node, data = _parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        return None, {}, [f"{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}"]
    if not isinstance(data, dict) or node is None:
        return None, {}, [f"{path}: a rule file must be a YAML mapping (id: ..., title: ..., ...)"]
    lines = _line_index(node)
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(
                p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function")))
            )
            line = line_of(lines, loc)
            where = f"{path}:{line}" if line else str(path)
            message = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                message = "unknown field (check the spelling; see docs/writing-rules.md)"
            elif err["type"] == "missing":
                message = "required field is missing"
            problems.append(f"{where}: {_field(loc) or 'rule'}: {message}")
        return None, lines, problems
    problems = []
    for name, element in rule.elements.items():
        problems += _pattern_problems(path, lines, f"elements.{name}", element.phrases, element.regex)
    for i, exclusion in enumerate(rule.exclude):
        problems += _pattern_problems(path, lines, f"exclude.{i}", exclusion.phrases, exclusion.regex)
    return rule, lines, problems


def _pattern_problems(
    path: Path, lines: dict[str, int], at: str, phrases: list[str], regex: list[str]
) -> list[str]:
    try:  # the combined program is what the judge runs (and caches); compile items one by one only on error
        compile_patterns(phrases, regex)
        return []
    except PatternError:
        pass
    problems = []
    for kind, items in (("phrases", phrases), ("regex", regex)):
        for i, item in enumerate(items):
            try:
                compile_patterns([item], []) if kind == "phrases" else compile_patterns([], [item])
            except PatternError as exc:
                problems.append(
                    f"{path}:{line_of(lines, [*at.split('.'), kind, i])}: {at}.{kind}[{i}]: {exc}"
                )
    return problems


def rule_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*.y*ml") if p.suffix in (".yaml", ".yml") and not p.name.startswith("_")
    )


def load_rulebook(
    extra_dirs: list[Path] | None = None,
    builtin: bool = True,
    disable: list[str] | None = None,
    profiles: dict[str, Profile] | None = None,
) -> Rulebook:
    """Load the built-in rules and any user folders. Raises RuleError listing every problem at once."""
    folders = ([data_dir("rules")] if builtin else []) + list(extra_dirs or [])
    rules: dict[str, Rule] = {}
    files: dict[str, Path] = {}
    lines: dict[str, dict[str, int]] = {}
    notices: list[str] = []
    problems: list[str] = []
    sources = {s["id"] for s in load_sources().get("sources", [])}
    profiles = load_profiles() if profiles is None else profiles
    for n, folder in enumerate(folders):
        if not folder.is_dir():
            problems.append(f"{folder}: rule folder not found")
            continue
        seen_here: dict[str, Path] = {}
        for path in rule_files(folder):
            rule, line_index, file_problems = parse_rule_file(path)
            problems += file_problems
            if rule is None:
                continue
            if rule.id in seen_here:
                problems.append(f"{path}: duplicate id '{rule.id}' (also in {seen_here[rule.id]})")
                continue
            seen_here[rule.id] = path
            for i, source in enumerate(rule.sources):
                if sources and source.id not in sources:
                    problems.append(
                        f"{path}:{line_of(line_index, ['sources', i, 'id'])}: sources[{i}].id: "
                        f"'{source.id}' is not in the source register (seeds/sources.yaml)"
                    )
            for name in sorted(rule.placeholders()):
                lacking = [p.id for p in profiles.values() if name not in p.values]
                if lacking:
                    problems.append(
                        f"{path}:{line_of(line_index, ['suggestion'])}: suggestion: placeholder "
                        f"{{{name}}} has no value in profile {', '.join(lacking)}"
                    )
            if rule.id in rules and n > 0:
                notices.append(f"rule '{rule.id}' from {path} replaces the one in {files[rule.id]}")
            rules[rule.id], files[rule.id], lines[rule.id] = rule, path, line_index
    if problems:
        raise RuleError(problems)
    for rule_id in disable or []:
        if rules.pop(rule_id, None) is not None:
            notices.append(f"rule '{rule_id}' is disabled by configuration")
    ordered = sorted(rules.values(), key=lambda r: (r.severity.rank, r.id))
    return Rulebook(rules=ordered, files=files, lines=lines, notices=notices)


def load_profiles(extra_dirs: list[Path] | None = None) -> dict[str, Profile]:
    profiles: dict[str, Profile] = {}
    problems = []
    for folder in [data_dir("profiles"), *(extra_dirs or [])]:
        for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
            note_input(path, "profile")
            try:
                profile = Profile.model_validate(_parse_yaml(path.read_text(encoding="utf-8"))[1])
            except UnicodeDecodeError:
                problems.append(f"{path}: invalid profile: not UTF-8 text (a binary file?)")
                continue
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f"{path}:{mark.line + 1}" if mark else str(path)
                problems.append(f"{where}: invalid profile: {getattr(exc, 'problem', None) or exc}")
                continue
            except ValidationError as exc:
                err = exc.errors()[0]
                at = ".".join(str(x) for x in err["loc"]) or "profile"
                problems.append(f"{path}: invalid profile: {at}: {err['msg']}")
                continue
            except OSError as exc:
                problems.append(f"{path}: invalid profile: cannot be read ({exc.strerror or exc})")
                continue
            profiles[profile.id] = profile
    if problems:
        raise RuleError(problems)
    return profiles


def load_sources() -> dict[str, Any]:
    """The register of source documents (seeds/sources.yaml); read once per process, callers get a copy."""
    return copy.deepcopy(_read_sources(data_dir("seeds") / "sources.yaml"))


@lru_cache(maxsize=4)
def _read_sources(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    return _parse_yaml(path.read_text(encoding="utf-8"))[1] or {}


def compiled(element: Element) -> Any:
    return compile_patterns(element.phrases, element.regex)
