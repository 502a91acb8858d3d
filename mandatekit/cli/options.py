"""Options shared by several commands (kept apart so command modules do not import each other)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])  # a command function, as a click decorator returns it

rules_option = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An extra folder of rule files (repeatable). Same id as a built-in rule replaces it. A rule whose "
    "own examples do not give their verdicts is left out, with one warning naming its file "
    "(`mandatekit rules test --rules DIR` says which example fails).",
)
profile_option = click.option(
    "--profile",
    metavar="NAME|FILE",
    help="The mission profile filling {mission}, {host_state} ... in suggestions, for every draft: an id "
    "or the mission's acronym (`mandatekit profiles list`), or a profile file. Default: the config file's, else "
    "each draft's mission as its text names it (the generic profile, a peacekeeping operation's language, when "
    "it names none). For a political mission no profile names: generic-political (it monitors, reports and "
    "uses its good offices; no protection by force); for a ceasefire observation or buffer-zone mission: "
    "generic-observer (no protection of civilians mandate); for a text with no mission (sanctions, thematic): "
    "no-mission (the asks go to the parties, the Member States and the Secretary-General).",
)


def memo_head_options(f: F) -> F:
    """--title, --author, --to and --for: the memo head and its readers, for every command that writes a memo
    (`memo`, `compare -o`), with one meaning (the web page's memo fields are the same). The command receives
    them as `title`, `author`, `memo_to` and `audience`."""
    f = click.option(
        "--for",
        "audience",
        type=click.Choice(["team", "delegations"]),
        default="team",
        show_default=True,
        help="Who reads the memo. 'team': your own office, with where each recommendation was written (the "
        "Mission note, 'Recommended for X's renewal' lines, the sources annex with their quotes) and the "
        "decisions trail. 'delegations': readers outside it, to send as it is: no file name, no tool's notes, "
        "no source written for another mission cited or quoted (one neutral sources note instead), addressed "
        "to 'Security Council delegations' unless --to says otherwise.",
    )(f)
    f = click.option(
        "--to",
        "memo_to",
        help="Who the memo is for (memo head; default: 'The drafting team', with --for delegations "
        "'Security Council delegations').",
    )(f)
    f = click.option(
        "--author",
        help="Who the memo is from (memo head and document properties). Without it the memo head reads "
        "'[Your name]', for the sender to fill in.",
    )(f)
    return click.option("--title", help="Memo title (default: 'Gap analysis: <symbol>').")(f)


def warn_mission(report: object) -> None:
    """One line on stderr when the chosen profile's mission is not the draft's (the exit status stays)."""
    mission = getattr(report, "mission", None)
    if mission is not None and mission.warning:
        click.echo(f"mandatekit: warning: {mission.warning}", err=True)
