"""Profiles: values from the Council's own words (each checked against its committed passage), general terms
where a value is empty, no country in a rule, and source registers beside a user's rules."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from mandatekit.cli import main
from mandatekit.judge import fill
from mandatekit.rulebook import load_profiles, load_rulebook
from mandatekit.rulebook.model import GENERIC_VALUES, Profile
from tests.rulebook.test_bad_rules import good_rule, write

ROOT = Path(__file__).resolve().parents[2]
PROFILES = load_profiles()
# UNMOGIP has run since 1951 without a mandate resolution: no resolution of the corpus names it.
# MINUSCA's own instruments as the rules worded them before they became profile values (trial 7).
UNSOURCED = {("unmogip", "mission")} | {
    ("minusca", k) for k in ("security_strategy", "ddr_process", "operations_with_forces", "other_forces")
}
PEACEKEEPING = ["MINUSCA", "MONUSCO", "UNMISS", "UNISFA", "UNIFIL", "UNDOF", "UNFICYP", "MINURSO", "UNMIK",
                "UNTSO", "UNMOGIP"]  # fmt: skip


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_current_peacekeeping_operation_has_a_profile() -> None:
    missions = {p.mission for p in PROFILES.values()}
    assert set(PEACEKEEPING) <= missions
    assert {"MINUSMA", "UNAMID", "AMISOM", "ATMIS", "AUSSOM", "UNSOM", "UNAMA", "UNAMI", "UNSMIL", "BINUH",
            "UNMHA", "UNITAMS"} <= missions  # fmt: skip


def test_a_profile_is_named_by_its_host_as_every_output_names_it() -> None:
    """The web page lists a profile by its name, `profiles list` and every output's profile line by its host
    country (trial 10: 'UNMOGIP (India and Pakistan)' on the page, 'Jammu and Kashmir' on the command line)."""
    wrong = [p.id for p in load_profiles().values() if p.country and not p.name.endswith(f"({p.country})")]
    assert wrong == []


@pytest.mark.parametrize("profile_id", sorted(p for p in PROFILES if p != "generic"))
def test_every_value_is_in_the_passage_of_the_resolution_it_comes_from(profile_id: str) -> None:
    data = yaml.safe_load((ROOT / "profiles" / f"{profile_id}.yaml").read_text(encoding="utf-8"))
    values, sources = data["values"], data.get("value_sources", {})
    for name, value in values.items():
        if not value or (profile_id, name) in UNSOURCED:
            continue  # filled with general terms
        assert name in sources, f"{profile_id}: {name} has no value_sources entry"
        assert re.fullmatch(r"S/RES/\d+ \(\d{4}\)", sources[name]["resolution"])
        passage = " ".join(sources[name]["passage"].replace("’", "'").split()).lower()
        # the mission may be sourced by its full name: older resolutions spell it out
        spellings = [value, *data.get("names", [])] if name == "mission" else [value]
        assert any(
            all(
                " ".join(part.replace("’", "'").split()).lower().removeprefix("the ") in passage
                for part in re.split(r" and (?![^(]*\))", spelling)
            )
            for spelling in spellings
        ), f"{profile_id}: {name}: '{value}' is not in the passage"


def test_a_value_not_in_its_passage_is_refused_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "ours.yaml"
    path.write_text(
        "id: ours\nname: Ours\nmission: OURS\nvalues:\n  mission: OURS\n  courts: the Hybrid Court\n"
        "value_sources:\n  courts:\n    resolution: S/RES/1 (2000)\n    passage: the Special Court\n",
        encoding="utf-8",
    )
    code, _, err = run("profiles", "validate", str(path))
    assert code == 2 and "ours.yaml" in err and "'the Hybrid Court' is not in the passage" in err
    path.write_text("id: ours\nname: Ours\nvalus: {}\n", encoding="utf-8")
    code, _, err = run("profiles", "validate", str(path))
    assert code == 2 and "ours.yaml:3" in err and "unknown field" in err and "did you mean 'values'?" in err
    code, _, err = run("check", str(ROOT / "examples" / "minusca-zero-draft.txt"), "--profile", str(path))
    assert code == 2 and "ours.yaml" in err


def test_an_area_is_refused_on_an_observer_mission(tmp_path: Path) -> None:
    # An observer mission is never taken from a text that names no mission: an area would never be read
    path = tmp_path / "ours.yaml"
    head = "id: ours\nname: Ours\nmission: OURS\nvalues:\n  mission: OURS\narea:\n- the buffer zone\n"
    path.write_text(head + "un_presence: observer\n", encoding="utf-8")
    code, _, err = run("profiles", "validate", str(path))
    assert code == 2 and "ours.yaml" in err and "area" in err
    path.write_text(head, encoding="utf-8")  # near miss: a peacekeeping operation's area is read
    code, _, err = run("profiles", "validate", str(path))
    assert code == 0, err


def test_closed_given_as_a_resolution_is_refused_with_what_to_write(tmp_path: Path) -> None:
    path = tmp_path / "ours.yaml"
    head = "id: ours\nname: Ours\nmission: OURS\nvalues:\n  mission: OURS\nestablished: S/RES/1 (2000)\n"
    path.write_text(head + "closed: S/RES/9 (2010)\n", encoding="utf-8")
    code, _, err = run("profiles", "validate", str(path))
    assert code == 2 and "ours.yaml" in err and "last year the mission served" in err
    path.write_text(head + "closed: 2010\n", encoding="utf-8")  # near miss: a year
    code, _, err = run("profiles", "validate", str(path))
    assert code == 0, err


def test_a_profile_file_and_an_unknown_name(tmp_path: Path) -> None:
    path = tmp_path / "ours.yaml"
    path.write_text("id: ours\nname: Ours\nmission: OURS\nvalues:\n  mission: OURS\n", encoding="utf-8")
    code, out, err = run("check", str(ROOT / "examples" / "minusca-zero-draft.txt"), "--profile", str(path))
    assert code == 0 and "Requests OURS to" in out and "never names OURS" in err
    code, _, err = run("check", str(ROOT / "examples" / "minusca-zero-draft.txt"), "--profile", "unmis5")
    assert code == 2 and "unknown profile 'unmis5'" in err and "unmiss" in err and "docs/profiles.md" in err


def test_profiles_list_and_show() -> None:
    code, out, _ = run("profiles", "list")
    assert code == 0 and len(out.splitlines()) == len(PROFILES)
    assert re.search(r"^unmiss\s+UNMISS\s+South Sudan", out, re.MULTILINE)
    code, out, _ = run("profiles", "show", "unmiss")
    assert code == 0 and "{courts}: the Hybrid Court for South Sudan  [S/RES/2677 (2023)]" in out
    code, out, _ = run("profiles", "show", "untso")
    assert "(general terms: no value given)" in out


def _reads_well(text: str) -> bool:
    return not re.search(r"\{|\}| ,|  |\bthe the\b|\( *\)", text)


def test_every_suggestion_reads_well_with_empty_values() -> None:
    empty = Profile(id="empty", name="Empty", values=dict.fromkeys(GENERIC_VALUES, ""))
    filled = Profile(id="empty", name="Empty", values=empty.filled_values())
    rulebook = load_rulebook(profiles=PROFILES)
    for rule in rulebook.rules:
        for template in (rule.suggestion, rule.recommendation, *rule.message.texts()):
            text = fill(template.strip(), filled)
            assert _reads_well(text), f"{rule.id}: {text}"
            names = {n for _, n, _, _ in string.Formatter().parse(template) if n}
            assert names <= set(GENERIC_VALUES), (
                f"{rule.id}: {names - set(GENERIC_VALUES)} has no general terms"
            )


@pytest.mark.parametrize(
    "named", ["South Sudan", "FARDC", "MONUSCO", "the Central African Armed Forces (FACA)"]
)
def test_a_rule_whose_suggestion_names_a_country_mission_or_force_fails(tmp_path: Path, named: str) -> None:
    write(tmp_path, "r.yaml", good_rule(suggestion=f"Requests the Mission to support {named};"))
    code, _, err = run("rules", "validate", "--rules", str(tmp_path))
    assert code == 2 and "r.yaml" in err and "suggestion: names" in err and "outright" in err


def test_the_bundled_rules_name_no_country() -> None:
    from mandatekit.rulebook.lint import country_problems

    for rule in load_rulebook(profiles=PROFILES).rules:
        assert country_problems(rule, PROFILES.values()) == [], rule.id


REGISTER = """sources:
  - id: unmiss-brief-2026
    title: "Protection in South Sudan: what UNMISS's next mandate needs"
    author: An NGO
    date: "2026-02"
    made_for: UNMISS
    recommendations:
      - id: MY-RULE
        quote: "UNMISS should report publicly on the SSPDF"
