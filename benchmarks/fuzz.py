"""Fuzzing at length: `python benchmarks/fuzz.py [COUNT] [SEED]` runs COUNT (default 1000) seeded mutations of a
.docx and a .txt through the command line, as tests/hostile/test_fuzz.py does with 60 in the suite. It stops
at the first traceback, 'unexpected' error, second stderr line, changed input or hang; otherwise it prints
how many mutations ended with each exit status and how long they took."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile.harness import hang_guard  # noqa: E402
from tests.hostile.test_fuzz import SEED, fuzz  # noqa: E402


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else SEED + 1
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, hang_guard(max(600, count)):
        statuses = fuzz(Path(folder), count, seed)
    elapsed = time.perf_counter() - started
    shown = ", ".join(f"exit {k}: {v}" for k, v in sorted(statuses.items()))
    print(
        f"fuzz: {count} mutations (seed {seed}) in {elapsed:.1f} s ({elapsed / count * 1000:.0f} ms each): {shown}"
    )


if __name__ == "__main__":
    main()
