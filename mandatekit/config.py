"""Project configuration: `mandatekit.toml`, or `[tool.mandatekit]` in pyproject.toml, found in the current
folder or the nearest folder above it.

    rules = ["our-rules"]        # extra rule folders, relative to the config file
    profile = "monusco"          # default profile
    disable = ["poc-policy"]     # rule ids not to apply
    profiles = ["our-profiles"]  # extra profile folders
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mandatekit.errors import MandatekitError

_KEYS = {"rules", "profile", "disable", "profiles"}


@dataclass
class Config:
    path: Path | None = None
    rules: list[Path] = field(default_factory=list)
    profile: str | None = None
    disable: list[str] = field(default_factory=list)
    profiles: list[Path] = field(default_factory=list)


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        if (candidate / "mandatekit.toml").is_file():
            return candidate / "mandatekit.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "[tool.mandatekit]" in pyproject.read_text(
            encoding="utf-8", errors="replace"
        ):
            return pyproject
    return None


def load_config(path: Path | None = None) -> Config:
    path = path or find_config()
    if path is None:
        return Config()
    import tomllib  # only when there is a configuration file

    from mandatekit.output import note_input

    note_input(path, "configuration file")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MandatekitError(path, f"invalid configuration: {' '.join(str(exc).split())}") from exc
    except OSError as exc:
        raise MandatekitError(path, f"cannot be read ({exc.strerror or exc})") from exc
    except RecursionError as exc:  # tomllib recurses into nested arrays and tables
        raise MandatekitError(path, "invalid configuration: nested too deep") from exc
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("mandatekit", {}) if isinstance(tool, dict) else None
        if not isinstance(data, dict):
            raise MandatekitError(path, "[tool.mandatekit] must be a table of settings")
    unknown = set(data) - _KEYS
    if unknown:
        raise MandatekitError(
            path, f"unknown setting {', '.join(sorted(unknown))} (known: {', '.join(sorted(_KEYS))})"
        )
    base = path.parent

    def paths(key: str) -> list[Path]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise MandatekitError(path, f"'{key}' must be a list of folder names")
        return [base / v for v in value]

    disable = data.get("disable", [])
    profile = data.get("profile")
    if not isinstance(disable, list) or not all(isinstance(v, str) for v in disable):
        raise MandatekitError(path, "'disable' must be a list of rule ids, e.g. disable = [\"poc-policy\"]")
    if profile is not None and not isinstance(profile, str):
        raise MandatekitError(path, "'profile' must be a profile id, e.g. profile = \"monusco\"")
    return Config(
        path=path, rules=paths("rules"), profile=profile, disable=list(disable), profiles=paths("profiles")
    )
