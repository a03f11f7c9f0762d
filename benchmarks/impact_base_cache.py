"""What the base cache saves: the same impact without a cache, with the cache written (first run), and
with the base read from it (a second reform), side by side in one Ray session, on synthetic households.

    .venv/bin/python benchmarks/impact_base_cache.py --rows 20000 [--actors 2] [--chunk 250]

The cache is written first; then runs without the cache and with the base from it alternate
(``--rounds``, default 2), so that a machine whose load drifts weighs on both alike. Prints each run's
seconds and decisions, and the ratio of the cached runs' time to the uncached runs' (issue 21's target:
≤ 0.6 at 100 000 households). The cache lives in a temporary directory.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from batch_throughput import population

from socialaid.analysis.whatif import Variant, parse_param
from socialaid.population.batch import BatchOptions, ray_session
from socialaid.population.impact import run_impact
from socialaid.population.io import InputFormat
from socialaid.server.bundle import ensure_fresh


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--actors", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=250)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    path = population(args.rows, 1)
    bundle = ensure_fresh()
    options = BatchOptions(actors=args.actors, chunk=args.chunk)

    def reform(standard: int) -> Variant:
        return Variant(name="parameters", params=[parse_param(f"dibao.standard_urban={standard}")])

    with ray_session(), tempfile.TemporaryDirectory(prefix="socialaid-bench-cache-") as cache:

        def run(label: str, standard: int, cache_dir: Path | None) -> float:
            started = time.perf_counter()
            report = run_impact(
                path, fmt=InputFormat.jsonl, base_bundle=bundle, options=options, variant=reform(standard),
                base_cache=cache_dir,
            )  # fmt: skip
            seconds = time.perf_counter() - started
            print(
                f"impact of {args.rows:,} households, {label:16} {seconds:7.1f} s · {report.decisions:,} decisions "
                f"· {report.changed_households:,} changed · cache {report.base_cache}",
                flush=True,
            )
            return seconds

        written = run("cache written", 850, Path(cache))
        uncached, cached = [], []
        for i in range(args.rounds):
            uncached.append(run("no cache", 860 + i, None))
            cached.append(run("base from cache", 900 + i, Path(cache)))
        print(f"ratio base from cache / no cache ({args.rounds} rounds): {sum(cached) / sum(uncached):.2f}")
        print(f"ratio cache written / no cache: {written / (sum(uncached) / len(uncached)):.2f}")


if __name__ == "__main__":
    main()
