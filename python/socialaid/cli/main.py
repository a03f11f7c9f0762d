"""The ``socialaid`` command: decide, validate, list clauses, write schemas, build the bundle; ``what-if``,
``sweep``, ``explain`` and ``params`` are Typer apps of their own modules, merged in at the end. Shared
options, error output and exit codes are in :mod:`socialaid.cli.app` (64 usage, 2 invalid input, 3 refused,
4–8 engine, 9 bundle, 70 internal).
"""

from __future__ import annotations

import json
import signal
from typing import Annotated

import typer

from socialaid.cli.app import (
    AsOf,
    ClickUsageError,
    Format,
    FormatOpt,
    HouseholdArg,
    LangOpt,
    OpaUrl,
    UsageError,
    app,
    err,
    guarded,
    lang_of,
    local_words,
    out,
    read_request,
    screen,
    usage_line,
    worded,
)
from socialaid.words.messages import Lang, msg

__all__ = ["app", "main"]


@app.command(short_help="Decide every program for a household, the answer first")
def decide(
    file: HouseholdArg,
    as_of: AsOf = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    details: Annotated[bool, typer.Option("--details", help="Every finding with its basis, after the summary")] = False,
    opa_url: OpaUrl = None,
) -> None:
    """Decide every program for a household: the answer first, then (--details) every finding.

    One query: the compact decision for ``--format json``, else the explanation (the decision with
    every finding), shown in the words of the revision that decided."""
    code = lang_of(lang)

    def body() -> None:
        from socialaid.engine import open_engine
        from socialaid.render.decision import decision_json, print_decision

        request = read_request(file, as_of)
        with open_engine(opa_url) as engine:
            if fmt is Format.json and not details:
                print(decision_json(worded(request, lambda: engine.decide(request)).doc()))
                return
            explained = worded(request, lambda: engine.explain(request))
            words = engine.words_for(explained)
        if fmt is Format.json:
            print(decision_json(explained.model_copy(update={"words": words.explanation_words(explained, code)}).doc()))
            return
        doc = explained.doc()
        lines = screen()
        ids = [str(m.get("id")) for m in (request.get("household") or {}).get("members") or []]
        print_decision(
            lines, doc, words, lang=code, details=details, findings=doc.get("findings") or [], member_ids=ids
        )
        lines.flush()

    guarded(body, as_json=fmt is Format.json, lang=code)


@app.command(short_help="Check a household request against the household schema")
def validate(file: HouseholdArg, fmt: FormatOpt = Format.table, lang: LangOpt = None) -> None:
    """Check a household request against schemas/household.schema.json."""
    code = lang_of(lang)

    def body() -> None:
        read_request(file, None, validate_here=True)
        if fmt is Format.json:
            print(json.dumps({"valid": True, "errors": []}))
        else:
            out.print(f"[green]{msg('valid', code)}[/]: {file}")

    guarded(body, as_json=fmt is Format.json, lang=code)


@app.command(short_help="Each clause of the plan with the rules that implement it")
def clauses(lang: LangOpt = None, fmt: FormatOpt = Format.table) -> None:
    """Each clause of the plan: its title and the rules that implement it (id and title)."""
    from socialaid.words.registry import clause_registry

    code = lang_of(lang)

    def body() -> None:
        words = local_words()
        rules: dict[int, set[str]] = {}
        for rule_id, entry in words.rules.items():
            if entry.get("clause") is not None:
                rules.setdefault(int(entry["clause"]), set()).add(f"{rule_id} — {words.rule_title(rule_id, code)}")
        rows = [
            {"number": c["number"], "title": c["title"], "rules": sorted(rules.get(c["number"], set()))}
            for c in sorted(clause_registry().values(), key=lambda c: c["number"])
        ]
        if fmt is Format.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        lines = screen()
        lines.line(msg("plan_name", code))
        for row in rows:
            lines.heading(msg("clause_heading", code, n=row["number"], title=words.clause_title(row["number"], code)))
            for rule_id in sorted(r for r, e in words.rules.items() if e.get("clause") == row["number"]):
                lines.line(f"· {words.rule_title(rule_id, code)}  {rule_id}", indent="  ", hang="    ")
        lines.flush()

    guarded(body, lang=code)


