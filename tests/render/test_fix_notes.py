"""A gap whose fix proposes no words of its own (the language proposed for another gap also meets it) gets a
note, never a paragraph in the resolution's typeface, and the web page offers no language to copy for it."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from mandatekit.cli import main
from tests.rulebook.test_bad_rules import good_rule, write
from tests.web.conftest import Browser

DRAFT = """The Security Council,

1. Decides to extend the mandate of the Mission until 30 April 2027;

2. Decides to remain seized of the matter.
"""


def rule(rule_id: str, title: str, severity: str, thing: str, suggestion: str) -> str:
    return good_rule(
        id=rule_id,
        title=title,
        severity=severity,
        elements={"inspection": {"label": f"the inspection of {thing}", "phrases": [f"inspect ... {thing}"]}},
        subject=None,
        exclude=None,
        met=["inspection"],
        partial=[],
        suggestion=suggestion,
        examples=[
            {"verdict": "met", "text": f"3. Requests the Mission to inspect {thing};"},
            {"verdict": "missing", "text": "3. Requests the Mission to patrol the border;"},
        ],
    )


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """Two rules: the fix proposed for the first (critical, placed first) also meets the second."""
    folder = tmp_path / "rules"
    write(folder, "widgets.yaml", rule("widget-checks", "Widgets are inspected", "critical", "widgets",
                                       "Requests {mission} to inspect widgets and gadgets at every crossing;"))  # fmt: skip
    write(folder, "gadgets.yaml", rule("gadget-checks", "Gadgets are inspected", "low", "gadgets",
                                       "Requests {mission} to inspect gadgets and report on them;"))  # fmt: skip
    return folder


def memo(tmp_path: Path, rules: Path, suffix: str) -> Path:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / f"memo{suffix}"
    result = CliRunner().invoke(main, ["memo", str(draft), "--rules", str(rules), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


def gap(paragraphs: list, title: str) -> list:  # type: ignore[type-arg]
    start = next(i for i, p in enumerate(paragraphs) if re.match(rf"\d+\. {title} — ", p.text))
    headings = (
        i for i in range(start + 1, len(paragraphs)) if paragraphs[i].style.name.startswith("Heading")
    )
    end = next(headings, len(paragraphs))
    return paragraphs[start:end]


def test_the_word_memo_gives_a_covered_gap_a_note_not_language(tmp_path: Path, rules: Path) -> None:
    d = docx.Document(str(memo(tmp_path, rules, ".docx")))
    widgets = gap(d.paragraphs, "Widgets are inspected")
    gadgets = gap(d.paragraphs, "Gadgets are inspected")
    # the gap with language: its words in the resolution's typeface
    language = [p for p in widgets if p.style.name == "Proposed Language"]
    assert [p.text for p in language] == [
        "Requests the Mission to inspect widgets and gadgets at every crossing;"
    ]
    # the covered gap: one paragraph says where its fix is, in the memo's own voice, and nothing is language
    assert not [p for p in gadgets if p.style.name == "Proposed Language"]
    [proposed] = [p for p in gadgets if p.text.startswith("Proposed: ")]
    assert "Widgets are inspected" in proposed.text and "No language of its own" in proposed.text
    assert proposed.style.name != "Proposed Language"


def test_markdown_and_html_memos_set_the_note_apart_from_language(tmp_path: Path, rules: Path) -> None:
    md = memo(tmp_path, rules, ".md").read_text(encoding="utf-8")
    section = md[md.index("Gadgets are inspected — ") :]
    section = section[: min(section.index(c) for c in ("\n## ", "\n### ") if c in section)]
    assert "No language of its own" in section
    quoted = [line for line in section.splitlines() if line.startswith("> ")]
    assert all(line.startswith("> *“") for line in quoted)  # a source's words at most, no language
    html = memo(tmp_path, rules, ".html").read_text(encoding="utf-8")
    section = html[html.index("Gadgets are inspected — ") :]
    section = section[: min(section.index(c) for c in ("<h2>", "<h3>") if c in section)]
    assert "No language of its own" in section and 'class="proposed"' not in section


def test_the_web_page_offers_no_copy_of_a_note(tmp_path: Path, rules: Path) -> None:
    from mandatekit.web import Workshop, create_app

    decisions = tmp_path / "decisions"
    decisions.mkdir()
    browser = Browser(create_app(Workshop(decisions, rule_dirs=[rules])))
    page = browser.http.get(browser.checked("draft.txt", DRAFT.encode()) + "&placed=1").text
    covered = page[page.index('id="g-gadget-checks"') :]
    covered = covered[: covered.index("</div>")]
    assert "No language of its own" in covered
    assert "Copy suggested language" not in covered and "<blockquote" not in covered
    fixed = page[page.index('id="g-widget-checks"') :]
    fixed = fixed[: fixed.index("</div>")]
    assert "Copy suggested language" in fixed
    assert re.search(r"<blockquote[^>]*>Requests the Mission to inspect widgets", fixed)


def test_agreeing_bracketed_words_is_a_note_too(tmp_path: Path, rules: Path) -> None:
    """The fix that agrees words already in the draft proposes none: the memo says what agreeing secures."""
    from mandatekit.web import Workshop, create_app

    bracketed = DRAFT.replace(
        "2. Decides to remain",
        "2. Requests the Mission to inspect widgets and [gadgets];\n\n3. Decides to remain",
    )
    (tmp_path / "draft.txt").write_text(bracketed, encoding="utf-8")
    out = tmp_path / "memo.md"
    result = CliRunner().invoke(
        main, ["memo", str(tmp_path / "draft.txt"), "--rules", str(rules), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    md = out.read_text(encoding="utf-8")
    section = md[md.index("Gadgets are inspected — ") :]
    section = section[: min(section.index(c) for c in ("\n## ", "\n### ") if c in section)]
    assert "**Proposed: Agree the bracketed text in OP 2.** Agreeing it " in section
    assert not [
        line for line in section.splitlines() if line.startswith("> ") and not line.startswith("> *“")
    ]
    decisions = tmp_path / "decisions"
    decisions.mkdir()
    browser = Browser(create_app(Workshop(decisions, rule_dirs=[rules])))
    page = browser.http.get(browser.checked("draft.txt", bracketed.encode()) + "&placed=1").text
    agreed = page[page.index('id="g-gadget-checks"') :]
    agreed = agreed[: agreed.index("</div>")]
    assert "Agreeing it " in agreed and "Copy suggested language" not in agreed
