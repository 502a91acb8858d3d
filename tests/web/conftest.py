"""A web app per test over its own decisions folder, driven through Starlette's ASGI test client."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from mandatekit.web import Workshop, create_app

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "examples" / "minusca-zero-draft.docx"
BASE = "http://127.0.0.1:8765"


class Browser:
    """One browser session: its own cookies, the form token of its pages."""

    def __init__(self, app: object) -> None:
        self.http = TestClient(app, base_url=BASE)  # type: ignore[arg-type]

    def token(self, path: str = "/") -> str:
        page = self.http.get(path)
        found = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
        assert found, page.text[:500]
        return found.group(1)

    def check(self, name: str, data: bytes, **fields: str):  # type: ignore[no-untyped-def]
        return self.http.post(
            "/check",
            data={"csrf": self.token(), **fields},
            files={"draft": (name, data)},
            follow_redirects=False,
        )

    def checked(self, name: str, data: bytes, **fields: str) -> str:
        """Check a draft that can be read; return its result page's address."""
        response = self.check(name, data, **fields)
        assert response.status_code == 303, response.text[:2000]
        return response.headers["location"]


@pytest.fixture
def decisions(tmp_path: Path) -> Path:
    folder = tmp_path / "decisions"
    folder.mkdir()
    return folder


@pytest.fixture
def app(decisions: Path) -> object:
    return create_app(Workshop(decisions))


@pytest.fixture
def browser(app: object) -> Browser:
    return Browser(app)


def members(data: bytes) -> dict[str, bytes]:
    """A Word file's parts: two writes of the same document differ only in the zip's own timestamps."""
    with zipfile.ZipFile(BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}
