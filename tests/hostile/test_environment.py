"""Environment variables a command cannot use (class 9): one line naming the variable, exit 2, before any
work; a user id with no account entry can still record a decision by naming itself."""

from __future__ import annotations

import pwd
from pathlib import Path

import pytest

from tests.hostile.harness import invoke, refused, text_draft


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e400", "0", "-5", "fifty", "50MB", "\x1b[31m9"])
def test_an_unusable_size_limit_names_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("MANDATEKIT_MAX_MB", value)
    draft = text_draft(tmp_path)
    refused("check", draft, names="MANDATEKIT_MAX_MB", inputs=[draft])


def test_a_folder_of_drafts_is_told_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        text_draft(tmp_path, name)
    monkeypatch.setenv("MANDATEKIT_MAX_MB", "inf")
    refused("check", tmp_path, names="MANDATEKIT_MAX_MB", inputs=[tmp_path])


@pytest.mark.parametrize("value", ["0.5", "  20 ", "1048576"])
def test_a_usable_size_limit_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("MANDATEKIT_MAX_MB", value)
    assert invoke("check", text_draft(tmp_path)).exit_code == 0


@pytest.mark.parametrize("value", ["99999999999999", "253402300800", "9" * 5000, "-1", "1.5e9", "yesterday"])
@pytest.mark.parametrize("command", ["memo", "annotate-text", "decide"])
def test_an_unusable_source_date_names_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, command: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    draft = text_draft(tmp_path)
    args: tuple[object, ...] = {
        "memo": ("memo", draft, "-o", tmp_path / "memo.md"),
        "annotate-text": ("check", draft),
        "decide": ("decide", "poc-policy", "--as", "accepted", "--why", "Agreed", "--draft", draft),
    }[command]
    refused(*args, names="SOURCE_DATE_EPOCH", inputs=[draft])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]  # nothing written


def test_the_last_second_of_9999_is_a_usable_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "253402300799")
    result = invoke("memo", text_draft(tmp_path), "-o", tmp_path / "memo.md")
    assert result.exit_code == 0, result.stderr
    assert "9999" in (tmp_path / "memo.md").read_text(encoding="utf-8")


def _no_account(monkeypatch: pytest.MonkeyPatch) -> None:
    """A user id with no passwd entry (a container's arbitrary uid) and no login variables."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)


def test_decide_without_an_account_entry_names_what_to_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_account(monkeypatch)
    draft = text_draft(tmp_path)
    line = refused("decide", "poc-policy", "--as", "accepted", "--why", "Agreed", "--draft", draft,
                   names="USER", inputs=[draft])  # fmt: skip
    assert "--by" in line
    assert not (tmp_path / "draft.decisions.yaml").exists()


def test_decide_without_an_account_entry_but_by_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_account(monkeypatch)
    draft = text_draft(tmp_path)
    result = invoke("decide", "poc-policy", "--as", "accepted", "--why", "Agreed", "--draft", draft,
                    "--by", "Penholder", inputs=[draft])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Penholder" in (tmp_path / "draft.decisions.yaml").read_text(encoding="utf-8")


def test_no_home_and_an_unknown_user_id_still_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Path.home() fails with no HOME and no account entry: the cache is skipped, the check runs (class 8)."""
    _no_account(monkeypatch)
    for name in ("HOME", "XDG_CACHE_HOME", "MANDATEKIT_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    draft = text_draft(tmp_path)
    result = invoke("check", draft, "--format", "json", inputs=[draft])
    assert result.exit_code == 0, result.stderr
