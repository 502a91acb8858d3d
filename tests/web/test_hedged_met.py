"""Trial 13 (finding 2): a met finding whose words a hedge qualifies shows the hedge on its card (the card
showed hedges only for partial findings)."""

from __future__ import annotations

import re

from tests.web.conftest import Browser

DRAFT = (
    "The Security Council,\n\nRecalling its previous resolutions,\n\n"
    "1. Requests MONUSCO to ensure that any support provided to the national security forces is subject to "
    "oversight and, as appropriate, in strict compliance with the HRDDP;\n\n"
    "2. Requests MONUSCO to conduct joint operations with the national security forces in strict compliance "
    "with the HRDDP;\n"
)


def test_a_met_card_shows_its_hedge(browser: Browser) -> None:
    page = browser.http.get(browser.checked("draft.txt", DRAFT.encode(), profile="monusco")).text
    card = re.search(r'<li class="finding v-met" id="f-hrddp-support".*?</li>', page, re.DOTALL)
    assert card, "hrddp-support is met by OP 2"
    assert "Note:" in card.group() and "(OP 1) qualifies the condition itself" in card.group()


def test_compare_flags_support_added_without_the_condition(browser: Browser) -> None:
    """Trial 13 (finding 4): the paragraph the round added that gives support with no HRDDP condition."""
    support = (
        "\n3. Decides that MONUSCO may provide logistical and operational support, including fuel and rations, to "
        "operations conducted by the national security forces;\n"
    )
    response = browser.http.post(
        "/compare",
        data={"csrf": browser.token("/compare"), "profile": "monusco"},
        files={"old": ("r1.txt", DRAFT.encode()), "new": ("r2.txt", (DRAFT + support).encode())},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = browser.http.get(response.headers["location"]).text
    added = page[page.index('id="added"') :]
    assert "<strong>new support without compliance with the HRDDP as the condition</strong>" in added
