"""What the server keeps between a page's requests: the drafts each browser session uploaded, in memory.

A draft is kept so that its result page, its downloads and its decisions can be served after the check,
without asking for the file again. Nothing is written to disk; the store is bounded (number of checks and
total bytes): the oldest checks are forgotten first, and their pages then ask for the draft again.

A check belongs to the session that made it: another session asking for its id is told it does not exist,
as if the id were wrong (ids are random too, so they cannot be guessed).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

MAX_CHECKS = 64
MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Draft:
    """An uploaded draft: its plain file name (shown, and naming its decisions file; never a path on disk),
    and its bytes."""

    name: str
    data: bytes
    digest: str = field(init=False, repr=False)  # of the bytes: what the judged drafts are kept by

    def __post_init__(self) -> None:
        object.__setattr__(self, "digest", hashlib.sha256(self.data).hexdigest())


@dataclass(frozen=True)
class Check:
    """One check a session asked for: one draft, or two to compare (old, new)."""

    session: str
    drafts: tuple[Draft, ...]

    @property
    def size(self) -> int:
        return sum(len(d.data) for d in self.drafts)


class Store:
    """Checks by id, least recently used forgotten first. Safe to use from several threads."""

    def __init__(self, max_checks: int = MAX_CHECKS, max_bytes: int = MAX_BYTES) -> None:
        self._checks: OrderedDict[str, Check] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.max_checks, self.max_bytes = max_checks, max_bytes

    def add(self, check: Check) -> str:
        key = secrets.token_urlsafe(12)
        with self._lock:
            self._checks[key] = check
            self._bytes += check.size
            while len(self._checks) > 1 and (
                len(self._checks) > self.max_checks or self._bytes > self.max_bytes
            ):
                _, old = self._checks.popitem(last=False)
                self._bytes -= old.size
        return key

    def get(self, key: str, session: str) -> Check | None:
        with self._lock:
            check = self._checks.get(key)
            if check is None or not secrets.compare_digest(check.session, session):
                return None
            self._checks.move_to_end(key)
            return check

    def __len__(self) -> int:
        return len(self._checks)
