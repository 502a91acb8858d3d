"""Every rule's suggestion, recommendation and messages read right with every mission's values (issue 21,
round 9: UNISFA's host is "the Abyei Area", which has no government and is no State). Rendered with each
bundled profile, and with general terms and each host country (a draft naming no mission), the text has no
slot left empty or unfilled, no doubled article, no stray punctuation, and a host that is not a State is never
called "the host State". The values themselves fit their slots: a value in a slot with no article of its own
is a name or a determined phrase ("the peace process", not "peace process"), and a slot after "the" gets no
second article; a place ({host_state}) is only where things happen ("in the Abyei Area"), never who bears a
responsibility ("the primary responsibility of the Abyei Area")."""

from __future__ import annotations

import re
import string

import pytest

from mandatekit.judge import fill
from mandatekit.missions import GENERIC, effective
from mandatekit.rulebook import load_profiles, load_rulebook
from mandatekit.rulebook.model import Profile

PROFILES = load_profiles()
RULES = load_rulebook().rules
_COUNTRIES = sorted({p.country for p in PROFILES.values() if p.country})
# What a draft naming no mission but a host country gets (missions.detect): general terms with its name.
_BY_COUNTRY = [GENERIC.model_copy(update={"values": {**GENERIC.values, "host_state": c}}) for c in _COUNTRIES]
EVERY = [effective(p) for p in PROFILES.values()] + _BY_COUNTRY

FLAWS = {
    "a slot left unfilled": r"\{\w+\}",
    "a doubled article": r"\b(?:the|a|an)\s+(?:the|a|an)\b",
    "stray punctuation": r"[;,]\s*[;,]|\s[,;.:]|\(\s*\)",
    "a doubled space": r"\S  +\S",
    "an empty slot after a preposition": r"\b(?:of|to|for|in|by|with|on|upon|and)\s*(?:[,;.:]|$)",
}


def texts(rule: object, profile: Profile | None = None) -> list[str]:
    """The rule's texts; with a profile, the variants of its suggestion (and their notes) that apply to it (an
    AU-led mission's, a political mission's, a host whose forces the Council has not named), without one, every
    variant."""
    m = rule.message  # type: ignore[attr-defined]
    applying = [v for v in rule.variants if profile is None or v.applies(profile)]  # type: ignore[attr-defined]
    variants = [t for v in applying for t in (v.suggestion, v.note) if t]
    return [rule.suggestion, rule.recommendation, m.met, m.partial, m.missing, *variants]  # type: ignore[attr-defined]


def _id(p: Profile) -> str:
    return p.id + (f"-{p.values['host_state']}" if p.id == "generic" else "")


@pytest.mark.parametrize("profile", EVERY, ids=_id)
def test_every_suggestion_reads_right_with_every_profile(profile: Profile) -> None:
    wrong = []
    for rule in RULES:
        for template in texts(rule, profile):
            text = " ".join(fill(template or "", profile).split(" "))
            for flaw, pattern in FLAWS.items():
                if m := re.search(pattern, text, re.IGNORECASE):
                    wrong.append(f"{rule.id}: {flaw}: …{text[max(m.start() - 40, 0) : m.end() + 40]}…")
            if getattr(PROFILES.get(profile.id), "territory", False) and re.search(r"\bhost State\b", text):
                wrong.append(
                    f"{rule.id}: 'the host State' for {profile.values['host_state']}, no State: {text}"
                )
    assert not wrong, "\n".join(wrong)


def _slots() -> dict[str, set[str]]:
    """Placeholder → the words that stand before it in the rules' texts ('the', 'of', 'in' ...)."""
    out: dict[str, set[str]] = {}
    for rule in RULES:
        for template in texts(rule):
            for before, name, _, _ in string.Formatter().parse(template or ""):
                if name:
                    words = (before or "").split()
                    out.setdefault(name, set()).add(words[-1].lower() if words else "")
    return out


# The values that name someone or something (the others name a process or a kind of operation: 'the
# disarmament, demobilization and reintegration', 'conducted in support of').
_ENTITIES = {"mission", "host_state", "host_authorities", "national_forces", "peace_agreement", "courts",
             "armed_groups", "security_strategy", "led_by", "un_support"}  # fmt: skip
_DETERMINED = re.compile(r"^(?:the|a|an|all|its|their|resolution)\b|^[A-Z0-9]")


@pytest.mark.parametrize("profile", [effective(p) for p in PROFILES.values()], ids=lambda p: p.id)
def test_every_value_fits_its_slot(profile: Profile) -> None:
    wrong = []
    for name, before in _slots().items():
        value = profile.values.get(name, "")
        if not value:
            continue
        if "the" in before and re.match(r"(?i)(?:the|a|an)\b", value):
            wrong.append(f"{name} = '{value}' follows 'the' in a rule: a second article")
        # A name ('Somalia', 'UNMISS'), a determined phrase ('the SSPDF'), or a plural ('armed groups', 'gangs').
        bare = before - {"the", "a", "an"}
        if (
            name in _ENTITIES
            and bare
            and not _DETERMINED.match(value)
            and not re.search(r"[^s]s$", value.split()[-1])
        ):
            wrong.append(f"{name} = '{value}' stands after '{sorted(bare)[0]}' with no article: '{value}'")
    assert not wrong, "\n".join(wrong)


def test_a_place_is_where_things_happen_not_who_bears_responsibility() -> None:
    """{host_state} names a place ('in the Abyei Area', 'in Darfur'): the authorities bear responsibilities
    ({host_authorities}: 'the Governments of Sudan and South Sudan', 'the CAR authorities')."""
    places = {"in", "within", "throughout", "across"}
    wrong = [(rule.id, before) for rule, before in _uses("host_state") if before not in places]
    assert not wrong


def _uses(name: str) -> list[tuple[object, str]]:
    out = []
    for rule in RULES:
        for template in texts(rule):
            for before, found, _, _ in string.Formatter().parse(template or ""):
                if found == name:
                    words = (before or "").split()
                    out.append((rule, words[-1].lower() if words else ""))
    return out


def test_a_territory_gets_no_host_state_in_general_terms() -> None:
    """UNISFA's host is the Abyei Area, which no State governs alone: the authorities the Council calls upon
    are the two Governments, and every value it leaves empty says no 'host State'."""
    unisfa = effective(PROFILES["unisfa"])
    assert PROFILES["unisfa"].territory
    assert unisfa.values["host_authorities"] == "the Governments of Sudan and South Sudan"
    assert not any("host State" in v for v in unisfa.values.values())
    # a State's profile keeps its general terms
    assert effective(PROFILES["untso"]).values["host_authorities"] == "the host State authorities"
