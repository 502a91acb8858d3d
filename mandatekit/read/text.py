"""Plain text and Markdown drafts: paragraphs separated by blank lines (or one per line), numbers typed."""

from __future__ import annotations

import re

from mandatekit.read.model import MAX_PARAGRAPHS, Block, Origin, TooLarge
from mandatekit.read.verbs import leading_verb, preambular_opener
from mandatekit.textnorm import clean

_LABEL_START = re.compile(r"^\s*(?:\d{1,6}\s*[.)]\s|\([a-z]{1,5}\)\s|[a-z]{1,5}[.)]\s)")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
_MD_EMPHASIS = re.compile(
    r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)"
)


# Markdown that a rendered page does not show: HTML comments (unclosed, one hides the rest) and elements
# marked hidden ('<div hidden>', 'style="display:none"', 'visibility:hidden'). Not the draft.
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_HIDDEN_ELEMENT = re.compile(
    r"<([A-Za-z][\w-]*)\b(?=[^>]*?(?:\shidden\b|display\s*:\s*none|visibility\s*:\s*hidden))[^>]*>"
    r".*?(?:</\1\s*>|\Z)",
    re.DOTALL | re.IGNORECASE,
)


def _unseen(match: re.Match[str]) -> str:
    """What replaces unseen Markdown: its line ends when it stands on lines of its own (so that the lines
    after keep their numbers), else nothing (the words around it join as on the page)."""
    text, whole = match.group(), match.string
    own_lines = match.start() == 0 or whole[match.start() - 1] == "\n"
    return "\n" * text.count("\n") if own_lines else ""


def without_unseen_markdown(text: str) -> str:
    if "<" not in text:
        return text
    return _HIDDEN_ELEMENT.sub(_unseen, _HTML_COMMENT.sub(_unseen, text))


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as Word's 'Save as text' writes it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined
        return data.decode("latin-1")


def _strip_markdown(line: str) -> str:
    line = _MD_BULLET.sub("", line)
    return _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", line)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines, mending words hyphenated across a line break ('protec-' + 'tion')."""
    if len(lines) == 1:  # most paragraphs: one line, nothing to join
        return lines[0].strip()
    # Pieces joined once at the end: adding to a growing string is quadratic in a paragraph of many lines.
    pieces: list[str] = []
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        last = pieces[-1] if pieces else ""
        if (
            len(last) >= 2
            and last[-1] == "-"
            and last[-2].isascii()
            and last[-2].isalpha()
            and line[:1].islower()
        ):
            pieces[-1] = last[:-1]
            pieces.append(line)
        else:
            if pieces:
                pieces.append(" ")
            pieces.append(line)
    return "".join(pieces)


def _opens_with_label(line: str) -> bool:
    first = line[:1]  # a typed number opens with a space, a digit, '(' or a lower-case letter
    return (first.isspace() or first.isdecimal() or first == "(" or "a" <= first <= "z") and bool(
        _LABEL_START.match(line)
    )


def _continues(current: list[str], line: str = "") -> bool:
    """Whether `line` may continue the paragraph read so far: its last line did not end one (or ended on a
    comma and `line` goes on in lower case, as a wrapped sentence does), and `line` does not open a
    paragraph of its own with a capitalised verb ('Decides', 'Recalling')."""
    previous = current[-1].rstrip() if current else ""
    if not previous or previous.isupper() or previous.startswith("#"):
        return False
    if previous.endswith((";", ":", ".")):
        return False
    first = line.lstrip()[:1]
    if previous.endswith(","):
        return first.islower()
    return not (first.isupper() and _opens_own_paragraph(line[:200]))


def _runs_on(current: list[str], line: str) -> bool:
    """Whether `line`, after a blank line, goes on with the sentence of the paragraph read so far (a page
    break or a stray empty line in the source): that paragraph ends without closing punctuation (nor on
    '; and', which closes a list's item), and `line` opens in lower case, unnumbered, with no verb of its
    own ('confirms it will keep ...' after a list is the OP going on, not the item)."""
    previous = current[-1].rstrip() if current else ""
    if not previous or previous.isupper() or previous.startswith(("#", "<")) or previous.endswith(">"):
        return False
    if previous.endswith((";", ":", ".", ",")) or _CLOSED_ITEM.search(previous):
        return False
    text = line.strip()
    return text[:1].islower() and not _opens_with_label(line) and not _opens_own_paragraph(text[:200])


_CLOSED_ITEM = re.compile(r"[;:,.]\s+(?:and|or)$")


def _opens_own_paragraph(line: str) -> bool:
    """A line that opens with a paragraph's verb: an OP's ('Decides') or a preambular paragraph's."""
    text = line.strip()
    return bool(leading_verb(text) or preambular_opener(text))


# Page furniture that a PDF-to-text export leaves in the body: the job number ('21-07038 (E)'), the page
# foot ('2/5 21-07038', '21-07038 3/5'), the barcode ('*2107038*') and the running head (the symbol alone).
_TEXT_FURNITURE = re.compile(
    r"^\s*(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{1,3}/\d{1,3})?|\d{1,3}/\d{1,3}\s+\d{2}-\d{5}|\*?\d{7}\*?"
    r"|[SA]/RES/\d{1,5}\s*\(\d{4}\)(?:\s*\*)?)\s*$"
)
_FOOTNOTE = re.compile(r"^\s*(?:[-*•†‡]|\*+)\s+\S")  # '- Reissued for technical reasons ...'
_OPENING_LINE = re.compile(r"^\s*the\s+(?:security\s+council|general\s+assembly)\s*[,:;]?\s*$", re.IGNORECASE)
_SPACING_MIN_BREAKS = 8


