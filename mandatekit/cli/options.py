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
    help="Mission profile filling {mission}, {host_state} ... in suggestions (default: minusca, or the config file's).",
)
