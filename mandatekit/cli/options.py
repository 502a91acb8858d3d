"""Options shared by several commands (kept apart so command modules do not import each other)."""

from __future__ import annotations

from pathlib import Path

import click

rules_option = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An extra folder of rule files (repeatable). Same id as a built-in rule replaces it.",
)
profile_option = click.option(
    "--profile",
    metavar="NAME|FILE",
    help="The mission profile filling {mission}, {host_state} ... in suggestions, for every draft: an id "
    "or the mission's acronym (`mandatekit profiles list`), or a profile file. Default: the config file's, else each draft's mission "
    "as its text names it (the generic profile when it names none).",
)


def warn_mission(report: object) -> None:
    """One line on stderr when the chosen profile's mission is not the draft's (the exit status stays)."""
    mission = getattr(report, "mission", None)
    if mission is not None and mission.warning:
        click.echo(f"mandatekit: warning: {mission.warning}", err=True)
