"""How the outputs cite and order what they show: priority asks in the order of the gaps they point to, a
source by its title wherever it is named and once per document, the annex as a citation a memo sent as it
is carries."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from mandatekit.api import memo_context, setup
from mandatekit.cli import main
from mandatekit.read import read, read_string
from tests.web.conftest import Browser

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "minusca-zero-draft.docx"
UNMISS = """S/2026/900
Draft resolution: renewal of the mandate of UNMISS

The Security Council,

1. Decides to extend the mandate of UNMISS until 30 April 2027;

2. Decides that the mandate of UNMISS shall include the following tasks:
(a) To protect civilians under threat of physical violence, within its capabilities and areas of deployment;

3. Decides to remain seized of the matter.
"""


def test_priority_asks_follow_the_order_of_their_gaps() -> None:
    s = setup()
    document = read(EXAMPLE)
    context = memo_context(s.judge(document), s, document, place_fixes=False)
    numbers = [a["number"] for a in context["asks"]]
    assert len(numbers) >= 3 and numbers == sorted(numbers)
    # a partial gap is still preferred over a missing one of the same severity when there are too many
    chosen = {a["rule"] for a in context["asks"]}
    assert all(g["rule"] in chosen for g in context["gaps"] if g["severity"] == "critical")


def test_the_terminal_names_a_source_by_its_title() -> None:
    result = CliRunner().invoke(main, ["check", str(EXAMPLE)])
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("Source: ")]
    assert lines and all(
        "poc-impartiality-2021" not in line and "atrocity-alert-2021" not in line for line in lines
    )
    assert any(line.startswith("Source: Protection of civilians, impartiality") for line in lines)


def test_the_check_page_lists_each_source_document_once(tmp_path: Path) -> None:
    from mandatekit.web import Workshop, create_app

    browser = Browser(create_app(Workshop(tmp_path)))
    page = browser.http.get(browser.checked("draft.txt", UNMISS.encode())).text
    finding = page[page.index('id="f-poc-impartial"') :]
    listed = finding[finding.index('class="sources"') : finding.index("</details>")]
    items = re.findall(r"<li>(.*?)</li>", listed)
    assert items and len(items) == len(set(items))  # the rule quotes its source twice: one document


def _source_lines(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("*Source")]


def test_the_markdown_report_names_each_source_once_per_finding(tmp_path: Path) -> None:
    """A source quoted twice by one rule, or two sources made for the same other mission, are named once."""
    draft = tmp_path / "unmiss.txt"
    draft.write_text(UNMISS, encoding="utf-8")
    elsewhere = _source_lines(CliRunner().invoke(main, ["check", str(draft), "--format", "markdown"]).stdout)
    assert elsewhere and all(line.count("recommended for MINUSCA's renewal by") == 1 for line in elsewhere)
    assert any(" and *" in line for line in elsewhere)  # two documents: one phrase, both titles
    for line in elsewhere:
        titles = re.findall(r"\*([^*]+)\*", line.split(":*", 1)[1])
        assert len(titles) == len(set(titles)), line
    own = _source_lines(CliRunner().invoke(main, ["check", str(EXAMPLE), "--format", "markdown"]).stdout)
    quoted_twice = [line for line in own if line.count("Protection of civilians, impartiality") > 1]
    assert not quoted_twice  # the MINUSCA draft quotes them: each title once, its passages after it
    assert any(line.count("”; “") for line in own)


def test_the_annex_cites_a_source_as_a_memo_does() -> None:
    s = setup()
    document = read_string(UNMISS)
    context = memo_context(s.judge(document), s, document, place_fixes=False)
    cited = {x["id"]: x["citation"] for x in context["sources"]}
    assert cited["atrocity-alert-2021"] == "Global Centre for the Responsibility to Protect, 27 January 2021"
    assert cited["rwanda-car-2022"] == "Paolo Caruso, 2022"
    # an unsigned document is cited by what it is and its month, with no cataloguer's remarks
    assert re.fullmatch(r"[A-Z][a-z]+( [a-z]+)*, October 2021", cited["poc-impartiality-2021"])
