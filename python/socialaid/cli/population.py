"""The population commands of ``socialaid``: ``batch``, ``synth`` and ``impact``.

They register on :data:`socialaid.cli.app.app` (socialaid.cli.main imports this module when it exists)
and share its error handling and exit codes. Ray and pyarrow are imported only inside the
commands that run them.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from socialaid.cli.app import AsOf, Format, FormatOpt, LangOpt, app, err, guarded, lang_of
from socialaid.errors import FieldError, InvalidInputError
from socialaid.render import impact as impact_words
from socialaid.words.messages import Lang as LangCode
from socialaid.words.messages import msg

__all__ = ["batch", "impact", "synth"]

Actors = Annotated[int, typer.Option("--actors", min=1, help="Ray actors, each with its own OPA sidecar")]
Chunk = Annotated[int, typer.Option("--chunk", min=1, max=1000, help="Households per OPA query (at most 1 000)")]
CpusPerActor = Annotated[
    float, typer.Option("--cpus-per-actor", min=0.01, help="CPU reserved per actor (fractional: the work is in OPA)")
]
Address = Annotated[
    str | None,
    typer.Option(
        "--address", help="Run on an existing Ray cluster (ray://HOST:10001 or HOST:6379); default in-process"
    ),
]
InputFormatOpt = Annotated[
    str | None, typer.Option("--input-format", help="jsonl, csv or parquet (default: from the file name)")
]
Population = Annotated[
    Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="Households: .jsonl, .csv or .parquet")
]


@contextmanager
def _progress(total: int, label: str, lang: LangCode = "en") -> Iterator[Callable[[int], None] | None]:
    """A progress bar on a terminal (stderr); nothing when stderr is not one.

    While the bar runs, whatever Ray's native side writes to file descriptor 2 (core_worker and raylet
    lines, which bypass Python) goes to a log file instead of across the bar; the bar and every message
    of ours go to the terminal. The log is removed after a run that succeeds and named after one that
    fails."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with (
        _native_stderr_to_log(lang),
        Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
        ) as bar,
    ):
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


@contextmanager
def _native_stderr_to_log(lang: LangCode) -> Iterator[None]:
    import os
    import tempfile

    sys.stderr.flush()
    terminal = os.dup(2)
    log = tempfile.NamedTemporaryFile(prefix="socialaid-ray-", suffix=".log", delete=False)  # noqa: SIM115
    os.dup2(log.fileno(), 2)
    python_stderr = sys.stderr
    sys.stderr = os.fdopen(os.dup(terminal), "w", buffering=1, encoding="utf-8", errors="replace")
    ok = False
    try:
        yield
        ok = True
    finally:
        sys.stderr.flush()
        sys.stderr.close()
        sys.stderr = python_stderr
        os.dup2(terminal, 2)
        os.close(terminal)
        log.close()
        if ok:
            os.unlink(log.name)
        else:
            err.print(msg("ray_log", lang, path=log.name), highlight=False)


def _options(actors: int, chunk: int, cpus: float, as_of: dt.datetime | None, address: str | None) -> Any:
    from socialaid.population.batch import BatchOptions

    return BatchOptions(
        actors=actors,
        chunk=chunk,
        cpus_per_actor=cpus,
        as_of=as_of.date().isoformat() if as_of else None,
        address=address,
    )


@app.command(short_help="Decide every household of a file, one output row per input row")
def batch(
    input_path: Population,
    output: Annotated[Path, typer.Option("-o", "--output", dir_okay=False, help="decisions .jsonl or .parquet")],
    input_format: InputFormatOpt = None,
    as_of: AsOf = None,
    actors: Actors = 2,
    chunk: Chunk = 250,
    cpus_per_actor: CpusPerActor = 0.5,
    address: Address = None,
    summary_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON")] = False,
    lang: LangOpt = None,
) -> None:
    """Decide every household of a file, one output row per input row, in order."""
    language = lang_of(lang)

    def body() -> None:
        from socialaid.population.batch import run_batch
        from socialaid.population.io import count_rows
        from socialaid.population.io import input_format as detect
        from socialaid.server.bundle import ensure_fresh

        fmt = detect(input_path, input_format)
        if output.suffix.lower() not in {".jsonl", ".ndjson", ".json", ".parquet", ".pq"}:
            raise InvalidInputError(
                [FieldError("", f"cannot write {output.name}", "an output ending in .jsonl or .parquet")], source="-o"
            )
        bundle = ensure_fresh()
        options = _options(actors, chunk, cpus_per_actor, as_of, address)
        with _progress(count_rows(input_path, fmt), msg("progress.deciding", language), language) as advance:
            summary = run_batch(input_path, output, bundle=bundle, fmt=fmt, options=options, progress=advance)
        if summary_json:
            print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
            return
        _print_batch(summary, language)

    guarded(body, as_json=summary_json, lang=language)


