"""The evidence a finding quotes: the words found, the clause around them, the hedges that qualify them, and
whether they stand in a pending tracked insertion."""

from __future__ import annotations

from mandatekit.judge.hits import Hit
from mandatekit.judge.prepared import Prepared
from mandatekit.judge.report import Evidence
from mandatekit.read.model import Paragraph
from mandatekit.rulebook import Rule

MAX_CONTEXT = 5000  # characters of a clause quoted as evidence context, at most (real ones: 2,300)


def in_insertion(para: Paragraph, start: int, end: int) -> bool:
    """The words stand wholly in a pending tracked insertion (read as accepted, not yet agreed)."""
    return any(c.kind == "insert" and c.start <= start and end <= c.end for c in para.changes)


def quote(hits: list[Hit], rule: Rule, prepared: Prepared) -> list[Evidence]:
    out = []
    for h in sorted(hits, key=lambda h: (h.para, h.start)):
        para, index = prepared.paragraphs[h.para], prepared.index(h.para)
        c_start = index.clause_start(h.start)
        c_end = index.semicolon_from(h.end)
        c_end = c_end + 1 if c_end >= 0 else len(para.text)
        # A clause of a page or more (a wall of text without a semicolon) is quoted around the words only.
        if c_end - c_start > MAX_CONTEXT:
            c_start = max(c_start, h.start - MAX_CONTEXT // 2)
            c_end = min(c_end, max(h.end, c_start + MAX_CONTEXT))
        context = para.text[c_start:c_end].strip()
        out.append(
            Evidence(
                element=h.element,
                label=rule.searched[h.element].label,
                ref=para.ref or "",
                part=para.part,
                text=para.text[h.start : h.end],
                start=h.start,
                end=h.end,
                paragraph=h.para,
                context=context,
            )
        )
    return out


def hedges_of(hits: list[Hit], prepared: Prepared) -> list[str]:
    """The hedges that qualify the words found. A hedge that qualifies another task of the clause the words stand
    in ("..., and to update the plan as appropriate, in full compliance with the HRDDP") leaves them unhedged
    (`cues.hedge_reach`); a hedge of another clause is reported with that clause named, as before."""
    found: dict[str, None] = {}
    for para_index in dict.fromkeys(h.para for h in hits):
        here = [h for h in hits if h.para == para_index]
        found.update(
            dict.fromkeys(
                words
                for words, start, end, a, b in prepared.hedges(para_index)
                if any(h.start < end and start < h.end for h in here)
                or not any(h.start < b and a < h.end for h in here)
            )
        )
    return list(found)
