"""A profile is chosen the way a drafter names it: id or acronym in any case, or a country one mission
serves; a wrong name is answered with the nearest ones. `profiles list` and `show` count and name plainly."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from mandatekit.api import resolve_profile
from mandatekit.cli import main
from mandatekit.errors import MandatekitError
from mandatekit.rulebook import load_profiles

PROFILES = load_profiles()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("wanted", "profile_id"),
    [("unmiss", "unmiss"), ("UNMISS", "unmiss"), ("Monusco", "monusco"), (" UNIFIL ", "unifil"),
     ("Lebanon", "unifil"), ("south sudan", "unmiss"), ("DRC", "monusco"), ("Generic", "generic")],
)  # fmt: skip
def test_a_profile_by_id_acronym_or_country(wanted: str, profile_id: str) -> None:
    assert resolve_profile(wanted, PROFILES).id == profile_id


def test_a_country_several_missions_serve_names_them() -> None:
    with pytest.raises(MandatekitError) as caught:
        resolve_profile("Somalia", PROFILES)
    line = caught.value.line()
    assert (
        "unknown profile 'Somalia' (Somalia is served by several: amisom, atmis, aussom, unsom, untmis)"
        in line
    )


def test_a_wrong_name_gets_the_nearest_and_the_list_once() -> None:
    code, _, err = run("check", "--profile", "unmis5", "-")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert re.search(r"did you mean 'unmis', 'untmis' or 'unmiss'\?", err)
    known = re.search(r"known: ([a-z, -]+)\.", err)
    assert known and known.group(1).split(", ").count("generic") == 1
    assert err.strip().endswith("the mission is told from the draft.")
    _, _, err = run("check", "--profile", "zzzz", "-")
    assert "did you mean" not in err and "unknown profile 'zzzz'; known:" in err


def test_profiles_list_counts_values_against_the_same_whole() -> None:
    code, out, _ = run("profiles", "list")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert code == 0 and lines["unmiss"].endswith("7 of 11 values from resolutions, 4 in general terms")
    # a mission another organisation leads says so after its counts
    assert lines["atmis"].endswith(
        "5 of 11 values from resolutions, 6 in general terms; led by the African Union"
    )
    assert lines["unmogip"].endswith(
        "1 of 11 values from resolutions, 1 without a source, 9 in general terms; observer mission: "
        "observes and reports; no mandate to protect civilians"
    )
    assert lines["generic"].endswith("all 11 values in general terms")


def test_profiles_show_names_each_country_name_once() -> None:
    code, out, _ = run("profiles", "show", "MONUSCO")
    assert code == 0 and "  host country: Democratic Republic of the Congo, DRC\n" in out
    for profile in PROFILES.values():
        names = [n.casefold() for n in (profile.country, *profile.country_names) if n]
        assert len(names) == len(set(names)), profile.id


def test_every_mission_is_named_by_its_acronym_and_place_as_the_others() -> None:
    """The profile list (the web page's dropdown, `profiles list`) reads 'UNMISS (South Sudan)' throughout."""
    names = {p.id: p.name for p in PROFILES.values() if p.mission}
    odd = {i: n for i, n in names.items() if not re.fullmatch(r"[A-Z]{4,8} \([A-Z][\w ,.'-]+\)", n)}
    assert len(names) > 20 and odd == {}
    # The profiles of no named mission are the general kinds, each saying what it is for.
    general = {p.id: p.name for p in PROFILES.values() if not p.mission}
    assert set(general) == {"generic", "generic-observer", "generic-political", "no-mission"}
    assert all(n.startswith(("Generic", "No UN mission")) for n in general.values()), general
