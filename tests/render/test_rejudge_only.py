"""Placing fixes re-judges only the rules a fix could change (render/accepted.py `rules_touched`): every
verdict map the verifier works with, and so every placement and pending change's effect, must equal those
of re-judging all the rules, on the bundled example, the real drafts and every round of tests/rounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandatekit.api import setup
from mandatekit.read import read
from mandatekit.read.model import Document
from mandatekit.render import placement
from mandatekit.render.placement import _Verifier, pending_secures, place
from tests.rounds.corpus import resolution
from tests.rounds.test_real_rounds import ROUNDS

SETUP = setup()
ROOT = Path(__file__).resolve().parents[2]
DRAFTS = [
    ROOT / "examples" / "minusca-zero-draft.docx",
    ROOT / "examples" / "minusca-zero-draft.txt",
    *sorted((ROOT / "tests" / "judge" / "real").glob("*.txt")),
]


def same_as_full(document: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[int] = []
    fast_verdicts = _Verifier.verdicts

    def compared(self: _Verifier, placements: list[placement.Placement]) -> dict[str, int]:
        fast = fast_verdicts(self, placements)
        assert fast == self._ranks([*self.kept, *placements])  # every rule judged again
        checked.append(len(placements))
        return fast

    report = SETUP.judge(document)
    full = place(report, document, SETUP.judge, full=True)
    full_pending = pending_secures(report, document, SETUP.judge, full=True)
    with monkeypatch.context() as m:
        m.setattr(_Verifier, "verdicts", compared)
        fast = place(report, document, SETUP.judge)
        fast_pending = pending_secures(report, document, SETUP.judge)
    assert fast == full
    assert fast_pending == full_pending
    assert checked or not full  # the comparison ran wherever a fix was placed


def test_only_the_rules_a_fix_could_change_are_judged_again() -> None:
    document = read(DRAFTS[0])
    verifier = _Verifier(document, SETUP.judge)
    assert verifier.rules is not None
    report = SETUP.judge(document)
    fix = next(p for p in place(report, document, SETUP.judge).values() if p.action == "insert")
    touched = placement.rules_touched(verifier.rules, placement.changed_text(document, [], [fix]))
    assert fix.rule in touched and len(touched) < len(verifier.rules)
    assert _Verifier(document, SETUP.judge, full=True).rules is None


@pytest.mark.parametrize("path", DRAFTS, ids=[p.name for p in DRAFTS])
def test_placements_equal_the_full_rejudge_on_drafts(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    same_as_full(read(path), monkeypatch)


@pytest.mark.parametrize("r", ROUNDS, ids=[r.name for r in ROUNDS])
def test_placements_equal_the_full_rejudge_on_rounds(
    r, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    base = resolution(r.draft)
    same_as_full(read(r.edit(base.copy()).save(tmp_path / "new.docx")), monkeypatch)  # the base: DRAFTS
