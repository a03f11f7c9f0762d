"""``socialaid sweep``: vary one value over a range, find every cliff to the fen, and print (or draw) each
program's amount as the exact piecewise-linear function (schemas/sweep.schema.json for its JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from socialaid.cli.app import (
    Format,
    FormatOpt,
    HouseholdArg,
    LangOpt,
    OpaUrl,
    dump,
    err,
    guarded,
    lang_of,
    member_ids,
    read_request,
    screen,
    worded,
)
from socialaid.words.messages import Lang, msg

if TYPE_CHECKING:
    from socialaid.analysis.sweep import SweepResult
    from socialaid.engine import Engine

__all__ = ["PROGRESS_MIN_POINTS", "SWEEP_BASE_TIMEOUT", "SWEEP_POINT_TIMEOUT", "app", "sweep_cmd"]

app = typer.Typer()

SWEEP_BASE_TIMEOUT = 10.0
SWEEP_POINT_TIMEOUT = 0.1  # seconds per point of one chunk, on top of the base
PROGRESS_MIN_POINTS = 200  # sweeps at least this long show a progress bar (on a terminal)


@app.command("sweep", short_help="Vary one value and find where each program falls off a cliff")
def sweep_cmd(
    file: HouseholdArg,
    vary: Annotated[str, typer.Option("--vary", help="Path to vary, e.g. household.members.0.monthly_income")],
    start: Annotated[str, typer.Option("--from", help="First value")],
    stop: Annotated[str, typer.Option("--to", help="Last value (inclusive)")],
    step: Annotated[str, typer.Option("--step", help="Step (> 0)")],
    plot_file: Annotated[Path | None, typer.Option("--plot", dir_okay=False, help="Write a PNG chart")] = None,
    show_zero: Annotated[bool, typer.Option("--show-zero", help="Also draw programs that are zero throughout")] = False,
    all_rows: Annotated[bool, typer.Option("--all-rows", help="Print every point, not the short table")] = False,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    opa_url: OpaUrl = None,
) -> None:
    """Vary one value over a range and find, to the fen, where each program falls off a cliff."""
    code = lang_of(lang)

    def body() -> None:
        from socialaid.analysis.sweep import sweep_values
        from socialaid.analysis.whatif import check_path, parse_path, pointer
        from socialaid.engine import open_engine
        from socialaid.models.schemas import load as load_schema
        from socialaid.render.analysis import print_sweep
        from socialaid.words.fields import field_words

        request = read_request(file, None)
        check_path(vary, load_schema("household"), source="sweep")
        values = sweep_values(start, stop, step)
        with open_engine(opa_url, timeout=SWEEP_BASE_TIMEOUT + SWEEP_POINT_TIMEOUT * min(len(values), 100)) as engine:
            result = worded(request, lambda: _run_with_progress(engine, request, vary, values, code))
            words = engine.words_for(result.revision)
        ids = member_ids(request)
        axis = {c: field_words(pointer(parse_path(vary)), c, member_ids=ids, unit=True) for c in ("zh", "en")}
        if plot_file is not None:
            _plot(
                result,
                plot_file,
                words,
                axis,
                code,
                household=f"{Path(file).stem if file != '-' else 'stdin'}, {len(ids)}",
                as_of=str(request.get("as_of")),
                show_zero=show_zero,
            )
        if fmt is Format.json:
            dump({**result.to_dict(), "plot": str(plot_file) if plot_file else None})
            return
        lines = screen()
        print_sweep(lines, result, words, code, axis=axis[code], show_zero=show_zero, all_rows=all_rows)
        if plot_file is not None:
            lines.line(msg("plot", code, file=plot_file))
        lines.flush()

    guarded(body, as_json=fmt is Format.json, lang=code)


def _plot(result: SweepResult, file: Path, words: Any, axis: dict[str, str], lang: Lang, **kw: Any) -> None:
    from socialaid.analysis.chart import plot

    names = {pid: {c: words.program_name(pid, c) for c in ("zh", "en")} for pid in result.programs}
    plot(result, file, names=names, axis=axis, lang=lang, **kw)


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
