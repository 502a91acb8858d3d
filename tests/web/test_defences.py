"""The page's defences: cross-site POSTs, sizes, hostile uploads, sessions kept apart, access token."""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from mandatekit.cli import main
from mandatekit.web import Workshop, create_app
from tests.hostile.zips import rezip
from tests.web.conftest import BASE, BUNDLED, Browser
from tests.web.test_routes import DRAFT

CSRF_WORDS = "out of date or came from another site"


def test_a_post_without_the_form_token_is_refused(browser: Browser) -> None:
    browser.token()  # the session cookie is set
    for data in ({}, {"csrf": "0" * 64}):
        response = browser.http.post("/check", data={**data, "text": DRAFT})
        assert response.status_code == 403 and CSRF_WORDS in response.text


def test_a_post_from_another_site_is_refused(browser: Browser) -> None:
    token = browser.token()
    for headers in ({"origin": "https://evil.example"}, {"sec-fetch-site": "cross-site"}):
        response = browser.http.post("/check", data={"csrf": token, "text": DRAFT}, headers=headers)
        assert response.status_code == 403 and CSRF_WORDS in response.text


def test_a_post_without_a_session_is_refused(app: object) -> None:
    fresh = TestClient(app, base_url=BASE)  # type: ignore[arg-type]
    response = fresh.post("/check", data={"csrf": "0" * 64, "text": DRAFT})
    assert response.status_code == 403


def test_a_token_of_another_session_is_refused(app: object) -> None:
    alice, mallory = Browser(app), Browser(app)
    response = mallory.http.post("/check", data={"csrf": alice.token(), "text": DRAFT})
    assert response.status_code == 403


def test_an_upload_over_the_limit_is_refused_before_it_is_read(decisions: Path) -> None:
    small = Browser(create_app(Workshop(decisions), max_bytes=200 * 1024))
    token = small.token()
    big = b"The Security Council,\n\n" + b"1. Decides x;\n" * 40000
    response = small.http.post("/check", data={"csrf": token}, files={"draft": ("big.txt", big)})
    assert response.status_code == 413 and "the upload is over the 200 KB limit for a draft" in response.text

    def chunks():  # no Content-Length: counted as it streams in
        yield b'--x\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n' + token.encode() + b"\r\n"
        yield b'--x\r\nContent-Disposition: form-data; name="draft"; filename="big.txt"\r\n\r\n'
        for _ in range(100):
            yield b"x" * 10000

    streamed = small.http.post(
        "/check", content=chunks(), headers={"content-type": "multipart/form-data; boundary=x"}
    )
    assert streamed.status_code == 413
    assert small.http.get("/").status_code == 200


def _cli_line(tmp_path: Path, name: str, data: bytes) -> str:
    folder = tmp_path / "cli"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    before = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["check", name])
    finally:
        os.chdir(before)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.count("\n") == 0 and line.startswith("mandatekit: error: ")
    return line.removeprefix("mandatekit: error: ")


def _hostile(tmp_path: Path) -> list[tuple[str, bytes]]:
    broken_xml = rezip(BUNDLED, tmp_path / "broken.docx", {"word/document.xml": b"<w:document><w:body"})
    no_body = rezip(BUNDLED, tmp_path / "nobody.docx", drop=("word/document.xml",))
    return [
        ("plain.docx", b"just some text, not a Word file"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02\x03" * 200),
        ("truncated.docx", BUNDLED.read_bytes()[:3000]),
        ("broken.docx", broken_xml.read_bytes()),
        ("nobody.docx", no_body.read_bytes()),
        ("fake.pdf", b"%PDF-1.7\n" + os.urandom(3000)),
        ("program.exe", b"MZ" + b"\0" * 100),
        ("nothing.txt", b"   \n\n  \n"),
    ]


def test_hostile_uploads_get_the_command_lines_line_and_the_server_serves_on(
    browser: Browser, tmp_path: Path, decisions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This test's own temporary folder: the system's is shared with every other process running these tests.
    own_temp = tmp_path / "temp"
    own_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own_temp))
    made: list[Path] = []
    real_mkdtemp = tempfile.mkdtemp

    def noted_mkdtemp(*args: Any, **kwargs: Any) -> str:
        folder = real_mkdtemp(*args, **kwargs)
        made.append(Path(folder))
        return folder

    monkeypatch.setattr(tempfile, "mkdtemp", noted_mkdtemp)
    hostile = _hostile(tmp_path)
    for name, data in hostile:
        response = browser.check(name, data)
        assert 400 <= response.status_code < 500, (name, response.status_code)
        expected = _cli_line(tmp_path, name, data)
        shown = html.unescape(response.text)
        assert expected in shown, (name, expected)
        assert "Traceback" not in response.text
        assert browser.http.get("/").status_code == 200
    assert browser.http.get(browser.checked("d.txt", DRAFT.encode())).status_code == 200
    uploads = [folder for folder in made if folder.name.startswith("mandatekit-web-")]
    assert len(uploads) >= len(hostile) and all(f.parent == own_temp for f in uploads)
    assert list(own_temp.iterdir()) == []  # every upload's folder removed
    assert list(decisions.iterdir()) == []


