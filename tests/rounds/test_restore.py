"""A fix restores what the previous round had (issue 21, round 9): the round that cut "and provided in
strict compliance with the HRDDP" from UNMISS's OP 3(c)(viii) gets that clause back in its own words, in
that paragraph, not the rule's general wording after another one — in the memo of `compare -o` and in the
redline given `--previous`. Without the previous round, the rule's own suggestion stands as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mandatekit.api import setup
from mandatekit.cli import main
from mandatekit.compare import compare
from mandatekit.read import read
from mandatekit.render.placement import place
from tests.rounds.corpus import resolution
from tests.rounds.test_real_rounds import ROUNDS
from tests.rounds.test_redline_rounds import accept_all

SETUP = setup()
CUT = next(r for r in ROUNDS if r.name == "cut")
CLAUSE = "and provided in strict compliance with the HRDDP"


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("restore")
    old = resolution(CUT.draft).save(tmp / "rev1.docx")
    new = CUT.edit(resolution(CUT.draft)).save(tmp / "rev2.docx")
    return old, new


def test_the_deleted_clause_is_restored_in_its_own_words(rounds: tuple[Path, Path]) -> None:
    old_doc, new_doc = read(rounds[0]), read(rounds[1])
    new_report = SETUP.judge(new_doc)
    alone = place(new_report, new_doc, SETUP.judge)["hrddp-support"]
    assert CLAUSE not in alone.text  # the rule's words, without the previous round
    fix = place(new_report, new_doc, SETUP.judge, previous=(old_doc, SETUP.judge(old_doc)))["hrddp-support"]
    assert fix.where == "Amend OP 3(c)(viii) (restoring the previous round's words)"
    target = next(p for p in new_doc.paragraphs if p.ref == "OP 3(c)(viii)")
    assert CLAUSE in fix.text and fix.text.replace(" " + CLAUSE, "") == " ".join(target.text.split())


def test_compare_memo_and_redline_restore_it(
    rounds: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = rounds
    memo = tmp_path / "memo.md"
    made: list[object] = []  # `compare -o` compares the rounds once: its memo's fixes use that comparison

    def counted(*args: object, **kwargs: object) -> object:
        made.append(args)
        return compare(*args, **kwargs)

    monkeypatch.setattr("mandatekit.compare.compare", counted)
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(memo)])
    assert result.exit_code == 0, result.stderr
    assert len(made) == 1
    assert "Amend OP 3(c)(viii) (restoring the previous round's words)" in memo.read_text(encoding="utf-8")
    out = tmp_path / "redline.docx"
    result = CliRunner().invoke(main, ["redline", str(new), "--previous", str(old), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    accepted = tmp_path / "accepted.docx"
    accepted.write_bytes(accept_all(out.read_bytes()))
    paragraph = next(p for p in read(accepted).paragraphs if p.ref == "OP 3(c)(viii)")
    assert CLAUSE in paragraph.text


def test_a_previous_round_that_does_not_exist_is_one_line(rounds: tuple[Path, Path], tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "redline",
            str(rounds[1]),
            "--previous",
            str(tmp_path / "nope.docx"),
            "-o",
            str(tmp_path / "o.docx"),
        ],
    )
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_a_weakened_verb_governing_the_list_is_restored_not_replaced_by_new_text() -> None:
    """Trial 11, finding 6: "Recalls ..., and requests the Mission to prioritise:" became "encourages", and
    the rule resting on item (a) regressed: the fix puts "requests" back in OP 2, not a new paragraph."""
    from mandatekit.read import read_string
    from tests.rounds.test_round_text import PRIORITY_NEW, PRIORITY_OLD

    old_doc = read_string("The Security Council,\n\n" + "\n\n".join(PRIORITY_OLD))
    new_doc = read_string("The Security Council,\n\n" + "\n\n".join(PRIORITY_NEW))
    new_report = SETUP.judge(new_doc)
    alone = place(new_report, new_doc, SETUP.judge)["peace-process"]
    assert not alone.where.startswith("Replace the verb")  # without the previous round: the rule's own fix
    fix = place(new_report, new_doc, SETUP.judge, previous=(old_doc, SETUP.judge(old_doc)))["peace-process"]
    assert fix.where == "Replace the verb in OP 2 (restoring the previous round's words)"
    assert fix.text == PRIORITY_OLD[1].split(". ", 1)[1]
    assert [(p.op, p.text) for p in fix.pieces if p.op != "equal"] == [
        ("delete", "encourages"),
        ("insert", "requests"),
    ]
