"""Names and containers (class 11): the longest legal file name is checked (its decisions file name would be
too long); a zip holding two entries of one name is refused, not judged on one of them; the paragraph and
line separators of Unicode, a form feed and NEL break paragraphs and lines as a blank line and a newline do."""

from __future__ import annotations

import json
import os
import warnings
import zipfile
from pathlib import Path

import pytest

from tests.builders import renewal_draft
from tests.hostile.harness import DRAFT, invoke, refused, text_draft
from tests.hostile.zips import part

NAME_MAX = os.pathconf("/", "PC_NAME_MAX") if hasattr(os, "pathconf") else 255


def _findings(path: Path, *inputs: Path) -> list[dict]:
    result = invoke("check", path, "--format", "json", inputs=[path, *inputs])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return [
        {k: v for k, v in f.items() if k != "draft"}
        for f in (data[0] if isinstance(data, list) else data)["findings"]
    ]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_the_longest_legal_file_name_is_checked(tmp_path: Path, suffix: str) -> None:
    name = "d" * (NAME_MAX - len(suffix)) + suffix  # its '<stem>.decisions.yaml' cannot exist
    draft = renewal_draft().save(tmp_path / name) if suffix == ".docx" else text_draft(tmp_path, name)
    reference = tmp_path / f"short{suffix}"
    reference.write_bytes(draft.read_bytes())
    assert _findings(draft) == _findings(reference)
    assert invoke("check", tmp_path, "--format", "csv", inputs=[tmp_path]).exit_code == 0
    memo = tmp_path / "memo.md"
    assert invoke("memo", draft, "-o", memo, inputs=[draft]).exit_code == 0
    if suffix == ".docx":
        for command in ("annotate", "redline"):
            assert invoke(command, draft, "-o", tmp_path / f"{command}.docx", inputs=[draft]).exit_code == 0


def test_decide_on_the_longest_legal_file_name_is_one_line(tmp_path: Path) -> None:
    draft = text_draft(tmp_path, "d" * (NAME_MAX - 4) + ".txt")
    line = refused(
        "decide", "poc-policy", "--as", "accepted", "--why", "x", "--draft", draft, names=None, inputs=[draft]
    )
    assert ".decisions.yaml" in line


def _duplicate(good: Path, target: Path, name: str, other: bytes, case: str = "same") -> Path:
    entry = name if case == "same" else name.upper()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                dst.writestr(item.filename, src.read(item.filename))
            dst.writestr(entry, other)
    return target


@pytest.mark.parametrize(
    "name", ["word/document.xml", "word/styles.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"]
)
@pytest.mark.parametrize("case", ["same", "other-case"])
def test_a_package_with_two_entries_of_one_name_is_refused(tmp_path: Path, name: str, case: str) -> None:
    good = renewal_draft().save(tmp_path / "good.docx")
    body = part(good, name).replace(b"Decides", b"Notes")
    draft = _duplicate(good, tmp_path / "twice.docx", name, body, case)
    for command in ("check", "annotate", "redline"):
        args = ("-o", tmp_path / "out.docx") if command != "check" else ()
        refused(command, draft, *args, names=draft, inputs=[draft])
    assert not (tmp_path / "out.docx").exists()


def _verdicts_of(tmp_path: Path, name: str, text: str) -> list[dict]:
    return _findings(text_draft(tmp_path, name, text))


@pytest.mark.parametrize(
    ("separator", "plain"),
    [("\u2029", "\n\n"), ("\x0c", "\n\n"), ("\u2028", "\n"), ("\x85", "\n"), ("\x0b", "\n")],
    ids=["paragraph-separator", "form-feed", "line-separator", "nel", "vertical-tab"],
)
def test_unicode_separators_break_as_newlines_do(tmp_path: Path, separator: str, plain: str) -> None:
    expected = _verdicts_of(tmp_path, "plain.txt", DRAFT.replace("\n\n", plain))
    hostile = _verdicts_of(tmp_path, "hostile.txt", DRAFT.replace("\n\n", separator))
    assert hostile == expected
    # and they do break: run together, the operative paragraphs would be one
    parsed = invoke("parse", tmp_path / "hostile.txt", "--format", "json")
    refs = [p["ref"] for p in json.loads(parsed.stdout)["paragraphs"] if p["ref"]]
    assert refs == ["PP 1", "OP 1", "OP 2", "OP 3"], refs
