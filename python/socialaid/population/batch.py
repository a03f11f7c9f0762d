"""Decide a population: chunks of households through OPA sidecars on Ray (``socialaid batch``).

    read (Ray Data, streaming) ──▶ actor pool: each actor owns one OPA sidecar on 127.0.0.1
        ──▶ one batch query per chunk (``data.socialaid.batch``) ──▶ compact rows, in input order
        ──▶ the driver writes them (JSONL or Parquet) as they arrive, with a progress bar

The engine only moves chunks: parsing lines, shaping the flat columns into requests, and copying
the decision's eligibility, amounts, decisive rules and clauses into a row. Every eligibility,
amount and validation is the policy's. A row that cannot be decided (bad JSON, bad flat cell, the
policy's own field errors) becomes a row with ``status: "refused"``, its errors and no programs; it
never stops the batch and is never dropped. OPA unreachable, undefined or failing for the whole chunk
is an error of the whole run (fail closed), never a row saying "not eligible".

The actors ask OPA through the one client (:class:`socialaid.client.DecisionClient`), so every failure
is one of :mod:`socialaid.errors` with one exit code. A sidecar that dies is restarted and its chunk
asked again (bounded); an error the actor cannot get past comes back to the driver as data (a row with
``fatal``: Ray 2.60 hands the driver a ``UserCodeException`` without the original error) and the driver
raises it with its own class. The driver writes to a temporary file renamed on success: a failed run
leaves nothing at the output path and says which rows were done.

Ray runs in-process (``ray.init()`` on 127.0.0.1, no dashboard, no usage report) unless ``address``
names a cluster. Actors reserve a fraction of a CPU and read tasks a quarter: the work happens in OPA,
and a read task wanting a whole CPU never fits beside actors holding half of each 1-CPU node.
:func:`check_resources` says at once when the job cannot be placed on the cluster at all.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import re
import tempfile
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from socialaid.client import DecisionClient
from socialaid.errors import (
    EngineError,
    EngineTimeoutError,
    EngineUnavailableError,
    FieldError,
    PolicyEvaluationError,
    SocialaidError,
    UndefinedDecisionError,
)
from socialaid.population.io import InputFormat, request_from_flat, request_from_line

__all__ = [
    "DEFAULT_CHUNK",
    "INCOME_FIGURES",
    "MAX_RESTARTS",
    "BatchOptions",
    "BatchSummary",
    "ChunkDecider",
    "DecidedBatch",
    "compact_row",
    "decide_rows",
    "public_message",
    "ray_session",
    "run_batch",
]

DEFAULT_CHUNK = 250  # 500 peaked at 249 MB of OPA RSS (GOGC=400), 250 at 182 MB: margin under 300 MB
MAX_CHUNK = 1000  # the batch entrypoint takes at most 1 000 requests a query
# per program, copied into a row when the decision carries them (低保's per-capita income, its standard
# and the members it counts): what the impact's deciles and poverty figures read; Python computes none
INCOME_FIGURES = ("per_capita_income", "standard", "members")
MAX_RESTARTS = 5  # sidecar restarts in one actor's life; a sidecar that keeps dying stops the run


# --- one OPA, one chunk ------------------------------------------------------------------------

_URL = re.compile(r"(?:OPA (?:at|is unreachable at) )?https?://[^\s:/]+(?::[0-9]+)?(?:/[^\s:]*)?:?")


def public_message(text: str) -> str:
    """An engine error as a person may read it: the sidecar's internal URL (a loopback port that is gone
    when the run ends) is left out."""
    return re.sub(r"\s{2,}", " ", _URL.sub("the sidecar OPA ", text)).strip()


def decide_rows(
    opa: Callable[[list[dict[str, Any]]], list[dict[str, Any]]], requests_: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Decisions in order; a policy error is traced to the household that causes it (halving the chunk),
    which gets an error row, so one household never takes the others down with it."""
    try:
        return opa(requests_)
    except PolicyEvaluationError as exc:
        if len(requests_) == 1:
            return [
                {
                    "errors": [
                        {
                            "kind": "policy_error",
                            "pointer": "",
                            "problem": public_message(str(exc))[:300],
                            "expected": "a request the policy can evaluate",
                        }
                    ]
                }
            ]
    half = len(requests_) // 2
    return decide_rows(opa, requests_[:half]) + decide_rows(opa, requests_[half:])


