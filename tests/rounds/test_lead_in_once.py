"""A lead-in's change is shown under the rule it changed, not repeated under every rule whose evidence is an
item under it (trial 15, F9): the round cut "and stresses that the protection of civilians shall be given
priority ..." from OP 1 and hedged the HRDDP condition in OP 1(b); the HRDDP rule shows OP 1(b)'s change
only, the protection-of-civilians priority rule OP 1's."""

from __future__ import annotations

from pathlib import Path

from mandatekit.api import setup
from mandatekit.compare import compare
from mandatekit.read import read
from tests.builders import DraftBuilder

SETUP = setup()
LEAD = "that the mandate of the Mission shall include the following tasks"
PRIORITY = (
    ", and stresses that the protection of civilians shall be given priority in decisions about the use of "
    "available capacity and resources"
)
HRDDP = (
    "To ensure that any support provided to non-United Nations security forces is provided in strict "
    "compliance with the Human Rights Due Diligence Policy{hedge};"
)


def _draft(path: Path, later: bool) -> Path:
    b = DraftBuilder().front("The Security Council,")
    b.pp("Recalling", "its previous resolutions on the situation in the country,")
    b.op("Decides", "to extend the mandate of the Mission until 30 April 2026;")
    b.op("Decides", LEAD + ("" if later else PRIORITY) + ":")
    b.sub(
        "To protect civilians under threat of physical violence, irrespective of the source of such violence;"
    )
    b.sub(HRDDP.format(hedge=", as appropriate and where feasible" if later else ""))
    b.op("Decides", "to remain actively seized of the matter.")
    return b.save(path)


def test_the_lead_in_s_change_shows_under_the_rule_it_changed_only(tmp_path: Path) -> None:
    old, new = read(_draft(tmp_path / "r1.docx", False)), read(_draft(tmp_path / "r2.docx", True))
    by_rule = {c.rule: c for c in compare(old, SETUP.judge(old), new, SETUP.judge(new)).changes}
    hrddp = by_rule["hrddp-support"]
    assert any(loss.kind == "weakened" for loss in hrddp.losses)  # the hedge is told
    shown = [d.old_ref for d in hrddp.diffs if d.changed]
    assert shown == ["OP 2(b)"], shown  # not OP 2, whose only change is another rule's clause
    assert any(d.old_ref == "OP 2" and d.changed for d in by_rule["poc-priority"].diffs)
