"""``socialaid batch`` throughput and OPA memory on synthetic households, with the ratio to a flat clause-5 query.

    .venv/bin/python benchmarks/batch_throughput.py --rows 10000 --rows 100000 [--actors 2] [--chunk 500]
        [--baseline-rev REV]

For each size: households/s of the whole batch (Ray start-up, reading, OPA, writing), the peak
resident memory (VmHWM) of the largest OPA sidecar and the driver's own peak so far. Then the same
households, in chunks of the same size, through data.socialaid.batch in its decision view and its
outcome view (what socialaid batch asks for), and through a flat clause-5 query (per-capita income
against the urban or rural standard, (standard − per capita) × members; nothing else), all against
one OPA serving the same bundle, and the ratios: what the full cited decision costs over the bare
arithmetic. With ``--baseline-rev REV`` the two views are also measured on that git revision's policy
(built as ``impact --base-rev`` builds it), taking turns with today's on one OPA each, and the ratios
today / then printed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import time
from pathlib import Path

import requests

from socialaid.paths import REPO_ROOT, opa_binary
from socialaid.population import synth
from socialaid.population.batch import BatchOptions, run_batch
from socialaid.population.io import InputFormat
from socialaid.server.bundle import ensure_fresh, signing_keys
from socialaid.server.sidecar import free_port

FLAT_CLAUSE5 = (
    "decisions := [{"
    '"id": h.id, "eligible": pc < s, "monthly_amount": max([0, (s - pc) * n])} |'
    " some r in input.requests; h := r.household; s := input.standard[h.area]; n := count(h.members);"
    ' pc := sum([object.get(m, "monthly_income", 0) | some m in h.members]) / n]'
)
# The shared core every program reads, alone: the request's validation, the parameters in force, the
# household's facts and its 低保 / 特困 status (clauses 5 and 6 decided in full), per household as the batch
# decides it, with no other program's entry — the floor under the outcome view while every program keeps
# its cited rules (docs/population.md, `socialaid batch`).
SHARED_CORE = (
    "decisions := [x | some r in input.requests;"
    " x := [data.socialaid.validation.errors, data.socialaid.params.errors, data.socialaid.status.family_facts]"
    " with input as r]"
)
# the standards in force on 2025-01-01 (parameters/dibao/data.yaml): urban 808 a month, rural 6852 a year / 12
STANDARD = {"urban": 808, "rural": 6852 / 12}


def _driver_peak_mb() -> float:
    """This process's peak resident memory so far (Linux reports ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def population(rows: int, seed: int) -> Path:
    path = REPO_ROOT / "build" / "bench" / f"synth-{seed}-{rows}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as f:
            for h in synth.households(rows, seed=seed):
                f.write(json.dumps(h, separators=(",", ":")) + "\n")
    return path


