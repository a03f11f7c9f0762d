"""The analysis commands of ``socialaid``: ``what-if``, ``sweep`` and ``explain`` (with "why not").

They register on :data:`socialaid.cli.app.app` and share its error handling and exit codes. A
result that used parameter overrides is marked hypothetical where it applies: a banner above that
variant's table and ``"hypothetical": true`` in its JSON. Every word is in the chosen language.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from socialaid.cli.app import (
    Format,
    FormatOpt,
    HouseholdArg,
    LangOpt,
    OpaUrl,
    app,
    err,
    guarded,
    lang_of,
    out,
    read_request,
    worded,
)
from socialaid.cli.params import param_names, unknown_param_message
from socialaid.errors import FieldError, InvalidInputError, PolicyInputError
from socialaid.words.messages import Lang, money, msg, outcome_word
from socialaid.words.texts import Texts, format_value

if TYPE_CHECKING:  # the engine, validation and matplotlib load only in the command that needs them
    from socialaid.analysis.explain import WhyNot
    from socialaid.analysis.sweep import SweepResult
    from socialaid.analysis.whatif import DecisionDiff, FindingChange, Variant
    from socialaid.engine import Engine

__all__ = [
    "PROGRESS_MIN_POINTS",
    "SWEEP_BASE_TIMEOUT",
    "SWEEP_POINT_TIMEOUT",
    "check_parameters",
    "explain_cmd",
    "sweep_cmd",
    "what_if",
]

SWEEP_BASE_TIMEOUT = 10.0
SWEEP_POINT_TIMEOUT = 0.1  # seconds per point of one chunk, on top of the base
PROGRESS_MIN_POINTS = 200  # sweeps at least this long show a progress bar (on a terminal)


def _dump(doc: Any) -> None:
    print(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True))


def _banner(console: Console, hypothetical: bool, lang: Lang) -> None:
    if hypothetical:
        console.print(f"[bold yellow]{msg('hypothetical', lang)}[/]")


def _explained(engine: Engine, request: dict[str, Any], variants: list[Variant], lang: Lang) -> Any:
    """One explanation; an unknown parameter the policy refused is named with the nearest known names."""
    try:
        return worded(request, lambda: engine.explain(request))
    except PolicyInputError as exc:
        if any(e.pointer.startswith("/parameter_overrides/") for e in exc.errors):
            check_parameters(variants, engine.words(), lang)
        raise


def check_parameters(variants: list[Variant], words: Texts, lang: Lang) -> None:
    """Every overridden parameter exists; an unknown one is invalid input naming the nearest names."""
    known = set(param_names(words.parameters))
    if not known:
        return
    errors = [
        FieldError(
            f"/parameter_overrides/{g}/{n}",
            unknown_param_message(f"{g}.{n}", words.parameters, lang),
            "a parameter defined in the bundle",
        )
        for v in variants
        for g, n, _ in v.params
        if f"{g}.{n}" not in known
    ]
    if errors:
        raise InvalidInputError(errors, source="what-if")


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
    if f.after is not None:
        message = words.finding_text(
            {"rule": f.rule, "outcome": f.after, "values": f.values_after, "message": f.message_after}, lang
        )
    else:
        message = words.finding_text(
            {"rule": f.rule, "outcome": f.before, "values": f.values_before, "message": f.message_before}, lang
        )
    head = f"{rule}{member}: {change}" if rule else f"{change}{member}"
    return f"{head}\n  {message}" if message else head


def _print_why_not(console: Console, items: list[WhyNot], words: Texts, lang: Lang) -> None:
    if not items:
        return
    table = Table(title=msg("why_not", lang), show_lines=True)
    table.add_column(msg("program", lang))
    table.add_column(msg("clause", lang), overflow="fold")
    table.add_column(msg("not_met", lang), overflow="fold")
    for w in items:
        lines = [f"{words.finding_text(f, lang)}\n{words.basis_text(f, lang)}" for f in w.reasons] or [
            msg("no_reason", lang)
        ]
        lines += [
            msg("need_fall", lang, pc=g.per_capita_fall, hh=g.household_fall, n=g.members, std=g.standard)
            for g in w.income_gaps
        ]
        table.add_row(
            words.program_name(w.program, lang, {"name": w.name}),
            words.clause_label(w.clause, lang),
            escape("\n".join(lines)),
        )
    console.print(table)


def _print_diff(console: Console, name: str, diff: DecisionDiff, words: Texts, lang: Lang) -> None:
    table = Table(title=escape(name), show_lines=True)
    for col in ("program", "change", "before", "after", "delta", "clause", "findings"):
        table.add_column(
            msg(col, lang),
            justify="right" if col in {"before", "after", "delta"} else "left",
            overflow="fold",
            no_wrap=col in {"before", "after", "delta"},
        )
    for p in diff.changed:
        table.add_row(
            words.program_name(p.program, lang, {"name": p.name}),
            msg(p.change, lang),
            money(p.amount_before),
            money(p.amount_after),
            f"{p.delta:+.2f}",
            "\n".join(words.clause_label(c, lang) for c in p.clauses),
            escape("\n".join(_flip_text(f, words, lang) for f in p.findings)),
        )
    table.add_row(
        f"[bold]{msg('total', lang)}[/]",
        "",
        money(diff.total_before),
        money(diff.total_after),
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
    file: HouseholdArg,
    set_: SetOpt = None,
    param: ParamOpt = None,
    scenario: ScenarioOpt = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    opa_url: OpaUrl = None,
) -> None:
    """Change the household or the parameters and see which programs enter, leave or change, and why."""
    code = lang_of(lang)

    def body() -> None:
        from socialaid.analysis.explain import why_not
        from socialaid.analysis.whatif import (
            Variant,
            apply_variant,
            check_path,
            diff_decisions,
            load_scenario,
            parse_assignment,
            parse_param,
        )
        from socialaid.engine import open_engine
        from socialaid.models.schemas import load as load_schema

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
        household_schema = load_schema("household")
        for v in variants:
            for path, _ in v.sets:
                check_path(path, household_schema)
        altered = [apply_variant(request, v) for v in variants]
        with open_engine(opa_url) as engine:
            explained = [_explained(engine, r, variants, code) for r in [request, *altered]]
            words = engine.words_for(explained[0])
        base, *rest = (x.doc() for x in explained)
        results = [(v, d, diff_decisions(base, d), why_not(d)) for v, d in zip(variants, rest, strict=True)]
        if fmt is Format.json:
            _dump(
                {
                    "hypothetical": any(bool(d.get("hypothetical")) for d in [base, *rest]),
                    "base": {"programs": base.get("programs"), "hypothetical": bool(base.get("hypothetical"))},
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
        _banner(out, bool(base.get("hypothetical")), code)
        for v, d, diff, wn in results:
            _banner(out, bool(d.get("hypothetical")), code)  # only the variants that override parameters
            _print_diff(out, f"{v.name}: {'; '.join(v.describe())}", diff, words, code)
            _print_why_not(out, wn, words, code)

    guarded(body, as_json=fmt is Format.json, lang=code)


@app.command("sweep")
def sweep_cmd(
    file: HouseholdArg,
    vary: Annotated[str, typer.Option("--vary", help="Path to vary, e.g. household.members.0.monthly_income")],
    start: Annotated[str, typer.Option("--from", help="First value")],
    stop: Annotated[str, typer.Option("--to", help="Last value (inclusive)")],
    step: Annotated[str, typer.Option("--step", help="Step (> 0)")],
    plot_file: Annotated[Path | None, typer.Option("--plot", dir_okay=False, help="Write a PNG step chart")] = None,
    show_zero: Annotated[bool, typer.Option("--show-zero", help="Also draw programs that are zero throughout")] = False,
    all_rows: Annotated[bool, typer.Option("--all-rows", help="Print every point, not the short table")] = False,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    opa_url: OpaUrl = None,
) -> None:
    """Vary one value over a range and find, to the fen, where each program falls off a cliff."""
    code = lang_of(lang)

    def body() -> None:
        from socialaid.analysis.sweep import plot, sweep_values
        from socialaid.analysis.whatif import check_path
        from socialaid.engine import open_engine
        from socialaid.models.schemas import load as load_schema

        request = read_request(file, None)
        check_path(vary, load_schema("household"), source="sweep")
        values = sweep_values(start, stop, step)
        with open_engine(opa_url, timeout=SWEEP_BASE_TIMEOUT + SWEEP_POINT_TIMEOUT * min(len(values), 100)) as engine:
            result = worded(request, lambda: _run_with_progress(engine, request, vary, values, code))
            words = engine.words_for(result.revision)
        names = {pid: words.program_name(pid, code, result.programs[pid]) for pid in result.programs}
        if plot_file is not None:
            members = len(request["household"]["members"])
            plot(
                result,
                plot_file,
                names={
                    pid: {c: words.program_name(pid, c, result.programs[pid]) for c in ("zh", "en")} for pid in names
                },
                lang=code,
                household=f"{Path(file).stem if file != '-' else 'stdin'}, {members}",
                as_of=str(request.get("as_of")),
                show_zero=show_zero,
            )
        if fmt is Format.json:
            _dump({**result.to_dict(), "plot": str(plot_file) if plot_file else None})
            return
        _print_sweep(out, result, names, words, code, show_zero=show_zero, all_rows=all_rows)
        if plot_file is not None:
            out.print(msg("plot", code, file=plot_file))

    guarded(body, as_json=fmt is Format.json, lang=code)


def _run_with_progress(
    engine: Engine, request: dict[str, Any], vary: str, values: list[float | int], lang: Lang
) -> SweepResult:
    from socialaid.analysis.sweep import run_sweep

    if len(values) < PROGRESS_MIN_POINTS or not err.is_terminal:
        return run_sweep(engine, request, vary, values)
    from rich.progress import Progress

    with Progress(console=err, transient=True) as bar:
        task = bar.add_task(msg("progress", lang), total=len(values))
        return run_sweep(engine, request, vary, values, progress=lambda n: bar.advance(task, n))


def _print_sweep(
    console: Console,
    result: SweepResult,
    names: dict[str, str],
    words: Texts,
    lang: Lang,
    *,
    show_zero: bool,
    all_rows: bool,
) -> None:
    from socialaid.analysis.sweep import shown_programs, table_rows

    _banner(console, result.hypothetical, lang)
    programs = shown_programs(result, show_zero=show_zero)
    hidden = [names[p] for p in sorted(result.programs) if p not in programs]
    n = len(result.points)
    rows = result.points if all_rows else table_rows(result)
    table = Table(
        title=msg("sweep_title", lang, path=result.path, n=n, ms=result.seconds * 1000),
        box=box.SIMPLE_HEAD,
        caption=msg("sweep_rows", lang, shown=len(rows), n=n) if len(rows) < n else None,
    )
    table.add_column(result.path, justify="right", no_wrap=True)
    for pid in programs:
        table.add_column(names[pid], justify="right", no_wrap=True)
    table.add_column(msg("total", lang), justify="right", no_wrap=True)
    for p in rows:
        cells = [money(p.amounts.get(pid, 0)) if p.eligible.get(pid) else "[dim]—[/]" for pid in programs]
        table.add_row(format_value(p.value), *cells, money(p.total))
    console.print(table)
    if hidden:
        console.print(msg("sweep_hidden", lang, names=msg("list_sep", lang).join(hidden)))
    if not result.cliffs:
        return
    cliffs = Table(title=msg("cliffs", lang), show_lines=True)
    for col in ("program", "cliff_at", "before", "after", "clause", "findings"):
        cliffs.add_column(msg(col, lang), overflow="fold")
    for c in result.cliffs:
        cliffs.add_row(
            names.get(c.program, c.program),
            f"{float(c.at):.2f}",
            f"{format_value(c.before)}: {'✓' if c.eligible_before else '✗'} {money(c.amount_before)}",
            f"{format_value(c.at)}: {'✓' if c.eligible_after else '✗'} {money(c.amount_after)}",
            "\n".join(words.clause_label(k, lang) for k in c.clauses),
            escape("\n".join(_flip_text(f, words, lang) for f in _decisive_flips(c.flips))),
        )
    console.print(cliffs)


def _decisive_flips(flips: list[FindingChange]) -> list[FindingChange]:
    """The findings whose outcome flips at a cliff; the first few that appear or vanish otherwise."""
    return [f for f in flips if f.change == "outcome"] or flips[:3]


@app.command("explain")
def explain_cmd(
    file: HouseholdArg,
    trace: Annotated[
        bool, typer.Option("--trace", help="Rule by rule: passed or failed, the values compared, the clause")
    ] = False,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    opa_url: OpaUrl = None,
) -> None:
    """The whole reasoning: every finding met and not met, parameters with dates and sources, why not."""
    code = lang_of(lang)

    def body() -> None:
        from socialaid.analysis.explain import explanation, rule_trace
        from socialaid.engine import open_engine

        request = read_request(file, None)
        with open_engine(opa_url) as engine:
            explained = worded(request, lambda: engine.explain(request))
            words = engine.words_for(explained)
        if fmt is Format.json:  # the server's explanation, with the words of its revision
            _dump(explained.model_copy(update={"words": words.explanation_words(explained, code)}).doc())
            return
        decision = explained.doc()
        doc = explanation(decision)
        if trace:
            doc["trace"] = {"rules": [r.to_dict() for r in rule_trace(decision.get("findings") or [], words.rules)]}
        _print_explanation(out, decision, doc, words, code)

    guarded(body, as_json=fmt is Format.json, lang=code)


def _print_explanation(
    console: Console, decision: dict[str, Any], doc: dict[str, Any], words: Texts, lang: Lang
) -> None:
    _banner(console, doc["hypothetical"], lang)
    for pid, p in doc["programs"].items():
        state = msg("met" if p["eligible"] else "not_met", lang)
        table = Table(
            title=f"{words.program_name(pid, lang, p)} — {words.clause_label(int(p['clause']), lang)} — "
            f"{state} {money(float(p['monthly_amount'] or 0))}",
            show_lines=True,
        )
        for col in ("finding", "rule", "quote"):
            table.add_column(msg(col, lang), overflow="fold")
        for outcome in ("met", "not_met", "info"):
            for f in p[outcome]:
                member = f" [{f['member_id']}]" if f.get("member_id") else ""
                table.add_row(
                    escape(f"{msg(outcome, lang)}{member}: {words.finding_text(f, lang)}"),
                    escape(f"{f.get('clause', '')} {words.rule_label(f, lang)}"),
                    escape(words.basis_text(f, lang)),
                )
        console.print(table)
    params = Table(title=msg("params", lang))
    for col in ("param.name", "param.label", "param.value", "param.unit", "param.effective", "param.source"):
        params.add_column(msg(col, lang), overflow="fold")
    for prm in doc["parameters"]:
        name = str(prm.get("name"))
        marker = msg("param.hypothetical", lang) if prm.get("hypothetical") else ""
        params.add_row(
            name + marker,
            escape(words.parameter_label(name, lang)),
            escape(format_value(prm.get("value"))),
            escape(str(prm.get("unit", ""))),
            str(prm.get("effective_from", "")),
            escape(str(prm.get("source", ""))),
        )
    console.print(params)
    from socialaid.analysis.explain import why_not

    _print_why_not(console, why_not(decision), words, lang)
    from socialaid.render.decision import print_missing

    print_missing(console, decision, words, lang)
    if "trace" in doc:
        table = Table(title=msg("trace", lang), show_lines=False, box=box.SIMPLE_HEAD)
        for col in ("clause", "rule", "outcome", "values"):
            table.add_column(msg(col, lang), overflow="fold")
        for r in doc["trace"]["rules"]:
            member = f" [{r['member_id']}]" if r.get("member_id") else ""
            style = {"met": "green", "not_met": "red"}.get(r["outcome"], "")
            word = outcome_word(r["outcome"], lang)
            title = words.rule_label(r, lang) or words.program_name(r["program"], lang)
            table.add_row(
                str(r["clause"] if r["clause"] is not None else "—"),
                escape(f"{title}{member}"),
                f"[{style}]{word}[/]" if style else word,
                escape(", ".join(f"{k}={format_value(v)}" for k, v in sorted(r["values"].items()))),
            )
        console.print(table)
