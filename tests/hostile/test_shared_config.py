"""Configuration someone else could have put there (class 7): a mandatekit.toml (or pyproject.toml) found on
the way up in a folder others can write, or owned by another user, is ignored and named in a warning; the
check is the one without it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile.harness import invoke, text_draft

HOSTILE = 'disable = ["poc-policy", "mandate-duration"]\nprofile = "monusco"\n'


def _check(draft: Path, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, list[str]]:
    monkeypatch.chdir(cwd)
    result = invoke("check", draft, "--format", "json", inputs=[draft])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), result.stderr.splitlines()


def _baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    clean = tmp_path / "clean"
    clean.mkdir()
    return _check(text_draft(clean), clean, monkeypatch)[0]


@pytest.mark.parametrize("name", ["mandatekit.toml", "pyproject.toml"])
@pytest.mark.parametrize("mode", [0o1777, 0o777, 0o775])
def test_config_in_a_folder_others_can_write_is_ignored_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, mode: int
) -> None:
    expected = _baseline(tmp_path, monkeypatch)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(mode)  # like /tmp: anyone may create a file here
    if mode == 0o775:  # writable by its group: a group of other people (one with no account entry here)
        if os.geteuid() != 0:
            pytest.skip("only root can give a folder to another group")
        os.chown(shared, -1, 54321)
    config = shared / name
    config.write_text(
        HOSTILE if name == "mandatekit.toml" else "[tool.mandatekit]\n" + HOSTILE, encoding="utf-8"
    )
    mine = shared / "mine"
    mine.mkdir(mode=0o755)
    draft = text_draft(mine)
    report, stderr = _check(draft, mine, monkeypatch)
    assert report["findings"] == expected["findings"]
    assert [line for line in stderr if str(config) in line and "warning" in line], stderr
    assert len(stderr) == 1


def test_config_others_can_write_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _baseline(tmp_path, monkeypatch)
    work = tmp_path / "work"
    work.mkdir()
    config = work / "mandatekit.toml"
    config.write_text(HOSTILE, encoding="utf-8")
    config.chmod(0o666)
    report, stderr = _check(text_draft(work), work, monkeypatch)
    assert report["findings"] == expected["findings"]
    assert len(stderr) == 1 and str(config) in stderr[0]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_config_owned_by_another_user_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _baseline(tmp_path, monkeypatch)
    work = tmp_path / "work"
    work.mkdir()
    config = work / "mandatekit.toml"
    config.write_text(HOSTILE, encoding="utf-8")
    os.chown(config, 54321, 54321)
    report, stderr = _check(text_draft(work), work, monkeypatch)
    assert report["findings"] == expected["findings"]
    assert len(stderr) == 1 and str(config) in stderr[0]


def test_a_folder_of_ones_own_private_group_is_ones_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Debian and Ubuntu give each user a group of their own and a umask of 002: such folders are theirs."""
    import grp
    import pwd

    me = pwd.getpwuid(os.getuid())
    if set(grp.getgrgid(me.pw_gid).gr_mem) - {me.pw_name}:
        pytest.skip("this user's primary group has other members")
    expected = _baseline(tmp_path, monkeypatch)
    work = tmp_path / "work"
    work.mkdir()
    os.chown(work, -1, me.pw_gid)
    work.chmod(0o775)
    (work / "mandatekit.toml").write_text(HOSTILE, encoding="utf-8")
    report, stderr = _check(text_draft(work), work, monkeypatch)
    assert not [line for line in stderr if "mandatekit.toml" in line], stderr  # not ignored
    assert {f["rule"] for f in report["findings"]} == {f["rule"] for f in expected["findings"]} - {
        "poc-policy",
        "mandate-duration",
    }


def test_own_config_in_an_own_folder_still_applies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _baseline(tmp_path, monkeypatch)
    work = tmp_path / "work"
    work.mkdir(mode=0o755)
    (work / "mandatekit.toml").write_text(HOSTILE, encoding="utf-8")
    report, stderr = _check(text_draft(work), work, monkeypatch)
    # (the draft never names the mission of the profile the config chooses: that one warning is issue 17's)
    assert not [line for line in stderr if "warning" in line and "never names" not in line], stderr
    assert {f["rule"] for f in report["findings"]} == {f["rule"] for f in expected["findings"]} - {
        "poc-policy",
        "mandate-duration",
    }
