"""A long draft's result page comes before its suggestions are placed (placing them judges the draft again with
each fix): the verdicts, evidence and reasons at once, each suggestion's language and place after, from
/check/ID/places, which the page's script puts in; without script, each placeholder links to the page with
them. Filled in, the page reads as the page that waited for them. Forced here on the bundled draft
(`place_later_chars=0`); a server puts it off past 100,000 characters."""

from __future__ import annotations

import re
from pathlib import Path

from mandatekit.web import Workshop, create_app
from tests.web.conftest import BUNDLED, Browser

_ID = re.compile(r"/check/([\w-]+)")


def _later(decisions: Path) -> Browser:
    return Browser(create_app(Workshop(decisions, place_later_chars=0)))


def _without_id(html: str) -> str:
    return _ID.sub("/check/ID", html)


def _places_url(page: str) -> str:
    found = re.search(r'data-places="([^"]+)"', page)
    assert found, "no places asked for"
    return found.group(1).replace("&amp;", "&")


def test_the_page_comes_first_and_the_places_fill_it_in_as_the_page_that_waited(decisions: Path) -> None:
    browser = _later(decisions)
    url = browser.checked(BUNDLED.name, BUNDLED.read_bytes())
    first = browser.http.get(url).text
    assert 'class="goto-place"' not in first and "Copy suggested language" not in first
    gaps = re.findall(r'<li class="finding v-(?:partial|missing)" id="f-([\w-]+)"', first)
    assert gaps and all(f'<div class="suggestion later" id="g-{rule}">' in first for rule in gaps)
    assert f"placed=1#f-{gaps[0]}" in first  # without script: a link to the page with them
    assert '<mark class="ev' in first and 'class="why"' in first  # evidence and reasons at once

    places = browser.http.get(_places_url(first))
    assert places.status_code == 200
    assert "script-src 'self'" in places.headers["content-security-policy"]
    blocks = re.findall(r'<div class="suggestion" id="g-([\w-]+)">.*?</div>', places.text, re.S)
    assert blocks == gaps
    filled = first  # what the page's script does: each element put in place of the one with its id
    for m in re.finditer(
        r'<(p|div) class="(?:assessment|suggestion)" id="([\w-]+)">.*?</\1>', places.text, re.S
    ):
        element, element_id = m.group(0), m.group(2)
        filled, n = re.subn(
            rf'<(p|div) class="[\w ]+" id="{element_id}">.*?</\1>',
            element.replace("\\", "\\\\"),
            filled,
            count=1,
            flags=re.S,
        )
        assert n == 1, element_id
    waited = Browser(create_app(Workshop(decisions)))  # a server that puts nothing off: the page as before
    whole = waited.http.get(waited.checked(BUNDLED.name, BUNDLED.read_bytes())).text
    strip = re.compile(r' data-places="[^"]+" aria-busy="true"')
    assert _without_id(strip.sub("", filled)) == _without_id(whole)
    assert _without_id(browser.http.get(url).text) == _without_id(whole)  # kept: the page comes whole now


def test_without_script_the_placeholder_leads_to_the_page_with_the_places(decisions: Path) -> None:
    browser = _later(decisions)
    url = browser.checked(BUNDLED.name, BUNDLED.read_bytes())
    placed = browser.http.get(url + "&placed=1").text
    assert "data-places" not in placed and 'class="suggestion later"' not in placed
    assert "Insert after OP" in placed and 'class="goto-place" href="#p-' in placed


def test_another_browser_cannot_ask_for_the_places(decisions: Path) -> None:
    browser = _later(decisions)
    first = browser.http.get(browser.checked(BUNDLED.name, BUNDLED.read_bytes())).text
    stranger = _later(decisions)
    assert stranger.http.get(_places_url(first)).status_code == 404


def test_a_short_draft_waits_for_its_places(browser: Browser) -> None:
    page = browser.http.get(browser.checked(BUNDLED.name, BUNDLED.read_bytes())).text
    assert "data-places" not in page and 'class="goto-place"' in page
