"""Time and memory inside the size limits (class 10): each input is small (kilobytes), each would have cost
minutes or gigabytes. Run as a user runs it, in a process of its own held to 2 GB of address space and 20 s:
the answer is a verdict or one line naming the file, exit 2."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from mandatekit.read.model import MAX_CHANGES_IN_A_PARAGRAPH
from tests.builders import renewal_draft
from tests.hostile.harness import DRAFT, text_draft
from tests.hostile.pdfs import form, one_page, text_ops
from tests.hostile.zips import rezip

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LIMIT_BYTES = 2 * 1024**3
LIMIT_SECONDS = 20
OPENING = "<w:p><w:r><w:t>The Security Council,</w:t></w:r></w:p>"


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def run_bounded(*args: object) -> subprocess.CompletedProcess[str]:
    """`mandatekit ARGS` in a process of its own, in 2 GB and 20 s (a timeout fails the test)."""
    env = {**os.environ, "MANDATEKIT_NO_CACHE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mandatekit", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=LIMIT_SECONDS,
        preexec_fn=_limited,
        env=env,
        check=False,
    )


def refused_bounded(path: Path, *args: object) -> str:
    before = path.read_bytes()
    result = run_bounded("check", path, *args)
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and str(path) in lines[0], result.stderr[-2000:]
    assert "unexpected" not in lines[0] and "Traceback" not in result.stderr
    assert path.read_bytes() == before
    return lines[0]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return renewal_draft().save(tmp_path / "good.docx")


@pytest.mark.parametrize("element", ["<w:p/>", "<w:r/>", "<w:ins/>", "<w:bookmarkStart/>"])
def test_a_part_dense_with_empty_elements(tmp_path: Path, good: Path, element: str) -> None:
    body = (
        f"<w:document {W}><w:body>{OPENING}<w:p>".encode()
        + element.encode() * 2_500_000
        + b"</w:p></w:body></w:document>"
    )
    if element == "<w:p/>":
        body = body.replace(b"<w:p><w:p/>", b"<w:p/>", 1).replace(b"</w:p></w:body>", b"</w:body>")
    draft = rezip(good, tmp_path / "dense.docx", {"word/document.xml": body})
    assert draft.stat().st_size < 200_000  # a few dozen kilobytes, inflating to 15 MB of elements
    refused_bounded(draft)


def test_a_long_based_on_chain_of_styles(tmp_path: Path, good: Path) -> None:
    n = 20_000
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/>'
        + (f'<w:basedOn w:val="s{i - 1}"/>' if i else "")
        + "</w:style>"
        for i in range(n)
    )
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="s{n - 1}"/></w:pPr><w:r><w:t>{k}. Decides to extend the mandate;</w:t></w:r></w:p>'
        for k in range(1, 5001)
    )
    draft = rezip(
        good,
        tmp_path / "chain.docx",
        {
            "word/styles.xml": f"<w:styles {W}>{styles}</w:styles>".encode(),
            "word/document.xml": f"<w:document {W}><w:body>{OPENING}{paragraphs}</w:body></w:document>".encode(),
        },
    )
    result = run_bounded("check", draft, "--format", "json")
    assert result.returncode == 0, result.stderr[-2000:]


def test_thousands_of_tracked_changes_in_one_paragraph(tmp_path: Path, good: Path) -> None:
    # Each insertion parted from the next by accepted text: 200,000 changes a reader sees, each to be mapped.
    runs = '<w:ins w:id="1" w:author="x"><w:r><w:t>a </w:t></w:r></w:ins><w:r><w:t>b </w:t></w:r>' * 200_000
    body = f"<w:document {W}><w:body>{OPENING}<w:p><w:r><w:t>1. Decides </w:t></w:r>{runs}</w:p></w:body></w:document>"
    draft = rezip(good, tmp_path / "changes.docx", {"word/document.xml": body.encode()})
    refused_bounded(draft)


def test_thousands_of_marks_of_one_insertion_read_as_one_change(tmp_path: Path, good: Path) -> None:
    # Insertions that follow one another are one change as Word's reviewing pane lists them: four times the
    # limit of changes in a paragraph, in marks, is read in the bounds, not refused.
    runs = '<w:ins w:id="1" w:author="x"><w:r><w:t>a </w:t></w:r></w:ins>' * (4 * MAX_CHANGES_IN_A_PARAGRAPH)
    body = f"<w:document {W}><w:body>{OPENING}<w:p><w:r><w:t>1. Decides </w:t></w:r>{runs}</w:p></w:body></w:document>"
    draft = rezip(good, tmp_path / "marks.docx", {"word/document.xml": body.encode()})
    result = run_bounded("check", draft)
    assert result.returncode == 0, result.stderr[-2000:]


def _nested_forms(depth: int, fan_out: int) -> bytes:
    forms = [
        form(b"q /X%d Do Q\n" % (i + 1) * fan_out, b"/X%d %d 0 R" % (i + 1, 7 + i))
        if i < depth - 1
        else form(text_ops(["x"]))
        for i in range(depth)
    ]
    page = text_ops(["The Security Council,", "1. Decides to extend the mandate;"]) + b"\nq /X0 Do Q"
    return one_page(page, forms)


@pytest.mark.parametrize(
    ("depth", "fan_out"), [(11, 10), (40, 1), (8, 30)], ids=["ten-each-ten-deep", "forty-deep", "thirty-each"]
)
def test_nested_pdf_forms(tmp_path: Path, depth: int, fan_out: int) -> None:
    path = tmp_path / "forms.pdf"
    path.write_bytes(_nested_forms(depth, fan_out))
    assert path.stat().st_size < 16_384
    refused_bounded(path)


def test_a_pdf_form_that_draws_itself(tmp_path: Path) -> None:
    path = tmp_path / "self.pdf"
    page = text_ops(["The Security Council,", "1. Decides to extend the mandate;"]) + b"\nq /X0 Do Q"
    path.write_bytes(one_page(page, [form(b"q /X0 Do Q q /X0 Do Q", b"/X0 6 0 R")]))
    result = run_bounded("check", path, "--format", "json")  # read (the loop cut) or refused, in time
    assert result.returncode == 0 or (result.returncode == 2 and len(result.stderr.splitlines()) == 1), (
        result.stderr
    )


def test_a_pdf_with_a_logo_form_is_read(tmp_path: Path) -> None:
    path = tmp_path / "logo.pdf"
    lines = [line for line in DRAFT.splitlines() if line]
    path.write_bytes(one_page(text_ops(lines) + b"\nq /X0 Do Q", [form(b"0 0 10 10 re f")]))
    result = run_bounded("check", path, "--format", "json")
    assert result.returncode == 0, result.stderr


def test_a_text_draft_of_millions_of_lines(tmp_path: Path) -> None:
    draft = text_draft(tmp_path, "lines.txt", "The Security Council,\n\n" + "a\n" * 20_000_000)
    refused_bounded(draft)


def test_a_text_draft_of_hundreds_of_thousands_of_paragraphs(tmp_path: Path) -> None:
    draft = text_draft(tmp_path, "paragraphs.txt", "The Security Council,\n\n" + "1. Decides;\n\n" * 300_000)
    refused_bounded(draft)


def test_a_text_past_five_million_characters(tmp_path: Path) -> None:
    draft = text_draft(
        tmp_path,
        "long.txt",
        "The Security Council,\n\n1. Decides to " + "protect civilians " * 300_000 + ";\n",
    )
    refused_bounded(draft)


@pytest.mark.parametrize("paragraphs", [1, 1000], ids=["one-paragraph", "a-thousand-paragraphs"])
def test_one_phrase_repeated_to_the_text_limit(tmp_path: Path, paragraphs: int) -> None:
    """Under five million characters, hundreds of thousands of hits: each clause searched for its negation
    once (not once per hit), the first 20,000 matches weighed."""
    each = 270_000 // paragraphs
    body = "".join(
        f"{i % 999 + 1}. Decides to " + "protect civilians " * each + ";\n\n" for i in range(paragraphs)
    )
    draft = text_draft(tmp_path, "repeated.txt", "The Security Council,\n\n" + body)
    result = run_bounded("check", draft, "--format", "json")
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_decisions_file_past_its_limit(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    decisions = tmp_path / "draft.decisions.yaml"
    entry = (
        "  - rule: poc-policy\n    decision: accepted\n    why: "
        + "x" * 1000
        + "\n    by: me\n    date: '2026-01-01'\n"
    )
    decisions.write_text(
        "decisions:\n" + entry * 3000, encoding="utf-8"
    )  # 3 MB: YAML would parse for minutes
    result = run_bounded("check", draft)
    assert result.returncode == 2 and str(decisions) in result.stderr and len(result.stderr.splitlines()) == 1
