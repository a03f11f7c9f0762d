"""The web page on the session's real OPA sidecar: an ASGI test client, and form helpers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from socialaid.engine import Engine
from socialaid.web.app import create_app
from socialaid.web.store import DecisionStore


def form_fields(value: Any, prefix: str = "") -> dict[str, str]:
    """A request as the form's fields: one input a fact, named by its JSON pointer (as a browser sends them)."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(form_fields(item, f"{prefix}/{key}"))
    elif isinstance(value, list):
        if not value:
            out[f"{prefix}#none"] = "true"
        for i, item in enumerate(value):
            out.update(form_fields(item, f"{prefix}/{i}"))
    elif value is True:
        out[prefix] = "true"
    elif value is False:
        out[prefix] = "false"
    elif value is not None:
        out[prefix] = str(value)
    return out


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert found, "the page has no CSRF field"
    return found.group(1)


class Page:
    """A caseworker's browser session, without a browser: GET the form, POST it with its CSRF token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.csrf = csrf_of(client.get("/").text)

    def decide(self, request: dict[str, Any], **extra: str) -> Any:
        return self.client.post(
            "/", data={**form_fields(request), "csrf": self.csrf, "action": "decide", **extra}, follow_redirects=False
        )

    def post(self, url: str, data: dict[str, str]) -> Any:
        return self.client.post(url, data={**data, "csrf": self.csrf}, follow_redirects=False)


@pytest.fixture(scope="session")
def store() -> DecisionStore:
    return DecisionStore()


@pytest.fixture(scope="session")
def web_app(engine: Engine, store: DecisionStore) -> Starlette:
    return create_app(engine, store=store)


@pytest.fixture
def client(web_app: Starlette) -> Iterator[TestClient]:
    with TestClient(web_app, base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture
def page(client: TestClient) -> Page:
    return Page(client)
