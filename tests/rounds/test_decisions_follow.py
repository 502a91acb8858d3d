"""A decision follows the draft to its next revision (matched by its symbol or title and the rule, not the
file name), and a settled finding leaves the asks and the counts, the memo saying so."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mandatekit.cli import main
from tests.builders import renewal_draft


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def revisions(tmp_path: Path) -> tuple[Path, Path]:
    rev1 = renewal_draft().save(tmp_path / "zero-draft.docx")
    later = renewal_draft()
    later.op("Requests", "the Secretary-General to report to the Council every four months;")
    return rev1, later.save(tmp_path / "rev2.docx")


def test_a_decision_follows_the_draft_to_its_next_revision(tmp_path: Path) -> None:
    rev1, rev2 = revisions(tmp_path)
    code, out, err = run("decide", "hr-monitoring", "--as", "not-applicable", "--why", "Covered by the HRC",
                         "--by", "Penholder", "--draft", str(rev1))  # fmt: skip
    assert code == 0, err
    code, out, _ = run("check", str(rev2), "--format", "json")
    finding = next(f for f in json.loads(out)["findings"] if f["rule"] == "hr-monitoring")
    assert finding["decision"]["decision"] == "not-applicable"
    assert finding["decision"]["source"].endswith("zero-draft.decisions.yaml")
    # a draft with another title and symbol in the same folder does not take it
    other = tmp_path / "other.docx"
    from tests.builders import DraftBuilder

    DraftBuilder().front("The Security Council,").op("Decides", "to remain seized;").save(other)
    code, out, _ = run("check", str(other), "--format", "json")
    assert next(f for f in json.loads(out)["findings"] if f["rule"] == "hr-monitoring")["decision"] is None


def test_a_settled_finding_leaves_the_asks_and_the_counts(tmp_path: Path) -> None:
    rev1, rev2 = revisions(tmp_path)
    run("memo", str(rev2), "-o", str(tmp_path / "before.md"))
    before = (tmp_path / "before.md").read_text()
    assert "Public human rights monitoring and reporting on all actors** (missing" in before
    run(
        "decide",
        "hr-monitoring",
        "--as",
        "not-applicable",
        "--why",
        "Covered by the HRC",
        "--draft",
        str(rev1),
    )
    code, _, err = run("memo", str(rev2), "-o", str(tmp_path / "after.md"))
    assert code == 0, err
    after = (tmp_path / "after.md").read_text()
    asks = after[after.index("## Priority asks") : after.index("## Scorecard")]
    assert "Public human rights monitoring" not in asks
    assert "settled by the drafting team's recorded decisions" in after
    assessment = after[after.index("## Assessment") :].splitlines()[2]
    was = before[before.index("## Assessment") :].splitlines()[2]
    # one more counted as met, one gap fewer
    assert (
        assessment.split(" of the ")[0] != was.split(" of the ")[0]
        and "“Public human rights monitoring and reporting on all actors”" in assessment
    )


BODY = """The Security Council,

Expressing grave concern at the continuing violence against civilians,

1. Decides to extend the mandate of UNMISS until 30 April 2027;

