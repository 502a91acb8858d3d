"""A decision follows the draft to its next revision (matched by its symbol or title and the rule, not the
file name), and a settled finding leaves the asks and the counts, the memo saying so."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mandatekit.cli import main
from tests.builders import renewal_draft


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def revisions(tmp_path: Path) -> tuple[Path, Path]:
    rev1 = renewal_draft().save(tmp_path / "zero-draft.docx")
    later = renewal_draft()
    later.op("Requests", "the Secretary-General to report to the Council every four months;")
    return rev1, later.save(tmp_path / "rev2.docx")


def test_a_decision_follows_the_draft_to_its_next_revision(tmp_path: Path) -> None:
    rev1, rev2 = revisions(tmp_path)
    code, out, err = run("decide", "hr-monitoring", "--as", "not-applicable", "--why", "Covered by the HRC",
                         "--by", "Penholder", "--draft", str(rev1))  # fmt: skip
    assert code == 0, err
    code, out, _ = run("check", str(rev2), "--format", "json")
    finding = next(f for f in json.loads(out)["findings"] if f["rule"] == "hr-monitoring")
    assert finding["decision"]["decision"] == "not-applicable"
    assert finding["decision"]["source"].endswith("zero-draft.decisions.yaml")
    # a draft with another title and symbol in the same folder does not take it
    other = tmp_path / "other.docx"
    from tests.builders import DraftBuilder

    DraftBuilder().front("The Security Council,").op("Decides", "to remain seized;").save(other)
    code, out, _ = run("check", str(other), "--format", "json")
    assert next(f for f in json.loads(out)["findings"] if f["rule"] == "hr-monitoring")["decision"] is None


def test_a_settled_finding_leaves_the_asks_and_the_counts(tmp_path: Path) -> None:
    rev1, rev2 = revisions(tmp_path)
    run("memo", str(rev2), "-o", str(tmp_path / "before.md"))
    before = (tmp_path / "before.md").read_text()
    assert "Public human rights monitoring and reporting on all actors** (missing" in before
    run(
        "decide",
        "hr-monitoring",
        "--as",
        "not-applicable",
        "--why",
        "Covered by the HRC",
        "--draft",
        str(rev1),
    )
    code, _, err = run("memo", str(rev2), "-o", str(tmp_path / "after.md"))
    assert code == 0, err
    after = (tmp_path / "after.md").read_text()
    asks = after[after.index("## Priority asks") : after.index("## Scorecard")]
    assert "Public human rights monitoring" not in asks
    assert "settled by the drafting team's recorded decisions" in after
    assessment = after[after.index("## Assessment") :].splitlines()[2]
    was = before[before.index("## Assessment") :].splitlines()[2]
    # one more counted as met, one gap fewer
    assert (
        assessment.split(" of the ")[0] != was.split(" of the ")[0]
        and "“Public human rights monitoring and reporting on all actors”" in assessment
    )
