"""Two rounds of a draft: per-rule change and the word-level diff of the evidence paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mandatekit.api import setup
from mandatekit.cli import main
from mandatekit.compare import Comparison, compare
from mandatekit.read import read, read_string
from tests.builders import DraftBuilder, Run

SETUP = setup()
BASE = [
    "1. Decides to renew the mandate of the Mission until 15 November 2027;",
    "2. Requests the Mission to ensure that any support to the national defence forces is provided in strict "
    "compliance with the Human Rights Due Diligence Policy;",
    "3. Requests the Mission to protect civilians irrespective of the source of violence;",
    "4. Calls upon the authorities to respect the Status of Forces Agreement;",
    "5. Decides to remain actively seized of the matter.",
]


def diff(old_ops: list[str], new_ops: list[str]) -> Comparison:
    old = read_string("The Security Council,\n\n" + "\n\n".join(old_ops))
    new = read_string("The Security Council,\n\n" + "\n\n".join(new_ops))
    return compare(old, SETUP.judge(old), new, SETUP.judge(new))


def change(c: Comparison, rule: str):  # type: ignore[no-untyped-def]
    return next(ch for ch in c.changes if ch.rule == rule)


def renumber(ops: list[str]) -> list[str]:
    return [f"{i}. {op.split('. ', 1)[1]}" for i, op in enumerate(ops, start=1)]


def test_identical_drafts_change_nothing() -> None:
    c = diff(BASE, BASE)
    assert c.summary.regressed == c.summary.improved == 0


def test_renumbered_and_moved_paragraphs_are_matched() -> None:
    moved = renumber(
        [
            BASE[0],
            "Welcomes the efforts of regional partners;".join(["2. ", ""]),
            BASE[3],
            BASE[2],
            BASE[1],
            BASE[4],
        ]
    )
    c = diff(BASE, moved)
    hrddp = change(c, "hrddp-support")
    assert (hrddp.old.value, hrddp.new.value, hrddp.change) == ("met", "met", "unchanged")
    assert hrddp.old_refs == ["OP 2"] and hrddp.new_refs == ["OP 5"]
    [d] = hrddp.diffs
    assert (d.old_ref, d.new_ref, d.changed) == ("OP 2", "OP 5", False)


def test_weakened_verb_is_a_regression_with_the_word_diff() -> None:
    weaker = [BASE[0], BASE[1].replace("Requests", "Encourages"), *BASE[2:]]
    c = diff(BASE, weaker)
    hrddp = change(c, "hrddp-support")
    assert hrddp.change == "regressed" and c.changes[0].rule == "hrddp-support"  # regressions first
    assert hrddp.diffs[0].as_text().startswith("[-Requests-] {+Encourages+} the Mission")


def test_clause_put_into_brackets_regresses() -> None:
    bracketed = [
        BASE[0],
        BASE[1],
        BASE[2].replace("irrespective of the source of violence", "[irrespective of the source of violence]"),
        *BASE[3:],
    ]
    ch = change(diff(BASE, bracketed), "poc-impartial")
    assert (ch.old.value, ch.new.value, ch.change) == ("met", "partial", "regressed")
    # the bracket is what was inserted: the words it encloses stay unchanged
    assert "civilians {+[+}irrespective of the source of violence{+]+};" in ch.diffs[0].as_text()


def test_words_put_in_brackets_with_an_alternative_are_told_so() -> None:
    """Not "“irrespective” became “[irrespective”": the words were put in square brackets, an alternative
    added beside them; a round that rewrites words (the near miss) is still told word by word."""
    from mandatekit.render.compare import previous_context

    def story(new_op: str) -> str:
        lost = previous_context(diff(BASE, [*BASE[:2], new_op, *BASE[3:]]))
        return next(c["story"] for c in lost["changes"] if c["rule"] == "poc-impartial")

    alternatives = BASE[2].replace(
        "irrespective of the source of violence",
        "[irrespective of the source of violence] [in close coordination with the host authorities]",
    )
    assert story(alternatives) == (
        "In OP 3, “irrespective of the source of violence” was put in square brackets, with an alternative "
        "added: “[in close coordination with the host authorities]”."
    )
    slash = BASE[2].replace(
        "irrespective of the source of violence",
        "[irrespective of the source of violence / in coordination with the host authorities]",
    )
    assert story(slash) == (
        "In OP 3, “irrespective of the source of violence” was put in square brackets, with an alternative "
        "added: “in coordination with the host authorities”."
    )
    rewritten = BASE[2].replace("irrespective of the source of violence", "[in coordination with the host]")
    told = story(rewritten)
    assert "became" in told and "put in square brackets" not in told


def test_words_put_in_brackets_between_the_evidence_are_the_loss() -> None:
    """'allow' and 'delivery of aid' still stand outside the brackets, but the access that joins them is now a
    bracketed alternative: a regression told as brackets, not as the hedge the alternative holds. The near
    miss: a bracket outside the evidence ('[immediately]' before the verb) changes no verdict."""
    access = "6. Demands that all parties allow and facilitate full, safe and unhindered access for the delivery of aid;"
    alternative = access.replace(
        "full, safe and unhindered access", "[full, safe and unhindered access][access, as appropriate,]"
    )
    ch = change(diff([*BASE, access], [*BASE, alternative]), "humanitarian-access")
    assert (ch.old.value, ch.new.value, ch.change) == ("met", "partial", "regressed")
    assert [loss.kind for loss in ch.losses] == ["bracketed"]
    assert "between the words that met it" in ch.losses[0].sentence
    aside = access.replace("all parties allow", "all parties [immediately] allow")
    assert change(diff([*BASE, access], [*BASE, aside]), "humanitarian-access").change == "unchanged"


def test_clause_deleted_with_tracked_changes(tmp_path: Path) -> None:
    def draft(deleted: bool) -> Path:
        b = DraftBuilder().front("The Security Council,")
        b.runs(Run("Requests", "italic"), Run(" the Mission to protect civilians "),
               Run("irrespective of the source of violence", "del" if deleted else "plain"), Run(";"))  # fmt: skip
        return b.save(tmp_path / f"{'new' if deleted else 'old'}.docx")

    old, new = draft(False), draft(True)
    result = CliRunner().invoke(
        main, ["compare", str(old), str(new), "--format", "json", "--fail-on", "regression"]
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    ch = next(c for c in data["changes"] if c["rule"] == "poc-impartial")
    assert (ch["old"], ch["new"], ch["change"]) == ("met", "missing", "regressed")
    # the deletion holds the words deleted, not the semicolon kept after them
    assert {"op": "delete", "text": "irrespective of the source of violence"} in ch["diffs"][0]["pieces"]


def test_a_paragraph_deleted_whole_by_a_pending_change_is_told_as_pending(tmp_path: Path) -> None:
    """Numbers typed by hand, the HRDDP paragraph deleted whole (runs and mark) as a tracked change not yet
    accepted: the comparison says a pending change deletes it, not that it is gone."""
    hrddp = BASE[1].split(". ", 1)[1]

    def draft(deleted: bool) -> Path:
        b = DraftBuilder().front("The Security Council,")
        b.runs(Run(BASE[0]), level=None)
        b.runs(Run("2. " + hrddp, "del" if deleted else "plain"), level=None, mark_deleted=deleted)
        for i, op in enumerate(BASE[2:], start=2 if deleted else 3):
            b.runs(Run(f"{i}. " + op.split(". ", 1)[1]), level=None)
        return b.save(tmp_path / f"{'new' if deleted else 'old'}.docx")

    old, new = read(draft(False)), read(draft(True))
    ch = change(compare(old, SETUP.judge(old), new, SETUP.judge(new)), "hrddp-support")
    assert ch.change == "regressed"
    assert [d.pending_deletion for d in ch.diffs] == [True]
    assert ch.losses[0].sentence.startswith("a pending tracked change by Delegation deletes the old OP 2")


def test_an_improvement() -> None:
    better = [
        *BASE[:4],
        "5. Requests the Secretary-General to report on all violations of the Status of Forces Agreement;",
        "6. Decides to remain actively seized of the matter.",
    ]
    ch = change(diff(BASE, better), "sofa-reporting")
    assert ch.change == "improved" and ch.new.value == "met"
    assert any(d.old_ref is None and d.new_ref == "OP 5" for d in ch.diffs)


def test_compare_table_and_memo(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n\n".join(BASE))
    new.write_text("\n\n".join([BASE[0], BASE[1].replace("Requests", "Encourages"), *BASE[2:]]))
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(tmp_path / "memo.md")])
    assert result.exit_code == 0
    assert "1 regressed" in result.stdout and "[-Requests-] {+Encourages+}" in result.stdout
    memo = (tmp_path / "memo.md").read_text()
    # gains and losses come first, told in sentences; the scorecard has a change column
    assert memo.index("## Since the previous text") < memo.index("## Assessment")
    assert "met → partial.** In OP 2, “Requests” became “Encourages”." in memo
    assert "| # | Recommendation | Severity | Verdict | Where | Change |" in memo and "| ▼ was met |" in memo
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(tmp_path / "memo.docx")])
    assert result.exit_code == 0
    import docx

    texts = [p.text for p in docx.Document(str(tmp_path / "memo.docx")).paragraphs]
    assert "Since the previous text: gains and losses" in texts


def test_the_memo_compare_writes_takes_the_memo_commands_head(tmp_path: Path) -> None:
    """--title, --author and --to mean for `compare -o` what they mean for `memo`: the same memo head."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n\n".join(BASE))
    new.write_text("\n\n".join([BASE[0], BASE[1].replace("Requests", "Encourages"), *BASE[2:]]))
    head = ["--title", "Round 2: what we lost", "--author", "Delegation of X", "--to", "The penholder"]
    heads = []
    for command in (["compare", str(old)], ["memo"]):
        out = tmp_path / f"{command[0]}.md"
        result = CliRunner().invoke(main, [*command, str(new), "-o", str(out), *head])
        assert result.exit_code == 0, result.output
        memo = out.read_text(encoding="utf-8")
        heads.append(memo[: memo.index("| **Date**")])
    assert heads[0] == heads[1]
    assert "# Round 2: what we lost" in heads[0] and "| **From** | Delegation of X |" in heads[0]
    assert "| **To** | The penholder |" in heads[0]
    # without a memo to head, the options are refused in one line, not silently dropped
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--author", "Delegation of X"])
    assert result.exit_code == 2 and "give -o" in result.output


