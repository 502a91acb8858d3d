"""`make demo` writes where OUT says (trial 12, F12: a shared or read-only checkout), this folder by default."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _outputs(*args: str) -> list[str]:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    # -n: the commands it would run, without running them
    dry = subprocess.run(
        ["make", "-n", "-C", str(ROOT), "demo", *args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return re.findall(r"-o \"?([^\"\s]+)", dry.stdout)


def test_demo_writes_into_out() -> None:
    outs = _outputs("OUT=/tmp/demo-out")
    assert len(outs) == 3
    assert all(o.startswith("/tmp/demo-out/") for o in outs)


def test_demo_writes_here_by_default() -> None:
    outs = _outputs()
    assert len(outs) == 3
    assert all(o.startswith("./") for o in outs)
