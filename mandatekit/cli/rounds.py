"""Working across rounds of drafting: `mandatekit compare` and `mandatekit decide`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from mandatekit.cli.options import memo_head_options, profile_option, rules_option
from mandatekit.errors import MandatekitError, nearest, shown


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Also write the memo of NEW (.docx, .md or .html) with a 'Since the previous text' section "
    "(its head: --title, --author, --to).",
)
@memo_head_options
@click.option("--fail-on", type=click.Choice(["regression"]), help="Exit 1 if any recommendation regressed.")
@rules_option
@profile_option
def compare(old: Path, new: Path, fmt: str, output: Path | None, title: str | None, author: str | None,
            memo_to: str | None, audience: str, fail_on: str | None, rule_dirs: tuple[Path, ...], profile: str | None) -> None:  # fmt: skip
    """What did we gain, what did we lose? Compare two rounds of a draft, recommendation by recommendation.

    Regressions come first, then the recommendations whose verdict held though the round took the words that
    carried it, labelled "evidence lost" (deleted or cut), "evidence weakened" (a weaker verb, a hedge added)
    or "evidence bracketed". For the paragraphs that carry the evidence, a word-level diff shows what changed,
    matched across the drafts even when paragraphs were renumbered or moved. Last, "Operative verbs
    weakened" lists every operative paragraph whose verb the round weakened, cited by a recommendation or not.

    \b
    Examples:
      mandatekit compare zero-draft.docx rev1.docx
      mandatekit compare rev1.docx rev2.docx -o memo.docx --fail-on regression
      mandatekit compare rev1.docx rev2.docx -o memo.docx --author "Delegation of X" --to "Penholder"

    --title, --author and --to head the memo -o writes, as they do for `mandatekit memo`.
    """
    from mandatekit.api import setup as make_setup
    from mandatekit.compare import compare as compare_drafts
    from mandatekit.read import read
    from mandatekit.render.compare import render_comparison_markdown, render_comparison_table

    given = [
        name
        for name, value in (
            ("--title", title),
            ("--author", author),
            ("--to", memo_to),
            ("--for", audience != "team"),
        )
        if value
    ]
    if given and output is None:
        raise MandatekitError(
            None, f"{', '.join(given)} head the memo: give -o memo.docx (or .md, .html) too"
        )
    if output is not None:
        from mandatekit.output import refuse_overwrite

        refuse_overwrite(output, old, new)  # before the work, not after it
    setup = make_setup(list(rule_dirs), profile, near=new)
    old_doc, new_doc = read(old), read(new)
    old_report, new_report = setup.judge(old_doc), setup.judge(new_doc)
    comparison = compare_drafts(old_doc, old_report, new_doc, new_report, setup.rule_versions(old_doc))
    if fmt == "json":
        click.echo(shown(json.dumps(comparison.model_dump(mode="json"), indent=2, ensure_ascii=False)))
    elif fmt == "markdown":
        click.echo(shown(render_comparison_markdown(comparison)), nl=False)
    else:
        click.echo(render_comparison_table(comparison), nl=False)
    if output is not None:
        from mandatekit.cli.memo import write_memo
        from mandatekit.render.compare import previous_context

        write_memo(new, new_report, setup, output, title=title, author=author, memo_to=memo_to,
                   extra={"previous": previous_context(comparison)}, document=new_doc,
                   previous_round=(old_doc, old_report), previous_comparison=comparison,
                   audience=audience)  # fmt: skip
    if fail_on == "regression" and comparison.summary.regressed:
        sys.exit(1)


@click.command()
@click.argument("rule_id")
@click.option(
    "--as",
    "decision",
    required=True,
    type=click.Choice(["accepted", "not-applicable", "met", "partial", "missing"]),
    help="accepted (as it stands), not-applicable, or the verdict you judge it to be.",
)
@click.option("--why", required=True, help="The justification, in a sentence or two.")
@click.option("--by", "who", help="Who decided (default: your user name).")
@click.option(
    "--draft",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="The draft it applies to: recorded with the tool's verdict and evidence, in "
    "<draft>.decisions.yaml beside it, so a later change is flagged. It also applies to the draft's later "
    "rounds in that folder (the same symbol, or the same title where one has no symbol), which say so. "
    "Without it the decision goes to mandatekit-decisions.yaml here and applies to every draft in this folder.",
)
@rules_option
@profile_option
def decide(rule_id: str, decision: str, why: str, who: str | None, draft: Path | None,
           rule_dirs: tuple[Path, ...], profile: str | None) -> None:  # fmt: skip
    """Record a drafter's decision on a finding: shown beside the tool's verdict in checks and memos.

    A decision taken on a draft (--draft rev1.docx) follows it to its later rounds in the same folder
    (rev2.docx): files with the same symbol, or, where one has no symbol, the same title naming the subject.
    A draft with another symbol does not take it. A decision that followed says where it was taken:
    "[decided on rev1.docx: ...]".

    \b
    Examples:
      mandatekit decide poc-policy --as not-applicable --why "Policy cited in the mission concept" --draft rev2.docx
      mandatekit decide ssr-vetting --as accepted --why "Left to the SSR resolution" --by "Penholder team"
    """
    from mandatekit.api import setup as make_setup
    from mandatekit.decisions import PROJECT_FILE, Decision, decider, record, today
    from mandatekit.read import read

    if not why.strip():
        raise MandatekitError(None, "--why: give the justification in a sentence or two")
    setup = make_setup(list(rule_dirs), profile, near=draft)
    if setup.rulebook.get(rule_id) is None:
        close = nearest(rule_id, setup.rulebook.files)
        raise MandatekitError(
            None, f"no rule with id '{rule_id}' ({close + ' ' if close else ''}see `mandatekit rules list`)"
        )
    verdict, evidence, target, scope = None, [], Path(PROJECT_FILE), None
    symbol = title = judged_under = None
    if draft is not None:
        document = read(draft)
        report = setup.judge(document, only=[rule_id])
        finding, judged_under = report.findings[0], report.profile
        verdict, evidence = finding.verdict, finding.refs
        target, scope = draft.with_name(f"{draft.stem}.decisions.yaml"), draft.name
        symbol, title = document.front.symbol, document.front.title  # the next revision is matched by these
    entry = Decision(rule=rule_id, decision=decision, why=why, by=who or decider(), date=today(),  # type: ignore[arg-type]
                     draft=scope, verdict=verdict, evidence=evidence, symbol=symbol, title=title,
                     profile=judged_under)  # fmt: skip
    record(target, entry)  # write_atomic refuses a target that is the draft (a symlink, a hard link)
    said = f" (the tool says {verdict.value})" if verdict else ""
    click.echo(shown(f"recorded in {target}: {rule_id} → {decision}{said}"))
