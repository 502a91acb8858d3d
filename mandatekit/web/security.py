"""The page's defences, in one ASGI middleware and two helpers.

- Access: bound to a loopback address, only this machine reaches the server, and only under its own name
  (the Host header must be localhost or the loopback address: a web page elsewhere cannot rebind its own
  domain name to 127.0.0.1 and read the drafts). Bound to any other address, every request needs the access
  token printed when the server started (given once as ?token=..., then kept in a cookie).
- Sessions: a random id in an HttpOnly cookie; the drafts a session checked are its own (see store.py).
- Cross-site requests: every POST needs the session cookie (SameSite), the form's token (an HMAC of the
  session id under a key made when the server starts) and, when the browser sends one, an Origin of this
  server.
- Headers on every response: a Content-Security-Policy allowing no inline script, no framing, nothing from
  another origin; no MIME sniffing; no referrer to other sites; nothing cached.
- Size: a request body larger than the limit is refused from its Content-Length, before it is read, and a
  body without one is counted as it streams in (`check_origin`, `limited`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import AsyncIterator
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from mandatekit.web.work import Failure

SESSION_COOKIE = "mandatekit_session"
ACCESS_COOKIE = "mandatekit_access"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make the browser send `Origin: null` on POSTs
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
FORM_SLACK = 64 * 1024  # room for the form's other fields and the multipart headers around the draft
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


class TooLarge(Failure):
    def __init__(self, limit: int) -> None:
        super().__init__(
            f"the upload is over the {size_text(limit)} limit for a draft (set MANDATEKIT_MAX_MB "
            "where the server runs to raise it)",
            413,
        )


def size_text(n: int) -> str:
    return f"{n // 1048576} MB" if n >= 1048576 else f"{n // 1024} KB"


def _cookies(scope: dict[str, Any]) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for name, value in scope["headers"]:
        if name == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header: as if there were none
                continue
    return {k: m.value for k, m in jar.items()}


def _header(scope: dict[str, Any], wanted: bytes) -> str | None:
    return next((v.decode("latin-1") for k, v in scope["headers"] if k == wanted), None)


def _cookie(name: str, value: str) -> bytes:
    return f"{name}={value}; Path=/; HttpOnly; SameSite=Lax".encode()


class Guard:
    """ASGI middleware: access, session, security headers. Sets `request.state.session` and `.csrf`."""

    def __init__(self, app: Any, *, key: bytes, max_body: int, token: str | None = None) -> None:
        self.app, self.key, self.max_body, self.token = app, key, max_body, token

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookies = _cookies(scope)
        extra: list[tuple[bytes, bytes]] = []
        if self.token is None:
            host = (_header(scope, b"host") or "").lower()
            if host.rsplit(":", 1)[0] not in LOOPBACK_NAMES:
                await _plain(send, 421, "this server answers to localhost and 127.0.0.1 only")
                return
        else:
            given = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"))).get("token")
            if given is not None and hmac.compare_digest(given.encode(), self.token.encode()):
                rest = [(k, v) for k, v in parse_qsl(scope["query_string"].decode("latin-1")) if k != "token"]
                location = scope["path"] + ("?" + urlencode(rest) if rest else "")
                await _redirect(send, location, [(b"set-cookie", _cookie(ACCESS_COOKIE, self.token))])
                return
            if not hmac.compare_digest(cookies.get(ACCESS_COOKIE, "").encode(), self.token.encode()):
                await _plain(send, 401, "this server needs its access token: open the address it printed "
                             "when it started (…/?token=…)")  # fmt: skip
                return
        session = cookies.get(SESSION_COOKIE, "")
        if len(session) != 43 or not session.replace("-", "").replace("_", "").isalnum():
            session = secrets.token_urlsafe(32)
            extra.append((b"set-cookie", _cookie(SESSION_COOKIE, session)))
        scope.setdefault("state", {})
        scope["state"]["session"] = session
        scope["state"]["csrf"] = csrf_token(self.key, session)
        scope["state"]["new_session"] = bool(extra)  # no session cookie came with the request

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0] != b"cache-control"]
                message["headers"] = [*headers, *HEADERS, (b"cache-control", b"no-store"), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


CSRF_LINE = "this form is out of date or came from another site: reload the page and try again"


def csrf_token(key: bytes, session: str) -> str:
    return hmac.new(key, session.encode(), hashlib.sha256).hexdigest()


def check_origin(scope: dict[str, Any], max_body: int) -> None:
    """Before a POST's body is read: it comes from a page of this server, and is not too large."""
    origin = _header(scope, b"origin")
    if origin is not None and urlsplit(origin).netloc.lower() != (_header(scope, b"host") or "").lower():
        raise Failure(CSRF_LINE, 403)
    if _header(scope, b"sec-fetch-site") not in (
        None,
        "same-origin",
        "none",
    ):  # the browser says: another site
        raise Failure(CSRF_LINE, 403)
    if scope["state"]["new_session"]:  # no session cookie came with it: not sent by a page of this server
        raise Failure(CSRF_LINE, 403)
    length = _header(scope, b"content-length")
    if length is not None and (not length.isdigit() or int(length) > max_body + FORM_SLACK):
        raise TooLarge(max_body)


def check_csrf(scope: dict[str, Any], form: Any) -> None:
    """After: the form carries the token of this session's pages."""
    given = form.get("csrf")
    expected = scope["state"]["csrf"]
    if not isinstance(given, str) or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Failure(CSRF_LINE, 403)


async def limited(stream: AsyncIterator[bytes], limit: int) -> AsyncIterator[bytes]:
    """The request body, refused as soon as it passes `limit` bytes (a body sent without its length)."""
    seen = 0
    async for chunk in stream:
        seen += len(chunk)
        if seen > limit + FORM_SLACK:
            raise TooLarge(limit)
        yield chunk


async def _plain(send: Any, status: int, line: str) -> None:
    body = f"mandatekit: {line}\n".encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *HEADERS]})
    await send({"type": "http.response.body", "body": body})


async def _redirect(send: Any, location: str, headers: list[tuple[bytes, bytes]]) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [(b"location", location.encode()), (b"content-length", b"0"), *HEADERS, *headers],
        }
    )
    await send({"type": "http.response.body", "body": b""})
