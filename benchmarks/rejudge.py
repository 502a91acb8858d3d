"""What checking every fix costs (issue 19): `python benchmarks/rejudge.py`. Prints; asserts nothing.
Times are CPU time (one process, single-threaded): on a shared machine wall time measures the neighbours.

For the bundled example and three real resolutions made Word drafts (tests/rounds/drafts), the time to
place the fixes without and with re-judging the draft with each one accepted, how many re-judgings that
took, and the whole redline. Placing without the judge is what `place()` did before every fix was checked.
Then the memo context (what the web page's result computes: placements included) of the largest text in
../shared/corpus/txt, CPU time, median of 5 (S/RES/2231 (2015): 212 KB, 59 paragraphs and a 1,497-paragraph
annex), if that folder is there.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mandatekit.judge import Report
    from mandatekit.read.model import Document

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def median_ms(fn: Callable[[], object], repeat: int = 3) -> float:
    """CPU time, median: the machine may be shared, and wall time then measures the neighbours."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def measure(path: Path, judge: Callable[[Document], Report]) -> str:
    import mandatekit.render.placement as placement
    from mandatekit.read import read
    from mandatekit.render.redline import redline_docx
    from mandatekit.render.verifier import Verifier

    document = read(path)
    report = judge(document)
    calls = [0]
    original = Verifier._ranks

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    Verifier._ranks = counted  # type: ignore[method-assign]
    try:
        placement.place(report, document, judge)
    finally:
        Verifier._ranks = original  # type: ignore[method-assign]
    plain = median_ms(lambda: placement.place(report, document))
    checked = median_ms(lambda: placement.place(report, document, judge))
    whole = median_ms(lambda: redline_docx(path, document, report, judge=judge))
    return f"{path.name:28} {plain:6.0f}ms {checked:6.0f}ms {calls[0]:11d} {whole:6.0f}ms"


def memo_context_cpu(path: Path) -> str:
    from mandatekit.api import memo_context, setup
    from mandatekit.read import read

    chosen = setup()
    document = read(path)
    report = chosen.judge(document)
    times = []
    for _ in range(5):
        start = time.process_time()
        memo_context(report, chosen, document)
        times.append(time.process_time() - start)
    return f"memo context of {path.name} ({path.stat().st_size // 1024} KB): {statistics.median(times) * 1000:.0f} ms CPU"


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
    corpus = next(
        (p / "shared" / "corpus" / "txt" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), None
    )
    if corpus is not None:
        print(memo_context_cpu(max(corpus.glob("*.txt"), key=lambda p: p.stat().st_size)))


if __name__ == "__main__":
    main()
