"""Injection through the draft (class 5): Markdown link and image syntax from a draft never becomes a link or
an image in a Markdown output; escape sequences from file names and decisions files are never printed raw
(the harness asserts that of every command's stdout and stderr)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.hostile.harness import DRAFT, TERMINAL_ACTS, invoke, text_draft

INJECTED = (
    "![pixel](https://tracker.example/p.png) [click here](javascript:alert(1)) [ref]: https://evil.example"
)
# Markdown turns these into an image, a link or a link definition: each needs a ']' before '(', '[' or ':'.
LINK_SYNTAX = re.compile(r"(?<!\\)\][(\[:]")


def _injected_draft(tmp_path: Path, name: str = "draft.txt") -> Path:
    text = DRAFT.replace(
        "2. Requests the Mission to protect civilians",
        f"2. Requests the Mission {INJECTED} to protect civilians",
    )
    return text_draft(tmp_path, name, text)


def test_markdown_outputs_carry_no_link_or_image_from_the_draft(tmp_path: Path) -> None:
    draft = _injected_draft(tmp_path)
    memo = tmp_path / "memo.md"
    assert invoke("memo", draft, "-o", memo, inputs=[draft]).exit_code == 0
    report = invoke("check", draft, "--format", "markdown", inputs=[draft])
    old = text_draft(tmp_path, "old.txt")
    compared = invoke("compare", old, draft, "--format", "markdown", inputs=[old, draft])
    outputs = {"memo": memo.read_text(encoding="utf-8"), "check": report.stdout, "compare": compared.stdout}
    assert "evil.example" in outputs["memo"]  # the words are quoted ...
    for name, output in outputs.items():
        assert not LINK_SYNTAX.search(output), (name, LINK_SYNTAX.search(output))  # ... never linked


def test_a_backslash_in_the_draft_cannot_undo_the_escape(tmp_path: Path) -> None:
    text = DRAFT.replace("protect civilians", "protect civilians \\](javascript:alert(1)) and \\\\](x:y)")
    draft = text_draft(tmp_path, text=text)
    memo = tmp_path / "memo.md"
    assert invoke("memo", draft, "-o", memo, inputs=[draft]).exit_code == 0
    # A run of backslashes before ']' must be odd (the last one escapes it), or there is no ']' at all.
    for run in re.finditer(r"(\\*)\][(\[:]", memo.read_text(encoding="utf-8")):
        assert len(run.group(1)) % 2 == 1, run.group(0)


ESCAPES = ["\x1b]0;pwned\x07", "\x1b[2J\x1b[31m", "\x9b31m", "\u202egnp.txt"]


@pytest.mark.parametrize("escape", ESCAPES, ids=["osc-title", "clear-screen", "c1-csi", "bidi-override"])
@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "csv"])
def test_a_file_name_with_escape_sequences_is_printed_escaped(tmp_path: Path, escape: str, fmt: str) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    draft = text_draft(folder, f"draft{escape}.txt")
    for target in (draft, folder):  # one draft, and a folder of them
        result = invoke("check", target, "--format", fmt, inputs=[draft])
        assert result.exit_code == 0, result.stderr
        if fmt == "json":
            data = json.loads(result.stdout)
            paths = [r["document"]["path"] for r in (data if isinstance(data, list) else [data])]
            assert paths == [str(draft)]  # JSON's own escapes: the name is the name


@pytest.mark.parametrize("escape", ESCAPES, ids=["osc-title", "clear-screen", "c1-csi", "bidi-override"])
def test_a_file_name_with_escape_sequences_in_an_error_and_in_outputs(tmp_path: Path, escape: str) -> None:
    bad = tmp_path / f"bad{escape}.txt"
    bad.write_bytes(b"\x00" * 100)
    result = invoke("check", bad, inputs=[bad])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    draft = text_draft(tmp_path, f"good{escape}.txt")
    for fmt, suffix in (("markdown", "md"), ("html", "html")):
        out = tmp_path / f"memo.{suffix}"
        assert invoke("memo", draft, "-o", out, "--format", fmt, inputs=[draft]).exit_code == 0
        assert not TERMINAL_ACTS.search(out.read_text(encoding="utf-8"))
    old = text_draft(tmp_path, f"old{escape}.txt")
    assert invoke("compare", old, draft, inputs=[old, draft]).exit_code == 0
    assert invoke("parse", draft, inputs=[draft]).exit_code == 0


def test_a_decisions_file_with_escape_sequences_is_printed_escaped(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    decisions = tmp_path / "draft.decisions.yaml"
    decisions.write_text(
        'decisions:\n  - rule: poc-policy\n    decision: accepted\n    why: "Agreed \\e]0;pwned\\a \\e[2J"\n'
        '    by: "Penholder \\x9b31m \\u202e"\n    date: "2026-01-01"\n    draft: draft.txt\n',
        encoding="utf-8",
    )
    for fmt in ("table", "json", "markdown", "csv"):
        result = invoke("check", draft, "--format", fmt, inputs=[draft, decisions])
        assert result.exit_code == 0, result.stderr
    memo = tmp_path / "memo.md"
    assert invoke("memo", draft, "-o", memo, inputs=[draft, decisions]).exit_code == 0
    assert not TERMINAL_ACTS.search(memo.read_text(encoding="utf-8"))


def test_a_draft_with_c1_and_escape_characters_prints_none(tmp_path: Path) -> None:
    text = DRAFT.replace("protect civilians", "protect \x1b[31mcivilians\x9b2J \u202e")
    draft = text_draft(tmp_path, text=text)
    for fmt in ("table", "json", "markdown"):
        assert invoke("check", draft, "--format", fmt, inputs=[draft]).exit_code == 0
    assert invoke("parse", draft, inputs=[draft]).exit_code == 0
