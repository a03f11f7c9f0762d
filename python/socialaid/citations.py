"""Turn a decision's findings into citations: clause number and title, the plan's own words, and
what the rule found. Pure functions — no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["Citation", "Lang", "ProgramLine", "citations", "program_lines"]

Lang = Literal["zh", "en"]

_OUTCOME = {
    "zh": {"met": "符合", "not_met": "不符合", "info": "说明"},
    "en": {"met": "met", "not_met": "not met", "info": "info"},
}
_YES = {"zh": ("是", "否"), "en": ("yes", "no")}


@dataclass(frozen=True)
class Citation:
    program: str
    clause: int
    clause_title: str
    rule: str
    outcome: str
    member_id: str | None
    message: str
    quote: str
    authority: str | None


@dataclass(frozen=True)
class ProgramLine:
    program: str
    name: str
    tier: str
    clause: int
    eligible: str
    monthly_amount: str
    covered: str


def _title(decision: dict[str, Any], clause: int, lang: Lang) -> str:
    entry = (decision.get("clauses") or {}).get(str(clause), {})
    return str(entry.get("title", {}).get(lang, ""))


def citations(decision: dict[str, Any], *, lang: Lang = "zh") -> list[Citation]:
    """One citation per finding, ordered by program, clause, member and rule."""
    out = [
        Citation(
            program=f["program"],
            clause=int(f["clause"]),
            clause_title=_title(decision, int(f["clause"]), lang),
            rule=f["rule"],
            outcome=_OUTCOME[lang].get(f["outcome"], f["outcome"]),
            member_id=f.get("member_id"),
            message=f["message"][lang],
            quote=f["quote"],
            authority=f.get("authority"),
        )
        for f in decision.get("findings") or []
    ]
    return sorted(out, key=lambda c: (c.program, c.clause, c.member_id or "", c.rule, c.message))


def program_lines(decision: dict[str, Any], *, lang: Lang = "zh") -> list[ProgramLine]:
    """One line per program: name, tier, eligibility, monthly amount and members covered."""
    lines = []
    for key in sorted(decision.get("programs") or {}, key=lambda k: (decision["programs"][k]["clause"], k)):
        p = decision["programs"][key]
        lines.append(
            ProgramLine(
                program=key,
                name=p["name"][lang],
                tier=p["tier_name"][lang],
                clause=int(p["clause"]),
                eligible=_YES[lang][0] if p["eligible"] else _YES[lang][1],
                monthly_amount=f"{p['monthly_amount']:.2f}",
                covered=", ".join(p.get("covered_member_ids") or []) or "—",
            )
        )
    return lines
