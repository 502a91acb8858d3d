"""Which findings cite other evidence than an older checkout (issue 21). Prints figures; asserts nothing.

    python benchmarks/evidence_changes.py --code OLD_CHECKOUT [--corpus DIR] [--skip FILE]
        [--sample 30 --seed 21 --sample-out sample.md --key-out key.md]

Judges every draft in the corpus (default: ../shared/corpus/txt, beside the repository) with this checkout and
with the mandatekit package in OLD_CHECKOUT (each in its own process), and counts, over all findings:
  - verdicts that changed, and which way (e.g. 'missing -> partial');
  - findings whose evidence references changed (a renamed reference counts: 'OP 34(a)' became 'OP 34(i)(a)');
  - findings whose cited paragraphs changed (by their text: a renamed reference to the same paragraph does not).
`--skip FILE` names drafts (one name a line, without .txt) that are never judged, e.g. a holdout nobody tuning
may look at. `--sample N` writes N changed citations, drawn at random among the findings that cite paragraphs
in both versions, for a coder who has not seen the rules: each gives the resolution, the rule, the
recommendation in the words of the spec, and the two citations as A and B in random order, with their
paragraphs' text; the key (which of A and B is the old one) goes to a separate file.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from checkouts import json_rows

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared"
)

# Run in a fresh process with the checkout to measure first on the path: one JSON line per finding.
JUDGE_ALL = r"""
import json, sys
from pathlib import Path
from mandatekit.api import setup
from mandatekit.read import read
s = setup()
for line in sys.stdin:
    path = Path(line.strip())
    try:
        document = read(path)
        report = s.judge(document)
    except Exception as e:  # a draft this version refuses (e.g. one not in English): nothing to compare
        print(json.dumps({"draft": path.stem, "refused": str(e)}))
        continue
    paragraphs = document.paragraphs
    for f in report.findings:
        cited = list(dict.fromkeys((e.ref, e.paragraph) for e in f.evidence))
        print(json.dumps({
            "draft": path.stem, "rule": f.rule, "verdict": f.verdict.value,
            "refs": [ref for ref, _ in cited],
            "texts": [paragraphs[i].text for _, i in cited],
            "lead_ins": [paragraphs[paragraphs[i].parent].text if paragraphs[i].parent is not None else ""
                         for _, i in cited],
        }, ensure_ascii=False))
