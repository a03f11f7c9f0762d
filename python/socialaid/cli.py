"""The ``socialaid`` command: decide, validate, list clauses, write schemas, build the bundle.

Exit codes: 0 done; 2 invalid input; 3 decision refused by the policy (e.g. no parameter in force);
4–8 the engine failed (5 unreachable, 6 time-out, 7 undefined result, 8 policy error); 9 bundle
build failed; 70 internal error; 130 interrupted. Errors go to stderr; a decision only ever goes to
stdout when there is one.
"""

from __future__ import annotations

import datetime as dt
import json
import signal
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from socialaid import bundle, schemas
from socialaid.decide import checked
from socialaid.engine import OPA_URL_ENV, open_engine
from socialaid.errors import FieldError, InvalidInputError, SocialaidError
from socialaid.render import decision_json, print_decision, print_field_errors
from socialaid.validation import load_request, validated

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Honghuagang social assistance (遵红府办发〔2021〕49号): cited decisions from the plan's clauses.",
)
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 150)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 150)


class Format(StrEnum):
    table = "table"
    json = "json"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


HouseholdFile = Annotated[
    Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="Household request JSON file")
]
AsOf = Annotated[
    dt.datetime | None, typer.Option("--as-of", formats=["%Y-%m-%d"], help="Decision date (overrides as_of)")
]
FormatOpt = Annotated[Format, typer.Option("--format", help="table or json")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="zh (default) or en")]
OpaUrl = Annotated[
    str | None,
    typer.Option("--opa-url", envvar=OPA_URL_ENV, help="Use a running OPA instead of starting a sidecar"),
]


def fail(exc: SocialaidError, *, as_json: bool = False) -> NoReturn:
    errors: list[FieldError] = getattr(exc, "errors", [])
    if as_json:
        payload: dict[str, Any] = {"error": type(exc).__name__, "message": str(exc)}
        if errors:
            payload["errors"] = [e.to_dict() for e in errors]
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=sys.stderr)
    elif errors:
        title = "Invalid input" if isinstance(exc, InvalidInputError) else "No decision"
        print_field_errors(err, errors, title=f"{title}: {getattr(exc, 'source', 'request')}")
    else:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
    raise typer.Exit(exc.exit_code)


def guarded(body: Callable[[], None], *, as_json: bool = False) -> None:
    try:
        body()
    except SocialaidError as exc:
        fail(exc, as_json=as_json)


def read_request(path: Path, as_of: dt.datetime | None) -> dict[str, Any]:
    request = load_request(path)
    if as_of is not None:
        request = {**request, "as_of": as_of.date().isoformat()}
    return validated(request, source=str(path))


@app.command()
def decide(
    file: HouseholdFile,
    as_of: AsOf = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = Lang.zh,
    opa_url: OpaUrl = None,
) -> None:
    """Decide every program for a household, with the clauses that justify it."""

    def body() -> None:
        request = read_request(file, as_of)
        with open_engine(opa_url) as client:
            decision = checked(client.decide(request))
        if fmt is Format.json:
            print(decision_json(decision))
        else:
            print_decision(out, decision, lang=lang.value)

    guarded(body, as_json=fmt is Format.json)


@app.command()
def validate(file: HouseholdFile, fmt: FormatOpt = Format.table) -> None:
    """Check a household request against schemas/household.schema.json."""

    def body() -> None:
        load_request(file)
        if fmt is Format.json:
            print(json.dumps({"valid": True, "errors": []}))
        else:
            out.print(f"[green]valid[/]: {file}")

    guarded(body, as_json=fmt is Format.json)


@app.command()
def clauses(lang: LangOpt = Lang.zh, fmt: FormatOpt = Format.table) -> None:
    """Each clause of the plan: number, titles and the rules that implement it."""
    from socialaid.annotations import inspect
    from socialaid.registry import clause_registry

    def body() -> None:
        registry = clause_registry()
        rules: dict[int, list[str]] = {}
        for ann in inspect(bundle.ensure_fresh()):
            if ann.clause is not None:
                rules.setdefault(int(ann.clause), []).append(f"{ann.path} — {ann.title}")
        rows = [
            {
                "number": c["number"],
                "title": c["title"],
                "rules": sorted(set(rules.get(c["number"], []))),
            }
            for c in sorted(registry.values(), key=lambda c: c["number"])
        ]
        if fmt is Format.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        table = Table(title="遵红府办发〔2021〕49号", show_lines=True)
        table.add_column("#", justify="right")
        table.add_column("条款 / clause")
        table.add_column("rules", overflow="fold")
        for row in rows:
            other = "en" if lang is Lang.zh else "zh"
            title = f"{row['title'][lang.value]}\n{row['title'][other]}"
            table.add_row(str(row["number"]), title, "\n".join(row["rules"]) or "—")
        out.print(table)

    guarded(body)


@app.command("schema")
def schema_cmd(
    write: Annotated[bool, typer.Option("--write", help="Write schemas/*.schema.json from the models")] = False,
    check: Annotated[bool, typer.Option("--check", help="Fail if the committed schemas drift")] = False,
) -> None:
    """Print, write or check the JSON Schemas generated from the Pydantic models."""
    if write:
        for path in schemas.write_all():
            out.print(f"wrote {path}")
        return
    if check:
        stale = [n for n in schemas.SCHEMAS if schemas.schema_path(n).read_text("utf-8") != schemas.render(n)]
        if stale:
            err.print(f"schemas out of date: {', '.join(stale)}; run `socialaid schema --write`")
            raise typer.Exit(1)
        out.print("schemas up to date")
        return
    print(schemas.render("household"), end="")


@app.command("bundle")
def bundle_cmd() -> None:
    """Build bundles/socialaid.tar.gz (opa build, with a .manifest and the git revision)."""
    guarded(lambda: out.print(f"built {bundle.build()}"))


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def main() -> None:
    """Entry point: SIGTERM unwinds like Ctrl-C so a started sidecar is always stopped."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        raise SystemExit(130) from None


from socialaid import cli_analysis, cli_population  # noqa: E402,F401
