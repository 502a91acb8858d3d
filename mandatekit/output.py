"""Writing outputs safely: atomically (a reader never sees half a file; a crash leaves the old file), and
never over the draft being checked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mandatekit.errors import MandatekitError


def refuse_overwrite(output: Path, *inputs: Path) -> None:
    for source in inputs:
        if output.exists() and source.exists() and output.resolve() == source.resolve():
            raise MandatekitError(output, "is the input draft: choose another output file (-o)")


def write_atomic(path: Path, data: bytes | str) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise MandatekitError(path, f"cannot write: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; an output is an ordinary file
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise MandatekitError(path, f"cannot write ({exc.strerror})") from exc