"""


def judge_all(code: Path, drafts: list[Path]) -> dict[tuple[str, str], dict]:
    rows = json_rows(code, JUDGE_ALL, drafts, what="judging")
    return {(r["draft"], r.get("rule", "")): r for r in rows}


def recommendations(spec: Path) -> dict[str, str]:
    """'POC-PRIORITY' paragraphs of the spec, by rule id ('poc-priority'), as the spec words them."""
    found: dict[str, str] = {}
    if not spec.is_file():
        return found
    for block in spec.read_text(encoding="utf-8").split("\n\n"):
        m = re.match(r"\*\*([A-Z-]+)\*\*\s*[—-]\s*(.*)", block.strip(), re.DOTALL)
        if m:
            words = re.sub(r"\s*Sources?: `[^.]*`\.?|\s*\(Sources?:[^)]*\)", "", " ".join(m.group(2).split()))
            found[m.group(1).lower()] = words.strip()
    return found


def cited(row: dict) -> str:
    parts = []
    for ref, text, lead_in in zip(row["refs"], row["texts"], row["lead_ins"], strict=True):
        head = f"\n    (under: “{lead_in[:300]}{'…' if len(lead_in) > 300 else ''}”)" if lead_in else ""
        parts.append(f"  - **{ref}**{head}\n    “{text}”")
    return "\n".join(parts)


def write_sample(
    changes: list[tuple[dict, dict]], n: int, seed: int, spec: Path, out: Path, key: Path
) -> None:
    rng = random.Random(seed)
    chosen = rng.sample(changes, min(n, len(changes)))
    words = recommendations(spec)
    sample = [
        "# Which paragraph would you cite?\n",
        "For each case: a resolution, a recommendation (as the codebook words it), and two citations, A and B.",
        "Say which a careful coder would cite as the place where the resolution meets (or comes closest to",
        "meeting) the recommendation: **A**, **B**, **both equally**, or **neither**. Read the resolution itself",
        "(../shared/corpus/txt/NAME.txt) where the quoted paragraphs are not enough.\n",
    ]
    keys = [
        "# Key to evidence-sample.md (do not show the coder)\n",
        "| case | A | B |",
        "| --- | --- | --- |",
    ]
    for k, (old, new) in enumerate(chosen, start=1):
        a, b = (old, new) if rng.random() < 0.5 else (new, old)
        sample += [
            f"## Case {k}: {old['draft']}, {old['rule']}\n",
            f"Recommendation: {words.get(old['rule'], old['rule'])}\n",
            f"**A**\n{cited(a)}\n",
            f"**B**\n{cited(b)}\n",
            "Answer: \n",
        ]
        keys.append(f"| {k} | {'old' if a is old else 'new'} | {'old' if b is old else 'new'} |")
    out.write_text("\n".join(sample) + "\n", encoding="utf-8")
    key.write_text("\n".join(keys) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--code", type=Path, required=True, help="an older checkout to compare with")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "txt")
    parser.add_argument("--skip", type=Path, help="names of drafts never to judge (one a line)")
    parser.add_argument("--sample", type=int, default=0, help="write this many changed citations for a coder")
    parser.add_argument(
        "--moves",
        action="store_true",
        help="list each verdict that moved, with the evidence before and after",
    )
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--spec", type=Path, default=SHARED / "spec" / "recommendations.md")
    parser.add_argument("--sample-out", type=Path, default=Path("evidence-sample.md"))
    parser.add_argument("--key-out", type=Path, default=Path("evidence-sample-key.md"))
    args = parser.parse_args()
    skip = set(args.skip.read_text(encoding="utf-8").split()) if args.skip else set()
    drafts = [p for p in sorted(args.corpus.glob("*.txt")) if p.stem not in skip]
    old, new = judge_all(args.code.resolve(), drafts), judge_all(ROOT, drafts)
    refused = {d for d, rule in [*old, *new] if not rule}
    old = {k: v for k, v in old.items() if k[0] not in refused}
    verdicts = refs = paragraphs = 0
    both: list[tuple[dict, dict]] = []
    by_rule: dict[str, int] = {}
    moved: list[str] = []  # each verdict that moved, for --moves
    moves: dict[str, int] = {}  # 'missing -> partial': how many, so a reader sees which way verdicts went
    for key, before in old.items():
        after = new[key]
        if before["verdict"] != after["verdict"]:
            verdicts += 1
            move = f"{before['verdict']} -> {after['verdict']}"
            moves[move] = moves.get(move, 0) + 1
            moved.append(
                f"  {key[0]} {key[1]}: {move}  ({', '.join(before['refs']) or '-'} -> "
                f"{', '.join(after['refs']) or '-'})"
            )
        refs += before["refs"] != after["refs"]
        if before["texts"] != after["texts"]:
            paragraphs += 1
            by_rule[key[1]] = by_rule.get(key[1], 0) + 1
            if before["texts"] and after["texts"]:
                both.append((before, after))
    skipped = len(skip & {p.stem for p in args.corpus.glob("*.txt")})
    print(
        f"{len(drafts)} drafts judged ({skipped} skipped); {len(refused)} refused by one version; {len(old)} findings"
    )
    print(f"verdict changed:                 {verdicts:6d}")
    for move, count in sorted(moves.items(), key=lambda x: -x[1]):
        print(f"  {move:<22} {count:5d}")
    if args.moves:
        print("\n".join(moved))
    print(f"evidence references changed:     {refs:6d}")
    print(f"cited paragraphs changed:        {paragraphs:6d}  ({len(both)} citing in both versions)")
    for rule, count in sorted(by_rule.items(), key=lambda x: -x[1]):
        print(f"  {rule:<22} {count:5d}")
    if args.sample:
        write_sample(both, args.sample, args.seed, args.spec, args.sample_out, args.key_out)
        print(f"wrote {args.sample_out} and {args.key_out}")


if __name__ == "__main__":
    main()
