"""Show a decision to a person (rich tables) or to a program (JSON)."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from socialaid.citations import Lang, citations, program_lines
from socialaid.errors import FieldError

__all__ = ["decision_json", "print_decision", "print_field_errors"]

_HEAD = {
    "zh": {
        "programs": "救助项目",
        "program": "项目",
        "tier": "层次",
        "clause": "条款",
        "eligible": "符合",
        "amount": "月金额（元）",
        "covered": "保障成员",
        "findings": "认定理由与依据",
        "rule": "规则",
        "outcome": "结论",
        "member": "成员",
        "finding": "认定",
        "quote": "方案原文",
        "params": "所用参数",
        "hypothetical": "注意：本决定使用了请求中的假设参数，仅供测算",
        "total": "合计",
    },
    "en": {
        "programs": "Programs",
        "program": "Program",
        "tier": "Tier",
        "clause": "Clause",
        "eligible": "Eligible",
        "amount": "Monthly (CNY)",
        "covered": "Covered",
        "findings": "Findings and citations",
        "rule": "Rule",
        "outcome": "Outcome",
        "member": "Member",
        "finding": "Finding",
        "quote": "The plan's words",
        "params": "Parameters used",
        "hypothetical": "NOTE: hypothetical — this decision uses parameters overridden in the request",
        "total": "Total",
    },
}


def decision_json(decision: dict[str, Any]) -> str:
    return json.dumps(decision, ensure_ascii=False, indent=2, sort_keys=True)


def print_decision(console: Console, decision: dict[str, Any], *, lang: Lang = "zh") -> None:
    h = _HEAD[lang]
    if decision.get("hypothetical"):
        console.print(f"[bold yellow]{h['hypothetical']}[/]")
    caption = f"as_of {decision.get('as_of')} · bundle {decision.get('bundle_revision')}"
    programs = Table(title=h["programs"], caption=caption, show_lines=False)
    for col in ("program", "tier", "clause", "eligible", "amount", "covered"):
        programs.add_column(h[col], justify="right" if col in {"amount", "clause"} else "left")
    total = 0.0
    for line in program_lines(decision, lang=lang):
        programs.add_row(line.name, line.tier, str(line.clause), line.eligible, line.monthly_amount, line.covered)
        total += float(line.monthly_amount)
    programs.add_row(f"[bold]{h['total']}[/]", "", "", "", f"[bold]{total:.2f}[/]", "")
    console.print(programs)

    findings = Table(title=h["findings"], show_lines=True)
    for col in ("clause", "rule", "member", "outcome", "finding", "quote"):
        findings.add_column(h[col], overflow="fold")
    for c in citations(decision, lang=lang):
        style = {"符合": "green", "met": "green", "不符合": "red", "not met": "red"}.get(c.outcome, "")
        clause = f"{c.clause} {c.clause_title}"
        quote = f"“{c.quote}”" + (f"\n[{c.authority}]" if c.authority else "")
        findings.add_row(
            clause,
            c.rule,
            c.member_id or "",
            f"[{style}]{c.outcome}[/]" if style else c.outcome,
            c.message,
            quote,
        )
    console.print(findings)


def print_field_errors(console: Console, errors: list[FieldError], *, title: str) -> None:
    table = Table(title=title)
    table.add_column("pointer")
    table.add_column("problem", overflow="fold")
    table.add_column("expected", overflow="fold")
    for e in errors:
        table.add_row(e.pointer or "/", e.problem, e.expected)
    console.print(table)
