"""`mandatekit rules ...`: read, validate, test, scaffold and document the rulebook."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mandatekit.cli.options import F
from mandatekit.errors import MandatekitError, nearest

if TYPE_CHECKING:  # imported when a command runs: `mandatekit --help` stays quick
    from mandatekit.api import Setup
    from mandatekit.rulebook import Rulebook


def rules_dirs_argument(f: F) -> F:
    """--rules DIR (repeatable), as `check`, `memo` and `compare` take it; here it names the folders whose
    rules the command lists, validates, tests or documents. The folders given as arguments (`rules validate
    DIR`, the form of releases up to 0.1) still work, with one line saying to write --rules."""
    f = click.option(
        "--rules",
        "rule_dirs",
        multiple=True,
        type=click.Path(path_type=Path),
        help="A folder of rule files (repeatable): its rules alone. Default: the built-in rules and the "
        "config file's folders.",
    )(f)
    return click.argument("folders", nargs=-1, type=click.Path(path_type=Path), metavar="")(f)


def _folders(command: str, folders: tuple[Path, ...], rule_dirs: tuple[Path, ...]) -> tuple[Path, ...]:
    """The folders named either way; the old positional form says, once, how to write it now."""
    if folders:
        old = " ".join(str(f) for f in folders)
        new = " ".join(f"--rules {f}" for f in folders)
        click.echo(f"mandatekit: warning: `rules {command} {old}` is deprecated and will go: write "
                   f"`rules {command} {new}`, as for check, memo and compare", err=True)  # fmt: skip
    return (*rule_dirs, *folders)


def _load(folders: tuple[Path, ...]) -> Setup:
    """Given folders: those alone. None: the built-in rulebook plus the config file's folders. Examples are
    not run here: the commands that need them run and report them themselves."""
    from mandatekit.api import setup

    if folders:
        return setup(list(folders), builtin=False, examples=False)
    return setup(examples=False)


@click.group()
def rules() -> None:
    """List, validate, test and document rule files.

    Rules are YAML files, one rule per file, in folders (rules/ here; add yours with --rules DIR or
    `rules = [...]` in mandatekit.toml). See docs/writing-rules.md.

    \b
    Examples:
      mandatekit rules new our-rule --dir our-rules
      mandatekit rules validate --rules our-rules
      mandatekit rules test --rules our-rules
      mandatekit check draft.docx --rules our-rules
    """


@rules.command("list")
@rules_dirs_argument
def list_rules(folders: tuple[Path, ...], rule_dirs: tuple[Path, ...]) -> None:
    """One line per rule: id, severity, theme, title; a rule from a folder of yours ends "(from our-rules/)".

    \b
    Examples:
      mandatekit rules list
      mandatekit rules list --rules our-rules
    """
    setup = _load(_folders("list", folders, rule_dirs))
    rules = setup.rulebook.rules
    # columns as wide as their longest value, so a long id or theme never runs into the next column
    id_width = max((len(r.id) for r in rules), default=0)
    theme_width = max((len(r.theme) for r in rules), default=0)
    for rule in rules:
        origin = setup.rulebook.origin(rule.id)
        came = f"  (from {origin})" if origin else ""
        click.echo(
            f"{rule.id:<{id_width}}  {rule.severity.value:<8}  {rule.theme:<{theme_width}}  {rule.title}{came}"
        )


@rules.command()
@click.argument("rule_id")
@click.option(
    "--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path), help="Extra rule folder."
)
def show(rule_id: str, rule_dirs: tuple[Path, ...]) -> None:
    """Show one rule file, with where it comes from."""
    from mandatekit.api import setup

    s = setup(list(rule_dirs), examples=False)
    rule = s.rulebook.get(rule_id)
    if rule is None:
        close = nearest(rule_id, s.rulebook.files)
        raise MandatekitError(
            None, f"no rule with id '{rule_id}' ({close + ' ' if close else ''}see `mandatekit rules list`)"
        )
    path = s.rulebook.files[rule_id]
    click.echo(click.style(f"# {path}", dim=True))
    click.echo(path.read_text(encoding="utf-8"), nl=False)


@rules.command()
@rules_dirs_argument
def validate(folders: tuple[Path, ...], rule_dirs: tuple[Path, ...]) -> None:
    """Check rule files: schema, patterns, sources, placeholders and examples.

    Exit 2 when a file is invalid (it cannot be loaded: one line per problem, naming file and line); exit 1
    when every file is valid but an example gives another verdict than it expects (the rule is wrong, as in
    `rules test`; `check` leaves such a rule out); 0 otherwise. A rule with the id of a built-in one is
    announced: `check` uses it in place of the built-in rule.

    \b
    Examples:
      mandatekit rules validate
      mandatekit rules validate --rules our-rules
    """
    from mandatekit.cli import notices
    from mandatekit.judge.examples import example_failures

    chosen = _folders("validate", folders, rule_dirs)
    setup = _load(chosen)
    notices(setup)
    if chosen:
        _announce_replaced(setup.rulebook)
    failures = example_failures(setup.rulebook, setup.rulebook.rules, setup.profile)
    from mandatekit.rulebook.lint import lint_rule

    for rule in setup.rulebook.rules:  # warnings, not errors: the rule works, but may give a false "met"
        for warning in lint_rule(rule, setup.rulebook.terms):
            line = setup.rulebook.lines[rule.id].get(warning.path, 0)
            click.echo(f"{setup.rulebook.files[rule.id]}:{line}: warning: {warning.message}", err=True)
    if failures:
        for failure in failures:
            click.echo(f"mandatekit: {failure}", err=True)
        n = len(failures)
        click.echo(f"mandatekit: {n} example{'s' * (n != 1)} {'gives' if n == 1 else 'give'} another "
                   "verdict than expected (exit 1, as `rules test`)", err=True)  # fmt: skip
        sys.exit(1)
    n = len(setup.rulebook.rules)
    click.echo(f"{n} rule{'s' * (n != 1)} valid, every example gives its expected verdict")


def _announce_replaced(rulebook: Rulebook) -> None:
    """Validating a folder alone: say which of its rules would replace a built-in rule in `check --rules`,
    as `check` says it (the author wants to hear it now, not at the first check)."""
    from mandatekit.rulebook import load_rulebook

    builtin = load_rulebook([], builtin=True)
    for rule in rulebook.rules:
        if rule.id in builtin.files:
            click.echo(f"mandatekit: note: rule '{rule.id}' from {rulebook.files[rule.id]} replaces the "
                       f"built-in one in {builtin.files[rule.id]}", err=True)  # fmt: skip


@rules.command()
@rules_dirs_argument
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Under each example, the words each element matched and where (a generic word counted as the "
    "action asked, 'including' for 'include', shows here).",
)
def test(folders: tuple[Path, ...], rule_dirs: tuple[Path, ...], verbose: bool) -> None:
    """Run every rule's examples: a line per example, then 'N passed, N failed'.

    Exit 1 when an example gives another verdict than it expects, 2 when a rule file is invalid (as
    `rules validate`), 0 otherwise.

    `check --rules DIR` leaves out a rule whose examples fail, naming its file; this says which fail and why.

    \b
    Examples:
      mandatekit rules test --rules our-rules
      mandatekit rules test -v --rules our-rules   # and the words each element matched
    """
    from mandatekit.judge.examples import run_examples

    setup = _load(_folders("test", folders, rule_dirs))
    passed = failed = 0
    for rule in setup.rulebook.rules:
        for result in run_examples(rule, setup.profile):
            mark = click.style("PASS", fg="green") if result.passed else click.style("FAIL", fg="red")
            click.echo(f"{mark} {result.describe()}")
            if verbose:
                for line in result.matched() or ["no words cited"]:
                    click.echo(f"       {line}")
            passed, failed = passed + result.passed, failed + (not result.passed)
    click.echo(f"{passed} passed, {failed} failed")
    if failed:
        sys.exit(1)


@rules.command()
@click.argument("rule_id")
@click.option(
    "--dir",
    "folder",
    type=click.Path(path_type=Path),
    default=Path("rules"),
    show_default=True,
    help="Folder to write the new rule file in.",
)
def new(rule_id: str, folder: Path) -> None:
    """Write a commented skeleton rule file, ready to fill in; beside it, the first time, a source register
    (_sources.yaml) for the documents your rules encode and the rule schema for editors (rule.schema.json).
    When the folder has a register already, the new rule's recommendation is added under its last source
    (with a "FILL IN:" quote), and the new rule cites that source.

    Each value to choose is written "FILL IN: " and a worked example of what goes there. A file with one
    left is refused by `rules validate`, `rules test` and `check --rules`, naming its line: replace them all.
    The `exclude` block, commented, shows how to rule out a near miss: uncomment it to use it.

    \b
    Examples:
      mandatekit rules new protection-of-journalists --dir our-rules
      mandatekit rules validate --rules our-rules
    """
    import re

    from mandatekit.output import locked, write_together
    from mandatekit.rulebook.model import Rule
    from mandatekit.rulebook.register import REGISTER_NAME
    from mandatekit.rulebook.scaffold import MARK, REGISTER_SKELETON, RULE_SKELETON, with_register_entry

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", rule_id):
        raise MandatekitError(None, f"'{rule_id}' is not a valid id: lower-case letters, digits and hyphens")
    path = folder / f"{rule_id}.yaml"
    if path.exists():
        raise MandatekitError(path, "already exists: choose another id or edit that file")
    folder.mkdir(parents=True, exist_ok=True)
    skeleton = RULE_SKELETON.format(rule_id=rule_id, folder=folder)
    wrote = [str(path)]
    register = folder / REGISTER_NAME
    # The rule cites the register's source: both are written, or neither (`write_together`), the rule first.
    with locked(register):
        files: list[tuple[Path, bytes | str, bool]] = []
        if not register.exists():
            text = REGISTER_SKELETON.format(folder=folder, rule_id_caps=rule_id.upper())
            files.append((register, text, False))
            wrote.append(f"{register} (register the documents your rules cite here)")
        elif (
            added := with_register_entry(current := register.read_text(encoding="utf-8"), rule_id)
        ) is not None:
            # a second rule in the folder: its entry goes under the register's last source, which it cites
            text, source_id = added
            skeleton = skeleton.replace("  - id: our-brief-2026 ", f"  - id: {source_id} ", 1)
            if text != current:
                files.append((register, text, True))
            wrote.append(f"an entry {rule_id.upper()} under source {source_id} in {register}")
        else:
            click.echo(
                f"mandatekit: note: {register} was left as it is (not laid out as `rules new` writes it): add "
                f"the new rule's recommendation under its source by hand: `- id: {rule_id.upper()}` with its "
                "`quote:` and `where:`",
                err=True,
            )
        schema_file = folder / "rule.schema.json"
        if not schema_file.exists():
            files.append((schema_file, json.dumps(Rule.model_json_schema(), indent=2) + "\n", False))
            wrote.append(str(schema_file))
        write_together([(path, skeleton, False), *files])
    click.echo(
        f"wrote {', '.join(wrote)}: replace each '{MARK} ...' with your own words (each is an example of what "
        f"goes there), then run `mandatekit rules validate --rules {folder}`"
    )


@rules.command()
@rules_dirs_argument
def docs(folders: tuple[Path, ...], rule_dirs: tuple[Path, ...]) -> None:
    """Print a Markdown catalogue of the rules and their sources (docs/rules.md).

    \b
    Examples:
      mandatekit rules docs > docs/rules.md
      mandatekit rules docs --rules our-rules > our-rules.md
    """
    from mandatekit.render.text import render_template
    from mandatekit.rulebook import load_sources

    setup = _load(_folders("docs", folders, rule_dirs))
    sources = {s["id"]: s for s in setup.register or load_sources().get("sources", [])}
    click.echo(
        render_template(
            "rules.md.j2", {"rules": setup.rulebook.rules, "sources": sources, "profile": setup.profile}
        ),
        nl=False,
    )


@rules.command()
def coverage() -> None:
    """Check that every recommendation in seeds/sources.yaml is encoded by a rule. Exit 1 on a gap."""
    from mandatekit.api import setup
    from mandatekit.rulebook import load_sources

    rule_ids = {r.id for r in setup().rulebook.rules}
    gaps = 0
    seen: set[str] = set()
    for source in load_sources().get("sources", []):
        for rec in source.get("recommendations", []):
            rec_id = rec["id"].lower()
            if rec_id in seen:
                continue
            seen.add(rec_id)
            ok = rec_id in rule_ids
            gaps += not ok
            mark = click.style("covered", fg="green") if ok else click.style("NO RULE", fg="red")
            click.echo(f"{mark:<8} {rec['id']:<22} {source['id']}")
    click.echo(
        f"{len(seen) - gaps} of {len(seen)} recommendations covered" + (f", {gaps} gaps" if gaps else "")
    )
    if gaps:
        sys.exit(1)


@rules.command()
def schema() -> None:
    """Print the JSON Schema of a rule file, for editors (docs/rule.schema.json)."""
    from mandatekit.rulebook.model import Rule

    click.echo(json.dumps(Rule.model_json_schema(), indent=2))
