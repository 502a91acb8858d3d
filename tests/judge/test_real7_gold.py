"""The fifth holdout of issue 21 (tests/judge/real7/gold.yaml): twelve real resolutions blind-coded like
tests/judge/real2 … real6, kept from everyone tuning and measured before and at the end of that round (226/264 with
2 false met before it, 227/264 with 2 false met at its end). Since then it is tuning material, with a floor that may
only rise. `python benchmarks/gold_agreement.py tests/judge/real7` prints every disagreement."""

from __future__ import annotations

from pathlib import Path

from tests.judge.coded import assert_every_rule_coded, assert_floor

REAL7 = Path(__file__).parent / "real7"
AGREEING_CELLS_AT_LEAST = 238  # of 264 (227 as a holdout, 226 before; 233 after round 5's reader fixes, 237 after its false-met fixes, 238 with a verb that sums up the words before it)
FALSE_MET_AT_MOST = 0  # 2 as measured, 0 since the ddrr and children fixes; may only fall. benchmarks/gold_agreement.py lists every disagreement


def test_agreement_on_the_fifth_holdout_holds_its_floor() -> None:
    assert_floor(REAL7, AGREEING_CELLS_AT_LEAST, FALSE_MET_AT_MOST)


def test_every_rule_is_coded_for_every_resolution() -> None:
    assert_every_rule_coded(REAL7)
