"""``socialaid params``: every parameter with its value in force on a date, effective date, unit and
source — read from the bundle's parameter data, the same data the policy resolves."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from socialaid.cli.app import Format, FormatOpt, LangOpt, UsageError, app, guarded, lang_of, nearest, out
from socialaid.words.messages import Lang, msg

__all__ = ["in_force", "param_names", "params_cmd", "unknown_param_message"]


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
                    "confidence": entry.get("confidence", "") if entry else "",
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


@app.command("params")
def params_cmd(
    as_of: Annotated[
        dt.datetime | None, typer.Option("--as-of", formats=["%Y-%m-%d"], help="Date (default: today)")
    ] = None,
    group: Annotated[str | None, typer.Option("--group", help="Only this group, e.g. dibao")] = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
) -> None:
    """Every parameter: the value in force on the date, its effective date, unit and source."""
    from socialaid.cli.app import local_words

    code = lang_of(lang)
    on = (as_of.date() if as_of else dt.date.today()).isoformat()
    parameters = local_words().parameters
    if group is not None and group not in parameters:
        close = nearest(group, sorted(parameters))
        hint = "; " + msg("did_you_mean", code, names=", ".join(close)) if close else ""
        raise UsageError(msg("unknown_group", code, name=group) + hint)

    def body() -> None:
        rows = [r for r in in_force(parameters, on) if group is None or r["group"] == group]
        if fmt is Format.json:
            print(json.dumps({"as_of": on, "parameters": rows}, ensure_ascii=False, indent=2))
            return
        table = Table(title=msg("param.title", code, as_of=on), show_lines=True)
        for col in ("param.name", "param.label", "param.value", "param.unit", "param.effective", "param.source"):
            table.add_column(msg(col, code), overflow="fold", justify="right" if col == "param.value" else "left")
        for r in rows:
            value = msg("param.none", code) if r["value"] is None else str(r["value"])
            table.add_row(
                r["name"],
                escape(str(r["label"].get(code, ""))),
                escape(value),
                escape(str(r["unit"])),
                str(r["effective_from"] or "—"),
                escape(str(r["source"])),
            )
        out.print(table)

    guarded(body, as_json=fmt is Format.json, lang=code)
