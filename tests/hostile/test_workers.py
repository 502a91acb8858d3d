"""Workers of `check --jobs` (class 12): when the parent is killed (SIGKILL: no handler runs), its workers
stop at once, silently, instead of checking drafts for no one and printing tracebacks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.harness import DRAFT

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads /proc to find the workers"
)


def _children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2 :].split()[0] != "Z"


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["sigkill", "sigterm"])
def test_workers_stop_when_the_parent_is_killed(tmp_path: Path, how: signal.Signals) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    text = DRAFT * 20  # long enough that the folder takes a while
    for i in range(1500):
        (drafts / f"d{i:04}.txt").write_text(text, encoding="utf-8")
    log = tmp_path / "stderr.txt"
    env = {**os.environ, "MANDATEKIT_NO_CACHE": "1"}
    with log.open("w") as err:
        parent = subprocess.Popen(
            [sys.executable, "-m", "mandatekit", "check", str(drafts), "--jobs", "2", "--format", "csv"],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
        workers: list[int] = []
        try:
            # Generous deadlines: on a loaded machine (CI shares its cores) the workers take seconds to
            # import and start; the test is about whether they stop, never about how fast.
            deadline = time.monotonic() + 90
            while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert len(workers) >= 2, "the workers never started"
            time.sleep(0.5)  # they are checking drafts now
            assert parent.poll() is None, "the check ended before it could be killed"
            parent.send_signal(how)
            parent.wait(timeout=60)
            deadline = time.monotonic() + 30
            while any(_alive(w) for w in workers) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not [w for w in workers if _alive(w)], "workers run on after their parent was killed"
        finally:
            if parent.poll() is None:
                parent.kill()
            for w in workers:  # never leave one running, whatever the outcome
                if _alive(w):
                    os.kill(w, signal.SIGKILL)
    stderr = log.read_text()
    assert "Traceback" not in stderr, stderr[-2000:]
