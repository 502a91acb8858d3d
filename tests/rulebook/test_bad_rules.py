"""Bad rule files: the file, the line, the field and what is wrong — every problem at once, exit 2."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from mandatekit.errors import RuleError
from mandatekit.rulebook import load_rulebook
from mandatekit.rulebook.patterns import compile_patterns, phrase_to_regex

GOOD = Path(__file__).resolve().parents[2] / "rules" / "core" / "poc-policy.yaml"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def good_rule(**changes: object) -> str:
    data = yaml.safe_load(GOOD.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return yaml.safe_dump(data, sort_keys=False)


def problems(folder: Path) -> list[str]:
    with pytest.raises(RuleError) as info:
        load_rulebook([folder], builtin=False)
    return info.value.problems


def test_a_good_rule_loads(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", good_rule())
    assert [r.id for r in load_rulebook([tmp_path], builtin=False).rules] == ["poc-policy"]


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "id: x\ntitle: [unclosed\nseverity: low\n")
    [problem] = problems(tmp_path)
    assert problem.startswith(f"{path}:") and "invalid YAML" in problem


@pytest.mark.parametrize("closed_later", [True, False])
def test_a_quote_left_open_is_reported_where_it_opens(tmp_path: Path, closed_later: bool) -> None:
    """The parser stops lines below an unclosed quote (at the next quote, or at the end of the file): the
    problem is reported on the line where the quote opens."""
    lines = good_rule().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] = 'title: "' + lines[at].removeprefix("title: ").strip("'\"")
    lines = [line.replace('"', "") if i > at else line for i, line in enumerate(lines)]
    if closed_later:  # a quoted value a few lines below: the open one runs on to it
        theme = next(i for i, line in enumerate(lines) if line.startswith("theme:"))
        assert theme > at + 1
        lines[theme] = 'theme: "Protection of civilians"'
    assert any('"' in line for line in lines[at + 1 :]) is closed_later
    path = write(tmp_path, "r.yaml", "\n".join(lines) + "\n")
    [problem] = problems(tmp_path)
    assert problem.startswith(f"{path}:{at + 1}:") and "invalid YAML" in problem


def test_a_key_written_twice_is_refused_at_its_second_line(tmp_path: Path) -> None:
    # YAML keeps the last of two equal keys: a rule with two `exclude:` blocks would lose the first unseen.
    text = good_rule() + "severity: high\n"
    path = write(tmp_path, "r.yaml", text)
    [problem] = problems(tmp_path)
    line = len(text.splitlines())
    assert problem.startswith(f"{path}:{line}:") and "severity" in problem
    first = text.splitlines().index("severity: low") + 1
    assert f"line {first}" in problem


def test_unknown_field_with_its_line(tmp_path: Path) -> None:
    text = good_rule().replace("severity: low", "severity: low\nseverty: high")
    path = write(tmp_path, "r.yaml", text)
    line = text.splitlines().index("severty: high") + 1
    assert problems(tmp_path) == [
        f"{path}:{line}: severty: unknown field (check the spelling; see docs/writing-rules.md); "
        "did you mean 'severity'?"
    ]


def test_a_mistyped_field_is_told_the_one_meant_at_any_depth(tmp_path: Path) -> None:
    """'min_verbs:' gets 'did you mean min_verb', at the top of a rule as in one of its elements, as other
    mistyped names do (trial 7); a name like no field gets no guess."""
    text = good_rule().replace("severity: low", "severity: low\nmin_verbs: requests")
    write(tmp_path, "r.yaml", text)
    [problem] = problems(tmp_path)
    assert problem.endswith("min_verbs: unknown field (check the spelling; see docs/writing-rules.md); "
                            "did you mean 'min_verb'?")  # fmt: skip
    shipped = Path(__file__).resolve().parents[2] / "rules" / "core" / "sofa-reporting.yaml"
    nested = shipped.read_text(encoding="utf-8").replace("    min_verb: calls", "    min_verbs: calls")
    write(tmp_path, "r.yaml", nested)
    [problem] = problems(tmp_path)
    assert ".min_verbs: unknown field" in problem and problem.endswith("did you mean 'min_verb'?")
    write(tmp_path, "r.yaml", good_rule().replace("severity: low", "severity: low\nzzqx: 1"))
    [problem] = problems(tmp_path)
    assert problem.endswith("zzqx: unknown field (check the spelling; see docs/writing-rules.md)")


def test_missing_field(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", good_rule(suggestion=None))
    [problem] = problems(tmp_path)
    assert problem.startswith(str(path)) and "suggestion: required field is missing" in problem


def test_bad_value_names_the_field(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", good_rule(severity="urgent"))
    [problem] = problems(tmp_path)
    assert "severity:" in problem and "critical" in problem


def test_bad_pattern(tmp_path: Path) -> None:
    rule = good_rule(
        elements={"policy": {"label": "x", "phrases": ["(policy|guidance"], "regex": ["(?<=x)y"]}}
    )
    path = write(tmp_path, "r.yaml", rule)
    found = problems(tmp_path)
    assert len(found) == 2
    assert all(p.startswith(f"{path}:") for p in found)
    assert "elements.policy.phrases[0]: unbalanced parentheses" in found[0]
    assert "elements.policy.regex[0]: invalid regex" in found[1]
    assert "no lookbehind" in found[1] and "exclude:" in found[1]  # what to write instead


@pytest.mark.parametrize(
    ("regex", "lacks"), [("civilians(?!x)", "no lookahead"), (r"(a)\1", "no backreferences")]
)
def test_a_construct_re2_lacks_is_named_with_what_to_write(tmp_path: Path, regex: str, lacks: str) -> None:
    write(tmp_path, "r.yaml", good_rule(elements={"policy": {"label": "x", "regex": [regex]}}))
    [problem] = problems(tmp_path)
    assert "invalid regex" in problem and lacks in problem


def test_a_key_indented_wrongly_points_at_the_indentation(tmp_path: Path) -> None:
    """The parser gives up on the line after the mistake: the message says to look on or just above it."""
    lines = good_rule().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  ") and "label:" in line)
    lines[at] = "  " + lines[at]  # label: pushed two columns in, under its element
    path = write(tmp_path, "r.yaml", "\n".join(lines) + "\n")
    [problem] = problems(tmp_path)
    line = int(problem.removeprefix(f"{path}:").split(":")[0])
    assert at + 1 <= line <= at + 2 and "invalid YAML" in problem
    assert f"check the indentation on or just above line {line}" in problem


def test_condition_naming_an_unknown_element(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", good_rule(met=["policy", "nonesuch"]))
    [problem] = problems(tmp_path)
    assert "names element 'nonesuch'" in problem and "met[1]" in problem


def test_a_misspelt_element_is_told_at_its_line_with_the_files_other_problems(tmp_path: Path) -> None:
    """`met: [polcy]` and a bad verdict in the same file: both in one pass, the name at the line of `met:`,
    the names known there only those allowed in a set (the subject is not)."""
    data = yaml.safe_load(good_rule())
    data["met"] = ["polcy"]
    data["examples"][0]["verdict"] = "mising"
    path = write(tmp_path, "r.yaml", yaml.safe_dump(data, sort_keys=False))
    met_line = 1 + next(i for i, line in enumerate(path.read_text().splitlines()) if line.startswith("met:"))
    found = problems(tmp_path)
    assert len(found) == 2 and any("examples[0].verdict" in p for p in found)
    [named] = [p for p in found if "polcy" in p]
    assert named.startswith(f"{path}:{met_line}:") or named.startswith(f"{path}:{met_line + 1}:")
    known = named[named.index("known: ") :]
    assert "policy" in known and "subject" not in known and "did you mean 'policy'" in named


def test_duplicate_id(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", good_rule())
    write(tmp_path, "b.yaml", good_rule())
    [problem] = problems(tmp_path)
    assert "duplicate id 'poc-policy'" in problem and "a.yaml" in problem


def test_placeholder_without_profile_value(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", good_rule(suggestion="Requests {mission} to brief {rapporteur};"))
    [problem] = problems(tmp_path)
    assert "placeholder {rapporteur} has no value in profile" in problem


def test_unknown_source(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", good_rule(sources=[{"id": "my-blog-2030", "quote": "x"}]))
    [problem] = problems(tmp_path)
    assert "'my-blog-2030' is in no source register (register it in _sources.yaml" in problem


def test_rule_without_a_met_example_is_invalid(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", good_rule(examples=[{"verdict": "missing", "text": "1. Decides to act;"}]))
    [problem] = problems(tmp_path)
    assert "needs an example whose verdict is 'met'" in problem


def test_all_problems_are_listed_at_once(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: [")
    write(tmp_path, "b.yaml", good_rule(severity="urgent"))
    write(tmp_path, "c.yaml", good_rule(title=None))
    assert len(problems(tmp_path)) == 3


def test_a_pattern_cannot_hang_the_checker() -> None:
    """A regex that backtracks exponentially in Python's re runs in linear time under RE2."""
    pattern = compile_patterns([], [r"(a+)+$", r"(x+x+)+y"])
    paragraph = "a" * 50_000 + "b " + "x" * 50_000
    started = time.perf_counter()
    assert pattern.search(paragraph) is None
    assert time.perf_counter() - started < 5  # Python's re would not finish in our lifetime


