"""Every route of the web page through the ASGI test client: what it shows, and that its downloads are
what the command line writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mandatekit.cli import main
from tests.web.conftest import BUNDLED, Browser, members

DRAFT = """The Security Council,

Condemning the restrictions imposed on the movement of the Mission's patrols, in violation of the Status of \
Forces Agreement,

1. Decides that the protection of civilians shall remain the Mission's top priority;

2. Welcomes the Mission's application of the Human Rights Due Diligence Policy;

3. Decides to remain actively seized of the matter.
"""


def cli(*args: object, cwd: Path) -> str:
    """The command line's stdout, run in `cwd` (so that a draft is named as on the page)."""
    import os

    before = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, [str(a) for a in args])
    finally:
        os.chdir(before)
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@pytest.fixture
def same_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")


def test_the_start_page_has_the_form_and_the_headers(browser: Browser) -> None:
    page = browser.http.get("/")
    assert page.status_code == 200
    assert 'type="file"' in page.text and "<textarea" in page.text and 'name="profile"' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"
    assert "HttpOnly" in page.headers["set-cookie"]
    assert "<script>" not in page.text and " style=" not in page.text  # nothing inline: the CSP allows none
    # The file picker offers what the README says is read: a macro-enabled .docm is refused (trial 10).
    for path in ("/", "/compare"):
        assert ".docm" not in browser.http.get(path).text


def test_check_the_bundled_draft_shows_the_verdicts_beside_the_draft(
    browser: Browser, decisions: Path, same_day: None
) -> None:
    result = browser.http.get(browser.checked(BUNDLED.name, BUNDLED.read_bytes()))
    assert result.status_code == 200
    shutil.copy(BUNDLED, decisions / BUNDLED.name)
    report = json.loads(cli("check", BUNDLED.name, "--format", "json", cwd=decisions))
    s = report["summary"]
    assert f"{s['met']} met" in result.text and f"{s['missing']} missing" in result.text
    for finding in report["findings"]:
        assert f'id="f-{finding["rule"]}"' in result.text
        assert f'data-verdict="{finding["verdict"]}"' in result.text
    assert 'class="ref">OP 3(a)(ii)<' in result.text  # paragraph by paragraph with their references
    assert '<mark class="ev' in result.text  # evidence highlighted
    assert 'class="br"' in result.text or 'class="ev br"' in result.text  # OP 4's square brackets
    assert 'class="pending"' in result.text  # its pending tracked changes
    assert "Insert after OP" in result.text and "Copy suggested language" in result.text
    assert 'class="goto-place" href="#p-' in result.text  # the place a suggestion goes, linked


def test_a_finding_links_to_its_evidence_and_a_paragraph_to_its_findings(browser: Browser) -> None:
    page = browser.http.get(browser.checked("d.txt", DRAFT.encode())).text
    # hrddp-support rests on OP 2: its title links there, and OP 2 lists it
    assert 'class="goto" href="#p-' in page
    assert 'href="#f-' in page and 'data-finding="' in page


def test_filter_by_verdict(browser: Browser) -> None:
    url = browser.checked("d.txt", DRAFT.encode())
    page = browser.http.get(url + "&show=missing").text
    assert 'data-verdict="met" hidden' in page or 'data-verdict="met"' not in page
    assert 'data-verdict="missing">' in page


def test_pasted_text_is_checked_like_a_text_file(browser: Browser) -> None:
    response = browser.http.post(
        "/check", data={"csrf": browser.token(), "text": DRAFT}, follow_redirects=True
    )
    assert response.status_code == 200 and "pasted-draft.txt" in response.text


def test_the_drafts_text_is_always_escaped(browser: Browser) -> None:
    hostile = DRAFT.replace(
        "top priority;",
        'top priority <script>alert(1)</script> <img src=x onerror=alert(2)> "quoted" & more;',
    )
    page = browser.http.get(browser.checked("<b>bold</b>.txt", hostile.encode())).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


