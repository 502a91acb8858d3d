"""WordprocessingML as the .docx reader reads it: the namespaces, and attribute values read as Word reads
them (an integer clamped to Word's range, the default when not a number). Shared by the numbering, styles and
paragraph parts of the reader.
"""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Markup Compatibility: alternative content, of which Word renders one choice or the fallback.
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MC_ALTERNATE = MC + "AlternateContent"
MC_CHOICE = MC + "Choice"
MC_FALLBACK = MC + "Fallback"
# Word numbers lists up to 32767 and nests them 9 levels deep (0-8): beyond that a value is hostile.
MAX_LIST_NUMBER = 32767
MAX_LEVEL = 8


def word_int(value: str | None, default: int, low: int = 0, high: int = MAX_LIST_NUMBER) -> int:
    """An integer attribute as Word would read it: clamped to Word's range, the default when not a number."""
    digits = (value or "").strip()
    try:
        if len(digits.lstrip("+-")) > 12:  # no need to read a thousand digits to know they are too many
            return (low if digits.startswith("-") else high) if digits.lstrip("+-").isdecimal() else default
        return min(max(int(digits), low), high)
    except ValueError:
        return default


def w_attribute(el: Any, name: str) -> str | None:
    return el.get(W + name) if el is not None else None


def w_val(parent: Any, child: str) -> str | None:
    el = parent.find(W + child) if parent is not None else None
    return w_attribute(el, "val")
