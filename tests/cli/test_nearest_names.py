"""A mistyped rule id is answered with the nearest ones, wherever a rule is named: rules show, decide, --only."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mandatekit.cli import main
from mandatekit.errors import nearest

DRAFT = "The Security Council,\n\n1. Decides to extend the mandate of UNMISS until 30 April 2026;\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_nearest_names_up_to_three_or_none() -> None:
    assert nearest("poc-polcy", ["poc-policy", "poc-priority", "ddrr"]) == (
        "did you mean 'poc-policy' or 'poc-priority'?"
    )
    assert nearest("UNIFILL", ["unifil", "unmiss"]) == "did you mean 'unifil'?"
    assert nearest("zzzzz", ["poc-policy", "ddrr"]) == ""


def test_a_mistyped_rule_id_gets_the_nearest(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    code, _, err = run("rules", "show", "hrdd-support")
    assert code == 2 and "no rule with id 'hrdd-support' (did you mean 'hrddp-support'" in err
    code, _, err = run("decide", "poc-polcy", "--as", "met", "--why", "x", "--draft", str(draft))
    assert code == 2 and "did you mean 'poc-policy'" in err and "see `mandatekit rules list`" in err
    assert not list(tmp_path.glob("*.decisions.yaml"))
    code, _, err = run("check", str(draft), "--only", "sofa-report")
    assert code == 2 and "--only: no rule with id sofa-report (did you mean 'sofa-reporting'?)" in err
    code, _, err = run("rules", "show", "zzzzz")
    assert code == 2 and "did you mean" not in err and "no rule with id 'zzzzz' (see" in err