def test_real_docx_rounds(tmp_path: Path) -> None:
    """The bundled zero draft against a revision that strengthens HRDDP language."""
    from examples.build_examples import zero_draft

    old = zero_draft().save(tmp_path / "zero.docx")
    revised = zero_draft()
    for para in revised.paragraphs:
        if para.runs and para.runs[0].text == "Encourages":
            para.runs[0].text = "Requests"
            para.runs = [r if r.kind != "ins" else Run("in strict compliance with", "ins") for r in para.runs]
    new = revised.save(tmp_path / "rev1.docx")
    c = compare(read(old), SETUP.judge(read(old)), read(new), SETUP.judge(read(new)))
    ch = change(c, "hrddp-support")
    assert (ch.old.value, ch.new.value) == ("partial", "met")


def test_an_extended_paragraph_is_still_the_same_paragraph() -> None:
    longer = [
        BASE[0],
        BASE[1],
        BASE[2].replace(";", ", including from national forces and their partners;"),
        *BASE[3:],
    ]
    ch = change(diff(BASE, longer), "poc-impartial")
    [d] = ch.diffs
    assert (d.old_ref, d.new_ref) == ("OP 3", "OP 3")
    # the unchanged word and semicolon stay out of the insertion (trial 13: "~~and~~ and, as appropriate,")
    assert d.as_text().endswith("violence{+, including from national forces and their partners+};")


