"""Running the command line on hostile input: exit status 2, exactly one stderr line naming the file, no
traceback, no hang (an in-process guard that only catches hangs, not a timing test), inputs untouched."""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner, Result

from mandatekit.cli import main

# A guard against a hang, not a timing (speed is measured in benchmarks/): every command here takes a second or
# two, so only a hang or a blow-up that should have been refused reaches 60 s, while a machine loaded by other
# work (a command at ten times its usual time) does not fail a test that holds.
HANG_SECONDS = 60


class Hung(BaseException):
    """Raised by the guard; a BaseException so that no `except Exception` of the program can swallow it."""


@contextmanager
def hang_guard(seconds: int = HANG_SECONDS) -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise Hung(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def snapshot(paths: list[Path]) -> dict[Path, bytes]:
    out = {}
    for path in paths:
        for file in [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()):
            out[file] = file.read_bytes()
    return out


# What a terminal acts on rather than shows: C0 controls but tab and line ends, DEL, C1 controls (CSI is
# \x9b), and the bidirectional controls that reorder what is shown. No output may carry one from an input.
TERMINAL_ACTS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def invoke(*args: object, inputs: list[Path] | tuple[Path, ...] = ()) -> Result:
    """Run the CLI; fail the test if it hangs or changes any of `inputs` (files or whole folders)."""
    before = snapshot(list(inputs))
    with hang_guard():
        result = CliRunner().invoke(main, [str(a) for a in args])
    after = snapshot(list(inputs))
    assert after == before, "an input was modified"
    assert "Traceback" not in result.output + result.stderr
    assert not TERMINAL_ACTS.search(result.output + result.stderr), "a control character was printed raw"
    return result


def refused(*args: object, names: Path | str | None, inputs: list[Path] | tuple[Path, ...] = ()) -> str:
    """Run the CLI and assert exit 2 with exactly one stderr line naming `names`; return that line."""
    result = invoke(*args, inputs=inputs)
    assert result.exit_code == 2, (result.exit_code, result.stderr, result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mandatekit: ")
    if names is not None:
        assert str(names) in lines[0], lines[0]
    return lines[0]


DRAFT = """The Security Council,

Recalling its previous resolutions,

1. Decides to extend the mandate of the Mission until 15 November 2027;

2. Requests the Mission to protect civilians irrespective of the source of the threat;

3. Decides to remain actively seized of the matter.
"""


def text_draft(folder: Path, name: str = "draft.txt", text: str = DRAFT) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