def _print_batch(summary: Any, lang: LangCode) -> None:
    """The batch's summary as plain lines that fit the screen (render.screen), then where the rows went."""
    from socialaid.render.screen import Screen

    screen = Screen.for_stream(sys.stdout)
    line = msg(
        "batch.summary",
        lang,
        decided=summary.decided,
        refused=summary.refused,
        rows=summary.rows,
        seconds=f"{summary.seconds:.1f}",
        rate=f"{summary.per_second:.0f}",
        first=f"{summary.first_rows_seconds:.1f}",
        peak=f"{summary.opa_peak_mb:.0f}",
        bundle=msg("list_sep", lang).join(sorted(summary.bundle_revision)) or "-",
    )
    if summary.restarts:
        line += msg("batch.restarts", lang, n=summary.restarts)
    screen.line(line)
    screen.line(msg("written_to", lang, path=summary.output))
    screen.flush()


@app.command(short_help="Write a seeded synthetic Honghuagang population")
def synth(
    count: Annotated[int, typer.Option("-n", "--count", min=0, help="How many households")],
    output: Annotated[Path, typer.Option("-o", "--output", dir_okay=False, help=".jsonl or .parquet")],
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same households")] = 1,
    as_of: AsOf = None,
    lang: LangOpt = None,
) -> None:
    """Write a seeded synthetic Honghuagang population (distributions: docs/population.md)."""
    language = lang_of(lang)

    def body() -> None:
        from socialaid.population import synth as gen

        date = as_of.date() if as_of else dt.date(2025, 1, 1)
        output.parent.mkdir(parents=True, exist_ok=True)
        households = gen.households(count, seed=seed, as_of=date)
        if output.suffix.lower() in {".parquet", ".pq"}:
            _write_parquet(households, output)
        elif output.suffix.lower() in {".jsonl", ".ndjson", ".json"}:
            with output.open("w", encoding="utf-8") as f:
                for h in households:
                    f.write(json.dumps(h, ensure_ascii=False, separators=(",", ":")) + "\n")
        else:
            raise InvalidInputError(
                [FieldError("", f"cannot write {output.name}", "an output ending in .jsonl or .parquet")], source="-o"
            )
        from socialaid.render.screen import Screen

        lines = Screen.for_stream(sys.stderr)
        lines.line(msg("synth.written", language, count=count, seed=seed, date=date, path=output))
        lines.flush()

    guarded(body, lang=language)


def _write_parquet(households: Iterator[dict[str, Any]], output: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [("household_id", pa.string()), ("area", pa.string()), ("household_size", pa.int32()), ("request", pa.string())]
    )
    with pq.ParquetWriter(str(output), schema) as writer:
        rows: list[dict[str, Any]] = []
        for h in households:
            hh = h["household"]
            rows.append(
                {
                    "household_id": hh["id"],
                    "area": hh["area"],
                    "household_size": len(hh["members"]),
                    "request": json.dumps(h, ensure_ascii=False, separators=(",", ":")),
                }
            )
            if len(rows) == 10_000:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))


