"""The web page's Compare leads with what the round lost, in the command line's groups and order: regressed,
then the verdicts that held though their evidence was lost or weakened, then improved, then unchanged (trial 7: the losses were filed under "Unchanged")."""

from __future__ import annotations

import re

from tests.rounds.test_compare import BASE
from tests.rounds.test_rewritten import SOFA_REWRITTEN
from tests.rounds.test_round_text import NEW as ROUND_NEW
from tests.rounds.test_round_text import OLD as ROUND_OLD
from tests.web.conftest import Browser

OLD = "The Security Council,\n\n" + "\n\n".join(BASE)
# hrddp-support holds its verdict but the round hedged it; poc-impartial and sofa-compliance regress (the
# SOFA paragraph rewritten where it stood); the deleted words are replaced with markup that must be escaped.
NEW = "The Security Council,\n\n" + "\n\n".join(
    [
        BASE[0],
        # the task hedged, its condition whole: a hedge beside the condition would make it partial (trial 13)
        BASE[1].replace("Requests the Mission to", "Requests the Mission, as appropriate, to"),
        BASE[2].replace("irrespective of the source of violence", "<script>alert(1)</script>"),
        SOFA_REWRITTEN,
        BASE[4],
    ]
)


def compared(browser: Browser) -> str:
    response = browser.http.post(
        "/compare",
        data={"csrf": browser.token("/compare"), "profile": ""},
        files={"old": ("rev1.txt", OLD.encode()), "new": ("rev2.txt", NEW.encode())},
        follow_redirects=False,
    )
    assert response.status_code == 303
    return browser.http.get(response.headers["location"]).text


def test_the_losses_come_first_in_the_command_lines_groups(browser: Browser) -> None:
    page = compared(browser)
    summary = re.search(r'<p class="summary">(.*?)</p>', page, re.S)
    assert summary is not None
    said = " ".join(re.sub(r"<[^>]+>", " ", summary.group(1)).split())
    assert said == "2 regressed 0 improved 1 evidence weakened 19 unchanged"
    regressed, lost = page.index("Regressed (2)"), page.index("Verdict held, evidence lost or weakened (1)")
    unchanged = page.index("Unchanged (19)")
    assert regressed < lost < unchanged
    hedged = page.index('id="c-hrddp-support"')
    assert lost < hedged < unchanged  # among the losses, not under "Unchanged"
    item = page[hedged : page.index("</li>", hedged)]
    assert "c-lost" in item and "evidence weakened" in item and "OP 2 now holds “as appropriate”" in item
    assert page.index('id="c-poc-impartial"') < lost and page.index('id="c-sofa-compliance"') < lost


def test_a_paragraph_rewritten_in_place_shows_its_new_words(browser: Browser) -> None:
    page = compared(browser)
    sofa = page[page.index('id="c-sofa-compliance"') :]
    sofa = sofa[: sofa.index("</li>")]
    assert "(rewritten where it stood)" in sofa
    assert "<del>Calls upon</del> <ins>Encourages</ins>" in sofa
    assert "the old OP 4 was deleted" not in page


def test_the_drafts_words_are_escaped(browser: Browser) -> None:
    page = compared(browser)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_deleted_paragraphs_and_new_brackets_are_listed(browser: Browser) -> None:
    response = browser.http.post(
        "/compare",
        data={"csrf": browser.token("/compare"), "profile": ""},
        files={
            "old": ("rev1.txt", "\n\n".join(["The Security Council,", *ROUND_OLD]).encode()),
            "new": ("rev2.txt", "\n\n".join(["The Security Council,", *ROUND_NEW]).encode()),
        },
        follow_redirects=False,
    )
    page = browser.http.get(response.headers["location"]).text
    counts = re.search(r'<p class="summary text-counts">(.*?)</p>', page, re.S)
    assert counts is not None and "1 operative paragraph deleted" in counts.group(1)
    deleted = page[page.index('id="deleted"') : page.index('id="bracketed"')]
    assert "The old OP 5" in deleted and "Requests the Secretary-General to report" in deleted
    assert "[15 November 2027][30 June 2027]" in page[page.index('id="bracketed"') : page.index('id="verbs"')]
