"""The impact report on the screen (``socialaid impact``): the reform in words, the counts, gainers and
losers and cost by program, the rules that moved, and the distributions by decile and area, as plain
lines that fit the screen (render.screen) in one language."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from socialaid.words.messages import Lang as LangCode
from socialaid.words.messages import msg

__all__ = ["print_impact", "reform_words"]


def reform_words(reform: Any, lang: LangCode, words: Any) -> str:
    """The reform as a person reads it: each parameter by its label in the bundle, each request change."""
    parts = [f"{path} = {json.dumps(value, ensure_ascii=False)}" for path, value in reform.sets]
    parts += [
        msg("impact.reform.param", lang, label=words.parameter_label(f"{g}.{n}", lang), value=v)
        for g, n, v in reform.params
    ]
    return msg("list_sep", lang).join(parts)


def _rule_words(key: str, lang: LangCode, words: Any) -> str:
    """``clause 5 · dibao.income_test`` (the report's key) in words: 第5条 · the rule's title."""
    clause, _, rule = key.removeprefix("clause ").partition(" · ")
    program, sep, amount = rule.partition(": ")
    if sep and amount == "amount":
        rule_text = msg("impact.amount_rule", lang, program=words.program_name(program, lang))
    else:
        rule_text = words.rule_title(rule, lang)
    return f"{msg('clause_no', lang, clause=clause)} · {rule_text}"


def _shown_path(path: Path | None) -> str:
    """A path as the user gave it: relative to the working directory when it lies below it."""
    if path is None:
        return ""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def print_impact(data: dict[str, Any], *, top: int, lang: LangCode, words: Any, cache: Path | None) -> None:
    """The report as plain lines that fit the screen (render.screen): no amount, id or word is cut,
    and into a pipe each line is whole, without padding."""
    from socialaid.render.screen import Screen

    screen = Screen.for_stream(sys.stdout)
    refused = data["refused"]
    screen.line(msg("impact.title", lang, reform=data["reform"]))
    screen.line(msg("impact.against", lang, base=data["base"], as_of=data["as_of"]))
    screen.line(
        msg(
            "impact.counts",
            lang,
            households=data["households"],
            changed=data["changed_households"],
            base=refused["base"],
            reform=refused["reform"],
            one=refused["decided_under_one_side_only"],
            seconds=f"{data['seconds']:.1f}",
        )
    )
    screen.line(msg(f"impact.cache.{data['base_cache']}", lang, path=_shown_path(cache), decisions=data["decisions"]))
    screen.line(msg("impact.cash", lang, better=data["households_better_off"], worse=data["households_worse_off"]))
    by_clause = data["program_changes_by_clause"]
    if by_clause:
        items = msg("list_sep", lang).join(
            msg("impact.by_clause_item", lang, clause=c, n=n) for c, n in by_clause.items()
        )
        screen.line(msg("impact.by_clause", lang, items=items))
    keys = ("newly", "no_longer", "gainers", "losers", "month_urban", "month_rural", "year_total")
    header = [msg("impact.col.program", lang), *(msg(f"impact.col.{k}", lang) for k in keys)]
    header = [" ".join(h.split()) for h in header]  # a column title is one line here
    rows = []
    for name, p in data["programs"].items():
        moved = p["first_changed"]
        if not moved and not p["gainers"] and not p["losers"]:
            continue
        rows.append(
            [
                words.program_name(name, lang),
                f"{p['newly_eligible']['households']} / {p['newly_eligible']['persons']}",
                f"{p['no_longer_eligible']['households']} / {p['no_longer_eligible']['persons']}",
                str(p["gainers"]),
                str(p["losers"]),
                f"{p['monthly_cost_change'].get('urban', 0):+,.2f}",
                f"{p['monthly_cost_change'].get('rural', 0):+,.2f}",
                f"{p['annual_cost_change']['total']:+,.2f}",
            ]
        )
        rows += [["", f"{n} × {_rule_words(rule, lang, words)}"] for rule, n in list(moved.items())[:top]]
    if rows:
        screen.line()
        _program_table(screen, header, rows)
        screen.line(msg("impact.caption", lang))
    else:
        screen.line(msg("impact.no_changes", lang))
    _print_distributions(screen, data["distributions"], lang=lang)
    screen.flush()


def _program_table(screen: Any, header: list[str], rows: list[list[str]]) -> None:
    """The programs' figures aligned in columns, each program's first changed rules on the lines below
    it; below the screen's width, one block a program, ``title: figure`` a line."""
    from socialaid.render.screen import columns

    figures = [r for r in rows if r[0]]
    aligned = columns(figures, header=header, right=list(range(1, len(header))), width=screen.width)
    if len(aligned) == len(figures) + 1:  # aligned in columns (below the width, columns() gives blocks)
        screen.lines.append(aligned[0])
        i = 1
        for r in rows:
            if r[0]:
                screen.lines.append(aligned[i])
                i += 1
            else:
                screen.line(r[1], indent="  ", hang="    ")
        return
    for r in rows:
        if r[0]:
            screen.line(r[0])
            for title, cell in zip(header[1:], r[1:], strict=True):
                screen.line(f"{title}: {cell}", indent="  ", hang="    ")
        else:
            screen.line(r[1], indent="  ", hang="    ")


def _print_distributions(screen: Any, dist: dict[str, Any], *, lang: LangCode) -> None:
    if not dist["available"]:
        screen.line(msg("impact.distributions.unavailable", lang))
        return
    screen.heading(msg("impact.deciles.title", lang))
    header = [
        " ".join(msg(f"impact.col.{k}", lang).split())
        for k in ("decile", "households", "per_capita", "winners", "losers_cash", "mean_change")
    ]
    rows = []
    for d in dist["deciles"]:
        income = d["per_capita_income"]
        rows.append(
            [
                str(d["decile"]),
                str(d["households"]),
                f"{income['min']:,.2f} – {income['max']:,.2f}",
                str(d["winners"]),
                str(d["losers"]),
                f"{d['mean_monthly_change']:+,.2f}",
            ]
        )
    screen.table(rows, header=header, right=list(range(len(header))))
    screen.heading(msg("impact.poverty.title", lang))
    for when in ("before_transfers", "after_transfers"):
        for side in ("base", "reform"):
            screen.line(msg(f"impact.poverty.{side}.{when}", lang))
            for area in ("urban", "rural"):
                c = dist["poverty"][side][when][area]
                cell = msg(
                    "impact.poverty.cell",
                    lang,
                    households=f"{c['households']:,}",
                    persons=f"{c['persons']:,}",
                    gap=f"{c['monthly_gap']:,.2f}",
                )
                screen.line(f"{msg(f'impact.col.{area}', lang)}: {cell}", indent="  ", hang="    ")
    if dist["without_figures"]:
        screen.line(msg("impact.distributions.partial", lang, n=dist["without_figures"]))
