"""styles.xml as the .docx reader needs it: for each style its name, the style it is based on, the list
and level it numbers with, its outline level (a heading), whether it hides its text (w:vanish), colours it
white (w:color) or paints a background behind it (w:shd, w:highlight). A style
is read only when a paragraph first asks for it, and a chain of styles based on styles is bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mandatekit.read.docx_visible import shaded, vanish, white
from mandatekit.read.docx_xml import W, w_attribute, w_val, word_int


@dataclass
class Style:
    name: str
    based_on: str | None
    num: tuple[str, str | None] | None  # (numId, ilvl)
    outline: int | None
    vanish: bool | None = None  # w:vanish in its run properties: text in this style is hidden
    white: bool | None = None  # w:color in its run properties: True when white
    shaded: bool | None = None  # a background (shading or highlight) behind its text; None when none


class Styles(dict[str, Style]):
    """styles.xml, by style id (the last of a repeated id wins). A style is read when a paragraph first asks
    for it: Word's styles part defines a few hundred, a draft uses a handful."""

    def __init__(self, root: Any) -> None:
        super().__init__()
        self._elements = (
            {} if root is None else {w_attribute(st, "styleId") or "": st for st in root.iter(W + "style")}
        )
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr") if root is not None else None
        self.default_vanish = vanish(defaults)
        self.default_white = white(defaults)

    def __contains__(self, style_id: object) -> bool:
        return style_id in self._elements

    def __missing__(self, style_id: str) -> Style:
        st = self._elements[style_id]
        ppr = st.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num = (w_val(numpr, "numId") or "0", w_val(numpr, "ilvl")) if numpr is not None else None
        outline = w_val(ppr, "outlineLvl")
        style = self[style_id] = Style(
            name=w_val(st, "name") or "",
            based_on=w_val(st, "basedOn"),
            num=num,
            outline=word_int(outline, 9, high=9) if outline is not None and outline.isdigit() else None,
            vanish=vanish(st.find(W + "rPr")),
            white=white(st.find(W + "rPr")),
            shaded=shaded(st.find(W + "rPr")) or shaded(ppr) or None,
        )
        return style


MAX_STYLE_CHAIN = 32  # styles based on styles: Word's own run a few deep; a chain of thousands is hostile


def style_chain(styles: dict[str, Style], style_id: str | None) -> list[tuple[str, Style]]:
    """The style and those it is based on, nearest first, at most MAX_STYLE_CHAIN of them: asked once per
    paragraph, so a chain of 20,000 styles would cost 20,000 steps for each."""
    chain, seen = [], set()
    while style_id and style_id in styles and style_id not in seen and len(chain) < MAX_STYLE_CHAIN:
        seen.add(style_id)
        chain.append((style_id, styles[style_id]))
        style_id = styles[style_id].based_on
    return chain


# The styles a package without a styles part has (python-docx's default styles part, as Word's).
DEFAULT_STYLES = {
    "Normal": Style(name="Normal", based_on=None, num=None, outline=None),
    "DefaultParagraphFont": Style(name="Default Paragraph Font", based_on=None, num=None, outline=None),
    "TableNormal": Style(name="Normal Table", based_on=None, num=None, outline=None),
    "NoList": Style(name="No List", based_on=None, num=None, outline=None),
}
