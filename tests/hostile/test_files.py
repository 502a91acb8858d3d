"""Hostile rule, profile, decisions and configuration files: refused in one line naming the file (and the
line where there is one), before they can hang loading or give a false 'met'."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import yaml

from tests.hostile.harness import invoke, refused, text_draft
from tests.rulebook.test_bad_rules import good_rule, write

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)  # 9**10 leaves in under 1 KB


def _rule_with(**element: object) -> str:
    data = yaml.safe_load(good_rule())
    name = next(iter(data["elements"]))
    data["elements"][name] = {"label": "the idea", **element}
    return yaml.safe_dump(data, sort_keys=False)


@pytest.mark.parametrize(
    "element",
    [{"phrases": ["(civilians)?"]}, {"regex": ["x*"]}, {"regex": ["(?:)"]}, {"phrases": ["protect", "-"]}],
    ids=["optional-group", "star", "empty-group", "lone-hyphen"],
)
@pytest.mark.parametrize("command", ["validate", "check"])
def test_a_pattern_matching_the_empty_string_is_refused(tmp_path: Path, element: dict, command: str) -> None:
    rules = tmp_path / "rules"
    path = write(rules, "r.yaml", _rule_with(**element))
    args = (
        ("rules", "validate", "--rules", rules)
        if command == "validate"
        else ("check", text_draft(tmp_path), "--rules", rules)
    )
    line = refused(*args, names=f"{path}:", inputs=[rules])
    assert "can match no words at all" in line


def test_check_with_user_rules_runs_their_examples(tmp_path: Path) -> None:
    data = yaml.safe_load(good_rule())
    data["examples"][0]["text"] = "1. Decides to renew the mandate of the Mission;"  # expected met: it is not
    rules = tmp_path / "rules"
    path = write(rules, "r.yaml", yaml.safe_dump(data, sort_keys=False))
    # checking a draft, the rule is left out, in one line naming its file; the draft is checked with the others
    result = invoke("check", text_draft(tmp_path), "--rules", rules, "--format", "json", inputs=[rules])
    assert result.exit_code == 0, result.stderr
    [line] = [x for x in result.stderr.splitlines() if str(path) in x]
    findings = json.loads(result.stdout)["findings"]
    assert "left out" in line and findings and "poc-policy" not in {f["rule"] for f in findings}
    # validate says which example fails, with exit 1 as `rules test` (the file itself is valid)
    result = invoke("rules", "validate", "--rules", rules, inputs=[rules])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    [line] = [x for x in result.stderr.splitlines() if f"{path}:" in x and "example" in x]
    assert "example 1: expected met" in line


def test_a_rule_with_thousands_of_phrases_fails_at_validate_not_at_judge(tmp_path: Path) -> None:
    phrases = [f"(civilian|people) word{i} ... (thing{i}|other{i})" for i in range(2500)]
    rules = tmp_path / "rules"
    path = write(rules, "r.yaml", _rule_with(phrases=phrases))
    for args in (("rules", "validate", "--rules", rules), ("check", text_draft(tmp_path), "--rules", rules)):
        assert "over the limit of 1000" in refused(*args, names=f"{path}:", inputs=[rules])


def test_three_thousand_nested_groups_in_a_phrase(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    path = write(rules, "r.yaml", _rule_with(phrases=["(" * 3000 + "civilians" + ")" * 3000]))
    assert "nested more than 10 deep" in refused(
        "rules", "validate", "--rules", rules, names=f"{path}:", inputs=[rules]
    )


@pytest.mark.parametrize(
    "text",
    [
        ALIAS_BOMB,
        good_rule() + "x: " + "[" * 5000 + "]" * 5000 + "\n",
        good_rule() + "y:\n  " + "- " * 5000 + "z\n",
    ],
    ids=["alias-bomb", "deep-flow", "deep-block"],
)
def test_yaml_bombs_in_a_rule_file(tmp_path: Path, text: str) -> None:
    rules = tmp_path / "rules"
    path = write(rules, "r.yaml", text)
    # The promise is the refusal (exit 2, one line naming the file), whichever layer makes it: our own pre-pass
    # or PyYAML, whose newer releases refuse deep nesting themselves in words of their own.
    line = refused("rules", "validate", "--rules", rules, names=f"{path}:", inputs=[rules])
    assert "unexpected" not in line


def _config(
    tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch, name: str = "mandatekit.toml"
) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("content", ["alias", "binary", "deep", "not-a-mapping"])
def test_hostile_profiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    profile = folder / "p.yaml"
    data = {
        "alias": ALIAS_BOMB.encode(),
        "binary": bytes(random.Random(3).randrange(128, 256) for _ in range(2000)),
        "deep": b"id: p\nvalues: " + b"{a: " * 3000 + b"1" + b"}" * 3000 + b"\n",
        "not-a-mapping": b"- just\n- a list\n",
    }[content]
    profile.write_bytes(data)
    config = _config(tmp_path, 'profiles = ["profiles"]\n', monkeypatch)
    draft = text_draft(tmp_path)
    refused("check", draft, names=profile, inputs=[profile, config, draft])


@pytest.mark.parametrize("content", ["alias", "binary", "deep", "folder", "corrupt"])
def test_hostile_decisions_files(tmp_path: Path, content: str) -> None:
    draft = text_draft(tmp_path)
    decisions = tmp_path / "draft.decisions.yaml"
    if content == "folder":
        decisions.mkdir()
    else:
        decisions.write_bytes(
            {
                "alias": ALIAS_BOMB.encode(),
                "binary": bytes(random.Random(4).randrange(128, 256) for _ in range(2000)),
                "deep": b"decisions: " + b"[" * 5000 + b"]" * 5000 + b"\n",
                "corrupt": b"decisions:\n  - rule: x\n   why: [unclosed\n    by: :\n",
            }[content]
        )
    refused("check", draft, names=decisions, inputs=[draft, decisions])
    refused(
        "decide",
        "poc-policy",
        "--as",
        "accepted",
        "--why",
        "w",
        "--draft",
        draft,
        names=decisions,
        inputs=[draft, decisions],
    )


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("mandatekit.toml", "disable = [[1], {a = 1}]\n", "'disable' must be a list of rule ids"),
        ("mandatekit.toml", "profile = 5\n", "'profile' must be a profile id"),
        ("mandatekit.toml", "rules = [1]\n", "'rules' must be a list"),
        ("mandatekit.toml", "x = " + "[" * 3000 + "]" * 3000 + "\n", "invalid configuration"),
        ("pyproject.toml", 'tool = "x"\n# [tool.mandatekit]\n', "[tool.mandatekit] must be a table"),
        (
            "pyproject.toml",
            "[tool]\nmandatekit = 5\n# [tool.mandatekit]\n",
            "[tool.mandatekit] must be a table",
        ),
    ],
)
def test_config_values_of_the_wrong_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, expected: str
) -> None:
    config = _config(tmp_path, text, monkeypatch, name)
    draft = text_draft(tmp_path)
    assert expected in refused("check", draft, names=config, inputs=[config, draft])


def test_a_binary_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "mandatekit.toml"
    config.write_bytes(bytes(random.Random(5).randrange(128, 256) for _ in range(500)))
    refused("check", text_draft(tmp_path), names=config, inputs=[config])


def test_a_good_config_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path, 'disable = ["poc-policy"]\nprofile = "minusca"\n', monkeypatch)
    result = invoke("check", text_draft(tmp_path))
    assert result.exit_code == 0 and "poc-policy" not in result.stdout
