"""Explain a decision: every finding met and not met, the parameters used (value, effective date,
source), "why not" for each program not granted, and — from OPA's ``explain=full`` trace — which
clause each evaluated rule belongs to. Pure functions.

Trace events are mapped to clauses through the rules' METADATA (:func:`socialaid.annotations.inspect`):
an event with a location (``opa eval`` traces carry ``Location``) belongs to the annotated rule in
the same file at or just before its row; an event without one (OPA's REST API leaves locations out)
is matched through the annotations the rule node itself carries (title and ``custom.clause``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from socialaid.annotations import RuleAnnotation

__all__ = [
    "IncomeGap",
    "TracedRule",
    "WhyNot",
    "explanation",
    "income_gap",
    "map_trace",
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
    """For a not_met finding whose facts hold ``per_capita_income`` and ``standard``: the fall in
    per-capita income needed to be below the standard (per-capita − standard + 0.01), and the
    household total (that × members)."""
    facts = finding.get("facts") or {}
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
        "parameters": sorted(decision.get("parameters") or [], key=lambda x: str(x.get("name"))),
        "why_not": [w.to_dict() for w in why_not(decision)],
        "clauses": decision.get("clauses") or {},
    }


# --- trace → clauses -------------------------------------------------------------------------


@dataclass(frozen=True)
class TracedRule:
    """One annotated rule that the evaluation entered, with its clause and how often."""

    path: str
    title: str
    clause: int | None
    file: str
    row: int
    events: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _norm(file: str) -> str:
    """A policy file name relative to the bundle root (``socialaid/dibao/dibao.rego``), whichever
    directory the policy was loaded from."""
    text = file.replace("\\", "/")
    if text.startswith("socialaid/"):
        return text
    marker = "/socialaid/"
    return text[text.index(marker) + 1 :] if marker in text else text.lstrip("/")


def _rule_path(path: str) -> str:
    """``data.pkg.rule`` without the variable key terms ``opa inspect`` renders for rules like ``x[m.id]``."""
    return path.split(".[", 1)[0]


def _location(event: dict[str, Any]) -> tuple[str, int] | None:
    loc = event.get("Location") or event.get("location")
    if not isinstance(loc, dict):
        node = event.get("Node") or event.get("node")
        loc = node.get("location") if isinstance(node, dict) else None
    if isinstance(loc, dict) and loc.get("file") and loc.get("row"):
        return _norm(str(loc["file"])), int(loc["row"])
    return None


def _rule_annotations(event: dict[str, Any]) -> list[dict[str, Any]]:
    node = event.get("Node") or event.get("node")
    if not isinstance(node, dict) or "head" not in node:
        return []
    anns = node.get("annotations") or []
    return [a for a in anns if isinstance(a, dict)]


def map_trace(events: list[dict[str, Any]], annotations: list[RuleAnnotation]) -> list[TracedRule]:
    """The annotated rules that the trace evaluated, each with its clause, in file/row order."""
    rules = [a for a in annotations if a.scope in {"rule", "document"}]
    by_file: dict[str, list[RuleAnnotation]] = {}
    for a in rules:
        by_file.setdefault(_norm(a.file), []).append(a)
    for anns in by_file.values():
        anns.sort(key=lambda a: a.row)
    by_title: dict[tuple[str, int | None], RuleAnnotation] = {(a.title, a.clause): a for a in rules}

    counts: dict[RuleAnnotation, int] = {}
    for event in events:
        found: RuleAnnotation | None = None
        loc = _location(event)
        if loc is not None:
            candidates = [a for a in by_file.get(loc[0], []) if a.row <= loc[1]]
            found = candidates[-1] if candidates else None
        else:
            for ann in _rule_annotations(event):
                clause = (ann.get("custom") or {}).get("clause")
                found = by_title.get((str(ann.get("title", "")), clause))
                if found:
                    break
        if found is not None:
            counts[found] = counts.get(found, 0) + 1
    return [
        TracedRule(path=_rule_path(a.path), title=a.title, clause=a.clause, file=_norm(a.file), row=a.row, events=n)
        for a, n in sorted(counts.items(), key=lambda kv: (kv[0].file, kv[0].row))
    ]
