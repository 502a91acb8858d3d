"""The draft as it would read with proposed fixes accepted, re-judged: a fix is kept only where the rule it
targets improves and no other rule gets worse. Pure functions of (Document, placements, judge); the text is
rebuilt with typed numbers and read again, so the same reader and judge decide as for the draft itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from mandatekit.read.model import Document, Kind, Paragraph

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


def rejudge(document: Document, placements: Iterable[Placement], judge: Judge) -> Report:
    from mandatekit.read import read_string

    return judge(read_string(accepted_text(document, placements)))
