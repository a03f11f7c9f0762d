"""The form's edits and the what-if's choices: adding or removing an item of a list of the request, the
facts a what-if can change (with their values now), the parameters it can set, and a what-if's value
read as the fact's form input reads it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from socialaid.web import form as forms
from socialaid.words.messages import Lang, msg

if TYPE_CHECKING:
    from socialaid.words.texts import Texts

__all__ = ["edit_list", "fact_name", "fact_options", "fact_value", "param_options", "value_at"]


def edit_list(data: dict[str, Any], action: str) -> dict[str, Any]:
    """``add:/household/members`` appends an empty item; ``remove:/household/members/2`` drops one. An action
    naming no list of the request (or an item it does not have) changes nothing."""
    verb, _, pointer = action.partition(":")
    list_pointer, last = (pointer.rpartition("/")[0], pointer.rpartition("/")[2]) if verb == "remove" else (pointer, "")
    if verb == "remove" and not forms.is_index(last):
        return data
    found = forms.leaf_schema(list_pointer)
    if found is None or found[0].get("type") != "array":
        return data
    node: Any = data
    *path, name = list_pointer.split("/")[1:]
    for part in path:
        if isinstance(node, dict):
            node = node.setdefault(part, {}) if node.get(part) is None else node[part]
        elif isinstance(node, list) and forms.is_index(part) and int(part) < len(node):
            node = node[int(part)]
        else:
            return data
    if not isinstance(node, dict):
        return data
    items = node.get(name)
    items = items if isinstance(items, list) else []
    if verb == "add" and len(items) < int(found[0].get("maxItems", forms.MAX_INDEX)):
        items.append({})
    elif verb == "remove" and int(last) < len(items) and len(items) > int(found[0].get("minItems", 0)):
        del items[int(last)]
    node[name] = items
    return data


def value_at(data: Any, pointer: str) -> Any:
    node = data
    for part in pointer.split("/")[1:]:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def fact_name(data: dict[str, Any], pointer: str, lang: Lang) -> str:
    from socialaid.web.views import _fact_label, member_names

    return _fact_label(pointer, member_names(data), data, lang)


def fact_options(data: dict[str, Any], lang: Lang) -> list[tuple[str, list[tuple[str, str]]]]:
    """The facts a what-if can change, grouped (the household and each member), each with its value now."""
    from socialaid.web.views import member_names

    names = list(member_names(data).values())
    groups: dict[str, list[tuple[str, str]]] = {}
    for pointer in forms.leaf_paths(data):
        parts = pointer.split("/")
        if parts[1:3] == ["household", "members"]:
            group = names[int(parts[3])] if int(parts[3]) < len(names) else parts[3]
        else:
            group = msg("web.section.household", lang)
        label = forms.field_label(pointer, lang)
        if len(parts) > 5:  # a fact of a member's disability, employment …: say whose part it is
            label = f"{forms.field_label('/'.join(parts[:-1]), lang)} · {label}"
        now = value_at(data, pointer)
        shown = "" if now is None else str(now).lower() if isinstance(now, bool) else str(now)
        groups.setdefault(group, []).append((pointer, f"{label}（{shown}）" if shown else label))
    return list(groups.items())


def param_options(texts: Texts, lang: Lang) -> list[tuple[str, str]]:
    out = []
    for group, entries in sorted(texts.parameters.items()):
        if not isinstance(entries, dict):
            continue
        for name in sorted(entries):
            out.append((f"{group}.{name}", f"{texts.parameter_label(f'{group}.{name}', lang)} ({group}.{name})"))
    return out


def fact_value(pointer: str, raw: str) -> Any:
    """A what-if's value for the fact at ``pointer``, read as its form input is (an enum's words too)."""
    found = forms.leaf_schema(pointer)
    if found is None:
        return raw
    spec, nullable = found
    if "enum" in spec:
        name = pointer.rsplit("/", 1)[-1]
        for code in spec["enum"]:
            if raw.strip() in {
                str(code),
                forms.enum_label(name, str(code), "zh"),
                forms.enum_label(name, str(code), "en"),
            }:
                return code
    keep, value = forms._scalar(spec, nullable, raw)
    return value if keep else None
