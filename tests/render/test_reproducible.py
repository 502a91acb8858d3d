"""Reproducible Word files: the same inputs give the same bytes (with SOURCE_DATE_EPOCH for what carries the
time of the run), while a user's ordinary run still dates the memo, comments and tracked changes by the run.

A later build is simulated by moving the clock the zip library reads on by three days: without the fixed
zip (render/reproducible.py) each entry would carry that later time."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path
from types import SimpleNamespace

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from examples.build_examples import zero_draft
from mandatekit.cli import main
from mandatekit.render.reproducible import ENTRY_TIME
from templates.build_memo_template import build as build_memo_template
from tests.builders import DRAFT_DATE

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OUTPUTS = ("memo", "annotate", "redline")


def _three_days_later(monkeypatch: pytest.MonkeyPatch) -> None:
    later = SimpleNamespace(time=lambda: time.time() + 3 * 86400, localtime=time.localtime)
    monkeypatch.setattr(zipfile, "time", later)


def _write(kind: str, draft: Path, out: Path) -> bytes:
    result = CliRunner().invoke(main, [kind, str(draft), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


def _parts(data: bytes | Path) -> dict[str, bytes]:
    with zipfile.ZipFile(data if isinstance(data, Path) else io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


@pytest.mark.parametrize("kind", OUTPUTS)
def test_two_runs_with_source_date_epoch_give_the_same_bytes(
    kind: str, renewal_docx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    first = _write(kind, renewal_docx, tmp_path / "first.docx")
    _three_days_later(monkeypatch)
    second = _write(kind, renewal_docx, tmp_path / "second.docx")
    assert first == second
    with zipfile.ZipFile(tmp_path / "first.docx") as package:
        entries = package.infolist()
    assert {e.date_time for e in entries} == {ENTRY_TIME}
    assert [e.filename for e in entries][:2] == ["[Content_Types].xml", "_rels/.rels"]


def _utc_now() -> dt.datetime:
    """Now, in UTC as the files write it (no time zone, whole seconds: a stamp made this second is not before)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


def _dates_by(root: etree._Element, author: str) -> list[dt.datetime]:
    return [
        dt.datetime.strptime(el.get(W + "date"), "%Y-%m-%dT%H:%M:%SZ")
        for el in root.iter()
        if el.get(W + "author") == author and el.get(W + "date")
    ]


def test_without_source_date_epoch_the_memo_is_dated_by_the_run(
    renewal_docx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    start = _utc_now()
    _write("memo", renewal_docx, tmp_path / "memo.docx")
    end = _utc_now()
    memo = docx.Document(str(tmp_path / "memo.docx"))
    props = memo.core_properties
    for when in (props.created, props.modified):
        assert start <= when.replace(tzinfo=None) <= end
    head = {row.cells[0].text: row.cells[1].text for row in memo.tables[0].rows}
    assert head["Date"] in {d.strftime("%d %B %Y").lstrip("0") for d in (start, end)}


@pytest.mark.parametrize(
    ("kind", "part"), [("annotate", "word/comments.xml"), ("redline", "word/document.xml")]
)
def test_without_source_date_epoch_comments_and_changes_are_dated_by_the_run(
    kind: str, part: str, renewal_docx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    start = _utc_now()
    data = _write(kind, renewal_docx, tmp_path / f"{kind}.docx")
    end = _utc_now()
    parts = _parts(data)
    dates = _dates_by(etree.fromstring(parts[part]), "mandatekit")
    if kind == "redline":  # the comment on each change, too
        dates += _dates_by(etree.fromstring(parts["word/comments.xml"]), "mandatekit")
    assert dates
    assert all(start <= when <= end for when in dates)


def test_the_example_draft_builds_to_the_same_bytes_and_is_the_one_bundled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = zero_draft().to_bytes()
    _three_days_later(monkeypatch)
    assert zero_draft().to_bytes() == first
    # What `make docs` would write is what is committed (compared part by part: another zlib may compress
    # the same parts into other bytes).
    assert _parts(first) == _parts(ROOT / "examples" / "minusca-zero-draft.docx")
    comments = etree.fromstring(_parts(first)["word/comments.xml"])
    assert _dates_by(comments, "Reviewer") == [DRAFT_DATE.replace(tzinfo=None)]


def test_the_memo_template_builds_to_the_same_bytes_and_is_the_one_bundled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = ROOT / "templates" / "memo.docx"
    dated = docx.Document(str(bundled)).core_properties.modified
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dated.replace(tzinfo=dt.UTC).timestamp())))
    build_memo_template(tmp_path / "a.docx")
    _three_days_later(monkeypatch)
    build_memo_template(tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    assert _parts(tmp_path / "a.docx") == _parts(bundled)
    props = docx.Document(str(bundled)).core_properties
    assert props.created == props.modified and props.comments == ""  # nothing left from python-docx's own


def test_a_template_rebuilt_without_source_date_epoch_is_dated_by_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    start = _utc_now()
    build_memo_template(tmp_path / "memo.docx")
    end = _utc_now()
    modified = docx.Document(str(tmp_path / "memo.docx")).core_properties.modified
    assert start <= modified.replace(tzinfo=None) <= end
