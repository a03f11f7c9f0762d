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

import json
import logging
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from socialaid.errors import EngineError, SocialaidError
from socialaid.population.actor import MAX_RESTARTS, ChunkDecider
from socialaid.population.cluster import TASK_EVENTS_ENV, check_resources, dataset, ray_session
from socialaid.population.io import InputFormat
from socialaid.population.rows import INCOME_FIGURES, compact_row, decide_rows, public_message

# the job's pieces live in their own modules (rows, actor, cluster); their public names are also here
__all__ = [
    "DEFAULT_CHUNK",
    "INCOME_FIGURES",
    "MAX_CHUNK",
    "MAX_RESTARTS",
    "TASK_EVENTS_ENV",
    "BatchOptions",
    "BatchSummary",
    "ChunkDecider",
    "DecidedBatch",
    "compact_row",
    "decide_rows",
    "decided_batches",
    "public_message",
    "ray_session",
    "run_batch",
    "stopped_after",
]

DEFAULT_CHUNK = 250  # 500 peaked at 249 MB of OPA RSS (GOGC=400), 250 at 182 MB: margin under 300 MB
MAX_CHUNK = 1000  # the batch entrypoint takes at most 1 000 requests a query


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
    ds = dataset(input_path, fmt, chunk).map_batches(
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
