"""Rounds of drafting built in code from real adopted resolutions (tests/rounds/drafts, copied from the UN
corpus): the resolution becomes a Word draft with Word's own numbering, and a round deletes, weakens,
brackets or moves its paragraphs, or circulates the same edits as pending tracked changes."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from mandatekit.read import read
from mandatekit.read.model import Kind
from tests.builders import DraftBuilder, Para, Run

DRAFTS = Path(__file__).resolve().parent / "drafts"
_OPENER = re.compile(r"^((?:[A-Z][a-z]+ly\s+)?[A-Z][a-z]+(?:\s+(?:upon|on|further|also|again))?)\b")


def resolution(name: str) -> Round:
    """The adopted resolution as a Word draft: its front matter, preamble with italic openers, headings and
    operative paragraphs numbered by Word at three levels (a continuation paragraph unnumbered)."""
    document = read(DRAFTS / name)
    b = DraftBuilder()
    for p in document.paragraphs:
        if p.kind is Kind.front_matter:
            b.front(p.text)
        elif p.kind is Kind.heading:
            b.heading(p.text)
        elif p.kind is Kind.preambular:
            m = _OPENER.match(p.text)
            if m:
                b.pp(m.group(1), p.text[m.end() :].lstrip())
            else:
                b.front(p.text)
        elif p.kind is Kind.operative:
            level = min(len(p.number) - 1, 2) if p.label else None
            verb = p.verb if p.verb and not p.verb_inherited and p.text.startswith(p.verb) else ""
            runs = [Run(verb, "italic"), Run(p.text[len(verb) :])] if verb else [Run(p.text)]
            b.paragraphs.append(Para(runs, level=level))
    return Round(b)


class Round:
    """A draft and the edits of one round, each made on the paragraph holding given words."""

    def __init__(self, builder: DraftBuilder) -> None:
        self.builder = builder

    def copy(self) -> Round:
        return Round(copy.deepcopy(self.builder))

    def _find(self, words: str) -> int:
        hits = [i for i, p in enumerate(self.builder.paragraphs) if words in "".join(r.text for r in p.runs)]
        assert len(hits) == 1, f"{words!r} is in {len(hits)} paragraphs"
        return hits[0]

    def delete(self, words: str) -> Round:
        del self.builder.paragraphs[self._find(words)]
        return self

    def replace(self, words: str, old: str, new: str) -> Round:
        """`old` becomes `new` in the paragraph holding `words` (a verb weakened, a clause cut or bracketed)."""
        para = self.builder.paragraphs[self._find(words)]
        text = "".join(r.text for r in para.runs)
        assert old in text, old
        if para.runs and para.runs[0].kind == "italic" and para.runs[0].text == old:
            para.runs[0] = Run(new, "italic")
        else:
            para.runs = [Run(text.replace(old, new, 1))]
        return self

    def move(self, words: str, after: str) -> Round:
        para = self.builder.paragraphs.pop(self._find(words))
        self.builder.paragraphs.insert(self._find(after) + 1, para)
        return self

    def track_delete(self, words: str) -> Round:
        """The paragraph deleted as a pending tracked change: its words and its paragraph mark."""
        para = self.builder.paragraphs[self._find(words)]
        para.runs = [Run(r.text, "del") for r in para.runs]
        para.mark_deleted = True
        return self

    def track_replace(self, words: str, old: str, new: str) -> Round:
        """`old` struck and `new` inserted, as pending tracked changes."""
        para = self.builder.paragraphs[self._find(words)]
        text = "".join(r.text for r in para.runs)
        at = text.index(old)
        runs = (
            [Run(text[:at]), Run(old, "del")]
            + ([Run(new, "ins")] if new else [])
            + [Run(text[at + len(old) :])]
        )
        para.runs = [r for r in runs if r.text]
        return self

    def save(self, path: Path) -> Path:
        return self.builder.save(path)
