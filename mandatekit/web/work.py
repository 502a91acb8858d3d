"""The command line's stages run on uploaded drafts: read → judge → decisions → render, and the same writers.

Readers and the Word writers open files, so an upload is put, for the time of one call, in a private
temporary folder (mode 0700, removed afterwards) under a name of our own (`draft.docx`): no name or path
from the client is ever used on disk. Messages name the file as the user called it, as the command line
would. A draft's decisions live in the server's decisions folder exactly as `mandatekit decide --draft`
keeps them beside a draft of that name: `<folder>/<name>.decisions.yaml` and
`<folder>/mandatekit-decisions.yaml`.
"""

from __future__ import annotations

import re
import tempfile
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mandatekit.api import Setup, setup
from mandatekit.errors import MandatekitError, one_line, unexpected
from mandatekit.web.store import Draft

if TYPE_CHECKING:  # for the type hints only
    from mandatekit.judge import Report
    from mandatekit.read import Document

WEB_CHOICE = "in the profile menu"  # how the page's outputs say who chose the profile ("Chosen in ...")
DECISIONS = ("accepted", "not-applicable", "met", "partial", "missing")  # as `mandatekit decide --as`
MAX_JUDGED = 32
MAX_JUDGED_BYTES = 32 * 1024 * 1024  # of the drafts' own bytes: their models take some ten times more
MAX_CONTEXTS = 8  # memo contexts kept: the result page's and the memo downloads' (each ~ a judged draft)
# Past this many characters of text, a draft's result page is shown before its suggestions are placed, and
# the page's script asks for the places (placing them judges the draft again with each fix: on S/RES/2231's
# 212 KB, ~0.4 s of a fresh page's ~0.5 s). Below it the page waits for them: they come in a blink.
PLACE_LATER_CHARS = 100_000
DETECT = ""  # the profile "chosen" when none is: each draft's mission is told from its text  # judged drafts kept for their next page or download (each ~1-5 MB of models)
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,12}")


class Failure(Exception):
    """A draft or a request the page cannot work with: one line for the user, and the HTTP status."""

    def __init__(self, line: str, status: int = 400) -> None:
        super().__init__(line)
        self.line, self.status = line, status


def plain_name(filename: str | None, fallback: str) -> str:
    """The last part of a client's file name, reduced to letters, digits and ' ._-()': shown to the user and
    naming the draft's decisions file (inside the decisions folder, never beside it)."""
    base = unicodedata.normalize("NFC", (filename or "").replace("\\", "/").rsplit("/", 1)[-1])
    kept = "".join(ch if ch.isalnum() or ch in " ._-()" else "-" for ch in base).strip(" .")
    return kept[-120:].lstrip(" .") or fallback


@contextmanager
def on_disk(draft: Draft) -> Iterator[Path]:
    """The draft's bytes as a file in a private temporary folder, removed when the block ends. The file is
    named `draft` plus the upload's suffix, which the reader needs (a `.doc` is told to save as .docx)."""
    suffix = Path(draft.name).suffix
    with tempfile.TemporaryDirectory(prefix="mandatekit-web-") as folder:  # mkdtemp: mode 0700
        path = Path(folder) / f"draft{suffix if _SUFFIX.fullmatch(suffix) else ''}"
        path.write_bytes(draft.data)
        yield path


def _failure(exc: Exception, path: Path, name: str) -> Failure:
    """The command line's line for this error, naming the upload instead of the temporary file."""
    from mandatekit.errors import forget_failure

    line = exc.line() if isinstance(exc, MandatekitError) else unexpected(exc)
    forget_failure()
    return Failure(one_line(line).replace(str(path), name))


