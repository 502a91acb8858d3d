"""A per-user cache of what is costly to rebuild at every start: the validated rulebook, the profiles and
the source register, as JSON.

An entry is keyed by everything its value is derived from: the bytes and paths of the input files, the
mandatekit version, the code that validates them, and any other argument. An edited rule file, another
version or another loader gives another key, and the value is rebuilt. Whatever goes wrong with the cache
(missing, corrupt, truncated, from another version, in a read-only or foreign folder) the value is simply
rebuilt: the cache can make a run faster, never make it fail or change its result.

Why the cache is trusted: it lives in the user's own cache folder (MANDATEKIT_CACHE_DIR, else
$XDG_CACHE_HOME/mandatekit, else ~/.cache/mandatekit; none when there is no home folder), created private
(0700); a folder or file that another user owns, or that others may write, is not used, and only regular
files are opened (a FIFO or a device planted there is passed over, never waited on). Each entry is signed
(HMAC-SHA256) with a random key made once and readable by the user alone: an entry edited, damaged or
copied from elsewhere is rebuilt, so it cannot change a verdict. Its content is JSON (no code runs when it
is read), and callers validate what they read back with the same pydantic models as a fresh load.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

FORMAT = 2  # bump when the layout of an entry changes
MAX_ENTRY_BYTES = 32 * 1024 * 1024  # a larger file is not ours: rebuild rather than read it
_SECRET = "secret"  # the file of the key that signs entries, in the cache folder
_SECRET_BYTES = 32


def enabled() -> bool:
    return os.environ.get("MANDATEKIT_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path | None:
    """The cache folder; None when there is none to be had (no HOME and no account entry for the user id,
    as in a container run under an arbitrary uid): the run then goes without the cache."""
    explicit = os.environ.get("MANDATEKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # Path.home(): no HOME and no passwd entry
            return None
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


def _read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of `path` if it is a regular file of ours, in a folder of ours, of at most `limit` bytes.

    Never opens anything else: a FIFO would block the open (and every later run) forever, a device could
    stream without end; a symbolic link is not followed (O_NOFOLLOW) and what was opened is checked again."""
    try:
        if not (stat.S_ISREG(path.lstat().st_mode) and _private(path.parent.stat())):
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            if not (stat.S_ISREG(st.st_mode) and _private(st)) or st.st_size > limit:
                return None
            return handle.read(limit + 1)[: limit + 1]
    except OSError:  # missing, unreadable, replaced meanwhile
        return None


def _secret(folder: Path, create: bool) -> bytes | None:
    """The key that signs this user's entries: random, made once, readable by the user alone. An entry not
    signed with it (edited, truncated, copied from elsewhere) is not read back."""
    path = folder / _SECRET
    data = _read_regular(path, _SECRET_BYTES)
    if data is not None and len(data) == _SECRET_BYTES:
        try:
            if path.stat().st_mode & 0o077 == 0:  # readable by others: anyone could sign an entry
                return data
        except OSError:
            return None
        return None
    if not create:
        return None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:  # a damaged one: replaced by a fresh one (old entries are then rebuilt)
        try:
            path.unlink()
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except OSError:
            return None
    except OSError:
        return None
    data = os.urandom(_SECRET_BYTES)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return data


def _signature(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, body, hashlib.sha256).hexdigest().encode("ascii")


def _read(path: Path, key: str) -> Any:
    data = _read_regular(path, MAX_ENTRY_BYTES)
    secret = _secret(path.parent, create=False) if data else None
    if data is None or secret is None:
        return None
    signature, _, body = data.partition(b"\n")
    if not hmac.compare_digest(signature, _signature(secret, body)):
        return None  # tampered with, or damaged: rebuilt
    try:
        entry = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, nested past the parser
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
        secret = _secret(path.parent, create=True)
        if secret is None:
            return
        body = text.encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_signature(secret, body) + b"\n" + body)
        os.replace(tmp, path)  # atomic: a reader sees the old entry or the new one, never half of one
        tmp = None
    except (OSError, TypeError, ValueError, RecursionError):  # read-only, full or foreign folder: no cache
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
    folder = cache_dir()
    if folder is None:
        return build()[0]
    key = key_of(parts)
    path = folder / f"{name}.json"
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
