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
    {courts} and {armed_groups} in suggestions. Each draft gets the profile of the mission it names; one that
    names none gets the generic profile. Add yours with `profiles = ["our-profiles"]` in mandatekit.toml, or
    use one file with --profile our-mission.yaml. Schema: docs/profiles.md.
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
    """One line per profile: id, mission, host country, values filled from resolutions."""
    for profile in sorted(_profiles().values(), key=lambda p: (p.mission is None, p.id)):
        filled = sum(1 for k, v in profile.values.items() if v and k != "mission")
        sourced = len(profile.value_sources)
        click.echo(
            f"{profile.id:<10} {profile.mission or '—':<21} {profile.country or '—':<33} "
            f"{filled} values, {sourced} from resolutions"
        )


@profiles.command()
@click.argument("name", metavar="NAME|FILE")
def show(name: str) -> None:
    """A profile's values, each with the resolution it comes from."""
    from mandatekit.api import resolve_profile

    profile = resolve_profile(name, _profiles())
    click.echo(f"{profile.id}: {profile.name}")
    if profile.mission:
        click.echo(f"  found in a draft by: {', '.join([profile.mission, *profile.names])}")
    if profile.country:
        click.echo(f"  host country: {', '.join([profile.country, *profile.country_names])}")
    filled = profile.filled_values()
    for key, value in filled.items():
        own = profile.values.get(key, "")
        source = profile.value_sources.get(key)
        where = f"  [{source.resolution}]" if source else ("" if own else "  (general terms: no value given)")
        click.echo(f"  {{{key}}}: {value}{where}")


@profiles.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check profile files: schema, and every value against the passage quoted for it. Exit 2 on a problem."""
    from mandatekit.errors import RuleError
    from mandatekit.rulebook import profile_from_file

    problems: list[str] = []
    for path in files:
        try:
            profile_from_file(path)
        except RuleError as exc:
            problems += exc.problems
    if problems:
        raise RuleError(problems)
    click.echo(f"{len(files)} profile{'s' if len(files) != 1 else ''} valid")


@profiles.command()
def schema() -> None:
    """Print the JSON Schema of a profile file, for editors (docs/profile.schema.json)."""
    from mandatekit.rulebook.model import Profile

    click.echo(json.dumps(Profile.model_json_schema(), indent=2))
    sys.stdout.flush()
