"""The Word memo: reopened with python-docx and read back as a drafter would."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from mandatekit.api import setup
from mandatekit.cli import main
from mandatekit.read import read_string
from mandatekit.render.memo import memo_context, render_memo_docx
from tests.builders import renewal_draft

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "minusca-zero-draft.docx"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def memo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    draft = renewal_draft().save(tmp_path / "draft.docx")
    code, _, err = run("memo", str(draft), "-o", str(tmp_path / "memo.docx"), "--author", "Delegation of X")
    assert code == 0, err
    return tmp_path / "memo.docx"


def test_memo_headings_in_order(memo: Path) -> None:
    d = docx.Document(str(memo))
    level1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert level1 == [
        "Executive summary",
        "Scorecard",
        "Gaps and suggested language",
        "Recommendations the draft meets",
        "Annex: sources and rules applied",
    ]
    assert d.paragraphs[0].style.name == "Title" and d.paragraphs[0].text == "Gap analysis: S/2026/901"


def test_scorecard_one_row_per_rule_with_verdicts_as_judged(memo: Path, tmp_path: Path) -> None:
    report = setup().judge(__import__("mandatekit").read(tmp_path / "draft.docx"))
    table = docx.Document(str(memo)).tables[1]
    header, *rows = [[c.text for c in r.cells] for r in table.rows]
    assert header == ["Recommendation", "Severity", "Verdict", "Where found"]
    assert len(rows) == len(report.findings) == 22
    expected = {f.title: f.verdict.value.capitalize() for f in report.findings}
    assert {r[0]: r[2] for r in rows} == expected
    # the header row repeats on each page; verdict cells are shaded
    assert table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    fills = {
        c._tc.tcPr.find(docx.oxml.ns.qn("w:shd")).get(docx.oxml.ns.qn("w:fill"))
        for c in table.columns[2].cells[1:]
    }
    assert fills <= {"C6EFCE", "FFEB9C", "FFC7CE"} and len(fills) >= 2


def test_gap_sections_quote_the_draft(tmp_path: Path) -> None:
    assert run("memo", str(EXAMPLE), "-o", str(tmp_path / "m.docx"))[0] == 0
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "m.docx")).paragraphs]
    section = paragraphs[paragraphs.index("Support to national forces conditional on the HRDDP") :]
    section = section[: section.index("Suggested operative language") + 2]
    assert "Verdict: Partial · severity critical · Human rights due diligence" in section
    assert any(p.startswith("OP 7: “Encourages MINUSCA to ensure that its support") for p in section)
    assert any(p.startswith("Only under 'Encourages' (OP 7)") for p in section)
    assert section[-1].startswith(
        "Decides that any support provided by MINUSCA to the Central African Armed Forces"
    )
    assert any(p.startswith("“The conditions, for example, should stress that all support") for p in section)


def test_document_properties_and_footer_page_numbers(memo: Path) -> None:
    d = docx.Document(str(memo))
    props = d.core_properties
    assert props.title == "Gap analysis: S/2026/901" and props.author == "Delegation of X"
    footer = d.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert "Gap analysis of S/2026/901" in footer


def test_same_draft_same_body(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    draft = renewal_draft().save(tmp_path / "draft.docx")
    bodies = []
    for name in ("a.docx", "b.docx"):
        assert run("memo", str(draft), "-o", str(tmp_path / name))[0] == 0
        bodies.append(zipfile.ZipFile(tmp_path / name).read("word/document.xml"))
    assert bodies[0] == bodies[1]
    assert b"18 November 2026" in bodies[0]


def test_control_characters_from_the_draft_do_not_corrupt_the_memo() -> None:
    report = setup().judge(
        read_string("1. Requests the Mission to protect\x07 civilians\x0b from any party;")
    )
    data = render_memo_docx(memo_context(report))
    path_text = zipfile.ZipFile(__import__("io").BytesIO(data)).read("word/document.xml")
    assert b"\x07" not in path_text and b"\x0b" not in path_text


def test_never_written_over_the_draft(tmp_path: Path) -> None:
    draft = renewal_draft().save(tmp_path / "draft.docx")
    before = draft.read_bytes()
    code, _, err = run("memo", str(draft), "-o", str(draft))
    assert code == 2 and "is the input draft" in err
    assert draft.read_bytes() == before


def test_markdown_and_html(tmp_path: Path) -> None:
    draft = renewal_draft().save(tmp_path / "draft.docx")
    assert run("memo", str(draft), "-o", str(tmp_path / "m.md"))[0] == 0
    md = (tmp_path / "m.md").read_text()
    assert md.startswith("# Gap analysis: S/2026/901") and "| Recommendation | Severity | Verdict |" in md
    assert run("memo", str(draft), "-o", str(tmp_path / "m.html"))[0] == 0
    html = (tmp_path / "m.html").read_text()
    assert "<h2>Scorecard</h2>" in html and 'class="met"' in html


def test_html_escapes_draft_text(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("1. Requests the Mission to monitor human rights violations <script>alert(1)</script>;\n")
    assert run("memo", str(path), "-o", str(tmp_path / "m.html"))[0] == 0
    html = (tmp_path / "m.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_user_template_and_export(tmp_path: Path) -> None:
    code, _, _ = run("template", "export", "-o", str(tmp_path / "t"))
    assert code == 0 and (tmp_path / "t" / "memo.docx").exists()
    assert run("template", "export", "-o", str(tmp_path / "t"))[0] == 2  # no silent overwrite
    custom = tmp_path / "t" / "memo.md.j2"
    custom.write_text("Our memo: {{ summary.met }} met of {{ findings | length }}.\n")
    draft = renewal_draft().save(tmp_path / "draft.docx")
    assert run("memo", str(draft), "-o", str(tmp_path / "m.md"), "--template", str(custom))[0] == 0
    assert (tmp_path / "m.md").read_text().startswith("Our memo: ")


def test_user_template_is_sandboxed(tmp_path: Path) -> None:
    evil = tmp_path / "evil.md.j2"
    evil.write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    draft = renewal_draft().save(tmp_path / "draft.docx")
    code, _, err = run("memo", str(draft), "-o", str(tmp_path / "m.md"), "--template", str(evil))
    assert code == 2 and "template error" in err and not (tmp_path / "m.md").exists()


def test_broken_template_is_one_clear_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md.j2"
    broken.write_text("{% for x in %}\n")
    draft = renewal_draft().save(tmp_path / "draft.docx")
    code, _, err = run("memo", str(draft), "-o", str(tmp_path / "m.md"), "--template", str(broken))
    assert code == 2 and err.count("\n") == 1 and "broken.md.j2" in err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_memo_converts_to_pdf_with_libreoffice(memo: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(memo),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "memo.pdf"
    assert result.returncode == 0 and pdf.exists()
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Executive summary" in text and "Scorecard" in text and "Page 1 of" in text
