"""Run a script against the mandatekit package of another checkout, in a process of its own, for the sweeps that
compare two versions over a corpus (evidence_changes.py, element_hits.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

NEUTRAL = Path(tempfile.gettempdir())  # run from here: no mandatekit/ folder in the way of PYTHONPATH


def json_rows(code: Path, script: str, drafts: list[Path], *args: str, what: str = "running") -> list[dict]:
    """Run `script` (Python source) with `code` first on the path, the drafts' paths one a line on its stdin;
    return every line it prints that is a JSON object. A failure ends the sweep with the script's last words."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        input="\n".join(str(d.resolve()) for d in drafts),  # the script runs elsewhere (NEUTRAL)
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(code)),
        cwd=NEUTRAL,
        check=False,
    )
    if done.returncode:
        sys.exit(f"{what} with {code} failed:\n{done.stderr[-2000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
