"""``socialaid web``: the caseworker's page (see :mod:`socialaid.web.app`) on loopback.

It starts its own locked sidecar in service mode (``--analyst``: analyst mode, parameter overrides
allowed and marked hypothetical), or uses a district's server with ``--opa-url`` and ``--token-file``.
The token stays in this process. Registered on :data:`socialaid.cli.app.app` by ``socialaid.cli.main``.
"""

from __future__ import annotations

import ipaddress
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from socialaid.cli.app import LangOpt, UsageError, app, err, guarded, lang_of

__all__ = ["DEFAULT_WEB_ADDR", "parse_addr", "web_cmd"]

DEFAULT_WEB_ADDR = "127.0.0.1:8765"


def parse_addr(addr: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6) → (host, port); a usage error otherwise."""
    host, sep, port = addr.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError(f"--addr {addr!r} is not HOST:PORT, e.g. {DEFAULT_WEB_ADDR}")
    return host, int(port)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command("web", short_help="Serve the caseworker's page in the browser")
def web_cmd(
    addr: Annotated[str, typer.Option("--addr", help="HOST:PORT to serve the page on (loopback by default)")] = (
        DEFAULT_WEB_ADDR
    ),
    analyst: Annotated[
        bool, typer.Option("--analyst", help="Analyst mode: what-ifs may override parameters (hypothetical)")
    ] = False,
    opa_url: Annotated[
        str | None, typer.Option("--opa-url", help="Use this OPA server instead of starting a sidecar")
    ] = None,
    token_file: Annotated[
        Path | None,
        typer.Option("--token-file", exists=True, dir_okay=False, help="File holding the OPA server's bearer token"),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Serve the caseworker's page: decide a household in the browser, see why, print the notice."""
    host, port = parse_addr(addr)
    if token_file is not None and opa_url is None:
        raise UsageError("--token-file goes with --opa-url (a started sidecar makes its own token)")
    code = lang_of(lang)

    def body() -> None:
        import uvicorn

        from socialaid.engine import Engine
        from socialaid.web.app import LOOPBACK_HOSTS, create_app

        token = token_file.read_text("utf-8").strip() if token_file is not None else None
        engine = (
            Engine.connect(opa_url, token=token) if opa_url else Engine.start(mode="analyst" if analyst else "service")
        )
        with engine:
            hosts = LOOPBACK_HOSTS if _loopback(host) else [*LOOPBACK_HOSTS, host]
            if not _loopback(host):
                err.print(f"note: serving beyond loopback on {host}; put it behind TLS")
            page = create_app(engine, analyst=analyst, default_lang=code, allowed_hosts=hosts)
            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s", stream=sys.stderr)
            err.print(f"socialaid web on http://{addr} ({'analyst' if analyst else 'service'} mode; Ctrl-C stops)")
            # uvicorn's own access log prints paths and queries: ours (socialaid.web.access) prints routes only
            uvicorn.run(page, host=host, port=port, access_log=False, log_level="warning", server_header=False)

    guarded(body, lang=code)
