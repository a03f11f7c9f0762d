"""Explain a decision: every finding met and not met, the parameters used (value, effective date,
source), "why not" for each program not granted, and a rule-by-rule trace: each rule passed or
failed, the values it compared and its clause. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

__all__ = [
    "IncomeGap",
    "TracedRule",
    "WhyNot",
    "explanation",
    "income_gap",
    "rule_trace",
    "why_not",
]

_CENT = Decimal("0.01")


def _money(x: Decimal) -> float:
    return float(x.quantize(_CENT, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class IncomeGap:
    """How far income would have to fall for an income test to be met (strictly below the standard)."""

    per_capita_income: float
    standard: float
    members: int
    per_capita_fall: float  # per-capita − standard + 0.01
    household_fall: float  # per_capita_fall × members

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class WhyNot:
    program: str
    name: dict[str, str]
    clause: int
    reasons: list[dict[str, Any]]  # the program's not_met findings
    income_gaps: list[IncomeGap] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "program": self.program,
            "name": self.name,
            "clause": self.clause,
            "reasons": self.reasons,
            "income_gaps": [g.to_dict() for g in self.income_gaps],
        }


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return Decimal(str(value))


def income_gap(finding: dict[str, Any], *, members: int | None = None) -> IncomeGap | None:
    """For a not_met finding whose values hold ``per_capita_income`` and ``standard``: the fall in
    per-capita income needed to be below the standard (per-capita − standard + 0.01), and the
    household total (that × members)."""
    facts = finding.get("values") or {}
    pci, std = _number(facts.get("per_capita_income")), _number(facts.get("standard"))
    if finding.get("outcome") != "not_met" or pci is None or std is None or pci < std:
        return None
    count = facts.get("members", members)
    n = int(count) if isinstance(count, int | float) and not isinstance(count, bool) and count > 0 else 1
    fall = pci - std + _CENT
    return IncomeGap(
        per_capita_income=float(pci),
        standard=float(std),
        members=n,
        per_capita_fall=_money(fall),
        household_fall=_money(fall * n),
    )


def why_not(decision: dict[str, Any]) -> list[WhyNot]:
    """For every program not granted: its decisive not_met findings and, for income tests, the gap."""
    findings = decision.get("findings") or []
    out: list[WhyNot] = []
    programs = decision.get("programs") or {}
    for pid in sorted(programs, key=lambda k: (programs[k].get("clause", 0), k)):
        p = programs[pid]
        if p.get("eligible"):
            continue
        reasons = [f for f in findings if f.get("program") == pid and f.get("outcome") == "not_met"]
        members = (p.get("details") or {}).get("members")
        gaps = [g for f in reasons if (g := income_gap(f, members=members if isinstance(members, int) else None))]
        out.append(
            WhyNot(
                program=pid,
                name=dict(p.get("name") or {"zh": pid, "en": pid}),
                clause=int(p.get("clause", 0)),
                reasons=reasons,
                income_gaps=gaps,
            )
        )
    return out


def _parameters(decision: dict[str, Any]) -> list[dict[str, Any]]:
    """The full parameter entries: ``parameters_in_force`` of an explanation, else the older
    decision's list, else the compact decision's name → value map."""
    found = decision.get("parameters_in_force") or decision.get("parameters") or []
    if isinstance(found, dict):  # {group: {name: value}}
        found = [
            {"name": f"{group}.{name}", "value": value}
            for group, entries in found.items()
            for name, value in (entries.items() if isinstance(entries, dict) else [])
        ]
    return sorted((p for p in found if isinstance(p, dict)), key=lambda x: str(x.get("name")))


def explanation(decision: dict[str, Any]) -> dict[str, Any]:
    """The whole reasoning of a decision as one document: per program, findings met / not met / info;
    the parameters used; why not; whether it is hypothetical."""
    programs: dict[str, Any] = {}
    findings = decision.get("findings") or []
    for pid, p in sorted((decision.get("programs") or {}).items(), key=lambda kv: (kv[1].get("clause", 0), kv[0])):
        own = [f for f in findings if f.get("program") == pid]
        programs[pid] = {
            "name": p.get("name"),
            "clause": p.get("clause"),
            "eligible": p.get("eligible"),
            "monthly_amount": p.get("monthly_amount"),
            "met": [f for f in own if f.get("outcome") == "met"],
            "not_met": [f for f in own if f.get("outcome") == "not_met"],
            "info": [f for f in own if f.get("outcome") not in {"met", "not_met"}],
        }
    return {
        "as_of": decision.get("as_of"),
        "hypothetical": bool(decision.get("hypothetical")),
        "programs": programs,
        "parameters": _parameters(decision),
        "why_not": [w.to_dict() for w in why_not(decision)],
        "clauses": decision.get("clauses") or {},
    }


# --- the rule-by-rule trace ----------------------------------------------------------------


@dataclass(frozen=True)
class TracedRule:
    """One finding of the evaluation: the rule, its clause and basis, passed or failed, the values it
    compared, and where the rule is written (from the bundle's rule registry, when it has the rule)."""

    rule: str
    clause: int | None
    basis: str | None
    program: str
    member_id: str | None
    outcome: str
    values: dict[str, Any]
    file: str
    row: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def rule_trace(findings: list[dict[str, Any]], rules: dict[str, dict[str, Any]]) -> list[TracedRule]:
    """Every finding as a trace line, ordered by clause, program, rule and member — read from the
    findings the policy gives, not from OPA's evaluation trace (which takes seconds and says nothing
    of the values compared)."""
    out = []
    for f in findings:
        rule_id = str(f.get("rule", ""))
        entry = rules.get(rule_id) or {}
        clause = f.get("clause", entry.get("clause"))
        out.append(
            TracedRule(
                rule=rule_id,
                clause=int(clause) if isinstance(clause, int | str) and str(clause).isdigit() else None,
                basis=f.get("basis") or entry.get("basis"),
                program=str(f.get("program", "")),
                member_id=f.get("member_id"),
                outcome=str(f.get("outcome", "")),
                values=dict(f.get("values") or {}),
                file=str(entry.get("file", "")),
                row=int(entry.get("row", 0) or 0),
            )
        )
    return sorted(out, key=lambda r: (r.clause or 0, r.program, r.rule, r.member_id or ""))
