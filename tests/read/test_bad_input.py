"""Bad input: one clear message naming the file, never a traceback (the CLI turns it into exit 2)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from mandatekit.errors import DraftError
from mandatekit.read import read


def problem(path: Path) -> str:
    with pytest.raises(DraftError) as info:
        read(path)
    assert str(path) in info.value.line()
    return info.value.problem


def test_missing_file(tmp_path: Path) -> None:
    assert problem(tmp_path / "nope.docx") == "no such file"


def test_word_97_doc_asks_to_save_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert "save it as .docx" in problem(path)


def test_a_docx_renamed_doc_is_told_by_its_content(tmp_path: Path, renewal_docx: Path) -> None:
    path = tmp_path / "renamed.doc"
    path.write_bytes(renewal_docx.read_bytes())
    said = problem(path)
    assert "rename it to .docx" in said and "97-2003" not in said


def test_password_protected_docx(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")
    )
    assert "password-protected" in problem(path)


def test_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 50)
    assert "damaged" in problem(path)


def test_docx_with_broken_xml(tmp_path: Path, renewal_docx: Path) -> None:
    path = tmp_path / "badxml.docx"
    with zipfile.ZipFile(renewal_docx) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, b"<w:document><oops" if item.filename == "word/document.xml" else data)
    assert "damaged" in problem(path)


def test_misnamed_pdf(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    assert problem(path) == "is named .docx but its content is a PDF: rename it to .pdf"


def test_unsupported_type(tmp_path: Path) -> None:
    path = tmp_path / "draft.xlsx"
    path.write_bytes(b"x")
    assert problem(path).startswith("unsupported file type '.xlsx'")


def test_empty_file_and_empty_document(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    assert "empty" in problem(tmp_path / "e.txt")
    (tmp_path / "blank.txt").write_text("\n\n   \n")
    assert problem(tmp_path / "blank.txt") == "contains no text"


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100, style="F")  # an image-like page: no text at all
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    assert "no text layer" in problem(path)


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MANDATEKIT_MAX_MB", "0.001")
    path = tmp_path / "big.txt"
    path.write_text("1. Decides to act;\n" * 200)
    assert "over the 0 MB limit" in problem(path) or "limit" in problem(path)


def test_binary_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    assert problem(path) == "is a binary file, not text"
