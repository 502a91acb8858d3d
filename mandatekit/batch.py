"""Checking many drafts: in this process, or spread over worker processes, one per core.

Each worker checks whole drafts (read → judge → decisions) and sends back the report, or the line saying
why the draft could not be read; the caller gets them in the order of the drafts it gave, whatever the
order in which workers finish, so the output is the same byte for byte whatever the number of jobs.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mandatekit.errors import MandatekitError

# What a worker needs: set before the pool starts. Forked workers inherit it as it is (the rulebook
# already loaded and its patterns compiled); spawned ones rebuild it from the initializer's arguments.
_state: tuple[Any, list[str] | None, bool] | None = None  # setup, --only, whether to place fixes


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_one(setup: Any, draft: Path, only: list[str] | None, fixes: bool = False) -> Any:
    """The report of one draft, with the drafting team's recorded decisions applied. `fixes`: each gap's
    fix placed as the memo places it (render/fixes.py), for the outputs that show suggestions."""
    from mandatekit.decisions import apply_decisions, decision_files
    from mandatekit.read import read

    document = read(draft)
    report = setup.judge(document, only)
    if fixes:
        from mandatekit.render.fixes import with_fixes

        report = with_fixes(report, document, setup.judge)
    return apply_decisions(
        report, decision_files(draft), {r.id for r in setup.rulebook.rules} if only else None
    )


# Drafts a process checks between two `forget_programs`: the DFA states RE2 builds while searching stay with
# each program, and grew a check of the 291 real resolutions to 400 MB (tracemalloc: some 30 MB of Python
# objects; 235 MB resident after 100 drafts, 96 MB once the programs were dropped): 405 -> 322 MB at its peak.
# Compiling them again, and RE2 building its states again, cost some 7% of that check's CPU time.
FORGET_EVERY = 128
_checked = 0  # drafts checked in this process


def _check(draft: Path) -> tuple[Any, str | None]:
    global _checked
    assert _state is not None
    setup, only, fixes = _state
    _checked += 1
    if _checked % FORGET_EVERY == 0:
        from mandatekit.rulebook.patterns import forget_programs

        forget_programs()
    try:
        return (check_one(setup, draft, only, fixes=True) if fixes else check_one(setup, draft, only)), None
    except MandatekitError as exc:
        return None, " ".join(exc.line().split())
    except Exception as exc:  # whatever one draft does wrong (a bug, a hostile file), the others are checked
        return None, f"{draft}: unexpected {type(exc).__name__} while checking the draft"


def _die_with(parent: int) -> None:
    """End this worker, silently, when the process that started it ends, however it ends (SIGKILL, the
    out-of-memory killer): otherwise it would check drafts for no one and print to a terminal now used by
    something else. Linux says so with a signal (prctl PR_SET_PDEATHSIG); elsewhere, and for a parent that
    was gone before the signal was asked for, a thread looks every half second."""
    import threading
    import time

    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)  # no cleanup to run, nothing to say: the draft it was checking goes with it

    if os.getppid() != parent:
        os._exit(0)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _start_worker(
    rule_dirs: list[Path],
    profile: str | None,
    only: list[str] | None,
    parent: int | None = None,
    fixes: bool = False,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool stops workers with SIGTERM: die, say nothing
    if parent is not None:
        _die_with(parent)
    global _state
    if _state is None:
        from mandatekit.api import setup as make_setup

        _state = (make_setup(list(rule_dirs), profile), only, fixes)


def check_drafts(
    paths: list[Path],
    setup: Any,
    only: list[str] | None,
    jobs: int,
    rule_dirs: list[Path],
    profile: str | None,
    fixes: bool = False,
) -> Iterator[tuple[Any, str | None]]:
    """(report, None) or (None, the error line) for each draft, in the order of `paths`.

    `jobs` 1 checks in this process; more starts that many workers (never more than drafts). `fixes`: each
    gap's fix placed (check_one)."""
    global _state
    jobs = max(1, min(jobs, len(paths)))
    _state = (setup, only, fixes)
    # What lives for the whole run (modules, the rulebook, compiled patterns) is set apart from what the
    # garbage collector looks at: each collection then walks only the drafts' own objects, and forked
    # workers do not copy the pages of the parent's objects by marking them.
    gc.freeze()
    try:
        if jobs == 1:
            yield from map(_check, paths)
            return
        # fork: workers start at once with the rulebook compiled. Elsewhere (macOS, Windows) fork is
        # unsafe or absent, and each worker loads the rulebook itself (from the cache: quick).
        import multiprocessing

        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        if context.get_start_method() == "fork" and len(paths) > 2 * jobs:
            # Each worker would compile the rulebook's programs for itself (most of a worker's first drafts):
            # compiled here, once, they are inherited. For a few drafts, compiling only what they need is less.
            from mandatekit.judge import compile_programs

            rules = setup.rulebook.rules
            # A program that cannot be compiled fails again in each worker, which reports it per draft.
            with contextlib.suppress(Exception):
                compile_programs([r for r in rules if r.id in only] if only else rules)
        with context.Pool(jobs, _start_worker, (rule_dirs, profile, only, os.getpid(), fixes)) as pool:
            # Small chunks: drafts differ in size, and the progress bar should move steadily.
            yield from pool.imap(_check, paths, chunksize=2)
    finally:
        _state = None
