"""What a drafter reads on the page says only what is so: the legend explains the marks the draft carries,
a decision reads as the form that recorded it, the name under a decision is the one the drafter gave, and a
comparison says which mission profile it judged both drafts under."""

from __future__ import annotations

import re
from pathlib import Path

from tests.web.conftest import BUNDLED, Browser
from tests.web.test_routes import DRAFT

LEGEND = re.compile(r'<p class="legend">(.*?)</p>', re.S)


def texts(page: str) -> list[str]:
    """The page's text, one piece per element."""
    from html.parser import HTMLParser

    pieces: list[str] = []
    parser = HTMLParser()
    parser.handle_data = pieces.append  # type: ignore[method-assign]
    parser.feed(page)
    return [p.strip() for p in pieces if p.strip()]


def legend(page: str) -> str:
    found = LEGEND.search(page)
    return found.group(1) if found else ""


def test_the_legend_explains_only_the_marks_the_draft_carries(browser: Browser) -> None:
    plain = legend(browser.http.get(browser.checked("plain.txt", DRAFT.encode())).text)
    assert "evidence" in plain
    assert "brackets" not in plain and "pending" not in plain
    bracketed = DRAFT.replace("top priority", "[top] priority")
    with_brackets = legend(browser.http.get(browser.checked("b.txt", bracketed.encode())).text)
    assert "[in brackets]" in with_brackets and "pending" not in with_brackets
    word = legend(browser.http.get(browser.checked(BUNDLED.name, BUNDLED.read_bytes())).text)
    for mark in ("evidence", "[in brackets]", "pending insertion", "pending deletion"):
        assert mark in word  # the bundled Word draft has brackets and pending tracked changes of both kinds


def test_a_draft_with_no_evidence_and_no_marks_has_no_legend(browser: Browser) -> None:
    nothing = "The Security Council,\n\n1. Decides to remain seized of the matter.\n"
    page = browser.http.get(browser.checked("n.txt", nothing.encode())).text
    assert 'class="legend"' not in page


def _decide(browser: Browser, address: str, **fields: str):  # type: ignore[no-untyped-def]
    return browser.http.post(
        f"{address}/decide/poc-policy", data={"csrf": browser.token(), **fields}, follow_redirects=False
    )


def test_a_decision_reads_as_the_form_that_recorded_it(browser: Browser, decisions: Path) -> None:
    address, query = browser.checked("d.txt", DRAFT.encode()).split("?")
    form = browser.http.get(f"{address}/decide/poc-policy?{query}").text
    choice = re.search(r'value="accepted"[^>]*> ([^<]+) <code>accepted</code>', form)
    assert choice, form
    label = choice.group(1)
    done = _decide(browser, address, decision="accepted", why="Settled in the chapeau", by="Penholder team")
    assert done.status_code == 303
    page = browser.http.get(done.headers["location"]).text
    assert f"Decided: <strong>{label}</strong> by Penholder team" in page
    assert (
        f"Already decided: <strong>{label}</strong>"
        in browser.http.get(f"{address}/decide/poc-policy?{query}").text
    )
    assert "decision: accepted" in (decisions / "d.decisions.yaml").read_text(
        encoding="utf-8"
    )  # the file's value


def test_a_decision_taken_on_an_earlier_revision_says_where(browser: Browser, decisions: Path) -> None:
    symbol = "United Nations S/2026/900\n\n" + DRAFT
    address, _ = browser.checked("rev1.txt", symbol.encode()).split("?")
    assert _decide(browser, address, decision="accepted", why="In the chapeau", by="Team").status_code == 303
    page = browser.http.get(browser.checked("rev2.txt", symbol.encode())).text
    assert "In the chapeau" in page and "taken on rev1.txt (same symbol S/2026/900)" in page
    address, query = browser.checked("rev2.txt", symbol.encode()).split("?")
    form = browser.http.get(f"{address}/decide/poc-policy?{query}").text
    assert "taken on rev1.txt" in form
    own = browser.http.get(browser.checked("rev1.txt", symbol.encode())).text
    assert "In the chapeau" in own and "taken on" not in own  # on its own draft: nothing to say