# --- rows ---------------------------------------------------------------------------------------


def _rules(program: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"rule": r.get("rule"), "clause": r.get("clause"), "outcome": r.get("outcome")}
        for r in program.get("rules") or []
    ]


def compact_row(
    request: dict[str, Any] | None, decision: dict[str, Any] | None, errors: list[FieldError] | None = None
) -> dict[str, Any]:
    """The output row of one household: id, date, revision, status, errors or each program's outcome."""
    household = (request or {}).get("household")
    household = household if isinstance(household, dict) else {}
    members = household.get("members")
    decision = decision or {}
    as_of = decision.get("as_of", (request or {}).get("as_of"))
    row: dict[str, Any] = {
        "household_id": household.get("id") if isinstance(household.get("id"), str) else None,
        "as_of": as_of if isinstance(as_of, str) else None,
        "bundle_revision": decision.get("bundle_revision"),
        "hypothetical": bool(decision.get("hypothetical", False)),
        "area": household.get("area") if household.get("area") in {"urban", "rural"} else None,
        "household_size": len(members) if isinstance(members, list) else None,
    }
    found = [e.to_dict() | {"kind": "input"} for e in errors or []] + list(decision.get("errors") or [])
    if found or not isinstance(decision.get("programs"), dict):
        row |= {"status": "refused", "errors": found, "clauses": []}
        return row
    programs: dict[str, Any] = {}
    clauses: set[int] = set()
    for name, program in sorted(decision["programs"].items()):
        rules = _rules(program)
        programs[name] = {
            "eligible": bool(program.get("eligible")),
            "monthly_amount": program.get("monthly_amount", 0),
            "clause": program.get("clause"),
            "covered": len(program.get("covered_member_ids") or []),
            "rules": rules,
        }
        # the figures a distribution needs (per-capita income against the standard, for how many members),
        # as the decision gives them: on the program itself, or in the explanation's details
        details = program.get("details")
        given = {**(details if isinstance(details, dict) else {}), **program}
        for figure in INCOME_FIGURES:
            if isinstance(given.get(figure), int | float) and not isinstance(given.get(figure), bool):
                programs[name][figure] = given[figure]
        clauses.update(c for c in [program.get("clause"), *(r["clause"] for r in rules)] if isinstance(c, int))
    row |= {"status": "decided", "errors": [], "clauses": sorted(clauses), "programs": programs}
    return row


def _requests_of(batch: dict[str, Any], fmt: str) -> list[tuple[dict[str, Any] | None, list[FieldError]]]:
    columns = list(batch)
    size = len(batch[columns[0]]) if columns else 0
    if fmt == InputFormat.jsonl:
        return [request_from_line(str(line)) for line in batch["text"]]
    if "request" in batch:
        return [request_from_line(str(text)) for text in batch["request"]]
    out = []
    for i in range(size):
        row = {c: _plain(batch[c][i]) for c in columns}
        out.append(request_from_flat(row))
    return out


def _plain(value: Any) -> Any:
    item = getattr(value, "item", None)  # numpy scalars → Python
    return item() if callable(item) else value


# --- the Ray actor ------------------------------------------------------------------------------


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
        parsed = _requests_of(batch, self.fmt)
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
            rows = [_dumps([b, r]) for b, r in zip(base, reform, strict=True)]
            refused = [a or r["status"] == "refused" for a, r in zip(refused, reform, strict=True)]
        else:
            rows = [_dumps(r) for r in base]
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


def _dumps(row: Any) -> str:
    """One output row as JSON text; a non-finite number is an error, never invalid JSON."""
    return json.dumps(row, ensure_ascii=False, allow_nan=False)


# --- the job ------------------------------------------------------------------------------------


@dataclass
class BatchOptions:
    actors: int = 2
    chunk: int = DEFAULT_CHUNK
    cpus_per_actor: float = 0.5
    as_of: str | None = None
    address: str | None = None
    timeout: float = 120.0
    restarts: int = 2  # a dead sidecar is restarted and its chunk asked again, this many times a chunk


@dataclass
class DecidedBatch:
    rows: list[str]
    refused: int
    revisions: set[str]
    opa_peak_kb: int
    engines: set[str] = field(default_factory=set)
    decisions: int = 0  # requests sent to OPA (both sides of an impact count)
    restarts: int = 0


