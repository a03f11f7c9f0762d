"""The request's fields in words: a JSON pointer (``/household/members/1/monthly_income``) as a person
names it (``成员 wife 的月收入`` / ``monthly income of member wife``), from the descriptions of the
request's models (``schemas/household.schema.json``: ``English / 中文``)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from socialaid.words.lang import in_lang
from socialaid.words.messages import Lang, msg

__all__ = ["field_words"]


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    from socialaid.models.schemas import load

    return load("household")


def _described(description: str, lang: Lang, *, unit: bool = False) -> str:
    en, sep, zh = description.partition(" / ")
    if not sep:
        return ""
    if lang == "zh":
        text = zh.split("；")[0].strip()
        return text if unit else re.sub(r"（元）$", "", text)
    text = re.sub(r"\s*[（(][^()（）]*[\u4e00-\u9fff][^()（）]*[)）]", "", en.split("; ")[0])
    return in_lang(text if unit else text.removesuffix(", CNY"), lang).strip()


def field_words(pointer: str, lang: Lang, *, member_ids: list[str] | None = None, unit: bool = False) -> str:
    """The field at ``pointer`` in words, with the member it belongs to; the pointer's last name when the
    schema does not describe it."""
    schema = _schema()
    from socialaid.models.schemas import resolve  # the models load only where a field is named

    node = resolve(schema, schema)
    parts = [p for p in pointer.split("/")[1:]]
    name, full, member = "", "", None
    for i, part in enumerate(parts):
        if node.get("type") == "array" or "items" in node:
            if parts[i - 1] == "members" and part.isdigit():
                index = int(part)
                member = member_ids[index] if member_ids and index < len(member_ids) else part
            node = resolve(node.get("items", {}), schema)
            continue
        field = resolve((node.get("properties") or {}).get(part), schema)
        raw = ((node.get("properties") or {}).get(part) or {}).get("description") or field.get("description") or ""
        full = _described(str(raw), lang, unit=True)
        name = _described(str(raw), lang) or part.replace("_", " ")
        node = field
    suffix = ""
    if unit and full != name:  # the unit the description names: "Monthly income, CNY" / "月收入（元）"
        suffix = f"（{full[len(name) :].strip('（）')}）" if lang == "zh" else f" ({full[len(name) :].strip(', ')})"
    if member is not None:
        return msg("field.member", lang, member=member, field=name) + suffix
    return name + suffix
