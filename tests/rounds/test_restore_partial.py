"""Trial 13 (finding 3): a round that deletes words which only partly met a rule ('notes with concern the grave
risks violations of the SOFA can present', partial for the reporting ask) gets the language that meets the rule,
not those words back; and the memo never says a verb was weakened when no verb was."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mandatekit.cli import main

HEAD = "The Security Council,\n\nRecalling its previous resolutions,\n\n1. Decides to extend the mandate of MONUSCO until 20 December 2024;\n\n"
REPORT = (
    "2. Requests the Secretary-General to report every three months on the implementation of this resolution"
)
CONCERN = (
    ", and notes with concern the grave risks violations of the Status of Forces Agreement can present to the "
    "safety of peacekeepers"
)
TAIL = ";\n\n3. Decides to remain seized of the matter.\n"


def test_a_deleted_partial_is_not_restored_and_no_verb_is_said_weakened(tmp_path: Path) -> None:
    old, new = tmp_path / "r1.txt", tmp_path / "r2.txt"
    old.write_text(HEAD + REPORT + CONCERN + TAIL, encoding="utf-8")
    new.write_text(HEAD + REPORT + TAIL, encoding="utf-8")
    memo = tmp_path / "memo.md"
    result = CliRunner().invoke(
        main, ["compare", str(old), str(new), "--profile", "monusco", "-o", str(memo)]
    )
    assert result.exit_code in (0, 1), result.output
    text = memo.read_text(encoding="utf-8")
    ask = next(
        line for line in text.splitlines() if "**SOFA violations are documented and reported**" in line
    )
    assert (
        "restoring" not in ask
    )  # the note of concern met nothing: the rule's reporting request closes the gap
    assert "was weakened since the previous round" not in text


def test_a_deleted_clause_that_met_the_rule_is_restored_without_a_weakened_verb(tmp_path: Path) -> None:
    met = ", and to report on all violations of the Status of Forces Agreement in each of his regular reports"
    old, new = tmp_path / "r1.txt", tmp_path / "r2.txt"
    old.write_text(HEAD + REPORT + met + TAIL, encoding="utf-8")
    new.write_text(HEAD + REPORT + TAIL, encoding="utf-8")
    memo = tmp_path / "memo.md"
    result = CliRunner().invoke(
        main, ["compare", str(old), str(new), "--profile", "monusco", "-o", str(memo)]
    )
    assert result.exit_code in (0, 1), result.output
    text = memo.read_text(encoding="utf-8")
    assert "Amend OP 2 (restoring the previous round's words)" in text
    assert "was weakened since the previous round" not in text  # 'Requests' stands as it stood
