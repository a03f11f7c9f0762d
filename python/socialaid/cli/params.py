"""``socialaid params``: every parameter with its value in force on a date, effective date, unit and
source — read from the bundle's parameter data, the same data the policy resolves."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import typer

from socialaid.cli.app import Format, FormatOpt, LangOpt, OpaUrl, UsageError, guarded, lang_of, nearest, screen
from socialaid.words.messages import Lang, msg

__all__ = ["app", "in_force", "param_names", "params_cmd", "unknown_param_message"]


def in_force(parameters: dict[str, Any], on: str) -> list[dict[str, Any]]:
    """One row per parameter: the entry in force on ``on`` (the latest effective on or before it)."""
    rows = []
    for group in sorted(parameters):
        for name in sorted(parameters[group]):
            spec = parameters[group][name]
            values = sorted(spec.get("values") or [], key=lambda v: str(v.get("effective_from")))
            current = [v for v in values if str(v.get("effective_from")) <= on]
            entry = current[-1] if current else None
            rows.append(
                {
                    "name": f"{group}.{name}",
                    "group": group,
                    "label": spec.get("label") or {},
                    "unit": spec.get("unit", ""),
                    "clause": spec.get("clause"),
                    "value": entry.get("value") if entry else None,
                    "effective_from": entry.get("effective_from") if entry else None,
                    "source": entry.get("source", "") if entry else "",
                    "source_zh": entry.get("source_zh", "") if entry else "",
                    "confidence": entry.get("confidence", "") if entry else "",
                    "confidence_zh": entry.get("confidence_zh", "") if entry else "",
                }
            )
    return rows


def param_names(parameters: dict[str, Any]) -> list[str]:
    return [f"{g}.{n}" for g in sorted(parameters) for n in sorted(parameters[g])]


def unknown_param_message(name: str, parameters: dict[str, Any], lang: Lang) -> str:
    """``unknown parameter X; did you mean A, B? (socialaid params lists them all)``."""
    close = nearest(name, param_names(parameters)) or nearest(name.partition(".")[2], param_names(parameters))
    text = msg("unknown_param", lang, name=name)
    if close:
        text += "; " + msg("did_you_mean", lang, names=", ".join(close))
    return f"{text} ({msg('known_params', lang)})"


app = typer.Typer()


@app.command("params", short_help="Every parameter with its dated history and the value in force")
def params_cmd(
    as_of: Annotated[
        dt.datetime | None, typer.Option("--as-of", formats=["%Y-%m-%d"], help="Date (default: today)")
    ] = None,
    group: Annotated[str | None, typer.Option("--group", help="Only this group, e.g. dibao")] = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    opa_url: OpaUrl = None,
) -> None:
    """Every parameter with its dated history, its group's horizon, and the value the policy holds in
    force on the date (or why none is: a date past the horizon is refused, as decide refuses it)."""
    code = lang_of(lang)
    on = (as_of.date() if as_of else dt.date.today()).isoformat()

    def body() -> None:
        from socialaid.engine import open_engine
        from socialaid.render.params import params_json, print_params

        with open_engine(opa_url) as engine:
            answer = engine.parameters_on(on)
            words = engine.words_for(answer.bundle_revision)
        if group is not None and group not in words.parameters:
            close = nearest(group, sorted(words.parameters))
            hint = "; " + msg("did_you_mean", code, names=", ".join(close)) if close else ""
            raise UsageError(msg("unknown_group", code, name=group) + hint)
        if fmt is Format.json:
            print(json.dumps(params_json(answer, words, on, group), ensure_ascii=False, indent=2))
            if answer.errors:
                raise typer.Exit(3)
            return
        lines = screen()
        print_params(lines, answer, words, on, code, group=group)
        lines.flush()
        if answer.errors:  # as decide refuses a decision on that date
            raise typer.Exit(3)

    guarded(body, as_json=fmt is Format.json, lang=code)
