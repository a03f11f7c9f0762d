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
from rich.console import Console

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
    read_request,
    screen,
    worded,
)
from socialaid.cli.params import param_names, unknown_param_message
from socialaid.errors import FieldError, InvalidInputError, PolicyInputError
from socialaid.render.analysis import change_words, print_diff, print_explanation, print_sweep, print_why_not
from socialaid.words.fields import field_words
from socialaid.words.messages import Lang, msg
from socialaid.words.texts import Texts

if TYPE_CHECKING:  # the engine, validation and matplotlib load only in the command that needs them
    from socialaid.analysis.sweep import SweepResult
    from socialaid.analysis.whatif import Variant
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
CLI_VARIANT = "what-if"  # the variant of --set and --param (a scenario file names its own)


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
                    name=CLI_VARIANT,
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
        lines = screen()
        ids = _member_ids(request)
        for v, d, diff, wn in results:
            if d.get("hypothetical"):
                lines.line(msg("hypothetical", code))
            name = msg("whatif.cli", code) if v.name == CLI_VARIANT else msg("whatif.variant", code, name=v.name)
            title = f"{name}{msg('colon', code)}{msg('list_sep', code).join(change_words(v, words, code, ids))}"
            print_diff(lines, title, diff, words, code)
            print_why_not(lines, wn, words, code, d)
        lines.flush()

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
        from socialaid.analysis.whatif import check_path, parse_path, pointer
        from socialaid.engine import open_engine
        from socialaid.models.schemas import load as load_schema

        request = read_request(file, None)
        check_path(vary, load_schema("household"), source="sweep")
        values = sweep_values(start, stop, step)
        with open_engine(opa_url, timeout=SWEEP_BASE_TIMEOUT + SWEEP_POINT_TIMEOUT * min(len(values), 100)) as engine:
            result = worded(request, lambda: _run_with_progress(engine, request, vary, values, code))
            words = engine.words_for(result.revision)
        axis = field_words(pointer(parse_path(vary)), code, member_ids=_member_ids(request), unit=True)
        if plot_file is not None:
            plot(
                result,
                plot_file,
                names={pid: {c: words.program_name(pid, c) for c in ("zh", "en")} for pid in result.programs},
                axis={
                    c: field_words(pointer(parse_path(vary)), c, member_ids=_member_ids(request), unit=True)
                    for c in ("zh", "en")
                },
                lang=code,
                household=f"{Path(file).stem if file != '-' else 'stdin'}, {len(_member_ids(request))}",
                as_of=str(request.get("as_of")),
                show_zero=show_zero,
            )
        if fmt is Format.json:
            _dump({**result.to_dict(), "plot": str(plot_file) if plot_file else None})
            return
        lines = screen()
        print_sweep(lines, result, words, code, axis=axis, show_zero=show_zero, all_rows=all_rows)
        if plot_file is not None:
            lines.line(msg("plot", code, file=plot_file))
        lines.flush()

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
        lines = screen()
        print_explanation(
            lines,
            decision,
            explanation(decision),
            words,
            code,
            member_ids=_member_ids(request),
            trace=rule_trace(decision.get("findings") or [], words.rules) if trace else None,
        )
        lines.flush()

    guarded(body, as_json=fmt is Format.json, lang=code)


def _member_ids(request: dict[str, Any]) -> list[str]:
    return [str(m.get("id")) for m in (request.get("household") or {}).get("members") or [] if isinstance(m, dict)]
