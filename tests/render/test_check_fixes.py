"""`check` proposes the fix the memo proposes, and says where it goes (trial 12, F9): a bracketed paragraph
that would meet a rule once agreed is "Agree the bracketed text in OP 4" in the table, the Markdown and the
JSON too, not a new paragraph beside it; and every fix's place ('Insert after OP 2 as OP 2 bis', 'Replace OP
3') is the memo's, in the JSON's documented `fix` field (docs/json.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mandatekit.api import memo_context, setup
from mandatekit.cli import main
from mandatekit.read import read

DRAFT = """The Security Council,

Recalling its previous resolutions,

1. Decides to extend the mandate of MINUSCA until 15 November 2027;

2. Requests MINUSCA to monitor and report on violations of international humanitarian law and violations and abuses of human rights;

3. Encourages MINUSCA to ensure that its support to the national defence and security forces is consistent with the Human Rights Due Diligence Policy;

4. [Demands that the Government fully respect the Status of Forces Agreement and put an end to all restrictions on MINUSCA's freedom of movement;]

5. Decides to remain actively seized of the matter.
"""


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fixes") / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def _check(draft: Path, fmt: str) -> str:
    result = CliRunner().invoke(main, ["check", str(draft), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def findings(draft: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {f["rule"]: f for f in json.loads(_check(draft, "json"))["findings"]}


def test_the_json_fix_is_the_memos_for_every_gap(draft: Path, findings: dict[str, dict]) -> None:  # type: ignore[type-arg]
    s = setup()
    document = read(draft)
    memo = memo_context(s.judge(document), s, document)
    memo_fixes = {f["rule"]: (f["action"], f["placement"], f["proposed"]) for f in memo["findings"]}
    gaps = [rule for rule, f in findings.items() if f["verdict"] != "met"]
    assert gaps
    for rule in gaps:
        fix = findings[rule]["fix"]
        assert fix is not None, rule
        assert (fix["action"], fix["where"], fix["text"]) == memo_fixes[rule], rule
    assert all(f["fix"] is None for f in findings.values() if f["verdict"] == "met")


def test_brackets_to_agree_are_proposed_as_such_everywhere(draft: Path, findings: dict[str, dict]) -> None:  # type: ignore[type-arg]
    fix = findings["sofa-compliance"]["fix"]
    assert (fix["action"], fix["where"], fix["paragraph"], fix["text"]) == (
        "agree", "Agree the bracketed text in OP 4", "OP 4", "",
    )  # fmt: skip
    assert fix["note"].startswith("Agreeing it would make the draft meet")
    table, markdown = _check(draft, "table"), _check(draft, "markdown")
    for out in (table, markdown):
        assert "Agree the bracketed text in OP 4. Agreeing it" in " ".join(out.split())
        assert "condemns all violations of it" not in out  # the rule's own paragraph, proposed before


def test_the_table_and_markdown_say_where_each_fix_goes(draft: Path, findings: dict[str, dict]) -> None:  # type: ignore[type-arg]
    table, markdown = " ".join(_check(draft, "table").split()), " ".join(_check(draft, "markdown").split())
    for f in findings.values():
        if f["fix"] is not None and not f["fix"]["note"]:
            assert f"Proposed: {f['fix']['where']}:" in table
            assert f"**Proposed:** {f['fix']['where']}:" in markdown
    assert "Suggested language:" not in table


def test_matrix_and_csv_place_nothing(draft: Path) -> None:
    """They show no suggestion: placing (judging the draft again with each fix) would be time lost."""
    from mandatekit.batch import check_one

    report = check_one(setup(), draft, None)
    assert all(f.fix is None for f in report.findings)


def test_a_text_far_past_any_resolution_is_not_placed() -> None:
    """Placing judges the draft again once per fix: on 1,001 paragraphs `check` would take minutes."""
    from mandatekit.read import read_string
    from mandatekit.render.fixes import PLACE_MAX_PARAGRAPHS, with_fixes

    s = setup()
    body = "".join(f"{i}. Decides to extend the mandate;\n\n" for i in range(1, PLACE_MAX_PARAGRAPHS + 2))
    document = read_string("The Security Council,\n\n" + body)
    report = s.judge(document)

    def never(_: object) -> None:
        raise AssertionError("placed")

    assert with_fixes(report, document, never) is report  # type: ignore[arg-type]
