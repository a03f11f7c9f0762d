"""What changed between two decisions of one household: each program entered, left or changed in amount,
with the findings that appeared, disappeared, flipped or changed their figures. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["DecisionDiff", "FindingChange", "ProgramChange", "diff_decisions", "finding_changes", "total"]


@dataclass(frozen=True)
class FindingChange:
    """A finding that appeared, disappeared or changed between two decisions."""

    program: str
    rule: str
    clause: int
    quote: str
    member_id: str | None
    change: str  # added | removed | outcome | facts
    before: str | None  # outcome before
    after: str | None  # outcome after
    message_before: dict[str, str] | None
    message_after: dict[str, str] | None
    values_before: dict[str, Any] | None = None
    values_after: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ProgramChange:
    program: str
    name: dict[str, str]
    clause: int
    change: str  # entered | left | changed | unchanged
    eligible_before: bool
    eligible_after: bool
    amount_before: float
    amount_after: float
    findings: list[FindingChange]
    clauses: list[int]

    @property
    def delta(self) -> float:
        return round(self.amount_after - self.amount_before, 2)

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "findings"}
        return {**d, "delta": self.delta, "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True)
class DecisionDiff:
    programs: list[ProgramChange]
    total_before: float
    total_after: float
    hypothetical: bool

    @property
    def delta(self) -> float:
        return round(self.total_after - self.total_before, 2)

    @property
    def changed(self) -> list[ProgramChange]:
        return [p for p in self.programs if p.change != "unchanged"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "hypothetical": self.hypothetical,
            "total_before": self.total_before,
            "total_after": self.total_after,
            "delta": self.delta,
            "programs": [p.to_dict() for p in self.programs],
        }


def _key(f: dict[str, Any]) -> tuple[str, str, str]:
    return (str(f.get("program")), str(f.get("rule")), str(f.get("member_id") or ""))


def _by_key(decision: dict[str, Any]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for f in decision.get("findings") or []:
        out.setdefault(_key(f), []).append(f)
    return out


def _values(finding: dict[str, Any]) -> dict[str, Any]:
    """The numbers a finding compared."""
    return dict(finding.get("values") or {})


def finding_changes(before: dict[str, Any], after: dict[str, Any], program: str) -> list[FindingChange]:
    """How ``program``'s findings differ between two decisions, keyed by (rule, member)."""
    a = {k: v for k, v in _by_key(before).items() if k[0] == program}
    b = {k: v for k, v in _by_key(after).items() if k[0] == program}
    changes: list[FindingChange] = []
    for key in sorted(set(a) | set(b)):
        olds, news = a.get(key, []), b.get(key, [])
        old = olds[0] if olds else None
        new = news[0] if news else None
        ref = new or old
        assert ref is not None
        if old is None:
            change = "added"
        elif new is None:
            change = "removed"
        elif old.get("outcome") != new.get("outcome"):
            change = "outcome"
        elif _values(old) != _values(new) or len(olds) != len(news):
            change = "facts"
        else:
            continue
        changes.append(
            FindingChange(
                program=program,
                rule=key[1],
                clause=int(ref.get("clause", 0)),
                quote=str(ref.get("quote", "")),
                member_id=key[2] or None,
                change=change,
                before=old.get("outcome") if old else None,
                after=new.get("outcome") if new else None,
                message_before=old.get("message") if old else None,
                message_after=new.get("message") if new else None,
                values_before=_values(old) if old else None,
                values_after=_values(new) if new else None,
            )
        )
    return changes


def _amount(p: dict[str, Any] | None) -> float:
    return float(p.get("monthly_amount") or 0) if p else 0.0


def total(decision: dict[str, Any]) -> float:
    return round(sum(_amount(p) for p in (decision.get("programs") or {}).values()), 2)


def diff_decisions(before: dict[str, Any], after: dict[str, Any]) -> DecisionDiff:
    """Programs entered, left or changed in amount, with the findings and clauses that explain each."""
    pb, pa = before.get("programs") or {}, after.get("programs") or {}
    programs: list[ProgramChange] = []
    for pid in sorted(set(pb) | set(pa)):
        old, new = pb.get(pid), pa.get(pid)
        ref = new or old
        assert ref is not None
        eb, ea = bool(old and old.get("eligible")), bool(new and new.get("eligible"))
        ab, aa = _amount(old), _amount(new)
        if ea and not eb:
            change = "entered"
        elif eb and not ea:
            change = "left"
        elif round(aa - ab, 2) != 0:
            change = "changed"
        else:
            change = "unchanged"
        findings = finding_changes(before, after, pid) if change != "unchanged" else []
        clauses = sorted({int(ref.get("clause", 0))} | {f.clause for f in findings})
        programs.append(
            ProgramChange(
                program=pid,
                name=dict(ref.get("name") or {"zh": pid, "en": pid}),
                clause=int(ref.get("clause", 0)),
                change=change,
                eligible_before=eb,
                eligible_after=ea,
                amount_before=round(ab, 2),
                amount_after=round(aa, 2),
                findings=findings,
                clauses=clauses,
            )
        )
    return DecisionDiff(
        programs=programs,
        total_before=total(before),
        total_after=total(after),
        hypothetical=bool(before.get("hypothetical") or after.get("hypothetical")),
    )
