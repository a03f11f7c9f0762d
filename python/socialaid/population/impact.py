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

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from socialaid.population.base_cache import BASE_CACHE_KEEP, base_cache_key, prune
from socialaid.population.distributions import EPSILON, Distributions
from socialaid.population.impact_chart import plot_impact
from socialaid.population.revisions import bundle_at_revision, temp_workdir

# the chart, the revisions' bundles, the base cache and the distributions live in their own modules;
# their public names used with an impact are also here
__all__ = [
    "EPSILON",
    "Distributions",
    "ImpactReport",
    "ProgramImpact",
    "bundle_at_revision",
    "first_changed_rule",
    "plot_impact",
    "run_impact",
    "temp_workdir",
]


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
    reform_spec: list[str] = field(default_factory=list)  # the reform as given (GROUP.NAME = VALUE), any language
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
    decisions: int = 0  # requests sent to OPA: 2 a household, 1 when the base came from the cache
    base_cache: str = "off"  # off, miss (decided and stored), hit (read)
    distributions: Distributions = field(default_factory=lambda: Distributions())

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
        self.distributions.add(base, reform, change)
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
            "reform_spec": self.reform_spec,
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
            "decisions": self.decisions,
            "base_cache": self.base_cache,
            "programs": {name: p.to_dict() for name, p in sorted(self.programs.items())},
            "distributions": self.distributions.to_dict(),
        }

    def changed_programs(self) -> dict[str, ProgramImpact]:
        return {
            n: p
            for n, p in sorted(self.programs.items())
            if p.first_changed or p.gainers or p.losers or any(abs(v) > EPSILON for v in p.monthly_cost_change.values())
        }


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
    base_cache: Path | None = None,
    details: bool = False,
) -> ImpactReport:
    """Decide ``population`` under the base and the reform, pairwise, and aggregate the changes.

    With ``base_cache`` (a directory) the base side's rows are kept in a file named by
    :func:`base_cache_key`; a later run with the same key reads them and decides only the reform side.
    The file is written beside its final name and renamed when the run succeeds. ``details`` asks each
    household's explanation (one query a household) for the income figures of the distributions.
    """
    import json
    import os
    import time

    from socialaid.errors import EngineError
    from socialaid.population.batch import decided_batches, ray_session

    report = ImpactReport(base=base_label, reform=reform_label)
    started = time.perf_counter()
    same_bundle = reform_bundle is None or reform_bundle.read_bytes() == base_bundle.read_bytes()
    reform_side = base_bundle if same_bundle or reform_bundle is None else reform_bundle
    cached: Path | None = None
    if base_cache is not None:
        view = "explanation" if details else "outcome"
        key = base_cache_key(bundle=base_bundle, population=population, fmt=fmt, as_of=options.as_of, view=view)
        cached = base_cache / f"base-{key}.jsonl"
    with ray_session(options.address):
        if cached is not None and cached.is_file():
            report.base_cache = "hit"
            os.utime(cached)
            with cached.open(encoding="utf-8") as base_rows:
                for batch in decided_batches(
                    population, fmt=fmt, bundle=reform_side, options=options, variant=variant,
                    reform_only=True, details=details,
                ):  # fmt: skip
                    for text in batch.rows:
                        line = base_rows.readline()
                        base, reform = json.loads(line) if line else None, json.loads(text)
                        if base is None or base.get("household_id") != reform.get("household_id"):
                            raise EngineError(f"the cached base {cached} does not match the input: remove it")
                        report.add(base, reform)
                    report.decisions += batch.decisions
                    if progress is not None:
                        progress(len(batch.rows))
                if base_rows.readline():
                    raise EngineError(f"the cached base {cached} has more rows than the input: remove it")
        else:
            store = None
            if cached is not None:
                report.base_cache = "miss"
                cached.parent.mkdir(parents=True, exist_ok=True)
                partial = cached.with_name(f".{cached.name}.{os.getpid()}.partial")
                store = partial.open("w", encoding="utf-8")
            try:
                for batch in decided_batches(
                    population, fmt=fmt, bundle=base_bundle, options=options,
                    reform_bundle=None if same_bundle else reform_bundle, variant=variant, pair=True,
                    details=details,
                ):  # fmt: skip
                    for text in batch.rows:
                        base, reform = json.loads(text)
                        report.add(base, reform)
                        if store is not None:
                            store.write(json.dumps(base, ensure_ascii=False, allow_nan=False) + "\n")
                    report.decisions += batch.decisions
                    if progress is not None:
                        progress(len(batch.rows))
            except BaseException:
                if store is not None:
                    store.close()
                    partial.unlink(missing_ok=True)
                raise
            if store is not None and cached is not None:
                store.close()
                os.replace(partial, cached)
                prune(cached.parent, BASE_CACHE_KEEP)
    report.seconds = time.perf_counter() - started
    return report