@pytest.mark.parametrize(
    ("kind", "command"),
    [
        ("memo.docx", ["memo", "{draft}", "-o", "{out}"]),
        ("memo.html", ["memo", "{draft}", "-o", "{out}.html"]),
        ("redline.docx", ["redline", "{draft}", "-o", "{out}"]),
        ("annotated.docx", ["annotate", "{draft}", "-o", "{out}"]),
        ("report.json", ["check", "{draft}", "--format", "json"]),
        ("report.csv", ["check", "{draft}", "--format", "csv"]),
    ],
)
def test_downloads_are_what_the_command_line_writes(
    browser: Browser, decisions: Path, tmp_path: Path, same_day: None, kind: str, command: list[str]
) -> None:
    url = browser.checked(BUNDLED.name, BUNDLED.read_bytes()).replace("?", f"/download/{kind}?")
    download = browser.http.get(url)
    assert download.status_code == 200
    assert "attachment" in download.headers["content-disposition"]
    shutil.copy(BUNDLED, decisions / BUNDLED.name)
    out = tmp_path / "cli-output.docx"
    args = [a.format(draft=BUNDLED.name, out=out) for a in command]
    stdout = cli(*args, cwd=decisions)
    written = Path(args[-1]) if "-o" in args else None
    if written is None:
        assert download.content == stdout.encode("utf-8")
    elif kind.endswith(".docx"):
        assert members(download.content) == members(written.read_bytes())
    else:
        assert download.content == written.read_bytes()


def test_redline_and_comments_need_a_word_draft(browser: Browser) -> None:
    url = browser.checked("d.txt", DRAFT.encode())
    page = browser.http.get(url)
    assert "redline.docx" not in page.text
    refused = browser.http.get(url.replace("?", "/download/redline.docx?"))
    assert refused.status_code == 400 and "works on Word .docx drafts" in refused.text


def test_another_profile(browser: Browser) -> None:
    url = browser.checked("d.txt", DRAFT.encode(), profile="monusco")
    assert "profile=monusco" in url
    page = browser.http.get(url).text
    assert '<option value="monusco" selected>' in page
    unknown = browser.http.get(url.replace("monusco", "atlantis"))
    assert unknown.status_code == 400 and "unknown profile &#39;atlantis&#39;" in unknown.text


def test_a_profile_chosen_in_the_menu_is_said_so(browser: Browser) -> None:
    """A web user chose the profile in the page's menu, never typed a flag: the page and the Word outputs
    say so, not "Chosen by --profile"."""
    url = browser.checked("d.txt", DRAFT.encode(), profile="unmiss")
    page = browser.http.get(url).text
    assert "Chosen in the profile menu." in page and "--profile" not in page
    memo = browser.http.get(url.replace("?", "/download/memo.html?"))
    # The memo goes to a delegation: it names the mission, never how the tool was told which it is.
    assert memo.status_code == 200 and "--profile" not in memo.text and "UNMISS" in memo.text


def test_record_a_decision_writes_what_decide_writes(
    browser: Browser, decisions: Path, tmp_path: Path, same_day: None
) -> None:
    url = browser.checked(BUNDLED.name, BUNDLED.read_bytes())
    address, query = url.split("?")
    form = browser.http.get(f"{address}/decide/poc-policy?{query}")
    assert form.status_code == 200 and 'name="why"' in form.text
    why = "Policy cited in the mission concept"
    done = browser.http.post(
        f"{address}/decide/poc-policy",
        data={
            "csrf": browser.token(),
            "profile": "minusca",
            "decision": "not-applicable",
            "why": why,
            "by": "Penholder team",
        },
        follow_redirects=False,
    )
    assert done.status_code == 303
    written = (decisions / "minusca-zero-draft.decisions.yaml").read_text(encoding="utf-8")
    elsewhere = tmp_path / "cli"
    elsewhere.mkdir()
    shutil.copy(BUNDLED, elsewhere / BUNDLED.name)
    cli("decide", "poc-policy", "--as", "not-applicable", "--why", why, "--by", "Penholder team",
        "--draft", BUNDLED.name, cwd=elsewhere)  # fmt: skip
    assert written == (elsewhere / "minusca-zero-draft.decisions.yaml").read_text(encoding="utf-8")
    page = browser.http.get(done.headers["location"]).text
    assert "Decided: <strong>Not applicable to this draft</strong> by Penholder team" in page
    assert "recorded in minusca-zero-draft.decisions.yaml" in page


