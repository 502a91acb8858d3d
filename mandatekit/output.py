"""Writing outputs safely: atomically (a reader never sees half a file; a crash, Ctrl-C or SIGTERM leaves the
old file and no temporary one), and never over any file the command read, however its path is spelled."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mandatekit.errors import MandatekitError

# Every file a command reads (drafts, templates, rule, profile, decisions and config files) is noted here;
# no output may be written over one of them.
_inputs: list[tuple[Path, str]] = []


def note_input(path: str | os.PathLike[str], kind: str = "draft") -> None:
    _inputs.append((Path(path), kind))


def forget_inputs() -> None:
    _inputs.clear()


def _same_file(a: Path, b: Path) -> bool:
    # Same device and inode: catches './x', symlinks, hard links and another case on a case-insensitive disk.
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refuse_overwrite(output: Path, *inputs: Path) -> None:
    """Refuse to write `output` over one of `inputs` or over any file noted as read by this command."""
    if not output.exists():
        return
    for source, kind in (*((p, "draft") for p in inputs), *_inputs):
        if _same_file(output, source):
            also = "" if str(source) == str(output) else f" {source}"
            raise MandatekitError(output, f"is the input {kind}{also}: choose another output file (-o)")


def write_atomic(path: Path, data: bytes | str, replaces_input: bool = False) -> None:
    """Write through a temporary file in the same folder, then rename it over `path`. `replaces_input`: the
    file is one this command read in order to update it (a decisions file)."""
    if not replaces_input:
        refuse_overwrite(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise MandatekitError(path, f"cannot write: folder {folder} does not exist")
    if path.is_dir():
        raise MandatekitError(path, "cannot write: it is a folder")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        umask = os.umask(0)
        os.umask(umask)
        with os.fdopen(fd, "wb") as handle:
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; an output is an ordinary file
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise MandatekitError(path, f"cannot write ({exc.strerror or exc})") from exc
    finally:  # also on Ctrl-C, SIGTERM (the CLI turns it into KeyboardInterrupt) and any other error
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder of `path` while a read-modify-write of it runs, so that
    concurrent commands updating the same file lose nothing. The folder is locked (not the file, which the
    atomic write replaces) so that no lock file is left behind. Without fcntl (Windows) it does nothing."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise MandatekitError(path, f"cannot write ({exc.strerror or exc})") from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