@dataclass
class BatchSummary:
    rows: int = 0
    decided: int = 0
    refused: int = 0
    seconds: float = 0.0
    first_rows_seconds: float = 0.0
    output: str = ""
    opa_peak_mb: float = 0.0
    bundle_revision: set[str] = field(default_factory=set)
    engines: set[str] = field(default_factory=set)
    decisions: int = 0
    restarts: int = 0

    def add(self, batch: DecidedBatch) -> None:
        self.decisions += batch.decisions
        self.restarts += batch.restarts
        self.rows += len(batch.rows)
        self.refused += batch.refused
        self.decided += len(batch.rows) - batch.refused
        self.bundle_revision |= batch.revisions
        self.engines |= batch.engines
        self.opa_peak_mb = max(self.opa_peak_mb, batch.opa_peak_kb / 1024)

    @property
    def per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "decided": self.decided,
            "refused": self.refused,
            "seconds": round(self.seconds, 3),
            "first_rows_after_seconds": round(self.first_rows_seconds, 3),
            "households_per_second": round(self.per_second, 1),
            "opa_peak_rss_mb": round(self.opa_peak_mb, 1),
            "bundle_revision": sorted(self.bundle_revision),
            "actors": len(self.engines),
            "decisions": self.decisions,
            "sidecar_restarts": self.restarts,
            "output": self.output,
        }


@contextlib.contextmanager
def ray_session(address: str | None = None) -> Iterator[None]:
    """Ray for the job: an existing session, the cluster at ``address``, or in-process on 127.0.0.1.

    In-process, Ray's own servers (GCS, raylet, workers) listen on loopback only: Ray resolves
    127.0.0.1 to the machine's address for multi-node clusters unless clusters are switched off
    (``RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0``, read when ray is imported and by every worker it spawns).
    In-process, the object store is capped at ``OBJECT_STORE_MB`` (``$SOCIALAID_OBJECT_STORE_MB``; 0 for
    Ray's default, 30 % of the machine's memory): the driver reads every output block from it, and each
    store page it has read stays in its resident memory (shared, RssShmem), so the store's size bounds
    the driver's growth. A chunk's blocks are well under a megabyte; the store spills to disk if it fills.
    On a cluster started with token authentication (``RAY_AUTH_MODE=token``) the driver needs the same
    mode and the cluster's token (``RAY_AUTH_TOKEN`` or ``RAY_AUTH_TOKEN_PATH``) in its environment.
    """
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not address:
        os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
        # In-process there is no dashboard to read task events; reporting them halved the driver's
        # growth per row when switched off (benchmarks/driver_memory.py, docs/population.md).
        os.environ.setdefault(TASK_EVENTS_ENV, "0")
    import ray
    from ray._private import ray_constants

    if ray.is_initialized():
        yield
        return
    if not address:
        ray_constants.ENABLE_RAY_CLUSTER = False  # in case ray was imported before the variable was set
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
    store_mb = int(os.environ.get(OBJECT_STORE_ENV, "") or OBJECT_STORE_MB)
    if store_mb > 0:
        kwargs["object_store_memory"] = store_mb << 20
    if address:
        kwargs = {"log_to_driver": False, "logging_level": logging.ERROR}
    for attempt in range(2):  # a loaded machine can miss Ray's 30 s raylet start-up window once
        try:
            ray.init(address=address, **kwargs)
            break
        except Exception as exc:
            ray.shutdown()
            if attempt == 1 or address:
                where = f"the Ray cluster at {address}" if address else "Ray"
                raise EngineUnavailableError(f"{where} did not start or could not be joined: {exc}") from exc
    try:
        yield
    finally:
        ray.shutdown()


TASK_EVENTS_ENV = "RAY_task_events_report_interval_ms"  # read by every Ray process the session starts
OBJECT_STORE_ENV = "SOCIALAID_OBJECT_STORE_MB"
OBJECT_STORE_MB = 256  # the in-process session's object store (Ray's minimum is 75 MB)
READ_CPUS = 0.25  # a read task's CPU: a whole one would never fit beside actors holding half a CPU per node


