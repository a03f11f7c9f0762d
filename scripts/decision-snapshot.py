"""Snapshot every golden household's and a seeded synthetic population's decision, explanation and outcome
(the batch's outcome view) from the built bundle, or compare the bundle against such a snapshot.

A policy change that should not change any decision (a faster policy, a refactor) is checked with it:

    .venv/bin/python scripts/decision-snapshot.py write build/snapshot.jsonl [-n 3000] [--seed 49]
    # ... change the policy, make bundle ...
    .venv/bin/python scripts/decision-snapshot.py compare build/snapshot.jsonl [--allow-added outcome.programs.dibao]
        [--bundle B]

bundle_revision is dropped (it names the build). --allow-added PATH tolerates keys present now and absent in
the snapshot under PATH (dotted; "*" matches any key), for a deliberate addition to an answer's shape; every
other difference is reported, and the exit status is 1 when there is one.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from socialaid.paths import REPO_ROOT, opa_binary
from socialaid.population import synth

BUNDLE = REPO_ROOT / "bundles" / "socialaid.tar.gz"
CHUNK = 250
QUERY = (
    '[{"decision": d, "explanation": e, "outcome": o} | some r in input.requests;'
    " d := data.socialaid.decision with input as r; e := data.socialaid.explanation with input as r;"
    " o := data.socialaid.outcome with input as r]"
)


def households(count: int, seed: int) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted((REPO_ROOT / "tests" / "golden").rglob("*.json")):
        yield str(path.relative_to(REPO_ROOT)), json.loads(path.read_text("utf-8"))["request"]
    for i, h in enumerate(synth.households(count, seed=seed)):
        yield f"synth-{seed}-{i}", h


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != "bundle_revision"}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def evaluate(requests: list[dict[str, Any]], bundle: Path) -> list[dict[str, Any]]:
    out = subprocess.run(
        [str(opa_binary()), "eval", "-f", "json", "-b", str(bundle), "--stdin-input", QUERY],
        input=json.dumps({"requests": requests}),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [_strip(v) for v in json.loads(out)["result"][0]["expressions"][0]["value"]]


def answers(count: int, seed: int, bundle: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    batch: list[tuple[str, dict[str, Any]]] = []
    for item in [*households(count, seed), None]:
        if item is not None:
            batch.append(item)
        if batch and (item is None or len(batch) == CHUNK):
            yield from zip([k for k, _ in batch], evaluate([r for _, r in batch], bundle), strict=True)
            batch = []


def _diff(path: str, old: Any, new: Any, allowed: list[list[str]], out: list[str]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for k in sorted(set(old) | set(new)):
            sub = f"{path}.{k}"
            if k not in new:
                out.append(f"{sub}: removed")
            elif k not in old:
                if not any(_matches(sub, a) for a in allowed):
                    out.append(f"{sub}: added {json.dumps(new[k], ensure_ascii=False)[:200]}")
            else:
                _diff(sub, old[k], new[k], allowed, out)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            _diff(f"{path}[{i}]", a, b, allowed, out)
    elif old != new or type(old) is not type(new):
        out.append(
            f"{path}: {json.dumps(old, ensure_ascii=False)[:200]} -> {json.dumps(new, ensure_ascii=False)[:200]}"
        )


def _matches(path: str, pattern: list[str]) -> bool:
    parts = path.lstrip(".").split(".")
    return len(parts) == len(pattern) + 1 and all(p in ("*", q) for p, q in zip(pattern, parts, strict=False))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["write", "compare"])
    ap.add_argument("snapshot", type=Path)
    ap.add_argument("-n", "--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=49)
    ap.add_argument("--allow-added", action="append", default=[], metavar="PATH")
    ap.add_argument("--bundle", type=Path, default=BUNDLE, help="the bundle to evaluate (default: the built one)")
    args = ap.parse_args()
    if args.mode == "write":
        with args.snapshot.open("w", encoding="utf-8") as f:
            head = {"count": args.count, "seed": args.seed}
            f.write(json.dumps(head) + "\n")
            for key, value in answers(args.count, args.seed, args.bundle):
                f.write(json.dumps({"key": key, **value}, ensure_ascii=False, sort_keys=True) + "\n")
        return 0
    lines = args.snapshot.read_text("utf-8").splitlines()
    head = json.loads(lines[0])
    old = {(r := json.loads(x))["key"]: r for x in lines[1:]}
    allowed = [a.split(".") for a in args.allow_added]
    differing = 0
    seen = 0
    for key, value in answers(head["count"], head["seed"], args.bundle):
        seen += 1
        out: list[str] = []
        if key not in old:
            out.append("not in the snapshot")
        else:
            _diff("", {k: v for k, v in old[key].items() if k != "key"}, value, allowed, out)
        if out:
            differing += 1
            if differing <= 10:
                print(key, *out[:8], sep="\n  ")
    print(f"{seen} households compared with {args.snapshot}: {differing} differ")
    return 1 if differing or seen != len(old) else 0


if __name__ == "__main__":
    sys.exit(main())
