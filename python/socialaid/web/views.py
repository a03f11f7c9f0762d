"""What the decision page and the notice show, built from the core's answer and the deciding revision's
words: program cards, decisive reasons with clause and basis, the missing facts as questions, every
finding grouped by program, the parameters, and what a what-if changed. Pure functions; the words come
from :class:`~socialaid.words.texts.Texts` and the message catalog, the reasons from
:mod:`socialaid.render.citations`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from socialaid.render.citations import decisive_reasons, missing_facts
from socialaid.web.form import field_label
from socialaid.words.messages import MESSAGES, Lang, msg, outcome_word
from socialaid.words.texts import Texts, format_value

if TYPE_CHECKING:
    from socialaid.analysis.whatif import DecisionDiff

__all__ = [
    "ChangeView",
    "CitationView",
    "MissingView",
    "ProgramView",
    "ReasonView",
    "change_views",
    "citation_groups",
    "member_names",
    "missing_views",
    "parameter_rows",
    "program_views",
    "yuan",
]


def yuan(value: float, lang: Lang) -> str:
    """``1847.2`` → ``1 847.20 元``: to the fen, thousands set apart by a no-break space."""
    return msg("web.yuan", lang, amount=f"{value:,.2f}".replace(",", "\u00a0"))


def member_names(request: dict[str, Any]) -> dict[str, str]:
    """Member id → the name the caseworker knows (the id when no name is given)."""
    members = (request.get("household") or {}).get("members") or []
    return {str(m.get("id")): str(m.get("name") or m.get("id")) for m in members if isinstance(m, dict)}


@dataclass(frozen=True)
class ReasonView:
    clause: int
    clause_no: str
    outcome: str
    outcome_word: str
    member: str
    text: str
    basis: str  # plan | national | reading
    basis_text: str


@dataclass(frozen=True)
class ProgramView:
    program: str
    name: str
    clause: int
    clause_no: str
    clause_label: str
    tier: str
    eligible: bool
    eligible_word: str
    amount: float
    amount_text: str
    in_kind: list[str]
    covered: list[str]
    reasons: list[ReasonView] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # the facts this program lacked, and what it did without


def _basis(texts: Texts, rule: str) -> str:
    return str((texts.rules.get(rule) or {}).get("basis") or "plan")


def _reason(
    texts: Texts,
    lang: Lang,
    names: dict[str, str],
    *,
    rule: str,
    clause: int,
    outcome: str,
    member_id: str | None,
    text: str,
) -> ReasonView:
    basis = _basis(texts, rule)
    return ReasonView(
        clause=clause,
        clause_no=msg("clause_no", lang, clause=clause),
        outcome=outcome,
        outcome_word=outcome_word(outcome, lang),
        member=names.get(member_id or "", member_id or ""),
        text=text,
        basis=basis,
        basis_text=texts.basis_text({"rule": rule, "clause": clause}, lang),
    )


def program_views(decision: dict[str, Any], request: dict[str, Any], texts: Texts, lang: Lang) -> list[ProgramView]:
    """Each program, eligible ones first then by clause: amount, aid in kind, members and its reasons."""
    names = member_names(request)
    findings = list(decision.get("findings") or [])
    reasons: dict[str, list[ReasonView]] = {}
    for r in decisive_reasons(decision, findings, texts, lang=lang):
        reasons.setdefault(r.program, []).append(
            _reason(
                texts, lang, names, rule=r.rule, clause=r.clause, outcome=r.outcome, member_id=r.member_id, text=r.text
            )
        )
    lacking: dict[str, list[str]] = {}
    for m in missing_views(decision, request, texts, lang):
        for pid in m.programs:
            lacking.setdefault(pid, []).append(msg("web.program_missing", lang, what=m.what, assumption=m.assumption))
    views = []
    for pid, p in (decision.get("programs") or {}).items():
        clause = int(p.get("clause", 0))
        eligible = bool(p.get("eligible"))
        amount = float(p.get("monthly_amount") or 0)
        views.append(
            ProgramView(
                program=pid,
                name=texts.program_name(pid, lang, p),
                clause=clause,
                clause_no=msg("clause_no", lang, clause=clause),
                clause_label=texts.clause_label(clause, lang),
                tier=texts.tier_name(str(p.get("tier", "")), lang),
                eligible=eligible,
                eligible_word=msg("web.eligible.yes" if eligible else "web.eligible.no", lang),
                amount=amount,
                amount_text=yuan(amount, lang),
                in_kind=[texts.aid_name(code, lang) for code in p.get("in_kind") or []] if eligible else [],
                covered=[names.get(m, m) for m in p.get("covered_member_ids") or []] if eligible else [],
                reasons=reasons.get(pid, []),
                missing=lacking.get(pid, []),
            )
        )
    return sorted(views, key=lambda v: (not v.eligible, v.clause, v.program))


@dataclass(frozen=True)
class MissingView:
    pointer: str
    anchor: str
    what: str
    assumption: str
    program: str
    rule: str
    programs: tuple[str, ...] = ()


def _fact_label(pointer: str, names: dict[str, str], request: dict[str, Any], lang: Lang) -> str:
    parts = pointer.split("/")
    label = field_label(pointer, lang)
    if len(parts) > 4 and parts[1:3] == ["household", "members"] and parts[3].isdigit():
        members = (request.get("household") or {}).get("members") or []
        index = int(parts[3])
        if index < len(members) and isinstance(members[index], dict):
            who = names.get(str(members[index].get("id")), str(members[index].get("id")))
            return f"{who} · {label}"
    return label


def missing_views(decision: dict[str, Any], request: dict[str, Any], texts: Texts, lang: Lang) -> list[MissingView]:
    """The facts not given, one question per pointer: what to ask, what the decision did without it, and
    which programs and rules needed it."""
    names = member_names(request)
    by_pointer: dict[str, list[Any]] = {}
    for m in missing_facts(decision):
        by_pointer.setdefault(m.pointer, []).append(m)
    out = []
    for pointer, facts in by_pointer.items():
        key = f"assumption.{facts[0].assumption}"
        done = msg(key, lang) if key in MESSAGES else facts[0].assumption
        out.append(
            MissingView(
                pointer=pointer,
                anchor="f" + pointer.replace("/", "."),
                what=_fact_label(pointer, names, request, lang),
                assumption=done,
                program=msg("list_sep", lang).join(dict.fromkeys(texts.program_name(m.program, lang) for m in facts)),
                rule=msg("list_sep", lang).join(dict.fromkeys(texts.rule_title(m.rule, lang) for m in facts)),
                programs=tuple(dict.fromkeys(m.program for m in facts)),
            )
        )
    return out


@dataclass(frozen=True)
class CitationView:
    clause_no: str
    rule: str
    outcome: str
    outcome_word: str
    member: str
    message: str
    basis: str
    basis_text: str


def citation_groups(
    decision: dict[str, Any], request: dict[str, Any], texts: Texts, lang: Lang
) -> list[tuple[str, list[CitationView]]]:
    """Every finding, by program (in the programs' clause order): clause, rule, outcome, what it found and
    its basis, each basis marked as the plan's words, a national rule or the project's reading."""
    names = member_names(request)
    programs = decision.get("programs") or {}
    order = sorted(programs, key=lambda k: (int(programs[k].get("clause", 0)), k))
    groups: dict[str, list[CitationView]] = {pid: [] for pid in order}
    rank = {"not_met": 0, "met": 1, "info": 2}
    findings = sorted(
        decision.get("findings") or [],
        key=lambda f: (rank.get(str(f.get("outcome")), 3), int(f.get("clause", 0)), str(f.get("member_id") or "")),
    )
    for f in findings:
        rule = str(f.get("rule", ""))
        basis = str(f.get("basis") or _basis(texts, rule))
        groups.setdefault(str(f.get("program", "")), []).append(
            CitationView(
                clause_no=msg("clause_no", lang, clause=f.get("clause", "")),
                rule=texts.rule_label(f, lang),
                outcome=str(f.get("outcome", "")),
                outcome_word=outcome_word(str(f.get("outcome", "")), lang),
                member=names.get(str(f.get("member_id") or ""), str(f.get("member_id") or "")),
                message=texts.finding_text(f, lang),
                basis=basis,
                basis_text=texts.basis_text(f, lang),
            )
        )
    return [(texts.program_name(pid, lang, programs.get(pid)), rows) for pid, rows in groups.items() if rows]


def parameter_rows(decision: dict[str, Any], texts: Texts, lang: Lang) -> list[dict[str, str]]:
    rows = []
    for p in decision.get("parameters_in_force") or []:
        name = str(p.get("name", ""))
        rows.append(
            {
                "name": name,
                "label": texts.parameter_label(name, lang),
                "value": format_value(p.get("value"), lang),
                "unit": str(p.get("unit", "")),
                "effective_from": str(p.get("effective_from", "")),
                "source": str(p.get("source", "")),
                "hypothetical": msg("param.hypothetical", lang) if p.get("hypothetical") else "",
            }
        )
    return rows


@dataclass(frozen=True)
class ChangeView:
    name: str
    clause_nos: str
    change: str
    before: str
    after: str
    delta: str
    findings: list[str]


def change_views(diff: DecisionDiff, texts: Texts, request: dict[str, Any], lang: Lang) -> list[ChangeView]:
    """The programs a what-if changed: before and after, the difference, and the findings that changed."""
    names = member_names(request)
    out = []
    for p in diff.changed:
        lines = []
        for f in p.findings:
            member = names.get(f.member_id or "", f.member_id or "")
            outcome, values = (f.after, f.values_after) if f.after is not None else (f.before, f.values_before)
            text = texts.finding_text({"rule": f.rule, "outcome": outcome, "values": values or {}}, lang)
            if f.change == "outcome":
                change = msg(
                    "flip", lang, before=outcome_word(f.before or "", lang), after=outcome_word(f.after or "", lang)
                )
            else:
                change = msg("figures" if f.change == "facts" else f.change, lang)
            who = f"{member} · " if member else ""
            lines.append(f"{msg('clause_no', lang, clause=f.clause)} {who}{change}{msg('colon', lang)}{text}")
        out.append(
            ChangeView(
                name=texts.program_name(p.program, lang, {"name": p.name}),
                clause_nos=msg("list_sep", lang).join(msg("clause_no", lang, clause=c) for c in p.clauses),
                change=msg(p.change, lang),
                before=yuan(p.amount_before, lang),
                after=yuan(p.amount_after, lang),
                delta=f"{p.delta:+,.2f}".replace(",", "\u00a0"),
                findings=lines,
            )
        )
    return out
