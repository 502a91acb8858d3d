"""The cache (class 8) may make a run faster, never fail it, hang it or change its result: a corrupt, a
tampered, a FIFO or a device entry, a key readable by others, no home folder at all."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile.harness import invoke, text_draft


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MANDATEKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("MANDATEKIT_NO_CACHE", raising=False)
    return folder


def _report(draft: Path) -> dict:
    result = invoke("check", draft, "--format", "json", inputs=[draft])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _uncached(draft: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    with monkeypatch.context() as m:
        m.setenv("MANDATEKIT_NO_CACHE", "1")
        return _report(draft)


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("rulebook-*.json"))


def test_a_tampered_entry_never_changes_a_verdict(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = text_draft(tmp_path)
    expected = _uncached(draft, monkeypatch)
    assert _report(draft) == expected
    (entry,) = _entries(cache)
    text = entry.read_text(encoding="utf-8")
    signature, _, body = text.partition("\n")
    data = json.loads(body)
    first = data["value"]["rules"][0]
    first["title"] = "TAMPERED"
    first["severity"] = "low" if first["severity"] != "low" else "critical"
    for element in first["elements"].values():  # every element of the first rule now matches any word
        element["phrases"] = ["the"]
    entry.write_text(signature + "\n" + json.dumps(data), encoding="utf-8")
    report = _report(draft)
    assert report == expected
    assert "TAMPERED" not in json.dumps(report)


def test_an_entry_signed_with_another_key_is_rebuilt(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = text_draft(tmp_path)
    expected = _report(draft)
    (entry,) = _entries(cache)
    saved = entry.read_bytes()
    (cache / "secret").unlink()  # a new key is made: the old entry is someone else's now
    invoke("rules", "list")
    body = json.loads(saved.partition(b"\n")[2])
    body["value"]["rules"][0]["title"] = "TAMPERED"
    entry.write_bytes(saved.partition(b"\n")[0] + b"\n" + json.dumps(body).encode())
    assert _report(draft) == expected


@pytest.mark.parametrize(
    "damage",
    [b"", b"\x00\xff" * 100, b"[" * 200_000, b"0" * 64 + b"\n" + b"[" * 200_000],
    ids=["empty", "binary", "deep", "deep-signed"],
)
def test_a_corrupt_entry_never_fails_a_run(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    draft = text_draft(tmp_path)
    expected = _report(draft)
    for entry in _entries(cache):
        entry.write_bytes(damage)
    assert _report(draft) == expected
    assert _report(draft) == expected


@pytest.mark.parametrize("kind", ["fifo", "link-to-fifo", "link-to-device", "folder"])
def test_a_special_file_as_an_entry_is_passed_over(tmp_path: Path, cache: Path, kind: str) -> None:
    draft = text_draft(tmp_path)
    expected = _report(draft)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for entry in _entries(cache):
        entry.unlink()
        if kind == "fifo":
            os.mkfifo(entry)
        elif kind == "link-to-fifo":
            entry.symlink_to(fifo)
        elif kind == "link-to-device":
            entry.symlink_to("/dev/zero")
        else:
            entry.mkdir()
    assert _report(draft) == expected  # the hang guard fails the test if an open waits on the FIFO
    assert fifo.exists() and not fifo.is_file()  # the special file itself is untouched


def test_a_key_others_can_read_is_not_used(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = text_draft(tmp_path)
    expected = _report(draft)
    (cache / "secret").chmod(0o644)
    (entry,) = _entries(cache)
    body = json.loads(entry.read_bytes().partition(b"\n")[2])
    body["value"]["rules"][0]["title"] = "TAMPERED"
    entry.write_bytes(entry.read_bytes().partition(b"\n")[0] + b"\n" + json.dumps(body).encode())
    assert _report(draft) == expected


@pytest.mark.parametrize("home", ["unset", "missing-folder", "a-file"])
def test_no_usable_home_folder_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: str
) -> None:
    for name in ("XDG_CACHE_HOME", "MANDATEKIT_CACHE_DIR", "MANDATEKIT_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    if home == "unset":
        monkeypatch.delenv("HOME", raising=False)
        import pwd

        def no_entry(uid: int) -> pwd.struct_passwd:
            raise KeyError(uid)

        monkeypatch.setattr(pwd, "getpwuid", no_entry)
    elif home == "missing-folder":
        monkeypatch.setenv("HOME", str(tmp_path / "nowhere" / "home"))
    else:
        (tmp_path / "home").write_text("not a folder")
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
    draft = text_draft(tmp_path)
    assert _report(draft) == _uncached(draft, monkeypatch)