def test_decided_by_is_the_name_the_drafter_gives_and_is_remembered(
    browser: Browser, decisions: Path
) -> None:
    import getpass

    address, query = browser.checked("d.txt", DRAFT.encode()).split("?")
    form = browser.http.get(f"{address}/decide/poc-policy?{query}").text
    field = re.search(r'<input id="by"[^>]*>', form)
    assert field and 'value=""' in field.group(0) and "required" in field.group(0)  # nobody's name by default
    assert getpass.getuser() not in field.group(0)
    nameless = _decide(browser, address, decision="accepted", why="Settled", by="  ")
    assert nameless.status_code == 400 and "say who decided" in nameless.text
    assert list(decisions.iterdir()) == []
    done = _decide(browser, address, decision="met", why="Settled", by="Élise, Mission planning")
    assert done.status_code == 303
    assert "by: Élise, Mission planning" in (decisions / "d.decisions.yaml").read_text(encoding="utf-8")
    again = browser.http.get(f"{address}/decide/poc-policy?{query}").text
    assert 'id="by" name="by" type="text" value="Élise, Mission planning"' in again  # remembered here
    other = Browser(browser.http.app)
    other_address, other_query = other.checked("d.txt", DRAFT.encode()).split("?")
    elsewhere = other.http.get(f"{other_address}/decide/poc-policy?{other_query}").text
    assert '<input id="by" name="by" type="text" value=""' in elsewhere  # not in another browser


def test_a_comparison_names_the_profile_it_judged_under(browser: Browser) -> None:
    def compared(**fields: str) -> str:
        response = browser.http.post(
            "/compare",
            data={"csrf": browser.token("/compare"), **fields},
            files={"old": ("rev1.txt", DRAFT.encode()), "new": ("rev2.txt", DRAFT.encode())},
            follow_redirects=False,
        )
        assert response.status_code == 303
        return browser.http.get(response.headers["location"]).text

    chosen = compared(profile="monusco")
    assert re.search(r'class="mission">Compared under the profile [^<]*MONUSCO', chosen), chosen[:3000]
    assert '<option value="monusco" selected>' in chosen  # and another can be chosen from the page
    detected = compared(profile="")
    assert 'class="mission">' in detected and "general terms are used" in detected  # as each draft was read


def test_a_comparison_of_two_rounds_of_one_mission_names_it_once(browser: Browser) -> None:
    named = DRAFT.replace("the Mission's", "MINUSCA's").replace(
        "The Security Council,", "The Security Council,\n\nRecalling the mandate of MINUSCA,"
    )
    later = named.replace("top priority", "priority")
    response = browser.http.post(
        "/compare",
        data={"csrf": browser.token("/compare"), "profile": ""},
        files={"old": ("r1.txt", named.encode()), "new": ("r2.txt", later.encode())},
        follow_redirects=False,
    )
    page = browser.http.get(response.headers["location"]).text
    # read as a screen reader or a copy reads it, element by element: no space before the comma
    said = " ".join(" ".join(texts(page)).split())
    assert "Compared under the profile MINUSCA (Central African Republic), detected from each draft." in said
    assert "Earlier draft:" not in page and "Later draft:" not in page


def test_no_decision_is_taken_for_the_team(browser: Browser, decisions: Path) -> None:
    """The form comes with no choice made: a team that sends it without choosing is asked to, nothing kept."""
    address, query = browser.checked("d.txt", DRAFT.encode()).split("?")
    form = browser.http.get(f"{address}/decide/poc-policy?{query}").text
    radios = re.findall(r'<input type="radio" name="decision"[^>]*>', form)
    assert len(radios) == 5 and not any("checked" in r for r in radios) and "required" in radios[0]
    unchosen = _decide(browser, address, why="Settled", by="Team")
    assert unchosen.status_code == 400 and "choose the team" in unchosen.text
    assert list(decisions.iterdir()) == []


def test_the_items_of_a_preambular_list_keep_their_numbers(browser: Browser) -> None:
    """Trial 11, finding 13: PP 16's items '(i) ... (x)' each showed as 'PP 16', their numbers gone."""
    from mandatekit.read import read_string
    from mandatekit.web.views import draft_html, draft_view

    items = "\n\n".join(
        f"({n}) {what}," for n, what in [("i", "effective governance"), ("ii", "anti-corruption")]
    )
    text = (
        "The Security Council,\n\nRecalling its previous resolutions,\n\nRecognising that military action alone will not be sufficient to resolve threats to peace and security, "
        "and reiterating the need to pursue a holistic approach, including through enhancing:\n\n"
        f"{items}\n\nNoting the report of the Secretary-General,\n\n1. Decides to remain seized of the matter."
    )
    document = read_string(text)
    assert [p.label for p in document.paragraphs if p.ref == "PP 2"] == [None, "(i)", "(ii)"]
    assert document.by_ref("PP 3") is not None  # the items took no number of the preamble's own
    html = str(draft_html(draft_view(document, [])))
    refs = re.findall(r'<span class="ref">([^<]*)</span>', html)
    assert refs[:5] == ["PP 1", "PP 2", "PP 2 (i)", "PP 2 (ii)", "PP 3"]
    page = browser.http.get(browser.checked("items.txt", text.encode())).text
    assert "PP 2 (ii)" in texts(page)
