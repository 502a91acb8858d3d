"""Agreement of the judge with hand-coded verdicts of real mandates (issue 13). Prints figures; asserts nothing.

    python benchmarks/gold_agreement.py [FOLDER ...]      (default: tests/judge/real, real2 … real13)

FOLDER holds `gold.yaml` (resolution → cells: rule → verdict, a list of two when the coder judged the cell
borderline) and one `<resolution>.txt` per resolution. Prints exact agreement and false "met" (met where the
coder said partial or missing) per resolution and per rule, then every disagreement with the coder's deciding
paragraph and the tool's evidence, how often the tool cites a paragraph the coders cite where both call a cell
met, and each cell where it does not (a cited miss: the coders' references and words, the tool's references
and the clauses it quotes). Anyone with other coded mandates can point it at their own folder.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mandatekit import check  # noqa: E402
from mandatekit.judge import Finding  # noqa: E402


def allowed(cell: dict) -> set[str]:
    verdict = cell["verdict"]
    return set(verdict) if isinstance(verdict, list) else {verdict}


ROMAN = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
]
LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)]


def written_refs(ref: str) -> set[str]:
    """The coder's references as written (the strict measure before issue 21's evidence round)."""
    refs = (" ".join(part.split()) for part in re.split(r"[;,]\s*|\s+and\s+", ref))
    return {f"OP {part}" if part[0].isdigit() else part for part in refs if part}


def coder_refs(ref: str | None) -> set[str]:
    """'OP 3; OP 12', 'OP 29(ii)(c), 29(ii)(d)' → {'OP 3', 'OP 12'}, {'OP 29(ii)(c)', 'OP 29(ii)(d)'}; a coder's
    shorthand spelt out: 'OP 36(f)(iv), (vii)' names OP 36(f)(vii), 'OP 11(a)(i)-(iii)' each item between."""
    refs: set[str] = set()
    last = ""
    for part in re.split(r"[;,]\s*|\s+and\s+", ref or ""):
        part = " ".join(part.split())
        if not part:
            continue
        if part[0].isdigit():
            part = f"OP {part}"
        elif part[0] == "(" and last:  # the last paragraph's sibling: 'OP 36(f)(iv), (vii)'
            part = re.sub(r"\([^()]*\)$", "", last) + part
        last = part
        span = re.fullmatch(r"(.*)\((\w+)\)-\((\w+)\)", part)
        series = next((s for s in (ROMAN, LETTERS) if span and span[2] in s and span[3] in s), None)
        if span and series:
            first, end = series.index(span[2]), series.index(span[3])
            refs.update(f"{span[1]}({series[i]})" for i in range(first, end + 1))
        else:
            refs.add(part)
    return refs


def cites_coders(coder: set[str], tool: list[str]) -> bool:
    """The tool cites a paragraph the coder cites: the same one, or a sub-paragraph of it (a coder citing
    'OP 8' cites its sub-paragraphs with it; the tool citing 'OP 8' where the coder cites 'OP 8(i)' cites the
    lead-in, not the task). A reference the reader counted ('OP 3(c)(vii) (2)': the text numbers two
    paragraphs alike) is the label the text gives it, the coder's only way to name it."""
    labels = [re.sub(r" \(\d+\)$", "", t) for t in tool]
    return any(t == c or t.startswith(c + "(") for t in labels for c in coder)


