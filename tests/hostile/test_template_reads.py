"""User templates read only what they ship (class 13): the template given and template files (.j2) beside
it; not a hidden file, not a file of another kind, not one reached by a link out of its folder, not a path
out of it. Each refused in one line naming the template, its secret never in the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.harness import invoke, refused, text_draft

SECRET = "PRIVATE-KEY-MATERIAL-0123456789"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home folder where a user keeps a template beside their secrets."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_text(SECRET, encoding="utf-8")
    (home / "notes.txt").write_text(SECRET, encoding="utf-8")
    (home / "hidden.j2").write_text(SECRET, encoding="utf-8")
    (home / ".secret.j2").write_text(SECRET, encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.md.j2").write_text(SECRET, encoding="utf-8")
    (home / "linked.md.j2").symlink_to(outside / "secret.md.j2")
    return home


@pytest.mark.parametrize(
    "statement",
    [
        '{% include ".ssh/id_rsa" %}',
        '{% include "notes.txt" %}',
        '{% include ".secret.j2" %}',
        '{% include "linked.md.j2" %}',
        '{% include "../elsewhere/secret.md.j2" %}',
        '{% import ".ssh/id_rsa" as k %}',
        '{% extends ".ssh/id_rsa" %}',
        '{% include ["nothing.j2", ".ssh/id_rsa"] %}',
    ],
    ids=[
        "hidden-folder",
        "not-a-template",
        "hidden-template",
        "link-out",
        "dot-dot",
        "import",
        "extends",
        "list",
    ],
)
@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_a_template_cannot_read_what_it_does_not_ship(
    tmp_path: Path, home: Path, statement: str, suffix: str
) -> None:
    template = home / f"memo{suffix}.j2"
    template.write_text("# Memo\n" + statement + "\n", encoding="utf-8")
    draft = text_draft(tmp_path)
    output = tmp_path / f"memo{suffix}"
    refused("memo", draft, "-o", output, "--template", template, names=template.name, inputs=[draft, home])
    assert not output.exists()


def test_a_template_includes_the_templates_it_ships(tmp_path: Path, home: Path) -> None:
    (home / "parts").mkdir()
    (home / "parts" / "head.md.j2").write_text("HEAD FROM A PART\n", encoding="utf-8")
    template = home / "memo.md.j2"
    template.write_text('{% include "parts/head.md.j2" %}# {{ memo_title }}\n', encoding="utf-8")
    draft = text_draft(tmp_path)
    output = tmp_path / "memo.md"
    result = invoke("memo", draft, "-o", output, "--template", template, inputs=[draft, home])
    assert result.exit_code == 0, result.stderr
    text = output.read_text(encoding="utf-8")
    assert "HEAD FROM A PART" in text and SECRET not in text


def test_a_template_not_named_j2_is_still_read_itself(tmp_path: Path, home: Path) -> None:
    template = home / "memo.md"
    template.write_text("# {{ memo_title }}\n", encoding="utf-8")
    draft = text_draft(tmp_path)
    output = tmp_path / "out.md"
    result = invoke("memo", draft, "-o", output, "--template", template, inputs=[draft, home])
    assert result.exit_code == 0, result.stderr
