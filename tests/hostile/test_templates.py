"""Hostile memo templates: not text, or text that would run for hours or exhaust memory. One line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

import mandatekit.render.sandbox
from tests.builders import renewal_draft
from tests.hostile.harness import refused, text_draft

LOOP = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


def _template(tmp_path: Path, body: str | bytes, name: str = "memo.md.j2") -> Path:
    path = tmp_path / name
    path.write_bytes(body.encode() if isinstance(body, str) else body)
    return path


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (LOOP, "range() of more than"),
        (
            "{% for i in range(9000) %}{% for j in range(9000) %}{% endfor %}{% endfor %}",
            "add up to more than",
        ),
        ("{{ 'x' * 10**12 }}", "repeating a value"),
        ("{{ 7 ** 1000000000 }}", "a power larger than"),
        ("{{ (10 ** 400) | float }}", "OverflowError"),
        ("{{ 'x' | center(10 ** 15) }}", "Error"),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "RecursionError"),
        ("{{ range(10 ** 30) | list }}", "range() of more than"),
    ],
    ids=[
        "loop-100000x100000",
        "ranges-add-up",
        "repeat",
        "power",
        "overflow",
        "memory",
        "recursion",
        "huge-range",
    ],
)
@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_runaway_text_templates(tmp_path: Path, body: str, expected: str, suffix: str) -> None:
    draft = text_draft(tmp_path)
    template = _template(tmp_path, body, f"memo{suffix}.j2")
    line = refused(
        "memo",
        draft,
        "-o",
        tmp_path / f"memo{suffix}",
        "--template",
        template,
        names=template,
        inputs=[draft, template],
    )
    assert expected in line
    assert not (tmp_path / f"memo{suffix}").exists()


def test_a_runaway_loop_over_the_data_is_stopped_by_the_cpu_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mandatekit.render.sandbox, "MAX_CPU_SECONDS", 1)
    body = "{% for a in findings %}" * 7 + "{{ '' }}" + "{% endfor %}" * 7  # 22**7 iterations, no range()
    draft = text_draft(tmp_path)
    template = _template(tmp_path, body)
    line = refused(
        "memo",
        draft,
        "-o",
        tmp_path / "m.md",
        "--template",
        template,
        names=template,
        inputs=[draft, template],
    )
    assert "CPU time" in line


def test_a_non_utf8_text_template(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    template = _template(tmp_path, "# {{ memo_title }} – café\n".encode("cp1252"))
    line = refused(
        "memo",
        draft,
        "-o",
        tmp_path / "m.md",
        "--template",
        template,
        names=template,
        inputs=[draft, template],
    )
    assert "not UTF-8" in line


def test_a_word_file_given_as_a_text_template(tmp_path: Path) -> None:
    draft = text_draft(tmp_path)
    template = renewal_draft().save(tmp_path / "memo.docx")
    line = refused(
        "memo",
        draft,
        "-o",
        tmp_path / "m.md",
        "--template",
        template,
        names=template,
        inputs=[draft, template],
    )
    assert "is a Word (.docx) template" in line


def test_a_runaway_word_template(tmp_path: Path) -> None:
    from docx import Document

    template = tmp_path / "t.docx"
    document = Document()
    document.add_paragraph(LOOP)
    document.save(str(template))
    draft = text_draft(tmp_path)
    line = refused(
        "memo",
        draft,
        "-o",
        tmp_path / "m.docx",
        "--template",
        template,
        names=template,
        inputs=[draft, template],
    )
    assert "range() of more than" in line
