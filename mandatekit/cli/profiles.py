"""`mandatekit profiles ...`: the mission profiles that fill suggestions, and how a draft's is told."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.group()
def profiles() -> None:
    """List, show and validate mission profiles.

    A profile fills {mission}, {host_state}, {host_authorities}, {national_forces}, {peace_agreement},
    {courts} and {armed_groups} in suggestions, and says what kind of mission it is: a peacekeeping operation,
    one another organisation leads (the African Union), a political mission, or none. Each draft gets the
    profile of the mission it names; one that names none gets the generic profile, written for a
    peacekeeping operation. For a political mission no profile names, choose generic-political; for a
    sanctions or thematic text, no-mission (`mandatekit check draft.docx --profile no-mission`). Add yours
    with `profiles = ["our-profiles"]` in mandatekit.toml, or use one file with --profile our-mission.yaml.
    Schema: docs/profiles.md.
    """


def _profiles() -> dict:  # type: ignore[type-arg]
    from mandatekit.config import load_config
    from mandatekit.missions import GENERIC, GENERIC_ID
    from mandatekit.rulebook import load_profiles

    found = load_profiles(load_config().profiles)
    found.setdefault(GENERIC_ID, GENERIC)
    return found


@profiles.command("list")
def list_profiles() -> None:
    """One line per profile: id, mission, host country, how many of its values the Council's own
    resolutions give (the others are said in general terms: `profiles show ID`), and its kind of mission
    where it is not a UN peacekeeping operation (led by another organisation, observer, political, none)."""
    from mandatekit.rulebook.model import GENERIC_VALUES, LEAD_VALUES

    found = _profiles()
    width = max(10, *(len(p) + 1 for p in found))
    for profile in sorted(found.values(), key=lambda p: (p.mission is None, p.id)):
        # Every profile counted against the same whole; a mission another organisation leads says so after.
        keys = [k for k in dict.fromkeys([*GENERIC_VALUES, *profile.values]) if k not in LEAD_VALUES]
        sourced = sum(1 for k in keys if profile.values.get(k, "").strip() and k in profile.value_sources)
        given = sum(1 for k in keys if profile.values.get(k, "").strip())
        if not profile.mission and not sourced:  # the generic kinds: no mission named
            counts = f"all {len(keys)} values in general terms"
        else:
            counts = f"{sourced} of {len(keys)} values from resolutions"
            if given > sourced:
                counts += f", {given - sourced} without a source"
            if len(keys) > given:
                counts += f", {len(keys) - given} in general terms"
            if profile.holds("led_by"):
                counts += f"; led by {profile.values['led_by']}"
        if profile.un_presence in KIND_SAID:
            counts += "; {}: {}".format(*KIND_SAID[profile.un_presence])
        click.echo(
            f"{profile.id:<{width}} {profile.mission or '—':<21} {profile.country or '—':<33} {counts}"
        )


# How `profiles list` and `profiles show` say a kind of UN presence other than peacekeeping.
KIND_SAID = {
    "observer": ("observer mission", "observes and reports; no mandate to protect civilians"),
    "political": ("political mission", "monitors, reports, uses its good offices; protects no one by force"),
    "none": ("no UN mission", "asks go to the parties, Member States and the Secretary-General"),
}


@profiles.command()
@click.argument("name", metavar="NAME|FILE")
def show(name: str) -> None:
    """A profile's values, each with the resolution it comes from.

    NAME is a profile id or its mission's acronym, in any case; FILE a profile file of your own.

    \b
    Examples:
      mandatekit profiles show unmiss
      mandatekit profiles show MONUSCO
      mandatekit profiles show our-mission.yaml
    """
    from mandatekit.api import resolve_profile
    from mandatekit.rulebook.model import GENERIC_VALUES

    profile = resolve_profile(name, _profiles())
    click.echo(f"{profile.id}: {profile.name}")
    if profile.mission:
        click.echo(f"  found in a draft by: {_once([profile.mission, *profile.names])}")
    if profile.country:
        click.echo(f"  host country: {_once([profile.country, *profile.country_names])}")
    said = KIND_SAID.get(profile.un_presence)
    click.echo(f"  UN presence: {profile.un_presence}" + (f" ({said[1]})" if said else ""))
    filled = profile.filled_values()
    for key, value in filled.items():
        own = profile.values.get(key, "")
        source = profile.value_sources.get(key)
        where = f"  [{source.resolution}]" if source else ("" if own else "  (general terms: no value given)")
        if profile.says_none(key):  # an absence the rules concerned say, not words to fill in
            value, where = (
                "none",
                f"  (none operate in the host country; suggestions say '{GENERIC_VALUES[key]}')",
            )
        click.echo(f"  {{{key}}}: {value}{where}")
    for fact, source in sorted(profile.facts.items()):  # what the Council's texts state: the variants' kind
        click.echo(f"  fact {fact}  [{source.resolution}]")


def _once(names: list[str]) -> str:
    """Names joined, each once (a profile may list its country again among the country's names)."""
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(name.casefold(), name)
    return ", ".join(first.values())


@profiles.command()
@click.argument("paths", metavar="FILE|FOLDER...", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Check profile files: schema, and every value against the passage quoted for it. Exit 2 on a problem.

    A FOLDER is every profile in it (*.yaml, *.yml), as `profiles = ["our-profiles"]` in mandatekit.toml
    loads them, and as `rules validate` takes a folder of rules.

    \b
    Examples:
      mandatekit profiles validate our-profiles
      mandatekit profiles validate our-profiles/unmiss-ours.yaml
    """
    from mandatekit.errors import RuleError
    from mandatekit.rulebook import profile_from_file

    problems: list[str] = []
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                problems.append(f"{path}: holds no profile files (*.yaml)")
            files += found
        else:
            files.append(path)
    seen: dict[str, Path] = {}
    for path in files:
        try:
            profile = profile_from_file(path)
        except RuleError as exc:
            problems += exc.problems
            continue
        if profile.id in seen:
            problems.append(
                f"{path}: id '{profile.id}' is also the id of {seen[profile.id].name}: rename one"
            )
        seen.setdefault(profile.id, path)
    if problems:
        raise RuleError(problems)
    click.echo(f"{len(files)} profile{'s' if len(files) != 1 else ''} valid")


@profiles.command()
def schema() -> None:
    """Print the JSON Schema of a profile file, for editors (docs/profile.schema.json)."""
    from mandatekit.rulebook.model import Profile

    click.echo(json.dumps(Profile.model_json_schema(), indent=2))
    sys.stdout.flush()
