"""What Word shows of a paragraph, and so what is the draft: text hidden with `w:vanish` (on the run, or
through its character style, its paragraph's style or the document defaults) is not shown, and of an
`mc:AlternateContent` Word renders the first choice it understands, else the fallback. Content Word pulls
in from elsewhere when it opens the file (`w:altChunk`) is shown by Word but not read here: said so."""

from __future__ import annotations

from collections.abc import Callable
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


def hidden_runs(
    ppr: Any, style_vanish: Callable[[str | None], bool | None], default: bool | None
) -> Callable[[Any], bool]:
    """Whether a run of this paragraph is hidden: its own w:vanish, else its character style's, else the
    paragraph style's, else the document default. `style_vanish(style_id)` follows a style's basedOn chain."""
    paragraph_style = ppr.find(W + "pStyle") if ppr is not None else None
    inherited = style_vanish(paragraph_style.get(W + "val") if paragraph_style is not None else None)
    if inherited is None:
        inherited = bool(default)

    def hidden(run: Any) -> bool:
        rpr = run.find(W + "rPr")
        own = vanish(rpr)
        if own is not None:
            return own
        run_style = rpr.find(W + "rStyle") if rpr is not None else None
        if run_style is not None:
            by_style = style_vanish(run_style.get(W + "val"))
            if by_style is not None:
                return by_style
        return inherited

    return hidden


def imported_chunks(body: Any) -> int:
    """How many w:altChunk the body holds: content Word imports from another part when it opens the file."""
    return sum(1 for _ in body.iter(W + "altChunk"))