def test_no_name_from_the_client_is_used_on_disk(browser: Browser, tmp_path: Path, decisions: Path) -> None:
    url = browser.checked("../../evil/../x.txt", DRAFT.encode())
    page = browser.http.get(url).text
    assert "x.txt" in page and "../" not in page
    address, _query = url.split("?")
    browser.http.post(
        f"{address}/decide/poc-policy",
        data={"csrf": browser.token(), "decision": "accepted", "why": "fine", "by": "me"},
    )
    assert [p.name for p in decisions.iterdir()] == ["x.decisions.yaml"]
    assert not (tmp_path / "evil").exists()


def test_sessions_do_not_see_each_others_drafts(app: object) -> None:
    alice, bob = Browser(app), Browser(app)
    secret = DRAFT.replace("top priority", "top priority (Alice's secret wording)")
    url = alice.checked("alice.txt", secret.encode())
    assert "Alice&#39;s secret wording" in alice.http.get(url).text
    for path in (url, url.replace("?", "/download/report.json?"), url.replace("?", "/decide/poc-policy?")):
        seen = bob.http.get(path)
        assert seen.status_code == 404 and "secret" not in seen.text


def test_bound_beyond_loopback_every_request_needs_the_token(decisions: Path) -> None:
    app = create_app(Workshop(decisions), token="s3cret-token")
    visitor = TestClient(app, base_url="http://192.0.2.10:8765")
    assert visitor.get("/").status_code == 401
    assert visitor.get("/?token=wrong").status_code == 401
    assert visitor.get("/static/app.css").status_code == 401
    entered = visitor.get("/?token=s3cret-token", follow_redirects=False)
    assert entered.status_code == 303 and entered.headers["location"] == "/"
    assert visitor.get("/").status_code == 200  # the cookie carries it from now on


def test_on_loopback_only_its_own_names_are_answered(app: object) -> None:
    assert TestClient(app, base_url="http://localhost:8765").get("/").status_code == 200  # type: ignore[arg-type]
    rebound = TestClient(app, base_url="http://attacker.example:8765")  # type: ignore[arg-type]
    assert rebound.get("/").status_code == 421


@pytest.mark.parametrize("name", ["a.txt", "b.docx"])
def test_a_check_is_forgotten_and_said_so(browser: Browser, name: str) -> None:
    data = DRAFT.encode() if name.endswith(".txt") else BUNDLED.read_bytes()
    url = browser.checked(name, data)
    assert browser.http.get(url).status_code == 200
    gone = browser.http.get(url.replace("/check/", "/check/x"))
    assert gone.status_code == 404 and "check the draft again" in gone.text


def test_what_the_server_keeps_is_bounded(monkeypatch: pytest.MonkeyPatch, decisions: Path) -> None:
    from mandatekit.web import work
    from mandatekit.web.store import Check, Draft, Store

    workshop = Workshop(decisions)
    for n in range(work.MAX_JUDGED + 5):
        workshop.judge(Draft(f"d{n}.txt", f"{DRAFT}\nNote {n}.\n".encode()), "")
    assert len(workshop._judged) == work.MAX_JUDGED
    monkeypatch.setattr(work, "MAX_JUDGED_BYTES", 3 * len(DRAFT))
    workshop.judge(Draft("last.txt", DRAFT.encode()), "")
    assert workshop._judged_bytes <= 3 * len(DRAFT) and len(workshop._judged) <= 3
    store = Store(max_checks=4, max_bytes=10_000)
    keys = [store.add(Check("s", (Draft(f"{n}.txt", b"x" * 3000),))) for n in range(6)]
    assert len(store) == 3 and store.get(keys[0], "s") is None and store.get(keys[-1], "s") is not None
