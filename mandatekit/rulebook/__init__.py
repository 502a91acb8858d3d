"""Load, validate and hold rule files, profiles and the register of source documents.

Rules are data: one YAML file per rule, in folders. The built-in folder comes first; folders a user adds
(`--rules DIR`, or `rules = [...]` in the config file) come after, and a user rule with the id of a
built-in one replaces it (and says so)."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mandatekit.cache import cached, code_parts, file_parts, key_of
from mandatekit.errors import RuleError
from mandatekit.output import note_input
from mandatekit.resources import data_dir
from mandatekit.rulebook.model import (
    GENERIC_VALUES,
    Condition,
    Element,
    Example,
    Profile,
    Rule,
    Severity,
    Verdict,
    pattern_terms,
)
from mandatekit.rulebook.patterns import (
    MAX_PATTERNS,
    PatternError,
    Terms,
    combined_source,
    compile_patterns,
    expand_placeholders,
    expand_regex_placeholders,
    remember_sources,
)

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
    "profile_from_file",
]

DEFAULT_PROFILE = "minusca"
REGISTER_HINT = "_sources.yaml beside the rule, or a file named by sources = [...] in mandatekit.toml"


@dataclass
class Rulebook:
    rules: list[Rule]
    files: dict[str, Path]  # rule id -> file it was read from
    lines: dict[str, dict[str, int]] = field(default_factory=dict)  # rule id -> dotted path -> line
    notices: list[str] = field(default_factory=list)  # replacements of built-in rules, disabled rules
    terms: Terms = ()  # the words of the profiles for each pattern placeholder, as validated

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def parse_yaml_data(text: str) -> Any:
    """The data of a YAML file written by a person (a profile, a decisions file), aliases and deep nests
    refused."""
    return _parse_yaml(text)[1]


def _parse_yaml(text: str) -> tuple[Any, Any]:
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


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_rule_file(path: Path, terms: Terms = ()) -> tuple[Rule | None, dict[str, int], list[str]]:
    """Parse and validate one rule file: (rule or None, line index, problems); its {placeholders} are
    expanded with `terms` to compile its patterns."""
    import yaml

    from mandatekit.rulebook.yamlfile import line_index

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
    lines = line_index(node)
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{f'{path}:{line}' if line else path}: {_field(loc) or 'rule'}: {message}"
            for loc, line, message in validation_errors(
                exc, lines, "unknown field (check the spelling; see docs/writing-rules.md)"
            )
        ]
        return None, lines, problems
    problems = []
    for name, element in rule.elements.items():
        problems += _pattern_problems(path, lines, f"elements.{name}", element.phrases, element.regex, terms)
    if rule.subject:
        problems += _pattern_problems(path, lines, "subject", rule.subject.phrases, rule.subject.regex, terms)
    for i, exclusion in enumerate(rule.exclude):
        problems += _pattern_problems(path, lines, f"exclude.{i}", exclusion.phrases, exclusion.regex, terms)
    return rule, lines, problems


def _pattern_problems(
    path: Path, lines: dict[str, int], at: str, phrases: list[str], regex: list[str], terms: Terms
) -> list[str]:
    try:  # the combined program is what the judge runs (and caches); compile items one by one only on error
        compile_patterns(expand_placeholders(tuple(phrases), terms), expand_regex_placeholders(regex, terms))
        return []
    except PatternError as exc:
        combined = exc
    if len(phrases) + len(regex) > MAX_PATTERNS:  # the element as a whole: no item to blame
        return [f"{path}:{line_of(lines, at.split('.'))}: {at}: {combined}"]
    problems = []
    for kind, items in (("phrases", phrases), ("regex", regex)):
        for i, item in enumerate(items):
            try:
                if kind == "phrases":
                    compile_patterns(expand_placeholders((item,), terms), [])
                else:
                    compile_patterns([], expand_regex_placeholders([item], terms))
            except PatternError as exc:
                problems.append(
                    f"{path}:{line_of(lines, [*at.split('.'), kind, i])}: {at}.{kind}[{i}]: {exc}"
                )
    # Each item alone compiles: it is the element as a whole (too many items, too large a program).
    return problems or [f"{path}:{line_of(lines, at.split('.'))}: {at}: {combined}"]


def rule_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*.y*ml") if p.suffix in (".yaml", ".yml") and not p.name.startswith("_")
    )


def load_rulebook(
    extra_dirs: list[Path] | None = None,
    builtin: bool = True,
    disable: list[str] | None = None,
    profiles: dict[str, Profile] | None = None,
    registers: list[Path] | None = None,
) -> Rulebook:
    """Load the built-in rules and any user folders. Raises RuleError listing every problem at once.

    The validated rulebook is cached (mandatekit.cache), keyed by the bytes of every rule file, the source
    register, the profiles, the settings and the code of this package: parsing and validating, RE2
    compilation of every pattern included, is done once per change of any of them."""
    folders = ([data_dir("rules")] if builtin else []) + list(extra_dirs or [])
    profiles = load_profiles() if profiles is None else profiles
    from mandatekit.rulebook.register import register_files

    registers = register_files(list(extra_dirs or []), registers)
    try:
        if not all(folder.is_dir() for folder in folders):
            raise FileNotFoundError  # reported by the full load
        files = [path for folder in folders for path in rule_files(folder)]
        register = data_dir("seeds") / "sources.yaml"
        parts = [
            *code_parts(*_VALIDATION_CODE),
            *(str(folder) for folder in folders),
            "\0",
            *file_parts(files),
            *(file_parts([register]) if register.exists() else []),
            *file_parts(registers),
            json.dumps(sorted(p.model_dump_json() for p in profiles.values())),
            json.dumps(disable or []),
        ]
    except OSError:  # a folder or file that cannot be read: the full load says which
        return _load_rulebook(folders, disable, profiles, registers)
    for path in files:
        note_input(path, "rule file")
    return cached(
        f"rulebook-{key_of(str(f) for f in folders)[:16]}",
        parts,
        lambda: _with_json(_load_rulebook(folders, disable, profiles, registers), _rulebook_json),
        _rulebook_from_json,
    )


# The code that decides whether a rule or profile file is valid and what it loads to.
_VALIDATION_CODE = (
    *sorted(Path(__file__).parent.glob("*.py")),
    Path(__file__).parents[1] / "read" / "model.py",
)


def _with_json(result: Any, as_json: Any) -> tuple[Any, Any]:
    return result, as_json(result)


def _rulebook_json(rulebook: Rulebook) -> dict[str, Any]:
    return {
        "rules": [rule.model_dump(mode="json") for rule in rulebook.rules],
        "files": {rule_id: str(path) for rule_id, path in rulebook.files.items()},
        "lines": rulebook.lines,
        "notices": rulebook.notices,
        "terms": [[name, list(words)] for name, words in rulebook.terms],  # lists: JSON has no tuples
        # The regex of every element and exclusion: translating phrases is most of the first judgement.
        "sources": [
            [list(phrases), list(regexes), combined_source(phrases, regexes)]
            for rule in rulebook.rules
            for p in [*rule.searched.values(), *rule.exclude]
            for phrases in [expand_placeholders(tuple(p.phrases), rulebook.terms)]
            for regexes in [expand_regex_placeholders(p.regex, rulebook.terms)]
        ],
    }


def _rulebook_from_json(value: dict[str, Any]) -> Rulebook:
    """Validated with the same models as a fresh load (a corrupt entry raises, and is rebuilt)."""
    lines = value["lines"]
    if not all(
        isinstance(k, str) and isinstance(v, dict) and all(isinstance(n, int) for n in v.values())
        for k, v in lines.items()
    ) or not all(isinstance(n, str) for n in value["notices"]):
        raise ValueError("not a rulebook")
    sources = value["sources"]
    if not all(
        isinstance(e, list) and len(e) == 3 and all(isinstance(x, str) for x in [*e[0], *e[1], e[2]])
        for e in sources
    ):
        raise ValueError("not a list of pattern sources")
    rulebook = Rulebook(
        rules=[Rule.model_validate(rule) for rule in value["rules"]],
        files={str(rule_id): Path(path) for rule_id, path in value["files"].items()},
        lines=lines,
        notices=list(value["notices"]),
        terms=tuple((str(name), tuple(map(str, words))) for name, words in value["terms"]),
    )
    remember_sources(sources)  # only from an entry that validates whole
    return rulebook


def _load_rulebook(
    folders: list[Path], disable: list[str] | None, profiles: dict[str, Profile], registers: list[Path]
) -> Rulebook:
    from mandatekit.rulebook.register import read_register

    rules: dict[str, Rule] = {}
    files: dict[str, Path] = {}
    lines: dict[str, dict[str, int]] = {}
    notices: list[str] = []
    problems: list[str] = []
    sources: set[str] = set()
    terms = merged_terms(pattern_terms(profiles.values()))
    for register in [data_dir("seeds") / "sources.yaml", *registers]:
        if register.exists() or register in registers:
            entries, register_problems = read_register(register)
            problems += register_problems
            sources |= {s["id"] for s in entries}
    for n, folder in enumerate(folders):
        if not folder.is_dir():
            problems.append(f"{folder}: rule folder not found")
            continue
        seen_here: dict[str, Path] = {}
        for path in rule_files(folder):
            rule, line_index, file_problems = parse_rule_file(path, terms)
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
                        f"'{source.id}' is in no source register (register it in {REGISTER_HINT})"
                    )
            from mandatekit.rulebook.lint import country_problems, pattern_country_problems

            for at, problem in country_problems(rule, profiles.values()):
                problems.append(f"{path}:{line_of(line_index, at.split('.'))}: {at}: {problem}")
            for at, problem in pattern_country_problems(rule, profiles.values()):
                where = at.split(".")
                problems.append(
                    f"{path}:{line_of(line_index, where)}: {'.'.join(where[:-1])}[{where[-1]}]: {problem}"
                )
            for name in sorted(rule.placeholders() - set(GENERIC_VALUES)):
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
    return Rulebook(rules=ordered, files=files, lines=lines, notices=notices, terms=terms)


@lru_cache(maxsize=1)
def bundled_terms() -> Terms:
    """The words every bundled profile gives for each pattern placeholder (`pattern_terms`)."""
    return pattern_terms(load_profiles().values())


@lru_cache(maxsize=64)
def merged_terms(extra: Terms) -> Terms:
    """The bundled profiles' words with `extra` (a user's profiles') added: a draft is matched with the
    words of every bundled profile, so a mission told wrongly, or not at all, loses nothing."""
    words = {name: set(found) for name, found in bundled_terms()}
    for name, found in extra:
        words.setdefault(name, set()).update(found)
    return tuple(
        (name, tuple(sorted(found, key=lambda w: (-len(w), w)))) for name, found in sorted(words.items())
    )


def profile_terms(profile: Profile | None) -> Terms:
    """The words a rule's {placeholders} match in a draft judged with this profile: its own and every
    bundled profile's."""
    if profile is None:
        return bundled_terms()
    return merged_terms(pattern_terms([profile]))


