"""Ask OPA for decisions over its REST API, through opa-python-client.

opa-python-client raises raw ``requests`` errors and never retries a POST; this module retries the
(read-only, so idempotent) decision query on connection failures and time-outs, and turns every
failure into one of socialaid's :mod:`~socialaid.errors`: unreachable, time-out, undefined result,
or a policy error with OPA's own message. An undefined result is an error, never "not eligible".
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

import requests
from opa_client import OpaClient
from opa_client.errors import QueryExecuteError

from socialaid.errors import (
    EngineError,
    EngineTimeoutError,
    EngineUnavailableError,
    PolicyEvaluationError,
    UndefinedDecisionError,
)

__all__ = ["DECISION_PACKAGE", "DECISION_RULE", "DecisionClient"]

DECISION_PACKAGE = "socialaid"
DECISION_RULE = "decision"


class DecisionClient:
    """A client of one OPA server for ``data.socialaid.decision``."""

    def __init__(self, url: str, *, timeout: float = 10.0, retries: int = 2, backoff: float = 0.2) -> None:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise EngineUnavailableError(f"not an OPA URL: {url!r} (expected http://HOST:PORT)")
        self.url = f"{parts.scheme}://{parts.hostname}:{parts.port or 8181}"
        self.retries = retries
        self.backoff = backoff
        self._opa = OpaClient(
            host=parts.hostname,
            port=parts.port or 8181,
            ssl=parts.scheme == "https",
            timeout=timeout,
            retries=retries,
        )

    def close(self) -> None:
        self._opa.close_connection()

    def __enter__(self) -> DecisionClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def healthy(self) -> bool:
        return bool(self._opa.check_health({"bundles": True}))

    def query(self, request: dict[str, Any], *, explain: str | None = None) -> dict[str, Any]:
        """OPA's whole response for the decision (``result``, and ``explanation`` when asked)."""
        params: dict[str, Any] = {"explain": explain} if explain else {}
        response = self._call(
            lambda: self._opa.query_rule(
                input_data=request,
                package_path=DECISION_PACKAGE,
                rule_name=DECISION_RULE,
                query_params=params or None,
            )
        )
        if not isinstance(response, dict) or "result" not in response:
            raise UndefinedDecisionError(
                f"OPA at {self.url} returned no result for data.{DECISION_PACKAGE}.{DECISION_RULE}: "
                "the policy bundle is missing or the entrypoint is undefined"
            )
        return response

    def decide(self, request: dict[str, Any]) -> dict[str, Any]:
        """The decision document for one request."""
        result = self.query(request)["result"]
        if not isinstance(result, dict):
            raise UndefinedDecisionError(f"OPA returned a {type(result).__name__} instead of a decision")
        return result

    def decide_many(self, requests_: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Decisions for many requests in one round trip (one ad-hoc query, ``with input as`` each)."""
        if not requests_:
            return []
        try:
            results = self._call(lambda: self._opa.bulk_query_rule(requests_, DECISION_PACKAGE, DECISION_RULE))
        except QueryExecuteError as exc:
            raise UndefinedDecisionError(f"decision undefined for at least one request: {exc.message}") from exc
        if not isinstance(results, list) or len(results) != len(requests_) or None in results:
            raise UndefinedDecisionError("OPA returned no decision for at least one request")
        return results

    def _call(self, send: Any) -> Any:
        attempt = 0
        while True:
            try:
                return send()
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt >= self.retries:
                    raise _engine_error(exc, self.url) from exc
                attempt += 1
                time.sleep(self.backoff * attempt)
            except requests.HTTPError as exc:
                raise _http_error(exc, self.url) from exc
            except requests.RequestException as exc:
                raise EngineError(f"request to OPA at {self.url} failed: {exc}") from exc


def _engine_error(exc: requests.RequestException, url: str) -> EngineError:
    if isinstance(exc, requests.Timeout) and not isinstance(exc, requests.ConnectTimeout):
        return EngineTimeoutError(f"OPA at {url} did not answer in time ({exc.__class__.__name__})")
    return EngineUnavailableError(f"OPA is unreachable at {url}: is the sidecar running? ({exc.__class__.__name__})")


def _http_error(exc: requests.HTTPError, url: str) -> EngineError:
    response = exc.response
    status = response.status_code if response is not None else 0
    body: dict[str, Any] = {}
    if response is not None:
        try:
            parsed = response.json()
            body = parsed if isinstance(parsed, dict) else {}
        except ValueError:
            body = {}
    code = body.get("code", "")
    message = body.get("message", "") or (response.text[:500] if response is not None else str(exc))
    details = "; ".join(str(e.get("message", "")) for e in body.get("errors", []) if isinstance(e, dict))
    text = f"OPA at {url} answered {status} {code}: {message}" + (f" ({details})" if details else "")
    if status == 404:
        return UndefinedDecisionError(text)
    return PolicyEvaluationError(text)
