"""`memo --for delegations`: a Word memo to send outside the sender's office as it is (trial 13): no file
name, no tool's note on where the recommendations were written, no source written for another mission cited
or quoted (one neutral sources note instead); the team's memo keeps that provenance."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mandatekit.cli import main

DRAFT = """S/2023/xxx
Draft resolution

The Security Council,

1. Decides that the protection of civilians shall remain MONUSCO's top priority;

2. Decides to remain actively seized of the matter.
"""


def _text(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_a_memo_for_delegations_drops_the_file_name_and_another_missions_sources(tmp_path: Path) -> None:
    draft = tmp_path / "internal-name-r1.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    outs = {}
    for audience in ("team", "delegations"):
        out = tmp_path / f"{audience}.docx"
        result = CliRunner().invoke(main, ["memo", str(draft), "--profile", "monusco", "--for", audience,
                                           "--author", "Civilians First", "-o", str(out)])  # fmt: skip
        assert result.exit_code == 0, result.stderr
        outs[audience] = _text(out)
    team, sent = outs["team"], outs["delegations"]
    assert "MINUSCA" in team and "internal-name-r1" in team and "The drafting team" in team
    assert "MINUSCA" not in sent and "internal-name-r1" not in sent and "Recommended for" not in sent
    assert "Security Council delegations" in sent and "Civilians First" in sent
    assert "civil-society recommendations" in sent and "MONUSCO" in sent


def test_for_heads_a_memo_and_needs_one(tmp_path: Path) -> None:
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text(DRAFT, encoding="utf-8")
    new.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--for", "delegations"])
    assert result.exit_code == 2 and "--for" in result.stderr
    assert "delegations" in CliRunner().invoke(main, ["memo", "--help"]).stdout


def test_a_compare_memo_for_delegations_names_no_file(tmp_path: Path) -> None:
    old, new = tmp_path / "our-round-1.txt", tmp_path / "our-round-2.txt"
    old.write_text(DRAFT, encoding="utf-8")
    new.write_text(DRAFT.replace("top priority", "priority"), encoding="utf-8")
    out = tmp_path / "memo.md"
    args = ["compare", str(old), str(new), "--profile", "monusco", "-o", str(out)]
    result = CliRunner().invoke(main, [*args, "--for", "delegations"])
    assert result.exit_code in (0, 1), result.stderr
    memo = out.read_text(encoding="utf-8")
    assert "our-round" not in memo and "Compared with *the previous text*" in memo
    out.unlink()
    CliRunner().invoke(main, args)
    assert "our-round-1.txt" in out.read_text(encoding="utf-8")  # the team's memo names it
