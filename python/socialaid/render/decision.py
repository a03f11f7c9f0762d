"""Show a decision to a person (summary first, every finding on request) or to a program (JSON).

Every word comes from the message catalog (:mod:`socialaid.words.messages`) or from the rules' METADATA in
the bundle (:mod:`socialaid.words.texts`), in one language at a time. Lines go through a
:class:`~socialaid.render.screen.Screen`: they fit the terminal without cutting a number, an id or a
word, and into a pipe each is written whole. Money is printed to the fen, right-aligned with its unit.
"""

from __future__ import annotations

import json
from typing import Any

from socialaid.render.citations import citations, decisive_reasons, missing_facts, program_lines
from socialaid.render.screen import Screen
from socialaid.words.fields import field_words
from socialaid.words.messages import MESSAGES, Lang, money, msg
from socialaid.words.texts import Texts

__all__ = [
    "decision_json",
    "missing_lines",
    "print_decision",
    "print_findings",
    "print_missing",
    "print_summary",
    "with_unit",
]


def decision_json(decision: dict[str, Any]) -> str:
    return json.dumps(decision, ensure_ascii=False, indent=2, sort_keys=True)


def with_unit(amount: float, lang: Lang) -> str:
    """``1847.20 元`` / ``1847.20 CNY``."""
    return msg("yuan", lang, amount=money(round(amount, 2)))


def _member(member_id: str | None) -> str:
    return f"[{member_id}] " if member_id else ""


def _mark(outcome: str) -> str:
    return {"met": "✓", "not_met": "✗"}.get(outcome, "·")


def print_summary(
    screen: Screen,
    decision: dict[str, Any],
    texts: Texts,
    *,
    lang: Lang = "zh",
    findings: list[dict[str, Any]] | None = None,
    member_ids: list[str] | None = None,
) -> None:
    """The answer in a screen: each program with eligibility, amount or aid in kind, members; then
    the one or two decisive reasons per program, each with its clause; then facts not given."""
    if decision.get("hypothetical"):
        screen.line(msg("hypothetical", lang))
    found = findings if findings is not None else list(decision.get("findings") or [])
    caption = msg("as_of", lang, as_of=decision.get("as_of"), revision=decision.get("bundle_revision"))
    if decision.get("decision_id"):
        caption += " · " + msg("decision_id", lang, decision_id=decision["decision_id"])
    screen.line(f"{msg('summary', lang)} · {caption}")
    lines = program_lines(decision, texts, lang=lang)
    rows = []
    total = 0.0
    for line in lines:
        amount = with_unit(line.monthly_amount, lang) if line.amount[:1].isdigit() else line.amount
        if line.amount[:1].isdigit() and not line.amount.replace(".", "").isdigit():  # cash + aid in kind
            amount = f"{with_unit(line.monthly_amount, lang)} + {msg('in_kind', lang)}"
        name = msg("program_line", lang, name=line.name, clause=line.clause)
        if line.eligible and line.covered != "—":
            name += " · " + msg("covered_by", lang, ids=line.covered)
        rows.append([line.eligible_word, amount, name])
        total += line.monthly_amount
    rows.append(["", with_unit(total, lang), msg("total", lang)])
    screen.table(
        rows, header=[msg("eligible", lang), msg("amount_col", lang), msg("program", lang)], right=[1], wrap_last=True
    )
    sep = "" if lang == "zh" else " "
    screen.heading(f"{msg('reasons', lang)}{sep}{msg('more', lang, n=len(found))}")
    names = {line.program: line.name for line in lines}
    for r in decisive_reasons(decision, found, texts, lang=lang):
        text = f"{names.get(r.program, r.program)}{msg('colon', lang)}{_member(r.member_id)}{r.text}"
        screen.line(f"{_mark(r.outcome)} {msg('clause_no', lang, clause=r.clause)} {text}", hang="  ")
    facts = missing_facts(decision)
    if facts:
        programs = decision.get("programs") or {}
        resting = [
            texts.program_name(m.program, lang)
            for m in facts
            if m.rule in {str(r.get("rule")) for r in (programs.get(m.program) or {}).get("rules") or []}
        ]
        joined = msg("list_sep", lang).join(dict.fromkeys(resting)) or msg("nobody", lang)
        screen.line("")
        screen.line(msg("missing.summary", lang, n=len(facts), programs=joined))


def _assumption(code: str, lang: Lang) -> str:
    key = f"assumption.{code}"
    return msg(key, lang) if key in MESSAGES else code


def missing_lines(
    decision: dict[str, Any], texts: Texts, lang: Lang, *, short: bool = False, member_ids: list[str] | None = None
) -> list[str]:
    """Each fact not given in words: the field, what the decision did without it, and whether the decision
    says an outcome rests on it (the rule that needed it is a decisive rule of its program). ``short``
    leaves the pointer out (it is in --details and JSON)."""
    programs = decision.get("programs") or {}
    out = []
    for m in missing_facts(decision):
        program = programs.get(m.program) or {}
        decisive = {str(r.get("rule")) for r in program.get("rules") or []}
        name = texts.program_name(m.program, lang)
        effect = msg("missing.decides" if m.rule in decisive else "missing.not_decisive", lang, program=name)
        assumption = f"{_assumption(m.assumption, lang)}{msg('list_sep', lang)}{effect}"
        field = field_words(m.pointer, lang, member_ids=member_ids)
        key = "missing.short" if short else "missing.line"
        out.append(msg(key, lang, field=field, pointer=m.pointer, assumption=assumption))
    return list(dict.fromkeys(out))


def print_missing(
    screen: Screen, decision: dict[str, Any], texts: Texts, lang: Lang, *, member_ids: list[str] | None = None
) -> None:
    """Facts not given, one line each: the field, what was done without it, whether an outcome rests on it."""
    lines = missing_lines(decision, texts, lang, member_ids=member_ids)
    if not lines:
        return
    screen.heading(msg("missing_facts", lang))
    for text in lines:
        screen.line(text, hang="  ")


def print_findings(screen: Screen, findings: list[dict[str, Any]], texts: Texts, *, lang: Lang = "zh") -> None:
    """Every finding: clause, rule, member, outcome, what it found, and its basis — a block each."""
    screen.heading(msg("findings", lang))
    for c in citations(findings, texts, lang=lang):
        screen.line(
            f"{_mark(c.outcome_code)} {msg('clause_no', lang, clause=c.clause)} {c.rule} · {c.outcome}", hang="  "
        )
        screen.line(_member(c.member_id) + c.message, indent="  ")
        if c.basis:
            screen.line(f"{msg('quote', lang)}{msg('colon', lang)}{c.basis}", indent="  ", hang="    ")


def print_decision(
    screen: Screen,
    decision: dict[str, Any],
    texts: Texts,
    *,
    lang: Lang = "zh",
    details: bool = False,
    findings: list[dict[str, Any]] | None = None,
    member_ids: list[str] | None = None,
) -> None:
    """The summary; with ``details``, every finding and its basis after it, and the facts not given
    with their pointers."""
    found = findings if findings is not None else list(decision.get("findings") or [])
    print_summary(screen, decision, texts, lang=lang, findings=found, member_ids=member_ids)
    if details:
        print_findings(screen, found, texts, lang=lang)
        print_missing(screen, decision, texts, lang, member_ids=member_ids)
