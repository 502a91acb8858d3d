"""The last line of defence, and outputs: never over an input, atomic, one line when they cannot be written."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import mandatekit.read  # noqa: F401  (patched below)
from mandatekit.cli import main
from tests.builders import renewal_draft
from tests.hostile.harness import invoke, refused, text_draft


def _boom(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("a bug nobody foresaw")


def test_an_unexpected_exception_is_one_line_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = text_draft(tmp_path)
    monkeypatch.setattr(sys.modules["mandatekit.read"], "build", _boom)
    line = refused("check", draft, names=draft, inputs=[draft])
    assert "unexpected ZeroDivisionError while reading the draft" in line
    assert line.endswith("run with --debug for details")


def test_debug_shows_the_traceback_and_still_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = text_draft(tmp_path)
    monkeypatch.setattr(sys.modules["mandatekit.read"], "build", _boom)
    result = CliRunner().invoke(main, ["--debug", "check", str(draft)])
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "ZeroDivisionError" in result.stderr


def test_an_unexpected_exception_while_judging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = text_draft(tmp_path)
    monkeypatch.setattr("mandatekit.judge.judge_document", _boom)
    line = refused("check", draft, names=None, inputs=[draft])
    assert "unexpected ZeroDivisionError" in line and "--debug" in line


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink", "hardlink", "case"])
@pytest.mark.parametrize("which", ["old", "new"])
def test_compare_never_writes_over_either_draft(tmp_path: Path, spelling: str, which: str) -> None:
    old = renewal_draft().save(tmp_path / "old.docx")
    new = renewal_draft().op("Requests", "the Mission to report;").save(tmp_path / "new.docx")
    target = old if which == "old" else new
    output = _spell(target, spelling, tmp_path)
    if output is None:
        pytest.skip("this file system tells upper from lower case")
    os.chdir(tmp_path)
    refused("compare", old, new, "-o", output, names=output, inputs=[old, new])


def _spell(target: Path, spelling: str, folder: Path) -> Path | None:
    if spelling == "same":
        return target
    if spelling == "dot":
        return Path(".") / target.parent.name / ".." / target.parent.name / target.name
    if spelling == "symlink":
        link = folder / f"link-{target.name}"
        link.symlink_to(target)
        return link
    if spelling == "hardlink":
        link = folder / f"hard-{target.name}"
        os.link(target, link)
        return link
    upper = target.with_name(target.name.upper())
    return upper if upper.exists() else None


@pytest.mark.parametrize("command", ["memo", "annotate", "redline"])
def test_memo_and_annotate_never_write_over_the_draft_through_a_link(tmp_path: Path, command: str) -> None:
    draft = renewal_draft().save(tmp_path / "draft.docx")
    link = tmp_path / "out.docx"
    link.symlink_to(draft)
    refused(command, draft, "-o", link, names=link, inputs=[draft])


def test_memo_never_writes_over_its_template_or_a_rule_file(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    template = tmp_path / "memo.md.j2"
    template.write_text("# {{ memo_title }}\n", encoding="utf-8")
    refused("memo", draft, "-o", template, "--template", template, names=template, inputs=[draft, template])
    rules = tmp_path / "rules"
    rules.mkdir()
    rule = Path(__file__).resolve().parents[2] / "rules" / "core" / "poc-policy.yaml"
    (rules / "poc-policy.yaml").write_bytes(rule.read_bytes())
    output = rules / "poc-policy.yaml"
    refused(
        "memo", draft, "-o", output, "--format", "markdown", "--rules", rules, names=output, inputs=[rules]
    )


def test_memo_never_writes_over_a_decisions_file(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    decisions = tmp_path / "draft.decisions.yaml"
    decisions.write_text("decisions: []\n", encoding="utf-8")
    refused(
        "memo", draft, "-o", decisions, "--format", "markdown", names=decisions, inputs=[draft, decisions]
    )


def test_decide_never_writes_over_the_draft(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    (tmp_path / "draft.decisions.yaml").symlink_to(draft)
    refused(
        "decide", "poc-policy", "--as", "accepted", "--why", "x", "--draft", draft, names=None, inputs=[draft]
    )


def test_output_folder_missing_or_read_only_is_one_line(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    missing = tmp_path / "nowhere" / "memo.md"
    refused("memo", draft, "-o", missing, names=missing, inputs=[draft])
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        refused("memo", draft, "-o", locked / "memo.md", names=locked / "memo.md", inputs=[draft])
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


# Run in a fresh interpreter: in pytest's process, threads earlier tests left behind compete for the GIL, and
# CPython may then run the Python handler of a signal only after the write has finished (the test once saw
# exit 0): the test would be measuring the test run, not mandatekit. A fresh process is the user's case.
# The child restores Ctrl-C's default first: a suite started in the background (`nohup make test &`) inherits
# SIGINT ignored, Python then installs no handler, and ignoring it is right there: it is not a drafter's terminal.
_INTERRUPTED_WRITE = """
import os, signal, sys
from mandatekit.cli import main

