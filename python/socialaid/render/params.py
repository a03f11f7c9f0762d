"""The parameters screen: each parameter with its dated history (from the words of the revision), its
group's horizon, and the value in force on a date as the policy's ``parameters_on`` door says — Python
never picks the value in force itself."""

from __future__ import annotations

from typing import Any

from socialaid.models.doors import ParametersOn
from socialaid.render.analysis import source_words
from socialaid.render.screen import Screen
from socialaid.words.lang import group_word, unit_word
from socialaid.words.messages import Lang, localized, msg
from socialaid.words.texts import Texts, format_value

__all__ = ["params_json", "print_params"]


def _exact(value: Any, lang: Lang) -> str:
    """A parameter's value exactly as the table gives it (0.035 stays 0.035)."""
    if isinstance(value, float) and not isinstance(value, bool):
        return repr(value)
    return format_value(value, lang)


def _in_force(answer: ParametersOn) -> dict[str, tuple[Any, str]]:
    return {p.name: (p.value, p.effective_from) for p in answer.parameters or []}


def params_json(answer: ParametersOn, words: Texts, on: str, group: str | None) -> dict[str, Any]:
    """``{as_of, bundle_revision, errors, parameters: [{name, group, label, unit, clause, horizon, value,
    effective_from, source, source_zh, confidence, confidence_zh, history}]}``: the door's answer with each
    parameter's history."""
    held = {p.name: p for p in answer.parameters or []}
    rows = []
    for g in sorted(words.parameters):
        if group is not None and g != group:
            continue
        for n in sorted(words.parameters[g]):
            spec = words.parameters[g][n]
            name = f"{g}.{n}"
            current = held.get(name)
            rows.append(
                {
                    "name": name,
                    "group": g,
                    "label": spec.get("label") or {},
                    "unit": spec.get("unit", ""),
                    "clause": spec.get("clause"),
                    "horizon": (words.horizon or {}).get(g),
                    "value": current.value if current else None,
                    "effective_from": current.effective_from if current else None,
                    "source": current.source if current else "",
                    "source_zh": (current.source_zh or "") if current else "",
                    "confidence": current.confidence if current else "",
                    "confidence_zh": (current.confidence_zh or "") if current else "",
                    "history": sorted(spec.get("values") or [], key=lambda v: str(v.get("effective_from"))),
                }
            )
    return {
        "as_of": on,
        "bundle_revision": answer.bundle_revision,
        "errors": [e.model_dump() for e in answer.errors],
        "parameters": rows,
    }


def print_params(
    screen: Screen, answer: ParametersOn, words: Texts, on: str, lang: Lang, *, group: str | None = None
) -> None:
    """Per group its horizon; per parameter its id (whole, to copy into ``--param``), label, unit, every
    dated value with the one in force marked, and that value's source."""
    held = _in_force(answer)
    if answer.errors:
        groups = sorted({e.problem.split(" group ")[-1].split(" ")[0] for e in answer.errors if " group " in e.problem})
        named = [group_word(g, lang) for g in groups]
        screen.line(msg("param.past_horizon", lang, as_of=on, groups=msg("list_sep", lang).join(named) or "—"))
        for e in answer.errors:
            if " group " not in e.problem:
                screen.line(f"· {localized(e.problem, lang)}", indent="  ", hang="    ")
    else:
        screen.line(msg("param.title", lang, as_of=on))
    for g in sorted(words.parameters):
        if group is not None and g != group:
            continue
        horizon = (words.horizon or {}).get(g)
        head = msg("param.group", lang, group=g, name=group_word(g, lang))
        screen.heading(f"{head} · {msg('param.horizon', lang, date=horizon)}" if horizon else head)
        for n in sorted(words.parameters[g]):
            spec = words.parameters[g][n]
            name = f"{g}.{n}"
            unit = unit_word(str(spec.get("unit", "")), lang)
            screen.line(f"{name}  {words.parameter_label(name, lang)}", hang="    ")
            current = held.get(name)
            history = sorted(spec.get("values") or [], key=lambda v: str(v.get("effective_from")))
            parts = []
            for v in history:
                mark = msg("param.current", lang) if current and v.get("effective_from") == current[1] else ""
                parts.append(f"{v.get('effective_from')} {_exact(v.get('value'), lang)} {unit}{mark}".strip())
            sep = "；" if lang == "zh" else "; "
            screen.line(f"{msg('param.history', lang)}{msg('colon', lang)}" + sep.join(parts), indent="  ", hang="    ")
            chosen = next((v for v in history if current and v.get("effective_from") == current[1]), None)
            if chosen and chosen.get("source"):
                source = source_words(str(chosen["source"]), lang, chosen.get("source_zh"))
                screen.line(f"{msg('param.source', lang)}{msg('colon', lang)}{source}", indent="  ", hang="    ")
