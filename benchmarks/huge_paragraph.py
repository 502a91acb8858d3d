"""One huge paragraph, 1x / 2x / 4x: reading and judging must grow linearly (issue 10).

    python benchmarks/huge_paragraph.py [MB]      (default 2: 2, 4 and 8 MB)

A single .txt operative paragraph of repeated clauses, each with a verb, a bracket, a comma and a semicolon,
so every per-verb, per-bracket and per-clause step of the reader and the judge is exercised thousands of
times; the same size written as one line per clause (wrapped lines joined into one paragraph); and clauses
that each take up the one before ('requests the Mission to support these efforts in this regard'); and clauses
that each name three paragraphs of the draft by number, read with their words. Prints
the seconds and the ratio to the 1x size: linear is ~2 and ~4. Asserts nothing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mandatekit.api import setup  # noqa: E402
from mandatekit.judge import judge_document  # noqa: E402
from mandatekit.read import read  # noqa: E402

CLAUSE = (
    "requests the Mission to protect civilians under threat of physical violence, [within its capabilities], "
    "and urges the parties to cease hostilities; "
)
# Clauses that take up the ones before them ('these efforts', 'in this regard'): every clause joins its
# neighbours and lends its force back (judge/clauses.py), the judge's dearest reading of one paragraph.
TAKEN_UP = (
    "urges the parties to pursue the political dialogue and national reconciliation, and requests the Mission "
    "to support these efforts in this regard; "
)

# Clauses that each name paragraphs of the draft by number ('report on the implementation of paragraphs 2 to
# 4'): every reference is read with the words of the paragraphs it names (judge/borrowed.py), up to as much
# text again as the draft's own.
REFERRING = (
    "requests the Secretary-General to report on the implementation of paragraphs 2 to 4 by all parties; "
)
NAMED = (
    "\n\n2. Demands that all parties cease all violations and abuses of human rights, and end all attacks "
    "against civilians;\n\n3. Urges all parties to ensure the safety and security of United Nations personnel;"
    "\n\n4. Demands that all parties allow safe and unhindered humanitarian access;"
)


def main() -> None:
    unit_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    s = setup()
    with tempfile.TemporaryDirectory() as tmp:
        for shape, sep, clause, after in (
            ("one line", "", CLAUSE, ""),
            ("wrapped lines", "\n", CLAUSE, ""),
            ("taken up", "", TAKEN_UP, ""),
            ("references", "", REFERRING, NAMED),
        ):
            base_read = base_judge = 0.0
            for k in (1, 2, 4):
                n = int(k * unit_mb * 1_000_000) // len(clause)
                path = Path(tmp) / f"huge-{k}.txt"
                path.write_text(
                    "The Security Council,\n\n1. Decides that the Mission " + sep.join([clause] * n) + after
                )
                t = time.perf_counter()
                document = read(path)
                read_s = time.perf_counter() - t
                t = time.perf_counter()
                judge_document(document, s.rulebook.rules, s.profile)
                judge_s = time.perf_counter() - t
                base_read, base_judge = base_read or read_s, base_judge or judge_s
                print(
                    f"{shape:<14} {k}x ({k * unit_mb:g} MB, {len(document.operative[0].verbs)} verbs): "
                    f"read {read_s:6.2f} s ({read_s / base_read:.1f}x)   judge {judge_s:6.2f} s "
                    f"({judge_s / base_judge:.1f}x)",
                    flush=True,
                )


if __name__ == "__main__":
    main()
