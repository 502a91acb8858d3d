"""What Word shows of a paragraph, and so what is the draft: text hidden with `w:vanish` (on the run, or
through its character style, its paragraph's style or the document defaults) is not shown, nor is text
coloured white where nothing paints a background behind it (a white page, no shading or highlight on the
run, its paragraph or its table cell): a reader sees neither, and a hostile draft could hide words in them
that would change a verdict. Of an
`mc:AlternateContent` Word renders the first choice it understands, else the fallback. Content Word pulls
in from elsewhere when it opens the file (`w:altChunk`) is shown by Word but not read here: said so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mandatekit.read.docx_xml import MC_CHOICE, MC_FALLBACK, W

# Namespaces a current Word understands (Markup Compatibility 'Requires'): its own extensions since Word
# 2010 and the drawing and math vocabularies. A choice requiring anything else is one Word would skip.
_UNDERSTOOD = (
    "http://schemas.microsoft.com/office/word/",
    "http://schemas.microsoft.com/office/drawing/",
    "http://schemas.microsoft.com/office/2006/",
    "http://schemas.openxmlformats.org/",
    "urn:schemas-microsoft-com:",
)


def rendered_alternative(alternate: Any) -> Any | None:
    """The child of an mc:AlternateContent that Word renders: the first mc:Choice whose required
    namespaces it understands, else the mc:Fallback (None if there is neither)."""
    for child in alternate:
        if child.tag == MC_CHOICE:
            prefixes = (child.get("Requires") or "").split()
            namespaces = [child.nsmap.get(prefix) for prefix in prefixes]
            if prefixes and all(ns and ns.startswith(_UNDERSTOOD) for ns in namespaces):
                return child
        elif child.tag == MC_FALLBACK:
            return child
    return None


def vanish(rpr: Any) -> bool | None:
    """A run-properties element's w:vanish: True (hidden), False (shown, overriding a style), None (not
    said)."""
    el = rpr.find(W + "vanish") if rpr is not None else None
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in ("0", "false", "off")


def white(rpr: Any) -> bool | None:
    """A run-properties element's w:color: True when white (FFFFFF, or the theme's background colour),
    False when another colour or automatic, None when not said."""
    el = rpr.find(W + "color") if rpr is not None else None
    if el is None:
        return None
    theme = (el.get(W + "themeColor") or "").lower()
    if theme:
        return theme in ("background1", "light1")
    return (el.get(W + "val") or "").upper() == "FFFFFF"


def shaded(properties: Any) -> bool:
    """Whether run, paragraph, cell or table properties paint a background behind the text: a w:shd
    filled (or patterned solid) with a colour other than white, or a highlight."""
    if properties is None:
        return False
    shd = properties.find(W + "shd")
    if shd is not None:
        if (shd.get(W + "fill") or "auto").upper() not in ("AUTO", "FFFFFF"):
            return True
        solid = (shd.get(W + "val") or "").lower() == "solid"
        if solid and (shd.get(W + "color") or "auto").upper() not in ("AUTO", "FFFFFF"):
            return True
    highlight = properties.find(W + "highlight")
    return highlight is not None and (highlight.get(W + "val") or "none").lower() not in ("none", "white")


@dataclass
class RunLooks:
    """How a document's styles show runs: `style(style_id, attribute)` is the first value of a Style
    attribute ('vanish', 'white', 'shaded') along the style's basedOn chain (None when none says);
    the document defaults; and whether the page is painted a colour (then white text shows)."""

    style: Callable[[str | None, str], Any]
    default_vanish: bool | None = None
    default_white: bool | None = None
    coloured_page: bool = False
    unseen_white: list[str] = field(default_factory=list)  # text of the white runs left out, for a warning


def hidden_runs(ppr: Any, looks: RunLooks, in_shaded_cell: bool = False) -> Callable[[Any], bool]:
    """Whether a run of this paragraph is not shown: hidden (its own w:vanish, else its character style's,
    else the paragraph style's, else the document default), or white (the same order for w:color) with
    nothing behind it (no shading or highlight on the run, its character style, the paragraph, the
    paragraph style or the table cell, and a white page). White runs left out are noted in `looks`."""
    paragraph_style = ppr.find(W + "pStyle") if ppr is not None else None
    paragraph_style_id = paragraph_style.get(W + "val") if paragraph_style is not None else None

    def inherited(attribute: str, default: bool | None) -> bool:
        by_style = looks.style(paragraph_style_id, attribute)
        return bool(default) if by_style is None else bool(by_style)

    hidden_by_paragraph = inherited("vanish", looks.default_vanish)
    white_by_paragraph = inherited("white", looks.default_white)
    backed = (
        looks.coloured_page
        or in_shaded_cell
        or shaded(ppr)
        or bool(looks.style(paragraph_style_id, "shaded"))
    )

    def own_or_styled(rpr: Any, own: bool | None, attribute: str, by_paragraph: bool) -> bool:
        if own is not None:
            return own
        run_style = rpr.find(W + "rStyle") if rpr is not None else None
        if run_style is not None:
            by_style = looks.style(run_style.get(W + "val"), attribute)
            if by_style is not None:
                return bool(by_style)
        return by_paragraph

    def hidden(run: Any) -> bool:
        rpr = run.find(W + "rPr")
        if own_or_styled(rpr, vanish(rpr), "vanish", hidden_by_paragraph):
            return True
        if backed or shaded(rpr) or not own_or_styled(rpr, white(rpr), "white", white_by_paragraph):
            return False
        run_style = rpr.find(W + "rStyle") if rpr is not None else None
        if run_style is not None and looks.style(run_style.get(W + "val"), "shaded"):
            return False
        words = "".join(t.text or "" for t in run.iter(W + "t")).strip()
        if words:
            looks.unseen_white.append(words)
        return True

    return hidden


def in_shaded_table(paragraph: Any) -> bool:
    """Whether a paragraph sits in a table cell with a background: the cell's or the table's own shading,
    or a table style (which may paint rows and cells; not read, so counted as painting)."""
    node = paragraph.getparent()
    while node is not None and node.tag != W + "body":
        if node.tag == W + "tc" and shaded(node.find(W + "tcPr")):
            return True
        if node.tag == W + "tbl":
            table = node.find(W + "tblPr")
            if shaded(table) or (table is not None and table.find(W + "tblStyle") is not None):
                return True
        node = node.getparent()
    return False


def coloured_page(root: Any) -> bool:
    """Whether the document paints its pages a colour other than white (w:background): white text shows."""
    background = root.find(W + "background")
    return background is not None and (background.get(W + "color") or "FFFFFF").upper() not in (
        "FFFFFF",
        "AUTO",
    )


def imported_chunks(body: Any) -> int:
    """How many w:altChunk the body holds: content Word imports from another part when it opens the file."""
    return sum(1 for _ in body.iter(W + "altChunk"))
