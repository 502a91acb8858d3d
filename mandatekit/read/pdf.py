"""PDF drafts (adopted resolutions circulate as PDF): the text layer, read with pypdf.

Running headers and footers (the symbol, page numbers, job numbers) are recognised because they stand at
the top or bottom of several pages, or look like page numbers, and are dropped. Paragraphs are rebuilt from
the layout: a blank line, a new number '12.' / '(a)', or a short line that closes a sentence ends one; words
hyphenated across a line break are joined.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from mandatekit.errors import DraftError
from mandatekit.read.model import Block, Origin
from mandatekit.read.text import join_lines
from mandatekit.textnorm import clean

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
_JOB_NUMBER = re.compile(r"\b\d{2}-\d{5}\b")  # UN document job number, e.g. 21-16941
_LABEL_START = re.compile(r"^(?:\d{1,6}\.\s|\([a-z]{1,5}\)\s)")
_HEAD_MAX_CHARS = 60
_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be a running header or footer


def _page_lines(reader: object) -> list[list[str]]:
    pages = []
    for page in reader.pages:  # type: ignore[attr-defined]
        try:
            text = page.extract_text(extraction_mode="layout")
        except Exception:  # layout mode fails on some odd fonts; plain mode still gives the words
            text = page.extract_text() or ""
        pages.append([line.rstrip() for line in text.splitlines()])
    return pages


def _edge_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _drop_running_heads(pages: list[list[str]]) -> list[list[str]]:
    def edges(lines: list[str]) -> list[int]:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        return filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]

    def first_page_top(p: int, i: int) -> bool:  # the first page's heading holds the symbol: keep it
        return p == 0 and i in [j for j, line in enumerate(pages[0]) if line.strip()][:_EDGE_LINES]

    seen = Counter(_edge_key(pages[p][i]) for p in range(len(pages)) for i in set(edges(pages[p])))
    out = []
    for p, lines in enumerate(pages):
        drop = set()
        for i in edges(lines):
            line = lines[i]
            # Running heads are short and recur; a long line at a page edge is body text, even if it recurs.
            repeated = len(pages) > 1 and seen[_edge_key(line)] > 1 and len(line.strip()) <= _HEAD_MAX_CHARS
            repeated = repeated and not first_page_top(p, i)
            if repeated or _PAGE_NUMBER.match(line) or _JOB_NUMBER.search(line):
                drop.add(i)
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def _paragraphs(pages: list[list[str]]) -> list[tuple[int, list[str]]]:
    """Group lines into paragraphs; returns (page, lines) pairs. A page break is not a paragraph break:
    a paragraph runs on to the next page unless its last line closed it."""
    width = max((len(line.strip()) for lines in pages for line in lines), default=0)
    groups: list[tuple[int, list[str]]] = []
    current: list[str] = []
    current_page = 1
    previous = ""
    for page_no, lines in enumerate(pages, start=1):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        if not filled:
            continue
        margin = min(len(lines[i]) - len(lines[i].lstrip()) for i in filled)  # the body's left edge
        for n, line in enumerate(lines[filled[0] : filled[-1] + 1]):
            stripped = line.strip()
            indent = len(line) - len(line.lstrip())
            # A numbered paragraph (an OP or sub-paragraph) ends with ';', ':' or '.', never with a comma, and its
            # continuation lines hang indented; an unnumbered one (a PP) may end with a comma.
            numbered = bool(current) and bool(_LABEL_START.match(current[0]))
            ended = previous.endswith((";", ":", ".") if numbered else (";", ":", ".", ","))
            short = len(previous) < 0.8 * width
            starts_new = (
                (not stripped and n > 0)
                or _LABEL_START.match(stripped)
                or (ended and short and stripped[:1].isupper())
                or (previous.endswith(":") and stripped[:1].isupper())
                or (n == 0 and ended and not stripped[:1].islower())
                # a first-line indent (UN documents mark PPs so) after a line that closed a sentence or
                # stopped short: a wrapped line runs to the margin and rarely ends with punctuation
                or (
                    indent > margin + 2 and (ended or (short and not numbered)) and not stripped[:1].islower()
                )
            )
            if starts_new and current:
                groups.append((current_page, current))
                current = []
            if stripped:
                if not current:
                    current_page = page_no
                current.append(stripped)
                previous = stripped
    if current:
        groups.append((current_page, current))
    return groups


def _silence_pypdf() -> None:
    """pypdf logs what it repairs in a broken file ('Ignoring wrong pointing object ...'); the user gets our
    one line about the file, not pypdf's lines before it."""
    import logging

    logger = logging.getLogger("pypdf")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


def read_pdf(path: Path, data: bytes) -> list[Block]:
    from pypdf import PdfReader  # imported only when a PDF is read
    from pypdf.errors import PdfReadError

    _silence_pypdf()

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DraftError(path, "is password-protected: save an unprotected copy and retry")
        pages = _page_lines(reader)
    except DraftError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise DraftError(path, f"is damaged: not a readable PDF ({exc})") from exc
    except Exception as exc:  # pypdf raises a variety of errors on broken files
        if "cryptograph" in str(exc).lower():
            raise DraftError(
                path, "is encrypted with a method that needs the 'cryptography' package"
            ) from exc
        raise DraftError(path, f"is damaged: not a readable PDF ({type(exc).__name__})") from exc
    if sum(len(line.strip()) for lines in pages for line in lines) < 20:
        raise DraftError(path, "has no text layer (a scanned image?): run it through OCR first, then retry")
    blocks = []
    for page, lines in _paragraphs(_drop_running_heads(pages)):
        text = clean(join_lines(lines))
        if text:
            blocks.append(Block(text=text, origin=Origin(index=len(blocks), page=page)))
    return blocks
