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
from socialaid.words.messages import Lang

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


POVERTY_PROGRAM = "dibao"  # the program whose decision gives per-capita income and the standard (低保)
AREAS = ("urban", "rural")


@dataclass
class _Poverty:
    households: int = 0
    persons: int = 0
    gap: float = 0.0  # CNY a month: Σ (standard − per-capita income) × members, over those below

    def add(self, per_capita: float, standard: float, members: int) -> None:
        if per_capita < standard - EPSILON:
            self.households += 1
            self.persons += members
            self.gap += (standard - per_capita) * members

    def to_dict(self) -> dict[str, Any]:
        return {"households": self.households, "persons": self.persons, "monthly_gap": round(self.gap, 2)}


@dataclass
class Distributions:
    """Winners, losers and the mean change by decile of per-capita income before the reform, and the
    poverty headcount and gap against the 低保 standard before and after, urban and rural.

    Every figure is the decision's: per-capita income, the standard and the members counted are the
    低保 program's (``per_capita_income``, ``standard``, ``members`` in the row, see
    :data:`socialaid.population.batch.INCOME_FIGURES`); the change is the household's monthly cash across
    all programs. This class only ranks, counts and sums. "Before transfers" is the counted per-capita
    income; "after transfers" adds every program's monthly cash, per member counted. A household whose
    rows lack the figures is counted in ``without_figures`` and in nothing else here.
    """

    per_capita: list[float] = field(default_factory=list)  # base per-capita income, a household each
    change: list[float] = field(default_factory=list)  # monthly cash change, the same households
    without_figures: int = 0
    poverty: dict[str, dict[str, dict[str, _Poverty]]] = field(
        default_factory=lambda: {
            side: {when: {a: _Poverty() for a in AREAS} for when in ("before_transfers", "after_transfers")}
            for side in ("base", "reform")
        }
    )

    @staticmethod
    def figures(row: dict[str, Any]) -> tuple[float, float, int, float] | None:
        program = (row.get("programs") or {}).get(POVERTY_PROGRAM) or {}
        try:
            per_capita, standard, members = (program[k] for k in ("per_capita_income", "standard", "members"))
        except KeyError:
            return None
        cash = sum(float(p.get("monthly_amount") or 0) for p in row["programs"].values())
        return float(per_capita), float(standard), int(members), cash

    def add(self, base: dict[str, Any], reform: dict[str, Any], change: float) -> None:
        before, after = self.figures(base), self.figures(reform)
        if before is None or after is None:
            self.without_figures += 1
            return
        self.per_capita.append(before[0])
        self.change.append(change)
        area = base.get("area")
        if area not in AREAS:
            return
        for side, (per_capita, standard, members, cash) in (("base", before), ("reform", after)):
            self.poverty[side]["before_transfers"][area].add(per_capita, standard, members)
            if members > 0:
                self.poverty[side]["after_transfers"][area].add(per_capita + cash / members, standard, members)

    def deciles(self) -> list[dict[str, Any]]:
        """Ten groups of equal size (the first ones one larger when the count does not divide) by base
        per-capita income, ties in input order."""
        order = sorted(range(len(self.per_capita)), key=lambda i: (self.per_capita[i], i))
        n = len(order)
        out = []
        for d in range(10):
            members = order[d * n // 10 : (d + 1) * n // 10]
            if not members:
                continue
            changes = [self.change[i] for i in members]
            out.append(
                {
                    "decile": d + 1,
                    "households": len(members),
                    "per_capita_income": {
                        "min": round(self.per_capita[members[0]], 2),
                        "max": round(self.per_capita[members[-1]], 2),
                    },
                    "winners": sum(c > EPSILON for c in changes),
                    "losers": sum(c < -EPSILON for c in changes),
                    "mean_monthly_change": round(sum(changes) / len(changes), 2),
                }
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "available": bool(self.per_capita),
            "households": len(self.per_capita),
            "without_figures": self.without_figures,
            "deciles": self.deciles(),
            "poverty": {
                side: {when: {area: p.to_dict() for area, p in areas.items()} for when, areas in whens.items()}
                for side, whens in self.poverty.items()
            },
        }


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


def _latin(text: str) -> str:
    """Text a Latin-only font can draw: ``Minimum living guarantee (低保)`` → ``Minimum living guarantee``."""
    kept = "".join(ch if ord(ch) < 128 else " " for ch in text.replace("·", "-"))
    return " ".join(kept.replace("( )", "").replace("()", "").split()).strip(" :-")


def plot_impact(report: ImpactReport, path: Path, *, lang: Lang = "zh", texts: Any = None) -> Path:
    """A PNG in ``lang``: annual cost change by program (urban / rural); the distribution of the change per
    changed household; the mean change by decile of per-capita income before the reform, with the share
    better off; persons below the 低保 standard after cash aid, before and after the reform, urban and rural.
    Program names come from the bundle's catalog (``texts``), every other word from the message catalog."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from socialaid.analysis.chart import chart_font
    from socialaid.words.messages import msg

    font = chart_font()
    shown: Lang = lang if font else "en"

    def word(key: str, **values: Any) -> str:
        text = msg(key, shown, **values)
        return text if font else _latin(text)

    def name(pid: str) -> str:
        text = texts.program_name(pid, shown) if texts is not None else pid
        return str(text) if font else _latin(str(text)) or pid

    programs = report.changed_programs() or report.programs
    names = list(programs)
    urban = [programs[n].monthly_cost_change.get("urban", 0.0) * 12 / 10_000 for n in names]
    rural = [programs[n].monthly_cost_change.get("rural", 0.0) * 12 / 10_000 for n in names]
    dist = report.distributions.to_dict()
    with plt.rc_context({"font.sans-serif": [font, "DejaVu Sans"], "axes.unicode_minus": False} if font else {}):
        fig, axes = plt.subplots(2, 2, figsize=(14, 10))
        (cost, hist), (deciles, poverty) = axes
        positions = list(range(len(names)))  # horizontal bars: a program's name is read level, never cut
        cost.barh([y - 0.2 for y in positions], urban, height=0.4, label=word("impact.col.urban"))
        cost.barh([y + 0.2 for y in positions], rural, height=0.4, label=word("impact.col.rural"))
        cost.set_yticks(positions, [name(n) for n in names])
        cost.invert_yaxis()
        cost.axvline(0, color="black", linewidth=0.8)
        cost.set_xlabel(word("chart.cost.ylabel"))
        cost.set_title(word("chart.cost.title"))
        cost.legend()
        hist.hist(report.household_changes or [0.0], bins=40)
        hist.set_xlabel(word("chart.hist.xlabel"))
        hist.set_ylabel(word("chart.households"))
        hist.set_title(word("chart.hist.title", changed=report.changed_households, households=report.households))
        if dist["available"]:
            rows = dist["deciles"]
            xs = [d["decile"] for d in rows]
            means = [d["mean_monthly_change"] for d in rows]
            deciles.bar(xs, means, color=["tab:green" if m >= 0 else "tab:red" for m in means])
            deciles.axhline(0, color="black", linewidth=0.8)
            deciles.set_xticks(xs)
            share = deciles.twinx()
            share.plot(xs, [d["winners"] / d["households"] for d in rows], color="tab:blue", marker="o")
            share.set_ylim(0, 1)
            share.set_ylabel(word("chart.deciles.share"), color="tab:blue")
            poor = dist["poverty"]
            areas = ("urban", "rural")
            before = [poor["base"]["after_transfers"][a]["persons"] for a in areas]
            after = [poor["reform"]["after_transfers"][a]["persons"] for a in areas]
            poverty.bar([-0.2, 0.8], before, width=0.4, label=word("chart.before"))
            poverty.bar([0.2, 1.2], after, width=0.4, label=word("chart.after"))
            for x, v in zip([-0.2, 0.8, 0.2, 1.2], before + after, strict=True):
                poverty.annotate(f"{v:,}", (x, v), ha="center", va="bottom", fontsize=9)
            poverty.set_xticks([0, 1], [word(f"impact.col.{a}") for a in areas])
            poverty.legend()
        else:
            for ax in (deciles, poverty):
                ax.text(0.5, 0.5, word("chart.none"), ha="center", va="center", transform=ax.transAxes)
                ax.set_xticks([])
                ax.set_yticks([])
        deciles.set_title(word("chart.deciles.title"))
        deciles.set_xlabel(word("chart.deciles.xlabel"))
        deciles.set_ylabel(word("chart.deciles.ylabel"))
        poverty.set_title(word("chart.poverty.title"))
        poverty.set_ylabel(word("chart.poverty.ylabel"))
        fig.suptitle(
            word(
                "chart.title",
                reform=report.reform,
                base=report.base,
                as_of=report.as_of,
                today=dt.date.today().isoformat(),
            )
        )
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=100)
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


BASE_CACHE_KEEP = 4  # base files kept in a cache directory (the newest); each is one row a household


def bundle_digest(bundle: Path) -> str:
    """SHA-256 of a bundle's files and their names, not of the archive (whose times and signature change
    on every build of the same policy): the same policy and data give the same digest."""
    import hashlib
    import tarfile

    digest = hashlib.sha256()
    with tarfile.open(bundle, "r:gz") as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.isfile() or member.name.lstrip("/") == ".signatures.json":
                continue
            handle = tar.extractfile(member)
            digest.update(member.name.encode() + b"\0" + (handle.read() if handle else b"") + b"\0")
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


def base_cache_key(*, bundle: Path, population: Path, fmt: Any, as_of: str | None, view: str) -> str:
    """The key of a base side: the bundle (its revision is in its manifest), the input's bytes and format,
    the decision date given on the command line, and the view the rows were made from."""
    import hashlib
    import json

    parts = {
        "bundle": bundle_digest(bundle),
        "input": file_digest(population),
        "format": str(fmt),
        "as_of": as_of,
        "view": view,
        "row": 1,  # the row layout of compact_row; bump when it changes
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]


def _prune(directory: Path, keep: int) -> None:
    files = sorted(directory.glob("base-*.jsonl"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


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
                _prune(cached.parent, BASE_CACHE_KEEP)
    report.seconds = time.perf_counter() - started
    return report
