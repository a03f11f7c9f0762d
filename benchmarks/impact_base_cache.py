"""What the base cache saves: the same impact without a cache, with the cache written (first run), and
with the base read from it (a second reform), side by side in one Ray session, on synthetic households.

    .venv/bin/python benchmarks/impact_base_cache.py --rows 20000 [--actors 2] [--chunk 250]

Prints each run's seconds and decisions, and the ratio of the cached run to the run without a cache
(issue 21's target: ≤ 0.6 at 100 000 households). The cache lives in a temporary directory.
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
    args = parser.parse_args()
    path = population(args.rows, 1)
    bundle = ensure_fresh()
    options = BatchOptions(actors=args.actors, chunk=args.chunk)

    def reform(standard: int) -> Variant:
        return Variant(name="parameters", params=[parse_param(f"dibao.standard_urban={standard}")])

    with ray_session(), tempfile.TemporaryDirectory(prefix="socialaid-bench-cache-") as cache:
        runs = []
        for label, standard, cache_dir in (
            ("no cache", 850, None),
            ("cache written", 850, Path(cache)),
            ("base from cache", 900, Path(cache)),
        ):
            started = time.perf_counter()
            report = run_impact(
                path, fmt=InputFormat.jsonl, base_bundle=bundle, options=options, variant=reform(standard),
                base_cache=cache_dir,
            )  # fmt: skip
            seconds = time.perf_counter() - started
            runs.append(seconds)
            print(
                f"impact of {args.rows:,} households, {label:16} {seconds:7.1f} s · {report.decisions:,} decisions "
                f"· {report.changed_households:,} changed · cache {report.base_cache}"
            )
        print(f"ratio base from cache / no cache: {runs[2] / runs[0]:.2f}")
        print(f"ratio cache written / no cache:   {runs[1] / runs[0]:.2f}")


if __name__ == "__main__":
    main()