"""


def test_a_rule_folder_carries_its_own_source_register(tmp_path: Path) -> None:
    rules = tmp_path / "our-rules"
    rules.mkdir()
    rule = good_rule(id="my-rule", sources=[{"id": "unmiss-brief-2026", "quote": "report publicly"}])
    write(rules, "my-rule.yaml", rule)
    code, _, err = run("rules", "validate", "--rules", str(rules))
    assert code == 2 and "'unmiss-brief-2026' is in no source register" in err
    (rules / "_sources.yaml").write_text(REGISTER, encoding="utf-8")
    code, _, err = run("rules", "validate", "--rules", str(rules))
    assert code == 0, err
    draft = ROOT / "tests" / "judge" / "real" / "S_RES_2677(2023).txt"
    memo = tmp_path / "memo.md"
    code, _, err = run("memo", str(draft), "-o", str(memo), "--rules", str(rules))
    assert code == 0, err
    text = memo.read_text(encoding="utf-8")
    assert "*Protection in South Sudan: what UNMISS's next mandate needs.* An NGO, February 2026." in text
    # made for UNMISS and used on an UNMISS draft: quoted as it is
    assert "“report publicly”" in text.split("## Annex")[0]
    (rules / "_sources.yaml").write_text(REGISTER.replace("    made_for", "    colour: red\n    made_for"))
    code, _, err = run("rules", "validate", "--rules", str(rules))
    assert code == 2 and "_sources.yaml:6" in err and "unknown field" in err


def test_rules_new_offers_a_register_and_a_schema_the_user_has(tmp_path: Path) -> None:
    folder = tmp_path / "our-rules"
    code, out, err = run("rules", "new", "my-rule", "--dir", str(folder))
    assert code == 0, err
    skeleton = (folder / "my-rule.yaml").read_text(encoding="utf-8")
    assert "https://" not in skeleton and "$schema=rule.schema.json" in skeleton
    assert (folder / "rule.schema.json").is_file() and (folder / "_sources.yaml").is_file()
    assert "_sources.yaml" in err or "_sources.yaml" in out


def test_profiles_validate_takes_a_folder_as_rules_validate_does(tmp_path: Path) -> None:
    folder = tmp_path / "our-profiles"
    folder.mkdir()
    (folder / "ours.yaml").write_text("id: ours\nname: Ours\nmission: OURS\nvalues:\n  mission: OURS\n")
    (folder / "theirs.yml").write_text("id: theirs\nname: Theirs\nmission: THEIRS\nvalues: {}\n")
    (folder / "notes.txt").write_text("not a profile")
    code, out, err = run("profiles", "validate", str(folder))
    assert code == 0 and out.strip() == "2 profiles valid", err
    (folder / "again.yaml").write_text("id: ours\nname: Ours again\nmission: OURS\nvalues: {}\n")
    code, _, err = run("profiles", "validate", str(folder))
    assert code == 2 and "ours.yaml: id 'ours' is also the id of again.yaml: rename one" in err
    (folder / "again.yaml").write_text("id: again\nname: Again\nvalus: {}\n")
    code, _, err = run("profiles", "validate", str(folder))
    assert code == 2 and "again.yaml:3" in err and "did you mean 'values'?" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("profiles", "validate", str(empty))
    assert code == 2 and err.strip().endswith("empty: holds no profile files (*.yaml)")
