"""Check (and, with --write, fill) the `value_sources` of the bundled profiles against the resolutions in
../shared/corpus/txt: each passage must be the resolution's own words. A measurement tool, never a test:
the tests check each value against the committed passage only (a user's clone has no ../shared).

    python benchmarks/profile_sources.py            # check every passage against the corpus
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "txt"
sys.path.insert(0, str(ROOT))

# The parts of a value joined by ' and ' outside parentheses, split as the profile check itself splits them.
from mandatekit.rulebook.model import _parts as split_value  # noqa: E402


def plain(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.replace("\u2011", "-").split())


def corpus_text(symbol: str) -> str:
    """'S/RES/2677 (2023)' → the text of S_RES_2677(2023).txt, whitespace and quotes made plain."""
    name = symbol.replace("/", "_").replace(" ", "") + ".txt"
    return plain((CORPUS / name).read_text(encoding="utf-8"))


def passage_for(text: str, value: str) -> str | None:
    """The clause of `text` that holds `value` (each of its parts, for 'A and B'): up to the nearest ';', ':',
    ',' or sentence end within 120 characters on either side, cut at a word."""
    parts = [p.removeprefix("the ") for p in split_value(value)]
    spans = []
    for part in parts:
        m = re.search(r"(?<![\w-])" + re.escape(plain(part)) + r"(?![\w-])", text, re.IGNORECASE)
        if not m:
            return None
        spans.append((m.start(), m.end()))
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    if last - first > 400:
        return None
    lo = max(0, first - 120)
    cuts = [text.rfind(c, lo, first) for c in (";", ". ", ":", ",")]
    start = max(cuts) + 1 if max(cuts) != -1 else lo
    ends = [i for i in (text.find(c, last, last + 120) for c in (";", ". ", ":", ",")) if i != -1]
    end = min(ends) if ends else min(len(text), last + 120)
    out = text[start:end]
    if start > 0 and text[start - 1].isalnum() and " " in out:
        out = out.split(" ", 1)[1]
    if end < len(text) and text[end].isalnum() and " " in out:
        out = out.rsplit(" ", 1)[0]
    return out.strip(" ,")


def main() -> int:
    bad = 0
    for path in sorted((ROOT / "profiles").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        # The values' passages, and the facts' (what the Council's texts say of the mission).
        sourced = {**(data.get("value_sources") or {}), **(data.get("facts") or {})}
        for name, source in sourced.items():
            try:
                text = corpus_text(source["resolution"])
            except OSError:
                print(f"{path.name}: {name}: {source['resolution']} is not in the corpus")
                bad += 1
                continue
            if plain(source["passage"]) not in text:
                print(f"{path.name}: {name}: passage is not the words of {source['resolution']}")
                bad += 1
    print(f"{bad} passages differ from the corpus" if bad else "every passage is the resolution's own words")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
