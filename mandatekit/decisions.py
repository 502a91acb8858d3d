"""Drafter decisions: a finding accepted as it stands, not applicable, or judged differently — with a written
justification and who decided. Kept in a small YAML file beside the draft:

    <draft>.decisions.yaml        decisions for that draft and its later revisions (recorded with its
                                  verdict, evidence, symbol and title)
    mandatekit-decisions.yaml     decisions for every draft in the folder

A revision is another file in the same folder holding the same text in a later round: the same symbol
(S/2026/900), or, where either file has no symbol, the same title naming the subject (not a bare "Draft
resolution"). Each round of a draft gets its own file name (rev1.docx, rev2.docx), so a decision taken on
one round follows to the next, and says so ("decided on rev1.docx, same symbol S/2026/900"). A draft with
another symbol is another text and does not take it.

Decisions are shown beside the tool's own verdict, never instead of it. A decision whose rule no longer
exists, or whose rule now gives another verdict or finds new evidence, is flagged for another look."""

from __future__ import annotations

import errno
import os
from collections.abc import Collection
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mandatekit.clock import now
from mandatekit.errors import MandatekitError, shown
from mandatekit.factories import empty_list
from mandatekit.judge import AppliedDecision, Finding, Report
from mandatekit.rulebook import Verdict

DecisionKind = Literal["accepted", "not-applicable", "met", "partial", "missing"]
PROJECT_FILE = "mandatekit-decisions.yaml"
# As pathlib's is_file ignores them; and a name too long for the system is a file that cannot exist.
_NO_SUCH_FILE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP, errno.ENAMETOOLONG)
MAX_DECISIONS_BYTES = 1024 * 1024  # a thousand decisions of a long paragraph each
HEADER = """\
# Drafter decisions, recorded with `mandatekit decide` (or by hand). mandatekit shows each one beside its
# own verdict and flags it when the rule or the draft has changed since. decision: accepted |
# not-applicable | met | partial | missing (judged differently).
"""


class Decision(BaseModel):
    """One decision. Its words come from a file anyone may have edited: what a terminal would act on (an
    escape sequence in 'why') is kept as its visible escape, so no output prints it raw."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("why", "by", "date", "draft", "rule", "symbol", "title", mode="before")
    @classmethod
    def _visible(cls, value: object) -> object:
        return shown(value) if isinstance(value, str) else value

    rule: str
    decision: DecisionKind
    why: str = Field(min_length=1)
    by: str
    date: str
    draft: str | None = Field(None, description="File name or symbol of the draft it applies to; none: all")
    symbol: str | None = Field(None, description="The draft's symbol when decided: later revisions follow it")
    title: str | None = Field(None, description="The draft's title when decided: later revisions follow it")
    profile: str | None = Field(None, description="The mission profile it was judged under: it stays there")
    verdict: Verdict | None = Field(None, description="The tool's verdict when the decision was taken")
    evidence: list[str] = Field(default_factory=empty_list, description="Paragraphs of the evidence then")


_SIBLINGS: dict[tuple[str, int], list[str]] = {}  # (folder, its mtime) → its *.decisions.yaml, listed once


def _sibling_files(draft: Path) -> list[Path]:
    """The decisions files of the other drafts in the folder (earlier revisions): their decisions follow
    this draft when it has the same symbol or title. The folder is listed once while it is unchanged, so a
    folder of drafts costs one listing, not one per draft."""
    folder = draft.parent
    try:
        key = (str(folder), os.stat(folder).st_mtime_ns)
    except (OSError, ValueError):
        return []
    names = _SIBLINGS.get(key)
    if names is None:
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(".decisions.yaml"))
        except OSError:
            names = []
        if len(_SIBLINGS) > 64:
            _SIBLINGS.clear()
        _SIBLINGS[key] = names
    own = f"{draft.stem}.decisions.yaml"
    return [folder / n for n in names if n != own]


def decision_files(draft: Path) -> list[Path]:
    """Project file first, then the other drafts' (earlier revisions), then the draft's own: the draft's
    decisions win for the same rule."""
    candidates = [
        draft.parent / PROJECT_FILE,
        *_sibling_files(draft),
        draft.with_name(f"{draft.stem}.decisions.yaml"),
    ]
    found = []
    for path in candidates:
        # One stat per candidate, as `Path.is_dir` and `Path.is_file` would each do (errors alike): most
        # drafts have neither file, and a folder of them should pay next to nothing for asking.
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            if exc.errno in _NO_SUCH_FILE:
                continue
            raise
        except ValueError:  # a path the system cannot name (a NUL byte): no such file
            continue
        if S_ISDIR(mode):
            raise MandatekitError(path, "is a folder, not a decisions file: rename or remove it")
        if not S_ISREG(mode):
            raise MandatekitError(path, "is not a regular file (a FIFO, a device?): rename or remove it")
        from mandatekit.output import note_input

        note_input(path, "decisions file")
        found.append(path)
    return found


def _read_text(path: Path) -> str:
    """The text of a decisions file: a regular file (opened without waiting, so a FIFO put in its place
    cannot hang the command) of at most MAX_DECISIONS_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise MandatekitError(path, f"cannot be read ({exc.strerror or exc})") from exc
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if S_ISDIR(st.st_mode):
            raise MandatekitError(path, "is a folder, not a decisions file: rename or remove it")
        if not S_ISREG(st.st_mode):
            raise MandatekitError(path, "is not a regular file (a FIFO, a device?): rename or remove it")
        if st.st_size > MAX_DECISIONS_BYTES:
            raise MandatekitError(
                path,
                f"is {st.st_size / 1048576:.1f} MB, over the 1 MB limit for a decisions file: "
                "it holds more than any drafting team records",
            )
        data = handle.read(MAX_DECISIONS_BYTES + 1)
    if len(data) > MAX_DECISIONS_BYTES:  # grew while being read
        raise MandatekitError(path, "is over the 1 MB limit for a decisions file")
    return data.decode("utf-8")


