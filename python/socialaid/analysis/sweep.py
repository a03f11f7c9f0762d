"""Sweep: vary one path of a request from A to B in steps of S, decide the points in batched
queries (a few chunks, so a long sweep shows progress), and find the cliffs — where a program's
eligibility flips — exactly: between the two grid points around a flip, a k-ary search on the varied
value narrows it to the fen (0.01; to 1 for a field that takes whole numbers), so the cliff of an
urban family of three sits at 2 424.00 (808 × 3), not at the next grid step. Everything but
:func:`run_sweep` (the engine calls) and :func:`plot` (one file) is pure.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from socialaid.analysis.whatif import FindingChange, finding_changes, set_path, total
from socialaid.errors import FieldError, InvalidInputError
from socialaid.validation import validated
from socialaid.verify import checked

if TYPE_CHECKING:
    from socialaid.engine import Engine

__all__ = [
    "MAX_POINTS",
    "Cliff",
    "SweepPoint",
    "SweepResult",
    "detect_cliffs",
    "linear_pieces",
    "points",
    "refine_cliff",
    "run_sweep",
    "shown_programs",
    "sweep_values",
    "table_rows",
]

MAX_POINTS = 1000
CHUNK = 100  # points per query: a progress step, and a bounded request
FAN = 24  # points per round of the cliff search: 0.01 over a step of 100 takes 3 rounds


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
    revision: str = "unbundled"  # the bundle revision that decided every point
    breaks: list[float | int] | None = None  # the vertices of the exact piecewise-linear function (None: not verified)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "breaks": self.breaks,
            "bundle_revision": self.revision,
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


Decider = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


def _with_value(request: dict[str, Any], path: str, value: float | int) -> dict[str, Any]:
    return set_path(request, path, value)  # the policy validates every point it decides


def _fen(d: Decimal) -> float | int:
    return int(d) if d == d.to_integral_value() else float(d)


def refine_cliff(
    decide: Decider,
    request: dict[str, Any],
    path: str,
    cliff: Cliff,
    before: dict[str, Any],
    after: dict[str, Any],
) -> tuple[Cliff, dict[str, Any], dict[str, Any]]:
    """Narrow ``cliff`` to adjacent values ``resolution`` apart (0.01; 1 when the field takes only
    whole numbers): each round decides ``FAN`` evenly spaced values between the last point still on
    the ``before`` side and the first on the ``after`` side, in one query."""
    lo, hi = Decimal(str(cliff.before)), Decimal(str(cliff.at))
    resolution = Decimal("0.01")
    try:  # a field that takes whole numbers only is searched to the unit (the schema alone says)
        validated(_with_value(request, path, _fen(lo + resolution)), source=f"sweep {path}")
    except InvalidInputError:
        resolution = Decimal(1)
    lo_d, hi_d = before, after
    while hi - lo > resolution:
        steps = int((hi - lo) / resolution)
        count = min(FAN, steps - 1)
        if count <= 0:
            break
        grid = sorted({lo + ((hi - lo) * (i + 1) / (count + 1)).quantize(resolution) for i in range(count)})
        grid = [g for g in grid if lo < g < hi]
        if not grid:
            break
        decided = list(decide([_with_value(request, path, _fen(g)) for g in grid]))
        new_lo, new_hi, new_lo_d, new_hi_d = lo, hi, lo_d, hi_d
        for value, d in zip(grid, decided, strict=True):
            eligible = bool(((d.get("programs") or {}).get(cliff.program) or {}).get("eligible"))
            if eligible == cliff.eligible_before:
                new_lo, new_lo_d = value, d
            else:
                new_hi, new_hi_d = value, d
                break
        lo, hi, lo_d, hi_d = new_lo, new_hi, new_lo_d, new_hi_d
    exact = detect_cliffs([_fen(lo), _fen(hi)], [lo_d, hi_d])
    found = next((c for c in exact if c.program == cliff.program), None)
    return (found or cliff), lo_d, hi_d


def _explained(engine: Engine, request: dict[str, Any], path: str, value: float | int) -> dict[str, Any]:
    return engine.explain(_with_value(request, path, value)).doc()


def _decider(engine: Engine) -> Decider:
    """Decisions as JSON data, in order, from the batch entrypoint; a point the policy refuses is raised."""
    return lambda requests_: [checked(d).doc() for d in engine.batch(requests_)]


def run_sweep(
    engine: Engine,
    request: dict[str, Any],
    path: str,
    values: list[float | int],
    *,
    progress: Callable[[int], None] | None = None,
    exact: bool = True,
) -> SweepResult:
    """Decide ``request`` with ``path`` set to each value, ``CHUNK`` points a query, reporting
    progress after each; then find each cliff exactly (see :func:`refine_cliff`)."""
    requests_ = [_with_value(request, path, v) for v in values]
    decide = _decider(engine)
    started = time.perf_counter()
    decisions: list[dict[str, Any]] = []
    for i in range(0, len(requests_), CHUNK):
        chunk = requests_[i : i + CHUNK]
        decisions.extend(decide(chunk))
        if progress is not None:
            progress(len(chunk))
    cliffs = detect_cliffs(values, decisions)
    extra: list[tuple[float | int, dict[str, Any]]] = []
    if exact:
        refined = []
        for c in cliffs:
            i = values.index(c.before)
            found, lo_d, hi_d = refine_cliff(decide, request, path, c, decisions[i], decisions[i + 1])
            if "findings" not in lo_d:  # a compact decision: the explanation says which findings flip
                lo_x, hi_x = (_explained(engine, request, path, v) for v in (found.before, found.at))
                found = next(
                    (x for x in detect_cliffs([found.before, found.at], [lo_x, hi_x]) if x.program == c.program), found
                )
            refined.append(found)
            extra += [(found.before, lo_d), (found.at, hi_d)]
        cliffs = refined
    merged = dict(zip(values, decisions, strict=True))
    for value, d in extra:
        merged.setdefault(value, d)
    breaks = None
    if exact:
        merged, breaks = linear_pieces(decide, request, path, merged)
    seconds = time.perf_counter() - started
    xs = sorted(merged)
    programs: dict[str, dict[str, Any]] = {}
    for d in decisions:
        for pid, p in (d.get("programs") or {}).items():
            programs.setdefault(pid, {"name": p.get("name", {}), "clause": p.get("clause")})
    return SweepResult(
        path=path,
        points=points(xs, [merged[x] for x in xs]),
        cliffs=cliffs,
        programs=programs,
        seconds=seconds,
        hypothetical=any(d.get("hypothetical") for d in decisions),
        revision=_one_revision(decisions),
        breaks=breaks,
    )


MAX_KINK_ROUNDS = 8


def _amounts(d: dict[str, Any]) -> dict[str, Decimal]:
    return {k: Decimal(str(p.get("monthly_amount") or 0)) for k, p in (d.get("programs") or {}).items()}


def _eligibility(d: dict[str, Any]) -> dict[str, bool]:
    return {k: bool(p.get("eligible")) for k, p in (d.get("programs") or {}).items()}


def _on_line(a: Decimal, ya: Decimal, b: Decimal, yb: Decimal, x: Decimal, y: Decimal) -> bool:
    """Whether (x, y) is on the line through (a, ya) and (b, yb), to the fen (the policy rounds to it)."""
    expected = ya + (yb - ya) * (x - a) / (b - a)
    return abs(expected - y) <= Decimal("0.01")


def linear_pieces(
    decide: Decider, request: dict[str, Any], path: str, decided: dict[float | int, dict[str, Any]]
) -> tuple[dict[float | int, dict[str, Any]], list[float | int]]:
    """The decided points, with more where needed, such that between any two neighbours of one
    eligibility every program's amount is one straight piece: each pair's midpoint is decided (one query
    a round) and a midpoint off the line between its neighbours becomes a point itself (a kink found
    to the fen after a few rounds). Returns every decided point and the vertices of the function: the
    points that are not in the middle of a straight run of one eligibility."""
    points = dict(decided)
    checked_pairs: set[tuple[Decimal, Decimal]] = set()
    for _ in range(MAX_KINK_ROUNDS):
        xs = sorted(points, key=lambda v: Decimal(str(v)))
        todo = []
        for a, b in itertools.pairwise(xs):
            da, db = Decimal(str(a)), Decimal(str(b))
            if (da, db) in checked_pairs or db - da <= Decimal("0.02"):
                continue
            if _eligibility(points[a]) != _eligibility(points[b]):
                continue  # a cliff: the jump is drawn between its two exact ends
            todo.append((a, b, ((da + db) / 2).quantize(Decimal("0.01"))))
        if not todo:
            break
        mids = decide([_with_value(request, path, _fen(m)) for _, _, m in todo])
        for (a, b, m), d in zip(todo, mids, strict=True):
            da, db = Decimal(str(a)), Decimal(str(b))
            ya, yb, ym = _amounts(points[a]), _amounts(points[b]), _amounts(d)
            straight = _eligibility(d) == _eligibility(points[a]) and all(
                _on_line(da, ya.get(k, Decimal(0)), db, yb.get(k, Decimal(0)), m, ym.get(k, Decimal(0))) for k in ym
            )
            if straight:
                checked_pairs.add((da, db))
            else:
                points[_fen(m)] = d
    # drop the points inside a straight run of one eligibility
    xs = sorted(points, key=lambda v: Decimal(str(v)))
    if len(xs) < 3:
        return points, xs
    kept = [xs[0]]
    for i in range(1, len(xs) - 1):
        a, x, b = kept[-1], xs[i], xs[i + 1]
        da, dx, db = (Decimal(str(v)) for v in (a, x, b))
        same = _eligibility(points[a]) == _eligibility(points[x]) == _eligibility(points[b])
        ya, yx, yb = _amounts(points[a]), _amounts(points[x]), _amounts(points[b])
        if same and all(_on_line(da, ya.get(k, Decimal(0)), db, yb.get(k, Decimal(0)), dx, yx[k]) for k in yx):
            continue
        kept.append(x)
    kept.append(xs[-1])
    return points, kept


def _one_revision(decisions: list[dict[str, Any]]) -> str:
    revisions = {str(d.get("bundle_revision")) for d in decisions}
    if len(revisions) != 1:
        from socialaid.errors import UnverifiedAnswerError

        raise UnverifiedAnswerError(f"the sweep's points were decided by more than one revision: {sorted(revisions)}")
    return revisions.pop()


def shown_programs(result: SweepResult, *, show_zero: bool = False) -> list[str]:
    """The programs worth drawing: those with an amount somewhere (all of them with ``show_zero``)."""
    ordered = sorted(result.programs, key=lambda k: (result.programs[k].get("clause") or 0, k))
    if show_zero:
        return ordered
    return [pid for pid in ordered if any(p.amounts.get(pid, 0) for p in result.points)]


def table_rows(result: SweepResult, *, limit: int = 12) -> list[SweepPoint]:
    """A short table: the first and last points and those on each side of every cliff; every point
    when there are no more than ``limit``."""
    if len(result.points) <= limit:
        return result.points
    xs = [p.value for p in result.points]
    keep = {0, len(xs) - 1}
    for c in result.cliffs:
        for v in (c.before, c.at):
            if v in xs:
                i = xs.index(v)
                keep |= {max(0, i - 1), i, min(len(xs) - 1, i + 1)}
    return [result.points[i] for i in sorted(keep)]