def load_profiles(extra_dirs: list[Path] | None = None) -> dict[str, Profile]:
    """The built-in profiles and those in `extra_dirs` (cached like the rulebook)."""
    folders = [data_dir("profiles"), *(extra_dirs or [])]
    paths = [
        path for folder in folders for path in (sorted(folder.glob("*.y*ml")) if folder.is_dir() else [])
    ]
    for path in paths:
        note_input(path, "profile")
    try:
        parts = [*code_parts(*_VALIDATION_CODE), *file_parts(paths)]
    except OSError:  # the full load says which file cannot be read
        return _load_profiles(paths)
    return cached(
        f"profiles-{key_of(str(f) for f in folders)[:16]}",
        parts,
        lambda: _with_json(_load_profiles(paths), _profiles_json),
        _profiles_from_json,
    )


def _profiles_json(profiles: dict[str, Profile]) -> list[dict[str, Any]]:
    return [profile.model_dump(mode="json") for profile in profiles.values()]


def _profiles_from_json(value: list[dict[str, Any]]) -> dict[str, Profile]:
    return {profile.id: profile for profile in map(Profile.model_validate, value)}


def _load_profiles(paths: list[Path]) -> dict[str, Profile]:
    profiles: dict[str, Profile] = {}
    problems = []
    for path in paths:
        profile, path_problems = _read_profile(path)
        problems += path_problems
        if profile is not None:
            if profile.id in profiles and profiles[profile.id].mission != profile.mission:
                pass  # a user profile with a built-in id replaces it, as a user rule does
            profiles[profile.id] = profile
    if problems:
        raise RuleError(problems)
    return profiles