signal.signal(signal.SIGINT, signal.default_int_handler)  # a terminal's Ctrl-C, whatever the suite inherited

def interrupted_fsync(fd):  # the signal arrives while the output is being written
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))

os.fsync = interrupted_fsync
main(sys.argv[2:], prog_name="mandatekit")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"], ids=["sigint", "sigterm"])
def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path, how: str) -> None:
    import subprocess

    draft = text_draft(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    before = draft.read_bytes()
    done = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_WRITE, how, "memo", str(draft), "-o", str(out / "memo.md")],
        capture_output=True,
        text=True,
        timeout=120,  # a guard against a hang, not a timing
    )
    assert done.returncode == 130, (done.returncode, done.stderr)
    assert done.stderr.strip() == "mandatekit: interrupted"
    assert list(out.iterdir()) == []
    assert draft.read_bytes() == before


def test_write_atomic_removes_its_temporary_file_on_any_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mandatekit.errors import MandatekitError
    from mandatekit.output import write_atomic

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(MandatekitError, match="No space left"):
        write_atomic(tmp_path / "x.md", "text")
    assert list(tmp_path.iterdir()) == []


def test_decide_with_an_empty_why_is_one_line(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    refused(
        "decide",
        "poc-policy",
        "--as",
        "accepted",
        "--why",
        " ",
        "--draft",
        draft,
        names="--why",
        inputs=[draft],
    )


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl locking")
def test_concurrent_decides_on_one_draft_lose_nothing(tmp_path: Path) -> None:
    import subprocess

    draft = text_draft(tmp_path)
    rules = [
        "poc-policy",
        "hrddp-support",
        "sofa-reporting",
        "poc-impartiality",
    ]
    from mandatekit.api import setup

    known = {r.id for r in setup().rulebook.rules}
    rules = [r for r in rules if r in known] or sorted(known)[:4]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mandatekit",
                "decide",
                rule,
                "--as",
                "accepted",
                "--why",
                f"w{i}",
                "--draft",
                str(draft),
            ],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for i, rule in enumerate(rules)
    ]
    for proc in procs:
        assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    import yaml

    recorded = yaml.safe_load((tmp_path / "draft.decisions.yaml").read_text(encoding="utf-8"))["decisions"]
    assert sorted(d["rule"] for d in recorded) == sorted(rules)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_template_export_never_writes_through_a_symlink(tmp_path: Path) -> None:
    draft = renewal_draft().save(tmp_path / "draft.docx")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "memo.docx").symlink_to(draft)
    result = invoke("template", "export", "-o", folder, "--force", inputs=[draft])
    assert result.exit_code == 0, result.stderr
    assert not (folder / "memo.docx").is_symlink()
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    refused("template", "export", "-o", not_a_folder, names=not_a_folder, inputs=[not_a_folder])


def test_record_holds_its_lock_from_read_to_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Deterministic: each reader lingers after reading; without the lock every writer would keep only its own.
    import threading
    import time

    from mandatekit import decisions

    real = decisions.load_decisions

    def slow(path: Path) -> list[decisions.Decision]:
        found = real(path)
        time.sleep(0.1)
        return found

    monkeypatch.setattr(decisions, "load_decisions", slow)
    target = tmp_path / "draft.decisions.yaml"
    entries = [
        decisions.Decision(rule=f"rule-{i}", decision="accepted", why="w", by="b", date="2026-11-23")
        for i in range(5)
    ]
    threads = [threading.Thread(target=decisions.record, args=(target, e)) for e in entries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(d.rule for d in real(target)) == [e.rule for e in entries]


def test_a_temporary_file_that_cannot_be_made_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a read-only folder does even to root (who the read-only test above skips for): mkstemp fails.
    import tempfile

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    draft = text_draft(tmp_path)
    monkeypatch.setattr(tempfile, "mkstemp", denied)
    output = tmp_path / "memo.md"
    assert "cannot write (Permission denied)" in refused(
        "memo", draft, "-o", output, names=output, inputs=[draft]
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]
