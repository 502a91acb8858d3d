"""A hostile or broken PDF: bounded memory, one line naming the file, nothing from pdfminer's logger."""

from __future__ import annotations

import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from mandatekit.errors import DraftError
from mandatekit.read import pdf as pdf_reader
from mandatekit.read import read
from tests.builders import renewal_draft, save_pdf


def one_page_pdf(stream: bytes, filters: str, media_box: bytes = b"/MediaBox [0 0 612 792]") -> bytes:
    """A minimal PDF by hand: one page whose content stream is `stream`, encoded with `filters`."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R " + media_box + b" /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters.encode()) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def problem(path: Path) -> str:
    with pytest.raises(DraftError) as info:
        read(path)
    assert str(path) in info.value.line()
    return info.value.problem


def test_a_flate_bomb_stops_at_the_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_INFLATED_BYTES", 4 * 1024 * 1024)
    inflater = zlib.compressobj(9)
    chunk = b"BT /F1 10 Tf 72 700 Td (bomb) Tj ET\n" * 30_000  # about 1 MB of drawing
    stream = b"".join(inflater.compress(chunk) for _ in range(8)) + inflater.flush()
    path = tmp_path / "bomb.pdf"
    path.write_bytes(one_page_pdf(stream, "/FlateDecode"))
    assert len(stream) < 100_000  # 8 MB inflated from a few kilobytes
    assert "inflates to more than" in problem(path)


def test_runlength_and_chained_filters_draw_on_the_same_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_INFLATED_BYTES", 1024 * 1024)
    runs = bytes([129, 0x20]) * 20_000  # each pair: 128 spaces, 2.5 MB in all
    path = tmp_path / "runs.pdf"
    path.write_bytes(one_page_pdf(zlib.compress(runs), "[/FlateDecode /RunLengthDecode]"))
    assert "inflates to more than" in problem(path)


def test_a_page_of_too_many_glyphs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_GLYPHS", 500)
    path = save_pdf(renewal_draft().as_text(), tmp_path / "dense.pdf")
    assert "more text than any draft" in problem(path)


def test_a_corrupt_stream_keeps_what_inflated_before_it(tmp_path: Path) -> None:
    text = b"BT /F1 10 Tf 72 700 Td (The Security Council,) Tj 0 -20 Td (1. Decides to act;) Tj ET\n"
    stream = zlib.compress(text)
    stream = stream[:-6] + b"\xff\xff\xff\xff\xff\xff"  # the checksum and the last bytes are garbage
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(one_page_pdf(stream, "/FlateDecode"))
    doc = read(path)
    assert doc.by_ref("OP 1") is not None


def test_broken_pdf_is_one_line_on_stderr(tmp_path: Path) -> None:
    """In a process of its own: pytest's logging capture would hide what pdfminer prints."""
    data = save_pdf(renewal_draft().as_text(), tmp_path / "ok.pdf").read_bytes()
    for name, broken in {
        "truncated.pdf": data[: len(data) // 2],
        "noise.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 40,
        "no-root.pdf": data.replace(b"/Root", b"/Rxxx"),
        # pdfminer warns that the page has no MediaBox, then the page has no text
        "no-media-box.pdf": one_page_pdf(zlib.compress(b"0 0 m 10 10 l S"), "/FlateDecode", media_box=b""),
    }.items():
        path = tmp_path / name
        path.write_bytes(broken)
        done = subprocess.run(
            [sys.executable, "-m", "mandatekit", "parse", str(path)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 2, (name, done.stdout[-300:])
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0], (name, done.stderr)