def test_a_different_paragraph_on_the_same_subject_is_not_matched() -> None:
    from mandatekit.compare import MATCH_THRESHOLD, text_similarity

    a = "Requests the Secretary-General to report on all violations of the Status of Forces Agreement;"
    b = "Calls upon the authorities to respect the Status of Forces Agreement;"
    assert text_similarity(a, b) < MATCH_THRESHOLD


def test_compare_wraps_to_the_width_and_colours_the_changed_words() -> None:
    import re

    from mandatekit.render.compare import render_comparison_table

    weaker = [BASE[0], BASE[1].replace("Requests", "Encourages"), *BASE[2:]]
    out = render_comparison_table(diff(BASE, weaker), width=60)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert all(len(line) <= 60 for line in plain.splitlines())
    assert "[-Requests-] {+Encourages+}" in plain
    # the words themselves are coloured, not only the markers
    assert re.search(r"\x1b\[31mRequests", out) and re.search(r"\x1b\[32mEncourages", out)


def test_the_memo_tells_a_deleted_paragraph_in_a_sentence() -> None:
    from mandatekit.render.compare import previous_context

    with_report = [*BASE[:4], "5. Requests the Secretary-General to report on all violations of the Status of "
                   "Forces Agreement;", "6. Decides to remain actively seized of the matter."]  # fmt: skip
    lost = previous_context(diff(with_report, BASE))
    sofa = next(c for c in lost["changes"] if c["rule"] == "sofa-reporting")
    assert (sofa["old"], sofa["new"], sofa["arrow"]) == ("met", "missing", "▼")
    assert sofa["story"] == "The old OP 5 met it and was deleted."
    # Only sofa-reporting rested on it: SOFA violations reported are no human rights monitoring (hr-monitoring).
    assert lost["summary"].endswith(
        "one recommendation regressed, none improved and 21 are unchanged. No operative paragraph's verb was weakened."
    )


