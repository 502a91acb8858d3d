"""Trial 15: what a drafter must still act on in a met finding, and which bullet the evidence stands in, shown
where a drafter looks. F2: support given without the HRDDP condition, another paragraph covering "any
support" (met), was said only in the JSON and on the web card: the terminal, Markdown and the memo show it,
with its fix, and other met findings stay as they were. F11: the evidence's bullet ('OP 9, second bullet')
in the memo and in compare, not only in the terminal."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from mandatekit.cli import main
from tests.rounds.test_trial15_fixes import R2

HEAD = "The Security Council,\n\nRecalling its previous resolutions,\n\n"
BULLETS = (
    "1. Calls upon the Government of South Sudan to:\n\n"
    "• Make progress on creating a conducive political environment;\n\n"
    "• End all obstructions to UNMISS, including restrictions on its freedom of movement;\n\n"
    "2. Decides to remain actively seized of the matter.\n"
)


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--profile", "unmiss"])
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "r2.txt"
    path.write_text(R2, encoding="utf-8")
    return path


def _block(text: str, title: str) -> str:
    """The part of a report under a finding's title, up to the next finding."""
    at = text.index(title, text.index("What to fix") if "What to fix" in text else 0)
    rest = text[at + len(title) :]
    ends = [
        i
        for i in (rest.find("\n  ✓ "), rest.find("\n  ~ "), rest.find("\n  ✗ "), rest.find("\n## "))
        if i >= 0
    ]
    return rest[: min(ends)] if ends else rest


def test_the_terminal_tells_the_support_without_the_condition_on_a_met_finding(draft: Path) -> None:
    out = _run("check", str(draft))
    block = _block(out, "Support to national forces conditional on the HRDDP")
    assert "OP 3 gives support without" in block
    assert "Amend OP 3" in block  # the fix: the condition added to OP 3
    # other met findings stay out of "What to fix"
    fixes = out[out.index("What to fix") :]
    assert fixes.count("✓ ") == 1


def test_markdown_tells_it_too(draft: Path) -> None:
    out = _run("check", str(draft), "--format", "markdown")
    block = _block(out, "## Support to national forces conditional on the HRDDP")
    assert "OP 3 gives support without" in block and "Amend OP 3" in block
    assert out.count("— met\n") == 1


def test_the_memo_tells_it_among_the_met_and_asks_for_the_condition(draft: Path, tmp_path: Path) -> None:
    _run("memo", str(draft), "-o", str(tmp_path / "memo.docx"))
    text = [p.text for p in docx.Document(str(tmp_path / "memo.docx")).paragraphs]
    met = [t for t in text if t.startswith("✓") and "conditional on the HRDDP" in t]
    assert met and "OP 3 gives support without" in met[0]
    assert any("in strict compliance with the HRDDP' to OP 3" in t for t in text)  # a priority ask
    others = [t for t in text if t.startswith("✓") and "conditional on the HRDDP" not in t]
    assert others and not any("support without" in t for t in others)


def test_the_memo_and_compare_name_the_bullet(tmp_path: Path) -> None:
    old, new = tmp_path / "r1.txt", tmp_path / "r2.txt"
    old.write_text(HEAD + BULLETS, encoding="utf-8")
    new.write_text(HEAD + BULLETS.replace("End all", "End, as appropriate, all"), encoding="utf-8")
    _run("memo", str(new), "-o", str(tmp_path / "memo.md"), "--format", "markdown")
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "OP 1, second bullet" in memo
    compared = _run("compare", str(old), str(new))
    assert "OP 1, second bullet" in compared