2. Decides to remain actively seized of the matter.
"""
TITLE = "Draft resolution: renewal of the mandate of UNMISS"


def _decision(tmp_path: Path, name: str) -> dict | None:  # type: ignore[type-arg]
    code, out, err = run("check", str(tmp_path / name), "--format", "json")
    assert code == 0, err
    return next(f for f in json.loads(out)["findings"] if f["rule"] == "poc-policy")["decision"]


def test_a_decision_follows_revisions_only_and_says_where_it_was_taken(tmp_path: Path) -> None:
    """Rounds of one draft (the same symbol; without a symbol, the same title naming its subject) take a
    decision taken on an earlier round, and say on which file; another text in the folder does not: another
    symbol, whatever its title, or a title that names no subject."""
    drafts = {
        "rev1.txt": f"S/2026/900\n{TITLE}\n\n{BODY}",
        "rev2.txt": f"S/2026/900\n{TITLE}\n\n{BODY}\n3. Requests the Secretary-General to report;\n",
        "no-symbol.txt": f"{TITLE}\n\n{BODY}",
        "next-year.txt": f"S/2027/150\n{TITLE}\n\n{BODY}",
        "bare-1.txt": f"Draft resolution\n\n{BODY}",
        "bare-2.txt": f"Draft resolution\n\n{BODY}",
    }
    for name, text in drafts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name in ("rev1.txt", "bare-1.txt"):
        code, _, err = run("decide", "poc-policy", "--as", "not-applicable", "--why", "In the PoC strategy",
                           "--by", "Penholder", "--draft", str(tmp_path / name))  # fmt: skip
        assert code == 0, err
    own = _decision(tmp_path, "rev1.txt")
    assert own is not None and own["decided_on"] is None
    for later, shared in (("rev2.txt", "S/2026/900"), ("no-symbol.txt", TITLE)):
        decision = _decision(tmp_path, later)
        assert decision is not None and decision["decided_on"] == "rev1.txt", later
        assert shared in decision["matched_by"] and decision["source"].endswith("rev1.decisions.yaml")
    assert _decision(tmp_path, "next-year.txt") is None
    assert _decision(tmp_path, "bare-2.txt") is None
    code, out, _ = run("check", str(tmp_path / "rev2.txt"))
    decided = [line for line in out.splitlines() if "decided" in line]
    assert decided and all("rev1.txt" in line for line in decided)


def test_the_memo_trail_says_on_which_revision_a_decision_was_taken(tmp_path: Path) -> None:
    rev1, rev2 = revisions(tmp_path)
    run(
        "decide",
        "hr-monitoring",
        "--as",
        "not-applicable",
        "--why",
        "Covered by the HRC",
        "--draft",
        str(rev1),
    )
    for suffix in (".md", ".html", ".docx"):
        out = tmp_path / f"memo{suffix}"
        code, _, err = run("memo", str(rev2), "-o", str(out))
        assert code == 0, err
        if suffix == ".docx":
            import docx

            text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        else:
            text = out.read_text(encoding="utf-8")
        trail = text[text.index("Drafter decisions") :]
        assert "taken on zero-draft.docx (same " in trail, suffix
    # on the draft it was taken on, no origin is named
    run("memo", str(rev1), "-o", str(tmp_path / "own.md"))
    own = (tmp_path / "own.md").read_text(encoding="utf-8")
    assert "Covered by the HRC" in own and "taken on" not in own


def test_a_placeholder_symbol_links_no_drafts_and_a_decision_stays_with_its_mission(tmp_path: Path) -> None:
    """Penholders' drafts of several missions carry the same placeholder symbol ('S/2023/xxx'): it names no
    draft, so a decision taken on one does not reach another; and a decision taken under one mission's
    profile never reaches a draft judged under another's, whatever the symbol."""
    bare = BODY.replace("UNMISS", "the Mission")
    for name, symbol in (("mission-a.txt", "S/2023/xxx"), ("mission-b.txt", "S/2023/xxx"),
                         ("mission-c.txt", "S/2023/…"), ("mission-d.txt", "S/2023/____")):  # fmt: skip
        (tmp_path / name).write_text(f"{symbol}\nDraft resolution\n\n{bare}", encoding="utf-8")
    code, _, err = run("decide", "poc-policy", "--as", "not-applicable", "--why", "In the PoC strategy",
                       "--by", "Penholder", "--draft", str(tmp_path / "mission-a.txt"))  # fmt: skip
    assert code == 0, err
    assert _decision(tmp_path, "mission-a.txt") is not None
    for other in ("mission-b.txt", "mission-c.txt", "mission-d.txt"):
        assert _decision(tmp_path, other) is None, other
    # a real symbol still links revisions, but not across profiles
    (tmp_path / "r1.txt").write_text(f"S/2026/900\n{TITLE}\n\n{BODY}", encoding="utf-8")
    (tmp_path / "r2.txt").write_text(f"S/2026/900\n{TITLE}\n\n{BODY}", encoding="utf-8")
    code, _, err = run("decide", "poc-policy", "--as", "not-applicable", "--why", "In the PoC strategy",
                       "--by", "Penholder", "--profile", "unmiss", "--draft", str(tmp_path / "r1.txt"))  # fmt: skip
    assert code == 0, err
    assert "profile: unmiss" in (tmp_path / "r1.decisions.yaml").read_text()
    code, out, err = run("check", str(tmp_path / "r2.txt"), "--profile", "unmiss", "--format", "json")
    assert code == 0, err
    assert next(f for f in json.loads(out)["findings"] if f["rule"] == "poc-policy")["decision"] is not None
    code, out, err = run("check", str(tmp_path / "r2.txt"), "--profile", "monusco", "--format", "json")
    assert code == 0, err
    assert next(f for f in json.loads(out)["findings"] if f["rule"] == "poc-policy")["decision"] is None
