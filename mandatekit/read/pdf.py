"""PDF drafts (adopted resolutions circulate as PDF): the text layer, read glyph by glyph with pdfminer.six.

This module reads the text layer within bounds (a PDF is a container of compressed streams, some hostile) and
hands each page's glyphs on: pdf_lines makes them lines, pdf_furniture drops what is not the draft's text
(running heads and feet, footnotes, the job line and barcode), pdf_paragraphs rebuilds the paragraphs from
the layout. pdf_visible keeps only the glyphs a viewer shows. (`compose_line` and `is_furniture` are imported
here `as` themselves because tests import them from this module.)
"""

from __future__ import annotations

import io
import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from mandatekit.errors import DraftError
from mandatekit.read.model import Block, Origin
from mandatekit.read.pdf_furniture import drop_furniture
from mandatekit.read.pdf_furniture import is_furniture as is_furniture
from mandatekit.read.pdf_lines import Glyph, Line, page_lines
from mandatekit.read.pdf_lines import compose_line as compose_line
from mandatekit.read.pdf_paragraphs import group_paragraphs, joined_text
from mandatekit.read.pdf_visible import ClipTracking, VisibleOnly
from mandatekit.textnorm import clean

# Bounds: a PDF is a container of compressed streams, and pdfminer inflates each one whole. A few kilobytes
# can inflate to gigabytes, so every stream of one draft draws on one budget of inflated bytes, and glyphs
# are counted as they are drawn. Real documents are far below both (a 27-page UN report: 1.5 MB inflated,
# 65,000 glyphs).
MAX_INFLATED_BYTES = 128 * 1024 * 1024
MAX_GLYPHS = 5_000_000
MAX_PAGE_GLYPHS = 100_000
# Form XObjects drawn inside forms: a form that draws another ten times, ten deep, is 10^10 drawings from a
# couple of kilobytes (and one that draws itself never ends). A UN document draws a logo or two a page.
MAX_FORM_DEPTH = 12
MAX_FORMS = 5_000


class _Overflow(Exception):
    """A hostile or absurd PDF went past one of the bounds above."""


# ---------------------------------------------------------------------------------------------- extraction


_inflated: ContextVar[list[int]] = ContextVar("_inflated")


def _draw(n: int) -> None:
    budget = _inflated.get(None)
    if budget is None:
        return
    budget[0] -= n
    if budget[0] < 0:
        raise _Overflow("inflates to more than 128 MB")


class _BoundedZlib:
    """Stands in for the zlib module inside pdfminer. Inflates in slices and charges each to the draft's
    budget, so a bomb stops within a few megabytes of it; on a corrupt byte it keeps what inflated before
    (pdfminer's own recovery re-inflates byte by byte, in quadratic time)."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args: object) -> bytes:
        inflater = zlib.decompressobj()
        out = bytearray()
        step = 16 * 1024  # inflates to 17 MB at most
        try:
            for start in range(0, len(data), step):
                piece = inflater.decompress(data[start : start + step])
                _draw(len(piece))
                out += piece
                if inflater.eof:
                    break
        except zlib.error:
            pass
        return bytes(out)

    @staticmethod
    def decompressobj(*args: Any) -> Any:
        return zlib.decompressobj(*args)


def _bounded_lzw(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    out = []
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        _draw(len(chunk))
        out.append(chunk)
    return b"".join(out)


def _bounded_runlength(data: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(data):
        n = data[i]
        if n == 128:
            break
        if n < 128:
            piece = data[i + 1 : i + n + 2]
            i += n + 2
        else:
            piece = data[i + 1 : i + 2] * (257 - n)
            i += 2
        _draw(len(piece))
        out += piece
    return bytes(out)


def _guard_pdfminer() -> None:
    """pdfminer logs warnings on odd files (they would reach stderr before our one-line error) and inflates
    streams without a ceiling: silence the one, bound the other."""
    import pdfminer.pdftypes

    logger = logging.getLogger("pdfminer")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    logger.propagate = False
    logger.setLevel(logging.CRITICAL + 1)
    pdfminer.pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]
    pdfminer.pdftypes.lzwdecode = _bounded_lzw
    pdfminer.pdftypes.rldecode = _bounded_runlength


def _page_glyphs(
    data: bytes, rebuild: bool = False, unseen: list[int] | None = None
) -> Iterator[list[Glyph]]:
    """Each page's glyphs. `rebuild`: ignore the file's cross-reference table and find the objects by
    scanning the file (an edited or badly saved PDF points at the wrong offsets). `unseen[0]` counts the
    white glyphs on white left out (VisibleOnly)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTContainer
    from pdfminer.pdfdocument import PDFDocument, PDFNoValidXRef
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    class _Rebuilt(PDFDocument):
        def find_xref(self, parser: PDFParser) -> int:
            raise PDFNoValidXRef("rebuilding the cross-reference table")

    total = [0]

    class _Counting(VisibleOnly, PDFPageAggregator):
        """Counts glyphs as they are drawn: a page of millions stops early, not once it fills memory. Keeps
        only those drawn on the page, inside the clip (VisibleOnly)."""

        glyphs = 0

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.glyphs += 1
            if self.glyphs > MAX_PAGE_GLYPHS or total[0] + self.glyphs > MAX_GLYPHS:
                raise _Overflow("holds more text than any draft (millions of characters)")
            return super().render_char(*args, **kwargs)  # type: ignore[no-any-return]

    forms = [0, 0]  # form XObjects drawn in this draft, and how deep the current one is

    class _Bounded(ClipTracking, PDFPageInterpreter):
        """Counts the forms drawn and how deep they nest, stopping a draft past either limit; tracks the
        clip (ClipTracking)."""

        def do_Do(self, xobjid_arg: Any) -> None:
            forms[0] += 1
            if forms[0] > MAX_FORMS:
                raise _Overflow(f"draws more than {MAX_FORMS} forms (XObjects): more than any draft")
            forms[1] += 1
            try:
                if forms[1] > MAX_FORM_DEPTH:
                    raise _Overflow(f"draws forms (XObjects) nested more than {MAX_FORM_DEPTH} deep")
                super().do_Do(xobjid_arg)
            finally:
                forms[1] -= 1
                self.device.clip = self.clip  # the form's own clips end with it

    manager = PDFResourceManager(caching=True)
    device = _Counting(manager, laparams=None)
    interpreter = _Bounded(manager, device)

    def walk(item: object) -> Iterator[Any]:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            for child in item:
                yield from walk(child)

    document = (_Rebuilt if rebuild else PDFDocument)(PDFParser(io.BytesIO(data)))
    for page in PDFPage.create_pages(document):
        device.glyphs = 0
        interpreter.process_page(page)
        total[0] += device.glyphs
        glyphs = [
            Glyph(c.get_text(), c.x0, c.x1, c.y0, c.y1, round(c.size, 1), c.fontname)
            for c in walk(device.get_result())
            if c.upright and c.get_text()
        ]
        if unseen is not None:
            unseen[0] = device.unseen_white
        yield glyphs


