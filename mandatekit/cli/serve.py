"""`mandatekit serve`: the web page for drafters, on this computer."""

from __future__ import annotations

import ipaddress
import secrets
import socket
from pathlib import Path

import click

from mandatekit.cli.options import profile_option, rules_option
from mandatekit.errors import MandatekitError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, made here so that a busy port is one clear line, and port 0 picks a free one."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise MandatekitError(None, f"--host {host}: no such address ({exc.strerror})") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        hint = ": choose another with --port" if exc.errno in (98, 48, 10048) else ""
        raise MandatekitError(None, f"cannot listen on {host}:{port} ({exc.strerror}){hint}") from exc
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any address but loopback needs the access token it prints.")  # fmt: skip
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")  # fmt: skip
@click.option(
    "--decisions",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    show_default=True,
    help="Folder of the decisions recorded on the page: <draft>.decisions.yaml and mandatekit-decisions.yaml, "
    "as `mandatekit decide` keeps them beside a draft.",
)
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@rules_option
@profile_option
def serve(host: str, port: int, folder: Path, no_browser: bool, rule_dirs: tuple[Path, ...],
          profile: str | None) -> None:  # fmt: skip
    """Open the web page for drafters: check a draft, compare two, record decisions, read the rules.

    The page runs on this computer and needs no network: drafts stay in its memory while you work on
    them and are never written to disk; downloads are exactly what the other commands write.

    \b
    Examples:
      mandatekit serve
      mandatekit serve --port 9000 --decisions ~/drafts --no-browser
      mandatekit serve --host 0.0.0.0      reachable from other machines, with an access token
    """
    import uvicorn

    from mandatekit.web import Workshop, create_app

    if not folder.is_dir():
        raise MandatekitError(folder, "--decisions: no such folder")
    workshop = Workshop(folder.resolve(), list(rule_dirs), profile)  # a bad rule or profile: said now
    token = None if is_loopback(host) else secrets.token_urlsafe(24)
    sock = bind(host, port)
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    if token is None:
        click.echo(f"mandatekit: serving {url} (this computer only; Ctrl-C to stop)", err=True)
    else:
        url += f"?token={token}"
        click.echo(f"mandatekit: serving on {host}:{port}, which other machines can reach: every visitor needs "
                   "the access token, shown once here", err=True)  # fmt: skip
        click.echo(f"mandatekit: open {url}", err=True)
    click.echo(f"mandatekit: decisions are kept in {workshop.decisions}", err=True)
    if not no_browser:
        import webbrowser

        # Bound to every address: this computer reaches it as localhost.
        webbrowser.open(url.replace(f"//{shown}:", "//localhost:", 1) if host in ("0.0.0.0", "::") else url)
    app = create_app(workshop, token=token)
    quiet_collector()
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])


def quiet_collector() -> None:
    """Pace Python's cycle collector for a long-running server. The server keeps judged drafts (a long
    resolution's is hundreds of thousands of small objects) for their next page; at the default pace every
    few drafts a full collection walks all of them again, 0.1-0.3 s at a time on S/RES/2231, which was most of
    a new draft's 95th percentile. What start-up made (rules, patterns, profiles) lives as long as the server:
    it is set aside for good (gc.freeze), and the young generation is collected every 20,000 allocations
    rather than 700: the same garbage freed, fewer walks (benchmarks/serve_bench.py: memory after 500 checks
    as after 50)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
