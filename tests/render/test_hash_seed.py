"""The same draft and rules give the same memo in every run: nothing may follow Python's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DRAFT = Path(__file__).parent / "drafts" / "S_RES_2654(2022).txt"  # MINURSO: a fix whose place was a tie


def _memo(tmp_path: Path, seed: int) -> bytes:
    out = tmp_path / f"memo-{seed}.md"
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "SOURCE_DATE_EPOCH": "0"}
    subprocess.run(
        [sys.executable, "-m", "mandatekit", "memo", str(DRAFT), "-o", str(out)],
        env=env,
        check=True,
        capture_output=True,
    )
    return out.read_bytes()


def test_the_memo_does_not_follow_the_hash_seed(tmp_path: Path) -> None:
    # Seed 15 once placed the impartial-protection fix after OP 16 instead of OP 7 (a float sum over a set).
    assert _memo(tmp_path, 1) == _memo(tmp_path, 15)