def test_a_word_inserted_inside_the_evidence_is_no_deletion() -> None:
    # Trial 12: "hold accountable all those responsible, including ..." for "hold accountable those
    # responsible": nothing of the old words was deleted; a verb replaced became its replacement.
    old = [
        "1. Decides to extend the mandate of the Mission until 31 October 2024;",
        "2. Encourages the authorities to hold accountable those responsible for violations of international "
        "humanitarian law and violations and abuses of human rights;",
        "3. Decides to remain actively seized of the matter.",
    ]
    new = [
        old[0],
        "2. Calls upon the authorities to hold accountable all those responsible, including members of armed "
        "groups, for violations of international humanitarian law and violations and abuses of human rights;",
        old[2],
    ]
    ch = change(diff(old, new), "accountability")
    assert ch.change == "improved"
    told = " ".join(loss.sentence for loss in ch.losses)
    assert "accountable those" not in told and "“responsible” deleted" not in told
    assert "“Encourages” became “Calls upon”" in told
    # Near miss: the same words really deleted are told as deleted.
    cut = [
        old[0],
        "2. Calls upon the authorities to hold accountable for violations of human rights;",
        old[2],
    ]
    assert any("deleted" in loss.sentence for loss in change(diff(old, cut), "accountability").losses)


def test_a_plain_text_diff_keeps_unchanged_words_out_of_the_change() -> None:
    """Trial 13: "~~and~~ and, as appropriate," and "~~manner, and requests …~~ manner;" read, copied into an
    email, as words deleted that were not: the diff keeps a word the round kept out of the change, and sets
    no space before the punctuation that follows it."""
    from mandatekit.compare import ParagraphDiff, narrowed_diff
    from mandatekit.render.compare.lines import compact

    def text(old: str, new: str) -> str:
        d = ParagraphDiff(old_ref="OP 1", new_ref="OP 1", similarity=0.9, pieces=narrowed_diff(old, new))
        assert compact(d, context=50) == d.as_text()
        return d.as_text()

    assert text("scrutiny, and in strict compliance with the HRDDP;", "scrutiny, and, as appropriate, in strict "
                "compliance with the HRDDP;") == "scrutiny, and{+, as appropriate,+} in strict compliance with the HRDDP;"  # fmt: skip
    assert text("in a safe and orderly manner, and requests the government to respect the SOFA;",
                "in a safe and orderly manner;") == (
        "in a safe and orderly manner[-, and requests the government to respect the SOFA-];"
    )  # fmt: skip
    assert text("Encourages the Mission to monitor", "Requests the Mission to monitor") == (
        "[-Encourages-] {+Requests+} the Mission to monitor"
    )
