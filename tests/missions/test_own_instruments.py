"""A suggestion names a country's own instruments (its security policy, its kind of DDR, the joint operations
its mission is mandated to conduct) only through the profile: another mission's draft gets its own, or
general terms, never the Central African Republic's."""

from __future__ import annotations

import pytest

from mandatekit.api import setup
from mandatekit.read import read_string

DRAFT = """The Security Council,

1. Decides that the mandate of {mission} shall include the following tasks:

(a) To protect civilians under threat of physical violence;

2. Decides to remain actively seized of the matter.
"""
RULES = ["ssr-support", "ddrr", "harm-mitigation"]


def _suggestions(profile: str, mission: str) -> str:
    report = setup(profile=profile).judge(read_string(DRAFT.format(mission=mission)))
    return " ".join(f.suggestion + " " + f.recommendation for f in report.findings if f.rule in RULES)


@pytest.mark.parametrize(("profile", "mission"), [("unmiss", "UNMISS"), ("generic", "the Mission")])
def test_another_missions_suggestions_carry_no_car_instrument(profile: str, mission: str) -> None:
    text = _suggestions(profile, mission)
    assert "disarmament, demobilization and reintegration" in text
    assert "operations conducted in support of" in text
    for idea in ["repatriation", "jointly", "security sector reform strategy and the National Security"]:
        assert idea not in text


def test_minuscas_suggestions_keep_its_own_instruments() -> None:
    text = _suggestions("minusca", "MINUSCA")
    assert "the national security sector reform strategy and the National Security Policy" in text
    assert "disarmament, demobilization, reintegration and repatriation" in text
    assert "operations conducted jointly with or in support of" in text


OTHER_FORCES_RULES = ["hr-monitoring", "poc-impartial", "sofa-reporting", "sofa-compliance"]


@pytest.mark.parametrize(("profile", "mission"), [("unmiss", "UNMISS"), ("generic", "the Mission")])
def test_forces_beside_the_national_ones_are_named_by_the_profile(profile: str, mission: str) -> None:
    """The words "bilateral partners" are MINUSCA's (the forces its sources speak of): UNMISS's suggestions name
    any other forces or security personnel instead, never the SSPDF's "bilateral partners". The generic profile
    states no abuses by the host's forces: its suggestions name none, whoever the perpetrator."""
    report = setup(profile=profile).judge(read_string(DRAFT.format(mission=mission)))
    texts = [f.suggestion for f in report.findings if f.rule in OTHER_FORCES_RULES]
    assert len(texts) == len(OTHER_FORCES_RULES)
    said = "any other forces or security personnel" if profile == "unmiss" else "whoever"
    assert all(said in t for t in texts)
    assert not any("bilateral" in t for t in texts)
    minusca = setup(profile="minusca").judge(read_string(DRAFT.format(mission="MINUSCA")))
    kept = [f.suggestion for f in minusca.findings if f.rule in OTHER_FORCES_RULES]
    assert all("bilateral partners and other security personnel" in t for t in kept)
