"""PDF drafts (adopted resolutions circulate as PDF): the text layer, read glyph by glyph with pdfminer.six.

Why glyphs and not a library's text: the UN's PDFs are justified Word output. Words are set from pieces with
small gaps between them ('Unit' + 'ed'), so a text extractor that guesses spaces from gaps splits words. Here
a word ends only at a space glyph or at a gap wider than a fifth of the type size; a letter gap in justified
text stays under an eighth.

What is dropped, from each glyph's place and size: running heads and feet (the symbol, the title repeated
in small type, the job number with 'page x/y'), the job line and barcode of page 1, footnotes (the lines
under the rule '____' at a page's foot, in small type), and footnote reference numbers (small raised digits
stuck to a word: 'resolution 72/4;1').

Paragraphs are rebuilt from the layout: a wider gap between lines, a first-line indent after a line that
ended a sentence or stopped short, a new number '12.' / '(a)'. A page break is not a paragraph break. A
hyphen at a line end is kept, the lines joined without a space: UN typesetting does not split words, so every
such hyphen belongs to a compound ('Secretary-General', 'post-conflict').
"""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from mandatekit.errors import DraftError
from mandatekit.read.model import Block, Origin
from mandatekit.read.pdf_visible import ClipTracking, VisibleOnly
from mandatekit.textnorm import clean

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
_JOB_NUMBER = re.compile(r"\b\d{2}-\d{5}\b")  # UN document job number, e.g. 18-18418
_BARCODE = re.compile(r"^\*\d{5,}\*$")  # the job number in a barcode font: *1818418*
_RULE = re.compile(r"^_{5,}$")  # Word's footnote separator as UN documents print it
_LABEL_START = re.compile(r"^(?:\d{1,6}\.\s|\([a-z]{1,5}\)\s)")
_HEAD_MAX_CHARS = 60
_EDGE_LINES = 2  # lines at the top and bottom of a page that may be a running head or foot

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
_WORD_GAP = 0.2  # in ems: a wider gap between two glyphs is a space even without a space glyph
_SUPERSCRIPT = 0.8  # digits smaller than this share of the line's type size and raised are a note number


class _Overflow(Exception):
    """A hostile or absurd PDF went past one of the bounds above."""


@dataclass(slots=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    font: str


@dataclass(slots=True)
class _Line:
    page: int
    glyphs: list[_Glyph]
    text: str = ""
    x0: float = 0.0  # where the ink starts (leading space glyphs are how Word indents)
    x1: float = 0.0
    base: float = 0.0
    size: float = 0.0  # the type size most of the line is set in
    barcode: bool = False


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


def _page_glyphs(data: bytes, rebuild: bool = False) -> Iterator[list[_Glyph]]:
    """Each page's glyphs. `rebuild`: ignore the file's cross-reference table and find the objects by
    scanning the file (an edited or badly saved PDF points at the wrong offsets)."""
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
            _Glyph(c.get_text(), c.x0, c.x1, c.y0, c.y1, round(c.size, 1), c.fontname)
            for c in walk(device.get_result())
            if c.upright and c.get_text()
        ]
        yield glyphs


# ---------------------------------------------------------------------------------------------- lines


def _dominant_size(glyphs: list[_Glyph]) -> float:
    sizes = Counter(g.size for g in glyphs if not g.text.isspace())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _lines(page_no: int, glyphs: list[_Glyph]) -> list[_Line]:
    """Glyphs to lines, top to bottom: a glyph whose middle lies within a line's height belongs to it (a
    raised note number too)."""
    lines: list[_Line] = []
    box: tuple[float, float] = (0.0, 0.0)
    for g in sorted(glyphs, key=lambda g: -(g.y0 + g.y1)):
        middle = (g.y0 + g.y1) / 2
        if lines and box[0] <= middle <= box[1]:
            lines[-1].glyphs.append(g)
            box = (min(box[0], g.y0), max(box[1], g.y1))
        else:
            lines.append(_Line(page_no, [g]))
            box = (g.y0, g.y1)
    out = []
    for line in lines:
        _compose(line)
        if line.text:
            out.append(line)
    return out