def profile_from_file(path: Path) -> Profile:
    """One profile file (`--profile our-mission.yaml`), validated; RuleError names the file and line."""
    if not path.is_file():
        raise RuleError([f"{path}: profile file not found"])
    note_input(path, "profile")
    profile, problems = _read_profile(path)
    if profile is None:
        raise RuleError(problems)
    return profile


def _read_profile(path: Path) -> tuple[Profile | None, list[str]]:
    import yaml

    from mandatekit.rulebook.yamlfile import line_index

    try:
        node, data = _parse_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None, [f"{path}: invalid profile: not UTF-8 text (a binary file?)"]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        return None, [f"{where}: invalid profile: {getattr(exc, 'problem', None) or exc}"]
    except OSError as exc:
        return None, [f"{path}: invalid profile: cannot be read ({exc.strerror or exc})"]
    if not isinstance(data, dict) or node is None:
        return None, [
            f"{path}: invalid profile: a profile must be a YAML mapping (id: ..., name: ..., values: ...)"
        ]
    try:
        return Profile.model_validate(data), []
    except ValidationError as exc:
        errors = validation_errors(
            exc, line_index(node), "unknown field (check the spelling; schema: docs/profiles.md)"
        )
        problems = [
            f"{path}:{line or 1}: invalid profile: {'.'.join(map(str, loc)) or 'profile'}: {message}"
            for loc, line, message in errors
        ]
        return None, problems


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
        lambda: _with_json(_parse_yaml(path.read_text(encoding="utf-8"))[1] or {}, lambda data: data),
        _sources_from_json,
    )


def _sources_from_json(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError("not a source register")
    return value


def compiled(element: Element) -> Any:
    terms = bundled_terms()
    return compile_patterns(
        expand_placeholders(tuple(element.phrases), terms), expand_regex_placeholders(element.regex, terms)
    )
