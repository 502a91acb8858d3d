"""Agreement of the reader with a human (or UN) annotation of real documents.

    python benchmarks/agreement.py CORPUS_DIR [--every N] [--quiet]

CORPUS_DIR holds `txt/NAME.txt` (one document per file, as a user would paste it) and `truth.jsonl`, one line
per document: {"name": NAME, "ops": [{"n": 1, "verb": "Decides"}, ...]} — the numbered operative paragraphs
and the first word of each. The reader runs in this process (no subprocess per file). The figures are those of
the shared `reader_agreement.py`: files all right, operative paragraphs found, first verb right; each file's
disagreements are listed in full. Nothing here is run by the test suite.

`--body-only` also scores the resolution's own operative paragraphs apart: the UN corpus annotation numbers
the items of annexes (sanctions lists, procedures) and of some lists as if they were OPs, so each annotation is
cut where its numbering first stops counting up by one, and documents it annotates with no OP are left out.
Both lines are printed; the first is the figure of reader_agreement.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mandatekit.errors import DraftError  # noqa: E402
from mandatekit.read import read  # noqa: E402
from mandatekit.read.model import Document, Kind  # noqa: E402


def verb_agrees(got: str | None, truth: str) -> bool:
    """As reader_agreement.py: the first five letters of one verb open the other."""
    got = (got or "").lower()
    truth = truth.lower()
    first = got.split()[:1]
    return bool(first and truth.startswith(first[0][:5])) or got.startswith(truth[:5])


def compare(document: Document, ops: list[dict[str, object]]) -> tuple[int, int, list[str]]:
    """(found, verbs right, disagreements) of one document against its annotation."""
    got = {p.ref: p for p in document.paragraphs if p.kind is Kind.operative and p.parent is None and p.ref}
    found = right = 0
    misses = []
    for op in ops:
        para = got.get(f"OP {op['n']}")
        if para is None:
            misses.append(f"OP {op['n']} not found")
            continue
        found += 1
        if verb_agrees(para.verb, str(op["verb"])):
            right += 1
        else:
            misses.append(f"OP {op['n']} verb {para.verb!r} vs {op['verb']!r}")
    if len(got) > len(ops):
        misses.append(f"{len(got) - len(ops)} extra operative paragraphs")
    return found, right, misses


def body_part(ops: list[dict[str, object]]) -> list[dict[str, object]]:
    """The annotation up to its first renumbering ('1, 2, 3, 1, 2': annex items after OP 3)."""
    kept: list[dict[str, object]] = []
    for op in ops:
        if kept and op["n"] != int(str(kept[-1]["n"])) + 1:
            break
        kept.append(op)
    return kept


def body_scores(corpus: Path, truth: list[dict], quiet: bool) -> None:  # type: ignore[type-arg]
    files_ok = found = right = total = n = 0
    for entry in truth:
        ops = body_part(entry["ops"])
        if not ops:
            continue
        n += 1
        total += len(ops)
        document = read(corpus / "txt" / f"{entry['name']}.txt")
        top = [p for p in document.operative if p.parent is None]
        f, r, misses = compare(document, ops)
        misses = [m for m in misses if not m.endswith("extra operative paragraphs")]
        if len(top) > len(ops) and len(ops) == len(entry["ops"]):
            misses.append(f"{len(top) - len(ops)} extra operative paragraphs")
        found, right, files_ok = found + f, right + r, files_ok + (not misses)
        if misses and not quiet:
            print(f"body only: {entry['name']}: {'; '.join(misses)}")
    print(
        f"body only: files all right {files_ok}/{n} ({files_ok / max(n, 1):.1%}); operative paragraphs found "
        f"{found}/{total}; first verb right {right}/{total} ({right / max(total, 1):.1%})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with txt/ and truth.jsonl")
    parser.add_argument("--every", type=int, default=1, help="sample every Nth document")
    parser.add_argument("--quiet", action="store_true", help="only the summary line")
    parser.add_argument(
        "--body-only", action="store_true", help="also score the annotation cut at its annexes"
    )
    args = parser.parse_args()
    lines = (args.corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    truth = [json.loads(line) for line in lines if line.strip()][:: args.every]
    files_ok = found = right = total = unreadable = 0
    started = time.perf_counter()
    for entry in truth:
        path = args.corpus / "txt" / f"{entry['name']}.txt"
        total += len(entry["ops"])
        try:
            document = read(path)
        except DraftError as exc:
            unreadable += 1
            print(f"{entry['name']}: no parse: {exc}")
            continue
        f, r, misses = compare(document, entry["ops"])
        found, right = found + f, right + r
        if misses:
            if not args.quiet:
                print(f"{entry['name']}: {'; '.join(misses)}")
        else:
            files_ok += 1
    seconds = time.perf_counter() - started
    if args.body_only:
        body_scores(args.corpus, truth, args.quiet)
    n = len(truth)
    print(
        f"files all right {files_ok}/{n} ({files_ok / max(n, 1):.1%}); operative paragraphs found "
        f"{found}/{total}; first verb right {right}/{total} ({right / max(total, 1):.1%}); "
        f"unreadable {unreadable}; {seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