def _compose(line: _Line, notes: set[str] | frozenset[str] = frozenset()) -> None:
    """The line's text from its glyphs, left to right, and where its ink starts. A footnote reference is a
    run of digits smaller than the glyph before it and raised above it ('resolution 72/4;1'); it is dropped
    when a note of that number stands at the foot of a page, unless it is a unit's power ('2,050 m3'). A
    masthead's small capitals ('A/RES/73/8' after a large 'A') are not raised."""
    glyphs = sorted(line.glyphs, key=lambda g: g.x0)
    size = _dominant_size(glyphs) or glyphs[0].size
    base = min((g.y0 for g in glyphs if g.size == size), default=glyphs[0].y0)
    text: list[str] = []
    ink: list[_Glyph] = []
    previous: _Glyph | None = None
    run: list[_Glyph] = []  # a raised run of small digits, held until it ends

    def put(g: _Glyph) -> None:
        nonlocal previous
        if previous is not None and text and text[-1] != " " and g.x0 - previous.x1 > _WORD_GAP * g.size:
            text.append(" ")
        text.append(g.text)
        ink.append(g)
        previous = g

    def end_run() -> None:
        exponent = re.search(r"(?:^|\s)[kcm]?m$", "".join(text[-3:]))  # '2,050 m3', 'km2': a unit's power
        if run and ("".join(g.text for g in run) not in notes or exponent):
            for g in run:
                put(g)
        run.clear()

    for g in glyphs:
        mark = run[0] if run else (ink[-1] if ink else None)
        if g.text.isdigit() and mark is not None:
            anchor = ink[-1] if ink else mark
            if run or (g.size < _SUPERSCRIPT * anchor.size and g.y0 > anchor.y0 + 0.2 * anchor.size):
                run.append(g)
                continue
        end_run()
        if g.text.isspace():
            if ink and g.x0 < ink[-1].x1 - 0.1 * g.size:
                continue  # a space inside a glyph's box: another column's trailing space, not a word break
            if text and text[-1] != " ":
                text.append(" ")
            previous = g
            continue
        put(g)
    end_run()
    line.text = "".join(text).strip()
    if ink:
        line.x0, line.x1 = ink[0].x0, max(g.x1 for g in ink)
    line.base, line.size = base, size
    line.barcode = any("barcode" in g.font.lower() for g in ink)


# ---------------------------------------------------------------------------------------------- page furniture


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def _is_furniture(line: _Line) -> bool:
    """Lines that are never body text wherever they stand: the barcode, the job line, a page number."""
    text = line.text
    if line.barcode or _BARCODE.match(text.replace(" ", "")):
        return True
    return bool(_PAGE_NUMBER.match(text) or (_JOB_NUMBER.search(text) and len(text) <= _HEAD_MAX_CHARS))


def _drop_furniture(pages: list[list[_Line]], body_size: float) -> list[list[_Line]]:
    """Running heads and feet, footnotes, the job line and barcode. Heads are found by what they are: set
    smaller than the body above its first line or below its last, or short lines that recur at the edges
    of several pages."""

    def edges(lines: list[_Line]) -> list[int]:
        return list(range(min(_EDGE_LINES, len(lines)))) + list(
            range(max(len(lines) - _EDGE_LINES, 0), len(lines))
        )

    seen = Counter(_edge_key(pages[p][i].text) for p in range(len(pages)) for i in set(edges(pages[p])))
    small = 0.9 * body_size
    out: list[list[_Line]] = []
    page_notes: list[set[str]] = []
    for p, lines in enumerate(pages):
        body = [i for i, line in enumerate(lines) if line.size >= small and not _is_furniture(line)]
        first, last = (body[0], body[-1]) if body else (len(lines), -1)
        rule = next((i for i, line in enumerate(lines) if _RULE.match(line.text) and i > first), None)
        edge = set(edges(lines))
        keep = []
        notes: set[str] = set()  # the numbers of the notes at this page's foot
        for i, line in enumerate(lines):
            if rule is not None and i >= rule:
                if m := re.match(r"\d{1,3}\b", line.text):
                    notes.add(m.group())
                continue  # the footnotes under the rule
            at_edge = i < first or i > last
            if at_edge and line.size < small and (p > 0 or i > last):
                if i > last and (m := re.match(r"\d{1,3}\b", line.text)):
                    notes.add(m.group())
                continue  # a running head or foot in small type (page 1's masthead is large: kept)
            if (i < first or i > last or i in edge) and _is_furniture(line):
                continue
            recurring = (
                len(pages) > 1
                and i in edge
                and seen[_edge_key(line.text)] > 1
                and len(line.text) <= _HEAD_MAX_CHARS
                and not (p == 0 and i < _EDGE_LINES)  # the first page's heading holds the symbol: keep it
            )
            if recurring:
                continue
            keep.append(line)
        out.append(keep)
        page_notes.append(notes)
    # A reference may stand pages away from its note: Word sets a note on the page before when it cannot fit
    # it ('Court,1' on page 2 of A/RES/73/7, its note at the foot of page 1), and a note is cited again
    # later by its number ('Goals2' on page 4 of A/RES/73/6, note 2 on page 2).
    notes = set().union(*page_notes)
    for keep in out if notes else ():
        for line in keep:
            _compose(line, notes)
    return out


