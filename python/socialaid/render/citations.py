"""Turn a decision and its findings into lines a person reads: program lines, the decisive reasons,
and a citation for every finding (clause, the rule's title, what it found, and its basis — the plan's
words, a national document marked as such, or the project's reading). Pure functions: the words
come from :class:`socialaid.words.texts.Texts`, joined by rule id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from socialaid.words.messages import Lang, money, msg, outcome_word
from socialaid.words.texts import Texts

__all__ = [
    "Citation",
    "Lang",
    "MissingFact",
    "ProgramLine",
    "Reason",
    "backs",
    "citations",
    "decisive_reasons",
    "missing_facts",
    "program_lines",
    "unbacked",
]


@dataclass(frozen=True)
class Citation:
    program: str
    clause: int
    clause_title: str
    rule: str
    outcome: str
    outcome_code: str
    member_id: str | None
    message: str
    basis: str


@dataclass(frozen=True)
class ProgramLine:
    program: str
    name: str
    tier: str
    clause: int
    eligible: bool
    eligible_word: str
    amount: str  # money to the fen, or the aid in kind
    monthly_amount: float
    covered: str


@dataclass(frozen=True)
class Reason:
    program: str
    clause: int
    outcome: str
    member_id: str | None
    text: str
    rule: str = ""  # the decisive rule's id: its basis (the plan's words, a national article) by Texts.basis_text


@dataclass(frozen=True)
class MissingFact:
    pointer: str
    program: str
    rule: str
    assumption: str


def _sorted_programs(decision: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    programs = decision.get("programs") or {}
    return sorted(programs.items(), key=lambda kv: (int(kv[1].get("clause", 0)), kv[0]))


def program_lines(decision: dict[str, Any], texts: Texts, *, lang: Lang = "zh") -> list[ProgramLine]:
    """One line per program: name, tier, eligibility, the amount (or the aid in kind), members."""
    lines = []
    for pid, p in _sorted_programs(decision):
        amount = float(p.get("monthly_amount") or 0)
        if p.get("eligible") and amount == 0 and (p.get("in_kind") or "in_kind" not in p):
            shown = msg("in_kind", lang)  # which aid: in the reasons and --details
        elif p.get("eligible") and p.get("in_kind"):
            shown = f"{money(amount)} + {msg('in_kind', lang)}"
        else:
            shown = money(amount)
        tier = str(p.get("tier", ""))
        lines.append(
            ProgramLine(
                program=pid,
                name=texts.program_name(pid, lang, p),
                tier=texts.tier_name(tier, lang),
                clause=int(p.get("clause", 0)),
                eligible=bool(p.get("eligible")),
                eligible_word=msg("yes" if p.get("eligible") else "no", lang),
                amount=shown,
                monthly_amount=amount,
                covered=msg("list_sep", lang).join(p.get("covered_member_ids") or []) or "—",
            )
        )
    return lines


def _citation(f: dict[str, Any], texts: Texts, lang: Lang) -> Citation:
    clause = int(f.get("clause", 0))
    return Citation(
        program=str(f.get("program", "")),
        clause=clause,
        clause_title=texts.clause_title(clause, lang),
        rule=texts.rule_label(f, lang),
        outcome=outcome_word(str(f.get("outcome", "")), lang),
        outcome_code=str(f.get("outcome", "")),
        member_id=f.get("member_id"),
        message=texts.finding_text(f, lang),
        basis=texts.basis_text(f, lang),
    )


def citations(findings: list[dict[str, Any]], texts: Texts, *, lang: Lang = "zh") -> list[Citation]:
    """One citation per finding, ordered by program, clause, member and rule."""
    out = [_citation(f, texts, lang) for f in findings]
    return sorted(out, key=lambda c: (c.program, c.clause, c.member_id or "", c.rule, c.message))


def _weight(f: dict[str, Any]) -> tuple[int, int]:
    return (1 if f.get("member_id") else 0, -len(f.get("values") or {}))


def backs(finding: dict[str, Any], ref: dict[str, Any]) -> bool:
    """Whether a finding of the explanation shows a decisive rule: the same rule with the same outcome, or
    an informative finding (the figures) of a rule that was met."""
    return finding.get("rule") == ref.get("rule") and (
        finding.get("outcome") == ref.get("outcome")
        or (ref.get("outcome") == "met" and finding.get("outcome") == "info")
    )


def unbacked(programs: dict[str, Any], findings: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """The decisive rules (program, rule reference) that no finding shows: a reason line would fall back
    to the rule's bare title."""
    return [
        (pid, ref)
        for pid, program in programs.items()
        for ref in program.get("rules") or []
        if not any(backs(f, ref) for f in findings)
    ]


def decisive_reasons(
    decision: dict[str, Any],
    findings: list[dict[str, Any]],
    texts: Texts,
    *,
    lang: Lang = "zh",
    per_program: int = 2,
) -> list[Reason]:
    """The reasons that decided each program: up to ``per_program`` for one granted on
    household-level findings, one otherwise.

    A decision in the compact shape names its decisive rules (``programs[p].rules``); their findings
    give the values, else the rule's title stands alone. An older decision has only findings: the
    decisive ones are those with the program's outcome (met when eligible, not met when not),
    household-level first and the ones carrying the most figures first.
    """
    reasons: list[Reason] = []
    for pid, p in _sorted_programs(decision):
        wanted = "met" if p.get("eligible") else "not_met"
        own = [f for f in findings if f.get("program") == pid]
        decisive = p.get("rules")
        chosen: list[dict[str, Any]] = []
        if isinstance(decisive, list) and decisive:
            # a rule decided for several members: show the member who came closest (the most of this
            # program's findings met), e.g. the child who lacks only a statement of supporters for 特困
            met = Counter(f.get("member_id") for f in own if f.get("outcome") == "met" and f.get("member_id"))
            for ref in decisive:
                match = [f for f in own if backs(f, ref)]
                match.sort(key=lambda f: -met[f.get("member_id")] if f.get("member_id") else 0)
                chosen.extend(match[:1] or [{**ref, "program": pid}])
        else:
            chosen = sorted((f for f in own if f.get("outcome") == wanted), key=_weight)
        household_level = [f for f in chosen if not f.get("member_id")]
        limit = per_program if p.get("eligible") and len(household_level) >= per_program else 1
        for f in chosen[:limit]:
            reasons.append(
                Reason(
                    program=pid,
                    clause=int(f.get("clause", p.get("clause", 0))),
                    outcome=str(f.get("outcome", wanted)),
                    member_id=f.get("member_id"),
                    text=texts.finding_text(f, lang),
                    rule=str(f.get("rule", "")),
                )
            )
    return reasons


def missing_facts(decision: dict[str, Any]) -> list[MissingFact]:
    return [
        MissingFact(
            pointer=str(m.get("pointer", "")),
            program=str(m.get("program", "")),
            rule=str(m.get("rule", "")),
            assumption=str(m.get("assumption", "")),
        )
        for m in decision.get("missing_facts") or []
    ]
