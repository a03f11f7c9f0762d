"""Sweep: vary one path of a request from A to B in steps of S, decide every point in ONE batched
query, and find the cliffs — the points where a program's eligibility flips — with the findings and
clauses that flip there. Everything but :func:`run_sweep` (one engine call) and :func:`plot` (one
file) is pure.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from socialaid.client import DecisionClient
from socialaid.decide import checked
from socialaid.errors import FieldError, InvalidInputError
from socialaid.validation import validated
from socialaid.whatif import FindingChange, finding_changes, set_path, total

__all__ = [
    "MAX_POINTS",
    "Cliff",
    "SweepPoint",
    "SweepResult",
    "detect_cliffs",
    "plot",
    "points",
    "run_sweep",
    "sweep_values",
]

MAX_POINTS = 1000


def _dec(value: float | str, name: str) -> Decimal:
    try:
        d = Decimal(str(value))
    except InvalidOperation as exc:
        raise InvalidInputError(
            [FieldError(f"/{name}", f"not a number: {value!r}", "a number")], source="sweep"
        ) from exc
    if not d.is_finite():
        raise InvalidInputError([FieldError(f"/{name}", f"not a finite number: {value!r}", "a number")], source="sweep")
    return d


def sweep_values(
    start: float | str, stop: float | str, step: float | str, *, max_points: int = MAX_POINTS
) -> list[float | int]:
    """``start, start+step, … ≤ stop`` computed in decimal (no float drift); ints when all are whole."""
    a, b, s = _dec(start, "from"), _dec(stop, "to"), _dec(step, "step")
    if s <= 0:
        raise InvalidInputError([FieldError("/step", f"step {step} is not positive", "a step > 0")], source="sweep")
    if b < a:
        raise InvalidInputError(
            [FieldError("/to", f"--to {stop} is below --from {start}", "to ≥ from")], source="sweep"
        )
    count = int((b - a) / s) + 1
    if count > max_points:
        raise InvalidInputError(
            [
                FieldError(
                    "/step",
                    f"{count} points exceed the limit of {max_points}",
                    f"at most {max_points} points",
                )
            ],
            source="sweep",
        )
    values = [a + s * i for i in range(count)]
    if all(v == v.to_integral_value() for v in values):
        return [int(v) for v in values]
    return [float(v) for v in values]


@dataclass(frozen=True)
class SweepPoint:
    value: float | int
    eligible: dict[str, bool]
    amounts: dict[str, float]
    total: float
    hypothetical: bool

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Cliff:
    """Between ``before`` and ``at`` the eligibility of ``program`` flips; ``flips`` say why."""

    program: str
    clause: int
    before: float | int
    at: float | int
    eligible_before: bool
    eligible_after: bool
    amount_before: float
    amount_after: float
    flips: list[FindingChange]

    @property
    def clauses(self) -> list[int]:
        return sorted({self.clause} | {f.clause for f in self.flips})

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "flips"}
        return {**d, "clauses": self.clauses, "flips": [f.to_dict() for f in self.flips]}


@dataclass(frozen=True)
class SweepResult:
    path: str
    points: list[SweepPoint]
    cliffs: list[Cliff]
    programs: dict[str, dict[str, Any]]  # id -> {name, clause}
    seconds: float
    hypothetical: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "hypothetical": self.hypothetical,
            "seconds": round(self.seconds, 4),
            "programs": self.programs,
            "points": [p.to_dict() for p in self.points],
            "cliffs": [c.to_dict() for c in self.cliffs],
        }


def points(values: list[float | int], decisions: list[dict[str, Any]]) -> list[SweepPoint]:
    out = []
    for value, d in zip(values, decisions, strict=True):
        progs = d.get("programs") or {}
        out.append(
            SweepPoint(
                value=value,
                eligible={k: bool(p.get("eligible")) for k, p in progs.items()},
                amounts={k: round(float(p.get("monthly_amount") or 0), 2) for k, p in progs.items()},
                total=total(d),
                hypothetical=bool(d.get("hypothetical")),
            )
        )
    return out


def detect_cliffs(values: list[float | int], decisions: list[dict[str, Any]]) -> list[Cliff]:
    """Every adjacent pair of points where some program's eligibility changes, with the findings of
    that program whose outcome flips (or that appear or disappear) between them."""
    cliffs: list[Cliff] = []
    for i in range(1, len(decisions)):
        before, after = decisions[i - 1], decisions[i]
        pb, pa = before.get("programs") or {}, after.get("programs") or {}
        for pid in sorted(set(pb) | set(pa)):
            eb = bool(pb.get(pid, {}).get("eligible"))
            ea = bool(pa.get(pid, {}).get("eligible"))
            if eb == ea:
                continue
            ref = pa.get(pid) or pb.get(pid) or {}
            flips = [f for f in finding_changes(before, after, pid) if f.change != "facts"]
            cliffs.append(
                Cliff(
                    program=pid,
                    clause=int(ref.get("clause", 0)),
                    before=values[i - 1],
                    at=values[i],
                    eligible_before=eb,
                    eligible_after=ea,
                    amount_before=round(float(pb.get(pid, {}).get("monthly_amount") or 0), 2),
                    amount_after=round(float(pa.get(pid, {}).get("monthly_amount") or 0), 2),
                    flips=flips,
                )
            )
    return cliffs


def run_sweep(client: DecisionClient, request: dict[str, Any], path: str, values: list[float | int]) -> SweepResult:
    """Decide ``request`` with ``path`` set to each value — all in one ``decide_many`` round trip."""
    requests_ = [validated(set_path(request, path, v), source=f"sweep {path}={v}") for v in values]
    started = time.perf_counter()
    decisions = [checked(d) for d in client.decide_many(requests_)]
    seconds = time.perf_counter() - started
    programs: dict[str, dict[str, Any]] = {}
    for d in decisions:
        for pid, p in (d.get("programs") or {}).items():
            programs.setdefault(pid, {"name": p.get("name", {"zh": pid, "en": pid}), "clause": p.get("clause")})
    return SweepResult(
        path=path,
        points=points(values, decisions),
        cliffs=detect_cliffs(values, decisions),
        programs=programs,
        seconds=seconds,
        hypothetical=any(d.get("hypothetical") for d in decisions),
    )


def plot(result: SweepResult, file: Path) -> Path:
    """Each program's monthly amount and the total against the swept value, each cliff marked with
    its clause number. Uses matplotlib's Agg backend (no display)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [p.value for p in result.points]
    fig, ax = plt.subplots(figsize=(10, 6), dpi=120)
    try:
        for pid in sorted(result.programs):
            ax.plot(xs, [p.amounts.get(pid, 0.0) for p in result.points], marker=".", label=pid)
        ax.plot(xs, [p.total for p in result.points], color="black", linewidth=2, linestyle="--", label="total")
        for c in result.cliffs:
            ax.axvline(c.at, color="red", alpha=0.4, linestyle=":")
            # ASCII only (program ids, clause numbers): rule titles may hold CJK glyphs the default
            # font lacks, and a missing-glyph warning is an error under the tests.
            flips = ", ".join(f"{f.before}->{f.after}" for f in c.flips if f.change == "outcome")
            label = f"{c.program}: clause {', '.join(map(str, c.clauses))} at {c.at}" + (f" ({flips})" if flips else "")
            ax.annotate(
                label,
                xy=(c.at, c.amount_before),
                fontsize=8,
                xytext=(5, 10),
                textcoords="offset points",
                color="red",
            )
        title = f"Monthly assistance vs {result.path}"
        if result.hypothetical:
            title += " (HYPOTHETICAL parameters)"
        ax.set_title(title)
        ax.set_xlabel(result.path)
        ax.set_ylabel("CNY per month")
        ax.grid(True, alpha=0.3)
        ax.legend()
        file.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(file, format="png")
    finally:
        plt.close(fig)
    return file
