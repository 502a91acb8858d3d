"""Plain text and Markdown drafts: paragraphs separated by blank lines (or one per line), numbers typed."""

from __future__ import annotations

import re

from mandatekit.read.model import MAX_PARAGRAPHS, Block, Origin, TooLarge
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


def _continues(current: list[str]) -> bool:
    """Whether the next line may continue the paragraph read so far: its last line did not end one."""
    previous = current[-1].rstrip() if current else ""
    return bool(previous) and not previous.endswith((";", ":", ".", ",")) and not previous.isupper()


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
    groups: list[tuple[int, list[str], int | None]] = []  # (first line, lines, heading level)
    current: list[str] = []
    start = 0

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
        # Without blank lines, a line is its own paragraph unless it continues a wrapped one: the line
        # before it did not end a sentence, and it does not open with a number.
        if blank or _opens_with_label(line) or (not has_blank_lines and not _continues(current)):
            flush()
            start = n
        if not blank:
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