def check_resources(options: BatchOptions) -> None:
    """Fail within seconds, naming the missing resource, when the actors and a read task cannot all be
    placed on the cluster's nodes (else Ray would wait for them without end)."""
    import ray

    nodes = [n for n in ray.nodes() if n.get("Alive")]  # type: ignore[no-untyped-call]
    per_node = [float(n.get("Resources", {}).get("CPU", 0.0)) for n in nodes]
    free = sorted(per_node, reverse=True)
    wanted = [options.cpus_per_actor] * options.actors + [READ_CPUS]
    total = sum(free)
    for want in wanted:  # first fit, largest node first: the actors, then one read task
        for i, have in enumerate(free):
            if have + 1e-9 >= want:
                free[i] = have - want
                break
        else:
            raise EngineUnavailableError(
                f"the Ray cluster cannot place this job: it needs CPU for {options.actors} actors × "
                f"{options.cpus_per_actor:g} (--actors, --cpus-per-actor) and {READ_CPUS:g} for reading, "
                f"{options.actors * options.cpus_per_actor + READ_CPUS:g} CPU in all, with at most one node's "
                f"CPU for each; its {len(nodes)} node(s) have {total:g} CPU "
                f"({', '.join(f'{c:g}' for c in per_node) or 'none'}). "
                "Use fewer actors, a smaller --cpus-per-actor, or more nodes."
            )


def _dataset(path: Path, fmt: InputFormat, chunk: int) -> Any:
    import ray.data

    if fmt is InputFormat.jsonl:
        return ray.data.read_datasource(_lines_datasource(str(path), chunk), num_cpus=READ_CPUS)
    if fmt is InputFormat.csv:
        import pyarrow as pa
        import pyarrow.csv as pacsv

        with path.open(encoding="utf-8", newline="") as f:
            header: list[str] = next(csv.reader(f), [])
        convert = pacsv.ConvertOptions(
            column_types={c: pa.string() for c in header}, strings_can_be_null=False, quoted_strings_can_be_null=False
        )
        return ray.data.read_csv(str(path), convert_options=convert, num_cpus=READ_CPUS)
    return ray.data.read_parquet(str(path), num_cpus=READ_CPUS)


def _lines_datasource(path: str, rows_per_block: int) -> Any:
    """Ray's text source reads a whole file at once; this one streams it, a block per chunk of lines, so
    that chunks spread over the actors (split on \\n only: a JSON string may hold U+2028; empty lines
    are kept, so every line gets a row)."""
    import pyarrow as pa
    from ray.data._internal.datasource.text_datasource import TextDatasource

    def table(lines: list[bytes]) -> Any:
        return pa.table({"text": [ln.rstrip(b"\r").decode("utf-8", "replace") for ln in lines]})

    class JsonLines(TextDatasource):
        def _read_stream(self, f: Any, path: str) -> Iterator[Any]:
            rest = b""
            pending: list[bytes] = []
            while chunk := f.read(1 << 22):
                lines = (rest + chunk).split(b"\n")
                rest = lines.pop()
                pending.extend(lines)
                while len(pending) >= rows_per_block:
                    yield table(pending[:rows_per_block])
                    pending = pending[rows_per_block:]
            if rest:
                pending.append(rest)
            if pending:
                yield table(pending)

    return JsonLines([path], file_extensions=None)


