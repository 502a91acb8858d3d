"""Suggestions for the kind of mission the profile says (trial 11 #3: ATMIS, an African Union mission the
Council authorises and UNSOS supports, was asked to apply the HRDDP and the UN peacekeeping PoC policy, and
the Secretary-General to report on its SOFA; trial 10 #4: UNIFIL was asked to protect civilians "including
from the Lebanese Armed Forces"). A rule's `variants` say the language for another kind; the profile says
which kind it is: `led_by` (and `un_support`) among its values, `facts` the Council's texts state."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from mandatekit.api import setup
from mandatekit.read import read_string
from mandatekit.rulebook import load_profiles, load_rulebook
from mandatekit.rulebook.model import Variant

PROFILES = load_profiles()
RULES = {r.id: r for r in load_rulebook().rules}
LED = sorted(p for p, profile in PROFILES.items() if profile.holds("led_by"))
NOT_NAMED = sorted(p for p, profile in PROFILES.items() if not profile.holds("host_forces_abuses"))
# Where a suggestion casts the host's forces as perpetrators or obstructors.
PERPETRATORS = ("including from {}", "including members of {}", "by {}", "including by {}")
EMPTY = "The Security Council,\n\n1. Decides to remain actively seized of the matter.\n"


def _suggestions(profile: str) -> dict[str, str]:
    return {f.rule: f.suggestion for f in setup(profile=profile).judge(read_string(EMPTY)).findings}


def test_the_bundled_au_missions_are_led_by_the_african_union_and_supported_by_unsos() -> None:
    assert LED == ["amisom", "atmis", "aussom"]
    for name in LED:
        assert PROFILES[name].values["led_by"] == "the African Union"
        assert PROFILES[name].values["un_support"] == "UNSOS"
        assert {"led_by", "un_support"} <= set(PROFILES[name].value_sources)


@pytest.mark.parametrize("name", LED)
def test_an_au_led_missions_asks_go_to_the_un_support_and_to_the_lead_organisation(name: str) -> None:
    says = _suggestions(name)
    mission = PROFILES[name].values["mission"]
    # The HRDDP governs United Nations support: the asks go to it (and the Secretary-General), not the AU force.
    for rule in ("hrddp-support", "hrddp-resources", "hrddp-mitigation"):
        assert "UNSOS" in says[rule], says[rule]
        assert re.search(
            r"support provided by the United Nations|United Nations support (?:to|they)", says[rule]
        )
        assert not re.search(rf"(?:Requests|requests|by) {mission}\b", says[rule]), says[rule]
    assert "Secretary-General" in says["hrddp-resources"] and "Secretary-General" in says["hrddp-mitigation"]
    # The lead organisation's PoC guidance and compliance framework, not the UN peacekeeping policy.
    assert "Peacekeeping" not in says["poc-policy"] and "the African Union" in says["poc-policy"]
    # The SOFA and the mission's personnel are the lead organisation's, not the Secretary-General's.
    assert says["sofa-reporting"].startswith("Requests the African Union to report")
    assert (
        "peacekeepers" not in says["un-personnel-safety"]
        and f"personnel of {mission}" in says["un-personnel-safety"]
    )


@pytest.mark.parametrize("name", NOT_NAMED)
def test_a_host_whose_forces_the_council_has_not_named_is_never_cast_as_perpetrator(name: str) -> None:
    says = _suggestions(name)
    forces = PROFILES[name].filled_values()["national_forces"]
    for rule, text in says.items():
        for shape in PERPETRATORS:
            assert shape.format(forces) not in text, f"{rule}: {text}"
        assert "ethnically representative" not in text, rule
    # a peacekeeping operation protects "from any armed actor, whoever the perpetrator"; a political mission
    # or a text with no mission presses for protection "irrespective of the source of such violence"
    assert re.search(r"whoever the perpetrator|irrespective of the source", says["poc-impartial"])


def test_where_the_council_names_the_host_forces_the_language_names_them() -> None:
    """MINUSCA: the Council's texts name violations by some elements of the CAR defence and security forces."""
    assert PROFILES["minusca"].holds("host_forces_abuses") and PROFILES["minusca"].holds("police_component")
    says = _suggestions("minusca")
    assert "including from the Central African Armed Forces (FACA)" in says["poc-impartial"]
    assert "ethnically representative" in says["ssr-vetting"]
    assert "military and police personnel" in says["force-capacity"]
    assert "uniformed personnel" in _suggestions("unifil")["force-capacity"]  # UNIFIL has no police


@pytest.mark.parametrize("name", ["atmis", "unifil", "minusca"])
def test_the_language_proposed_for_each_kind_meets_its_rule(name: str) -> None:
    """Placement keeps a fix only if the draft re-judged with it meets the rule better: each variant a profile
    gets must meet its rule."""
    judge = setup(profile=name).judge
    says = _suggestions(name)
    for rule in (r for r, v in RULES.items() if v.variants):
        judged = {
            f.rule: f for f in judge(read_string(f"The Security Council,\n\n1. {says[rule]}\n")).findings
        }
        assert judged[rule].verdict.value == "met", (rule, says[rule])


def test_a_variant_says_when_it_applies() -> None:
    with pytest.raises(ValidationError, match="says when it applies"):
        Variant(suggestion="Requests {mission} to ...;")
    with pytest.raises(ValidationError):
        Variant(when=["hosted_by"], suggestion="Requests {mission} to ...;")  # type: ignore[list-item]


def test_the_lead_organisations_values_stand_only_in_its_variant() -> None:
    """{led_by} in a text for any mission would stand unfilled in a UN mission's suggestion."""
    data = RULES["poc-policy"].model_dump(mode="json")
    data["variants"] = [{"unless": ["host_forces_abuses"], "suggestion": "Requests {led_by} to ...;"}]
    with pytest.raises(ValidationError, match="only in a variant 'when: \\[led_by\\]'"):
        type(RULES["poc-policy"]).model_validate(data)
    data["variants"] = [{"when": ["led_by"], "suggestion": "Requests {led_by} to ...;"}]
    assert type(RULES["poc-policy"]).model_validate(data).variants[0].when == ["led_by"]
