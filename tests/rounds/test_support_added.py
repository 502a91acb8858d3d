"""Trial 13 (finding 4): a paragraph that gives support to a force's operations without the HRDDP condition is
named on the hrddp-support finding even where another paragraph meets the rule (the verdict stands), and
compare flags it among the paragraphs added. Support only reported on gives nothing to condition."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mandatekit.cli import main
from tests.judge.one_rule import finding

MET = (
    "1. Requests the Mission to ensure that any support provided to the national armed forces is in strict "
    "compliance with the HRDDP;"
)
SUPPORT = (
    "2. Decides that the Mission may provide logistical and operational support, including fuel and rations, to "
    "operations conducted by the national armed forces and associated local defence groups;"
)
REPORT = (
    "2. Requests the Secretary-General to report on possible logistical and operational support the United "
    "Nations can provide to regional forces;"
)


def test_support_without_the_condition_is_named_and_the_verdict_stands() -> None:
    f = finding(f"{MET}\n\n{SUPPORT}", "hrddp-support")
    assert f.verdict == "met"
    assert any(r.startswith("OP 2 gives support without") for r in f.reasons)
    conditioned = finding(f"{MET}\n\n{SUPPORT[:-1]}, in strict compliance with the HRDDP;", "hrddp-support")
    assert conditioned.reasons == []
    assert finding(f"{MET}\n\n{REPORT}", "hrddp-support").reasons == []


def test_compare_flags_the_support_the_round_added(tmp_path: Path) -> None:
    head = "The Security Council,\n\nRecalling its previous resolutions,\n\n"
    old, new = tmp_path / "r1.txt", tmp_path / "r2.txt"
    old.write_text(head + MET + "\n", encoding="utf-8")
    new.write_text(head + MET + "\n\n" + SUPPORT + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--profile", "monusco"])
    assert "new support without compliance with the HRDDP" in result.output


# Trial 15 F2: support to the host's army, by its formal name, one kind of support in a list of them.
LISTED = (
    "2. Requests the Mission, within existing resources, to provide logistical, technical and capacity-building "
    "support to the South Sudan People’s Defence Forces and the Necessary Unified Forces;"
)


def test_listed_support_to_the_hosts_army_by_its_formal_name_is_named() -> None:
    f = finding(f"{MET}\n\n{LISTED}", "hrddp-support")
    assert f.verdict == "met"
    assert any(r.startswith("OP 2 gives support without") for r in f.reasons)
    assert any("South Sudan People’s Defence Forces" in r for r in f.reasons)
    assert any("Add “, in strict compliance with the HRDDP” to OP 2." in r for r in f.reasons)
    conditioned = finding(f"{MET}\n\n{LISTED[:-1]}, in strict compliance with the HRDDP;", "hrddp-support")
    assert conditioned.reasons == []
