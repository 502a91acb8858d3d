"""Trial 13 (finding 2): a critical recommendation still met by one paragraph while another hedges its
condition ("and, as appropriate, in strict compliance with the HRDDP") is a priority ask of the memo: delete
the hedge. A hedge on the task, the condition whole, asks nothing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mandatekit.cli import main

DRAFT = (
    "The Security Council,\n\nRecalling its previous resolutions,\n\n"
    "1. Requests MONUSCO to ensure that any support provided to the national security forces is subject to "
    "oversight and{hedge} in strict compliance with the HRDDP;\n\n"
    "2. Requests MONUSCO to conduct joint operations with the national security forces in strict compliance "
    "with the HRDDP;\n"
)


def _asks(tmp_path: Path, hedge: str) -> str:
    draft, memo = tmp_path / "draft.txt", tmp_path / "memo.md"
    draft.write_text(DRAFT.format(hedge=hedge), encoding="utf-8")
    result = CliRunner().invoke(main, ["memo", str(draft), "--profile", "monusco", "-o", str(memo)])
    assert result.exit_code == 0, result.output
    return memo.read_text(encoding="utf-8").split("## Priority asks", 1)[1].split("## ", 1)[0]


def test_a_hedged_critical_condition_is_a_priority_ask(tmp_path: Path) -> None:
    asks = _asks(tmp_path, ", as appropriate,")
    assert "Delete 'as appropriate' in OP 1" in asks
    assert "(gap" not in asks.splitlines()[2]  # the ask is no gap: the rule is met by OP 2


def test_an_unhedged_condition_asks_nothing(tmp_path: Path) -> None:
    assert "Delete" not in _asks(tmp_path, "")


def test_the_hedge_in_a_sub_paragraph_is_asked_by_its_whole_ref(tmp_path: Path) -> None:
    # Review 12: the memo read the hedge's paragraph back from the sentence, "(OP 1(a))" as "OP 1(a".
    draft, memo = tmp_path / "draft.txt", tmp_path / "memo.md"
    sub = DRAFT.format(hedge=", as appropriate,").replace(
        "1. Requests MONUSCO to ensure", "1. Requests MONUSCO:\n\n(a) To ensure"
    )
    draft.write_text(sub, encoding="utf-8")
    result = CliRunner().invoke(main, ["memo", str(draft), "--profile", "monusco", "-o", str(memo)])
    assert result.exit_code == 0, result.output
    asks = memo.read_text(encoding="utf-8").split("## Priority asks", 1)[1].split("## ", 1)[0]
    assert "Delete 'as appropriate' in OP 1(a)" in asks and "OP 1(a " not in asks
