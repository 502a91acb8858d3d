"""'Why it falls short' names the defect first: a remark on the finding's words that is no shortfall (the
standard 'within its capabilities and areas of deployment' of a protection task) never stands in its place."""

from __future__ import annotations

from pathlib import Path

from mandatekit.api import memo_context, setup
from mandatekit.read import read_string
from tests.web.conftest import Browser

DRAFT = """The Security Council,

1. Decides to extend the mandate of the Mission until 30 April 2027;

2. Decides that the mandate of the Mission shall include the following tasks:
(a) To protect civilians under threat of physical violence, irrespective of the source of such violence, \
within its capabilities and areas of deployment;

3. Decides to remain seized of the matter.
"""


def test_the_defect_comes_before_a_remark_that_is_no_gap() -> None:
    s = setup(profile="minusca")
    document = read_string(DRAFT)
    report = s.judge(document, ["poc-priority"])
    [finding] = report.findings
    assert finding.verdict.value == "partial" and finding.hedges and finding.reasons
    [gap] = memo_context(report, s, document, place_fixes=False)["gaps"]
    why = gap["why"]
    # the reason the judge gives (priority status missing) is said, and first
    assert why.startswith(finding.reasons[0].rstrip("."))
    remark = why.find(finding.hedges[0])
    assert remark == -1 or remark > len(finding.reasons[0])


def test_the_web_page_gives_the_same_reason(tmp_path: Path) -> None:
    from mandatekit.web import Workshop, create_app

    browser = Browser(create_app(Workshop(tmp_path)))
    page = browser.http.get(browser.checked("draft.txt", DRAFT.encode(), profile="minusca")).text
    finding = page[page.index('id="f-poc-priority"') :]
    why = finding[finding.index('<p class="why">') :]
    why = why[: why.index("</p>")]
    assert "priority" in why.split("within its capabilities")[0]
