"""The memo as a drafter receives it: a head that names the draft once and leaves the sender's name to the
sender, a sensible file when no -o is given, citations escaped alike in Markdown; and input errors that say
what is wrong first."""

from __future__ import annotations

import html
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from mandatekit.cli import main
from tests.render.test_wording import unifil_draft

TITLE = "France: draft resolution"


def _run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return unifil_draft().save(tmp_path / "unifil.docx")


def _head(memo: str) -> str:
    """The memo head and 'The draft.', below the memo's title."""
    return memo.split("## Assessment")[0].split("\n", 1)[1]


def test_the_head_names_the_draft_once_and_leaves_from_to_the_sender(tmp_path: Path, draft: Path) -> None:
    out = tmp_path / "memo.md"
    code, _, err = _run("memo", draft, "-o", out)
    assert code == 0, err
    head = _head(out.read_text(encoding="utf-8"))
    assert head.count(TITLE) == 1 and f"| **Subject** | {TITLE}" in head
    status = next(line for line in head.splitlines() if line.startswith("**The draft.**"))
    assert "file unifil.docx" in status.lower()
    assert "| **From** | [Your name] |" in head and "mandatekit" not in head.split("**Subject**")[0]

    code, _, err = _run("memo", draft, "-o", out, "--author", "Delegation of X")
    assert code == 0, err
    assert "| **From** | Delegation of X |" in out.read_text(encoding="utf-8")


def test_a_word_memo_without_author_keeps_mandatekit_as_the_files_creator(
    tmp_path: Path, draft: Path
) -> None:
    out = tmp_path / "memo.docx"
    assert _run("memo", draft, "-o", out)[0] == 0
    memo = docx.Document(str(out))
    assert memo.core_properties.author == "mandatekit"
    head = [[c.text for c in row.cells] for row in memo.tables[0].rows]
    assert ["From", "[Your name]"] in head


def test_memo_without_o_writes_beside_the_users_work_and_says_where(tmp_path: Path, draft: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    before = draft.read_bytes()
    here = Path.cwd()
    os.chdir(work)
    try:
        code, _, err = _run("memo", draft)
        md_code, _, md_err = _run("memo", draft, "--format", "markdown")
    finally:
        os.chdir(here)
    assert code == 0, err
    assert err.startswith("wrote unifil-gap-analysis.docx:")
    assert zipfile.is_zipfile(work / "unifil-gap-analysis.docx")
    assert md_code == 0 and md_err.startswith("wrote unifil-gap-analysis.md:"), md_err
    assert draft.read_bytes() == before and sorted(p.name for p in draft.parent.iterdir()) == [
        "unifil.docx",
        "work",
    ]


def test_a_citation_is_escaped_alike_on_both_sides_in_markdown(tmp_path: Path, draft: Path) -> None:
    out = tmp_path / "memo.md"
    assert _run("memo", draft, "-o", out)[0] == 0
    memo = out.read_text(encoding="utf-8")
    cites = re.findall(r"(\\?)\[S\d+(\\?)\]", memo)
    assert cites and all(left == right for left, right in cites), cites
    assert "Recommended for MINUSCA's renewal by [S1]" in memo


def test_the_annex_says_its_sources_were_written_for_another_missions_renewal(
    tmp_path: Path, draft: Path
) -> None:
    for suffix in ("md", "html", "docx"):
        out = tmp_path / f"memo.{suffix}"
        assert _run("memo", draft, "-o", out)[0] == 0
        if suffix == "docx":
            text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        else:
            text = html.unescape(out.read_text(encoding="utf-8"))
        annex = text.split("Annex: sources and method")[1]
        assert "written for MINUSCA's renewal" in annex, suffix


@pytest.mark.parametrize("command", ["redline", "annotate"])
def test_a_missing_draft_is_said_to_be_missing_whatever_its_name(tmp_path: Path, command: str) -> None:
    for name in ("missing.txt", "missing.docx"):
        code, _, err = _run(command, tmp_path / name, "-o", tmp_path / "out.docx")
        assert code == 2 and err.strip() == f"mandatekit: error: {tmp_path / name}: no such file", err


def test_the_head_says_what_the_mission_is_not_how_its_profile_was_chosen(
    tmp_path: Path, draft: Path
) -> None:
    """Trial 11 #11: "Mission: Profile: ATMIS (Somalia). Chosen by --profile." in a memo to a delegation. The
    head names the mission; how its profile was chosen stays on the terminal."""
    out = tmp_path / "memo.md"
    code, _, err = _run("memo", draft, "-o", out, "--profile", "unifil")
    assert code == 0, err
    mission = next(
        line for line in _head(out.read_text(encoding="utf-8")).splitlines() if "**Mission**" in line
    )
    assert mission.startswith("| **Mission** | UNIFIL (Lebanon).")
    assert not re.search(r"Profile:|--profile|Chosen|Detected", mission), mission
    code, table, _ = _run("check", draft, "--profile", "unifil")
    assert "Chosen by --profile" in table  # the terminal still says how
    # A mission the UN does not run says who leads it.
    assert _run("memo", draft, "-o", out, "--profile", "atmis")[0] == 0
    assert "| **Mission** | ATMIS (Somalia), led by the African Union." in out.read_text(encoding="utf-8")
