"""Hostile text drafts, and a batch in which every kind of failure is reported and skipped."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import mandatekit.batch
from tests.builders import renewal_draft
from tests.hostile.harness import DRAFT, invoke, refused, text_draft

BOM = b"\xff\xfe"


@pytest.mark.parametrize(
    "data",
    [
        BOM + DRAFT.encode("utf-16-le") + b"x",  # an odd number of bytes
        BOM
        + "The Security Council,\n\n1. Decides ".encode("utf-16-le")
        + b"\x00\xd8"
        + "to act;".encode("utf-16-le"),
        b"\xfe\xff" + "1. Decides ".encode("utf-16-be") + b"\xdc\x00" + "x;\n".encode("utf-16-be"),
    ],
    ids=["odd-bytes", "lone-high-surrogate", "lone-low-surrogate-be"],
)
def test_broken_utf16_is_one_line(tmp_path: Path, data: bytes) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(data)
    assert "is not valid UTF-16" in refused("check", draft, names=draft, inputs=[draft])


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf"])
def test_random_binary_is_not_called_text(tmp_path: Path, suffix: str) -> None:
    rng = random.Random(10)
    draft = tmp_path / f"noise{suffix}"
    # no NUL byte: the old test only looked for one
    draft.write_bytes(bytes(rng.randrange(1, 256) for _ in range(5000)))
    line = refused("check", draft, names=draft, inputs=[draft])
    assert "binary" in line and "plain text" not in line


def test_more_than_999_operative_paragraphs(tmp_path: Path) -> None:
    ops = "\n\n".join(f"{i}. Decides to act on item {i};" for i in range(1, 1501))
    draft = text_draft(tmp_path, text=f"The Security Council,\n\n{ops}\n")
    result = invoke("parse", draft, inputs=[draft])
    assert result.exit_code == 0, result.stderr
    assert "OP 1500 " in result.stdout and "OP 1000 " in result.stdout


def test_a_5000_digit_number_and_3000_nested_brackets(tmp_path: Path) -> None:
    text = (
        f"The Security Council,\n\n{'7' * 5000}. Decides to act;\n\n2. Requests a report {'9' * 5000} times;\n\n"
        f"3. Decides {'[' * 3000}to protect civilians{']' * 3000};\n"
    )
    draft = text_draft(tmp_path, text=text)
    result = invoke("check", draft, inputs=[draft])
    assert result.exit_code in (0, 1), result.stderr


def test_one_bad_draft_never_kills_a_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    text_draft(folder, "a-good.txt")
    renewal_draft().save(folder / "b-good.docx")
    (folder / "c-utf16.txt").write_bytes(BOM + DRAFT.encode("utf-16-le") + b"x")
    rng = random.Random(1)
    (folder / "d-binary.md").write_bytes(bytes(rng.randrange(1, 256) for _ in range(3000)))
    (folder / "e-broken.docx").write_bytes(b"PK\x03\x04" + b"junk" * 100)
    text_draft(folder, "f-bug.txt")
    real = mandatekit.batch.check_one

    def buggy(setup: object, draft: Path, only: object) -> object:
        if draft.name == "f-bug.txt":  # a bug no message foresaw, in one draft only
            raise RecursionError("maximum recursion depth exceeded")
        return real(setup, draft, only)

    monkeypatch.setattr(mandatekit.batch, "check_one", buggy)
    result = invoke("check", folder, "--format", "csv", "--jobs", "1", inputs=[folder])
    assert result.exit_code == 2
    rows = result.stdout.splitlines()
    assert rows[0].startswith("draft,") and [r.split(",")[0].rsplit("/", 1)[-1] for r in rows[1:]] == [
        "a-good.txt",
        "b-good.docx",
    ]
    errors = result.stderr.splitlines()
    assert len(errors) == 5 and errors[-1] == "mandatekit: 4 of 6 drafts could not be read"
    for name in ("c-utf16.txt", "d-binary.md", "e-broken.docx", "f-bug.txt"):
        assert sum(name in line and line.endswith("(skipped)") for line in errors) == 1


def test_csv_cells_are_never_formulas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text_draft(tmp_path, "=1+2.txt")
    text_draft(tmp_path, "@SUM(A1).txt")
    # --jobs 1: what is tested is the cells; forking workers from pytest's process (threads earlier tests left
    # behind) once ran past the hang guard under load (tests/hostile/test_workers.py tests the workers).
    result = invoke("check", "=1+2.txt", "@SUM(A1).txt", "--format", "csv", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    cells = [row.split(",")[0] for row in result.stdout.splitlines()[1:]]
    assert cells == ["'=1+2.txt", "'@SUM(A1).txt"]


def test_markdown_outputs_escape_html_from_the_draft(tmp_path: Path) -> None:
    script = "<script>alert(1)</script>"
    text = f"United Nations S/2026/901\n\nDraft resolution {script}\n\n" + DRAFT.replace(
        "2. Requests the Mission to protect civilians",
        f"2. Requests the Mission to protect civilians {script}",
    )
    draft = text_draft(tmp_path, text=text)
    memo = tmp_path / "memo.md"
    assert invoke("memo", draft, "-o", memo, inputs=[draft]).exit_code == 0
    report = invoke("check", draft, "--format", "markdown", inputs=[draft])
    for output in (memo.read_text(encoding="utf-8"), report.stdout):
        assert "&lt;script&gt;" in output and "<script>" not in output


def test_compare_markdown_escapes_html_from_the_drafts(tmp_path: Path) -> None:
    before = DRAFT.replace("protect civilians irrespective of the source of the threat", "report")
    after = DRAFT.replace("irrespective of", "<img src=x onerror=alert(1)> irrespective of")
    old, new = text_draft(tmp_path, "old.txt", before), text_draft(tmp_path, "new.txt", after)
    result = invoke("compare", old, new, "--format", "markdown", inputs=[old, new])
    assert result.exit_code == 0, result.stderr
    assert "&lt;img" in result.stdout and "<img" not in result.stdout


def test_pypdf_repairs_are_not_printed(tmp_path: Path) -> None:
    import re

    from tests.builders import save_pdf

    data = save_pdf(renewal_draft().as_text(), tmp_path / "ok.pdf").read_bytes()
    # Object offsets in the xref table shifted: pypdf repairs it, logging a line for each object.
    shifted = re.sub(
        rb"\n(\d{10}) 00000 n", lambda m: b"\n%010d 00000 n" % (int(m.group(1)) + 3), data, count=3
    )
    assert shifted != data
    draft = tmp_path / "repaired.pdf"
    draft.write_bytes(shifted)
    # A process of its own: pytest routes logging to its own handlers, which would hide the lines.
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "mandatekit", "check", str(draft)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
