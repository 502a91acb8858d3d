"""What checking every fix costs (issue 19): `python benchmarks/rejudge.py`. Prints; asserts nothing.

For the bundled example and three real resolutions made Word drafts (tests/rounds/drafts), the time to
place the fixes without and with re-judging the draft with each one accepted, how many re-judgings that
took, and the whole redline. Placing without the judge is what `place()` did before every fix was checked.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def median_ms(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(path: Path, judge) -> str:  # type: ignore[no-untyped-def]
    import mandatekit.render.placement as placement
    from mandatekit.read import read
    from mandatekit.render.redline import redline_docx

    document = read(path)
    report = judge(document)
    calls = [0]
    original = placement.rejudge

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return original(*args, **kwargs)

    placement.rejudge = counted  # type: ignore[assignment]
    try:
        placement.place(report, document, judge)
    finally:
        placement.rejudge = original  # type: ignore[assignment]
    plain = median_ms(lambda: placement.place(report, document))
    checked = median_ms(lambda: placement.place(report, document, judge))
    whole = median_ms(lambda: redline_docx(path, document, report, judge=judge))
    return f"{path.name:28} {plain:6.0f}ms {checked:6.0f}ms {calls[0]:11d} {whole:6.0f}ms"


def main() -> None:
    from mandatekit.api import setup
    from tests.rounds.corpus import resolution

    judge = setup().judge
    with tempfile.TemporaryDirectory(prefix="mandatekit-rejudge-") as tmp:
        drafts = [ROOT / "examples" / "minusca-zero-draft.docx"]
        for name in ("S_RES_2709(2023).txt", "S_RES_2717(2023).txt", "S_RES_2677(2023).txt"):
            drafts.append(resolution(name).save(Path(tmp) / name.replace(".txt", ".docx")))
        print(f"{'draft':28} {'place':>8} {'checked':>8} {'re-judgings':>11} {'redline':>8}")
        for path in drafts:
            print(measure(path, judge))


if __name__ == "__main__":
    main()
