"""Trial 15 (F11): a finding's card names the bullet its evidence stands in ('OP 1, second bullet'), as the
terminal does: five bullets of one paragraph share its ref."""

from __future__ import annotations

import re

from tests.web.conftest import Browser

DRAFT = (
    "The Security Council,\n\nRecalling its previous resolutions,\n\n"
    "1. Calls upon the Government of South Sudan to:\n\n"
    "• Make progress on creating a conducive political environment;\n\n"
    "• End all obstructions to UNMISS, including restrictions on its freedom of movement;\n\n"
    "2. Decides to remain actively seized of the matter.\n"
)


def test_a_card_names_the_bullet(browser: Browser) -> None:
    page = browser.http.get(browser.checked("draft.txt", DRAFT.encode(), profile="unmiss")).text
    card = re.search(r'<li class="finding v-\w+" id="f-sofa-compliance".*?</li>', page, re.DOTALL)
    assert card, "sofa-compliance rests on OP 1's second bullet"
    assert "OP 1, second bullet" in card.group()
    # near miss: the same words in no bullet name none
    page = browser.http.get(
        browser.checked("plain.txt", DRAFT.replace("• ", "").encode(), profile="unmiss")
    ).text
    card = re.search(r'<li class="finding v-\w+" id="f-sofa-compliance".*?</li>', page, re.DOTALL)
    assert card and "bullet" not in card.group()
