"""Where outputs go (class 6): never onto a FIFO, a device, a socket or a link to one (it would be replaced
by a regular file: as root, /dev/null itself); never over a file mandatekit ships; a rewritten output keeps
its mode."""

from __future__ import annotations

import os
import shutil
import socket
import stat
from pathlib import Path

import pytest

import mandatekit.resources
from tests.builders import renewal_draft
from tests.hostile.harness import invoke, refused, text_draft

REPO = Path(__file__).resolve().parents[2]


def _special(tmp_path: Path, kind: str) -> Path:
    if kind == "fifo":
        path = tmp_path / "pipe.md"
        os.mkfifo(path)
    elif kind == "socket":
        path = tmp_path / "s.md"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    elif kind == "link-to-fifo":
        os.mkfifo(tmp_path / "pipe")
        path = tmp_path / "out.md"
        path.symlink_to(tmp_path / "pipe")
    elif kind == "device":
        path = Path("/dev/null")
    else:  # a link to a device
        path = tmp_path / "out.md"
        path.symlink_to("/dev/null")
    return path


def _kind_of(path: Path) -> int:
    return stat.S_IFMT(os.stat(path).st_mode)


@pytest.mark.parametrize("kind", ["fifo", "socket", "link-to-fifo", "device", "link-to-device"])
@pytest.mark.parametrize("command", ["memo", "annotate", "redline", "compare"])
def test_an_output_onto_a_special_file_is_refused(tmp_path: Path, kind: str, command: str) -> None:
    docx = renewal_draft().save(tmp_path / "draft.docx")
    text = text_draft(tmp_path)
    output = _special(tmp_path, kind)
    before = (_kind_of(output), output.is_symlink())
    args = {
        "memo": ("memo", text, "-o", output, "--format", "markdown"),
        "annotate": ("annotate", docx, "-o", output),
        "redline": ("redline", docx, "-o", output),
        "compare": ("compare", text, docx, "-o", output, "--format", "markdown"),
    }[command]
    refused(*args, names=output, inputs=[docx, text])
    assert (_kind_of(output), output.is_symlink()) == before  # still the special file (or the link to it)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_template_export_onto_fifos_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    for name in ("memo.docx", "memo.md.j2", "memo.html.j2"):
        os.mkfifo(folder / name)
    refused("template", "export", "-o", folder, "--force", names=folder)
    assert all(
        stat.S_ISFIFO((folder / n).lstat().st_mode) for n in ("memo.docx", "memo.md.j2", "memo.html.j2")
    )


@pytest.mark.parametrize("command", ["check", "memo"])
def test_a_decisions_file_that_is_a_fifo_is_refused_not_waited_on(tmp_path: Path, command: str) -> None:
    draft = text_draft(tmp_path)
    fifo = tmp_path / "draft.decisions.yaml"
    os.mkfifo(fifo)
    args = ("-o", tmp_path / "memo.md") if command == "memo" else ()
    refused(command, draft, *args, names=fifo, inputs=[draft])
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_decide_refuses_a_decisions_file_that_is_a_fifo(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    fifo = tmp_path / "draft.decisions.yaml"
    os.mkfifo(fifo)
    refused(
        "decide", "poc-policy", "--as", "accepted", "--why", "x", "--draft", draft, names=fifo, inputs=[draft]
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of what mandatekit ships, standing in for it: a failing test overwrites the copy, not the repo."""
    package = tmp_path / "package"
    for name in ("rules", "profiles", "templates", "seeds"):
        shutil.copytree(REPO / name, package / "_data" / name)
    monkeypatch.setattr(mandatekit.resources, "_PACKAGE", package)
    monkeypatch.setenv("MANDATEKIT_NO_CACHE", "1")
    return package / "_data"


@pytest.mark.parametrize(
    "target",
    ["templates/memo.md.j2", "seeds/sources.yaml", "profiles/minusca.yaml", "rules/core/poc-policy.yaml"],
)
@pytest.mark.parametrize("spelling", ["direct", "symlink", "hard-link"])
def test_an_output_onto_a_shipped_file_is_refused(
    tmp_path: Path, shipped: Path, target: str, spelling: str
) -> None:
    draft = text_draft(tmp_path)
    original = shipped / target
    content = original.read_bytes()
    output = original
    if spelling == "symlink":
        output = tmp_path / "out.md"
        output.symlink_to(original)
    elif spelling == "hard-link":
        output = tmp_path / "out.md"
        os.link(original, output)
    refused("memo", draft, "-o", output, "--format", "markdown", names=output, inputs=[draft])
    assert original.read_bytes() == content


def test_template_export_into_the_shipped_folder_is_refused(tmp_path: Path, shipped: Path) -> None:
    before = {p.name: p.read_bytes() for p in (shipped / "templates").iterdir() if p.is_file()}
    refused("template", "export", "-o", shipped / "templates", "--force", names="templates", inputs=[])
    assert {p.name: p.read_bytes() for p in (shipped / "templates").iterdir() if p.is_file()} == before


@pytest.mark.parametrize("command", ["memo", "annotate", "redline"])
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444])
def test_a_rewritten_output_keeps_its_mode(tmp_path: Path, command: str, mode: int) -> None:
    draft = renewal_draft().save(tmp_path / "draft.docx")
    output = tmp_path / ("out.md" if command == "memo" else "out.docx")
    output.write_bytes(b"old")
    output.chmod(mode)
    args = ("--format", "markdown") if command == "memo" else ()
    result = invoke(command, draft, "-o", output, *args, inputs=[draft])
    assert result.exit_code == 0, result.stderr
    assert output.read_bytes() != b"old"
    assert stat.S_IMODE(output.stat().st_mode) == mode


def test_a_rewritten_decisions_file_keeps_its_mode(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    for why in ("first", "second"):
        result = invoke("decide", "poc-policy", "--as", "accepted", "--why", why, "--draft", draft)
        assert result.exit_code == 0, result.stderr
        (tmp_path / "draft.decisions.yaml").chmod(0o600)
    assert stat.S_IMODE((tmp_path / "draft.decisions.yaml").stat().st_mode) == 0o600
    assert "second" in (tmp_path / "draft.decisions.yaml").read_text(encoding="utf-8")
