"""Ask OPA for decisions over its REST API, through opa-python-client, with one deadline and one retry policy.

    with DecisionClient("http://127.0.0.1:8181", token=TOKEN) as client:
        decision = client.decide(request)            # POST /v1/data/socialaid/decision
        explanation = client.explain(request)        # POST /v1/data/socialaid/explanation
        decisions = client.decide_batch(requests)    # POST /v1/data/socialaid/batch, 1 000 a chunk

The cheapest path through opa-python-client: one ``requests`` session kept alive for the client's
life, ``query_rule`` for every call, the client's own urllib3 retries switched off. Retrying lives in
this module only: a call whose connection fails is tried once more (``retries``) after ``backoff``
seconds, never past the deadline, and a call that reached OPA is never retried. Connecting has its own
short time-out, so an unreachable OPA is reported within a second.

The deadline covers the whole call — connecting, sending, waiting and reading every byte — not each
read: a server that trickles its answer a byte at a time is cut off when the deadline passes (one
watchdog thread for all clients looks every ``WATCHDOG_TICK`` seconds and shuts the late client's
sockets down), and the call fails with :class:`EngineTimeoutError`. No thread is started per call:
a thread start costs the calling thread more than a millisecond of GIL hand-over. The session ignores
proxy and netrc settings from the environment (``trust_env`` off): OPA is a sidecar or a service on
a known address, and reading the environment on every call cost 0.7 ms here. A client is for one
thread at a time.

Every failure is one of socialaid's :mod:`~socialaid.errors`: unreachable (5), time-out (6), undefined
result (7), policy error with OPA's own message (8), refused by the server's authorization (10), or an
answer that is not a decision response (4). An undefined result is an error, never "not eligible".
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from socialaid.errors import (
    EngineError,
    EngineRefusedError,
    EngineTimeoutError,
    EngineUnavailableError,
    OptionError,
    PolicyEvaluationError,
    UndefinedDecisionError,
)

__all__ = [
    "BATCH_CHUNK",
    "BATCH_RULE",
    "CONNECT_TIMEOUT",
    "DECISION_PACKAGE",
    "DECISION_RULE",
    "EXPLANATION_RULE",
    "WATCHDOG_TICK",
    "DecisionClient",
]

DECISION_PACKAGE = "socialaid"
DECISION_RULE = "decision"
EXPLANATION_RULE = "explanation"
BATCH_RULE = "batch"
BATCH_CHUNK = 1000
CONNECT_TIMEOUT = 0.4
_HOST_PORT = re.compile(r"[A-Za-z0-9.-]+:[0-9]{1,5}|\[[0-9A-Fa-f:.]+\]:[0-9]{1,5}")
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|[0-9A-Fa-f:.]+")  # a name, an IPv4 or an IPv6 address
WATCHDOG_TICK = 0.05


def _sync_opa_client() -> Any:
    """opa-python-client's synchronous ``OpaClient`` class, loaded without the package's ``__init__``.

    ``opa_client/__init__.py`` also imports the asyncio client (aiohttp, aiofiles): a quarter of a second
    of every CLI call for a class never used. The package is registered unexecuted and only its
    ``opa`` module is loaded; ``OpaClient`` is then set on it for anyone importing it from the package.
    """
    import importlib.util
    import sys

    package = sys.modules.get("opa_client")
    if package is None:
        spec = importlib.util.find_spec("opa_client")
        if spec is None:  # pragma: no cover - a dependency of this package
            raise ImportError("opa-python-client is not installed")
        package = importlib.util.module_from_spec(spec)
        sys.modules["opa_client"] = package
    from opa_client.opa import OpaClient

    if not hasattr(package, "OpaClient"):
        setattr(package, "OpaClient", OpaClient)  # noqa: B010
    return OpaClient


class _Watchdog:
    """One daemon thread that cuts off every client whose call has passed its deadline."""

    def __init__(self) -> None:
        self._clients: weakref.WeakSet[DecisionClient] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def watch(self, client: DecisionClient) -> None:
        with self._lock:
            self._clients.add(client)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="socialaid-deadline", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            time.sleep(WATCHDOG_TICK)
            now = time.monotonic()
            for client in list(self._clients):
                call, deadline = client._current
                if deadline is not None and now >= deadline:
                    client._expire(call)


_WATCHDOG = _Watchdog()


class _OneWrite:
    """Send a request's headers and body in one write, not two (urllib3 writes them separately; on a
    busy machine each write is a chance to be descheduled, and the server waits for the body)."""

    _held: list[bytes] | None = None

    def request(self, *args: Any, **kwargs: Any) -> None:
        self._held = []
        try:
            super().request(*args, **kwargs)  # type: ignore[misc]
        finally:
            held, self._held = self._held, None
            if held:
                super().send(b"".join(held))  # type: ignore[misc]

    def send(self, data: Any) -> None:
        if self._held is not None and isinstance(data, bytes | bytearray):
            self._held.append(bytes(data))
            return
        super().send(data)  # type: ignore[misc]


class _DeadlineAdapter(HTTPAdapter):
    """A transport adapter that remembers every socket it opens, so a deadline can shut them down."""

    def __init__(self) -> None:
        self.sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        super().__init__(max_retries=0, pool_connections=1, pool_maxsize=4)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        sockets = self.sockets

        class Connection(_OneWrite, HTTPConnection):
            def connect(self) -> None:
                super().connect()
                sockets.add(self.sock)

        class SecureConnection(_OneWrite, HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                sockets.add(self.sock)

        class Pool(HTTPConnectionPool):
            ConnectionCls = Connection

        class SecurePool(HTTPSConnectionPool):
            ConnectionCls = SecureConnection

        self.poolmanager.pool_classes_by_scheme = {"http": Pool, "https": SecurePool}

    def cut(self) -> None:
        for sock in list(self.sockets):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class DecisionClient:
    """A client of one OPA server for the public entrypoints ``data.socialaid.decision|explanation|batch``."""

    def __init__(
        self,
        url: str,
        *,
        token: str | None = None,
        timeout: float = 10.0,
        connect_timeout: float = CONNECT_TIMEOUT,
        retries: int = 1,
        backoff: float = 0.05,
    ) -> None:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        if (
            parts.scheme not in {"http", "https"}
            or ("://" not in url and not _HOST_PORT.fullmatch(url))  # without a scheme: HOST:PORT, nothing else
            or not parts.hostname
            or not _HOST.fullmatch(parts.hostname)
            or parts.query
            or parts.fragment
        ):
            raise OptionError(f"not an OPA URL: {url!r} (expected http://HOST:PORT[/PATH])")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 8181)
        except ValueError as exc:
            raise OptionError(f"not an OPA URL: {url!r} ({exc})") from exc
        prefix = parts.path.strip("/")  # a path in the URL (OPA behind a proxy) is kept, not dropped
        self.url = f"{parts.scheme}://{parts.hostname}:{port}" + (f"/{prefix}" if prefix else "")
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.retries = retries
        self.backoff = backoff
        self.last_decision_id: str | None = None
        self._opa = _sync_opa_client()(
            host=parts.hostname,
            port=port,
            version=f"{prefix}/v1" if prefix else "v1",
            ssl=parts.scheme == "https",
            token=token,
            timeout=timeout,
            retries=0,
        )
        self._adapter = _DeadlineAdapter()
        session: requests.Session = self._opa._session
        session.trust_env = False
        session.headers["Accept-Encoding"] = "identity"  # OPA would gzip a few kB on loopback: pure cost
        session.mount("http://", self._adapter)
        session.mount("https://", self._adapter)
        self._current: tuple[int, float | None] = (0, None)  # (call number, deadline), read by the watchdog
        self._expired_call = -1
        self._cut_lock = threading.Lock()
        _WATCHDOG.watch(self)

    def close(self) -> None:
        self._opa.close_connection()

    def __enter__(self) -> DecisionClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def healthy(self) -> bool:
        """OPA answers ``GET /health?bundles`` with 200 (its bundle is active)."""
        session: requests.Session = self._opa._session
        try:
            response = session.get(f"{self.url}/health?bundles", timeout=(self.connect_timeout, min(self.timeout, 5.0)))
        except requests.RequestException:
            return False
        return response.status_code == 200

    def query(self, request: Any, *, rule: str = DECISION_RULE, explain: str | None = None) -> dict[str, Any]:
        """OPA's whole response for one entrypoint (``result``, ``decision_id``, ``explanation`` when asked)."""
        params: dict[str, Any] | None = {"explain": explain} if explain else None
        response = self._call(
            lambda: self._opa.query_rule(
                input_data=request, package_path=DECISION_PACKAGE, rule_name=rule, query_params=params
            )
        )
        if not isinstance(response, dict):
            raise EngineError(f"OPA at {self.url} answered a JSON {type(response).__name__}, not a response object")
        if "result" not in response:
            raise UndefinedDecisionError(
                f"OPA at {self.url} returned no result for data.{DECISION_PACKAGE}.{rule}: "
                "the policy bundle is missing or the entrypoint is undefined"
            )
        decision_id = response.get("decision_id")
        self.last_decision_id = decision_id if isinstance(decision_id, str) else None
        return response

    def decide(self, request: Any) -> dict[str, Any]:
        """The decision document for one request."""
        return _document(self.query(request)["result"], "decision")

    def explain(self, request: Any) -> dict[str, Any]:
        """The explanation: the decision with every finding and the full parameters in force."""
        return _document(self.query(request, rule=EXPLANATION_RULE)["result"], "explanation")

    def decide_batch(self, requests_: list[Any], *, view: str = "decision") -> list[dict[str, Any]]:
        """Decisions for many requests, in order, ``BATCH_CHUNK`` per POST to the batch entrypoint.

        ``view="outcome"`` asks for each decision without its missing facts and parameters (a batch row
        keeps neither); ``"decision"`` for whole decisions."""
        decisions: list[dict[str, Any]] = []
        for start in range(0, len(requests_), BATCH_CHUNK):
            chunk = requests_[start : start + BATCH_CHUNK]
            body: dict[str, Any] = {"requests": chunk} if view == "decision" else {"requests": chunk, "view": view}
            result = _document(self.query(body, rule=BATCH_RULE)["result"], "batch")
            if result.get("errors"):
                raise PolicyEvaluationError(f"OPA at {self.url} refused the chunk: {result['errors']}")
            rows = result.get("decisions")
            if not isinstance(rows, list) or len(rows) != len(chunk):
                raise EngineError(f"OPA's batch answer holds {_count(rows)} decisions for {len(chunk)} requests")
            decisions += [_document(row, "decision") for row in rows]
        return decisions

    decide_many = decide_batch

    def _call(self, send: Callable[[], Any]) -> Any:
        """``send()`` under the whole-call deadline and the one retry policy."""
        deadline = time.monotonic() + self.timeout
        call = self._current[0] + 1
        self._current = (call, deadline)

        def expired() -> bool:
            return self._expired_call == call or time.monotonic() >= deadline

        attempt = 0
        try:
            while True:
                remaining = max(deadline - time.monotonic(), 0.001)
                self._opa.timeout = (min(self.connect_timeout, remaining), remaining)
                try:
                    return send()
                except requests.HTTPError as exc:
                    raise _http_error(exc, self.url) from exc
                except requests.JSONDecodeError as exc:
                    if expired():
                        raise self._timed_out() from exc
                    raise EngineError(f"OPA at {self.url} answered something that is not JSON: {exc}") from exc
                except (requests.ConnectionError, requests.Timeout) as exc:
                    if expired():
                        raise self._timed_out() from exc
                    retryable = isinstance(exc, requests.ConnectionError) and not isinstance(exc, requests.ReadTimeout)
                    if not retryable or attempt >= self.retries or time.monotonic() + self.backoff >= deadline:
                        raise _engine_error(exc, self.url) from exc
                    attempt += 1
                    time.sleep(self.backoff)
                except requests.exceptions.ChunkedEncodingError as exc:
                    if expired():
                        raise self._timed_out() from exc
                    # the server went away in the middle of its answer (killed, or its connection cut): it
                    # is unavailable; the call reached OPA, so it is not retried here
                    raise EngineUnavailableError(
                        f"the connection to OPA at {self.url} broke before its answer was complete"
                    ) from exc
                except requests.RequestException as exc:
                    if expired():
                        raise self._timed_out() from exc
                    raise EngineError(f"request to OPA at {self.url} failed: {exc}") from exc
        finally:
            with self._cut_lock:
                self._current = (call, None)

    def _expire(self, call: int) -> None:
        """Called by the watchdog: cut this client's sockets if ``call`` is still the one running."""
        with self._cut_lock:
            if self._current[0] != call or self._current[1] is None:
                return
            self._expired_call = call
            self._adapter.cut()

    def _timed_out(self) -> EngineTimeoutError:
        return EngineTimeoutError(f"OPA at {self.url} did not answer within {self.timeout:g} s (the whole request)")


