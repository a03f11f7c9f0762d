"""The analysis commands of ``socialaid``: ``what-if``, ``sweep`` and ``explain`` (with "why not").

They register on :data:`socialaid.cli.app` and share its error handling and exit codes. A decision
that used parameter overrides is marked hypothetical everywhere: a banner in tables and
``"hypothetical": true`` in JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from socialaid.cli import (
    Format,
    FormatOpt,
    HouseholdFile,
    Lang,
    LangOpt,
    OpaUrl,
    app,
    guarded,
    out,
    read_request,
)
from socialaid.decide import checked
from socialaid.engine import open_engine
from socialaid.errors import FieldError, InvalidInputError
from socialaid.explain import WhyNot, explanation, map_trace, why_not
from socialaid.paths import POLICY_DIR
from socialaid.sweep import SweepResult, plot, run_sweep, sweep_values
from socialaid.validation import validated
from socialaid.whatif import (
    DecisionDiff,
    Variant,
    apply_variant,
    diff_decisions,
    load_scenario,
    parse_assignment,
    parse_param,
)

__all__ = ["SWEEP_BASE_TIMEOUT", "SWEEP_POINT_TIMEOUT", "TRACE_TIMEOUT", "explain_cmd", "sweep_cmd", "what_if"]

SWEEP_BASE_TIMEOUT = 10.0
SWEEP_POINT_TIMEOUT = 0.1  # seconds per swept point, on top of the base
TRACE_TIMEOUT = 60.0  # a full explanation of a family takes seconds and grows with the policy

_T = {
    "zh": {
        "hypothetical": "注意：假设测算——本结果使用了请求中覆盖的参数，不是正式决定",
        "program": "项目",
        "clause": "条款",
        "change": "变化",
        "before": "原金额",
        "after": "新金额",
        "delta": "差额",
        "total": "合计",
        "why_not": "未获救助的原因",
        "need_fall": "人均收入需再降低 {pc:.2f} 元（家庭合计 {hh:.2f} 元，{n} 人）才低于标准 {std:.2f} 元",
        "no_reason": "（无不符合项）",
        "findings": "认定",
        "met": "符合",
        "not_met": "不符合",
        "info": "说明",
        "params": "所用参数",
        "trace": "求值所经规则与条款",
        "cliffs": "资格断崖",
        "entered": "新获",
        "left": "失去",
        "changed": "金额变化",
        "unchanged": "不变",
        "figures": "数额变化",
    },
    "en": {
        "hypothetical": "HYPOTHETICAL — this result uses parameters overridden in the request",
        "program": "Program",
        "clause": "Clause",
        "change": "Change",
        "before": "Before",
        "after": "After",
        "delta": "Delta",
        "total": "Total",
        "why_not": "Why not",
        "need_fall": "per-capita income would have to fall by {pc:.2f} (household {hh:.2f}, {n} members) "
        "to be below the standard {std:.2f}",
        "no_reason": "(no not-met finding)",
        "findings": "Findings",
        "met": "met",
        "not_met": "not met",
        "info": "info",
        "params": "Parameters used",
        "trace": "Rules evaluated, by clause",
        "cliffs": "Eligibility cliffs",
        "entered": "entered",
        "left": "left",
        "changed": "changed",
        "unchanged": "unchanged",
        "figures": "figures changed",
    },
}


def _dump(doc: Any) -> None:
    print(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True))


def _banner(console: Console, hypothetical: bool, lang: str) -> None:
    if hypothetical:
        console.print(f"[bold yellow]{_T[lang]['hypothetical']}[/]")


def _clause_title(decision: dict[str, Any], clause: int, lang: str) -> str:
    entry = (decision.get("clauses") or {}).get(str(clause), {})
    return f"{clause} {entry.get('title', {}).get(lang, '')}".strip()


def _print_why_not(console: Console, items: list[WhyNot], decision: dict[str, Any], lang: str) -> None:
    t = _T[lang]
    if not items:
        return
    table = Table(title=t["why_not"], show_lines=True)
    table.add_column(t["program"])
    table.add_column(t["clause"], overflow="fold")
    table.add_column(t["not_met"], overflow="fold")
    for w in items:
        lines = [f"{f['message'][lang]}\n“{f.get('quote', '')}”" for f in w.reasons] or [t["no_reason"]]
        lines += [
            t["need_fall"].format(pc=g.per_capita_fall, hh=g.household_fall, n=g.members, std=g.standard)
            for g in w.income_gaps
        ]
        table.add_row(w.name.get(lang, w.program), _clause_title(decision, w.clause, lang), escape("\n".join(lines)))
    console.print(table)


def _print_diff(console: Console, name: str, diff: DecisionDiff, decision: dict[str, Any], lang: str) -> None:
    t = _T[lang]
    table = Table(title=name, show_lines=True)
    for col in ("program", "change", "before", "after", "delta", "clause", "findings"):
        table.add_column(t[col], justify="right" if col in {"before", "after", "delta"} else "left", overflow="fold")
    for p in diff.changed:
        why = [
            f"{f.rule}{' [' + f.member_id + ']' if f.member_id else ''}: "
            + (t["figures"] if f.change == "facts" else f"{f.before or '—'} → {f.after or '—'}")
            + f"\n  {(f.message_after or f.message_before or {}).get(lang, '')}"
            for f in p.findings
        ]
        table.add_row(
            p.name.get(lang, p.program),
            t[p.change],
            f"{p.amount_before:.2f}",
            f"{p.amount_after:.2f}",
            f"{p.delta:+.2f}",
            "\n".join(_clause_title(decision, c, lang) for c in p.clauses),
            escape("\n".join(why)),
        )
    table.add_row(
        f"[bold]{t['total']}[/]",
        "",
        f"{diff.total_before:.2f}",
        f"{diff.total_after:.2f}",
        f"[bold]{diff.delta:+.2f}[/]",
        "",
        "",
    )
    console.print(table)


SetOpt = Annotated[
    list[str] | None,
    typer.Option("--set", help="PATH=VALUE (dotted or /json/pointer path; VALUE parsed as JSON when possible)"),
]
ParamOpt = Annotated[list[str] | None, typer.Option("--param", help="GROUP.NAME=VALUE parameter override")]
ScenarioOpt = Annotated[
    Path | None,
    typer.Option("--scenario", exists=True, dir_okay=False, readable=True, help="JSON/YAML file of named variants"),
]


@app.command("what-if")
def what_if(
    file: HouseholdFile,
    set_: SetOpt = None,
    param: ParamOpt = None,
    scenario: ScenarioOpt = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = Lang.zh,
    opa_url: OpaUrl = None,
) -> None:
    """Change the household or the parameters and see which programs enter, leave or change, and why."""

    def body() -> None:
        request = read_request(file, None)
        variants: list[Variant] = []
        if set_ or param:
            variants.append(
                Variant(
                    name="what-if",
                    sets=[parse_assignment(s) for s in set_ or []],
                    params=[parse_param(p) for p in param or []],
                )
            )
        if scenario is not None:
            variants.extend(load_scenario(scenario))
        if not variants:
            raise InvalidInputError(
                [FieldError("", "nothing to change", "--set, --param or --scenario")], source="what-if"
            )
        altered = [validated(apply_variant(request, v), source=f"what-if {v.name}") for v in variants]
        with open_engine(opa_url) as client:
            decisions = [checked(d) for d in client.decide_many([request, *altered])]
        base, rest = decisions[0], decisions[1:]
        results = []
        for v, d in zip(variants, rest, strict=True):
            results.append((v, d, diff_decisions(base, d), why_not(d)))
        hypothetical = any(d.get("hypothetical") for d in decisions)
        if fmt is Format.json:
            _dump(
                {
                    "hypothetical": hypothetical,
                    "base": {
                        "programs": base.get("programs"),
                        "hypothetical": bool(base.get("hypothetical")),
                    },
                    "variants": [
                        {
                            "name": v.name,
                            "changes": v.describe(),
                            "hypothetical": bool(d.get("hypothetical")),
                            "diff": diff.to_dict(),
                            "why_not": [w.to_dict() for w in wn],
                            "decision": d,
                        }
                        for v, d, diff, wn in results
                    ],
                }
            )
            return
        _banner(out, hypothetical, lang.value)
        for v, d, diff, wn in results:
            _banner(out, bool(d.get("hypothetical")) and not hypothetical, lang.value)
            _print_diff(out, f"{v.name}: {'; '.join(v.describe())}", diff, d, lang.value)
            _print_why_not(out, wn, d, lang.value)

    guarded(body, as_json=fmt is Format.json)


@app.command("sweep")
def sweep_cmd(
    file: HouseholdFile,
    vary: Annotated[str, typer.Option("--vary", help="Path to vary, e.g. household.members.0.monthly_income")],
    start: Annotated[str, typer.Option("--from", help="First value")],
    stop: Annotated[str, typer.Option("--to", help="Last value (inclusive)")],
    step: Annotated[str, typer.Option("--step", help="Step (> 0)")],
    plot_file: Annotated[Path | None, typer.Option("--plot", dir_okay=False, help="Write a PNG chart")] = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = Lang.zh,
    opa_url: OpaUrl = None,
) -> None:
    """Vary one value over a range (one batched query) and find where eligibility falls off a cliff."""

    def body() -> None:
        request = read_request(file, None)
        values = sweep_values(start, stop, step)
        # one query decides every point: ~10–20 ms a point measured, so 1000 points outlast the default 10 s
        with open_engine(opa_url, timeout=SWEEP_BASE_TIMEOUT + SWEEP_POINT_TIMEOUT * len(values)) as client:
            result = run_sweep(client, request, vary, values)
        if plot_file is not None:
            plot(result, plot_file)
        if fmt is Format.json:
            _dump({**result.to_dict(), "plot": str(plot_file) if plot_file else None})
            return
        _print_sweep(out, result, lang.value)
        if plot_file is not None:
            out.print(f"plot: {plot_file}")

    guarded(body, as_json=fmt is Format.json)


def _print_sweep(console: Console, result: SweepResult, lang: str) -> None:
    t = _T[lang]
    _banner(console, result.hypothetical, lang)
    programs = sorted(result.programs, key=lambda k: (result.programs[k].get("clause") or 0, k))
    table = Table(title=f"{result.path}: {len(result.points)} points, one query, {result.seconds * 1000:.0f} ms")
    table.add_column(result.path, justify="right")
    for pid in programs:
        table.add_column(str(result.programs[pid]["name"].get(lang, pid)), justify="right")
    table.add_column(t["total"], justify="right")
    for p in result.points:
        cells = [
            (f"{p.amounts.get(pid, 0):.2f}" if p.eligible.get(pid) else f"[dim]{p.amounts.get(pid, 0):.2f}[/]")
            for pid in programs
        ]
        table.add_row(str(p.value), *cells, f"{p.total:.2f}")
    console.print(table)
    cliffs = Table(title=t["cliffs"], show_lines=True)
    for col in ("program", "before", "after", "clause", "findings"):
        cliffs.add_column(t[col], overflow="fold")
    for c in result.cliffs:
        flips = [
            f"{f.rule}: {f.before or '—'} → {f.after or '—'} (clause {f.clause})\n  "
            + (f.message_after or f.message_before or {}).get(lang, "")
            for f in c.flips
        ]
        cliffs.add_row(
            str(result.programs[c.program]["name"].get(lang, c.program)),
            f"{c.before} ({'✓' if c.eligible_before else '✗'} {c.amount_before:.2f})",
            f"{c.at} ({'✓' if c.eligible_after else '✗'} {c.amount_after:.2f})",
            ", ".join(map(str, c.clauses)),
            escape("\n".join(flips)),
        )
    console.print(cliffs)


@app.command("explain")
def explain_cmd(
    file: HouseholdFile,
    trace: Annotated[bool, typer.Option("--trace", help="Map OPA's explain=full trace to clauses")] = False,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = Lang.zh,
    opa_url: OpaUrl = None,
) -> None:
    """The whole reasoning: every finding met and not met, parameters with dates and sources, why not."""

    def body() -> None:
        request = read_request(file, None)
        with open_engine(opa_url, timeout=TRACE_TIMEOUT if trace else 10.0) as client:
            if trace:
                response = client.query(request, explain="full")
                decision = checked(response["result"])
                events = response.get("explanation") or []
            else:
                decision, events = checked(client.decide(request)), []
        doc = explanation(decision)
        traced = []
        if trace:
            from socialaid.annotations import inspect

            traced = [r.to_dict() for r in map_trace(events, inspect(POLICY_DIR))]
            doc["trace"] = {"events": len(events), "rules": traced}
        if fmt is Format.json:
            _dump(doc)
            return
        _print_explanation(out, decision, doc, lang.value)

    guarded(body, as_json=fmt is Format.json)


def _print_explanation(console: Console, decision: dict[str, Any], doc: dict[str, Any], lang: str) -> None:
    t = _T[lang]
    _banner(console, doc["hypothetical"], lang)
    for pid, p in doc["programs"].items():
        table = Table(
            title=f"{p['name'].get(lang, pid)} — {_clause_title(decision, int(p['clause']), lang)} — "
            f"{t['met'] if p['eligible'] else t['not_met']} {float(p['monthly_amount'] or 0):.2f}",
            show_lines=True,
        )
        for col in ("findings", "clause", "change"):
            table.add_column({"change": "“…”"}.get(col, t[col]), overflow="fold")
        for outcome in ("met", "not_met", "info"):
            for f in p[outcome]:
                member = f" [{f['member_id']}]" if f.get("member_id") else ""
                table.add_row(
                    escape(f"{t[outcome]}{member}: {f['message'][lang]}"),
                    escape(f"{f['clause']} {f['rule']}"),
                    escape(f.get("quote", "") + (f"\n[{f['authority']}]" if f.get("authority") else "")),
                )
        console.print(table)
    params = Table(title=t["params"])
    for col in ("name", "value", "unit", "effective_from", "source"):
        params.add_column(col, overflow="fold")
    for prm in doc["parameters"]:
        name = str(prm.get("name")) + (" [hypothetical]" if prm.get("hypothetical") else "")
        params.add_row(
            name,
            str(prm.get("value")),
            str(prm.get("unit", "")),
            str(prm.get("effective_from", "")),
            str(prm.get("source", "")),
        )
    console.print(params)
    _print_why_not(console, why_not(decision), decision, lang)
    if "trace" in doc:
        table = Table(title=f"{t['trace']} ({doc['trace']['events']} events)")
        for col in ("clause", "rule", "title", "location", "events"):
            table.add_column(col, overflow="fold")
        for r in doc["trace"]["rules"]:
            table.add_row(
                str(r["clause"] if r["clause"] is not None else "—"),
                r["path"],
                r["title"],
                f"{r['file']}:{r['row']}",
                str(r["events"]),
            )
        console.print(table)