@app.command("schema", short_help="Print, write or check the JSON Schemas")
def schema_cmd(
    write: Annotated[bool, typer.Option("--write", help="Write schemas/*.schema.json from the models")] = False,
    check: Annotated[bool, typer.Option("--check", help="Fail if the committed schemas drift")] = False,
) -> None:
    """Print, write or check the JSON Schemas generated from the Pydantic models."""
    from socialaid.models import schemas

    if write and check:
        raise UsageError("--write and --check exclude each other: write the schemas, or check them")
    if write:
        for path in schemas.write_all():
            out.print(f"wrote {path}")
        return
    if check:
        from socialaid.models import openapi

        stale = [n for n in schemas.SCHEMAS if schemas.schema_path(n).read_text("utf-8") != schemas.render(n)]
        if openapi.OPENAPI_PATH.read_text("utf-8") != openapi.render():
            stale.append("openapi")
        if stale:
            err.print(f"schemas out of date: {', '.join(stale)}; run `socialaid schema --write`")
            raise typer.Exit(1)
        out.print("schemas up to date")
        return
    print(schemas.render("household"), end="")


@app.command("bundle", short_help="Build and sign bundles/socialaid.tar.gz")
def bundle_cmd(lang: LangOpt = None) -> None:
    """Build bundles/socialaid.tar.gz (opa build, with a .manifest and the git revision)."""
    from socialaid.server import bundle

    code = lang_of(lang)

    def body() -> None:
        lines = screen()
        lines.line(msg("bundle.built", code, path=bundle.build()))
        lines.flush()

    guarded(body, lang=code)


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _argv_lang(argv: list[str]) -> Lang:
    """The language the command line asks for, read before parsing (a usage error has no parsed options)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in {"zh", "en"}:
            return "en" if argv[i + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.endswith("=en") else "zh"
    return lang_of(None)


def main() -> None:
    """Entry point: SIGTERM unwinds like Ctrl-C so a started sidecar is always stopped; a usage error is
    one line in the chosen language (exit 64); a closed pipe (``| head -1``) ends quietly."""
    import os
    import sys

    signal.signal(signal.SIGTERM, _terminate)
    code = _argv_lang(sys.argv[1:])
    try:
        rc = app(standalone_mode=False)  # an Exit raised by a command comes back as its code
    except ClickUsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `socialaid`: the help as --help shows it
            print(exc.ctx.get_help() if exc.ctx else "", file=sys.stderr)  # type: ignore[attr-defined]
            raise SystemExit(64) from None
        text = exc.format_message()  # type: ignore[attr-defined]
        text = text.replace("Value error, ", "")  # a date typer checked with pydantic
        from socialaid.render.screen import Screen

        lines = Screen.for_stream(sys.stderr)
        lines.line(usage_line(text, code))
        lines.flush()
        raise SystemExit(64) from None
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except (KeyboardInterrupt, typer.Abort):
        print(msg("interrupted", code), file=sys.stderr)
        raise SystemExit(130) from None
    except BrokenPipeError:
        # the reader stopped reading: nothing more to say; stdout is pointed at /dev/null so that the
        # interpreter's own flush at exit does not fail again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None
    if isinstance(rc, int) and rc:
        raise SystemExit(rc)


# The command groups register themselves on `app`: each module defines its commands on socialaid.cli.app.app.
from socialaid.cli import explain, params, population, serve, sweep, web, whatif  # noqa: E402

for _group in (whatif, sweep, explain, params):  # one Typer a module, merged into the top level
    app.add_typer(_group.app)
del population, serve, web  # they register on socialaid.cli.app.app themselves
