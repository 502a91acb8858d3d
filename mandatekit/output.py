"""Writing outputs safely: atomically (a reader never sees half a file; a crash, Ctrl-C or SIGTERM leaves the
old file and no temporary one), and never over any file the command read, however its path is spelled."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from mandatekit.errors import MandatekitError

# Every file a command reads (drafts, templates, rule, profile, decisions and config files) is noted here;
# no output may be written over one of them. One list per context: the web server runs each request in a
# thread of its own context, so requests neither see each other's files nor pile them up.
_inputs: ContextVar[list[tuple[Path, str]] | None] = ContextVar("mandatekit_inputs", default=None)


def _noted() -> list[tuple[Path, str]]:
    noted = _inputs.get()
    if noted is None:
        noted = []
        _inputs.set(noted)
    return noted


def note_input(path: str | os.PathLike[str], kind: str = "draft") -> None:
    _noted().append((Path(path), kind))


def forget_inputs() -> None:
    _inputs.set([])


def _same_file(a: Path, b: Path) -> bool:
    # Same device and inode: catches './x', symlinks, hard links and another case on a case-insensitive disk.
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


_SPECIAL = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def _shipped() -> set[tuple[int, int]]:
    """Device and inode of every file mandatekit ships: rules, profiles, templates, the source register."""
    from mandatekit.resources import data_dir

    found = set()
    for name in ("rules", "profiles", "templates", "seeds"):
        for file in data_dir(name).rglob("*"):
            try:
                st = file.stat()
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                found.add((st.st_dev, st.st_ino))
    return found


def refuse_overwrite(output: Path, *inputs: Path) -> None:
    """Refuse to write `output` over one of `inputs`, over any file noted as read by this command, over a
    file mandatekit ships (every later run would read what was written there) or over anything but a regular
    file: renaming over a FIFO, a device or a link to one would replace it (as root: /dev/null itself)."""
    try:
        st = output.stat()  # through a symbolic link: what it points at
    except (OSError, ValueError):
        return  # nothing there (or a dangling link, which the rename replaces): nothing to lose
    kind = _SPECIAL.get(stat.S_IFMT(st.st_mode))
    if kind is not None:
        via = " (through a symbolic link)" if output.is_symlink() else ""
        raise MandatekitError(output, f"is {kind}{via}, not a file: choose a regular file as output (-o)")
    if stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) in _shipped():
        raise MandatekitError(
            output,
            "is a file mandatekit ships (a bundled rule, profile, template or the source register): "
            "choose another output file (-o)",
        )
    for source, kind in (*((p, "draft") for p in inputs), *_noted()):
        if _same_file(output, source):
            also = "" if str(source) == str(output) else f" {source}"
            raise MandatekitError(output, f"is the input {kind}{also}: choose another output file (-o)")


def refuse_special(path: Path) -> None:
    """Refuse a path that is (or links to) a FIFO, a device or a socket."""
    try:
        kind = _SPECIAL.get(stat.S_IFMT(path.stat().st_mode))
    except (OSError, ValueError):
        return
    if kind is not None:
        raise MandatekitError(path, f"is {kind}, not a file: move it away or choose another file")


def _kept_mode(path: Path, umask: int) -> tuple[int, int, int]:
    """The mode (and owner) the output gets: those of the file it replaces, so that rewriting a private
    (0600) output keeps it private; else an ordinary file's (0666 less the umask). Set-id bits are not kept."""
    try:
        st = path.stat()
    except (OSError, ValueError):
        return 0o666 & ~umask, -1, -1
    if not stat.S_ISREG(st.st_mode):
        return 0o666 & ~umask, -1, -1
    return stat.S_IMODE(st.st_mode) & 0o777, st.st_uid, st.st_gid


def write_atomic(path: Path, data: bytes | str, replaces_input: bool = False) -> None:
    """Write through a temporary file in the same folder, then rename it over `path`. `replaces_input`: the
    file is one this command read in order to update it (a decisions file)."""
    if not replaces_input:
        refuse_overwrite(path)
    else:
        refuse_special(path)
    replace_atomically(path, data)


def write_together(files: list[tuple[Path, bytes | str, bool]]) -> None:
    """Write several files that only make sense together (a rule and the register entry it cites), each as
    `write_atomic` writes it (path, data, replaces_input), in order. When one fails, what the earlier ones
    wrote is undone (a new file removed, a replaced one given back its bytes) before the error goes on: none
    is left written without the others."""
    done: list[tuple[Path, bytes | None]] = []
    try:
        for path, data, replaces_input in files:
            before = path.read_bytes() if path.is_file() else None
            write_atomic(path, data, replaces_input)
            done.append((path, before))
    except BaseException:
        for path, before in reversed(done):
            with contextlib.suppress(OSError, MandatekitError):
                if before is None:
                    path.unlink(missing_ok=True)
                else:
                    replace_atomically(path, before)
        raise


def replace_atomically(path: Path, data: bytes | str) -> None:
    """The write itself, with none of write_atomic's refusals: for the build scripts that rebuild the files
    mandatekit ships (`make docs`), which write_atomic rightly refuses to write over."""
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
        mode, uid, gid = _kept_mode(path, umask)
        with os.fdopen(fd, "wb") as handle:
            os.chmod(tmp, mode)  # mkstemp makes the file private; an output keeps the mode it had
            if uid > 0 and hasattr(os, "geteuid") and os.geteuid() == 0:
                with contextlib.suppress(OSError):  # root rewriting another user's output leaves it theirs
                    os.chown(tmp, uid, gid)
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