def test_a_decision_needs_a_justification_and_a_known_kind(browser: Browser, decisions: Path) -> None:
    address = browser.checked("d.txt", DRAFT.encode()).split("?")[0]
    for decision, why, expected in [("accepted", "  ", "justification"), ("maybe", "x", "unknown decision")]:
        response = browser.http.post(
            f"{address}/decide/poc-policy",
            data={"csrf": browser.token(), "decision": decision, "why": why, "by": "me"},
        )
        assert response.status_code == 400 and expected in response.text
    unknown = browser.http.get(f"{address}/decide/no-such-rule")
    assert unknown.status_code == 404
    assert list(decisions.iterdir()) == []


def test_compare_two_drafts(browser: Browser, tmp_path: Path, decisions: Path, same_day: None) -> None:
    weaker = DRAFT.replace(
        "the protection of civilians shall remain the Mission's top priority", "the Mission shall continue"
    )
    response = browser.http.post(
        "/compare",
        data={"csrf": browser.token("/compare")},
        files={"old": ("rev1.txt", DRAFT.encode()), "new": ("rev2.txt", weaker.encode())},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = browser.http.get(response.headers["location"])
    assert page.status_code == 200 and "rev1.txt → rev2.txt" in page.text
    (decisions / "rev1.txt").write_text(DRAFT, encoding="utf-8")
    (decisions / "rev2.txt").write_text(weaker, encoding="utf-8")
    expected = json.loads(cli("compare", "rev1.txt", "rev2.txt", "--format", "json", cwd=decisions))
    first = expected["changes"][0]
    assert first["change"] == "regressed"  # losses first
    assert page.text.index(f'id="c-{first["rule"]}"') < page.text.index('class="change c-unchanged"')
    # word-level diffs: OP 1 rewritten where it stood, its lost words struck
    assert "Decides that the <del>protection of civilians</del> <ins>Mission</ins>" in page.text
    assert "(rewritten where it stood)" in page.text
    address, query = response.headers["location"].split("?")
    as_json = browser.http.get(f"{address}/download/comparison.json?{query}")
    assert json.loads(as_json.content) == expected
    memo = browser.http.get(f"{address}/download/memo.docx?{query}")
    out = tmp_path / "compare-memo.docx"
    cli("compare", "rev1.txt", "rev2.txt", "-o", out, cwd=decisions)
    assert members(memo.content) == members(out.read_bytes())


def test_the_rule_catalogue(browser: Browser) -> None:
    from mandatekit.api import setup

    page = browser.http.get("/rules")
    assert page.status_code == 200
    for rule in setup().rulebook.rules:
        assert f'id="r-{rule.id}"' in page.text
    assert "<blockquote>" in page.text and 'class="examples"' in page.text


def test_unknown_pages_and_methods(browser: Browser) -> None:
    assert browser.http.get("/nowhere").status_code == 404
    assert browser.http.post("/").status_code == 405
    assert browser.http.get("/check/not-an-id").status_code == 404
    url = browser.checked("d.txt", DRAFT.encode())
    assert browser.http.get(url.replace("?", "/download/secrets.txt?")).status_code == 404
    assert browser.http.get("/static/app.css").status_code == 200
    assert browser.http.get("/static/../work.py").status_code == 404


def test_a_page_shown_again_follows_its_decisions_file(browser: Browser, decisions: Path) -> None:
    url = browser.checked("d.txt", DRAFT.encode())
    assert "Decided:" not in browser.http.get(url).text
    address = url.split("?")[0]
    browser.http.post(
        f"{address}/decide/poc-policy",
        data={"csrf": browser.token(), "decision": "accepted", "why": "Agreed in the group", "by": "me"},
    )
    assert "Decided: <strong>Accepted as it stands</strong>" in browser.http.get(url).text
    (decisions / "d.decisions.yaml").unlink()
    assert "Decided:" not in browser.http.get(url).text
    again = browser.checked("d.txt", DRAFT.encode())  # another upload of the same draft: its own id
    assert again != url and f"{again.split('?')[0]}/download/" in browser.http.get(again).text


def test_a_draft_naming_the_pages_placeholder_is_shown_as_written(browser: Browser) -> None:
    text = DRAFT.replace("top priority", "top priority <check-id>")
    page = browser.http.get(browser.checked("d.txt", text.encode())).text
    assert "</mark> &lt;check-id&gt;;</p>" in page


def test_the_memo_download_follows_the_decisions_recorded_after_the_page(
    browser: Browser, decisions: Path, tmp_path: Path, same_day: None
) -> None:
    url = browser.checked("d.txt", DRAFT.encode())  # the page worked out the memo's context
    address, query = url.split("?")
    before = browser.http.get(f"{address}/download/memo.html?{query}").content
    browser.http.post(
        f"{address}/decide/poc-policy",
        data={"csrf": browser.token(), "decision": "not-applicable", "why": "Not for this text", "by": "me"},
    )
    after = browser.http.get(f"{address}/download/memo.html?{query}").content
    (decisions / "d.txt").write_text(DRAFT, encoding="utf-8")
    cli("memo", "d.txt", "-o", tmp_path / "memo.html", cwd=decisions)
    assert after == (tmp_path / "memo.html").read_bytes()
    assert after != before


def test_a_decision_taken_again_replaces_the_first(browser: Browser, decisions: Path) -> None:
    """A team changes its mind: the second decision on a finding, after its page was shown with the first,
    replaces it (the decisions file the page read is the one the decision updates)."""
    address, query = browser.checked(BUNDLED.name, BUNDLED.read_bytes()).split("?")
    for why in ("First reading", "Second reading"):
        form = browser.http.get(f"{address}/decide/poc-policy?{query}")
        assert form.status_code == 200
        done = browser.http.post(
            f"{address}/decide/poc-policy",
            data={"csrf": browser.token(), "profile": "", "decision": "accepted", "why": why, "by": "Team"},
            follow_redirects=False,
        )
        assert done.status_code == 303, done.text[-500:]
        assert f"{why}" in browser.http.get(done.headers["location"]).text
    written = (decisions / "minusca-zero-draft.decisions.yaml").read_text(encoding="utf-8")
    assert "Second reading" in written and "First reading" not in written


def test_the_result_page_leads_with_the_verdicts_and_the_priority_asks(browser: Browser) -> None:
    page = browser.http.get(browser.checked(BUNDLED.name, BUNDLED.read_bytes())).text
    summary, asks, profile_list = (page.index(s) for s in ('class="summary"', 'id="asks-h"', 'id="profile"'))
    assert summary < asks < profile_list  # what the draft lacks comes before how it was read
    listed = page[asks : page.index("</ol>", asks)]
    assert listed.count("<li>") >= 3 and 'href="#f-' in listed  # each ask leads to its finding


def test_the_page_names_no_command_line_option(browser: Browser) -> None:
    """A draft no profile fits: the page points to its own list of profiles, not to --profile."""
    page = browser.http.get(browser.checked("d.txt", DRAFT.encode())).text
    assert "general terms are used" in page
    assert "--profile" not in page and "Mission profile list" in page
    # the other kinds of text are named as the list names them, not by a command line's ids
    assert "(sanctions, thematic): “No UN mission”" in page and "profile no-mission" not in page


def test_each_findings_buttons_and_links_say_which_finding(browser: Browser) -> None:
    """A screen reader lists 22 'Record a decision' links and 14 copy buttons: each names its finding."""
    import re

    page = browser.http.get(browser.checked(BUNDLED.name, BUNDLED.read_bytes())).text
    for pattern in (
        r'aria-label="(Record a decision on: [^"]+)"',
        r'aria-label="(Copy the suggested language on: [^"]+)"',
    ):
        names = re.findall(pattern, page)
        assert len(names) > 3 and len(set(names)) == len(names)


def test_a_decision_shown_again_ends_its_sentence_once(browser: Browser) -> None:
    address, query = browser.checked("d.txt", DRAFT.encode()).split("?")
    browser.http.post(
        f"{address}/decide/poc-policy",
        data={"csrf": browser.token(), "decision": "accepted", "why": "Settled in the chapeau.", "by": "me"},
    )
    form = browser.http.get(f"{address}/decide/poc-policy?{query}").text
    assert "Settled in the chapeau. A new decision replaces it." in form


def test_the_rule_catalogue_marks_the_rules_of_a_users_folder(tmp_path: Path, decisions: Path) -> None:
    from mandatekit.web import Workshop, create_app
    from tests.rulebook.test_bad_rules import good_rule, write

    write(tmp_path / "our-rules", "ours.yaml", good_rule(id="our-new-rule"))
    page = Browser(create_app(Workshop(decisions, [tmp_path / "our-rules"]))).http.get("/rules").text
    ours = page[page.index('id="r-our-new-rule"') :]
    assert "from our-rules/" in ours[: ours.index("</section>")]
    builtin = page[page.index('id="r-poc-policy"') :]
    assert "from our-rules/" not in builtin[: builtin.index("</section>")]


def test_report_json_after_the_result_page_reuses_its_places_and_is_what_the_command_line_writes(
    browser: Browser, decisions: Path, same_day: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The result page's memo context placed every fix; the report.json download then places none again (it
    made up half the download's time), and is still byte for byte `check --format json`, decisions applied."""
    from mandatekit.render import fixes

    shutil.copy(BUNDLED, decisions / BUNDLED.name)
    cli("decide", "poc-policy", "--as", "accepted", "--why", "Covered by the POC strategy", "--draft", BUNDLED.name,
        cwd=decisions)  # fmt: skip
    url = browser.checked(BUNDLED.name, BUNDLED.read_bytes())
    assert browser.http.get(url).status_code == 200  # the page: its memo context is worked out and kept
    placed: list[int] = []
    place = fixes.place
    monkeypatch.setattr(fixes, "place", lambda *a, **k: placed.append(1) or place(*a, **k))
    download = browser.http.get(url.replace("?", "/download/report.json?"))
    assert download.status_code == 200 and placed == []
    expected = cli("check", BUNDLED.name, "--format", "json", cwd=decisions).encode("utf-8")
    # The one difference the command line run in that folder has: it names the decisions file relatively.
    assert download.content.replace(f"{decisions}/".encode(), b"") == expected
    findings = json.loads(download.content)["findings"]
    assert any(f.get("fix") for f in findings)  # fixes placed, from the page's context
    assert any(f.get("decision") for f in findings if f["rule"] == "poc-policy")


def test_a_filtered_page_says_so_where_it_prints(browser: Browser) -> None:
    """The filter itself does not print: a page printed with one on says what it leaves out (trial 15, F12)."""
    url = browser.checked("d.txt", DRAFT.encode())
    total = browser.http.get(url).text.count('class="finding v-')
    page = browser.http.get(url + "&show=missing").text
    shown = page.count('data-verdict="missing">')
    assert f"Filtered: missing only, {shown} of {total} findings" in page
    assert 'id="filtered-note" data-total="' in page and "Filtered:" not in browser.http.get(url).text
    css = browser.http.get("/static/app.css").text
    print_rules = css[css.index("@media print") :]
    assert ".filtered-note:not(:empty) { display: block" in print_rules