def _blank_lines_are_spacing(lines: list[str]) -> bool:
    """Text exported with a blank line after every line (double spacing, a PDF copied line by line): its
    blank lines are no paragraph breaks. Told by its runs of lines: all but a few are one line long, and
    many end mid-sentence (no closing punctuation) with the next going on in lower case, unnumbered."""
    runs: list[str] = []
    run_lengths: list[int] = []
    length = 0
    for line in lines:
        if line.strip():
            if length == 0:
                runs.append(line.strip())
                run_lengths.append(0)
            length += 1
            run_lengths[-1] = length
            runs[-1] = line.strip()  # the run's last line
        else:
            length = 0
    if len(runs) < _SPACING_MIN_BREAKS or sum(n > 1 for n in run_lengths) > len(runs) // 20:
        return False
    starts = [ln.strip() for i, ln in enumerate(lines) if ln.strip() and (i == 0 or not lines[i - 1].strip())]
    breaks = sum(
        1
        for end, nxt in zip(runs, starts[1:], strict=False)
        if not end.endswith((";", ":", ".", ",")) and nxt[:1].islower() and not _opens_with_label(nxt)
    )
    return breaks >= _SPACING_MIN_BREAKS and breaks * 5 >= len(runs)


def _at_page_foot(lines: list[str], n: int) -> bool:
    """Whether line n stands at a page's foot: the next line with text (within a few) is page furniture. A
    note there ('- Reissued for technical reasons ...') is a footnote, not the draft's text."""
    following = (line for line in lines[n + 1 : n + 4] if line.strip())
    return bool(_TEXT_FURNITURE.match(next(following, "")))


def _is_page_furniture(lines: list[str], n: int) -> bool:
    """Page furniture in the body of a single-spaced text (a PDF exported to text): the symbol as running head,
    the job number, the page foot, the barcode, or a footnote mark's note at a page's foot. Only after 'The
    Security Council,': above it the symbol and the job number are the draft's own fields."""
    line = lines[n]
    if _TEXT_FURNITURE.match(line):
        return True
    return bool(_FOOTNOTE.match(line)) and _at_page_foot(lines, n)


def _opening_line(lines: list[str]) -> int:
    """The line 'The Security Council,' stands on (past the last line if none does): the front matter above
    keeps its blank-line breaks (its lines are fields: symbol, date, title) and its page furniture (the
    symbol, the job number are the draft's own fields there)."""
    return next((n for n, line in enumerate(lines) if _OPENING_LINE.match(line)), len(lines))


# Line ends other than LF and CR: NEL, the line separator and a vertical tab end a line; the paragraph
# separator and a form feed (a page break, as Word's 'Save as text' writes one) end a paragraph.
_OTHER_LINE_ENDS = re.compile("[\x0b\x85\u2028]")
_PARAGRAPH_ENDS = re.compile("[\x0c\u2029]")


def read_text(text: str, markdown: bool = False) -> list[Block]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if markdown:
        text = without_unseen_markdown(text)
    if not text.isascii() or "\x0b" in text or "\x0c" in text:
        text = _PARAGRAPH_ENDS.sub("\n\n", _OTHER_LINE_ENDS.sub("\n", text))
    lines = text.split("\n")
    has_blank_lines = any(not ln.strip() for ln in lines[1:-1])
    # Double spacing: from the body on, lines are read as if single-spaced, page furniture and the footnotes
    # that cut a sentence at a page's foot left out (as the PDF reader leaves them out).
    opening = _opening_line(lines)
    body_start = opening + 1 if has_blank_lines and opening < len(lines) else 0
    spaced_from = body_start if has_blank_lines and _blank_lines_are_spacing(lines) else len(lines)
    groups: list[tuple[int, list[str], int | None]] = []  # (first line, lines, heading level)
    current: list[str] = []
    start = 0
    gap: int | None = None  # the blank line just read, if any

    def flush() -> None:
        if current:
            groups.append((start, list(current), None))
            current.clear()

    for n, line in enumerate(lines):
        heading = _MD_HEADING.match(line) if markdown else None
        if heading:
            flush()
            groups.append((n, [heading.group(2)], len(heading.group(1))))
            continue
        if markdown:
            line = _strip_markdown(line)
        blank = not line or line.isspace()  # as `not line.strip()`, without copying the line
        if n >= spaced_from:
            if blank or _TEXT_FURNITURE.match(line):
                continue
            if _FOOTNOTE.match(line) and _at_page_foot(lines, n):
                continue
            if _opens_with_label(line) or not _continues(current, line):
                flush()
                start = n
            current.append(line)
            continue
        if blank:
            gap = n
            continue
        if n > opening and _is_page_furniture(lines, n):
            continue  # a running head or page foot between the two halves of a paragraph: not the draft's text
        # A blank line ends a paragraph, unless the sentence runs on across it (see _runs_on); without blank
        # lines, a line is its own paragraph unless it continues a wrapped one: the line before it did not
        # end a sentence, and it does not open with a number.
        if (
            (gap is not None and not (n > body_start and _runs_on(current, line)))
            or _opens_with_label(line)
            or (not has_blank_lines and not _continues(current, line))
        ):
            flush()
            start = n if gap is None else gap
        gap = None
        current.append(line)
    flush()
    if len(groups) > MAX_PARAGRAPHS:
        raise TooLarge(f"has {len(groups)} paragraphs, over the limit of {MAX_PARAGRAPHS} for a draft")
    blocks = []
    for first_line, group, level in groups:
        joined = clean(join_lines(group))
        if joined:
            origin = Origin(index=len(blocks), line=first_line + 1)
            blocks.append(Block(text=joined, heading_level=level, origin=origin))
    return blocks
