"""What each rule element matches over a corpus folder, and what a vocabulary change gained or lost (issue 21).
Prints figures and the matched words; asserts nothing.

    python benchmarks/element_hits.py [--corpus DIR] [--skip FILE] [--rule ID ...]
        [--show RULE.ELEMENT ...] [--code OLD_CHECKOUT]

For every draft in the corpus (default: ../shared/corpus/txt, beside the repository; `--skip FILE` names drafts,
one a line without .txt, never read: a holdout nobody tuning may look at), finds each element's words as the
judge does (`judge.hits.find_hits`: placeholders filled with the draft's mission and every bundled profile,
exclusions applied) and prints, per rule element (and the subject), its hits and the drafts holding them.

`--show RULE.ELEMENT` (or `RULE.*`) prints each hit: draft, paragraph reference, governing verb and the matched
words with some context, so a reader can say which are the subject and which another subject's words.

`--code OLD_CHECKOUT` also finds the hits with the mandatekit package and rules of an older checkout (in its own
process) and prints, per element, the hits gained and lost; with `--show`, only those gained or lost are
listed. That is the sweep to run before landing a new phrase: every hit it gains, read, from texts you did not
start from.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
from collections import defaultdict
from pathlib import Path

from checkouts import json_rows

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared"
)

# Run in a fresh process with the checkout to measure first on the path: one JSON line per hit.
FIND_ALL = r"""
import json, sys
from mandatekit.api import setup
from mandatekit.judge.hits import find_hits
from mandatekit.judge.prepared import Prepared
from mandatekit.read import read
from mandatekit.rulebook.profiles import profile_terms
wanted = set(json.loads(sys.argv[1]))
s = setup()
rules = [r for r in s.rulebook.rules if not wanted or r.id in wanted]
for line in sys.stdin:
    path = line.strip()
    try:
        document = read(path)
        profile, _ = s.mission_of(document)
    except Exception as e:  # a draft this version cannot read: nothing to count
        print(json.dumps({"draft": path, "refused": str(e)}))
        continue
    terms = profile_terms(s._effective_profile(profile))
    prepared = Prepared(document)
    for rule in rules:
        for element, hits in find_hits(prepared, rule, terms).items():
            for h in hits:
                p = prepared.paragraphs[h.para]
                print(json.dumps({
                    "draft": path, "rule": rule.id, "element": element, "ref": p.ref or "", "start": h.start,
                    "words": p.text[h.start:h.end], "before": p.text[max(0, h.start - 80):h.start],
                    "after": p.text[h.end:h.end + 60], "verb": prepared.verb_at(h.para, h.start)[1] or "",
                }, ensure_ascii=False))
"""


def find_all(code: Path, drafts: list[Path], rules: list[str]) -> list[dict]:
    rows = json_rows(code, FIND_ALL, drafts, json.dumps(rules), what="finding hits")
    for row in rows:
        row["draft"] = Path(row["draft"]).stem
    return [r for r in rows if "refused" not in r]


def key(row: dict) -> tuple:
    return (row["draft"], row["rule"], row["element"], row["ref"], row["start"], row["words"])


def shown(row: dict) -> str:
    context = " ".join(f"{row['before']}[[{row['words']}]]{row['after']}".split())
    return f"  {row['draft']} {row['ref']} ({row['verb']}): …{context}…"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "txt")
    parser.add_argument("--skip", type=Path, help="names of drafts never to read (one a line)")
    parser.add_argument("--rule", action="append", default=[], help="only this rule (repeatable)")
    parser.add_argument("--show", action="append", default=[], help="RULE.ELEMENT whose hits to print")
    parser.add_argument("--code", type=Path, help="an older checkout: print the hits gained and lost")
    args = parser.parse_args()
    skip = set(args.skip.read_text(encoding="utf-8").split()) if args.skip else set()
    drafts = [p for p in sorted(args.corpus.glob("*.txt")) if p.stem not in skip]
    new = find_all(ROOT, drafts, args.rule)
    old = find_all(args.code.resolve(), drafts, args.rule) if args.code else None
    print(f"{len(drafts)} drafts read ({len(skip)} names skipped)")

    def by_element(rows: list[dict]) -> dict[str, list[dict]]:
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            grouped[f"{row['rule']}.{row['element']}"].append(row)
        return grouped

    now = by_element(new)
    then = by_element(old or [])
    for name in sorted(set(now) | set(then)):
        rows = now.get(name, [])
        line = f"{name:<44} {len(rows):6d} hits {len({r['draft'] for r in rows}):4d} drafts"
        gained: list[dict] = []
        lost: list[dict] = []
        if old is not None:
            before = {key(r) for r in then.get(name, [])}
            after = {key(r) for r in rows}
            gained = [r for r in rows if key(r) not in before]
            lost = [r for r in then.get(name, []) if key(r) not in after]
            line += f"   +{len(gained)} -{len(lost)}"
        print(line)
        if any(fnmatch.fnmatch(name, pattern) for pattern in args.show):
            listed = (
                [shown(r) for r in rows]
                if old is None
                else [
                    *(f"+{shown(r)}" for r in gained),
                    *(f"-{shown(r)}" for r in lost),
                ]
            )
            if listed:
                print("\n".join(listed))


if __name__ == "__main__":
    main()
