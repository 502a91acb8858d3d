"""`check FOLDER --jobs N`: the same output, byte for byte, whatever the number of worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mandatekit.cli import main
from tests.builders import renewal_draft

DRAFT = ("The Security Council,\n\n1. Decides that the protection of civilians shall remain the Mission's top "
         "priority;\n\n2. Requests the Mission to support the national defence forces in accordance with the "
         "HRDDP;\n\n3. Decides to remain actively seized of the matter.\n")  # fmt: skip


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def drafts(tmp_path: Path) -> Path:
    """Drafts that differ (so a mix-up of their order would show), one of them a Word file."""
    base = tmp_path / "drafts"
    base.mkdir()
    for i in range(7):
        text = DRAFT if i % 2 else DRAFT.replace("Requests the Mission", "Encourages the Mission")
        (base / f"d{i}.txt").write_text(text.replace("top priority", f"priority number {i}"))
    renewal_draft().save(base / "renewal.docx")
    return base


@pytest.mark.parametrize("fmt", ["csv", "json", "matrix", "markdown"])
def test_workers_give_the_same_output_as_one_process(tmp_path: Path, fmt: str) -> None:
    base = drafts(tmp_path)
    one = run("check", str(base), "--format", fmt, "--jobs", "1")
    two = run("check", str(base), "--format", fmt, "--jobs", "2")
    assert one[0] == 0 and one[1]
    assert two == one


def test_a_bad_draft_in_a_worker_is_reported_and_skipped_as_in_process(tmp_path: Path) -> None:
    base = drafts(tmp_path)
    (base / "d3.docx").write_bytes(b"PK\x03\x04broken")
    (base / "d5.pdf").write_text("not a pdf at all")
    one = run("check", str(base), "--format", "csv", "--jobs", "1")
    three = run("check", str(base), "--format", "csv", "--jobs", "3")
    assert one[0] == 2
    assert "d3.docx: is damaged" in one[2] and "d5.pdf" in one[2] and one[2].count("(skipped)") == 2
    assert "2 of 10 drafts could not be read" in one[2]
    assert three == one
    assert len(one[1].splitlines()) == 1 + 8


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    code, _, err = run("check", str(drafts(tmp_path)), "--jobs", "0")
    assert code == 2 and "--jobs" in err


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_forgetting_the_compiled_programs_between_drafts_changes_no_output(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """batch.py drops RE2's programs every FORGET_EVERY drafts (their DFA states held most of the memory of a
    corpus check): compiled again, they find the same, here after every draft."""
    from mandatekit import batch
    from mandatekit.rulebook import patterns

    base = drafts(tmp_path)
    kept = run("check", str(base), "--format", fmt, "--jobs", "1")
    forgotten: list[int] = []
    forget = patterns.forget_programs
    monkeypatch.setattr(batch, "FORGET_EVERY", 1)
    monkeypatch.setattr(patterns, "forget_programs", lambda: forgotten.append(1) or forget())
    assert run("check", str(base), "--format", fmt, "--jobs", "1") == kept
    assert len(forgotten) == 8  # once before each draft


def test_forgetting_the_programs_clears_every_cache_of_them() -> None:
    """RE2 keeps a program's DFA memory while the program is kept: the acronym check's programs go too."""
    from mandatekit.judge import acronyms
    from mandatekit.rulebook import patterns

    acronyms.means_otherwise(["International Criminal Court"], "criminal court")
    patterns.compile_regex("kept")
    assert acronyms._program.cache_info().currsize and patterns.compile_regex.cache_info().currsize
    patterns.forget_programs()
    assert acronyms._program.cache_info().currsize == patterns.compile_regex.cache_info().currsize == 0
