"""Where decisions come from: a running OPA given by URL, or a locked sidecar started for the occasion.

``open_engine(opa_url)`` yields a :class:`~socialaid.client.DecisionClient`. With a URL (the
argument, else ``$SOCIALAID_OPA_URL``) it uses that OPA, with the bearer token in
``$SOCIALAID_OPA_TOKEN`` (a locked server refuses callers without it). Without one it makes sure the
bundle is built and signed from the current policies/ and schemas/, starts a sidecar on it (analyst
mode: the server is this process's alone), and stops the sidecar afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from socialaid.client import DecisionClient
from socialaid.server.bundle import ensure_fresh
from socialaid.server.sidecar import Mode, Sidecar

__all__ = ["OPA_TOKEN_ENV", "OPA_URL_ENV", "open_engine"]

OPA_URL_ENV = "SOCIALAID_OPA_URL"
OPA_TOKEN_ENV = "SOCIALAID_OPA_TOKEN"


@contextmanager
def open_engine(
    opa_url: str | None = None, *, timeout: float = 10.0, token: str | None = None, mode: Mode = "analyst"
) -> Iterator[DecisionClient]:
    url = opa_url or os.environ.get(OPA_URL_ENV)
    if url:
        with DecisionClient(url, token=token or os.environ.get(OPA_TOKEN_ENV), timeout=timeout) as client:
            yield client
        return
    bundle = ensure_fresh()
    with (
        Sidecar(bundle=bundle, mode=mode) as sidecar,
        DecisionClient(sidecar.url, token=sidecar.token, timeout=timeout) as client,
    ):
        yield client
