"""Hostile .docx drafts: bombs in any part, numbering values that would take hours or gigabytes to render,
odd structure, and zip damage called zip damage."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from tests.builders import renewal_draft
from tests.hostile.harness import invoke, refused
from tests.hostile.zips import part, patch_directory, rezip

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return renewal_draft().save(tmp_path / "good.docx")


def _numbered(good: Path, target: Path, levels: str, paragraphs: str) -> Path:
    """A draft whose list 1 has the given <w:lvl> definitions and whose body is the given paragraphs."""
    numbering = (
        f'<w:numbering {W}><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    ).encode()
    body = f"<w:document {W}><w:body><w:p><w:r><w:t>The Security Council,</w:t></w:r></w:p>{paragraphs}</w:body></w:document>"
    return rezip(good, target, {"word/numbering.xml": numbering, "word/document.xml": body.encode()})


def _para(text: str, ilvl: str = "0", num: str = "1") -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def _level(ilvl: str, start: str, fmt: str, text: str = "%1.") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


@pytest.mark.parametrize(
    ("start", "fmt"),
    [("1000000000000", "upperRoman"), ("20000000000", "lowerLetter"), ("9" * 5000, "decimal")],
)
def test_huge_numbering_start_is_clamped_and_read(tmp_path: Path, good: Path, start: str, fmt: str) -> None:
    draft = _numbered(good, tmp_path / "big.docx", _level("0", start, fmt), _para("Decides to act;") * 3)
    result = invoke("parse", draft, inputs=[draft])
    assert result.exit_code == 0, result.stderr
    assert "Decides to act" in result.stdout


def test_eleven_levels_and_non_integer_attributes(tmp_path: Path, good: Path) -> None:
    levels = "".join(_level(str(i), "1", "decimal", f"%{i + 1}.") for i in range(13))
    levels += (
        _level("x", "y", "lowerRoman") + _level("-5", "-3", "lowerLetter") + _level("7", "1e9", "upperRoman")
    )
    paragraphs = "".join(_para(f"Decides item {i};", ilvl=str(i)) for i in range(13))
    paragraphs += _para("Requests a report;", ilvl="abc") + _para("Notes it;", ilvl="99999999999999999999")
    paragraphs += _para("Urges all;", num="not-a-number") + _para("Calls upon all;", ilvl="-1")
    draft = _numbered(good, tmp_path / "levels.docx", levels, paragraphs)
    result = invoke("check", draft, inputs=[draft])
    assert result.exit_code in (0, 1), result.stderr


def test_a_huge_style_part_is_refused_from_the_directory(tmp_path: Path, good: Path) -> None:
    # 33 MB of styles.xml: it compresses to a few dozen KB. The limit is on every part, not only document.xml.
    styles = part(good, "word/styles.xml")
    padding = b"<!--" + b" " * (33 * 1024 * 1024) + b"-->"
    draft = rezip(
        good, tmp_path / "styles-bomb.docx", {"word/styles.xml": styles.replace(b"?>", b"?>" + padding, 1)}
    )
    assert draft.stat().st_size < 1024 * 1024
    line = refused("check", draft, names=draft, inputs=[draft])
    assert "word/styles.xml" in line and "limit" in line


@pytest.mark.parametrize("name", ["word/styles.xml", "word/document.xml", "customXml/item1.xml"])
def test_a_part_claiming_a_gigabyte_is_refused(tmp_path: Path, good: Path, name: str) -> None:
    draft = rezip(good, tmp_path / "claims.docx", {name: b"<x/>"} if name.startswith("custom") else {})
    patch_directory(draft, name, file_size=1024**3)
    line = refused("check", draft, names=draft, inputs=[draft])
    assert name in line and "1024 MB" in line


def test_a_directory_that_lies_about_a_size_is_caught_while_inflating(tmp_path: Path, good: Path) -> None:
    # styles.xml inflates to 20 MB but the directory says 2 KB: inflating stops at 2 KB and fails its CRC.
    styles = part(good, "word/styles.xml")
    bomb = styles.replace(b"?>", b"?><!--" + b" " * (20 * 1024 * 1024) + b"-->", 1)
    draft = rezip(good, tmp_path / "liar.docx", {"word/styles.xml": bomb})
    patch_directory(draft, "word/styles.xml", file_size=2048)
    line = refused("check", draft, names=draft, inputs=[draft])
    assert "zip container is broken" in line


def test_the_whole_package_has_a_budget(tmp_path: Path, good: Path) -> None:
    # Five parts of 30 MB each: every one under the part limit, together over the package limit.
    extra = {f"word/media/blob{i}.bin": bytes(30 * 1024 * 1024) for i in range(5)}
    draft = rezip(good, tmp_path / "many.docx", extra)
    line = refused("check", draft, names=draft, inputs=[draft])
    assert "limit for a draft" in line


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (f"<w:foo {W}><w:body/></w:foo>", "not a Word document body"),
        (f"<w:document {W}/>", "not a Word document body"),
        (
            f"<w:document {W}><w:body><w:p><w:r><w:t>x</w:r></w:p></w:body></w:document>",
            "XML could not be parsed",
        ),
    ],
)
def test_wrong_root_no_body_broken_xml(tmp_path: Path, good: Path, xml: str, expected: str) -> None:
    draft = rezip(good, tmp_path / "odd.docx", {"word/document.xml": xml.encode()})
    assert expected in refused("check", draft, names=draft, inputs=[draft])


def test_unsupported_zip_entry_version_and_method(tmp_path: Path, good: Path) -> None:
    draft = rezip(good, tmp_path / "v99.docx")
    patch_directory(draft, "word/document.xml", extract_version=99)
    assert "Word never writes" in refused(
        "check", draft, names=draft, inputs=[draft]
    )  # our words, not zipfile's
    draft = rezip(good, tmp_path / "m99.docx")
    patch_directory(draft, "word/document.xml", compress_type=99)
    assert "compression method 99" in refused("check", draft, names=draft, inputs=[draft])


def test_zip_damage_is_called_zip_damage(tmp_path: Path, good: Path) -> None:
    data = good.read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(data[: len(data) // 2])
    assert "zip container is broken" in refused("check", truncated, names=truncated, inputs=[truncated])
    # Bytes changed inside the compressed document.xml: a CRC or inflate error, not "XML could not be parsed".
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 40
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(
        data[:start] + bytes(b ^ 0x5A for b in data[start : start + 200]) + data[start + 200 :]
    )
    assert "zip container is broken" in refused("check", damaged, names=damaged, inputs=[damaged])


def test_xml_parts_together_have_a_budget(tmp_path: Path, good: Path) -> None:
    # Three custom XML parts of 12 MB each: each under the 16 MB part limit, together over 32 MB of XML.
    extra = {f"customXml/item{i}.xml": b"<x>" + b" " * (12 * 1024 * 1024) + b"</x>" for i in range(3)}
    draft = rezip(good, tmp_path / "xml.docx", extra)
    assert "XML parts would inflate" in refused("check", draft, names=draft, inputs=[draft])


def test_entities_are_never_expanded_nor_files_fetched(tmp_path: Path, good: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET WORDS")
    xml = (
        f'<!DOCTYPE w:document [<!ENTITY file SYSTEM "{secret.as_uri()}"><!ENTITY word "EXPANDED">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>The Security Council,</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Decides &file; to act &word;;</w:t></w:r></w:p></w:body></w:document>"
    )
    draft = rezip(good, tmp_path / "entities.docx", {"word/document.xml": xml.encode()})
    result = invoke("parse", draft, inputs=[draft])
    assert result.exit_code == 0, result.stderr
    assert "Decides" in result.stdout
    assert "SECRET" not in result.stdout and "EXPANDED" not in result.stdout


def test_a_draft_without_styles_or_lists_is_read(tmp_path: Path, good: Path) -> None:
    draft = rezip(good, tmp_path / "bare.docx", drop=("word/styles.xml", "word/numbering.xml"))
    rels = part(draft, "word/_rels/document.xml.rels")
    assert b"styles.xml" in rels  # the relationships still name the parts that are gone
    result = invoke("parse", draft, inputs=[draft])
    assert result.exit_code == 2 and "There is no item named 'word/" in result.stderr
    for name in ("styles", "numbering"):  # without the relationship, the part is simply not there
        rels = re.sub(rb'<Relationship [^>]*Target="' + name.encode() + rb'.xml"/>', b"", rels)
    draft = rezip(draft, tmp_path / "bare2.docx", {"word/_rels/document.xml.rels": rels})
    result = invoke("parse", draft, inputs=[draft])
    assert result.exit_code == 0, result.stderr
    assert "The Security Council" in result.stdout
