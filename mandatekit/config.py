"""Project configuration: `mandatekit.toml`, or `[tool.mandatekit]` in pyproject.toml, found in the current
folder or the nearest folder above it. A file that someone else could have put there (in a folder others can
write, or owned by another user) is ignored, and said so.

    rules = ["our-rules"]        # extra rule folders, relative to the config file
    profile = "monusco"          # default profile
    disable = ["poc-policy"]     # rule ids not to apply
    profiles = ["our-profiles"]  # extra profile folders
    sources = ["our-sources.yaml"]  # extra source registers (a rule folder's _sources.yaml is read anyway)

Looked for from the draft's folder up, then from the current folder up: a team keeps it beside its drafts.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from mandatekit.errors import MandatekitError, warn

_KEYS = {"rules", "profile", "disable", "profiles", "sources"}


@dataclass
class Config:
    path: Path | None = None
    rules: list[Path] = field(default_factory=list)
    profile: str | None = None
    disable: list[str] = field(default_factory=list)
    profiles: list[Path] = field(default_factory=list)
    sources: list[Path] = field(default_factory=list)


def find_config(start: Path | None = None) -> Path | None:
    """The configuration nearest `start` (a folder, or a draft whose folder is searched), else nearest the
    current folder."""
    if start is not None:
        start = start if start.is_dir() else start.parent
        found = _find_from(start)
        if found is not None or start.resolve() == Path.cwd().resolve():
            return found
    return _find_from(Path.cwd())


def _find_from(start: Path) -> Path | None:
    try:
        folder = start.resolve()
    except OSError:
        return None
    for candidate in [folder, *folder.parents]:
        if (candidate / "mandatekit.toml").is_file():
            if _trusted(candidate / "mandatekit.toml"):
                return candidate / "mandatekit.toml"
            continue
        pyproject = candidate / "pyproject.toml"
        if (
            pyproject.is_file()
            and "[tool.mandatekit]" in pyproject.read_text(encoding="utf-8", errors="replace")
            and _trusted(pyproject)
        ):
            return pyproject
    return None


def untrusted_because(path: Path) -> str | None:
    """Why a configuration file found on the way up may have been put there by someone else: it, or the
    folder it is in, is writable by other users (a shared /tmp-like folder: anyone may create a file there,
    sticky bit or not), or it is owned by another user than this one or root. None: it can be trusted."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # no such notions (Windows)
        return None
    me = getuid()
    try:
        file, folder = path.stat(), path.parent.stat()
    except OSError:
        return None  # gone meanwhile: reading it will say so
    if _writable_by_others(folder, me):
        return f"its folder {path.parent} can be written by other users"
    if file.st_uid not in (me, 0):
        return f"it belongs to another user (uid {file.st_uid})"
    if _writable_by_others(file, me):
        return "it can be written by other users"
    return None


def _writable_by_others(st: os.stat_result, me: int) -> bool:
    """Writable by anyone, or by a group with someone else in it. A group-writable file of the user's own
    private group (Debian and Ubuntu give each user one, with a umask of 002) is the user's alone."""
    if st.st_mode & stat.S_IWOTH:
        return True
    if not st.st_mode & stat.S_IWGRP:
        return False
    try:
        import grp
        import pwd

        group = grp.getgrgid(st.st_gid)
        account = pwd.getpwuid(me)
    except (ImportError, KeyError):
        return True  # a group that cannot be looked up may hold anyone
    return not (group.gr_gid == account.pw_gid and set(group.gr_mem) <= {account.pw_name})


def _trusted(path: Path) -> bool:
    """Whether to apply a configuration found on the way up; one that is not is named in a warning."""
    reason = untrusted_because(path)
    if reason is None:
        return True
    warn(
        path,
        f"ignored: {reason}; another user's settings could swap or disable rules (move it to a folder only you can write)",
    )
    return False


def load_config(path: Path | None = None, near: Path | None = None) -> Config:
    """The configuration at `path`, or the one found near `near` (a draft) or the current folder."""
    path = path or find_config(near)
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
        path=path,
        rules=paths("rules"),
        profile=profile,
        disable=list(disable),
        profiles=paths("profiles"),
        sources=paths("sources"),
    )
