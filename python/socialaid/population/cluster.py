"""Ray for a population job: the session (in-process on loopback, or a cluster by address), whether the
job can be placed at all, and the streaming read of the input.

Actors reserve a fraction of a CPU and read tasks a quarter: the work happens in OPA, and a read task
wanting a whole CPU never fits beside actors holding half of each 1-CPU node. :func:`check_resources`
says at once when the job cannot be placed on the cluster at all.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialaid.errors import EngineUnavailableError
from socialaid.population.io import InputFormat

if TYPE_CHECKING:
    from socialaid.population.batch import BatchOptions

__all__ = ["READ_CPUS", "TASK_EVENTS_ENV", "check_resources", "dataset", "ray_session"]

TASK_EVENTS_ENV = "RAY_task_events_report_interval_ms"  # read by every Ray process the session starts
OBJECT_STORE_ENV = "SOCIALAID_OBJECT_STORE_MB"
OBJECT_STORE_MB = 256  # the in-process session's object store (Ray's minimum is 75 MB)
READ_CPUS = 0.25  # a read task's CPU: a whole one would never fit beside actors holding half a CPU per node


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


def dataset(path: Path, fmt: InputFormat, chunk: int) -> Any:
    import ray.data

    if fmt is InputFormat.jsonl:
        return ray.data.read_datasource(lines_datasource(str(path), chunk), num_cpus=READ_CPUS)
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


def lines_datasource(path: str, rows_per_block: int) -> Any:
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
