"""Word .docx drafts: the package's body read paragraph by paragraph into the blocks `structure` builds on.

Real drafts number their paragraphs with Word's automatic numbering, so the number is not in the text:
it is rebuilt (docx_numbering) from the numbering definitions and each paragraph's list and level,
directly or through its style (docx_styles). The text is read as it would stand with all tracked changes
accepted (docx_text), and as Word shows it (docx_visible). Comments, headers, footers and footnotes live
in other parts of the package (docx_package) and are never read; text in tables is.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from mandatekit.errors import DraftError
from mandatekit.read.docx_numbering import Numbering, numbering_label
from mandatekit.read.docx_package import (
    CT_DOCUMENT,
    CT_STYLES,
    RT_NUMBERING,
    RT_STYLES,
    Package,
    check_package,
)
from mandatekit.read.docx_styles import DEFAULT_STYLES, Styles, style_chain
from mandatekit.read.docx_text import (
    RawChange,
    body_paragraphs,
    clean_offset,
    count_revisions,
    mark_revision,
    merged,
    paragraph_changes,
)
from mandatekit.read.docx_visible import (
    RunLooks,
    coloured_page,
    hidden_runs,
    imported_chunks,
    in_shaded_table,
)
from mandatekit.read.docx_xml import W, w_val, word_int
from mandatekit.read.model import MAX_CHANGES_IN_A_PARAGRAPH, MAX_PARAGRAPHS, Block, Change, Origin
from mandatekit.textnorm import clean

# Elements of the document body: a 300-page report has some 300,000; walking each costs Python time.
MAX_BODY_ELEMENTS = 1_000_000


def read_docx(path: Path, warnings: list[str] | None = None) -> list[Block]:
    """The draft's paragraphs; what the reader could not read that Word would show goes to `warnings`."""
    check_package(path)
    from lxml.etree import LxmlError  # lxml: imported only when a .docx is read

    try:
        package = Package.open(path)
        document = package.main_document(path)
        root = document.xml(CT_DOCUMENT)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, zipfile.LargeZipFile) as exc:
        raise DraftError(path, f"is damaged: the zip container is broken ({exc})") from exc
    except LxmlError as exc:
        raise DraftError(path, f"is damaged: its XML could not be parsed ({_first_line(exc)})") from exc
    except (KeyError, ValueError) as exc:
        raise DraftError(path, f"is damaged: not a readable .docx ({_first_line(exc)})") from exc
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # a package laid out in a way no Word writes
        raise DraftError(
            path, f"is damaged: not a readable .docx ({type(exc).__name__}: {_first_line(exc)})"
        ) from exc
    body = root.find(W + "body") if root.tag == W + "document" else None
    if body is None:
        raise DraftError(
            path, "is damaged: word/document.xml is not a Word document body (w:document/w:body)"
        )
    # Only a list definitions part found through the document's relationship is read; without one there
    # is no numbering. Without a styles part, Word's (and python-docx's) default styles apply.
    try:
        numbering = Numbering.parse(package.related(document, RT_NUMBERING).xml())
    except (KeyError, AttributeError):
        numbering = Numbering()
    try:
        styles_part = package.related(document, RT_STYLES)
    except KeyError:
        styles = dict(DEFAULT_STYLES)
    else:
        try:
            styles = Styles(styles_part.xml(CT_STYLES))
        except AttributeError:
            styles = {}

    def style_says(style_id: str | None, attribute: str) -> bool | None:
        return next(
            (
                getattr(st, attribute)
                for _, st in style_chain(styles, style_id)
                if getattr(st, attribute) is not None
            ),
            None,
        )

    looks = RunLooks(
        style=style_says,
        default_vanish=getattr(styles, "default_vanish", None),
        default_white=getattr(styles, "default_white", None),
        coloured_page=coloured_page(root),
    )
    if warnings is not None and (chunks := imported_chunks(body)):
        warnings.append(
            f"holds {chunks} piece{'s' * (chunks != 1)} of content imported from other files (w:altChunk), "
            "which Word shows but mandatekit does not read: open the draft in Word and save it again to "
            "make them part of the text"
        )
    blocks: list[Block] = []
    carried = ""  # text of a paragraph whose mark was deleted joins the next paragraph
    carried_changes: list[RawChange] = []
    carried_marks = 0
    last_revision = None  # how the text before this paragraph ended: a change runs on over paragraph marks
    # Counted in C before any is walked in Python: 24 KB of zipped '<w:p/>' is millions of paragraphs.
    elements, paragraphs_at_most = (
        int(body.xpath(f"count({q})", namespaces={"w": W[1:-1]})) for q in (".//*", ".//w:p")
    )
    if elements > MAX_BODY_ELEMENTS:
        raise DraftError(
            path,
            f"has {elements} XML elements in its body, over the limit of {MAX_BODY_ELEMENTS} for a draft",
        )
    if paragraphs_at_most > MAX_PARAGRAPHS:
        raise DraftError(
            path, f"has {paragraphs_at_most} paragraphs, over the limit of {MAX_PARAGRAPHS} for a draft"
        )
    for index, p in enumerate(body_paragraphs(body)):
        ppr = p.find(W + "pPr")
        mark = ppr.find(W + "rPr") if ppr is not None else None
        mark_deleted = mark is not None and mark.find(W + "del") is not None
        own, own_changes, revisions = paragraph_changes(p, hidden_runs(ppr, looks, in_shaded_table(p)))
        # Counted as Word's reviewing pane lists them: a paragraph deleted whole (its runs and its mark) is
        # one change, and so is an insertion over several paragraphs by one author.
        marks, last_revision = count_revisions([*revisions, mark_revision(ppr)], last_revision)
        text = carried + own
        raw_changes = carried_changes + [
            (k, a + len(carried), b + len(carried), t, who) for k, a, b, t, who in merged(own_changes)
        ]
        marks += carried_marks
        if mark_deleted:
            carried, carried_changes, carried_marks = text, raw_changes, marks
            continue
        carried, carried_changes, carried_marks = "", [], 0
        if len(raw_changes) > MAX_CHANGES_IN_A_PARAGRAPH:  # each is mapped through the text: quadratic
            raise DraftError(
                path,
                f"has {len(raw_changes)} tracked changes in one paragraph, over the limit of "
                f"{MAX_CHANGES_IN_A_PARAGRAPH}: accept or reject them in Word and save again",
            )
        cleaned = clean(text)
        changes = []
        for kind, a, b, words, author in raw_changes:
            start = min(clean_offset(text, a), len(cleaned))
            end = start if kind == "delete" else min(clean_offset(text, b), len(cleaned))
            while end > start and cleaned[end - 1] == " ":
                end -= 1
            if kind == "delete" or end > start:
                changes.append(Change(kind=kind, start=start, end=end, text=clean(words), author=author))
        style_id = w_val(ppr, "pStyle")
        chain = style_chain(styles, style_id)
        # An emptied paragraph whose mark survives still shows its number in Word: count it.
        label = numbering_label(numbering, ppr, chain)
        outline = w_val(ppr, "outlineLvl")
        heading = word_int(outline, 9, high=9) if outline is not None and outline.isdigit() else None
        if heading is None:
            heading = next((st.outline for _, st in chain if st.outline is not None), None)
        heading = heading if heading is not None and heading < 9 else None
        blocks.append(
            Block(
                text=cleaned,
                changes=changes,
                revisions=marks,
                label=label[0] if label else None,
                label_format=label[1] if label else None,
                style=chain[0][1].name if chain else None,
                heading_level=heading + 1 if heading is not None else None,
                origin=Origin(index=index),
            )
        )
    if warnings is not None and looks.unseen_white:
        words = " ".join(looks.unseen_white)
        shown = words if len(words) <= 60 else words[:57].rstrip() + "…"
        warnings.append(
            f"holds text coloured white on a white page ({len(looks.unseen_white)} "
            f'run{"s" * (len(looks.unseen_white) != 1)}, beginning "{shown}"), which a reader does not see: '
            "it is not read as part of the draft; colour it or delete it in Word"
        )
    return blocks


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]
