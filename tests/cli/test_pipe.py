"""A reader that stops reading (`mandatekit rules list | head -1`) is no error of mandatekit's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_output_into_a_closed_pipe_ends_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "mandatekit.cli", "rules", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # no reader left: the command's first write meets a broken pipe
    err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert err == ""
    assert process.returncode == 141  # what a shell reports for a program a closed pipe ended
