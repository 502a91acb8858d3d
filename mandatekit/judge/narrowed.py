"""Words that meet a rule only for a narrower subject than the recommendation's (a rule's `narrowed`).

A recommendation asks for the general thing: vetting in recruitment, monitoring of violations by all actors.
A task that asks it only for a narrower subject (vetting only of those suspected of sexual violence, monitoring
only of violations against children) is a part of it, and careful coders call it partial. The rule names the
narrower subjects; the judge reads whether they narrow the words that meet the rule:
- a narrowing that overlaps the element's words narrows them ("age screening" in recruitment);
- one beside them, in the same clause, with no list between, narrows them too: "vetting processes to exclude
  those suspected of sexual violence". A list break between (a comma, "including", "and", "in particular")
  makes it one item beside the general thing, not a limit on it: "violations of human rights, including
  sexual violence" is the general thing;
- and only where every match of the element in that clause is narrowed: a clause that also asks the general
  thing asks it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from mandatekit.judge.forces import Setting
from mandatekit.judge.hits import Hit, found_patterns
from mandatekit.judge.prepared import Prepared
from mandatekit.rulebook import Rule
from mandatekit.rulebook.patterns import Terms

# Words between a narrowing and the words it limits, at most: beyond, it limits something else.
MAX_GAP_WORDS = 8
# What ends a qualifier and begins another item: punctuation, a conjunction, a word that introduces instances.
_LIST_BREAK = re.compile(
    r"[;:,()\[\]]|\b(?:includ\w*|in\s+particular|particularly|notably|especially|such\s+as|as\s+well\s+as|"
    r"and|or|other|all|any)\b",
    re.IGNORECASE,
)


def _narrows(text: str, h: Hit, start: int, end: int) -> bool:
    """A narrowing at [start, end) limits the hit's words: it overlaps them or stands beside them, no list
    between."""
    if start < h.end and h.start < end:
        return True
    gap = text[h.end : start] if start >= h.end else text[end : h.start]
    return len(gap.split()) <= MAX_GAP_WORDS and not _LIST_BREAK.search(gap)


def narrowed_hits(
    prepared: Prepared, rule: Rule, hits: dict[str, list[Hit]], terms: Terms, setting: Setting
) -> dict[Hit, str]:
    """Each hit whose words the rule's narrowings limit, with the narrower subject's label."""
    out: dict[Hit, str] = {}
    paragraphs = prepared.paragraphs
    for narrowing in rule.narrowed:
        if not any(hits.get(name) for name in narrowing.elements):
            continue  # nothing for it to narrow: no need to search it
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for para, start, end in found_patterns(prepared, narrowing, terms, setting):
            spans[para].append((start, end))
        if not spans:
            continue
        for name in narrowing.elements:
            # The element's matches by clause: the clause is narrowed only if all of them are.
            by_clause: dict[tuple[int, int], list[Hit]] = defaultdict(list)
            for h in hits.get(name, []):
                by_clause[(h.para, prepared.index(h.para).clause_of(h.start))].append(h)
            for (para, _), found in by_clause.items():
                text = paragraphs[para].text
                if para in spans and all(any(_narrows(text, h, s, e) for s, e in spans[para]) for h in found):
                    for h in found:
                        out.setdefault(h, narrowing.label)
    return out
