"""A per-user cache of what is costly to rebuild at every start: the validated rulebook, the profiles and
the source register, as JSON.

An entry is keyed by everything its value is derived from: the bytes and paths of the input files, the
mandatekit version, the code that validates them, and any other argument. An edited rule file, another
version or another loader gives another key, and the value is rebuilt. Whatever goes wrong with the cache
(missing, corrupt, truncated, from another version, in a read-only or foreign folder) the value is simply
rebuilt: the cache can make a run faster, never make it fail or change its result.

Why the cache is trusted: it lives in the user's own cache folder (MANDATEKIT_CACHE_DIR, else
$XDG_CACHE_HOME/mandatekit, else ~/.cache/mandatekit), created private (0700); a folder or file that
another user owns, or that others may write, is not used. Its content is JSON (no code runs when it is
read), and callers validate what they read back with the same pydantic models as a fresh load. So a
cached rulebook is as safe as a freshly loaded one unless someone who can already write the user's files
tampers with it.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

FORMAT = 1  # bump when the layout of an entry changes
MAX_ENTRY_BYTES = 32 * 1024 * 1024  # a larger file is not ours: rebuild rather than read it


def enabled() -> bool:
    return os.environ.get("MANDATEKIT_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path:
    explicit = os.environ.get("MANDATEKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mandatekit"


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (always true where there are no such notions)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    return st.st_uid == getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def key_of(parts: Iterable[str | bytes]) -> str:
    """A digest of the parts, each length-prefixed so that no two different lists give the same bytes."""
    from mandatekit import __version__

    digest = hashlib.sha256(f"mandatekit {__version__} cache {FORMAT}".encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def code_parts(*paths: Path) -> list[bytes]:
    """The source of the modules that build a value: changed validation code gives another key."""
    return [path.read_bytes() for path in paths]


def _read(path: Path, key: str) -> Any:
    try:
        folder = path.parent.stat()
        with path.open("rb") as handle:
            st = os.fstat(handle.fileno())
            if not (_private(folder) and _private(st)) or st.st_size > MAX_ENTRY_BYTES:
                return None
            entry = json.loads(handle.read())
    except (OSError, ValueError):  # missing, unreadable, truncated, not JSON, not UTF-8
        return None
    if not isinstance(entry, dict) or entry.get("key") != key or "value" not in entry:
        return None
    return entry["value"]


def _write(path: Path, key: str, value: Any) -> None:
    tmp = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(path.parent.stat()):
            return
        text = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
        if json.loads(text)["value"] != value:  # e.g. an int key would come back a string: not cacheable
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)  # atomic: a reader sees the old entry or the new one, never half of one
        tmp = None
    except (OSError, TypeError, ValueError):  # read-only, full or foreign folder: run without the cache
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def cached(
    name: str, parts: list[str | bytes], build: Callable[[], Any], restore: Callable[[Any], Any]
) -> Any:
    """`restore(value)` of the cached value for these parts, or else `build()`'s, then cached.

    `build` returns (result, value): the result for the caller and its JSON form to store. `restore` turns
    a stored value back into a result; it raises (any exception) if the value is not valid, and then the
    result is built again. `name` says which entry; one entry per name and set of input paths is kept."""
    if not enabled():
        return build()[0]
    key = key_of(parts)
    path = cache_dir() / f"{name}.json"
    value = _read(path, key)
    if value is not None:
        try:
            return restore(value)
        except Exception:
            pass
    result, value = build()
    _write(path, key, value)
    return result


def file_parts(paths: Iterable[Path]) -> list[str | bytes]:
    """Each file's path and bytes (raises OSError if one cannot be read: the caller then loads normally)."""
    out: list[str | bytes] = []
    for path in paths:
        out += [str(path), path.read_bytes()]
    return out
