"""How outputs read to a drafter of another mission: the assessment's count of critical gaps, and a source
made for another mission named by its title in quotes (a title that itself names a mission)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from click.testing import CliRunner

from mandatekit.cli import main
from tests.builders import DraftBuilder

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "minusca-zero-draft.docx"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def unifil_draft() -> DraftBuilder:
    b = DraftBuilder().front("France: draft resolution", "The Security Council,")
    b.pp("Recalling", "all its previous resolutions on Lebanon,")
    b.op("Decides", "to extend the present mandate of UNIFIL until 31 August 2026;")
    b.op("Decides", "to remain actively seized of the matter.")
    return b


def test_the_assessment_says_none_when_no_critical_recommendation_is_met(tmp_path: Path) -> None:
    draft = unifil_draft().save(tmp_path / "unifil.docx")
    code, _, err = run("memo", str(draft), "-o", str(tmp_path / "memo.md"))
    assert code == 0, err
    memo = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "None of the five critical recommendations is met" in memo
    assert not re.search(r"Five of the five", memo, re.IGNORECASE)
    run("memo", str(EXAMPLE), "-o", str(tmp_path / "example.md"))
    example = (tmp_path / "example.md").read_text(encoding="utf-8")
    assert "Four of the five critical recommendations are not met" in example


def test_a_source_made_for_another_mission_is_named_by_its_title_in_quotes(tmp_path: Path) -> None:
    draft = unifil_draft().save(tmp_path / "unifil.docx")
    code, _, err = run("annotate", str(draft), "-o", str(tmp_path / "reviewed.docx"))
    assert code == 0, err
    comments = zipfile.ZipFile(tmp_path / "reviewed.docx").read("word/comments.xml").decode()
    cited = set(re.findall(r"Source: [^<]*", comments))
    assert cited and all(re.fullmatch(r"Source: recommended for MINUSCA's renewal by “[^”]+”; here in general terms", c)
                         for c in cited), cited  # fmt: skip
    _, out, _ = run("check", str(draft), "--format", "markdown")
    assert "renewal by *Protection of civilians, impartiality and support to the host state" in out


def test_the_markdown_head_keeps_title_profile_and_counts_apart(tmp_path: Path) -> None:
    draft = unifil_draft().save(tmp_path / "unifil.docx")
    _, out, _ = run("check", str(draft), "--format", "markdown")
    lines = out.splitlines()
    quoted = [i for i, line in enumerate(lines) if line.startswith("> Profile: UNIFIL (Lebanon).")]
    # A line right after a quote would be read into it (a lazy continuation), the counts with it.
    assert len(quoted) == 1 and lines[quoted[0] + 1] == ""
    title = lines.index("*France: draft resolution*")
    assert lines[title + 1] == "" and title < quoted[0]
    # What is said of the whole draft (language written for another mission) follows, each its own quote.
    notes = [i for i, line in enumerate(lines) if line.startswith("> ") and i > quoted[0]]
    counts = next(i for i, line in enumerate(lines) if line.startswith("**0 met · 0 partial · 22 missing**"))
    assert notes and all(lines[i + 1] == "" and i < counts for i in notes)
    assert counts == max(notes) + 2
