"""`mandatekit memo`, `mandatekit annotate`, `mandatekit redline`, `mandatekit template export`: documents that leave the desk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from mandatekit.cli.options import F, memo_head_options, profile_option, rules_option, warn_mission
from mandatekit.errors import MandatekitError, shown

FORMATS = {".docx": "docx", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def _options(f: F) -> F:
    return rules_option(profile_option(f))


@click.command()
@click.argument("draft", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Where to write the memo (.docx, .md or .html). Never the draft itself. "
    "Default: <draft>-gap-analysis.docx (or .md, .html, after --format) in the current folder.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "markdown", "html"]),
    help="Output format (default: from the --output extension).",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Your own template: a .docx with Jinja2 tags, or a .j2 text template "
    "(start from `mandatekit template export`).",
)
@memo_head_options
@_options
def memo(draft: Path, output: Path | None, fmt: str | None, template: Path | None, title: str | None,
         author: str | None, memo_to: str | None, audience: str, rule_dirs: tuple[Path, ...],
         profile: str | None) -> None:  # fmt: skip
    """Write the gap-analysis memo for a draft: summary, scorecard, each gap with the draft's words, why it
    falls short and suggested operative language, and an annex of sources.

    \b
    Examples:
      mandatekit memo draft.docx              (writes draft-gap-analysis.docx here)
      mandatekit memo draft.docx -o memo.docx
      mandatekit memo draft.docx -o memo.docx --author "Delegation of X" --profile unmiss
      mandatekit memo draft.docx --for delegations --author "Our NGO"   (to send outside your office)
      mandatekit memo draft.pdf -o memo.html
    """
    from mandatekit.api import setup as make_setup
    from mandatekit.read import read

    if output is None:  # beside the user's other work, never over the draft (write_memo refuses that)
        suffix = {"markdown": ".md", "html": ".html"}.get(fmt or "docx", ".docx")
        output = Path(f"{draft.stem or 'draft'}-gap-analysis{suffix}")
    setup = make_setup(list(rule_dirs), profile, near=draft)
    document = read(draft)
    report = setup.judge(document)
    warn_mission(report)
    write_memo(draft, report, setup, output, fmt=fmt, template=template, title=title, author=author,
               document=document, memo_to=memo_to, audience=audience)  # fmt: skip


def write_memo(
    draft: Path,
    report: Any,
    setup: Any,
    output: Path,
    fmt: str | None = None,
    template: Path | None = None,
    title: str | None = None,
    author: str | None = None,
    extra: dict[str, Any] | None = None,
    document: Any = None,
    memo_to: str | None = None,
    previous_round: Any = None,
    previous_comparison: Any = None,
    audience: str = "team",
) -> None:
    """Render and write the memo of a judged draft (used by `memo` and `compare -o`; `previous_round`: the
    earlier draft and its report, whose words a fix restores where this round deleted them)."""
    from mandatekit.api import memo_context, render_memo
    from mandatekit.decisions import apply_decisions, decision_files
    from mandatekit.output import note_input, refuse_overwrite, write_atomic

    refuse_overwrite(output, draft)  # first: an output that is the draft is that, whatever its extension
    fmt = fmt or FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise MandatekitError(output, "unknown memo format: name it .docx, .md or .html, or give --format")
    if template is not None:
        note_input(template, "template")
    report = apply_decisions(report, decision_files(draft))
    context = memo_context(report, setup, document, title=title, author=author, memo_to=memo_to, extra=extra,
                           previous_round=previous_round, previous_comparison=previous_comparison,
                           audience=audience)  # fmt: skip
    write_atomic(output, render_memo(context, fmt, template))
    s = report.summary
    click.echo(shown(f"wrote {output}: {s.met} met, {s.partial} partial, {s.missing} missing"), err=True)


def _judge_word_draft(
    command: str,
    suffixes: tuple[str, ...],
    draft: Path,
    output: Path,
    copy: str,
    rule_dirs: tuple[Path, ...],
    profile: str | None,
) -> tuple[Any, Any, Any]:
    """The Document and Report of a Word draft that `annotate` or `redline` will copy to `output`, and the
    judge that re-judges each fix in place: both write into the draft's own XML, so both need a Word draft
    and a Word output that is not the draft."""
    from mandatekit.api import setup as make_setup
    from mandatekit.output import refuse_overwrite
    from mandatekit.read import read

    if not draft.exists():  # before its kind: 'no such file' is what is wrong with a mistyped name
        raise MandatekitError(draft, "no such file")
    if draft.suffix.lower() not in suffixes:
        raise MandatekitError(draft, f"{command} works on Word .docx drafts (use `memo` for other formats)")
    refuse_overwrite(output, draft)  # first: an output that is the draft is that, whatever its extension
    if output.suffix.lower() != ".docx":
        raise MandatekitError(output, f"the {copy} copy must be a .docx file")
    setup = make_setup(list(rule_dirs), profile, near=draft)  # the rules first: a bad rule file is named
    document = read(draft)
    report = setup.judge(document)
    warn_mission(report)
    return document, report, setup.judge


def _word_copy_command(
    copy: str, authored: str, suffix: str
) -> Callable[[Callable[..., Any]], click.Command]:
    """The arguments `annotate` and `redline` share: a Word draft in, a copy of it out (by default
    <draft>-<suffix>.docx in the current folder, as `memo` writes its memo there), an author for what the
    copy adds, and the rule and profile options."""

    def decorate(f: Callable[..., Any]) -> click.Command:
        f = _options(f)
        f = click.option(
            "--author", default="mandatekit", show_default=True, help=f"Author of the {authored}."
        )(f)
        f = click.option(
            "-o",
            "--output",
            type=click.Path(path_type=Path),
            help=f"Where to write the {copy} copy (.docx). Never the draft itself. "
            f"Default: <draft>-{suffix}.docx in the current folder.",
        )(f)
        f = click.argument("draft", type=click.Path(path_type=Path))(f)
        return click.command()(f)

    return decorate


def default_copy(draft: Path, suffix: str) -> Path:
    """Where a Word copy goes without -o: beside the user's other work, named after the draft; never the
    draft itself (refuse_overwrite stands behind that)."""
    return Path(f"{draft.stem or 'draft'}-{suffix}.docx")


@_word_copy_command("reviewed", "review comments", "reviewed")
def annotate(
    draft: Path, output: Path | None, author: str, rule_dirs: tuple[Path, ...], profile: str | None
) -> None:
    """Write a copy of a Word draft with a review comment on the words behind each finding that is not met.

    The draft's own text, numbering, tracked changes and comments are left as they are.

    \b
    Examples:
      mandatekit annotate draft.docx              (writes draft-reviewed.docx here)
      mandatekit annotate draft.docx -o for-the-team.docx
    """
    from mandatekit.output import write_atomic
    from mandatekit.render.annotate import annotate_docx

    output = output or default_copy(draft, "reviewed")
    document, report, judge = _judge_word_draft(
        "annotate", (".docx",), draft, output, "reviewed", rule_dirs, profile
    )
    data, count = annotate_docx(draft, document, report, author, judge=judge)
    write_atomic(output, data)
    click.echo(shown(f"wrote {output}: {count} comments"), err=True)


@_word_copy_command("redlined", "tracked changes", "redline")
@click.option(
    "--previous",
    type=click.Path(path_type=Path),
    help="The previous round of the draft (.docx, .pdf, .txt, .md): where this round deleted what a "
    "recommendation needs, the tracked change puts the previous round's words back.",
)
def redline(
    draft: Path,
    output: Path | None,
    author: str,
    rule_dirs: tuple[Path, ...],
    profile: str | None,
    previous: Path | None,
) -> None:
    """Write a copy of a Word draft with each suggestion as a tracked change, in its place, and a comment.

    A paragraph that falls short is redlined word by word; new language is inserted after the paragraph
    it relates to most, or under the heading on its subject: at the end of a list it takes the next number,
    between two paragraphs '8 bis.' or '(g bis)', so the draft's own numbers never move. Accept All
    in Word gives the clean text; the draft's own tracked changes and comments are left as they are.

    \b
    Examples:
      mandatekit redline draft.docx               (writes draft-redline.docx here)
      mandatekit redline draft.docx -o draft-rev2-proposals.docx
      mandatekit redline rev2.docx --previous rev1.docx
    """
    from mandatekit.output import write_atomic
    from mandatekit.render.redline import redline_docx

    output = output or default_copy(draft, "redline")
    document, report, judge = _judge_word_draft(
        "redline", (".docx", ".docm"), draft, output, "redlined", rule_dirs, profile
    )
    earlier = None
    if previous is not None:
        from mandatekit.read import read

        old = read(previous)  # a missing file: read's one line, 'no such file'
        earlier = (old, judge(old))
    data, count = redline_docx(draft, document, report, author, judge=judge, previous=earlier)
    write_atomic(output, data)
    click.echo(shown(f"wrote {output}: {count} tracked changes with comments"), err=True)


@click.group()
def template() -> None:
    """Export the memo templates to restyle and reword them."""


@template.command("export")
@click.option(
    "-o",
    "--output",
    "folder",
    type=click.Path(path_type=Path),
    default=Path("mandatekit-templates"),
    show_default=True,
    help="Folder to write the templates into.",
)
@click.option("--force", is_flag=True, help="Overwrite templates already in the folder.")
def export(folder: Path, force: bool) -> None:
    """Write the default memo templates (memo.docx, memo.md.j2, memo.html.j2) to start from.

    Edit memo.docx in Word (styles, logo, wording; keep the {{ ... }} and {%p ... %} tags), then
    `mandatekit memo draft.docx -o memo.docx --template mandatekit-templates/memo.docx`.
    """
    from mandatekit.output import write_atomic
    from mandatekit.resources import data_dir

    names = ["memo.docx", "memo.md.j2", "memo.html.j2"]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MandatekitError(folder, f"cannot make this folder ({exc.strerror or exc})") from exc
    existing = [n for n in names if (folder / n).exists() or (folder / n).is_symlink()]
    if existing and not force:
        raise MandatekitError(folder / existing[0], "already exists (use --force to overwrite)")
    for name in names:
        # Atomic, and a symlink in the folder is replaced, never written through to the file it points at.
        write_atomic(folder / name, (data_dir("templates") / name).read_bytes())
        click.echo(shown(f"wrote {folder / name}"))