def _count(rows: object) -> int:
    return len(rows) if isinstance(rows, list) else 0


def _document(result: object, what: str) -> dict[str, Any]:
    if not isinstance(result, dict):
        raise EngineError(f"OPA returned a {type(result).__name__} instead of a {what}")
    return result


def _engine_error(exc: requests.RequestException, url: str) -> EngineError:
    if isinstance(exc, requests.Timeout) and not isinstance(exc, requests.ConnectTimeout):
        return EngineTimeoutError(f"OPA at {url} did not answer in time ({exc.__class__.__name__})")
    return EngineUnavailableError(f"OPA is unreachable at {url}: is the server running? ({exc.__class__.__name__})")


def _http_error(exc: requests.HTTPError, url: str) -> EngineError:
    response = exc.response
    status = response.status_code if response is not None else 0
    body: dict[str, Any] = {}
    is_json = False
    if response is not None:
        try:
            parsed = response.json()
            body = parsed if isinstance(parsed, dict) else {}
            is_json = isinstance(parsed, dict)
        except ValueError:
            body = {}
    code = body.get("code", "")
    message = body.get("message", "") or (response.text[:500] if response is not None else str(exc))
    details = "; ".join(str(e.get("message", "")) for e in body.get("errors", []) if isinstance(e, dict))
    text = f"OPA at {url} answered {status} {code}: {message}" + (f" ({details})" if details else "")
    if status in {401, 403}:
        return EngineRefusedError(text + " (a locked server: check the token, and that the path is an entrypoint)")
    if status == 404:
        return UndefinedDecisionError(text)
    if not is_json:  # a proxy's HTML error page, not OPA's error document
        return EngineError(f"OPA at {url} answered {status} with something that is not OPA's error document")
    if status == 400:
        return PolicyEvaluationError(text + " (OPA refused the request body)")
    return PolicyEvaluationError(text)