# ---------------------------------------------------------------------------------------------- paragraphs


def _paragraphs(pages: list[list[_Line]], body_size: float) -> list[list[_Line]]:
    """Group lines into paragraphs. A page break is not a paragraph break: a paragraph runs on to the next
    page unless what starts the page starts a paragraph."""
    body = [line for lines in pages for line in lines if abs(line.size - body_size) < 0.5]
    if not body:
        body = [line for lines in pages for line in lines]
    margin = Counter(round(line.x0) for line in body).most_common(1)[0][0]  # where most lines start
    # Where lines end: justified text ends most lines at one place (tables elsewhere do not move it);
    # ragged text has no such place, and then the longest lines count.
    ends = Counter(2 * round(line.x1 / 2) for line in body).most_common(1)[0]
    right = (
        ends[0]
        if ends[1] >= 0.2 * len(body)
        else sorted(line.x1 for line in body)[int(0.9 * (len(body) - 1))]
    )
    pitches = [
        round(2 * (a.base - b.base)) / 2
        for lines in pages
        for a, b in pairwise(lines)
        if a.size == b.size == body_size and 0 < a.base - b.base < 3 * body_size
    ]
    # The line pitch inside a paragraph: the closest spacing that recurs (a gap between paragraphs is wider,
    # and may be the more common spacing in a draft of one-line paragraphs).
    recurring = [p for p, n in Counter(pitches).items() if n >= 2 and p >= 0.9 * body_size]
    pitch = min(recurring) if recurring else (min(pitches) if pitches else 1.2 * body_size)
    groups: list[list[_Line]] = []
    current: list[_Line] = []
    previous: _Line | None = None
    for lines in pages:
        for n, line in enumerate(lines):
            text = line.text
            if previous is not None:
                before = previous.text
                numbered = bool(_LABEL_START.match(current[0].text)) if current else False
                # A numbered paragraph (an OP or sub-paragraph) ends with ';', ':' or '.', never with a comma;
                # an unnumbered one (a PP) may end with a comma.
                ended = before.endswith((";", ":", ".") if numbered else (";", ":", ".", ","))
                short = previous.x1 < right - 0.1 * (right - margin)
                indented = line.x0 > margin + 0.5 * line.size
                gap = n > 0 and previous.base - line.base > 1.3 * pitch
                starts_new = (
                    gap
                    or bool(_LABEL_START.match(text))
                    or (ended and short and text[:1].isupper())
                    # a first-line indent (UN documents mark paragraphs so) after a line that closed a
                    # sentence or stopped short: a wrapped line runs to the margin
                    or (
                        indented
                        and line.x0 > previous.x0 + 0.5 * line.size
                        and (ended or (short and not numbered))
                        and not text[:1].islower()
                    )
                )
                if starts_new and current:
                    groups.append(current)
                    current = []
            current.append(line)
            previous = line
    if current:
        groups.append(current)
    return groups


def _join(lines: list[_Line]) -> str:
    """Join a paragraph's lines; a hyphen at a line end stays, without a space after it."""
    parts: list[str] = []
    for line in lines:
        before = parts[-1] if parts else ""
        # ... but 'low-' + 'and middle-income' is a suspended compound: the space after it stays
        hyphen = len(before) > 1 and before.endswith("-") and before[-2].isalnum()
        hyphen = hyphen and not re.match(r"(?:and|or|nor|to)\s", line.text)
        parts.append(line.text if hyphen or not parts else " " + line.text)
    return "".join(parts)


# ---------------------------------------------------------------------------------------------- entry point


def _read_pages(path: Path, data: bytes) -> list[list[_Line]]:
    """The pages' lines. A file that fails or shows no text is read once more with its cross-reference
    table rebuilt, as PDF viewers do."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psparser import PSException

    _guard_pdfminer()
    token = _inflated.set([MAX_INFLATED_BYTES])
    first: list[list[_Line]] = []
    problem: Exception | None = None
    try:
        for rebuild in (False, True):
            try:
                pages = [_lines(n, glyphs) for n, glyphs in enumerate(_page_glyphs(data, rebuild), start=1)]
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


def read_pdf(path: Path, data: bytes) -> list[Block]:
    pages = _read_pages(path, data)
    if sum(len(line.text) for lines in pages for line in lines) < 20:
        raise DraftError(path, "has no text layer (a scanned image?): run it through OCR first, then retry")
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0]
    blocks = []
    for group in _paragraphs(_drop_furniture(pages, body_size), body_size):
        text = clean(_join(group))
        if text:
            blocks.append(Block(text=text, origin=Origin(index=len(blocks), page=group[0].page)))
    return blocks