def main(folder: Path) -> None:
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))["resolutions"]
    per_res: dict[str, list[int]] = {}
    per_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # agree, cells, false met
    disagreements = []
    misses = []  # cells both call met where the tool cites no paragraph the coders cite
    # Cells both call met where the coder names a paragraph: the tool cites one of them, or (strict, the
    # figure before issue 21's evidence round) cites one of the coder's references exactly as written.
    cited = [0, 0, 0]
    for name, coded in gold.items():
        report = check(folder / f"{name}.txt")
        got = {f.rule: f for f in report.findings}
        agree = cells = false_met = 0
        for rule, cell in coded["cells"].items():
            finding = got[rule]
            ok = finding.verdict.value in allowed(cell)
            fm = finding.verdict.value == "met" and "met" not in allowed(cell)
            agree, cells, false_met = agree + ok, cells + 1, false_met + fm
            row = per_rule[rule]
            row[0], row[1], row[2] = row[0] + ok, row[1] + 1, row[2] + fm
            if finding.verdict.value == "met" and "met" in allowed(cell) and cell.get("ref"):
                cited[1] += 1
                hit = cites_coders(coder_refs(cell["ref"]), finding.refs)
                cited[0] += hit
                cited[2] += bool(written_refs(cell["ref"]) & set(finding.refs))
                if not hit:
                    misses.append(cited_miss(name, rule, cell, finding))
            if not ok:
                evidence = "; ".join(f"{e.ref} '{e.text}'" for e in finding.evidence) or "-"
                disagreements.append(
                    f"{name} {rule}: tool {finding.verdict.value}, coder {'/'.join(sorted(allowed(cell)))}"
                    f"{'  FALSE MET' if fm else ''}\n"
                    f"    coder: {cell.get('ref')} '{cell.get('words')}'\n"
                    f"    tool:  {evidence}\n"
                    f"    why:   {' | '.join(finding.reasons) or finding.message}"
                )
        per_res[name] = [agree, cells, false_met]
    total = [sum(v[i] for v in per_res.values()) for i in range(3)]
    print(f"{'resolution':<20} {'mission':<8} {'agree':>7} {'%':>6} {'false met':>9}")
    for name, (a, n, fm) in per_res.items():
        print(f"{name:<20} {gold[name]['mission']:<8} {a:>3}/{n:<3} {100 * a / n:>6.1f} {fm:>9}")
    print(f"{'all':<29} {total[0]:>3}/{total[1]:<3} {100 * total[0] / total[1]:>6.1f} {total[2]:>9}")
    share = f"{100 * cited[0] / cited[1]:.0f} %" if cited[1] else "-"
    strict = f"{100 * cited[2] / cited[1]:.0f} %" if cited[1] else "-"
    print(
        f"cited: where both call a cell met, the tool cites a paragraph the coder cites in {cited[0]}/{cited[1]} ({share};"
        f" the same reference as written: {cited[2]}/{cited[1]}, {strict})\n"
    )
    print(f"{'rule':<22} {'agree':>7} {'false met':>9}")
    for rule, (a, n, fm) in sorted(per_rule.items()):
        print(f"{rule:<22} {a:>3}/{n:<3} {fm:>9}")
    print(f"\n{len(disagreements)} disagreement(s)")
    for d in disagreements:
        print(d)
    print(
        f"\n{len(misses)} cited miss(es): both call the cell met, the tool cites no paragraph the coders cite"
    )
    for m in misses:
        print(m)


def cited_miss(name: str, rule: str, cell: dict, finding: Finding) -> str:
    """One cited miss: the coders' references and words, the tool's references and each clause it quotes."""
    quoted = dict.fromkeys(f"{e.ref}: '{e.text}' in '{_cut(e.context)}'" for e in finding.evidence)
    return (
        f"{name} {rule}\n"
        f"    coder: {cell.get('ref')} '{_cut(cell.get('words') or '')}'\n"
        f"    tool:  {', '.join(finding.refs)}\n" + "".join(f"           {q}\n" for q in quoted)
    ).rstrip("\n")


def _cut(text: str, most: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


DEFAULT_FOLDERS = [ROOT / "tests" / "judge" / name for name in ("real", *(f"real{n}" for n in range(2, 14)))]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: python benchmarks/gold_agreement.py tests/judge/real8 tests/judge/real9",
    )
    parser.add_argument(
        "folders",
        nargs="*",
        type=Path,
        metavar="FOLDER",
        help="a folder holding gold.yaml and one <resolution>.txt per resolution "
        "(default: tests/judge/real, real2 … real13)",
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    folders = parse_args().folders or DEFAULT_FOLDERS
    for folder in folders:
        if not (folder / "gold.yaml").is_file():
            print(
                f"gold_agreement.py: {folder}: no gold.yaml there (a gold folder holds it and the texts)",
                file=sys.stderr,
            )
            sys.exit(2)
    for folder in folders:
        print(f"== {folder}")
        main(folder)
