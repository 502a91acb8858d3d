"""The draft as it would read with proposed fixes accepted, re-judged: a fix is kept only where the rule it
targets improves and no other rule gets worse. Pure functions of (Document, placements, judge); the text is
rebuilt with typed numbers and read again, so the same reader and judge decide as for the draft itself."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from mandatekit.read.model import Document, Kind, Paragraph
from mandatekit.rulebook.patterns import as_latin1

if TYPE_CHECKING:
    from mandatekit.judge import Report
    from mandatekit.render.placement import Placement

Judge = Callable[[Document], "Report"]
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
          "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv"]  # fmt: skip


def label(level: int, n: int) -> str:
    """A typed number as resolutions write it: '3.', '(c)', '(vii)'."""
    if level == 0:
        return f"{n}."
    if level == 1:
        letters = ""
        while n:
            n, r = divmod(n - 1, 26)
            letters = chr(97 + r) + letters
        return f"({letters})"
    return f"({_ROMAN[n - 1]})" if n <= len(_ROMAN) else f"({n})"


def next_label(first: str | None, n: int) -> str:
    """The label of item `n` of a list whose first item is labelled `first`, in the list's own style."""
    core = (first or "").strip().strip("().")
    if core == "i":
        return label(2, n)
    if core.isdigit():
        return f"{n}."
    return label(1, n) if core.isalpha() else ""


def _level(p: Paragraph) -> int:
    return min(max(len(p.number) - 1, 0), 2)


def accepted_text(document: Document, placements: Iterable[Placement]) -> str:
    """The draft's text with each replacement made and each new paragraph in its place, renumbered."""
    replaced: dict[int, str] = {}
    inserted: dict[int, list[Placement]] = {}
    for pl in placements:
        if pl.paragraph is None:
            continue
        if pl.action == "replace":
            replaced[pl.paragraph] = pl.text
        elif pl.action in ("agree", "reject") and pl.result is not None:
            replaced[pl.paragraph] = pl.result
        elif pl.action in ("insert", "add"):
            inserted.setdefault(pl.paragraph, []).append(pl)
    counters = [0, 0, 0]
    out: list[str] = []

    def numbered(level: int, text: str) -> None:
        counters[level] += 1
        for deeper in range(level + 1, 3):
            counters[deeper] = 0
        out.append(f"{label(level, counters[level])} {text}")

    for p in document.paragraphs:
        for n, text in enumerate(replaced.get(p.index, p.text).split("\n\n")):
            if p.kind is Kind.operative and (p.label or n):
                numbered(_level(p), text)  # a deleted paragraph restored before it: numbered alike
            elif text:
                out.append(text)
        for pl in inserted.get(p.index, []):
            like = document.paragraphs[pl.like if pl.like is not None else pl.paragraph]  # type: ignore[index]
            numbered(_level(like) if like.kind is Kind.operative and like.label else 0, pl.text)
    return "\n\n".join(out) + "\n"


def rejudge(
    document: Document, placements: Iterable[Placement], judge: Judge, only: list[str] | None = None
) -> Report:
    """The draft re-read with the placements accepted and judged; with `only`, judged by those rules alone
    (the judge must then take `only`, as `Setup.judge` does)."""
    from mandatekit.read import read_string

    accepted = read_string(accepted_text(document, placements))
    return judge(accepted) if only is None else judge(accepted, only)  # type: ignore[call-arg]


def rules_of(judge: Judge) -> list[Any] | None:
    """The rules a judge judges by, when it is a `Setup`'s (and so can judge by some of them only)."""
    from mandatekit.api import Setup

    setup = getattr(judge, "__self__", None)
    return list(setup.rulebook.rules) if isinstance(setup, Setup) and judge.__name__ == "judge" else None


def _lineage(document: Document, index: int) -> list[Paragraph]:
    """Paragraph `index` with the paragraphs it sits under (whose verb and lead-in it shares) and those under
    it (which share its own)."""
    p = document.paragraphs[index]
    out, up = [p], p
    while up.parent is not None:
        up = document.paragraphs[up.parent]
        out.append(up)
    inside = {p.index}
    for q in document.paragraphs[p.index + 1 :]:
        if q.parent not in inside:
            break
        inside.add(q.index)
        out.append(q)
    return out


def changed_text(document: Document, kept: list[Placement], probe: list[Placement]) -> str:
    """All the text whose words could change a verdict when `probe` is accepted on top of `kept`: the new
    text, and each paragraph it replaces or follows or copies, with the paragraphs above and under it (verbs
    and lead-ins are shared along them), as drafted and as the kept fixes have them. Generous on purpose: a
    rule missed here would keep a stale verdict, one too many only costs its judging."""
    touched: set[int] = set()
    texts: list[str] = []
    for pl in probe:
        texts += [pl.text, pl.result or ""]
        for index in (pl.paragraph, pl.like):
            if index is not None and 0 <= index < len(document.paragraphs):
                touched |= {p.index for p in _lineage(document, index)}
    texts += [document.paragraphs[i].text for i in sorted(touched)]
    for pl in kept:
        if pl.paragraph in touched or pl.like in touched:
            texts += [pl.text, pl.result or ""]
    return "\n".join(texts)


def rules_touched(rules: list[Any], text: str) -> list[str]:
    """The ids of the rules whose words (of an element or an exclusion) could match in `text`, by what each
    phrase needs (`patterns.phrase_needs`, as the judge's word index asks); any rule with a regex is in."""
    from mandatekit.judge.search import for_matching
    from mandatekit.rulebook.patterns import could_match

    words = sorted(set(re.findall(rb"[a-z0-9_]+", as_latin1(for_matching(text)).lower())))
    starts: dict[str, bool] = {}

    def starts_a_word(start: str) -> bool:
        if start not in starts:
            key = start.encode("ascii")
            k = bisect.bisect_left(words, key)
            starts[start] = k < len(words) and words[k].startswith(key)
        return starts[start]

    out = []
    for rule in rules:
        patterns = [*rule.elements.values(), *rule.exclude]
        if any(p.regex for p in patterns) or any(
            could_match(phrase, starts_a_word) for p in patterns for phrase in p.phrases
        ):
            out.append(rule.id)
    return out
