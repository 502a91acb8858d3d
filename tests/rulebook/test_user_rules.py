"""Users add rule folders (option or config file); a user rule with a built-in id replaces it, and says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mandatekit.api import setup
from mandatekit.cli import main
from mandatekit.config import load_config
from tests.rulebook.test_bad_rules import good_rule, write


def test_user_rule_replaces_builtin_and_says_so(tmp_path: Path) -> None:
    write(tmp_path / "mine", "poc-policy.yaml", good_rule(title="Our own PoC policy rule"))
    s = setup([tmp_path / "mine"])
    assert s.rulebook.get("poc-policy").title == "Our own PoC policy rule"  # type: ignore[union-attr]
    assert any("replaces" in n for n in s.rulebook.notices)
    assert len(s.rulebook.rules) == 22


def test_config_file_sets_rules_profile_and_disables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "extra", "new-rule.yaml", good_rule(id="our-new-rule"))
    (tmp_path / "mandatekit.toml").write_text('rules = ["extra"]\nprofile = "monusco"\ndisable = ["ddrr"]\n')
    monkeypatch.chdir(tmp_path)
    s = setup()
    ids = {r.id for r in s.rulebook.rules}
    assert "our-new-rule" in ids and "ddrr" not in ids
    assert s.profile.id == "monusco"


def test_pyproject_tool_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.mandatekit]\nprofile = "monusco"\n'
    )
    assert load_config(tmp_path / "pyproject.toml").profile == "monusco"


def test_bad_config_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mandatekit.toml").write_text('rulez = ["x"]\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["rules", "list"])
    assert result.exit_code == 2
    assert "mandatekit.toml: unknown setting rulez" in result.output


def test_profile_fills_the_suggestion() -> None:
    from mandatekit import check

    text = "1. Decides to renew the mandate;"
    minusca = check(text, only=["hrddp-support"], profile="minusca").findings[0].suggestion
    monusco = check(text, only=["hrddp-support"], profile="monusco").findings[0].suggestion
    unnamed = check(text, only=["hrddp-support"]).findings[0].suggestion
    assert "MINUSCA" in minusca and "FACA" in minusca
    assert "MONUSCO" in monusco and "FARDC" in monusco and "{" not in monusco
    # A draft that names no mission gets general terms, never another country's names.
    assert "the Mission" in unnamed and "national defence and security forces" in unnamed
    assert "MINUSCA" not in unnamed and "FACA" not in unnamed
