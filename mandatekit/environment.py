"""The environment variables that change what a command does, read in one place.

A value that cannot mean what the variable is for is refused in one line naming the variable (exit 2), not
read as something else: the command line checks them all before any command runs, so that checking a folder
of drafts says so once, not once per draft."""

from __future__ import annotations

import datetime as dt
import math
import os

from mandatekit.errors import MandatekitError, shown

DEFAULT_MAX_MB = 50
MAX_MB_CEILING = 1024 * 1024  # a terabyte: past any draft, and a number every later step can hold
# Word stores dates as years 1601-9999 (and Python's datetime stops at 9999): a timestamp past that range
# cannot be written into any output.
LATEST_EPOCH = int(dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC).timestamp())


def max_draft_bytes() -> int:
    """Largest draft read, in bytes: 50 MB unless MANDATEKIT_MAX_MB says otherwise (a positive number of
    MB, fractions allowed). 'inf' or '1e400' would make the limit meaningless, 'nan' would refuse every
    draft, 'fifty' would be silently ignored: each is refused."""
    value = os.environ.get("MANDATEKIT_MAX_MB")
    if value is None or not value.strip():
        return DEFAULT_MAX_MB * 1024 * 1024
    try:
        mb = float(value)
    except ValueError:
        mb = math.nan
    if not 0 < mb <= MAX_MB_CEILING:  # also false for nan
        raise MandatekitError(
            None,
            f"MANDATEKIT_MAX_MB={shown(value)[:40]} is not a size: set it to the largest draft to read, in "
            f"MB, a number above 0 and up to {MAX_MB_CEILING} (default {DEFAULT_MAX_MB})",
        )
    return max(int(mb * 1024 * 1024), 1)


def source_date() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH (whole seconds since 1970, as reproducible-builds.org defines it), or None when
    unset. A value that is not such a number, or past the year 9999, is refused: the specification asks a
    tool to fail rather than guess."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or not epoch.strip():
        return None
    digits = epoch.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 12 or int(digits) > LATEST_EPOCH:
        raise MandatekitError(
            None,
            f"SOURCE_DATE_EPOCH={shown(epoch)[:40]} is not a time: set it to whole seconds since "
            f"1970-01-01 UTC, up to {LATEST_EPOCH} (the end of the year 9999), or unset it",
        )
    return dt.datetime.fromtimestamp(int(digits), tz=dt.UTC)


def check() -> None:
    """Refuse, before any work, a variable whose value cannot be used."""
    max_draft_bytes()
    source_date()
