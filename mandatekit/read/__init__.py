"""Read a draft (.docx, .txt, .md, .pdf) into a `Document`. Nothing after this stage knows the format."""

from __future__ import annotations

import os
from pathlib import Path

from mandatekit.environment import max_draft_bytes
from mandatekit.errors import DraftError
from mandatekit.read.model import (
    MAX_TEXT_CHARS,
    MAX_TEXT_LINES,
    Block,
    Document,
    Kind,
    Paragraph,
    TooLarge,
    VerbClass,
)
from mandatekit.read.several import one_resolution
from mandatekit.read.structure import build
from mandatekit.read.text import decode, read_text

__all__ = ["Document", "Kind", "Paragraph", "VerbClass", "read", "read_string"]

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
SUFFIXES = {".docx": "docx", ".docm": "docx", ".pdf": "pdf", **TEXT_SUFFIXES}
_SAVE_AS = {
    ".doc": "is a Word 97-2003 .doc file: open it in Word and save it as .docx (File > Save As > Word Document)",
    ".rtf": "is a Rich Text file: open it in Word and save it as .docx",
    ".odt": "is an OpenDocument file: save it as Word (.docx)",
    ".pages": "is a Pages document: export it as Word (.docx)",
    ".wpd": "is a WordPerfect file: save it as .docx",
}


def max_bytes() -> int:
    """Largest draft read, in bytes: 50 MB unless MANDATEKIT_MAX_MB says otherwise."""
    return max_draft_bytes()


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return None


_NAMED = {"pdf": "a PDF", "zip": "a Word (.docx) or other zip file", "rtf": "a Rich Text file"}
_RENAME = {"pdf": ".pdf", "zip": ".docx", "rtf": ".rtf"}


def detect_format(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    sniffed = _sniff(data[:8])
    if sniffed == "ole":
        # An encrypted .docx is an OLE container holding an 'EncryptedPackage' stream.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise DraftError(
                path,
                "is password-protected: remove the password in Word (File > Info > "
                "Protect Document > Encrypt with Password) and save again",
            )
        raise DraftError(path, _SAVE_AS[".doc"])
    if suffix == ".doc" and sniffed == "zip":  # a .docx renamed: its name says Word 97-2003, its bytes do not
        raise DraftError(path, f"is named .doc but its content is {_NAMED['zip']}: rename it to .docx")
    if (suffix in _SAVE_AS and sniffed != "zip") or suffix in (".doc", ".rtf"):
        raise DraftError(path, _SAVE_AS[suffix])
    fmt = SUFFIXES.get(suffix)
    if fmt is None:
        known = ", ".join(sorted(SUFFIXES))
        raise DraftError(path, f"unsupported file type '{suffix or '(none)'}': mandatekit reads {known}")
    expected = {"docx": "zip", "pdf": "pdf"}.get(fmt)
    if sniffed != expected and (expected or sniffed):
        what = _NAMED.get(sniffed or "", "binary data" if looks_binary(data) else "plain text")
        fix = (
            f"rename it to {_RENAME[sniffed]}"
            if sniffed in _RENAME
            else "save it in the format its name says"
        )
        raise DraftError(path, f"is named {suffix} but its content is {what}: {fix}")
    return fmt


def looks_binary(data: bytes) -> bool:
    """Bytes no text editor would have saved: a NUL, or many control characters, near the start."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text, whose ASCII letters carry NULs
    if b"\x00" in head:
        return True
    # One pass deleting every other byte counts them all: 29 passes of bytes.count cost ~1 ms a draft.
    controls = len(head.translate(None, _NOT_CONTROL_BYTES))
    return controls > max(8, len(head) // 100)


_CONTROL_BYTES = [c for c in range(32) if c not in (9, 10, 12, 13)] + [127]
_NOT_CONTROL_BYTES = bytes(c for c in range(256) if c not in _CONTROL_BYTES)


def read(path: str | os.PathLike[str]) -> Document:
    """Read a draft file. Raises DraftError with a message meant for the user."""
    from mandatekit.errors import working_on
    from mandatekit.output import note_input

    path = Path(path)
    note_input(path)
    with working_on(path, "reading the draft"):
        return _read(path)


def _read(path: Path) -> Document:
    if not path.exists():
        raise DraftError(path, "no such file")
    if path.is_dir():
        raise DraftError(path, "is a folder, not a draft file")
    size = path.stat().st_size
    if size > max_bytes():
        raise DraftError(
            path,
            f"is {size / 1048576:.0f} MB, over the {max_bytes() // 1048576} MB limit for a "
            "draft (set MANDATEKIT_MAX_MB to raise it)",
        )
    if size == 0:
        raise DraftError(path, "is an empty file (0 bytes): there is no draft in it to check")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DraftError(path, f"cannot be read ({exc.strerror})") from exc
    fmt = detect_format(path, data)
    notes: list[str] = []  # what a format reader could not read that a reader of the file would see
    if fmt == "docx":
        from mandatekit.read.docx import read_docx

        blocks = read_docx(path, notes)
        _refuse_past_text_limit(path, sum(len(b.text) for b in blocks))
    elif fmt == "pdf":
        from mandatekit.read.pdf import read_pdf

        blocks = read_pdf(path, data, notes)
    else:
        if looks_binary(data):
            raise DraftError(path, "is a binary file, not text")
        try:
            text = decode(data)
        except UnicodeDecodeError as exc:
            raise DraftError(path, f"is not valid {exc.encoding.upper()} text ({exc.reason})") from exc
        _refuse_past_text_limit(path, len(text))
        lines = text.count("\n") + text.count("\r")  # before splitting: each line costs a string
        if lines > MAX_TEXT_LINES:
            raise DraftError(path, f"has {lines} lines, over the limit of {MAX_TEXT_LINES} for a text draft")
        try:
            blocks = read_text(text, markdown=fmt == "markdown")
        except TooLarge as exc:
            raise DraftError(path, str(exc)) from exc
    document = _build_one(blocks, fmt, str(path))
    document.warnings.extend(notes)
    if not any(p.text.strip() for p in document.paragraphs):
        raise DraftError(path, "contains no text")
    return document


def _refuse_past_text_limit(path: Path, chars: int) -> None:
    if chars > MAX_TEXT_CHARS:
        raise DraftError(
            path,
            f"holds more text than any draft: {chars} characters, over the limit of {MAX_TEXT_CHARS:,}",
        )


def read_string(text: str, markdown: bool = False, name: str | None = None) -> Document:
    """Read a draft given as a string (rule examples, the Python API)."""
    return _build_one(read_text(text, markdown=markdown), "markdown" if markdown else "text", name)


def _build_one(blocks: list[Block], fmt: str, name: str | None) -> Document:
    """The document of the one resolution the blocks hold (read/several.py), its first warning saying so
    where they held several."""
    blocks, several = one_resolution(blocks, name)
    document = build(blocks, fmt, name)
    if several:
        document.warnings.insert(0, several)
    return document
