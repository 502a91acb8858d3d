"""The memo downloaded from the page can be sent as it is (trial 13): its head (To, From) is filled in on the
page as --to and --author fill it on the command line, and 'for delegations' writes it for readers outside
the sender's office, as `memo --for delegations` does."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.web.conftest import Browser
from tests.web.test_routes import DRAFT, cli


@pytest.fixture
def same_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")


def test_the_page_addresses_the_memo_as_the_command_line_does(
    browser: Browser, decisions: Path, tmp_path: Path, same_day: None
) -> None:
    url = browser.checked("mission-draft.txt", DRAFT.encode(), profile="monusco")
    page = browser.http.get(url).text
    assert 'name="to"' in page and 'name="from"' in page and 'value="delegations"' in page
    base = url.replace("?", "/download/memo.html?")
    team = browser.http.get(base).text
    # the team's memo: where each recommendation was written (another mission's sources), and the file
    assert "MINUSCA" in team and "mission-draft.txt" in team and "[Your name]" in team
    head = {"to": "Council delegations", "from": "Civilians First (NGO)", "for": "delegations"}
    sent = browser.http.get(f"{base}&{urlencode(head)}")
    assert sent.status_code == 200
    memo = sent.text
    assert "Council delegations" in memo and "Civilians First (NGO)" in memo and "[Your name]" not in memo
    assert "MINUSCA" not in memo and "mission-draft.txt" not in memo and "Recommended for" not in memo
    assert "MONUSCO" in memo  # the mission row keeps the mission
    (decisions / "mission-draft.txt").write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "cli.html"
    cli("memo", "mission-draft.txt", "--profile", "monusco", "--for", "delegations", "--to", "Council delegations",
        "--author", "Civilians First (NGO)", "-o", out, cwd=decisions)  # fmt: skip
    assert out.read_text(encoding="utf-8") == memo
    # left empty, the fields keep the defaults; an unknown audience is refused in one line
    assert browser.http.get(f"{base}&to=&from=").text == team
    refused = browser.http.get(f"{base}&for=everyone")
    assert refused.status_code == 400 and "unknown memo readers" in refused.text
