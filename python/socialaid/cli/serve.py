"""``socialaid serve``: the locked OPA server in the foreground (see :mod:`socialaid.server.serve`).

Registered on :data:`socialaid.cli.main.app` by ``socialaid.cli.main``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from socialaid.cli.app import LangOpt, app, guarded, lang_of
from socialaid.server.serve import DEFAULT_ADDR, DEFAULT_LOG_DIR, ServeOptions, serve

__all__ = ["serve_cmd"]


def _announce(first: str, rest: list[str]) -> None:
    """serve's banner on stdout: the first line whole (scripts read the port from it), the others as
    lines that fit the screen (render.screen), indented."""
    import sys

    from socialaid.render.screen import Screen

    lines = Screen.for_stream(sys.stdout)
    lines.lines.append(first)
    for line in rest:
        lines.line(line, indent="  ", hang="    ")
    lines.flush()


@app.command("serve", short_help="Run the locked OPA server: signed bundle, audit log")
def serve_cmd(
    addr: Annotated[str, typer.Option("--addr", help="HOST:PORT to listen on (loopback unless you say otherwise)")] = (
        DEFAULT_ADDR
    ),
    bundle: Annotated[
        Path | None,
        typer.Option("--bundle", exists=True, dir_okay=False, help="Signed bundle (default: build and sign this tree)"),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", exists=True, dir_okay=False, help="OPA configuration (deploy/opa-config.yaml)"),
    ] = None,
    verification_key: Annotated[
        Path | None,
        typer.Option(
            "--verification-key", exists=True, dir_okay=False, help="Public key the bundle must be signed with"
        ),
    ] = None,
    token_file: Annotated[
        Path | None,
        typer.Option("--token-file", exists=True, dir_okay=False, help="File holding the bearer token callers send"),
    ] = None,
    log_dir: Annotated[
        Path, typer.Option("--log-dir", help="Decision logs, OPA's log, a made token")
    ] = DEFAULT_LOG_DIR,
    analyst: Annotated[bool, typer.Option("--analyst", help="Analyst mode: accept parameter overrides")] = False,
    lang: LangOpt = None,
) -> None:
    """Run the locked OPA server: only the decision, explanation and batch entrypoints, signed bundle, audit log."""
    language = lang_of(lang)
    options = ServeOptions(
        addr=addr,
        bundle=bundle,
        config=config,
        verification_key=verification_key,
        token_file=token_file,
        log_dir=log_dir,
        mode="analyst" if analyst else "service",
        lang=language,
        announce=_announce,
    )
    code = 0

    def body() -> None:
        nonlocal code
        code = serve(options)

    guarded(body, lang=language)
    raise typer.Exit(code)
