"""Placing fixes reads the draft with each set of fixes accepted (render/accepted.py `AcceptedReader`: the
resolution read again, an annex after it moved, not re-read) and judges it with the language and mission told
once (`judge_versions`). Every Document it reads must equal the whole text read again, every verdict map
the full judge's (language checked, mission told again), and so every placement and pending change's effect
those of reading and judging everything again: on the bundled example, the real drafts, resolutions with
annexes (tests/render/drafts) and the edited draft of every round of tests/rounds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from mandatekit.api import setup
from mandatekit.read import read, read_string
from mandatekit.read.model import Document, Paragraph
from mandatekit.render import placement
from mandatekit.render.accepted import AcceptedReader, accepted_text, judge_versions, rejudge
from mandatekit.render.placement import pending_secures, place
from mandatekit.render.verifier import Verifier
from tests.rounds.corpus import resolution
from tests.rounds.test_real_rounds import ROUNDS

SETUP = setup()
ROOT = Path(__file__).resolve().parents[2]
ANNEXED = sorted((ROOT / "tests" / "render" / "drafts").glob("S_RES_*.txt"))
ANNEXED = [p for p in ANNEXED if AcceptedReader(read(p)).tail is not None]
DRAFTS = [
    ROOT / "examples" / "minusca-zero-draft.docx",
    ROOT / "examples" / "minusca-zero-draft.txt",
    *sorted((ROOT / "tests" / "judge" / "real").glob("*.txt")),
    *ANNEXED,
]


def _full_ranks(document: Document, placements: list[placement.Placement]) -> dict[str, int]:
    return {f.rule: f.verdict.rank for f in rejudge(document, placements, SETUP.judge).findings}


def same_as_full(document: Document, monkeypatch: pytest.MonkeyPatch) -> int:
    """Place the fixes both ways; every read and verdict map compared on the way. Returns the reads spliced."""
    spliced = [0]
    fast_ranks, shift = Verifier._ranks, AcceptedReader._shift

    def counted(self: AcceptedReader, *moves: int) -> list[Paragraph]:
        spliced[0] += 1  # only a spliced read moves the annex
        return shift(self, *moves)

    def compared(self: Verifier, placements: list[placement.Placement]) -> dict[str, int]:
        assert self.reader.read(placements) == read_string(accepted_text(self.document, placements))
        fast = fast_ranks(self, placements)
        assert fast == _full_ranks(self.document, placements)
        return fast

    report = SETUP.judge(document)
    with monkeypatch.context() as m:  # what placing did before: every version read and judged whole
        m.setattr(Verifier, "_ranks", lambda self, placements: _full_ranks(self.document, placements))
        full = place(report, document, SETUP.judge)
        full_pending = pending_secures(report, document, SETUP.judge)
    with monkeypatch.context() as m:
        m.setattr(Verifier, "_ranks", compared)
        m.setattr(AcceptedReader, "_shift", counted)
        fast = place(report, document, SETUP.judge)
        fast_pending = pending_secures(report, document, SETUP.judge)
    assert fast == full
    assert fast_pending == full_pending
    return spliced[0]


@pytest.mark.parametrize("path", DRAFTS, ids=[p.name for p in DRAFTS])
def test_placements_equal_reading_and_judging_everything_again(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spliced = same_as_full(read(path), monkeypatch)
    assert spliced > 0 or path not in ANNEXED  # an annexed draft's versions were spliced, and compared


@pytest.mark.parametrize("r", ROUNDS, ids=[r.name for r in ROUNDS])
def test_placements_equal_reading_and_judging_everything_again_in_rounds(
    r, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    same_as_full(read(r.edit(resolution(r.draft).copy()).save(tmp_path / "new.docx")), monkeypatch)


def test_resolutions_with_an_annex_are_here() -> None:
    assert len(ANNEXED) >= 3  # without them the splice would never be compared


def test_the_annex_is_moved_not_read_again() -> None:
    document = read(ANNEXED[0])
    reader = AcceptedReader(document)
    report = SETUP.judge(document)
    fix = next(p for p in place(report, document).values() if p.action in ("insert", "add"))
    accepted = reader.read([fix])
    assert reader.tail is not None and accepted.paragraphs[-1] is not reader.tail[-1]
    moved = accepted.paragraphs[-len(reader.tail) :]
    assert [p.index for p in moved] == [p.index + 1 for p in reader.tail]
    assert [p.origin.line for p in moved] == [p.origin.line + 2 for p in reader.tail]  # type: ignore[operator]
    assert [p.text for p in moved] == [p.text for p in reader.tail]
    assert accepted == read_string(accepted_text(document, [fix]))


def test_a_fix_with_brackets_is_read_with_the_whole_draft() -> None:
    document = read(ANNEXED[0])
    reader = AcceptedReader(document)
    report = SETUP.judge(document)
    fix = next(p for p in place(report, document).values() if p.action in ("insert", "add"))
    bracketed = replace(fix, text="[" + fix.text + "]")
    assert not reader._may_splice([bracketed])
    assert reader.read([bracketed]) == read_string(accepted_text(document, [bracketed]))


def test_versions_are_judged_with_the_language_and_mission_told_once(monkeypatch: pytest.MonkeyPatch) -> None:
    document = read(DRAFTS[0])
    told: list[int] = []
    mission_of = type(SETUP).mission_of
    monkeypatch.setattr(type(SETUP), "mission_of", lambda self, d: told.append(1) or mission_of(self, d))
    report, judge = judge_versions(SETUP.judge, document)
    again = judge(document)
    assert len(told) == 1
    assert again.model_dump() == report.model_dump() == SETUP.judge(document).model_dump()
    plain = judge_versions(lambda d: SETUP.judge(d), document)[1]  # any other judge judges as it is
    plain(document)
    assert len(told) == 4
