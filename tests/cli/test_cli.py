"""The command line: outputs, exit codes, and one clear stderr line for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from mandatekit.cli import main
from tests.rulebook.test_bad_rules import good_rule, write

DRAFT = """The Security Council,

Condemning the restrictions imposed on the movement of the Mission's patrols, in violation of the Status of \
Forces Agreement,

1. Decides that the protection of civilians shall remain the Mission's top priority;

2. Welcomes the Mission's application of the Human Rights Due Diligence Policy;

3. Decides to remain actively seized of the matter.
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def draft(tmp_path: Path, text: str = DRAFT, name: str = "draft.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("mandatekit, version")
    code, out, _ = run("check", "--help")
    assert code == 0 and "--fail-on" in out and "Examples:" in out


def test_check_table(tmp_path: Path) -> None:
    code, out, _ = run("check", draft(tmp_path))
    assert code == 0
    assert "Protection of civilians stays a priority task" in out and "What to fix" in out


def test_check_json_contract(tmp_path: Path) -> None:
    code, out, _ = run("check", draft(tmp_path), "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert set(report) >= {"document", "findings", "summary"}
    assert set(report["document"]) >= {"path", "symbol", "title", "paragraphs"}
    f = {x["rule"]: x for x in report["findings"]}
    assert len(f) == 22
    assert set(f["poc-priority"]) >= {
        "rule",
        "title",
        "severity",
        "theme",
        "verdict",
        "reasons",
        "hedges",
        "evidence",
        "suggestion",
        "sources",
    }
    assert f["poc-priority"]["verdict"] == "met"
    assert f["poc-priority"]["evidence"][0].keys() >= {"element", "ref", "text", "start", "end"}
    assert f["hrddp-support"]["verdict"] == "partial"
    assert report["summary"] == {
        k: sum(x["verdict"] == k for x in report["findings"]) for k in ("met", "partial", "missing")
    }


def test_several_drafts_give_a_list(tmp_path: Path) -> None:
    code, out, _ = run("check", draft(tmp_path), draft(tmp_path, name="b.txt"), "--format", "json")
    assert code == 0 and isinstance(json.loads(out), list) and len(json.loads(out)) == 2


def test_markdown_output(tmp_path: Path) -> None:
    code, out, _ = run("check", draft(tmp_path), "--format", "markdown", "--only", "hrddp-support")
    assert code == 0 and out.startswith("# Gap analysis") and "| Partial | critical |" in out


def test_fail_on_exit_codes(tmp_path: Path) -> None:
    path = draft(tmp_path)
    assert run("check", path, "--only", "poc-priority", "--fail-on", "partial")[0] == 0
    assert run("check", path, "--only", "hrddp-support", "--fail-on", "partial")[0] == 1
    assert run("check", path, "--only", "hrddp-support", "--fail-on", "missing")[0] == 0
    assert run("check", path, "--only", "children", "--fail-on", "missing")[0] == 1


def test_bad_input_is_one_line_exit_2(tmp_path: Path) -> None:
    code, out, err = run("check", str(tmp_path / "missing.docx"))
    assert code == 2 and out == ""
    assert err == f"mandatekit: error: {tmp_path / 'missing.docx'}: no such file\n"


def test_one_bad_draft_among_many_is_skipped(tmp_path: Path) -> None:
    code, out, err = run("check", draft(tmp_path), str(tmp_path / "gone.txt"), "--format", "json")
    assert code == 2
    assert len(json.loads(out)) == 1
    assert "gone.txt: no such file (skipped)" in err and "1 of 2 drafts could not be read" in err


def test_unknown_only_and_profile(tmp_path: Path) -> None:
    assert (
        run("check", draft(tmp_path), "--only", "nonesuch")[2]
        == "mandatekit: error: --only: no rule with id nonesuch\n"
    )
    code, _, err = run("check", draft(tmp_path), "--profile", "unmiss-x")
    assert code == 2 and "unknown profile 'unmiss-x'" in err


def test_parse_json_plain_fields(tmp_path: Path) -> None:
    code, out, _ = run("parse", draft(tmp_path), "--format", "json")
    assert code == 0
    paras = {p["ref"]: p for p in json.loads(out)["paragraphs"] if p["ref"]}
    assert paras["OP 2"]["verb"] == "Welcomes" and paras["OP 2"]["verb_class"] == "encourages"
    assert paras["PP 1"]["kind"] == "preambular"


def test_parse_fragment_warns(tmp_path: Path) -> None:
    code, _, err = run("parse", draft(tmp_path, "Recalling its resolutions,\n"))
    assert code == 0 and "nothing in this text can meet a recommendation" in err


def test_rules_commands() -> None:
    code, out, _ = run("rules", "list")
    assert code == 0 and len(out.splitlines()) == 22
    code, out, _ = run("rules", "show", "hrddp-support")
    assert code == 0 and "id: hrddp-support" in out
    code, out, _ = run("rules", "test")
    assert code == 0 and out.splitlines()[-1].endswith(" passed, 0 failed")
    code, out, _ = run("rules", "validate")
    assert code == 0
    code, out, _ = run("rules", "coverage")
    assert code == 0 and out.splitlines()[-1] == "22 of 22 recommendations covered"
    code, out, _ = run("rules", "schema")
    assert code == 0 and json.loads(out)["properties"]["severity"]


def test_an_empty_rule_file_is_called_empty(tmp_path: Path) -> None:
    for content in ("", "# a comment, nothing else\n"):
        write(tmp_path, "a.yaml", content)
        code, _, err = run("rules", "validate", "--rules", str(tmp_path))
        assert code == 2 and "a.yaml: is empty" in err and err.count("\n") == 1


def test_rules_validate_bad_folder_lists_every_problem(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: [")
    write(tmp_path, "b.yaml", good_rule(severity="urgent"))
    code, _, err = run("rules", "validate", "--rules", str(tmp_path))
    assert code == 2 and "Traceback" not in err
    assert err.splitlines()[-1] == "mandatekit: 2 problems in rule files"


def test_rules_test_reports_a_failing_example(tmp_path: Path) -> None:
    write(
        tmp_path,
        "r.yaml",
        good_rule(
            examples=[
                {
                    "verdict": "met",
                    "text": "1. Requests MINUSCA to apply the policy on the protection of civilians;",
                },
                {
                    "verdict": "missing",
                    "text": "1. Requests MINUSCA to apply the policy on the protection of civilians;",
                },
            ]
        ),
    )
    code, out, _ = run("rules", "test", "--rules", str(tmp_path))
    assert code == 1
    assert "FAIL poc-policy example 2: expected missing, got met" in out
    assert out.splitlines()[-1] == "1 passed, 1 failed"
    # one convention for both commands: a failing example exits 1, an invalid file 2
    code, _, err = run("rules", "validate", "--rules", str(tmp_path))
    assert code == 1 and "r.yaml" in err and "expected missing, got met" in err


def test_rules_new_skeleton_is_refused_until_filled_in(tmp_path: Path) -> None:
    """The scaffold's placeholders are refused by validate, test and check alike, one line per file naming
    the line of the first; with every placeholder's mark removed it is a valid rule whose examples pass."""
    folder = tmp_path / "our-rules"
    code, _, _ = run("rules", "new", "my-rule", "--dir", str(folder))
    rule = folder / "my-rule.yaml"
    assert code == 0 and rule.exists()
    title_line = next(
        i for i, line in enumerate(rule.read_text().splitlines(), 1) if line.startswith("title:")
    )
    for command in (
        ["rules", "validate", "--rules"],
        ["rules", "test", "--rules"],
        ["check", draft(tmp_path), "--rules"],
    ):
        code, out, err = run(*command, str(folder))
        assert code == 2, command
        problems = [line for line in err.splitlines() if "my-rule.yaml" in line]
        assert len(problems) == 1 and f"my-rule.yaml:{title_line}:" in problems[0] and "title" in problems[0]
        assert any(line.startswith(f"mandatekit: {folder / '_sources.yaml'}:") for line in err.splitlines())
        assert "passed" not in out
    for path in (rule, folder / "_sources.yaml"):  # a writer who fills in every placeholder
        path.write_text(path.read_text(encoding="utf-8").replace("FILL IN: ", ""), encoding="utf-8")
    assert run("rules", "validate", "--rules", str(folder))[0] == 0
    code, out, _ = run("rules", "test", "--rules", str(folder))
    assert code == 0 and out.splitlines()[-1] == "3 passed, 0 failed"
    assert run("rules", "new", "my-rule", "--dir", str(folder))[0] == 2  # never overwrites


def test_one_placeholder_left_is_found_where_it_stands(tmp_path: Path) -> None:
    run("rules", "new", "my-rule", "--dir", str(tmp_path))
    rule = tmp_path / "my-rule.yaml"
    for path in (rule, tmp_path / "_sources.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("FILL IN: ", ""), encoding="utf-8")
    lines = rule.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if "text: " in line and "Decides to renew" in line)
    lines[at] = lines[at].replace('text: "', 'text: "FILL IN: ')
    rule.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("rules", "validate", "--rules", str(tmp_path))
    assert code == 2 and f"my-rule.yaml:{at + 1}: examples[2].text:" in err and "more placeholder" not in err


def test_a_rule_folder_without_rules_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "emptyrules"
    empty.mkdir()
    (empty / "notes.txt").write_text("rules to come\n")
    for command in (
        ["rules", "validate", "--rules", str(empty)],
        ["check", draft(tmp_path), "--rules", str(empty)],
    ):
        code, out, err = run(*command)
        assert code == 2 and str(empty) in err and "Traceback" not in err, command
        assert out == ""


def test_rules_docs_is_committed_and_current() -> None:
    code, out, _ = run("rules", "docs")
    assert code == 0
    committed = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert out == committed, "docs/rules.md is stale: run `make docs`"


def test_one_rule_is_counted_in_the_singular(tmp_path: Path) -> None:
    code, out, _ = run("check", draft(tmp_path), "--only", "poc-priority")
    assert code == 0 and out.splitlines()[1].startswith("1 rule ·")


def test_an_output_named_as_the_draft_is_refused_as_the_draft_whatever_its_extension(tmp_path: Path) -> None:
    path = draft(tmp_path)
    before = Path(path).read_bytes()
    code, _, err = run("memo", path, "-o", path)
    assert code == 2 and "input draft" in err and "format" not in err
    assert Path(path).read_bytes() == before


def test_redline_and_annotate_write_beside_the_work_without_o(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.builders import renewal_draft

    monkeypatch.chdir(tmp_path)
    source = renewal_draft().save(tmp_path / "rev1.docx")
    before = source.read_bytes()
    for command, written in (("redline", "rev1-redline.docx"), ("annotate", "rev1-reviewed.docx")):
        code, _, err = run(command, "rev1.docx")
        assert code == 0, err
        assert (tmp_path / written).stat().st_size > 0 and written in err
    assert source.read_bytes() == before
    # a draft named like a copy: its copy gets a name of its own, never the draft's
    (tmp_path / "rev1-redline.docx").rename(tmp_path / "x-redline.docx")
    code, _, _ = run("redline", "x-redline.docx")
    assert code == 0 and (tmp_path / "x-redline-redline.docx").exists()


MONUSCO = Path(__file__).resolve().parents[1] / "rounds" / "drafts" / "S_RES_2717(2023).txt"


def test_check_leaves_out_a_rule_whose_examples_fail_and_checks_with_the_others(tmp_path: Path) -> None:
    """A drafter checking a draft (MONUSCO 2023) with a colleague's folder where one rule's example fails gets
    the draft checked with the rules that work, and one line naming the file left out; which example fails
    is `rules test`'s to say (exit 1 there)."""
    folder = tmp_path / "our-rules"
    write(folder, "our-poc.yaml", good_rule(id="our-poc"))
    broken = good_rule(
        id="our-broken",
        examples=[
            {
                "verdict": "met",
                "text": "1. Requests MINUSCA to apply the policy on the protection of civilians;",
            },
            {
                "verdict": "missing",
                "text": "1. Requests MINUSCA to apply the policy on the protection of civilians;",
            },
        ],
    )
    write(folder, "our-broken.yaml", broken)
    code, out, err = run("check", str(MONUSCO), "--rules", str(folder), "--format", "json")
    assert code == 0, err
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "our-poc" in rules and "our-broken" not in rules and "poc-priority" in rules
    said = [line for line in err.splitlines() if "our-broken" in line]
    assert len(said) == 1 and "our-broken.yaml" in said[0] and "left out" in said[0]
    assert "rules test --rules" in said[0]
    code, out, _ = run("rules", "test", "--rules", str(folder))
    assert code == 1 and "FAIL our-broken example 2: expected missing, got met" in out
    # --only of the rule left out says it was left out, not that no rule has that id
    code, _, err = run("check", str(MONUSCO), "--rules", str(folder), "--only", "our-broken")
    assert code == 2 and "our-broken was left out" in err and "no rule with id" not in err
    code, _, err = run("check", str(MONUSCO), "--rules", str(folder), "--only", "our-brokn")
    assert code == 2 and "no rule with id" in err


def test_validate_announces_a_rule_that_replaces_a_builtin_one(tmp_path: Path) -> None:
    write(tmp_path / "mine", "ours.yaml", good_rule())  # id poc-policy: a built-in id
    write(tmp_path / "mine", "new.yaml", good_rule(id="our-new-rule"))
    code, out, err = run("rules", "validate", "--rules", str(tmp_path / "mine"))
    assert code == 0 and "2 rules valid" in out
    said = [line for line in err.splitlines() if "replaces" in line]
    assert len(said) == 1 and "poc-policy" in said[0] and "ours.yaml" in said[0]


def test_rule_folders_are_named_with_rules_everywhere_and_the_old_form_still_works(tmp_path: Path) -> None:
    """`--rules DIR` names a rule folder in `rules list/validate/test/docs` as in check, memo and compare;
    the positional form of 0.1 still works, with one line saying how to write it now."""
    folder = tmp_path / "our-rules"
    write(folder, "our-poc.yaml", good_rule(id="our-poc"))
    code, out, err = run("rules", "list", "--rules", str(folder))
    assert code == 0 and out.split()[0] == "our-poc" and len(out.splitlines()) == 1 and not err
    code, old_out, err = run("rules", "list", str(folder))  # the form of 0.1
    assert code == 0 and old_out == out
    assert "deprecated" in err and f"rules list --rules {folder}" in err and len(err.splitlines()) == 1
    for command in ("validate", "test", "docs"):
        assert run("rules", command, "--rules", str(folder))[0] == 0, command


def test_the_skeletons_exclude_teaches_the_syntax_the_schema_takes(tmp_path: Path) -> None:
    """The commented `exclude` of `rules new`, uncommented in place of `exclude: []` and filled in, is a valid
    exclusion (why, elements, within, phrases) that rules out the near miss it names."""
    folder = tmp_path / "our-rules"
    assert run("rules", "new", "my-rule", "--dir", str(folder))[0] == 0
    rule = folder / "my-rule.yaml"
    lines = rule.read_text(encoding="utf-8").splitlines()
    start = lines.index("# exclude:")
    block = []
    for line in lines[start:]:
        if not line.startswith("#"):
            break
        block.append(line[2:])
    text = "\n".join(x for x in lines if not x.startswith("exclude: []")).replace("\n".join(
        "# " + b for b in block), "\n".join(block))  # fmt: skip
    # the near miss the exclusion names, as a rule writer adds it: met without the exclusion, partial with it
    text += (
        '\n  - verdict: partial\n    text: "1. Requests the Mission to support the primary responsibility of the '
        'State to protect civilians irrespective of the source of the threat;"\n'
    )
    rule.write_text(text.replace("FILL IN: ", ""), encoding="utf-8")
    sources = folder / "_sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("FILL IN: ", ""), encoding="utf-8")
    code, out, err = run("rules", "test", "--rules", str(folder))
    assert code == 0 and out.splitlines()[-1] == "4 passed, 0 failed", out + err
    from mandatekit.api import setup

    [exclusion] = setup([folder], builtin=False, examples=False).rulebook.get("my-rule").exclude  # type: ignore[union-attr]
    assert exclusion.elements == ["protect"] and exclusion.within == "match" and exclusion.why


def test_a_second_rules_new_adds_its_entry_to_the_register(tmp_path: Path) -> None:
    """The second rule of a folder gets its recommendation under the register's source, and cites that
    source; filled in, both rules are valid. A register not laid out as the scaffold writes it is left alone,
    with a line saying what to add."""
    folder = tmp_path / "our-rules"
    assert run("rules", "new", "first-rule", "--dir", str(folder))[0] == 0
    register = folder / "_sources.yaml"
    for path in (register, folder / "first-rule.yaml"):  # the writer names their source
        path.write_text(path.read_text(encoding="utf-8").replace("our-brief-2026", "team-asks"))
    code, out, _ = run("rules", "new", "second-rule", "--dir", str(folder))
    assert code == 0 and "SECOND-RULE" in out
    entries = yaml.safe_load(register.read_text(encoding="utf-8"))["sources"][0]["recommendations"]
    assert [e["id"] for e in entries] == ["FIRST-RULE", "SECOND-RULE"]
    assert yaml.safe_load((folder / "second-rule.yaml").read_text())["sources"][0]["id"] == "team-asks"
    for path in folder.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("FILL IN: ", ""), encoding="utf-8")
    code, out, err = run("rules", "validate", "--rules", str(folder))
    assert code == 0 and "2 rules valid" in out, err
    register.write_text("sources: [{id: x, title: X, recommendations: []}]\n", encoding="utf-8")
    code, _, err = run("rules", "new", "third-rule", "--dir", str(folder))
    assert code == 0 and "THIRD-RULE" in err and "by hand" in err
    assert register.read_text(encoding="utf-8") == "sources: [{id: x, title: X, recommendations: []}]\n"


def test_rules_new_writes_the_rule_and_its_register_entry_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new rule cites the register's source: when either write fails (a full disk), neither is left
    written, whichever comes first, and the command says so in one line (exit 2)."""
    import mandatekit.output
    from mandatekit.errors import MandatekitError

    folder = tmp_path / "our-rules"
    assert run("rules", "new", "first-rule", "--dir", str(folder))[0] == 0
    register = folder / "_sources.yaml"
    before = register.read_bytes()
    replace = mandatekit.output.replace_atomically
    for failing in ("second-rule.yaml", "_sources.yaml"):

        def full_disk(path: Path, data: bytes | str, failing: str = failing) -> None:
            if path.name == failing:
                raise MandatekitError(path, "cannot write (No space left on device)")
            replace(path, data)

        monkeypatch.setattr(mandatekit.output, "replace_atomically", full_disk)
        code, _, err = run("rules", "new", "second-rule", "--dir", str(folder))
        assert code == 2 and failing in err and "No space left" in err
        assert not (folder / "second-rule.yaml").exists(), failing
        assert register.read_bytes() == before, failing
    # A first rule in a new folder: the register and the schema go with it, or nothing does.
    other = tmp_path / "new-rules"
    code, _, _ = run("rules", "new", "lone-rule", "--dir", str(other))
    assert code == 2 and sorted(p.name for p in other.iterdir()) == []
    monkeypatch.setattr(mandatekit.output, "replace_atomically", replace)
    assert run("rules", "new", "second-rule", "--dir", str(folder))[0] == 0
    assert b"SECOND-RULE" in register.read_bytes()


def test_rules_list_marks_a_users_rules_and_keeps_its_columns_apart(tmp_path: Path) -> None:
    folder = tmp_path / "our-rules"
    theme = "Conflict-related sexual violence"  # 32 characters: wider than any built-in theme
    write(folder, "ours.yaml", good_rule(id="our-long-rule", theme=theme, title="Our title"))
    code, out, _ = run("rules", "list", "--rules", str(folder))
    assert code == 0 and f"{theme}  Our title" in out and out.rstrip().endswith("(from our-rules/)")
    code, out, _ = run("rules", "list")  # the built-in rules: no folder named
    assert code == 0 and "(from" not in out
