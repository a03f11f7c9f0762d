"""Show a decision to a person (summary first, every finding on request) or to a program (JSON).

Every word comes from the message catalog (:mod:`socialaid.words.messages`) or from the rules' METADATA in
the bundle (:mod:`socialaid.words.texts`), in one language at a time. Money is printed to the fen and its
column never shrinks.
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from socialaid.render.citations import citations, decisive_reasons, missing_facts, program_lines
from socialaid.words.messages import Lang, money, msg
from socialaid.words.texts import Texts

__all__ = ["decision_json", "print_decision", "print_findings", "print_missing", "print_summary"]

_STYLE = {"met": "green", "not_met": "red"}


def decision_json(decision: dict[str, Any]) -> str:
    return json.dumps(decision, ensure_ascii=False, indent=2, sort_keys=True)


def _member(member_id: str | None) -> str:
    return f"[{member_id}] " if member_id else ""


def print_summary(
    console: Console,
    decision: dict[str, Any],
    texts: Texts,
    *,
    lang: Lang = "zh",
    findings: list[dict[str, Any]] | None = None,
) -> None:
    """The answer in a screen: each program with eligibility, amount or aid in kind, members; then
    the one or two decisive reasons per program, each with its clause; then facts not given."""
    if decision.get("hypothetical"):
        console.print(f"[bold yellow]{msg('hypothetical', lang)}[/]")
    found = findings if findings is not None else list(decision.get("findings") or [])
    caption = msg("as_of", lang, as_of=decision.get("as_of"), revision=decision.get("bundle_revision"))
    if decision.get("decision_id"):
        caption += " · " + msg("decision_id", lang, decision_id=decision["decision_id"])
    table = Table(title=f"{msg('summary', lang)} · {caption}", box=None, pad_edge=False, header_style="bold underline")
    table.add_column(msg("program", lang), no_wrap=True, overflow="ellipsis", max_width=24)
    table.add_column(msg("clause", lang), justify="right", no_wrap=True)
    table.add_column(msg("eligible", lang), no_wrap=True)
    lines = program_lines(decision, texts, lang=lang)
    width = max([len(line.amount) for line in lines if line.amount[:1].isdigit()] + [9])
    table.add_column(msg("amount", lang), justify="right", no_wrap=True, min_width=width)
    table.add_column(msg("covered", lang), overflow="fold")
    total = 0.0
    for line in lines:
        style = "green" if line.eligible else "dim"
        table.add_row(
            line.name,
            str(line.clause),
            f"[{style}]{line.eligible_word}[/]",
            escape(line.amount),
            escape(line.covered) if line.eligible else "",
        )
        total += line.monthly_amount
    table.add_row(f"[bold]{msg('total', lang)}[/]", "", "", f"[bold]{money(round(total, 2))}[/]", "")
    console.print(table)
    # One line per reason (the text is cut at the screen's edge; --details shows it whole), so that
    # the whole answer fits on one screen.
    reasons = Table(
        title=f"{msg('reasons', lang)} {msg('more', lang, n=len(found))}",
        title_justify="left",
        box=None,
        show_header=False,
        pad_edge=False,
        expand=True,
    )
    reasons.add_column(no_wrap=True, min_width=9)
    reasons.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
    names = {line.program: line.name for line in lines}
    for r in decisive_reasons(decision, found, texts, lang=lang):
        mark = "[green]✓[/]" if r.outcome == "met" else "[red]✗[/]" if r.outcome == "not_met" else "·"
        reasons.add_row(
            f"{mark} {msg('clause_no', lang, clause=r.clause)}",
            escape(f"{names.get(r.program, r.program)}{msg('colon', lang)}{_member(r.member_id)}{r.text}"),
        )
    console.print(reasons)
    facts = missing_facts(decision)
    if facts:
        pointers = msg("list_sep", lang).join(dict.fromkeys(m.pointer for m in facts))
        short = Table(box=None, show_header=False, pad_edge=False, expand=True)
        short.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
        short.add_row(escape(msg("missing_short", lang, n=len(facts), pointers=pointers)))
        console.print(short)


def print_missing(console: Console, decision: dict[str, Any], texts: Texts, lang: Lang) -> None:
    """Facts not given, one line each: where, which program and rule, and what was done without them."""
    facts = missing_facts(decision)
    if not facts:
        return
    table = Table(
        title=msg("missing_facts", lang), title_justify="left", box=None, show_header=False, pad_edge=False, expand=True
    )
    table.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
    for m in facts:
        key = f"assumption.{m.assumption}"
        done = msg(key, lang) if key in _assumptions() else m.assumption
        sep = msg("colon", lang)
        table.add_row(
            escape(
                f"· {m.pointer} — {done}{sep}{texts.program_name(m.program, lang)}, {texts.rule_title(m.rule, lang)}"
            )
        )
    console.print(table)


def _assumptions() -> set[str]:
    from socialaid.words.messages import MESSAGES

    return {k for k in MESSAGES if k.startswith("assumption.")}


def print_findings(console: Console, findings: list[dict[str, Any]], texts: Texts, *, lang: Lang = "zh") -> None:
    """Every finding: clause, rule, member, outcome, what it found, and its basis."""
    table = Table(title=msg("findings", lang), show_lines=True)
    for col in ("clause", "rule", "outcome", "finding", "quote"):
        table.add_column(msg(col, lang), overflow="fold")
    for c in citations(findings, texts, lang=lang):
        style = _STYLE.get(c.outcome_code, "")
        table.add_row(
            f"{c.clause} {c.clause_title}",
            escape(c.rule),
            f"[{style}]{c.outcome}[/]" if style else c.outcome,
            escape(_member(c.member_id) + c.message),
            escape(c.basis),
        )
    console.print(table)


def print_decision(
    console: Console,
    decision: dict[str, Any],
    texts: Texts,
    *,
    lang: Lang = "zh",
    details: bool = False,
    findings: list[dict[str, Any]] | None = None,
) -> None:
    """The summary; with ``details``, every finding and its basis after it."""
    found = findings if findings is not None else list(decision.get("findings") or [])
    print_summary(console, decision, texts, lang=lang, findings=found)
    if details:
        print_findings(console, found, texts, lang=lang)
        print_missing(console, decision, texts, lang)
