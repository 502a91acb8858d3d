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
