"""The annotated draft: comments on the evidence words, the draft's own text untouched."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from click.testing import CliRunner

from mandatekit.cli import main
from mandatekit.read import read
from tests.builders import DraftBuilder, Run


def draft_with_gaps(tmp_path: Path) -> Path:
    b = DraftBuilder().front("The Security Council,")
    b.heading("Human rights due diligence")
    b.runs(
        Run("Encourages", "italic"),
        Run(" the Mission to ensure that its support to the national army is "),
        Run("consistent with", "ins"),
        Run(" the HRDDP;"),
    )
    b.op("Requests", "the Mission to protect civilians;", comment="Existing comment from a delegation")
    b.op("Decides", "to remain actively seized of the matter.")
    return b.save(tmp_path / "draft.docx")


def annotated(tmp_path: Path) -> tuple[Path, Path]:
    draft = draft_with_gaps(tmp_path)
    out = tmp_path / "reviewed.docx"
    result = CliRunner().invoke(main, ["annotate", str(draft), "-o", str(out), "--author", "NGO reviewer"])
    assert result.exit_code == 0, result.stderr
    return draft, out


def anchored(path: Path) -> dict[str, str]:
    """Comment id -> the text its range covers (ranges may nest, so each is found on its own)."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    out = {}
    for comment_id in re.findall(r'<w:commentRangeStart w:id="(\d+)"/>', xml):
        start = xml.index(f'<w:commentRangeStart w:id="{comment_id}"/>')
        inner = xml[start : xml.index(f'<w:commentRangeEnd w:id="{comment_id}"/>')]
        inner = re.sub(r"<w:delText>.*?</w:delText>", "", inner, flags=re.S)
        out[comment_id] = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", inner))
    return out


def test_text_numbering_and_tracked_changes_are_unchanged(tmp_path: Path) -> None:
    draft, out = annotated(tmp_path)
    before, after = read(draft), read(out)
    assert [(p.ref, p.text) for p in before.paragraphs] == [(p.ref, p.text) for p in after.paragraphs]
    assert b"<w:ins " in zipfile.ZipFile(out).read("word/document.xml")


def test_comment_on_the_very_evidence_words(tmp_path: Path) -> None:
    _, out = annotated(tmp_path)
    comments = {c.comment_id: c for c in docx.Document(str(out)).comments}
    ranges = anchored(out)
    hrddp = next(c for c in comments.values() if "Support to national forces conditional" in c.text)
    # the verdict first, then short paragraphs: why, the draft's words, where the fix goes
    assert (
        hrddp.paragraphs[0].text == "PARTIAL (critical): Support to national forces conditional on the HRDDP."
    )
    assert "Encourages" in hrddp.text and any(
        p.text.startswith("Proposed: Replace OP 1: ") for p in hrddp.paragraphs
    )
    assert hrddp.author == "NGO reviewer"
    # a finding held back by its verb hangs on the verb itself
    assert ranges[str(hrddp.comment_id)] == "Encourages"


def test_missing_findings_hang_on_a_heading_or_first_op_and_old_comments_stay(tmp_path: Path) -> None:
    _, out = annotated(tmp_path)
    comments = list(docx.Document(str(out)).comments)
    assert any(c.text == "Existing comment from a delegation" for c in comments)
    children = next(c for c in comments if "Grave violations against children" in c.text)
    assert children.text.startswith("MISSING (high)")
    assert anchored(out)[str(children.comment_id)]  # anchored on some real text


def test_annotate_refuses_other_formats_and_the_draft_itself(tmp_path: Path) -> None:
    draft = draft_with_gaps(tmp_path)
    result = CliRunner().invoke(main, ["annotate", str(draft), "-o", str(draft)])
    assert result.exit_code == 2 and "is the input draft" in result.stderr
    txt = tmp_path / "d.txt"
    txt.write_text("1. Decides;\n")
    result = CliRunner().invoke(main, ["annotate", str(txt), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2 and "works on Word .docx drafts" in result.stderr
