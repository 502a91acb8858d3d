"""The web page under load, through HTTP on loopback: `python benchmarks/serve_bench.py`. Prints; asserts nothing.

  - a warm check of the largest resolution in ../shared/corpus/txt: upload it (POST /check) and load its
    result page (GET /check/ID), 95th percentile of that round trip with 1 and with 8 concurrent clients
    (goal: 100 ms at most). Twice: the same draft again and again (what a drafter re-checking does: the server
    judges a draft once and keeps it), and a new draft each time (one line changed: read and judged afresh)
  - the server's resident memory after 50 and after 500 checks of new drafts (goal: within 10 %)
  - 20 hostile uploads in a row, then an ordinary check: the server still serves

It starts `mandatekit serve --port 0` itself (loopback only) and stops it at the end. The machine may be
shared: compare figures measured in one run.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = next(
    (p / "shared" / "corpus" / "txt" for p in ROOT.parents if (p / "shared" / "corpus" / "txt").is_dir()),
    ROOT.parent / "shared" / "corpus" / "txt",
)
BOUNDARY = "mandatekit-bench-boundary"


class Client:
    """One browser: its own connection, session cookie and form token."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.http = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookie = ""
        page = self.request("GET", "/")
        self.csrf = re.search(rb'name="csrf" value="([0-9a-f]+)"', page[1]).group(1).decode()  # type: ignore[union-attr]

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookie:
            sent["Cookie"] = self.cookie
        try:
            self.http.request(method, path, body=body, headers=sent)
            response = self.http.getresponse()
            data = response.read()
        except (ConnectionError, http.client.HTTPException):  # the server closed a refused upload: reconnect
            self.http.close()
            self.http = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            return 0, b"", {}
        found = response.getheader("set-cookie")
        if found:
            self.cookie = found.split(";")[0]
        return response.status, data, {k.lower(): v for k, v in response.getheaders()}

    def places(self, page: bytes) -> int:
        """What the page's script asks for when the page came before its suggestions' places: 0 if it did not."""
        found = re.search(rb'data-places="([^"]+)"', page)
        if found is None:
            return 0
        return self.request("GET", found.group(1).decode().replace("&amp;", "&"))[0]

    def check(self, name: str, data: bytes, fields: dict[str, str] | None = None) -> tuple[int, bytes]:
        """Upload a draft and load its result page (the redirect followed): the round trip a drafter waits."""
        body = multipart({"csrf": self.csrf, **(fields or {})}, name, data)
        status, page, headers = self.request(
            "POST", "/check", body, {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
        )
        if status == 303:
            status, page, _ = self.request(
                "GET", urlsplit(headers["location"]).path + "?" + urlsplit(headers["location"]).query
            )
        return status, page


def multipart(fields: dict[str, str], name: str, data: bytes) -> bytes:
    out = b""
    for key, value in fields.items():
        out += f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
    out += f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="draft"; filename="{name}"\r\n'.encode()
    out += b"Content-Type: application/octet-stream\r\n\r\n" + data + f"\r\n--{BOUNDARY}--\r\n".encode()
    return out


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)


_NOTES = [0]


def edited(draft: bytes, n: int) -> bytes:
    """The draft with one paragraph in its middle changed (a word added): a drafter's next round."""
    paragraphs = draft.split(b"\n\n")
    middle = len(paragraphs) // 2
    return b"\n\n".join(
        [*paragraphs[:middle], paragraphs[middle] + f" (round {n})".encode(), *paragraphs[middle + 1 :]]
    )