class Workshop:
    """The stages as the server runs them: a Setup per profile, loaded once; judged drafts kept (bounded,
    least recently used forgotten) by their bytes, name and profile, so that a draft's pages and downloads
    read and judge it once."""

    def __init__(
        self,
        decisions: Path,
        rule_dirs: list[Path] | None = None,
        profile: str | None = None,
        place_later_chars: int = PLACE_LATER_CHARS,
    ) -> None:
        from mandatekit.config import load_config
        from mandatekit.rulebook import load_profiles

        self.decisions = decisions
        self.place_later_chars = place_later_chars
        self.rule_dirs = list(rule_dirs or [])
        config = load_config()
        self.profiles = {p.id: p.name for p in load_profiles(config.profiles).values()}
        self.default_profile = profile or config.profile or DETECT
        self._setups: dict[str, Setup] = {}
        self._judged: OrderedDict[tuple[str, str, str], tuple[Any, Any, int]] = OrderedDict()
        self._judged_bytes = 0
        self._contexts: OrderedDict[tuple[Any, ...], tuple[dict[str, Any], Any, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.setup(self.default_profile)  # a bad rule folder or profile stops the server before it starts

    def setup(self, profile: str | None) -> Setup:
        """The Setup for a profile id, or for DETECT (each draft's mission told from its text). Only the ids
        of the profiles found when the server started: never a path from the client."""
        wanted = self.default_profile if profile is None else profile
        if wanted != DETECT and wanted not in self.profiles:
            raise Failure(f"unknown profile '{wanted}' (available: {', '.join(sorted(self.profiles))})")
        with self._lock:
            if wanted not in self._setups:
                made = setup(self.rule_dirs, wanted or None)
                if made.chosen is not None:  # a web user chose it in the page's menu, never typed a flag
                    made.chosen = WEB_CHOICE
                self._setups[wanted] = made
            return self._setups[wanted]

    def judge(self, draft: Draft, profile: str | None) -> tuple[Any, Any]:
        """The Document and Report of a draft, without decisions (as `annotate` and `redline` use them)."""
        from mandatekit.output import forget_inputs
        from mandatekit.read import read

        setup_ = self.setup(profile)
        key = (draft.digest, draft.name, profile or "")
        with self._lock:
            if key in self._judged:
                self._judged.move_to_end(key)
                document, report, _ = self._judged[key]
                return document, report
        with on_disk(draft) as path:
            try:
                document = read(path).model_copy(update={"path": draft.name})
                report = setup_.judge(document)
            except Exception as exc:
                raise _failure(exc, path, draft.name) from exc
            finally:
                forget_inputs()
        with self._lock:
            if key not in self._judged:
                self._judged[key] = (document, report, len(draft.data))
                self._judged_bytes += len(draft.data)
            while len(self._judged) > 1 and (
                len(self._judged) > MAX_JUDGED or self._judged_bytes > MAX_JUDGED_BYTES
            ):
                self._judged_bytes -= self._judged.popitem(last=False)[1][2]
        return document, report

    def decided(self, report: Any) -> Any:
        """The report with the decisions recorded for a draft of its name (as `check` shows it)."""
        from mandatekit.decisions import apply_decisions, decision_files
        from mandatekit.output import forget_inputs

        try:
            return apply_decisions(report, decision_files(self.decisions / report.document.path))
        except MandatekitError as exc:
            raise Failure(one_line(exc.line()), 500) from exc
        finally:
            forget_inputs()

    def context(self, draft: Draft, profile: str | None) -> tuple[dict[str, Any], Any, Any]:
        """The memo's context for a draft as decided now, with its Document and decided Report: what the result
        page shows and the memo downloads write. Placing the fixes re-judges the draft once for each (by far
        the dearest stage on a long resolution), so it is worked out once and kept (a few, least recently used
        forgotten) while the draft's decisions files stay as they are. Readers never change a context."""
        from mandatekit.api import memo_context

        key = (draft.digest, draft.name, profile or "", self.decisions_state(draft.name))
        with self._lock:
            if key in self._contexts:
                self._contexts.move_to_end(key)
                return self._contexts[key]
        document, report = self.judge(draft, profile)
        report = self.decided(report)
        made = (memo_context(report, self.setup(profile), document), document, report)
        with self._lock:
            self._contexts[key] = made
            while len(self._contexts) > MAX_CONTEXTS:
                self._contexts.popitem(last=False)
        return made

    def kept_context(self, draft: Draft, profile: str | None) -> tuple[dict[str, Any], Any, Any] | None:
        """The memo context of `context`, if it is worked out and kept: None if it would be worked out now."""
        key = (draft.digest, draft.name, profile or "", self.decisions_state(draft.name))
        with self._lock:
            return self._contexts.get(key)

    def context_before_places(
        self, draft: Draft, profile: str | None
    ) -> tuple[dict[str, Any], Any, Any] | None:
        """For a draft long enough that placing its suggestions takes a while (and not placed yet), the memo
        context without the places (`memo_context(place_fixes=False)`): the page comes first, the places
        after. None: the page waits for the places."""
        from mandatekit.api import memo_context

        if self.kept_context(draft, profile) is not None:
            return None
        document, report = self.judge(draft, profile)
        if sum(len(p.text) for p in document.paragraphs) <= self.place_later_chars:
            return None
        report = self.decided(report)
        return memo_context(report, self.setup(profile), document, place_fixes=False), document, report

    def decisions_state(self, name: str) -> tuple[tuple[int, int, int] | None, ...]:
        """What the decisions files of a draft of this name are now (two stats): a page shown with them is
        shown again only while they stay as they are."""
        from mandatekit.decisions import PROJECT_FILE

        state = []
        for path in (self.decisions / PROJECT_FILE, self.decisions / f"{Path(name).stem}.decisions.yaml"):
            try:
                st = path.stat()
                state.append((st.st_mtime_ns, st.st_size, st.st_ino))
            except OSError:
                state.append(None)
        return tuple(state)

    # The downloads: what `check --format json|csv`, `memo`, `redline` and `annotate` write for this draft.

    def json(
        self,
        report: Report,
        document: Document | None = None,
        profile: str | None = None,
        draft: Draft | None = None,
    ) -> bytes:
        """`check --format json`, each gap's `fix` placed as the memo places it (given the `document`): as the
        result page's kept memo context placed them, if it is kept for the `draft` (not placed again)."""
        from mandatekit.errors import shown
        from mandatekit.render import render_json

        if document is not None:
            from mandatekit.render.fixes import with_fixes

            kept = self.kept_context(draft, profile) if draft is not None else None
            placed = kept[0].get("placed") if kept is not None and kept[1] is document else None
            report = with_fixes(report, document, self.setup(profile).judge, placed)
        return (shown(render_json([self.decided(report)])) + "\n").encode("utf-8")

    def csv(self, report: Report) -> bytes:
        from mandatekit.errors import shown
        from mandatekit.render.matrix import render_csv

        return shown(render_csv([self.decided(report)])).encode("utf-8")

    def memo(self, draft: Draft, profile: str | None, fmt: str = "docx", previous: Any = None,
             earlier: Draft | None = None, comparison: Any = None,
             head: dict[str, str] | None = None) -> bytes:  # fmt: skip
        """The memo of `draft`; with `previous` (a comparison's context) and the `earlier` draft, the memo
        `compare -o` writes: its fixes restore what the round deleted (render/restore.py), by the
        `comparison` of the two already made. `head`: memo_to, author and audience, as `memo` takes them."""
        from mandatekit.api import memo_context, render_memo
        from mandatekit.render.memo import addressed

        if previous is None:
            context = self.context(draft, profile)[0]  # the one the result page showed
        else:
            document, report = self.judge(draft, profile)
            before = self.judge(earlier, profile) if earlier is not None else None
            context = memo_context(report=self.decided(report), setup=self.setup(profile), document=document,
                                   extra={"previous": previous}, previous_round=before,
                                   previous_comparison=comparison)  # fmt: skip
        if head:
            context = addressed(context, **head)  # type: ignore[arg-type]
        data = render_memo(context, fmt)
        return data.encode("utf-8") if isinstance(data, str) else data

    def word_copy(self, draft: Draft, profile: str | None, kind: str) -> bytes:
        """The redlined draft (`kind` 'redline') or the draft with comments ('annotate'), as the command line
        writes them with the default author."""
        from mandatekit.render.annotate import annotate_docx
        from mandatekit.render.redline import redline_docx

        allowed = (".docx", ".docm") if kind == "redline" else (".docx",)
        if Path(draft.name).suffix.lower() not in allowed:
            raise Failure(f"{draft.name}: {kind} works on Word .docx drafts (use the memo for other formats)")
        document, report = self.judge(draft, profile)
        write = redline_docx if kind == "redline" else annotate_docx
        with on_disk(draft) as path:
            try:
                data, _ = write(path, document, report, "mandatekit", judge=self.setup(profile).judge)
            except Exception as exc:
                raise _failure(exc, path, draft.name) from exc
        return data

    def compare(self, old: Draft, new: Draft, profile: str | None) -> Any:
        from mandatekit.compare import compare

        old_doc, old_report = self.judge(old, profile)
        new_doc, new_report = self.judge(new, profile)
        # the paragraphs that met a rule beside the cited ones are judged as the command line does
        return compare(old_doc, old_report, new_doc, new_report, self.setup(profile).rule_versions(old_doc))

    def record(self, draft: Draft, profile: str | None, rule: str, decision: str, why: str, by: str) -> Path:
        """Record a decision as `mandatekit decide RULE --draft <folder>/<name>` would: returns the file."""
        from mandatekit.decisions import Decision, record, today
        from mandatekit.output import forget_inputs

        if not decision:
            raise Failure("choose the team's decision")
        if decision not in DECISIONS:
            raise Failure(f"unknown decision '{decision}' (one of: {', '.join(DECISIONS)})")
        if not why.strip():
            raise Failure("give the justification in a sentence or two")
        if not by.strip():
            raise Failure("say who decided: your name, or your team's")
        document, report = self.judge(draft, profile)
        finding = next((f for f in report.findings if f.rule == rule), None)
        if finding is None:
            raise Failure(f"no rule with id '{rule}' (see the rule catalogue)", 404)
        target = self.decisions / f"{Path(draft.name).stem}.decisions.yaml"
        entry = Decision(rule=rule, decision=decision, why=why.replace("\r\n", "\n"), by=by.strip(),  # type: ignore[arg-type]
                         date=today(), draft=draft.name, verdict=finding.verdict, evidence=finding.refs,
                         symbol=document.front.symbol, title=document.front.title,
                         profile=report.profile)  # fmt: skip
        forget_inputs()  # this request's reads (the decisions file, judging the draft) are not what it writes
        try:
            record(target, entry)
        except MandatekitError as exc:
            raise Failure(one_line(exc.line()), 500) from exc
        return target
