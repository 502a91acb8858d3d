"""Speed of `compare` on big drafts: `python benchmarks/compare_rounds.py [--code DIR]`. Prints; asserts nothing.

Two rounds of a synthetic draft of N operative paragraphs (N = 1x, 2x, 4x): in the second round every
seventh paragraph is rewritten where it stands (same subject, other words: paired by its place), every
eleventh deleted and a new paragraph inserted every thirteenth (so all after are renumbered). Measured: the
comparison of the two judged rounds (`compare()`, the judge's time left out), and the pairing of every
paragraph of the old round (what `compare` does for evidence paragraphs only, the worst case). Linear
stages double with N; a quadratic one quadruples. `--code DIR` measures the mandatekit package in DIR (an
older checkout) instead, for before and after in one sitting.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUBJECTS = [
    "ensure that any support to the national defence forces is provided in strict compliance with the Human "
    "Rights Due Diligence Policy",
    "protect civilians under threat of physical violence irrespective of the source of violence",
    "respect the Status of Forces Agreement and the freedom of movement of the Mission",
    "monitor, investigate and report publicly on violations of human rights by all actors",
]
REWRITE = "Encourages the authorities, as they deem necessary, to cooperate on {} there"


def words(i: int, k: int) -> str:
    """k words of paragraph i's own: drafts' paragraphs differ by most of their words."""
    rng = random.Random(i)
    return " ".join(
        f"{rng.choice('bdfgklmnprstvz')}{rng.choice('aeiou')}{rng.randrange(10**4)}" for _ in range(k)
    )


def draft(n: int, second: bool) -> str:
    ops, number = [], 1
    for i in range(n):
        subject = f"{SUBJECTS[i % len(SUBJECTS)]} {words(i, 30)}"
        if second and i % 13 == 0:
            ops.append(f"{number}. Welcomes the holding of consultation number {i} with civil society;")
            number += 1
        if second and i % 11 == 5:
            continue
        if second and i % 7 == 3:
            ops.append(f"{number}. {REWRITE.format(words(i, 8))};")
        else:
            ops.append(f"{number}. Requests the Mission to {subject};")
        number += 1
    return "The Security Council,\n\n" + "\n\n".join(ops)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="a checkout whose mandatekit to measure")
    parser.add_argument("--size", type=int, default=500, help="paragraphs at 1x")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    from mandatekit.api import setup
    from mandatekit.compare import compare
    from mandatekit.read import read_string

    pairing = None
    try:
        from mandatekit.pairing import Pairing

        pairing = Pairing
    except ImportError:
        pass
    s = setup()
    print(f"mandatekit from {args.code}")
    print(
        f"{'paragraphs':>10} {'compare s':>10} {'x':>6} {'pair all s':>11} {'x':>6} {'rewrites paired':>16}"
    )
    first: tuple[float, float] | None = None
    for factor in (1, 2, 4):
        n = args.size * factor
        old, new = read_string(draft(n, False)), read_string(draft(n, True))
        old_report, new_report = s.judge(old), s.judge(new)
        t0 = time.perf_counter()
        compare(old, old_report, new, new_report)
        t_compare = time.perf_counter() - t0
        t_pair, placed = float("nan"), "-"
        if pairing is not None:
            old_ops = [p for p in old.paragraphs if p.ref]
            new_ops = [p for p in new.paragraphs if p.ref]
            t0 = time.perf_counter()
            p = pairing(old_ops, new_ops)
            pairs = [p.counterpart(para)[0] for para in old_ops]
            t_pair = time.perf_counter() - t0
            placed = str(sum(1 for x in pairs if x is not None and x.by == "place"))
        first = first or (t_compare, t_pair)
        print(f"{n:>10} {t_compare:>10.2f} {t_compare / first[0]:>6.1f} {t_pair:>11.2f} "
              f"{t_pair / first[1]:>6.1f} {placed:>16}")  # fmt: skip


if __name__ == "__main__":
    main()