def load_decisions(path: Path) -> list[Decision]:
    import yaml  # only when there is a decisions file: most checks have none

    from mandatekit.rulebook.files import parse_yaml_data
    from mandatekit.rulebook.yamlfile import where_it_starts

    text = ""
    try:
        text = _read_text(path)
        data = parse_yaml_data(text) or {}
    except OSError as exc:
        raise MandatekitError(path, f"cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise MandatekitError(path, "is not a decisions file: it is not UTF-8 text") from exc
    except yaml.YAMLError as exc:
        line, problem = where_it_starts(text, exc)
        raise MandatekitError(path, f"invalid YAML{f' at line {line}' if line else ''}: {problem}") from exc
    items = data.get("decisions", []) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise MandatekitError(path, "a decisions file holds 'decisions:' followed by a list")
    try:
        return [Decision.model_validate(item) for item in items]
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise MandatekitError(path, f"invalid decision ({where}: {err['msg']})") from exc


# Words every draft's title may hold: a title of these alone ("Draft resolution", "Renewal of the mandate")
# names no particular text, and two drafts sharing it are not thereby revisions of one another.
_TITLE_COMMON = frozenset(
    {"a", "an", "and", "draft", "extension", "for", "in", "mandate", "mission", "of", "on", "operation"}
    | {"peacekeeping", "renewal", "res", "resolution", "revised", "rev", "s", "security", "council", "the"}
    | {"to", "united", "nations"}
)


def _specific(title: str) -> bool:
    import re

    return any(w not in _TITLE_COMMON for w in re.findall(r"[^\W\d_]+", title.casefold()))


def placeholder(symbol: str | None) -> bool:
    """Whether a symbol is a penholder's placeholder ('S/2023/xxx', 'S/2023/…', 'S/2023/____'): a real
    document number ends in digits, a placeholder's last part has none. Drafts of several missions carry the
    same placeholder, so it names no draft."""
    if not symbol:
        return False
    return not any(c.isdigit() for c in symbol.rstrip().rsplit("/", 1)[-1])


def _reaches(decision: Decision, report: Report) -> str | None:
    """Whether a decision applies to this draft, and how: '' when it was taken on this draft (or on every
    draft in the folder); when it was taken on another file, why that file is an earlier revision of this
    draft (the same symbol; or, where either lacks a symbol, the same specific title); None when it does
    not apply. Two symbols that differ are two drafts, whatever their titles; a placeholder symbol
    ('S/2023/xxx') links no drafts; a decision taken under one mission's profile never reaches a draft
    judged under another's."""
    if decision.profile and report.profile and decision.profile != report.profile:
        return None  # another mission's judgement, whatever the file or symbol
    if decision.draft is None:
        return ""
    doc = report.document
    symbol = None if placeholder(doc.symbol) else doc.symbol
    names = {Path(doc.path).name if doc.path else None, Path(doc.path).stem if doc.path else None, symbol}
    if decision.draft in names:
        return ""
    theirs = None if placeholder(decision.symbol) else decision.symbol
    if theirs and symbol:
        return f"same symbol {symbol}" if theirs == symbol else None
    if decision.title and decision.title == doc.title and _specific(doc.title):
        return f"same title “{doc.title}”"
    return None


def _staleness(decision: Decision, finding: Finding) -> str | None:
    if decision.verdict is not None and decision.verdict is not finding.verdict:
        return f"the tool now says {finding.verdict.value} (it said {decision.verdict.value} when this was decided)"
    if decision.verdict is not None:
        new = [ref for ref in finding.refs if ref not in decision.evidence]
        if new:
            return f"the rule now finds new evidence in {', '.join(new)}"
    return None


def apply_decisions(report: Report, files: list[Path], rules: Collection[str] | None = None) -> Report:
    """The report with each applicable decision beside its finding; decisions naming rules that no longer
    exist become warnings. `rules`: every rule the rulebook holds, when the report judged only some of them
    (`check --only`): a decision on one of the others is left aside, not called a rule that no longer exists."""
    if not files:  # no decisions: the report as it is (a folder of drafts mostly has none)
        return report
    findings = {f.rule: f for f in report.findings}
    chosen: dict[str, tuple[Decision, Path, str | None]] = {}
    warnings = list(report.warnings)
    doc_path = Path(report.document.path) if report.document.path else None
    own = {PROJECT_FILE, f"{doc_path.stem}.decisions.yaml" if doc_path else PROJECT_FILE}
    for path in files:
        sibling = path.name not in own  # another draft's file: only decisions that follow this draft
        try:
            decisions = load_decisions(path)
        except MandatekitError as exc:
            if not sibling:
                raise
            warnings.append(f"{exc} (another draft's decisions file: skipped)")
            continue
        for decision in decisions:
            how = _reaches(decision, report)
            if how is None or (sibling and decision.draft is None):
                continue
            if decision.rule not in findings:
                if rules is not None and decision.rule in rules:
                    continue  # a rule this run did not judge
                warnings.append(
                    f"{path}: the decision on '{decision.rule}' names a rule that no longer exists: "
                    "look at it again"
                )
                continue
            chosen[decision.rule] = (decision, path, how)
    updated = []
    for f in report.findings:
        if f.rule in chosen:
            decision, path, how = chosen[f.rule]
            applied = AppliedDecision(
                decision=decision.decision,
                why=decision.why,
                by=decision.by,
                date=decision.date,
                source=str(path),
                decided_on=decision.draft if how else None,
                matched_by=how or None,
                stale=_staleness(decision, f),
            )
            f = f.model_copy(update={"decision": applied})
        updated.append(f)
    return report.model_copy(update={"findings": updated, "warnings": warnings})


def record(path: Path, decision: Decision) -> None:
    """Add a decision to a decisions file, replacing an earlier one on the same rule and draft."""
    import yaml

    from mandatekit.output import locked, write_atomic

    try:
        os.lstat(path)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:  # a legal draft name, plus '.decisions.yaml', may be too long
            raise MandatekitError(
                path,
                "cannot be written: the name is too long for the file system (rename the draft to a shorter "
                "name, or leave out --draft to record the decision for the folder)",
            ) from exc
    with locked(path):  # concurrent `decide` runs on one file each add their decision
        existing = load_decisions(path) if path.exists() or path.is_symlink() else []
        kept = [d for d in existing if (d.rule, d.draft) != (decision.rule, decision.draft)]
        payload = {"decisions": [d.model_dump(mode="json", exclude_none=True) for d in [*kept, decision]]}
        write_atomic(path, HEADER + yaml.safe_dump(payload, sort_keys=False, allow_unicode=True, width=100))


def today() -> str:
    return now().date().isoformat()


def decider() -> str:
    """Who records a decision when --by does not say: the login name, as getpass finds it (LOGNAME, USER,
    LNAME, USERNAME, then the account entry of the user id). A process run under a user id with no account
    entry (a container's arbitrary uid) and none of those variables is told to name itself."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError) as exc:  # no passwd entry: KeyError, OSError from Python 3.13
        uid = getattr(os, "getuid", lambda: "?")()
        raise MandatekitError(
            None,
            f"cannot tell who decides: USER and LOGNAME are not set and user id {uid} has no account entry: "
            "pass --by NAME (or set USER)",
        ) from exc
