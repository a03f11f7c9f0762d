"""Shared fixtures. Integration tests run against a real OPA sidecar started here, once per session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from socialaid.bundle import ensure_fresh
from socialaid.client import DecisionClient
from socialaid.sidecar import Sidecar


@pytest.fixture(scope="session")
def sidecar() -> Iterator[Sidecar]:
    with Sidecar(bundle=ensure_fresh()) as running:
        yield running


@pytest.fixture(scope="session")
def opa_url(sidecar: Sidecar) -> str:
    return sidecar.url


@pytest.fixture(scope="session")
def opa_client(opa_url: str) -> Iterator[DecisionClient]:
    with DecisionClient(opa_url) as client:
        yield client
