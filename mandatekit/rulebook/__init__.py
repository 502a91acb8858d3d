"""Load, validate and hold rule files (profiles: rulebook/profiles.py; the source register: sources.py).

Rules are data: one YAML file per rule, in folders. The built-in folder comes first; folders a user adds
(`--rules DIR`, or `rules = [...]` in the config file) come after, and a user rule with the id of a
built-in one replaces it (and says so)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mandatekit.cache import cached, code_parts, file_parts, key_of
from mandatekit.errors import RuleError, nearest
from mandatekit.output import note_input
from mandatekit.resources import data_dir
from mandatekit.rulebook.files import (
    VALIDATION_CODE,
    line_of,
    parse_yaml_nodes,
    validation_errors,
    with_json,
)
from mandatekit.rulebook.model import (
    GENERIC_VALUES,
    LEAD_VALUES,
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
from mandatekit.rulebook.profiles import (
    bundled_terms,
    load_profiles,
    merged_terms,
    profile_from_file,
)
from mandatekit.rulebook.scaffold import RULE_WHAT, unfilled
from mandatekit.rulebook.sources import load_sources

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
    left_out: dict[str, str] = field(default_factory=dict)  # rule id -> why left out (failing examples)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def origin(self, rule_id: str) -> str | None:
        """The folder a user's rule comes from, as "our-rules/"; None for a built-in rule. Shown beside the
        rule (`rules list`, the web Rules page) so a colleague sees the team's pack is loaded."""
        path = self.files.get(rule_id)
        if path is None or path.resolve().is_relative_to(data_dir("rules").resolve()):
            return None
        return f"{path.parent.name}/"


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_rule_file(path: Path, terms: Terms = ()) -> tuple[Rule | None, dict[str, int], list[str]]:
    """Parse and validate one rule file: (rule or None, line index, problems); its {placeholders} are
    expanded with `terms` to compile its patterns."""
    import yaml

    from mandatekit.rulebook.yamlfile import line_index, where_it_starts

    note_input(path, "rule file")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, {}, [f"{path}: cannot be read ({exc})"]
    try:
        node, data = parse_yaml_nodes(text)
    except yaml.YAMLError as exc:
        line, problem = where_it_starts(text, exc)
        return None, {}, [f"{f'{path}:{line}' if line else path}: invalid YAML: {problem}"]
    if not text.strip() or data is None:  # nothing but blanks or comments: say so, not what it is not
        return None, {}, [f"{path}: is empty: a rule file is a YAML mapping (id: ..., title: ..., ...); "
                          "`mandatekit rules new ID` writes one to fill in"]  # fmt: skip
    if not isinstance(data, dict) or node is None:
        return None, {}, [f"{path}: a rule file must be a YAML mapping (id: ..., title: ..., ...)"]
    lines = line_index(node)
    placeholder = unfilled(path, node, RULE_WHAT)
    if placeholder:  # the scaffold of `rules new`, not yet filled in: to do before any other problem
        return None, lines, [placeholder]
    names = _unknown_names(path, lines, data)
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{f'{path}:{line}' if line else path}: {_field(loc) or 'rule'}: {message}"
            for loc, line, message in validation_errors(
                exc, lines, "unknown field (check the spelling; see docs/writing-rules.md)", Rule
            )
            # an unknown name is told at its own line, below, with every other problem of the file
            if not (names and not loc and "names element" in message)
        ]
        return None, lines, problems + names
    problems = []
    for name, element in rule.elements.items():
        problems += _pattern_problems(path, lines, f"elements.{name}", element.phrases, element.regex, terms)
    if rule.subject:
        problems += _pattern_problems(path, lines, "subject", rule.subject.phrases, rule.subject.regex, terms)
    for i, exclusion in enumerate(rule.exclude):
        problems += _pattern_problems(path, lines, f"exclude.{i}", exclusion.phrases, exclusion.regex, terms)
    for i, narrowing in enumerate(rule.narrowed):
        problems += _pattern_problems(path, lines, f"narrowed.{i}", narrowing.phrases, narrowing.regex, terms)
    return rule, lines, problems


def _unknown_names(path: Path, lines: dict[str, int], data: dict[str, Any]) -> list[str]:
    """Each element name in `met:` or `partial:` that is not under `elements:`, at its own line, from the
    file as written: told in the same pass as the file's other problems (the model's own check runs only
    once every field is valid, and can name no line). The known names are those allowed there: the
    subject stands in no set."""
    elements = data.get("elements")
    if not isinstance(elements, dict):
        return []
    known = ", ".join(sorted(map(str, elements)))
    subject = data.get("subject") is not None
    found = []
    for key in ("met", "partial"):
        sets = data.get(key)
        if not isinstance(sets, list):
            continue
        for i, entry in enumerate(sets):
            if isinstance(entry, str):  # the shorthand: met: [a, b] is one set, partial: [a, b] two
                items, loc = [entry], [[key, i]]
            elif isinstance(entry, dict) and isinstance(entry.get("all"), list):
                items, loc = entry["all"], [[key, i, "all", j] for j in range(len(entry["all"]))]
            elif isinstance(entry, list):
                items, loc = entry, [[key, i, j] for j in range(len(entry))]
            else:
                continue
            for name, at in zip(items, loc, strict=True):
                if not isinstance(name, str) or name in elements or (name == "subject" and subject):
                    continue
                near = nearest(name, elements)
                found.append(
                    f"{path}:{line_of(lines, at)}: {_field(tuple(at))}: names element '{name}', which is "
                    f"not under 'elements' (known: {known}){f'; {near}' if near else ''}"
                )
    return found


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
            *code_parts(*VALIDATION_CODE),
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
        lambda: with_json(_load_rulebook(folders, disable, profiles, registers), _rulebook_json),
        _rulebook_from_json,
    )


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
            for p in [*rule.searched.values(), *rule.exclude, *rule.narrowed]
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
    register_problems: list[str] = []  # a failing register is the problem, not every id it would hold
    terms = merged_terms(pattern_terms(profiles.values()))
    for register in [data_dir("seeds") / "sources.yaml", *registers]:
        if register.exists() or register in registers:
            entries, these = read_register(register)
            register_problems += these
            sources |= {s["id"] for s in entries}
    problems += register_problems
    for n, folder in enumerate(folders):
        if not folder.is_dir():
            problems.append(f"{folder}: rule folder not found")
            continue
        seen_here: dict[str, Path] = {}
        paths = rule_files(folder)
        if not paths:  # a folder named to hold rules that holds none: a wrong folder, never meant
            problems.append(
                f"{folder}: no rule files in this folder (a rule is a .yaml file; "
                f"`mandatekit rules new ID --dir {folder}` writes one)"
            )
        for path in paths:
            rule, line_index, file_problems = parse_rule_file(path, terms)
            problems += file_problems
            if rule is None:
                continue
            if rule.id in seen_here:
                problems.append(f"{path}: duplicate id '{rule.id}' (also in {seen_here[rule.id]})")
                continue
            seen_here[rule.id] = path
            for i, source in enumerate(rule.sources):
                if sources and source.id not in sources and not register_problems:
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
            for name in sorted(rule.placeholders() - set(GENERIC_VALUES) - set(LEAD_VALUES)):
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


def compiled(element: Element) -> Any:
    terms = bundled_terms()
    return compile_patterns(
        expand_placeholders(tuple(element.phrases), terms), expand_regex_placeholders(element.regex, terms)
    )
