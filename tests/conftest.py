"""Shared fixtures. Integration tests run against a real, locked OPA sidecar started here, once per session.

The sidecar runs in analyst mode (the what-if tests send overrides) and has its own bearer token, which
is also put in $SOCIALAID_OPA_TOKEN so that CLI runs given ``--opa-url`` can reach it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from socialaid.client import DecisionClient
from socialaid.engine import OPA_TOKEN_ENV, Engine
from socialaid.server.bundle import ensure_fresh
from socialaid.server.sidecar import Sidecar


@pytest.fixture(scope="session")
def sidecar() -> Iterator[Sidecar]:
    with Sidecar(bundle=ensure_fresh()) as running:
        before = os.environ.get(OPA_TOKEN_ENV)
        os.environ[OPA_TOKEN_ENV] = running.token
        try:
            yield running
        finally:
            if before is None:
                os.environ.pop(OPA_TOKEN_ENV, None)
            else:
                os.environ[OPA_TOKEN_ENV] = before


@pytest.fixture(scope="session")
def opa_url(sidecar: Sidecar) -> str:
    return sidecar.url


@pytest.fixture(scope="session")
def opa_token(sidecar: Sidecar) -> str:
    return sidecar.token


@pytest.fixture(scope="session")
def opa_client(sidecar: Sidecar) -> Iterator[DecisionClient]:
    with DecisionClient(sidecar.url, token=sidecar.token) as client:
        yield client


@pytest.fixture(scope="session")
def engine(sidecar: Sidecar) -> Iterator[Engine]:
    """The library core on the session's sidecar (words from the sidecar's own bundle)."""
    with Engine(DecisionClient(sidecar.url, token=sidecar.token), bundle=sidecar.bundle) as core:
        yield core
