"""The distributions of an impact: winners, losers and the mean change by decile of per-capita income
before the reform, and the poverty headcount and gap against the 低保 standard, urban and rural.

Every figure is the decision's (the 低保 program's per-capita income, standard and members, copied into
the row); this module only ranks, counts and sums.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["AREAS", "EPSILON", "POVERTY_PROGRAM", "Distributions"]

EPSILON = 0.005  # half a fen: amounts are rounded to the fen by the policy
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
    :data:`socialaid.population.rows.INCOME_FIGURES`); the change is the household's monthly cash across
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
