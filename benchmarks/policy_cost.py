"""Where a decision's cost lies in the policy: by package, for the example household and a sample of
synthetic ones — the profile to read before changing the Rego for speed (docs/policy-conventions.md,
"A gate first").

For each household:

1. the allocations added by each part of the outcome view in turn (``benchmarks/evalbench``, in-process
   as the server evaluates): validation, the parameters, the facts, the 低保 / 特困 status every program
   reads, then each program's entry. The evaluator allocates on every rule and expression, so the
   allocations barely move from run to run (a few in a thousand), where a part's few hundred
   microseconds are lost in the machine's noise; the ms are given for the whole query only;
2. the Rego expressions evaluated for the outcome, by file (``opa eval --profile``).

Nothing is asserted; the figures are printed.

    .venv/bin/python benchmarks/policy_cost.py [--synthetic 3] [--seed 1] [--query outcome|decision]
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from socialaid.paths import REPO_ROOT, opa_binary
from socialaid.population import synth
from socialaid.server.bundle import ensure_fresh

EXAMPLE = REPO_ROOT / "examples" / "urban-family-eligible.json"
# the parts in the order they are added to one query: each row is what the part adds to those above it
PARTS = [
    ("validation", "validation.errors"),
    ("parameters", "params.errors"),
    ("facts (ages)", "facts.ages"),
    ("dibao / tekun status", "status.assisted_family"),
    ("tekun", "tekun.programs"),
    ("dibao", "dibao.programs"),
    ("price_subsidy", "price_subsidy.programs"),
    ("medical", "medical.programs"),
    ("education", "education.programs"),
    ("housing", "housing.programs"),
    ("employment", "employment.programs"),
    ("services", "services.programs"),
]


def evalbench(binary: Path, bundle_dir: str, request: Path, query: str, n: int) -> tuple[float, int]:
    out = subprocess.run(
        [str(binary), "-b", bundle_dir, "-i", str(request), "-q", query, "-n", str(n)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[-6]), int(out[-4])


def expressions(bundle: Path, request: Path, query: str) -> collections.Counter[str]:
    out = subprocess.run(
        [
            *(str(opa_binary()), "eval", "-b", str(bundle), "-i", str(request), query),
            *("--profile", "--profile-limit", "100000", "-f", "json"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    counts: collections.Counter[str] = collections.Counter()
    for row in json.loads(out)["profile"]:
        counts[row["location"].get("file", "").removeprefix("/socialaid/") or "(query)"] += row["num_eval"]
    return counts


def report(binary: Path, bundle: Path, bundle_dir: str, name: str, request: Path, query: str, n: int) -> None:
    print(f"\n{name}")
    print(f"  {'part':<22}{'+allocs':>9}")
    joined: list[str] = []
    before = 0
    for label, ref in PARTS:
        joined.append(f"data.socialaid.{ref}")
        _, allocs = evalbench(binary, bundle_dir, request, f"[{', '.join(joined)}]", n)
        print(f"  {label:<22}{allocs - before:>9}")
        before = allocs
    ms, allocs = evalbench(binary, bundle_dir, request, f"data.socialaid.{query}", n)
    print(f"  {'the ' + query:<22}{allocs:>9}   {ms:.3f} ms/op; its header and the rest: {allocs - before:+d}")
    counts = expressions(bundle, request, f"data.socialaid.{query}")
    total = sum(counts.values())
    print(f"  Rego expressions evaluated: {total}, by file: ", end="")
    print(", ".join(f"{f.removesuffix('.rego')} {c}" for f, c in counts.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, default=3, help="synthetic households (seeded) after the example")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--query", choices=["outcome", "decision"], default="outcome")
    parser.add_argument("-n", type=int, default=300, help="evaluations per measurement")
    args = parser.parse_args()
    if shutil.which("go") is None:
        raise SystemExit("policy_cost.py needs go on the PATH to build benchmarks/evalbench")
    binary = REPO_ROOT / "build" / "evalbench"
    subprocess.run(["go", "build", "-o", str(binary), "."], cwd=REPO_ROOT / "benchmarks" / "evalbench", check=True)
    bundle = ensure_fresh()
    with tempfile.TemporaryDirectory(prefix="socialaid-policy-cost-") as tmp:
        with tarfile.open(bundle) as tar:
            tar.extractall(Path(tmp) / "bundle", filter="data")
        households = [(f"example {EXAMPLE.name}", EXAMPLE)]
        for i, household in enumerate(synth.households(args.synthetic, seed=args.seed)):
            path = Path(tmp) / f"synthetic-{i}.json"
            path.write_text(json.dumps(household), "utf-8")
            households.append((f"synthetic household {household['household']['id']}", path))
        print(f"data.socialaid.{args.query}, {args.n} evaluations a measurement (bundle {bundle.name})")
        for name, path in households:
            report(binary, bundle, str(Path(tmp) / "bundle"), name, path, args.query, args.n)


if __name__ == "__main__":
    main()
