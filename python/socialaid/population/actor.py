"""The Ray actor of a batch: one locked OPA sidecar (two for an impact across revisions), one chunk a call.

A sidecar that dies is restarted and its chunk asked again (bounded); an error the actor cannot get
past comes back to the driver as data (a row with ``fatal``: Ray 2.60 hands the driver a
``UserCodeException`` without the original error), and the driver raises it with its own class.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from socialaid.client import DecisionClient
from socialaid.errors import (
    EngineTimeoutError,
    EngineUnavailableError,
    FieldError,
    SocialaidError,
    UndefinedDecisionError,
)
from socialaid.population.rows import compact_row, decide_rows, dumps_row, public_message, requests_of

__all__ = ["MAX_RESTARTS", "ChunkDecider"]

MAX_RESTARTS = 5  # sidecar restarts in one actor's life; a sidecar that keeps dying stops the run


def _peak_rss_kb(pid: int | None) -> int:
    if pid is None:
        return 0
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


class ChunkDecider:
    """A Ray actor: one OPA sidecar (two for an impact run across policy revisions), one chunk a call.

    The bundles and the verification key travel as bytes, so the same job runs on a cluster whose
    nodes have no checkout. Each sidecar is the project's locked one (token, authorization, signature),
    asked through the one client (:class:`socialaid.client.DecisionClient`, the batch's outcome view).
    ``variant`` (impact) turns each request into its reform; with ``pair`` the row pairs base and
    reform, with ``reform_only`` (impact over a cached base) the actor decides the reform side alone.

    A sidecar that dies (killed, out of memory) is restarted and the chunk asked again, at most
    ``restarts`` times a chunk and ``MAX_RESTARTS`` times in the actor's life; a sidecar that is alive
    but does not answer is not restarted (fail closed: the run stops).
    """

    def __init__(
        self,
        *,
        fmt: str,
        bundle: bytes,
        verification_key: bytes,
        reform_bundle: bytes | None = None,
        variant: Any = None,
        pair: bool = False,
        reform_only: bool = False,
        as_of: str | None = None,
        timeout: float = 120.0,
        restarts: int = 2,
        details: bool = False,
    ) -> None:
        self.fmt = fmt
        self.details = details
        self.as_of = as_of
        self.variant = variant
        self.reform_only = reform_only
        self.pair = not reform_only and (pair or variant is not None or reform_bundle is not None)
        self.timeout = timeout
        self.restarts = restarts
        self.restarted = 0
        self.name = uuid.uuid4().hex[:12]  # names the actor in the summary (never a URL)
        self._dir = tempfile.TemporaryDirectory(prefix="socialaid-actor-")
        self._key = Path(self._dir.name) / "verification.pem"
        self._key.write_bytes(verification_key)
        self._sidecars: list[Any] = []
        self._clients: list[DecisionClient] = []
        bundles = [bundle] if reform_bundle is None else [bundle, reform_bundle]
        if reform_only:
            bundles = bundles[-1:]
        # a sidecar that will not start is reported by the first chunk (an error raised here would reach
        # the driver as Ray's actor error, without its class and exit code)
        self._broken: SocialaidError | None = None
        try:
            for i, data in enumerate(bundles):
                path = Path(self._dir.name) / f"bundle-{i}.tar.gz"
                path.write_bytes(data)
                self._sidecars.append(self._sidecar(path))
                self._clients.append(self._client(self._sidecars[-1]))
        except SocialaidError as exc:
            self._broken = exc

    def _sidecar(self, path: Path) -> Any:
        from socialaid.server.sidecar import Sidecar

        # analyst mode: an impact reform is parameter overrides; decision logs off: a batch's log
        # entries would hold whole chunks and the log is removed with the sidecar anyway
        return Sidecar(bundle=path, verification_key=self._key, mode="analyst", decision_logs=False).start()

    def _client(self, sidecar: Any) -> DecisionClient:
        return DecisionClient(sidecar.url, token=sidecar.token, timeout=self.timeout)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        """The chunk's rows; an engine error comes back as data (one row with ``fatal``): Ray would hand
        the driver a UserCodeException that no longer holds the error, and with it the exit code."""
        try:
            if self._broken is not None:
                raise self._broken
            return self._rows(batch)
        except SocialaidError as exc:
            fatal = json.dumps({"error": type(exc).__name__, "message": public_message(str(exc))}, ensure_ascii=False)
            return {
                "row": [""],
                "refused": [False],
                "revision": [""],
                "opa_peak_kb": [0],
                "engine": [self.name],
                "decisions": [0],
                "restarts": [0],
                "fatal": [fatal],
            }

    def _rows(self, batch: dict[str, Any]) -> dict[str, Any]:
        parsed = requests_of(batch, self.fmt)
        if self.as_of:
            parsed = [({**r, "as_of": self.as_of} if r is not None else None, e) for r, e in parsed]
        restarted = self.restarted
        decisions = 0
        if self.reform_only:
            base, asked = self._decide(self._reform(parsed), -1)
        else:
            base, asked = self._decide(parsed, 0)
        decisions += asked
        refused = [r["status"] == "refused" for r in base]
        revision = [r["bundle_revision"] or "" for r in base]
        if self.pair:
            reform, asked = self._decide(self._reform(parsed), -1)
            decisions += asked
            rows = [dumps_row([b, r]) for b, r in zip(base, reform, strict=True)]
            refused = [a or r["status"] == "refused" for a, r in zip(refused, reform, strict=True)]
        else:
            rows = [dumps_row(r) for r in base]
        peak = max(_peak_rss_kb(getattr(getattr(s, "_proc", None), "pid", None)) for s in self._sidecars)
        first = [1] + [0] * (len(rows) - 1) if rows else []
        return {
            "row": rows,
            "refused": refused,
            "revision": revision,
            "opa_peak_kb": [peak] * len(rows),
            "engine": [self.name] * len(rows),
            # per chunk, on its first row: how many requests went to OPA, how many sidecars were restarted
            "decisions": [decisions * f for f in first],
            "restarts": [(self.restarted - restarted) * f for f in first],
            "fatal": [""] * len(rows),
        }

    def _reform(self, parsed: list[tuple[dict[str, Any] | None, list[FieldError]]]) -> list[Any]:
        if self.variant is None:
            return parsed
        from socialaid.analysis.whatif import apply_variant

        return [(apply_variant(r, self.variant) if r is not None and not e else r, e) for r, e in parsed]

    def _decide(self, parsed: list[Any], side: int) -> tuple[list[dict[str, Any]], int]:
        ok = [r for r, e in parsed if r is not None and not e]
        decisions = iter(self._with_restarts(side, ok))
        rows = [
            compact_row(r, next(decisions)) if r is not None and not e else compact_row(r, None, e) for r, e in parsed
        ]
        return rows, len(ok)

    def _ask(self, side: int, requests_: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if not requests_:
            return []
        if self.details:  # the explanation, one household a query: the decision and its details
            decisions = [self._clients[side].explain(r) for r in requests_]
        else:
            decisions = self._clients[side].decide_batch(requests_, view="outcome")
        for decision in decisions:
            if not (decision.get("errors") or isinstance(decision.get("programs"), dict)):
                raise UndefinedDecisionError("the sidecar OPA gave an undefined decision in the chunk")
        return decisions

    def _with_restarts(self, side: int, requests_: list[dict[str, Any]]) -> list[dict[str, Any]]:
        tries = 0
        while True:
            try:
                return decide_rows(lambda chunk: self._ask(side, chunk), requests_)
            except (EngineUnavailableError, EngineTimeoutError) as exc:
                if not self._died(side):
                    raise
                if tries >= self.restarts or self.restarted >= MAX_RESTARTS:
                    raise EngineUnavailableError(
                        f"an OPA sidecar died and was restarted {tries} times for this chunk "
                        f"({self.restarted} in this actor's life) without deciding it: {public_message(str(exc))}"
                    ) from exc
                tries += 1
                self._restart(side)

    def _died(self, side: int) -> bool:
        """Whether the sidecar's process has exited (given a moment: its sockets close before it is reaped)."""
        for _ in range(20):
            if not self._sidecars[side].running:
                return True
            time.sleep(0.05)
        return False

    def _restart(self, side: int) -> None:
        self.restarted += 1
        sidecar = self._sidecars[side]
        self._clients[side].close()
        sidecar.stop()
        try:
            sidecar.start()  # a new port and log; the same token, bundle and key
        except EngineUnavailableError as exc:
            raise EngineUnavailableError(
                f"an OPA sidecar died and could not be restarted: {public_message(str(exc))}"
            ) from exc
        self._clients[side] = self._client(sidecar)

    def __del__(self) -> None:
        for client in getattr(self, "_clients", []):
            client.close()
        for sidecar in getattr(self, "_sidecars", []):
            sidecar.stop()
