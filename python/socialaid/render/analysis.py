"""The analysis screens: explain (the decision first, then why not, then the working), what-if and sweep.

Pure rendering onto a :class:`~socialaid.render.screen.Screen` from what the core returned: the
explanation's findings, the diff of two explanations, a sweep's points and cliffs. Every word comes from
the message catalog or the rules' METADATA, in one language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from socialaid.render.decision import print_missing, print_summary, with_unit
from socialaid.render.screen import Screen
from socialaid.words.fields import field_words
from socialaid.words.lang import foreign, unit_word
from socialaid.words.messages import Lang, money, msg, outcome_word
from socialaid.words.texts import Texts, format_value

if TYPE_CHECKING:
    from socialaid.analysis.explain import TracedRule, WhyNot
    from socialaid.analysis.sweep import SweepResult
    from socialaid.analysis.whatif import DecisionDiff, FindingChange, Variant

__all__ = [
    "change_words",
    "print_diff",
    "print_explanation",
    "print_sweep",
    "print_whatif",
    "print_why_not",
    "source_words",
]


def _mark(outcome: str | None) -> str:
    return {"met": "✓", "not_met": "✗"}.get(outcome or "", "·")


def source_words(source: str, lang: Lang, zh: str | None = None) -> str:
    """A parameter's recorded source in ``lang``: under zh its Chinese rendering ``zh`` (``source_zh`` in
    the parameter data) when there is one; else under en the glossary's terms in English and the Chinese
    words it quotes left out, under zh its clause numbers as 第N条. A source with no text in ``lang`` is
    named as recorded in the other language only."""
    import re

    from socialaid.words.lang import in_lang, zh_joined

    if lang == "zh" and zh and zh.strip():
        shown = zh_joined(zh).strip()
    elif lang == "en":
        shown = re.sub(r"\s*[（(][^()（）]*[\u4e00-\u9fff][^()（）]*[)）]", "", in_lang(source, lang))
    else:
        shown = re.sub(
            r"\bclauses? (\d+(?:, \d+)*)",
            lambda m: "第" + "、".join(m.group(1).split(", ")) + "条",
            source,
        )
    shown = shown.strip(" ;,")
    return msg("source_other", lang) if not shown or foreign(shown, lang) else shown


# --- why not -------------------------------------------------------------------------------------


def print_why_not(screen: Screen, items: list[WhyNot], words: Texts, lang: Lang, decision: dict[str, Any]) -> None:
    """Each program not granted: the decisive rules not met (the change that would flip it names them),
    and for an income test the fall in income that would meet it."""
    if not items:
        return
    screen.heading(msg("why_not", lang))
    programs = decision.get("programs") or {}
    for w in items:
        screen.line(msg("program_line", lang, name=words.program_name(w.program, lang), clause=w.clause))
        decisive = {
            (str(r.get("rule")), str(r.get("outcome"))) for r in (programs.get(w.program) or {}).get("rules") or []
        }
        shown = [f for f in w.reasons if (str(f.get("rule")), str(f.get("outcome"))) in decisive] or w.reasons[:1]
        for f in shown:
            member = f"[{f['member_id']}] " if f.get("member_id") else ""
            screen.line(f"✗ {member}{words.finding_text(f, lang)}", indent="  ", hang="    ")
        if not shown and not w.income_gaps:
            screen.line(msg("no_findings", lang), indent="  ")
        for g in w.income_gaps:
            text = msg("need_fall", lang, pc=g.per_capita_fall, hh=g.household_fall, n=g.members, std=g.standard)
            screen.line(f"→ {msg('nearest_change', lang)}{msg('colon', lang)}{text}", indent="  ", hang="    ")


# --- explain -------------------------------------------------------------------------------------


def print_explanation(
    screen: Screen,
    decision: dict[str, Any],
    doc: dict[str, Any],
    words: Texts,
    lang: Lang,
    *,
    member_ids: list[str] | None = None,
    trace: list[TracedRule] | None = None,
) -> None:
    """The decision and its decisive reasons; why not, with the nearest change; then the working: each
    program's findings (programs with none are named once, not drawn empty), the parameters this decision
    used, the facts not given; with ``trace``, rule by rule."""
    from socialaid.analysis.explain import why_not

    findings = list(decision.get("findings") or [])
    print_summary(screen, decision, words, lang=lang, findings=findings, member_ids=member_ids)
    print_why_not(screen, why_not(decision), words, lang, decision)
    screen.heading(msg("working", lang))
    empty = []
    for pid, p in doc["programs"].items():
        own = [*p["met"], *p["not_met"], *p["info"]]
        name = words.program_name(pid, lang)
        if not own:
            empty.append(msg("program_line", lang, name=name, clause=p["clause"]))
            continue
        state = msg("met" if p["eligible"] else "not_met", lang)
        screen.line("")
        screen.line(msg("findings_of", lang, name=name, clause=p["clause"], state=state))
        for outcome in ("met", "not_met", "info"):
            for f in p[outcome]:
                member = f"[{f['member_id']}] " if f.get("member_id") else ""
                screen.line(f"{_mark(outcome)} {member}{words.finding_text(f, lang)}", indent="  ", hang="    ")
                basis = words.basis_text(f, lang)
                if basis:
                    screen.line(f"{msg('quote', lang)}{msg('colon', lang)}{basis}", indent="    ", hang="      ")
    if empty:
        screen.line("")
        screen.line(f"{msg('no_findings', lang)}{msg('colon', lang)}{msg('list_sep', lang).join(empty)}")
    _print_parameters(screen, decision, words, lang)
    print_missing(screen, decision, words, lang, member_ids=member_ids)
    if trace is not None:
        _print_trace(screen, trace, words, lang)


def _used(decision: dict[str, Any]) -> list[dict[str, Any]]:
    """The parameters this decision used: those its ``parameters`` name (the date-dependent ones and any
    override), with their entries from ``parameters_in_force``."""
    named = {f"{g}.{n}" for g, entries in (decision.get("parameters") or {}).items() for n in entries or {}}
    entries = {str(p.get("name")): p for p in decision.get("parameters_in_force") or []}
    return [entries.get(name) or {"name": name} for name in sorted(named)]


def _print_parameters(screen: Screen, decision: dict[str, Any], words: Texts, lang: Lang) -> None:
    used = _used(decision)
    if not used:
        return
    screen.heading(msg("params", lang))
    for prm in used:
        name = str(prm.get("name"))
        marker = msg("param.hypothetical", lang) if prm.get("hypothetical") else ""
        value = f"{format_value(prm.get('value'), lang)} {unit_word(str(prm.get('unit', '')), lang)}".strip()
        since = msg("param.since", lang, date=prm.get("effective_from", "—"))
        screen.line(
            f"· {words.parameter_label(name, lang)}{marker}{msg('colon', lang)}{value}，{since}"
            if lang == "zh"
            else f"· {words.parameter_label(name, lang)}{marker}: {value}, {since}",
            hang="  ",
        )
        if prm.get("source"):
            screen.line(
                f"{msg('param.source', lang)}{msg('colon', lang)}"
                f"{source_words(str(prm['source']), lang, prm.get('source_zh'))}",
                indent="  ",
                hang="    ",
            )


def _print_trace(screen: Screen, trace: list[TracedRule], words: Texts, lang: Lang) -> None:
    screen.heading(msg("trace", lang))
    for r in trace:
        member = f" [{r.member_id}]" if r.member_id else ""
        title = words.rule_label({"rule": r.rule}, lang) or words.program_name(r.program, lang)
        clause = msg("clause_no", lang, clause=r.clause) if r.clause is not None else "—"
        screen.line(f"{_mark(r.outcome)} {clause} {title}{member} · {outcome_word(r.outcome, lang)}", hang="  ")
        # the values by their codes (as in JSON): the trace is the working, not the reasons
        values = "; ".join(f"{k}={format_value(words.words_for(v, lang), lang)}" for k, v in sorted(r.values.items()))
        if values:
            screen.line(values, indent="  ", hang="  ")


# --- what-if -------------------------------------------------------------------------------------


def change_words(variant: Variant, words: Texts, lang: Lang, member_ids: list[str] | None = None) -> list[str]:
    """What a variant changes, in words: ``成员 father 的月收入 = 1500``, ``城市低保标准 = 850``."""
    from socialaid.analysis.whatif import parse_path, pointer

    out = [
        f"{field_words(pointer(parse_path(path)), lang, member_ids=member_ids)} = {format_value(value, lang)}"
        for path, value in variant.sets
    ]
    out += [
        msg("whatif.param", lang, label=words.parameter_label(f"{g}.{n}", lang), value=format_value(v, lang))
        for g, n, v in variant.params
    ]
    return out


def _flip_text(f: FindingChange, words: Texts, lang: Lang) -> str:
    rule = words.rule_label({"rule": f.rule}, lang)
    member = f" [{f.member_id}]" if f.member_id else ""
    if f.change == "facts":
        change = msg("figures", lang)
    elif f.change in {"added", "removed"}:
        change = msg(f.change, lang)
    else:
        change = msg(
            "flip",
            lang,
            before=outcome_word(f.before or "", lang) or "—",
            after=outcome_word(f.after or "", lang) or "—",
        )
    outcome, values = (f.after, f.values_after) if f.after is not None else (f.before, f.values_before)
    message = words.finding_text({"rule": f.rule, "outcome": outcome, "values": values}, lang)
    head = f"{rule}{member}{msg('colon', lang)}{change}"
    return f"{head}{msg('colon', lang)}{message}" if message and message != rule else head


def print_diff(screen: Screen, title: str, diff: DecisionDiff, words: Texts, lang: Lang) -> None:
    """Each program that entered, left or changed: before → after with the unit, the difference, the
    findings that changed."""
    screen.heading(title)
    rows = []
    for p in diff.changed:
        rows.append(
            [
                msg(p.change, lang),
                with_unit(p.amount_before, lang),
                "→",
                with_unit(p.amount_after, lang),
                f"{p.delta:+.2f}",
                msg("program_line", lang, name=words.program_name(p.program, lang), clause=p.clause),
            ]
        )
    rows.append(
        [
            "",
            with_unit(diff.total_before, lang),
            "→",
            with_unit(diff.total_after, lang),
            f"{diff.delta:+.2f}",
            msg("total", lang),
        ]
    )
    screen.table(rows, right=[1, 3, 4], wrap_last=True)
    for p in diff.changed:
        if p.findings:
            screen.line(msg("program_line", lang, name=words.program_name(p.program, lang), clause=p.clause))
        for f in p.findings:
            screen.line(f"· {_flip_text(f, words, lang)}", indent="  ", hang="    ")


def print_whatif(
    screen: Screen,
    results: list[tuple[Variant, dict[str, Any], DecisionDiff, list[WhyNot]]],
    words: Texts,
    lang: Lang,
    *,
    member_ids: list[str] | None = None,
) -> None:
    """Each variant: what it changes in words (marked hypothetical when it overrides parameters), the
    programs that changed, and why not."""
    from socialaid.analysis.whatif import CLI_VARIANT

    for v, d, diff, wn in results:
        if d.get("hypothetical"):
            screen.line(msg("hypothetical", lang))
        name = msg("whatif.cli", lang) if v.name == CLI_VARIANT else msg("whatif.variant", lang, name=v.name)
        changes = msg("list_sep", lang).join(change_words(v, words, lang, member_ids))
        print_diff(screen, f"{name}{msg('colon', lang)}{changes}", diff, words, lang)
        print_why_not(screen, wn, words, lang, d)


# --- sweep ---------------------------------------------------------------------------------------


def print_sweep(
    screen: Screen,
    result: SweepResult,
    words: Texts,
    lang: Lang,
    *,
    axis: str,
    show_zero: bool,
    all_rows: bool,
) -> None:
    """The sweep's points (ends and around each cliff, or all), each program's amount with its unit, and
    each exact cliff with the findings that flip there."""
    from socialaid.analysis.sweep import shown_programs, table_rows

    if result.hypothetical:
        screen.line(msg("hypothetical", lang))
    programs = shown_programs(result, show_zero=show_zero)
    names = {pid: words.program_name(pid, lang) for pid in result.programs}
    n = len(result.points)
    rows = result.points if all_rows else table_rows(result)
    screen.line(msg("sweep_title", lang, path=axis, n=n))
    header = [msg("sweep_value", lang), *[names[p] for p in programs], msg("total", lang)]
    body = []
    for p in rows:
        cells = [money(p.amounts.get(pid, 0)) if p.eligible.get(pid) else "—" for pid in programs]
        body.append([format_value(p.value, lang), *cells, money(p.total)])
    screen.table(body, header=header, right=list(range(len(header))))
    if len(rows) < n:
        screen.line(msg("sweep_rows", lang, shown=len(rows), n=n))
    kind = [
        names[p] for p in sorted(result.programs) if p not in programs and any(x.eligible.get(p) for x in result.points)
    ]
    never = [
        names[p]
        for p in sorted(result.programs)
        if p not in programs and p not in {q for q in result.programs if any(x.eligible.get(q) for x in result.points)}
    ]
    if kind:
        screen.line(msg("sweep_kind_bands", lang, names=msg("list_sep", lang).join(kind)))
    if never:
        screen.line(msg("sweep_kind_none", lang, names=msg("list_sep", lang).join(never)))
    if not result.cliffs:
        return
    screen.heading(msg("cliffs", lang))
    for c in result.cliffs:
        before = _side(c.before, c.eligible_before, c.amount_before, lang)
        after = _side(c.at, c.eligible_after, c.amount_after, lang)
        clauses = msg("list_sep", lang).join(msg("clause_no", lang, clause=k) for k in c.clauses)
        screen.line(
            f"{names.get(c.program, c.program)}（{clauses}）"
            if lang == "zh"
            else f"{names.get(c.program, c.program)} ({clauses})"
        )
        screen.line(f"{before} → {after}", indent="  ", hang="    ")
        flips = [f for f in c.flips if f.change == "outcome"] or c.flips[:3]
        for f in flips:
            screen.line(f"· {_flip_text(f, words, lang)}", indent="  ", hang="    ")


def _side(value: float | int, eligible: bool, amount: float, lang: Lang) -> str:
    return f"{format_value(value, lang)}: {_mark('met' if eligible else 'not_met')} {with_unit(amount, lang)}"
