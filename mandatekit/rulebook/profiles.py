"""Mission profiles: the bundled ones and a user's, validated and cached like the rulebook, and the words
they give a rule's {placeholders} ({mission}, {national_forces} ...) to match in a draft."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mandatekit.cache import cached, code_parts, file_parts, key_of
from mandatekit.errors import RuleError
from mandatekit.output import note_input
from mandatekit.resources import data_dir
from mandatekit.rulebook.files import VALIDATION_CODE, parse_yaml_nodes, validation_errors, with_json
from mandatekit.rulebook.model import Profile, pattern_terms
from mandatekit.rulebook.patterns import Terms


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
        parts = [*code_parts(*VALIDATION_CODE), *file_parts(paths)]
    except OSError:  # the full load says which file cannot be read
        return _load_profiles(paths)
    return cached(
        f"profiles-{key_of(str(f) for f in folders)[:16]}",
        parts,
        lambda: with_json(_load_profiles(paths), _profiles_json),
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

    from mandatekit.rulebook.yamlfile import line_index, where_it_starts

    text = ""
    try:
        text = path.read_text(encoding="utf-8")
        node, data = parse_yaml_nodes(text)
    except UnicodeDecodeError:
        return None, [f"{path}: invalid profile: not UTF-8 text (a binary file?)"]
    except yaml.YAMLError as exc:
        line, problem = where_it_starts(text, exc)
        return None, [f"{f'{path}:{line}' if line else path}: invalid profile: {problem}"]
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
            exc, line_index(node), "unknown field (check the spelling; schema: docs/profiles.md)", Profile
        )
        problems = [
            f"{path}:{line or 1}: invalid profile: {'.'.join(map(str, loc)) or 'profile'}: {message}"
            for loc, line, message in errors
        ]
        return None, problems