# ---------------------------------------------------------------------------------------------- entry point


def _read_pages(path: Path, data: bytes, unseen: list[int] | None = None) -> list[list[Line]]:
    """The pages' lines. A file that fails or shows no text is read once more with its cross-reference
    table rebuilt, as PDF viewers do."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psparser import PSException

    _guard_pdfminer()
    token = _inflated.set([MAX_INFLATED_BYTES])
    first: list[list[Line]] = []
    problem: Exception | None = None
    try:
        for rebuild in (False, True):
            try:
                pages = [
                    page_lines(n, glyphs)
                    for n, glyphs in enumerate(_page_glyphs(data, rebuild, unseen), start=1)
                ]
            except (PDFPasswordIncorrect, PDFEncryptionError, _Overflow, MemoryError):
                raise
            except Exception as exc:  # pdfminer raises a variety of errors on broken files
                problem = problem or exc
                continue
            if any(line.text for lines in pages for line in lines):
                return pages
            first = first or pages
        if problem is None:
            return first
        raise problem
    except PDFPasswordIncorrect as exc:
        raise DraftError(path, "is password-protected: save an unprotected copy and retry") from exc
    except PDFEncryptionError as exc:
        raise DraftError(path, f"is encrypted in a way that cannot be read ({exc})") from exc
    except _Overflow as exc:
        raise DraftError(path, f"is too large to read as a draft: it {exc}") from exc
    except MemoryError as exc:
        raise DraftError(path, "is too large to read as a draft") from exc
    except RecursionError as exc:
        raise DraftError(path, "is damaged: objects nested without end") from exc
    except (PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise DraftError(path, f"is damaged: not a readable PDF ({type(exc).__name__})") from exc
    except Exception as exc:
        raise DraftError(path, f"is damaged: not a readable PDF ({type(exc).__name__})") from exc
    finally:
        _inflated.reset(token)


def read_pdf(path: Path, data: bytes, warnings: list[str] | None = None) -> list[Block]:
    """The draft's paragraphs; text a viewer would not show is left out, and said in `warnings`."""
    unseen = [0]
    pages = _read_pages(path, data, unseen)
    if warnings is not None and unseen[0]:
        warnings.append(
            f"holds {unseen[0]} character{'s' * (unseen[0] != 1)} of text coloured white with nothing painted "
            "beneath, which a reader does not see: it is not read as part of the draft"
        )
    if sum(len(line.text) for lines in pages for line in lines) < 20:
        raise DraftError(path, "has no text layer (a scanned image?): run it through OCR first, then retry")
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0]
    blocks = []
    for group in group_paragraphs(drop_furniture(pages, body_size), body_size):
        text = clean(joined_text(group))
        if text:
            blocks.append(Block(text=text, origin=Origin(index=len(blocks), page=group[0].page)))
    return blocks
