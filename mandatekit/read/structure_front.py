"""The front matter of a draft (what stands before "The Security Council,"): its symbol, date and title,
found in the text whatever the format.
"""

from __future__ import annotations

import re

from mandatekit.read.model import FrontMatter

# S/RES/2719 (2024), S/2024/123; General Assembly: A/RES/73/8, A/80/590 (its masthead holds the symbol)
_SYMBOL = re.compile(
    r"\bS/RES/\d+\s*\(\d{4}\)|\bS/\d{4}/[\w.]+(?:/Rev\.\s?\d+)?|\bA/RES/\d+/\d+\b|\bA/\d{2,3}/(?:L\.)?\d+(?:/Rev\.\s?\d+)?\b",
    re.IGNORECASE,
)  # a revision keeps its suffix ('S/2023/123/Rev.1'): the rounds' memos must not share one heading
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}\b|\b(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}\b")
_NUMBERED_TITLE = re.compile(r"^\d{1,3}/\d{1,4}\.\s+(\S.*)$")
_TITLE_HINT = re.compile(r"\b(draft|resolution|mandate|renewal)\b", re.IGNORECASE)
# The kind of document, not its title: "Draft resolution", "Revised draft resolution", "France: draft
# resolution", "Draft resolution (rev. 2)". The subject line after it ("Libya: renewal of the mandate of ...")
# is the title where the draft has one; the label is only what is left when it has none.
_LABEL = re.compile(r"(?i)^(?:[^:]{1,120}:\s*)?(?:revised\s+)?draft\s+resolution\s*(?:\(.*\))?\.?$")


_CONTENTS_LEADER = re.compile(r"(?:\. ?){4,}\s*\d*\s*$")
# An adopted resolution's heading as the Council prints it, on a line of its own: "Resolution 2749 (2024)" is
# S/RES/2749 (2024).
_RESOLUTION_LINE = re.compile(r"^\s*Resolution\s+(\d{1,4})\s*\((\d{4})\)\s*$", re.IGNORECASE)


def read_front_matter(texts: list[str]) -> FrontMatter:
    front = FrontMatter()
    for text in texts:
        if front.symbol is None and (m := _SYMBOL.search(text)):
            front.symbol = " ".join(m.group(0).split())
        elif front.symbol is None and (m := _RESOLUTION_LINE.match(text)):
            front.symbol = f"S/RES/{m.group(1)} ({m.group(2)})"
        if front.date is None and (m := _DATE.search(text)):
            front.date = m.group(0)
    # An adopted General Assembly resolution prints its title after its number: "73/8. Necessity of ..."
    front.title = next((m.group(1) for text in texts if (m := _NUMBERED_TITLE.match(text))), None)
    label: str | None = None
    for text in texts if front.title is None else []:
        if _RESOLUTION_LINE.match(text):
            continue  # the symbol's line, read above
        bare = _DATE.sub("", _SYMBOL.sub("", text)).strip(" -–,")
        if (
            bare
            # What stands beside the symbol on its line qualifies it ('S/2024/XXX (draft, rev. 2)'): no title.
            and not (_SYMBOL.search(text) and re.fullmatch(r"\(.*\)", bare))
            and _TITLE_HINT.search(bare)
            and not re.match(r"(?i)^(united nations|security council)", bare)
            and not _CONTENTS_LEADER.search(bare)  # a line of the table of contents names a chapter
        ):
            if _LABEL.match(bare):
                label = label or bare
                continue
            front.title = bare
            break
    front.title = front.title or label
    return front
