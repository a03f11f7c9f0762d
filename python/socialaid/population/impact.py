"""Population impact of a reform (``socialaid impact``): decide everyone twice and count what moves.

The base is the policy in force (or the bundle built from ``--base-rev``); the reform is parameter
overrides, a what-if scenario variant, or the working tree's policy. Both decisions of a household
come from the same Ray actor in the same chunk (see :mod:`socialaid.population.batch`); this module only
compares the two rows: it computes no eligibility and no amount.

Per program: households and persons newly eligible and no longer eligible (persons = the members the
program covers), gainers and losers, the monthly and annual cost change split by urban and rural,
and, for each household whose program changed, the first decisive rule whose outcome changed
(reform order first, then rules the reform dropped; an amount-only change with the same rules is
reported as the program's amount rule ``<program>: amount``).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from socialaid.errors import BundleError

__all__ = [
    "EPSILON",
    "ImpactReport",
    "ProgramImpact",
    "bundle_at_revision",
    "first_changed_rule",
    "plot_impact",
]

EPSILON = 0.005  # half a fen: amounts are rounded to the fen by the policy


@dataclass
class ProgramImpact:
    newly_eligible_households: int = 0
    newly_eligible_persons: int = 0
    no_longer_eligible_households: int = 0
    no_longer_eligible_persons: int = 0
    gainers: int = 0
    losers: int = 0
    monthly_cost_change: dict[str, float] = field(default_factory=lambda: {"urban": 0.0, "rural": 0.0})
    first_changed: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        monthly = {k: round(v, 2) for k, v in self.monthly_cost_change.items()}
        total = round(sum(self.monthly_cost_change.values()), 2)
        return {
            "newly_eligible": {"households": self.newly_eligible_households, "persons": self.newly_eligible_persons},
            "no_longer_eligible": {
                "households": self.no_longer_eligible_households,
                "persons": self.no_longer_eligible_persons,
            },
            "gainers": self.gainers,
            "losers": self.losers,
            "monthly_cost_change": {**monthly, "total": total},
            "annual_cost_change": {**{k: round(v * 12, 2) for k, v in monthly.items()}, "total": round(total * 12, 2)},
            "first_changed": dict(self.first_changed.most_common()),
        }


def first_changed_rule(program: str, base: dict[str, Any], reform: dict[str, Any]) -> tuple[Any, str]:
    """(clause, rule id) of the first decisive rule whose outcome differs between the two rows."""
    before = {r["rule"]: r for r in base.get("rules", [])}
    after = {r["rule"]: r for r in reform.get("rules", [])}
    for rule in reform.get("rules", []):
        old = before.get(rule["rule"])
        if old is None or old.get("outcome") != rule.get("outcome"):
            return rule.get("clause"), str(rule["rule"])
    for rule in base.get("rules", []):
        if rule["rule"] not in after:
            return rule.get("clause"), str(rule["rule"])
    return reform.get("clause", base.get("clause")), f"{program}: amount"


_NOT = {"eligible": False, "monthly_amount": 0, "covered": 0, "rules": []}


@dataclass
class ImpactReport:
    """Aggregates over (base row, reform row) pairs, one pair a household; bounded memory except the
    list of per-household changes kept for the histogram (one float per changed household)."""

    base: str = ""
    reform: str = ""
    as_of: str | None = None
    households: int = 0
    refused_base: int = 0
    refused_reform: int = 0
    refusal_changed: int = 0  # decided under one side, refused under the other
    changed_households: int = 0
    # households whose monthly cash across all programs rose / fell (a 低保 loser may be a 特困 gainer)
    better_off: int = 0
    worse_off: int = 0
    programs: dict[str, ProgramImpact] = field(default_factory=dict)
    household_changes: list[float] = field(default_factory=list)
    changes_by_clause: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, base: dict[str, Any], reform: dict[str, Any]) -> None:
        self.households += 1
        date = base.get("as_of")
        if self.as_of is None:
            self.as_of = date
        elif date != self.as_of and not self.as_of.startswith("various"):
            self.as_of = f"various (first {self.as_of})"
        if base.get("status") != "decided" or reform.get("status") != "decided":
            self.refused_base += base.get("status") != "decided"
            self.refused_reform += reform.get("status") != "decided"
            self.refusal_changed += base.get("status") != reform.get("status")
            return
        area = base.get("area") or "unknown"
        b_programs, r_programs = base["programs"], reform["programs"]
        change = 0.0
        changed = False
        for name in sorted(set(b_programs) | set(r_programs)):
            b, r = b_programs.get(name, _NOT), r_programs.get(name, _NOT)
            impact = self.programs.setdefault(name, ProgramImpact())
            delta = float(r["monthly_amount"] or 0) - float(b["monthly_amount"] or 0)
            moved = bool(b["eligible"]) != bool(r["eligible"])
            if not b["eligible"] and r["eligible"]:
                impact.newly_eligible_households += 1
                impact.newly_eligible_persons += int(r["covered"] or 0)
            elif b["eligible"] and not r["eligible"]:
                impact.no_longer_eligible_households += 1
                impact.no_longer_eligible_persons += int(b["covered"] or 0)
            if delta > EPSILON:
                impact.gainers += 1
            elif delta < -EPSILON:
                impact.losers += 1
            impact.monthly_cost_change[area] = impact.monthly_cost_change.get(area, 0.0) + delta
            if moved or abs(delta) > EPSILON:
                clause, rule = first_changed_rule(name, b, r)
                impact.first_changed[f"clause {clause} · {rule}"] += 1
                self.changes_by_clause[str(clause)] += 1
                changed = True
            change += delta
        if changed:
            self.changed_households += 1
            self.household_changes.append(round(change, 2))
        if change > EPSILON:
            self.better_off += 1
        elif change < -EPSILON:
            self.worse_off += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "reform": self.reform,
            "as_of": self.as_of,
            "households": self.households,
            "refused": {
                "base": self.refused_base,
                "reform": self.refused_reform,
                "decided_under_one_side_only": self.refusal_changed,
            },
            "changed_households": self.changed_households,
            "households_better_off": self.better_off,
            "households_worse_off": self.worse_off,
            "program_changes_by_clause": dict(sorted(self.changes_by_clause.items(), key=lambda kv: -kv[1])),
            "seconds": round(self.seconds, 2),
            "programs": {name: p.to_dict() for name, p in sorted(self.programs.items())},
        }

    def changed_programs(self) -> dict[str, ProgramImpact]:
        return {
            n: p
            for n, p in sorted(self.programs.items())
            if p.first_changed or p.gainers or p.losers or any(abs(v) > EPSILON for v in p.monthly_cost_change.values())
        }


def plot_impact(report: ImpactReport, path: Path) -> Path:
    """A PNG: annual cost change by program (urban / rural), and the distribution of per-household change."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    programs = report.changed_programs() or report.programs
    names = list(programs)
    urban = [programs[n].monthly_cost_change.get("urban", 0.0) * 12 / 10_000 for n in names]
    rural = [programs[n].monthly_cost_change.get("rural", 0.0) * 12 / 10_000 for n in names]
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5))
    positions = range(len(names))
    left.bar([p - 0.2 for p in positions], urban, width=0.4, label="urban")
    left.bar([p + 0.2 for p in positions], rural, width=0.4, label="rural")
    left.set_xticks(list(positions), names, rotation=30, ha="right")
    left.axhline(0, color="black", linewidth=0.8)
    left.set_ylabel("annual cost change (10 000 CNY / year)")
    left.set_title("Cost change by program")
    left.legend()
    right.hist(report.household_changes or [0.0], bins=40)
    right.set_xlabel("change in monthly cash per changed household (CNY / month)")
    right.set_ylabel("households")
    right.set_title(f"Per-household change ({report.changed_households} of {report.households} households changed)")
    fig.suptitle(
        f"Honghuagang social assistance — impact of {report.reform} vs {report.base}\n"
        f"decision date {report.as_of} · computed {dt.date.today().isoformat()}"
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def bundle_at_revision(revision: str, workdir: Path) -> tuple[Path, str]:
    """The bundle of the policy at git ``revision``: staged by that revision's own code, locked and signed
    as today's sidecar needs it.

    ``git archive`` of the revision into ``workdir``; its ``socialaid.server.bundle.stage`` lays out its own
    Rego and data. The server-lock policies (``policies/system``: authorization, decision-log masking)
    are today's, added when the revision predates them, because today's sidecar only runs locked; they
    decide nothing about households. Then ``opa build`` and sign with today's key, the revision's short
    hash as the bundle revision. Returns (bundle path, short hash).
    """
    import json as _json

    from socialaid.paths import POLICY_DIR, REPO_ROOT, opa_binary
    from socialaid.server.bundle import ROOTS, build_staged

    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise BundleError(f"git {' '.join(args)} failed: {proc.stderr.strip()}")
        return proc.stdout.strip()

    short = git("rev-parse", "--short=12", f"{revision}^{{commit}}")
    tree = workdir / f"rev-{short}"
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", short, "policies", "schemas", "python"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        raise BundleError(f"git archive {short} failed: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    env = {
        **os.environ,
        "SOCIALAID_ROOT": str(tree),
        "SOCIALAID_OPA": str(opa_binary().resolve()),
        "PYTHONPATH": str(tree / "python"),
    }
    code = (  # a revision from before the package layout (socialaid/server/) has socialaid.bundle
        "import sys\ntry:\n    from socialaid.server import bundle\n"
        "except ImportError:\n    from socialaid import bundle\n"
        "print(bundle.stage(revision=sys.argv[1]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, short], cwd=tree, env=env, capture_output=True, text=True, check=False
    )
    staged = tree / "build" / "stage"
    if proc.returncode != 0 or not (staged / ".manifest").is_file():
        raise BundleError(f"staging the policy of {short} failed:\n{(proc.stderr or proc.stdout).strip()[-2000:]}")
    # The server's own policies (authorization, log mask) are today's: the base runs on today's locked
    # sidecar, which gives its token the way today's authorization reads it; only socialaid/ is the revision's.
    for root in ROOTS:
        if root != "socialaid" and (POLICY_DIR / root).is_dir():
            shutil.rmtree(staged / root, ignore_errors=True)
            shutil.copytree(POLICY_DIR / root, staged / root)
    manifest = _json.loads((staged / ".manifest").read_text("utf-8"))
    manifest["roots"] = sorted(set(manifest.get("roots", [])) | set(ROOTS))
    (staged / ".manifest").write_text(_json.dumps(manifest), "utf-8")
    try:
        output = build_staged(staged, tree / "bundles" / "socialaid.tar.gz")
    except BundleError as exc:
        raise BundleError(f"the bundle of {short}: {exc}") from exc
    return output, short


def temp_workdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="socialaid-impact-")


def run_impact(
    population: Path,
    *,
    fmt: Any,
    base_bundle: Path,
    options: Any,
    reform_bundle: Path | None = None,
    variant: Any = None,
    base_label: str = "base",
    reform_label: str = "reform",
    progress: Any = None,
) -> ImpactReport:
    """Decide ``population`` under the base and the reform, pairwise, and aggregate the changes."""
    import json
    import time

    from socialaid.population.batch import decided_batches, ray_session

    report = ImpactReport(base=base_label, reform=reform_label)
    started = time.perf_counter()
    same_bundle = reform_bundle is None or reform_bundle.read_bytes() == base_bundle.read_bytes()
    with ray_session(options.address):
        for batch in decided_batches(
            population,
            fmt=fmt,
            bundle=base_bundle,
            options=options,
            reform_bundle=None if same_bundle else reform_bundle,
            variant=variant,
            pair=True,
        ):
            for text in batch.rows:
                base, reform = json.loads(text)
                report.add(base, reform)
            if progress is not None:
                progress(len(batch.rows))
    report.seconds = time.perf_counter() - started
    return report
