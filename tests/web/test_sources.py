"""A finding's sources on the result page, for a draft of another mission than the one they were written for."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.render.test_wording import unifil_draft
from tests.web.conftest import Browser


def test_a_source_made_for_another_mission_is_named_not_left_empty(browser: Browser, tmp_path: Path) -> None:
    draft = unifil_draft().save(tmp_path / "unifil.docx")
    page = browser.http.get(browser.checked("unifil.docx", draft.read_bytes())).text
    lists = re.findall(r'<details class="sources">.*?<ul>(.*?)</ul>', page, re.S)
    assert lists and all(items.strip() for items in lists)  # no empty <ul></ul>
    named = [html.unescape(i) for i in re.findall(r"<li>(Recommended for .*?)</li>", page)]
    assert named and all(re.fullmatch(r"Recommended for MINUSCA's renewal by “[^”]+”; here in general terms\.", n)
                         for n in named), named  # fmt: skip
    assert "Bangui" not in page and "FACA" not in page
