"""Word's automatic numbering, rebuilt: real drafts number their paragraphs with it, so the number is not
in the text. numbering.xml defines abstract lists (each level's start, format and label text) and list
instances (with start overrides); a paragraph joins a list and level directly or through its style. Running
the counters in document order gives each paragraph the label Word shows ('12.', '(a)', '(iv)').
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mandatekit.read.docx_styles import Style
from mandatekit.read.docx_xml import MAX_LEVEL, MAX_LIST_NUMBER, W, w_attribute, w_val, word_int


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    style: str | None = None


@dataclass
class Numbering:
    """numbering.xml: abstract list definitions, list instances, and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> level
    nums: dict[str, tuple[str, dict[int, int]]] = field(
        default_factory=dict
    )  # numId -> (abstract, overrides)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: Any) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                ilvl = word_int(w_attribute(lvl, "ilvl"), 0, high=MAX_LEVEL + 1)
                if ilvl > MAX_LEVEL:
                    continue
                levels[ilvl] = _Level(
                    start=word_int(w_val(lvl, "start"), 1),
                    fmt=w_val(lvl, "numFmt") or "decimal",
                    text=(w_val(lvl, "lvlText") or "")[:64],  # Word's own are a few characters
                    style=w_val(lvl, "pStyle"),
                )
            numbering.levels[w_attribute(abstract, "abstractNumId") or ""] = levels
        # A list that follows a list style ('numStyleLink') takes its levels from the list defining that style.
        defining = {
            w_val(a, "styleLink"): w_attribute(a, "abstractNumId") for a in root.iter(W + "abstractNum")
        }
        for abstract in root.iter(W + "abstractNum"):
            link = w_val(abstract, "numStyleLink")
            source = defining.get(link) if link else None
            if source is not None and not numbering.levels.get(w_attribute(abstract, "abstractNumId") or ""):
                numbering.levels[w_attribute(abstract, "abstractNumId") or ""] = numbering.levels.get(
                    source, {}
                )
        for num in root.iter(W + "num"):
            overrides = {}
            for override in num.iter(W + "lvlOverride"):
                start = w_val(override, "startOverride")
                if start is not None:
                    overrides[word_int(w_attribute(override, "ilvl"), 0, high=MAX_LEVEL)] = word_int(start, 1)
            numbering.nums[w_attribute(num, "numId") or ""] = (w_val(num, "abstractNumId") or "", overrides)
        return numbering

    def level_for_style(self, num_id: str, style_id: str) -> int:
        abstract = self.nums.get(num_id, ("", {}))[0]
        return next((i for i, lv in self.levels.get(abstract, {}).items() if lv.style == style_id), 0)

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the list's counter at `ilvl` and return (label as Word shows it, format of that level)."""
        if num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract)
        if not levels or ilvl not in levels:
            return None
        # A list instance with start overrides numbers on its own; others share their abstract list's count.
        key = f"num:{num_id}" if overrides else f"abstract:{abstract}"
        counts = self.counters.setdefault(key, {})
        start = overrides.get(ilvl, levels[ilvl].start)
        counts[ilvl] = min(counts[ilvl] + 1, MAX_LIST_NUMBER) if ilvl in counts else start
        for deeper in [lv for lv in counts if lv > ilvl]:
            del counts[deeper]
        label = levels[ilvl].text
        for lv, level in levels.items():
            if f"%{lv + 1}" in label:
                value = counts.get(lv, overrides.get(lv, level.start))
                label = label.replace(f"%{lv + 1}", format_number(value, level.fmt))
        return label, levels[ilvl].fmt


def format_number(n: int, fmt: str) -> str:
    n = min(max(n, 0), MAX_LIST_NUMBER)  # the letter and roman forms grow with n
    if fmt in ("lowerLetter", "upperLetter"):
        if n < 1:
            return "0"
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        from mandatekit.read.structure_labels import to_roman

        roman = to_roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def numbering_label(numbering: Numbering, ppr: Any, chain: list[tuple[str, Style]]) -> tuple[str, str] | None:
    numpr = ppr.find(W + "numPr") if ppr is not None else None
    if numpr is not None:
        num_id, ilvl = w_val(numpr, "numId"), w_val(numpr, "ilvl")
        if num_id is not None:
            level = word_int(ilvl, 0, high=MAX_LEVEL + 1)
            return None if num_id == "0" else numbering.next_label(num_id, level)
    for style_id, style in chain:
        if style.num is not None:
            num_id, ilvl = style.num
            if num_id == "0":
                return None
            level = (
                word_int(ilvl, 0, high=MAX_LEVEL + 1)
                if ilvl is not None
                else numbering.level_for_style(num_id, style_id)
            )
            return numbering.next_label(num_id, level)
    return None
