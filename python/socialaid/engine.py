"""Where decisions come from: a running OPA given by URL, or a sidecar started for the occasion.

``open_engine(opa_url)`` yields a :class:`~socialaid.client.DecisionClient`. With a URL (the
argument, else ``$SOCIALAID_OPA_URL``) it uses that OPA; without one it makes sure the bundle is up
to date with policies/ and schemas/, starts a sidecar on it, and stops the sidecar afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from socialaid.bundle import ensure_fresh
from socialaid.client import DecisionClient
from socialaid.sidecar import Sidecar

__all__ = ["OPA_URL_ENV", "open_engine"]

OPA_URL_ENV = "SOCIALAID_OPA_URL"


@contextmanager
def open_engine(opa_url: str | None = None, *, timeout: float = 10.0) -> Iterator[DecisionClient]:
    url = opa_url or os.environ.get(OPA_URL_ENV)
    if url:
        with DecisionClient(url, timeout=timeout) as client:
            yield client
        return
    bundle = ensure_fresh()
    with Sidecar(bundle=bundle) as sidecar, DecisionClient(sidecar.url, timeout=timeout) as client:
        yield client
