"""Many drafts at once, and the drafter's decisions beside the tool's verdicts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml
from click.testing import CliRunner

from mandatekit.cli import main

DRAFT = ("The Security Council,\n\n1. Decides that the protection of civilians shall remain the Mission's top "
         "priority;\n\n2. Decides to remain actively seized of the matter.\n")  # fmt: skip


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def folder(tmp_path: Path, n: int = 3) -> Path:
    base = tmp_path / "mandates"
    (base / "2024").mkdir(parents=True)
    for i in range(n):
        (base / "2024" / f"draft{i}.txt").write_text(DRAFT)
    (base / "notes.xlsx").write_bytes(b"not a draft")
    return base


def test_folder_gives_one_row_per_draft_one_column_per_rule(tmp_path: Path) -> None:
    code, out, _ = run("check", str(folder(tmp_path)), "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 4 and len(rows[0]) == 7 + 22
    header = rows[0]
    assert header[:7] == ["draft", "symbol", "title", "mission", "met", "partial", "missing"]
    assert {row[3] for row in rows[1:]} == {"generic"}  # drafts naming no mission: general terms
    assert rows[1][header.index("poc-priority")] == "met" and rows[1][header.index("children")] == "missing"


def test_matrix_is_the_default_for_several_drafts(tmp_path: Path) -> None:
    code, out, _ = run("check", str(folder(tmp_path)))
    assert code == 0 and "One row per draft" in out and out.count("draft") >= 3


def test_glob_pattern(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check", "mandates/*/draft*.txt", "--format", "json")
    assert code == 0 and len(__import__("json").loads(out)) == 3


def test_one_unreadable_draft_is_skipped_and_the_exit_status_says_so(tmp_path: Path) -> None:
    base = folder(tmp_path)
    (base / "2024" / "broken.docx").write_bytes(b"PK\x03\x04broken")
    code, out, err = run("check", str(base), "--format", "csv")
    assert code == 2
    assert len(list(csv.reader(io.StringIO(out)))) == 4
    assert "broken.docx: is damaged" in err and "(skipped)" in err


def test_decision_shown_beside_the_verdict_and_recorded_with_evidence(tmp_path: Path) -> None:
    draft = tmp_path / "rev2.txt"
    draft.write_text(DRAFT)
    code, out, _ = run("decide", "poc-policy", "--as", "not-applicable", "--why", "Cited in the concept",
                       "--by", "Penholder", "--draft", str(draft))  # fmt: skip
    assert code == 0 and "rev2.decisions.yaml" in out
    saved = yaml.safe_load((tmp_path / "rev2.decisions.yaml").read_text())["decisions"][0]
    assert saved["verdict"] == "missing" and saved["draft"] == "rev2.txt" and saved["by"] == "Penholder"
    code, out, _ = run("check", str(draft), "--format", "json")
    finding = next(f for f in __import__("json").loads(out)["findings"] if f["rule"] == "poc-policy")
    assert finding["verdict"] == "missing"  # the tool's verdict is never hidden
    assert finding["decision"]["decision"] == "not-applicable" and finding["decision"]["stale"] is None


def test_decisions_change_fail_on_until_they_go_stale(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT)
    assert run("check", str(draft), "--only", "poc-policy", "--fail-on", "missing")[0] == 1
    run("decide", "poc-policy", "--as", "accepted", "--why", "Fine as it is", "--draft", str(draft))
    assert run("check", str(draft), "--only", "poc-policy", "--fail-on", "missing")[0] == 0
    # the draft changes: the rule now finds evidence, so the decision needs another look
    draft.write_text(
        DRAFT.replace(
            "2. Decides to remain",
            "2. Recalls the Policy on the Protection of Civilians;\n\n3. Decides to remain",
        )
    )
    code, out, _ = run(
        "check", str(draft), "--only", "poc-policy", "--format", "json", "--fail-on", "partial"
    )
    assert code == 1
    stale = __import__("json").loads(out)["findings"][0]["decision"]["stale"]
    assert "the tool now says partial" in stale


def test_decision_on_a_rule_that_no_longer_exists_is_flagged(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT)
    (tmp_path / "mandatekit-decisions.yaml").write_text(yaml.safe_dump({"decisions": [
        {"rule": "old-rule", "decision": "accepted", "why": "x", "by": "y", "date": "2025-01-01"}]}))  # fmt: skip
    code, _, err = run("check", str(draft))
    assert code == 0 and "'old-rule' names a rule that no longer exists" in err


def test_only_leaves_decisions_on_other_rules_aside_and_warns_once(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT)
    (tmp_path / "mandatekit-decisions.yaml").write_text(yaml.safe_dump({"decisions": [
        {"rule": "poc-policy", "decision": "accepted", "why": "x", "by": "y", "date": "2025-01-01"},
        {"rule": "old-rule", "decision": "accepted", "why": "x", "by": "y", "date": "2025-01-01"}]}))  # fmt: skip
    result = CliRunner().invoke(main, ["check", str(draft), "--only", "children"])
    assert result.exit_code == 0
    assert "'poc-policy'" not in result.output  # a rule that exists, only not judged in this run
    assert result.output.count("'old-rule' names a rule that no longer exists") == 1  # stdout and stderr
    _, out, _ = run("check", str(draft), "--only", "poc-policy", "--format", "json")
    assert __import__("json").loads(out)["findings"][0]["decision"]["decision"] == "accepted"


def test_bad_decisions_file_is_one_clear_line(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT)
    (tmp_path / "mandatekit-decisions.yaml").write_text("decisions:\n  - rule: x\n    decision: maybe\n")
    code, _, err = run("check", str(draft))
    assert code == 2 and "mandatekit-decisions.yaml: invalid decision" in err and err.count("\n") == 1


def test_memo_lists_decisions_as_an_audit_trail(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT)
    run("decide", "children", "--as", "accepted", "--why", "Covered by the CAAC resolution", "--by", "Team A",
        "--draft", str(draft))  # fmt: skip
    assert run("memo", str(draft), "-o", str(tmp_path / "m.md"))[0] == 0
    memo = (tmp_path / "m.md").read_text()
    assert "## Drafter decisions" in memo and "Covered by the CAAC resolution" in memo and "Team A" in memo
    assert run("memo", str(draft), "-o", str(tmp_path / "m.docx"))[0] == 0
    import docx

    texts = [p.text for p in docx.Document(str(tmp_path / "m.docx")).paragraphs]
    assert "Drafter decisions" in texts
    assert any("Covered by the CAAC resolution" in t for t in texts)


def test_decide_unknown_rule(tmp_path: Path) -> None:
    code, _, err = run("decide", "nonesuch", "--as", "accepted", "--why", "x")
    assert code == 2 and "no rule with id 'nonesuch'" in err


def test_the_matrix_turns_when_it_does_not_fit_the_terminal(tmp_path: Path) -> None:
    import re

    from mandatekit.api import setup
    from mandatekit.read import read
    from mandatekit.render.matrix import render_matrix

    checker = setup()
    reports = [checker.judge(read(p)) for p in sorted((folder(tmp_path) / "2024").iterdir())]
    wide = re.sub(r"\x1b\[[0-9;]*m", "", render_matrix(reports, width=200))
    assert "One row per draft" in wide and max(map(len, wide.splitlines())) <= 200
    narrow = re.sub(r"\x1b\[[0-9;]*m", "", render_matrix(reports, width=50))
    assert "One row per rule" in narrow.splitlines()[0]
    rows = narrow.splitlines()[1:]
    assert all(len(line) <= 50 for line in rows)
    assert any(line.startswith("poc-priority") and "✓" in line for line in rows)
