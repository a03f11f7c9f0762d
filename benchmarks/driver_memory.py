"""Where the batch driver's memory goes: its resident memory sampled after every decided chunk, in fresh
driver processes side by side, one per setting, over the same synthetic households.

    .venv/bin/python benchmarks/driver_memory.py --rows 40000 [--chunk 250] [--actors 2]

For each setting: the driver's RSS after warm-up (the first quarter of the rows) and at the end, the
growth per row over the last three quarters (least squares), Python's own heap growth (tracemalloc)
over the same rows, and the peak RSS of the largest OPA sidecar. Settings:

- ``baseline`` — as ``socialaid batch`` runs;
- ``arena2`` — glibc with two malloc arenas (``MALLOC_ARENA_MAX=2``): growth that is only the allocator
  keeping freed memory per thread shows up as a difference here;
- ``task-events`` — Ray's core worker with task-event reporting on, as Ray has it by default
  (``RAY_task_events_report_interval_ms=1000``); ``socialaid batch`` switches it off in-process (no dashboard
  reads it there), which is the baseline;
- ``python-heap`` — the baseline with tracemalloc: Python's heap growth per row and the lines that grew;
- ``chunk1000`` — the baseline in chunks of 1 000: per-task growth falls per row, per-row growth does not;
- ``lineage-off`` — Ray's lineage pinning off (``RAY_lineage_pinning_enabled=0``): the task specs the
  driver keeps to rebuild lost blocks;
- ``store96`` — the in-process object store at 96 MB instead of 256 (``SOCIALAID_OBJECT_STORE_MB``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

SETTINGS = {
    "baseline": {},
    "arena2": {"MALLOC_ARENA_MAX": "2"},
    "task-events": {"RAY_task_events_report_interval_ms": "1000"},
    # the baseline again with tracemalloc on, for where Python's heap grows (its own traces cost RSS,
    # so this run's RSS figures are not compared)
    "python-heap": {"SOCIALAID_BENCH_TRACEMALLOC": "1"},
    # the baseline in chunks of 1 000: growth that is per Ray task falls by 4× per row, growth per row does not
    "chunk1000": {"SOCIALAID_BENCH_CHUNK": "1000"},
    # lineage pinning off: the owner (the driver) then keeps no task specs for rebuilding lost blocks —
    # growth that is Ray's lineage of the map tasks shows up as a difference here
    "lineage-off": {"RAY_lineage_pinning_enabled": "0"},
    # a smaller in-process object store (Ray's minimum is 75 MB): the store pages the driver touches are
    # bounded by the store's size
    "store96": {"SOCIALAID_OBJECT_STORE_MB": "96"},
}


def rss_kb() -> dict[str, int]:
    """VmRSS and its parts: RssAnon (heap, native and Python), RssFile (mapped files), RssShmem (shared
    memory: Ray's object store pages this process has touched)."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key = line.split(":")[0]
            if key in {"VmRSS", "RssAnon", "RssFile", "RssShmem"}:
                found[key] = int(line.split()[1])
    return found


def slope(points: list[tuple[int, int]]) -> float:
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    var = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / var if var else 0.0


def child(rows: int, chunk: int, actors: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from batch_throughput import population

    from socialaid.paths import REPO_ROOT
    from socialaid.population.batch import BatchOptions, run_batch
    from socialaid.population.io import InputFormat
    from socialaid.server.bundle import ensure_fresh

    path = population(rows, 1)
    samples: list[tuple[int, dict[str, int], int]] = []  # rows done, RSS parts (KB), Python heap bytes
    done = 0
    traced = os.environ.get("SOCIALAID_BENCH_TRACEMALLOC") == "1"
    if traced:
        tracemalloc.start()

    snapshots: list[tracemalloc.Snapshot] = []

    def sample(n: int) -> None:
        nonlocal done
        done += n
        samples.append((done, rss_kb(), tracemalloc.get_traced_memory()[0]))
        if traced and not snapshots and done >= rows // 4:
            snapshots.append(tracemalloc.take_snapshot())

    out = REPO_ROOT / "build" / "bench" / "driver-memory.jsonl"
    summary = run_batch(
        path, out, bundle=ensure_fresh(), fmt=InputFormat.jsonl,
        options=BatchOptions(actors=actors, chunk=chunk), progress=sample,
    )  # fmt: skip
    warm = [s for s in samples if s[0] >= rows // 4]
    if snapshots:  # where Python's own heap grew after warm-up (to stderr: the parent shows it with --top)
        grown = tracemalloc.take_snapshot().compare_to(snapshots[0], "lineno")
        for stat in grown[:8]:
            print(
                f"    python heap {stat.size_diff / (rows - rows // 4):7.2f} B/row  {stat.traceback}", file=sys.stderr
            )
    print(
        json.dumps(
            {
                "rows": summary.rows,
                "seconds": round(summary.seconds, 1),
                "rss_after_warmup_mb": round(warm[0][1]["VmRSS"] / 1024, 1),
                "rss_end_mb": round(warm[-1][1]["VmRSS"] / 1024, 1),
                "rss_bytes_per_row": round(slope([(r, b["VmRSS"] * 1024) for r, b, _ in warm]), 1),
                **{
                    f"{part}_bytes_per_row": round(slope([(r, b[part] * 1024) for r, b, _ in warm]), 1)
                    for part in ("RssAnon", "RssFile", "RssShmem")
                },
                "end_parts_mb": {k: round(v / 1024, 1) for k, v in warm[-1][1].items()},
                "python_heap_bytes_per_row": round(slope([(r, h) for r, _, h in warm]), 2),
                "opa_peak_mb": round(summary.opa_peak_mb, 1),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=40_000)
    parser.add_argument("--chunk", type=int, default=250)
    parser.add_argument("--actors", type=int, default=2)
    parser.add_argument("--setting", choices=list(SETTINGS), action="append")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.rows, args.chunk, args.actors)
        return
    print(f"driver memory, {args.rows:,} rows, chunks of {args.chunk}, {args.actors} actors:")
    results = {}
    for name in args.setting or list(SETTINGS):
        started = time.perf_counter()
        run = subprocess.run(
            [
                *(sys.executable, __file__, "--child", "--rows", str(args.rows)),
                *("--chunk", SETTINGS[name].get("SOCIALAID_BENCH_CHUNK", str(args.chunk))),
            ],
            env={**os.environ, **SETTINGS[name], "PYTHONUNBUFFERED": "1"},
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        results[name] = json.loads(run.stdout.strip().splitlines()[-1])
        top = [line for line in run.stderr.splitlines() if line.startswith("    python heap")]
        r = results[name]
        print(
            f"  {name:15} RSS {r['rss_after_warmup_mb']:6.1f} → {r['rss_end_mb']:6.1f} MB · "
            f"{r['rss_bytes_per_row']:7.1f} B/row native+Python · {r['python_heap_bytes_per_row']:6.2f} B/row Python · "
            f"OPA peak {r['opa_peak_mb']:.0f} MB · {time.perf_counter() - started:.0f} s\n"
            f"  {'':15} of which B/row: anonymous {r['RssAnon_bytes_per_row']:.1f} · "
            f"file {r['RssFile_bytes_per_row']:.1f}"
            f" · shared memory (object store) {r['RssShmem_bytes_per_row']:.1f}; at the end {r['end_parts_mb']}"
        )
        print("\n".join(top[:5]))
    base = results.get("baseline", {}).get("rss_bytes_per_row")
    for name, r in results.items():
        if base and name != "baseline":
            print(f"  ratio {name} / baseline growth per row: {r['rss_bytes_per_row'] / base:.2f}")


if __name__ == "__main__":
    main()