def decided_batches(
    input_path: Path,
    *,
    fmt: InputFormat,
    bundle: Path,
    options: BatchOptions,
    reform_bundle: Path | None = None,
    variant: Any = None,
    pair: bool = False,
    reform_only: bool = False,
    details: bool = False,
) -> Iterator[DecidedBatch]:
    """The decided rows, batch after batch, in input order. Needs a Ray session."""
    import ray.data

    from socialaid.server.bundle import signing_keys

    check_resources(options)
    # a small input is one block: fewer chunks than actors is fine, not worth a warning
    warnings.filterwarnings("ignore", message="The minimum number of concurrent actors", category=UserWarning)
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # our summary says what Ray's INFO lines would
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    # every actor's sidecar must be up before the first chunk: a sidecar that cannot start fails the job
    # (check_resources has already said when the actors cannot be placed at all)
    ctx.wait_for_min_actors_s = 180
    # at most two chunks queued at an actor: the next chunk goes to an idle actor, not behind a busy one
    ctx.max_tasks_in_flight_per_actor = 2
    chunk = max(1, min(options.chunk, MAX_CHUNK))
    # CSV and Parquet blocks are split near this size, so that chunks spread over the actors
    ctx.target_max_block_size = max(1 << 16, chunk * 1024)
    ds = _dataset(input_path, fmt, chunk).map_batches(
        ChunkDecider,
        batch_size=chunk,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=options.actors),
        num_cpus=options.cpus_per_actor,
        fn_constructor_kwargs={
            "fmt": fmt.value,
            "bundle": bundle.read_bytes(),
            "verification_key": signing_keys()[1].read_bytes(),
            "reform_bundle": reform_bundle.read_bytes() if reform_bundle is not None else None,
            "variant": variant,
            "pair": pair,
            "reform_only": reform_only,
            "as_of": options.as_of,
            "timeout": options.timeout,
            "restarts": options.restarts,
            "details": details,
        },
    )
    for batch in _unwrapped(ds.iter_batches(batch_size=None, batch_format="numpy", prefetch_batches=2)):
        for fatal in batch["fatal"]:
            if fatal:
                raise _engine_error(json.loads(str(fatal)))
        rows = [str(r) for r in batch["row"]]
        if rows:
            yield DecidedBatch(
                rows=rows,
                refused=int(sum(bool(r) for r in batch["refused"])),
                revisions={str(r) for r in batch["revision"] if r},
                opa_peak_kb=int(max(batch["opa_peak_kb"])),
                engines={str(e) for e in batch["engine"]},
                decisions=int(sum(batch["decisions"])),
                restarts=int(sum(batch["restarts"])),
            )


def _engine_error(fatal: dict[str, str]) -> SocialaidError:
    """The actor's error, of its own class (so its exit code), from the row that carried it."""
    import socialaid.errors

    cls = getattr(socialaid.errors, fatal.get("error", ""), None)
    message = fatal.get("message", "")
    if isinstance(cls, type) and issubclass(cls, EngineError):
        return cls(message)
    return EngineError(f"{fatal.get('error', 'error')}: {message}")


def _unwrapped(batches: Iterator[Any]) -> Iterator[Any]:
    """Ray wraps an actor's exception; raise socialaid's own error (engine down, undefined) instead."""
    try:
        yield from batches
    except SocialaidError:
        raise
    except Exception as exc:
        seen: Exception | BaseException | None = exc
        for _ in range(10):
            if seen is None:
                break
            if isinstance(seen, SocialaidError):
                raise seen from exc
            cause = getattr(seen, "cause", None)
            seen = cause if isinstance(cause, BaseException) else seen.__cause__
        raise EngineError(f"the Ray job failed: {exc.__class__.__name__}: {str(exc)[:500]}") from exc


def stopped_after(exc: EngineError, done: int, output: Path) -> EngineError:
    """The same error (same exit code), saying which rows were decided before the run stopped."""
    rows = f"rows 1–{done} (in input order) were decided" if done else "no row was decided"
    error = type(exc)(f"{public_message(str(exc))}. The batch stopped: {rows}; nothing was written to {output}")
    return error


def run_batch(
    input_path: Path,
    output: Path,
    *,
    bundle: Path,
    fmt: InputFormat,
    options: BatchOptions,
    progress: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Decide every row of ``input_path`` into ``output`` (JSONL or Parquet by its suffix), in order.

    The rows go to a temporary file beside ``output``, renamed to it when every row is in: a run that
    fails leaves no partial file at ``output`` and its error says how many rows were done.
    """
    from socialaid.population.io import RowWriter

    summary = BatchSummary(output=str(output))
    started = time.perf_counter()
    with ray_session(options.address):
        writer = RowWriter(output)
        try:
            for batch in decided_batches(input_path, fmt=fmt, bundle=bundle, options=options):
                if not summary.rows:
                    summary.first_rows_seconds = time.perf_counter() - started
                writer.write_json_lines(batch.rows)
                summary.add(batch)
                if progress is not None:
                    progress(len(batch.rows))
            if summary.rows == 0 and fmt is not InputFormat.parquet and input_path.stat().st_size > 0:
                raise EngineError("no rows came back from the engine")
        except EngineError as exc:
            writer.discard()
            raise stopped_after(exc, summary.rows, output) from exc
        except BaseException:
            writer.discard()
            raise
        writer.close()
    summary.seconds = time.perf_counter() - started
    return summary
