"""The current date, or SOURCE_DATE_EPOCH when set: the same inputs then give the same outputs."""

from __future__ import annotations

import datetime as dt
import os


def now() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC)