def one_opa_rates(path: Path, chunk: int, limit: int, bundle: Path | None = None, flat: bool = True) -> list[float]:
    """Households/s on one OPA, the same households and chunks: data.socialaid.batch in its decision view
    and in its outcome view (what ``socialaid batch`` asks for), and (with ``flat``) the shared core alone
    and the flat clause-5 query; ``bundle`` is the built bundle unless given.

    The locked sidecar allows no ad-hoc query, so both run on a plain ``opa run --server`` of the same
    build serving the same bundle, on 127.0.0.1, started and stopped here.
    """
    port = free_port()
    with path.open(encoding="utf-8") as f:
        lines = [json.loads(line) for _, line in zip(range(limit), f, strict=False)]
    opa = subprocess.Popen(
        [
            *(str(opa_binary()), "run", "--server", "--addr", f"127.0.0.1:{port}"),
            *("--bundle", str(bundle or ensure_fresh())),
            *("--verification-key", str(signing_keys()[1]), "--skip-version-check"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        with requests.Session() as session:
            for _ in range(200):
                with contextlib.suppress(requests.RequestException):
                    if session.get(f"{url}/health?bundles", timeout=1).status_code == 200:
                        break
                time.sleep(0.1)
            rates = []
            for query in ("decision", "outcome", SHARED_CORE, FLAT_CLAUSE5)[: 4 if flat else 2]:
                started = time.perf_counter()
                for i in range(0, len(lines), chunk):
                    part = lines[i : i + chunk]
                    if query in {"decision", "outcome"}:
                        body = {"input": {"requests": part, "view": query}}
                        response = session.post(f"{url}/v1/data/socialaid/batch", json=body, timeout=600)
                        got = response.json()["result"]["decisions"]
                    else:
                        body = {"query": query, "input": {"requests": part, "standard": STANDARD}}
                        got = session.post(f"{url}/v1/query", json=body, timeout=600).json()["result"][0]["decisions"]
                    assert len(got) == len(part)
                rates.append(len(lines) / (time.perf_counter() - started))
            return rates
    finally:
        opa.terminate()
        opa.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, action="append", help="population sizes (default 10000)")
    parser.add_argument("--actors", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one-opa-rows", type=int, default=5000, help="households for the one-OPA comparison")
    parser.add_argument("--baseline-rev", help="also measure the two views on this git revision's policy")
    parser.add_argument("--rounds", type=int, default=2, help="turns today / baseline take (with --baseline-rev)")
    args = parser.parse_args()
    bundle = ensure_fresh()
    last_rate = 0.0
    last_path = None
    for rows in args.rows or [10_000]:
        path = population(rows, args.seed)
        out = REPO_ROOT / "build" / "bench" / f"decisions-{rows}.jsonl"
        summary = run_batch(
            path, out, bundle=bundle, fmt=InputFormat.jsonl, options=BatchOptions(actors=args.actors, chunk=args.chunk)
        )
        last_rate, last_path = summary.per_second, path
        print(
            f"batch {rows:>9,} households: {summary.seconds:8.1f} s · {summary.per_second:8.1f} households/s · "
            f"peak OPA RSS {summary.opa_peak_mb:6.1f} MB · driver peak RSS {_driver_peak_mb():6.1f} MB · "
            f"decided {summary.decided} refused {summary.refused}"
        )
    if last_path is not None:
        decision, outcome, core, flat = one_opa_rates(last_path, args.chunk, limit=args.one_opa_rows)
        print(f"one OPA, {args.one_opa_rows} households in chunks of {args.chunk}:")
        print(f"  data.socialaid.batch, decision view  {decision:10.1f} households/s")
        print(f"  data.socialaid.batch, outcome view   {outcome:10.1f} households/s")
        print(f"  shared core alone (no program entry) {core:10.1f} households/s")
        print(f"  flat clause-5 query                  {flat:10.1f} households/s")
        print(f"  ratio decision view / flat clause 5: {decision / flat:.4f}")
        print(f"  ratio outcome view / flat clause 5: {outcome / flat:.4f}")
        print(f"  ratio outcome view / decision view: {outcome / decision:.2f}x")
        print(
            f"  ratio shared core / flat clause 5: {core / flat:.4f} (the most the outcome view can reach while"
            " validation, parameters, facts and clauses 5-6 cost what they do)"
        )
        print(f"  share of the outcome view's time in the shared core: {outcome / core:.2f}")
        print(f"  ratio socialaid batch ({args.actors} actors, whole job) / flat clause 5: {last_rate / flat:.4f}")
    if last_path is not None and args.baseline_rev:
        compare_baseline(last_path, args)


def compare_baseline(path: Path, args: argparse.Namespace) -> None:
    """Today's policy and ``--baseline-rev``'s, the same households on one OPA each, taking turns so that the
    machine's load falls on both alike; the best rate of each over the rounds."""
    import tempfile

    from socialaid.population.revisions import bundle_at_revision

    old, short = bundle_at_revision(args.baseline_rev, Path(tempfile.mkdtemp(prefix="socialaid-bench-")))
    best = {"today": [0.0, 0.0], short: [0.0, 0.0]}
    for _ in range(args.rounds):
        for name, which in (("today", None), (short, old)):
            rates = one_opa_rates(path, args.chunk, limit=args.one_opa_rows, bundle=which, flat=False)
            best[name] = [max(a, b) for a, b in zip(best[name], rates, strict=True)]
    print(f"one OPA, {args.one_opa_rows} households, today against {short} (best of {args.rounds} turns each):")
    for i, view in enumerate(("decision", "outcome")):
        now, then = best["today"][i], best[short][i]
        print(f"  {view} view: {now:8.1f} against {then:8.1f} households/s · ratio today / {short}: {now / then:.2f}x")


if __name__ == "__main__":
    main()
