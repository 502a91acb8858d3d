"""A paragraph's number, as Word's automatic numbering rendered it (`Block.label`) or as typed at the start of
its text ('12.', '(a)', 'b)', 'ii.'), and what kind of number it is: decimal, letter, roman, or ambiguous
('(i)', '(v)', '(x)' are letters or romans: the list they stand in decides, see structure_builder).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mandatekit.read.model import Block

# A paragraph inserted between two others, as negotiators number it so that nothing after it moves: '3 bis.',
# '(g bis)', '(g ter)' (the suffix inside the number's own punctuation, one form for every level).
LATIN = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies", "undecies",
         "duodecies", "terdecies", "quaterdecies", "quindecies", "sexdecies", "septdecies", "octodecies",
         "novodecies", "vicies"]  # fmt: skip
_SUFFIX = r"(?:\s+(" + "|".join(LATIN) + r"))?"
# "1.1 Percentage", "12.5 per cent": a decimal, not a paragraph number
_TYPED_DECIMAL = re.compile(r"^(\d{1,6})" + _SUFFIX + r"\s*[.)](?!\d)\s*(?=\S)")
_TYPED_PAREN = re.compile(r"^\(([a-z]{1,5})" + _SUFFIX + r"\)\s*")
_TYPED_HALF_PAREN = re.compile(r"^([a-z]{1,5})\)\s+")
_TYPED_DOTTED = re.compile(r"^([a-z]|[ivx]{1,5})\.\s+(?=\S)")  # "a. To protect", "ii. To report"
_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_LETTER = re.compile(r"^([a-z])\1{0,3}$")
_FORMAT_KIND = {
    "decimal": "decimal",
    "decimalZero": "decimal",
    "lowerLetter": "letter",
    "upperLetter": "letter",
    "lowerRoman": "roman",
    "upperRoman": "roman",
}


@dataclass(slots=True)
class Label:
    kind: str  # decimal | letter | roman | ambiguous | bullet
    value: str
    suffix: str = ""  # 'bis', 'ter' ...: a paragraph inserted after the one numbered `value`

    @property
    def shown(self) -> str:
        """The number as references show it: 'g', 'g bis', '3 bis'."""
        return f"{self.value} {self.suffix}" if self.suffix else self.value


def roman_value(s: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values[b] > v else v
    return total


def letter_value(s: str) -> int:
    return (len(s) - 1) * 26 + ord(s[0]) - ord("a") + 1


def to_roman(n: int) -> str:
    out = ""
    for v, sym in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv")):
        while n >= v:
            out, n = out + sym, n - v
    return out + "i" * n


def label_of(block: Block) -> tuple[Label | None, str]:
    """The block's number (from Word's numbering or typed in the text) and its text without it."""
    text = block.text
    if block.label is not None:
        kind = _FORMAT_KIND.get(block.label_format or "", "bullet")
        value = re.sub(r"[^0-9A-Za-z]", "", block.label).lower()
        return (Label(kind, value) if value or kind == "bullet" else None), text
    first = text[:1]
    if not (first.isdecimal() or first == "(" or "a" <= first <= "z"):
        return None, text  # each typed number below opens with a digit, '(' or a lower-case letter
    if m := _TYPED_DECIMAL.match(text):
        return Label("decimal", m.group(1), m.group(2) or ""), text[m.end() :]
    for pattern in (_TYPED_PAREN, _TYPED_HALF_PAREN, _TYPED_DOTTED):
        if m := pattern.match(text):
            value = m.group(1)
            is_roman, is_letter = bool(_ROMAN.match(value)), bool(_LETTER.match(value))
            if is_roman or is_letter:
                kind = "ambiguous" if is_roman and is_letter else ("roman" if is_roman else "letter")
                suffix = (m.group(2) or "") if pattern is _TYPED_PAREN else ""
                return Label(kind, value, suffix), text[m.end() :]
    return None, text
