"""What a decision costs next to the arithmetic it exists for (issue 9's yardstick).

Measured side by side in one run, because the machine is shared and noisy; only ratios are
comparable between runs. Timing is printed, never asserted.

1. ``opa bench`` in-process and ``--e2e`` (through OPA's HTTP server) on the built bundle, for
   - the flat clause-5 rule (benchmarks/flat/clause5.rego: the 低保 arithmetic alone),
   - ``data.socialaid.decision`` (the compact, cited decision),
   - ``data.socialaid.explanation`` (every finding, on demand);
   printing ns/op, allocations/op and the ratio decision / flat clause 5.
   Then the same three in-process as OPA's server evaluates them — with the inter-query cache, so the
   household schema is compiled once, which ``opa bench`` in-process does on every evaluation —
   through benchmarks/evalbench (Go, built here when ``go`` is on the PATH).
2. The size of the decision and the explanation for the example household.
3. The wall time of ``socialaid decide FILE --opa-url URL`` against a running sidecar.
4. With ``--baseline-rev REV`` (e.g. 150253b, the last decision before the compact shape): that
   revision's ``data.socialaid.decision`` benchmarked in the same run, and the ratios new / old.

    .venv/bin/python benchmarks/decision_cost.py [--example examples/urban-family-eligible.json] [--count 3]
        [--baseline-rev 150253b]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from socialaid.engine import OPA_TOKEN_ENV
from socialaid.paths import opa_binary
from socialaid.server.bundle import ensure_fresh
from socialaid.server.sidecar import Sidecar

ROOT = Path(__file__).resolve().parents[1]
FLAT = ROOT / "benchmarks" / "flat"
QUERIES = {
    "flat clause 5": "data.bench.flat.clause5",
    "decision": "data.socialaid.decision",
    "explanation": "data.socialaid.explanation",
    # the part of the decision every program reads: validation, the parameters in force, the facts and
    # the 低保 / 特困 status (clauses 5 and 6 in full) with no program's entry — the decision's floor
    # while each program keeps its cited rules
    "shared core": (
        "[data.socialaid.validation.errors, data.socialaid.params.errors, data.socialaid.status.family_facts]"
    ),
}


def bench(bundle: Path, example: Path, query: str, *, e2e: bool) -> tuple[float, float]:
    """(ms/op, allocs/op) from one ``opa bench`` run in gobench format."""
    cmd = [str(opa_binary()), "bench", "-b", str(bundle), "-b", str(FLAT), "-i", str(example), query]
    cmd += ["-f", "gobench", "--count", "1"] + (["--e2e"] if e2e else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("BenchmarkOPAEval"))
    fields = line.split()
    return float(fields[2]) / 1e6, float(fields[-2])


def size(bundle: Path, example: Path, query: str) -> int:
    out = subprocess.run(
        [str(opa_binary()), "eval", "-f", "json", "-b", str(bundle), "-i", str(example), query],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    value = json.loads(out)["result"][0]["expressions"][0]["value"]
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


def evalbench_block(bundle: Path, example: Path) -> None:
    """In-process with the server's schema cache (benchmarks/evalbench): ms/op and allocations/op."""
    import shutil
    import tarfile
    import tempfile

    if shutil.which("go") is None:
        print("\nin-process with the schema cache: skipped (no go on the PATH to build benchmarks/evalbench)")
        return
    binary = ROOT / "build" / "evalbench"
    subprocess.run(["go", "build", "-o", str(binary), "."], cwd=ROOT / "benchmarks" / "evalbench", check=True)
    with tempfile.TemporaryDirectory(prefix="socialaid-evalbench-") as tmp:
        with tarfile.open(bundle) as tar:
            tar.extractall(tmp, filter="data")
        rows = {}
        for name, query in QUERIES.items():
            source = str(FLAT) if name == "flat clause 5" else tmp
            n = "3000" if name == "flat clause 5" else "500"
            out = subprocess.run(
                [str(binary), "-b", source, "-i", str(example), "-q", query, "-n", n],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            rows[name] = (float(out[-6]), float(out[-4]))  # "<query>: X ms/op  Y allocs/op  (N evaluations)"
    print("\nin-process, as the server evaluates (schema compiled once; benchmarks/evalbench)")
    print(f"  {'query':<28}{'ms/op':>10}{'allocs/op':>12}")
    for name, (ms, allocs) in rows.items():
        print(f"  {name:<28}{ms:>10.3f}{allocs:>12.0f}")
    flat = rows["flat clause 5"][0]
    print(
        f"  ratio decision / flat clause 5: {rows['decision'][0] / flat:.2f}x time (the flat rule is little more than"
    )
    print("  its input here: no HTTP, no validation, one program)")


def cli_wall(example: Path, url: str, token: str, runs: int) -> list[float]:
    cli = ROOT / ".venv" / "bin" / "socialaid"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        env = {**os.environ, OPA_TOKEN_ENV: token}
        proc = subprocess.run(
            [str(cli), "decide", str(example), "--opa-url", url], capture_output=True, text=True, env=env
        )
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"socialaid decide exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--example", type=Path, default=ROOT / "examples" / "urban-family-eligible.json")
    parser.add_argument("--count", type=int, default=3, help="opa bench runs per query (the median is printed)")
    parser.add_argument("--cli-runs", type=int, default=5)
    parser.add_argument("--baseline-rev", help="also benchmark this git revision's decision, side by side")
    args = parser.parse_args()
    bundle = ensure_fresh()
    queries = dict(QUERIES)
    baseline = bundle
    if args.baseline_rev:
        import tempfile

        from socialaid.population.impact import bundle_at_revision

        baseline, short = bundle_at_revision(args.baseline_rev, Path(tempfile.mkdtemp(prefix="socialaid-bench-")))
        queries[f"decision @ {short}"] = "data.socialaid.decision"

    print(f"example: {args.example.relative_to(ROOT)}   bundle: {bundle.relative_to(ROOT)}")
    for e2e in (False, True):
        mode = "opa bench --e2e (HTTP server)" if e2e else "opa bench (in-process)"
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in queries}
        for _ in range(args.count):  # interleaved, so that load on the machine falls on every query alike
            for name, query in queries.items():
                which = bundle if "@" not in name else baseline
                samples[name].append(bench(which, args.example, query, e2e=e2e))
        print(f"\n{mode}")
        print(f"  {'query':<28}{'ms/op':>10}{'allocs/op':>12}")
        med: dict[str, tuple[float, float]] = {}
        for name in queries:
            ms = statistics.median(x[0] for x in samples[name])
            allocs = statistics.median(x[1] for x in samples[name])
            med[name] = (ms, allocs)
            print(f"  {name:<28}{ms:>10.3f}{allocs:>12.0f}")
        flat_ms = med["flat clause 5"][0]
        print(f"  ratio decision / flat clause 5: {med['decision'][0] / flat_ms:.2f}x time (target <= 5x)")
        print(f"  ratio explanation / decision:  {med['explanation'][0] / med['decision'][0]:.2f}x time")
        print(
            f"  ratio shared core / flat clause 5: {med['shared core'][0] / flat_ms:.2f}x time"
            f" (the core is {med['shared core'][0] / med['decision'][0]:.0%} of the decision)"
        )
        for name in queries:
            if "@" in name:
                old_ms, old_allocs = med[name]
                new_ms, new_allocs = med["decision"]
                ratios = f"{new_ms / old_ms:.2f}x time, {new_allocs / old_allocs:.2f}x allocations"
                print(f"  ratio decision / {name}: {ratios}")

    evalbench_block(bundle, args.example)

    print("\nresponse size (compact JSON):")
    print(f"  decision    {size(bundle, args.example, QUERIES['decision']):>7} bytes (target < 4096)")
    print(f"  explanation {size(bundle, args.example, QUERIES['explanation']):>7} bytes")

    with Sidecar(bundle=bundle) as sidecar:
        os.environ["SOCIALAID_OPA_TOKEN"] = sidecar.token  # the sidecar is locked: the CLI sends its token
        walls = cli_wall(args.example, sidecar.url, sidecar.token, args.cli_runs)
    print(f"\nsocialaid decide FILE --opa-url URL: median {statistics.median(walls):.3f} s over {len(walls)} runs")
    print(f"  (min {min(walls):.3f} s, max {max(walls):.3f} s; target <= 0.35 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