def test_phrase_inflection_and_acronyms() -> None:
    regex = compile_patterns(["protect civilians", "HRDDP"], [])
    assert regex.search("protecting civilians") and regex.search("under the HRDDP")
    assert not regex.search("hrddp") and not regex.search("protection of civilians")
    assert phrase_to_regex("(the)? policy") == phrase_to_regex("policy")


SUBJECT = {
    "label": "the protection of civilians policy",
    "phrases": ["protection of civilians (policy|guidance)"],
}


def test_a_rule_may_name_its_subject(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", good_rule(subject=SUBJECT))
    [rule] = load_rulebook([tmp_path], builtin=False).rules
    assert rule.subject is not None and "subject" in rule.searched and "subject" not in rule.elements


def test_a_subjects_bad_pattern_names_the_subject(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", good_rule(subject={"label": "x", "phrases": ["(policy|guidance"]}))
    [problem] = problems(tmp_path)
    assert problem.startswith(f"{path}:") and "subject.phrases[0]: unbalanced parentheses" in problem


def test_the_subject_is_partial_on_its_own_never_part_of_a_set(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", good_rule(subject=SUBJECT, partial=[["subject"]]))
    [problem] = problems(tmp_path)
    assert "partial names the subject" in problem


def test_an_element_may_not_take_the_subjects_name(tmp_path: Path) -> None:
    data = yaml.safe_load(good_rule(subject=SUBJECT))
    data["elements"]["subject"] = {"label": "x", "phrases": ["x"]}
    write(tmp_path, "r.yaml", yaml.safe_dump(data, sort_keys=False))
    [problem] = problems(tmp_path)
    assert "an element is named 'subject'" in problem
