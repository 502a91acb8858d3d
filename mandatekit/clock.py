"""The current date, or SOURCE_DATE_EPOCH when set: the same inputs then give the same outputs."""

from __future__ import annotations

import datetime as dt

from mandatekit.environment import source_date


def now() -> dt.datetime:
    return source_date() or dt.datetime.now(tz=dt.UTC)
