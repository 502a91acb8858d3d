"""The command line is a package: each command's module is imported when that command runs, not before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from mandatekit.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m.startswith("mandatekit.cli.")), file=sys.stderr)
"""


def loaded_command_modules(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    return done.stderr.strip().splitlines()[-1]


def test_check_imports_only_its_own_module(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(
        "The Security Council,\n\n1. Decides to remain seized of the matter.\n", encoding="utf-8"
    )
    loaded = loaded_command_modules("check", str(draft), "--format", "json")
    assert "mandatekit.cli.check" in loaded
    for other in ("memo", "rounds", "rules"):
        assert f"mandatekit.cli.{other}'" not in loaded


def test_version_imports_no_command() -> None:
    assert loaded_command_modules("--version") == "[]"


def test_help_lists_every_command() -> None:
    loaded = loaded_command_modules("--help")
    for module in ("check", "memo", "rounds", "rules"):
        assert f"mandatekit.cli.{module}'" in loaded


def test_python_m_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mandatekit.cli", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0 and done.stdout.startswith("mandatekit, version")
