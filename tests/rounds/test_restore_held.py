"""Trial 12, F7: the fix amends the draft's own paragraph on the ask rather than add a near-copy beside it,
and, given the previous round, restores what the round took even where the verdict held (a preambular
paragraph keeping humanitarian access partial; the monitoring paragraph weakened to "Encourages ... as
appropriate" but still partial): the old words back, with what the gap still asks for."""

from __future__ import annotations

import re

from mandatekit.api import setup
from mandatekit.read import read_string
from mandatekit.render.placement import place

SETUP = setup()
HEAD = """The Security Council,

Expressing grave concern at the humanitarian situation in Libya, and urging all parties to allow and facilitate full, safe and unhindered humanitarian access,

1. Decides to extend until 31 October 2024 the mandate of UNSMIL;

"""
MONITOR = (
    "2. Requests UNSMIL to continue to monitor and report on violations and abuses of human rights and "
    "violations of international humanitarian law;"
)
ACCESS = (
    "3. Calls upon the Libyan authorities to allow and facilitate full, safe and unhindered humanitarian access to all "
    "people in need throughout Libya;"
)
SEIZED = "Decides to remain actively seized of the matter."
OLD = HEAD + f"{MONITOR}\n\n{ACCESS}\n\n4. {SEIZED}\n"
NEW = (
    HEAD
    + MONITOR.replace("Requests UNSMIL to continue to", "Encourages UNSMIL to continue, as appropriate, to")
    + f"\n\n3. {SEIZED}\n"
)


def _fixes(text: str, previous: str | None = None):  # type: ignore[no-untyped-def]
    document = read_string(text)
    report = SETUP.judge(document)
    before = None
    if previous is not None:
        old = read_string(previous)
        before = (old, SETUP.judge(old))
    return {f.rule: f.verdict.value for f in report.findings}, place(report, document, SETUP.judge, before)


def test_the_monitoring_paragraph_is_amended_not_doubled() -> None:
    verdicts, fixes = _fixes(OLD)
    assert verdicts["hr-monitoring"] == "partial"
    fix = fixes["hr-monitoring"]
    assert (fix.action, fix.where) == ("replace", "Amend OP 2")
    assert fix.text.startswith("Requests UNSMIL to continue to monitor and report publicly on violations")
    assert "by all actors" in fix.text
    assert [p.text for p in fix.pieces if p.op == "delete"] == []  # the drafter's words all stay


def test_the_weakened_paragraph_gets_its_verb_back_without_the_hedge() -> None:
    verdicts, fixes = _fixes(NEW, OLD)
    assert verdicts["hr-monitoring"] == "partial"  # held, though the round weakened it
    fix = fixes["hr-monitoring"]
    assert fix.where == "Amend OP 2 (restoring the previous round's words)"
    assert fix.text.startswith("Requests UNSMIL to continue to monitor and report publicly on violations")
    assert "as appropriate" not in fix.text and "by all actors" in fix.text


def test_the_deleted_paragraph_comes_back_with_the_verb_its_gap_asks_for() -> None:
    verdicts, fixes = _fixes(NEW, OLD)
    assert verdicts["humanitarian-access"] == "partial"  # held by the preambular paragraph
    fix = fixes["humanitarian-access"]
    assert fix.action == "insert"
    assert re.fullmatch(
        r"Insert after OP 2 as OP 2 \w+ \(restoring the previous round's OP 3, with a stronger verb\)",
        fix.where,
    )
    assert fix.text.startswith(
        "Demands that the Libyan authorities allow and facilitate full, safe and unhindered"
    )


def test_without_the_previous_round_nothing_is_restored() -> None:
    _, fixes = _fixes(NEW)
    assert all("restoring" not in f.where for f in fixes.values())
    # ... but the weakened paragraph is still the one amended, with the stronger verb and without its hedge
    fix = fixes["hr-monitoring"]
    assert fix.where == "Amend OP 2"
    assert fix.text.startswith("Requests UNSMIL to continue to monitor and report publicly on violations")
    assert "as appropriate" not in fix.text and "by all actors" in fix.text
