"""What a round did to the operative text whatever rests on it (trial 10, finding 3): the operative paragraphs
it deleted and the words it put in square brackets are listed beside the weakened verbs, in the table, the
JSON, the Markdown, the memo's "Since the previous text" and the web page, and the summary says so first."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
from click.testing import CliRunner

from mandatekit.cli import main
from mandatekit.render.compare import previous_context, render_comparison_markdown, render_comparison_table
from tests.rounds.test_compare import BASE, diff, renumber

REPORTING = "Requests the Secretary-General to report to the Council every four months on this resolution;"
OLD = renumber([*BASE[:4], f"5. {REPORTING}", "6. Decides to remain actively seized of the matter."])
# The reporting paragraph deleted; the renewal's date put in brackets with an alternative; nothing cites either.
NEW = renumber([BASE[0].replace("until 15 November 2027", "until [15 November 2027][30 June 2027]"),
                *BASE[1:4], "5. Decides to remain actively seized of the matter."])  # fmt: skip


def test_a_deleted_paragraph_and_new_brackets_no_rule_rests_on_are_listed() -> None:
    c = diff(OLD, NEW)
    assert [(d.old_ref, d.rules, d.pending) for d in c.deleted_paragraphs] == [("OP 5", [], False)]
    assert c.deleted_paragraphs[0].text.startswith("Requests the Secretary-General to report")
    assert [(b.old_ref, b.new_ref, b.words) for b in c.newly_bracketed] == [
        ("OP 1", "OP 1", ["[15 November 2027][30 June 2027]"])
    ]
    assert (c.summary.deleted_paragraphs, c.summary.newly_bracketed) == (1, 1)
    assert c.summary.regressed == 0  # no rule moved: the lists are what tell this round


def test_brackets_already_there_and_unchanged_paragraphs_are_not_listed() -> None:
    c = diff(NEW, NEW)
    assert c.deleted_paragraphs == [] and c.newly_bracketed == []
    table = click.unstyle(render_comparison_table(c, width=100))
    assert "Text:" not in table  # a quiet round reads as one
    assert re.search(r"Operative paragraphs deleted[^\n]*:\n  none", table)


def test_a_new_paragraph_in_brackets_and_an_item_deleted_with_its_paragraph() -> None:
    old = ["1. Decides to renew the mandate;", "2. Requests the Mission to:",
           "(a) Monitor the ceasefire;", "(b) Report on violations;", "3. Decides to remain seized."]  # fmt: skip
    new = ["1. Decides to renew the mandate;", "2. [Calls upon the parties to agree a ceasefire;]",
           "3. Decides to remain seized."]  # fmt: skip
    c = diff(old, new)
    assert [d.old_ref for d in c.deleted_paragraphs] == ["OP 2"]  # its items go with it, told once
    assert [(b.old_ref, b.new_ref) for b in c.newly_bracketed] == [(None, "OP 2")]


def test_every_output_says_it() -> None:
    c = diff(OLD, NEW)
    table = click.unstyle(render_comparison_table(c, width=200))
    assert "Text: 1 operative paragraph deleted · 1 paragraph newly bracketed" in table
    assert "the old OP 5: “Requests the Secretary-General to report" in table
    assert "OP 1: “[15 November 2027][30 June 2027]” (no recommendation rests on it)" in table
    markdown = render_comparison_markdown(c)
    assert "## Operative paragraphs deleted" in markdown and "## Newly in square brackets" in markdown
    summary = previous_context(c)["summary"]
    assert summary.startswith("the round deleted one operative paragraph, the old OP 5 (“Requests")
    assert "put words in square brackets in OP 1" in summary
    assert summary.index("deleted") < summary.index("Of the recommendations checked")


def test_the_json_and_the_memo(tmp_path: Path) -> None:
    old, new = tmp_path / "rev1.txt", tmp_path / "rev2.txt"
    old.write_text("The Security Council,\n\n" + "\n\n".join(OLD))
    new.write_text("The Security Council,\n\n" + "\n\n".join(NEW))
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["old_ref"] for d in data["deleted_paragraphs"]] == ["OP 5"]
    assert [b["new_ref"] for b in data["newly_bracketed"]] == ["OP 1"]
    assert data["summary"]["deleted_paragraphs"] == 1
    memo = tmp_path / "memo.md"
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(memo)])
    assert result.exit_code == 0, result.output
    assert "the round deleted one operative paragraph, the old OP 5" in memo.read_text()


# Trial 11, finding 5: "Recalls ..., and requests the Mission to prioritise:" -> "encourages": the verb that
# governs the list is the paragraph's second; weakening it is a weakened verb all the same.
PRIORITY_OLD = ["1. Decides to renew the mandate of the Mission until 15 November 2027;",
                "2. Recalls its resolution 2628 (2022), and requests the Mission to prioritise three activities:",
                "(a) supporting the peace process and national reconciliation;", "(b) supporting the elections;",
                "3. Decides to remain actively seized of the matter."]  # fmt: skip
PRIORITY_NEW = [p.replace("and requests the Mission", "and encourages the Mission") for p in PRIORITY_OLD]


def test_a_weakened_verb_that_governs_a_later_clause_is_listed_and_shown() -> None:
    c = diff(PRIORITY_OLD, PRIORITY_NEW)
    assert [(v.old_ref, v.before, v.after) for v in c.weakened_verbs] == [("OP 2", "requests", "encourages")]
    assert c.weakened_verbs[0].diff == "[-requests-] {+encourages+} the Mission to"
    table = click.unstyle(render_comparison_table(c, width=200))
    assert "1 verb weakened" in table.splitlines()[2]
    assert (
        "OP 2: “requests” became “encourages” (evidence for peace-process): [-requests-] {+encourages+}"
        in table
    )
    # The rule resting on the item OP 2(a) shows OP 2's words, where the verb changed (not an empty diff).
    weakened = [ch for ch in c.changes if any(loss.kind == "weakened" for loss in ch.losses)]
    assert weakened and all(any(d.old_ref == "OP 2" and d.changed for d in ch.diffs) for ch in weakened)
    assert all(
        "in OP 2 (over OP 2(a)), “requests” became “encourages”" in ch.losses[0].sentence for ch in weakened
    )
    # The same draft twice: nothing weakened.
    assert diff(PRIORITY_OLD, PRIORITY_OLD).weakened_verbs == []


def test_the_memo_quote_box_is_never_empty() -> None:
    from mandatekit.render.memo.formats import _rich_diffs

    previous = {"changes": [{"diffs": [], "refs": ["OP 3"]}]}
    rich = _rich_diffs(previous)["changes"][0]["diff_rich"]
    assert "OP 3 are the same" in str(rich)


# Trial 11, finding 12: the round added an operative paragraph asking of the mission what the draft said only as
# the government's responsibility: the paragraph is listed, and the rule whose verdict held now rests on it.
ADDED_OLD = ["1. Underscores that the Government has primary responsibility for protecting civilians, and underlines the "
             "importance of protecting civilians in accordance with international humanitarian law;",
             "2. Decides to renew the mandate of the Mission until 15 November 2027;",
             "3. Decides to remain actively seized of the matter."]  # fmt: skip
ADDED_NEW = [*ADDED_OLD[:2], "2 bis. Requests the Mission to protect civilians under threat of physical violence;",
             ADDED_OLD[2]]  # fmt: skip


def test_an_added_paragraph_is_listed_and_evidence_moved_to_stronger_words_is_told() -> None:
    c = diff(ADDED_OLD, ADDED_NEW)
    assert [(a.new_ref, a.text.split()[0]) for a in c.added_paragraphs] == [("OP 2 bis", "Requests")]
    assert c.summary.added_paragraphs == 1 and diff(ADDED_OLD, ADDED_OLD).added_paragraphs == []
    stronger = [ch for ch in c.changes if ch.status == "evidence strengthened"]
    assert stronger and all(
        ch.change == "unchanged" and "OP 2 bis (“Requests”)" in ch.strengthened for ch in stronger
    )
    assert c.summary.evidence_strengthened == len(stronger)
    table = click.unstyle(render_comparison_table(c, width=200))
    assert "1 operative paragraph added" in table.splitlines()[2]
    assert f"{len(stronger)} evidence strengthened" in table.splitlines()[1]
    assert "OP 2 bis (new): “Requests the Mission to protect civilians" in table
    assert "Evidence strengthened: now rests on OP 2 bis (“Requests”), not OP 1 (“Underscores”)." in table
    memo = previous_context(c)
    assert "added one operative paragraph, OP 2 bis" in memo["summary"]
    assert any(
        ch["arrow"] == "△" and ch["story"].startswith("Evidence strengthened") for ch in memo["changes"]
    )
    # The other way round the rule held on weaker words: that is no gain.
    assert not [ch for ch in diff(ADDED_NEW, ADDED_OLD).changes if ch.status == "evidence strengthened"]