def latencies(
    port: int,
    clients: int,
    per_client: int,
    draft: bytes,
    fresh: bool | str,
    whole: list[float] | None = None,
) -> list[float]:
    """Seconds from upload to result page; into `whole`, to the page with its suggestions' places (for a long
    draft the page comes first and its script asks for them: the browser's next request, timed here).
    `fresh`: False, the same draft again; True, a new draft (a note added at its end); "edited", one paragraph
    in its middle changed."""
    times: list[float] = []
    lock = threading.Lock()
    counter = _NOTES  # one count for the whole run: a note numbered again would be a draft the server kept

    def one_client() -> None:
        client = Client(port)
        for _ in range(per_client):
            with lock:
                counter[0] += 1
                n = counter[0]
            if fresh == "edited":
                data = edited(draft, n)
            else:
                data = draft + f"\n\nNote {n}: benchmark copy.\n".encode() if fresh else draft
            start = time.perf_counter()
            status, page = client.check("largest.txt", data)
            elapsed = time.perf_counter() - start
            assert status == 200, status
            fetched = client.places(page)
            assert fetched in (0, 200), fetched
            complete = time.perf_counter() - start if fetched else elapsed
            with lock:
                times.append(elapsed)
                if whole is not None:
                    whole.append(complete)

    threads = [threading.Thread(target=one_client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def hostile(port: int, draft: bytes) -> None:
    client = Client(port)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    uploads: list[tuple[str, bytes]] = [
        ("plain.docx", b"not a Word file"),
        ("old.doc", ole),
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02" * 500),
        ("truncated.docx", b"PK\x03\x04" + os.urandom(4000)),
        ("fake.pdf", b"%PDF-1.7\n" + os.urandom(4000)),
        ("program.exe", b"MZ" + b"\0" * 100),
        ("spaces.txt", b"   \n \n"),
        ("../../etc/passwd.txt", b"root:x:0:0"),
        ("<script>.txt", b"<script>alert(1)</script>"),
        ("bomb.txt", b"[" * 200000),
        ("utf16.txt", "\ufeffThe Security Council,".encode("utf-16")),
        ("deep.md", b"> " * 5000 + b"x"),
        ("nul.md", b"x\x00" * 1000),
        ("long-name-" + "x" * 5000 + ".txt", draft[:2000]),
    ]
    statuses = []
    for name, data in uploads:
        statuses.append(client.check(name, data)[0])
    # and requests that are not forms as the page sends them
    statuses.append(client.request("POST", "/check", b"x" * 100, {"Content-Type": "text/plain"})[0])
    statuses.append(
        client.request("POST", "/check", b"--broken", {"Content-Type": "multipart/form-data; boundary=z"})[0]
    )
    statuses.append(client.request("POST", "/check", b"", {"Content-Type": "multipart/form-data"})[0])
    statuses.append(client.request("POST", "/check", b"", {"Content-Length": str(10**12)})[0])
    statuses.append(Client(port).request("POST", "/check", multipart({"csrf": "0" * 64}, "a.txt", draft))[0])
    still = Client(port).check("largest.txt", draft)[0]
    print(f"hostile  {len(statuses)} hostile uploads in a row: statuses {sorted(set(statuses))}; "
          f"no 5xx: {all(s < 500 for s in statuses)}; an ordinary check afterwards: {still}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--checks", type=int, default=100, help="checks measured per figure")
    parser.add_argument(
        "--fresh-checks", type=int, help="checks per figure for new drafts (default: --checks)"
    )
    parser.add_argument(
        "--latency-only", action="store_true", help="measure latency only (no memory, hostile)"
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return
    largest = max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    draft = largest.read_bytes()
    print(f"draft    {largest.name}: {len(draft) / 1024:.0f} KB")
    with tempfile.TemporaryDirectory() as folder:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mandatekit",
                "serve",
                "--port",
                "0",
                "--no-browser",
                "--decisions",
                folder,
            ],
            stderr=subprocess.PIPE,
            text=True,
            cwd=folder,
        )
        try:
            assert server.stderr is not None
            port = int(re.search(r":(\d+)/", server.stderr.readline()).group(1))  # type: ignore[union-attr]
            threading.Thread(target=server.stderr.read, daemon=True).start()
            warm = Client(port)
            for _ in range(5):  # as a browser: the page, and the places its script asks for
                warm.places(warm.check("largest.txt", draft)[1])
            kinds: tuple[bool | str, ...] = (False, True, "edited")
            names = {
                False: "the same draft again",
                True: "a new draft each time",
                "edited": "one paragraph edited",
            }
            for fresh in kinds:
                what = names[fresh]
                checks = (args.fresh_checks or args.checks) if fresh else args.checks
                for clients in (1, 8):
                    whole: list[float] = []
                    times = latencies(port, clients, max(checks // clients, 3), draft, fresh, whole)
                    # The machine may be shared: the load average says how much of it this figure had.
                    print(f"latency  {what:22} {clients} client{'s' if clients > 1 else ' '}: "
                          f"p50 {statistics.median(times) * 1000:6.1f} ms, p95 {p95(times) * 1000:6.1f} ms "
                          f"({len(times)} checks; goal p95 <= 100 ms; load average {os.getloadavg()[0]:.1f} "
                          f"on {os.cpu_count()} cores)")  # fmt: skip
                    if whole != times:
                        print(f"         {'... with the places':22} {clients} client{'s' if clients > 1 else ' '}: "
                              f"p50 {statistics.median(whole) * 1000:6.1f} ms, p95 {p95(whole) * 1000:6.1f} ms "
                              "(the page's next request: each suggestion's checked place)")  # fmt: skip
            if args.latency_only:
                return
            latencies(port, 1, 50, draft, fresh=True)
            at_50 = rss_kb(server.pid)
            latencies(port, 1, 450, draft, fresh=True)
            at_500 = rss_kb(server.pid)
            print(f"memory   server RSS after 50 more checks {at_50 / 1024:6.1f} MB, after 500 {at_500 / 1024:6.1f} MB: "
                  f"{(at_500 - at_50) / at_50 * 100:+.1f} % (goal within 10 %)")  # fmt: skip
            hostile(port, draft)
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
