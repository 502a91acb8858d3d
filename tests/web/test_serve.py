"""`mandatekit serve`: what it says when it starts, and its one-line errors."""

from __future__ import annotations

import http.client
import re
import socket
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from mandatekit.cli import main
from mandatekit.cli.serve import is_loopback


def start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], list[str]]:
    server = subprocess.Popen(
        [sys.executable, "-m", "mandatekit", "serve", "--port", "0", "--no-browser", *args],
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    assert server.stderr is not None
    lines = [server.stderr.readline()]
    while "decisions are kept in" not in lines[-1] and lines[-1]:
        lines.append(server.stderr.readline())
    return server, lines


def get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
    return connection.getresponse().status


def test_it_serves_this_computer_and_says_where(tmp_path: Path) -> None:
    server, lines = start(tmp_path)
    try:
        found = re.search(r"serving http://127\.0\.0\.1:(\d+)/ \(this computer only", lines[0])
        assert found, lines
        assert f"decisions are kept in {tmp_path}" in lines[-1]
        assert get(int(found.group(1)), "/") == 200
    finally:
        server.terminate()
        server.wait(30)


def test_on_another_address_it_needs_the_token_it_prints_once(tmp_path: Path) -> None:
    server, lines = start(tmp_path, "--host", "0.0.0.0")
    try:
        text = "".join(lines)
        assert "every visitor needs the access token" in text
        found = re.search(r"open http://0\.0\.0\.0:(\d+)/\?token=(\S+)", text)
        assert found, text
        port, token = int(found.group(1)), found.group(2)
        assert text.count(token) == 1
        assert get(port, "/") == 401
        assert get(port, f"/?token={token}") == 303
    finally:
        server.terminate()
        server.wait(30)


def test_a_busy_port_and_a_missing_folder_are_one_line(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            main, ["serve", "--port", str(port), "--no-browser", "--decisions", str(tmp_path)]
        )
        assert result.exit_code == 2 and "choose another with --port" in result.stderr
        assert result.stderr.count("\n") == 1
    result = CliRunner().invoke(main, ["serve", "--no-browser", "--decisions", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "no such folder" in result.stderr


def test_loopback_addresses() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"]))
    assert not any(map(is_loopback, ["0.0.0.0", "::", "192.168.1.10", "example.org"]))