@app.command(short_help="Decide a population under the policy in force and a reform")
def impact(
    population: Population,
    param: Annotated[
        list[str] | None, typer.Option("--param", help="Reform parameter GROUP.NAME=VALUE (repeatable)")
    ] = None,
    scenario: Annotated[
        Path | None, typer.Option("--scenario", exists=True, dir_okay=False, help="what-if scenario file (JSON/YAML)")
    ] = None,
    variant: Annotated[
        str | None, typer.Option("--variant", help="Variant of the scenario (default: the first)")
    ] = None,
    base_rev: Annotated[
        str | None, typer.Option("--base-rev", help="Base = the policy at this git revision; reform = the working tree")
    ] = None,
    input_format: InputFormatOpt = None,
    as_of: AsOf = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", dir_okay=False, help="Also write the report as JSON")
    ] = None,
    plot_path: Annotated[Path | None, typer.Option("--plot", dir_okay=False, help="Write a PNG chart")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rules shown per program")] = 3,
    base_cache: Annotated[
        Path | None,
        typer.Option(
            "--base-cache",
            file_okay=False,
            help="Directory keeping the base side's rows by bundle, input, date and view (default build/base-cache)",
        ),
    ] = None,
    no_base_cache: Annotated[
        bool, typer.Option("--no-base-cache", help="Decide the base side again and keep nothing")
    ] = False,
    distributions: Annotated[
        bool,
        typer.Option(
            "--distributions",
            help=(
                "Read per-capita income and the 低保 standard from each household's explanation, for a bundle whose "
                "outcome view does not carry them (older revisions; about 4× slower)"
            ),
        ),
    ] = False,
    actors: Actors = 2,
    chunk: Chunk = 250,
    cpus_per_actor: CpusPerActor = 0.5,
    address: Address = None,
) -> None:
    """Decide a population under the policy in force and under a reform; report who moves and what it costs."""
    language = lang_of(lang)

    def body() -> None:
        from socialaid.analysis.whatif import Variant, load_scenario, parse_param
        from socialaid.paths import REPO_ROOT
        from socialaid.population.impact import bundle_at_revision, plot_impact, run_impact, temp_workdir
        from socialaid.population.io import count_rows
        from socialaid.population.io import input_format as detect
        from socialaid.server.bundle import ensure_fresh, git_revision
        from socialaid.words.texts import load_texts

        fmt_in = detect(population, input_format)
        reform: Variant | None = None
        params = [parse_param(p) for p in param or []]
        if scenario is not None:
            variants = load_scenario(scenario)
            chosen = [v for v in variants if variant is None or v.name == variant]
            if not chosen:
                raise InvalidInputError(
                    [FieldError(f"/{variant}", "no such variant", ", ".join(v.name for v in variants))],
                    source=str(scenario),
                )
            reform = Variant(name=chosen[0].name, sets=chosen[0].sets, params=chosen[0].params + params)
        elif params:
            reform = Variant(name="parameters", params=params)
        if reform is None and base_rev is None:
            raise InvalidInputError(
                [FieldError("", "nothing to compare", "--param, --scenario or --base-rev")], source="impact"
            )
        options = _options(actors, chunk, cpus_per_actor, as_of, address)
        cache_dir = None if no_base_cache else (base_cache or REPO_ROOT / "build" / "base-cache")
        working = ensure_fresh()
        words = load_texts(working)
        with temp_workdir() as tmp:
            base_bundle = working
            base_label = msg("impact.base.in_force", language, revision=git_revision())
            reform_bundle: Path | None = None
            reform_label = impact_words.reform_words(reform, language, words) if reform else ""
            if base_rev is not None:
                base_bundle, short = bundle_at_revision(base_rev, Path(tmp))
                base_label = msg("impact.base.at_rev", language, rev=base_rev, short=short)
                reform_bundle = working
                reform_label = msg("impact.reform.working", language, revision=git_revision()) + (
                    f" + {reform_label}" if reform_label else ""
                )
            with _progress(count_rows(population, fmt_in), msg("progress.deciding", language), language) as advance:
                report = run_impact(
                    population,
                    fmt=fmt_in,
                    base_bundle=base_bundle,
                    options=options,
                    reform_bundle=reform_bundle,
                    variant=reform,
                    base_label=base_label,
                    reform_label=reform_label,
                    progress=advance,
                    base_cache=cache_dir,
                    details=distributions,
                )
                report.reform_spec = reform.describe() if reform else []
        data = report.to_dict()
        if json_path is not None:
            json_path.parent.mkdir(parents=True, exist_ok=True)
            json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if plot_path is not None:
            plot_impact(report, plot_path, lang=language, texts=words)
        if fmt is Format.json:
            print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            impact_words.print_impact(data, top=top, lang=language, words=words, cache=cache_dir)
        if plot_path is not None:
            err.print(msg("impact.chart", language, path=plot_path), highlight=False)

    guarded(body, lang=language)
