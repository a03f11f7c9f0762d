"""The household form, generated from the request schema (schemas/household.schema.json), and the way
back: the form's fields into a request.

Every input is named by the JSON pointer of the fact it holds (``/household/members/0/monthly_income``),
so an error the policy reports at a pointer is shown next to the input of that name, or next to the
nearest enclosing group when the pointer names an object or a list. Labels are the schema's own
descriptions (``English / 中文``); the words around them come from the message catalog.

Reading a form makes no decision about validity: a number that does not parse stays the string it was,
and the policy says what is wrong with it (its pointer, in its words). Only names the schema does not
have are dropped — a form cannot add fields to a request. Pure functions; no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from socialaid.words.messages import MESSAGES, Lang, msg

__all__ = [
    "MAX_DEPTH",
    "MAX_INDEX",
    "Node",
    "build_form",
    "enum_label",
    "field_label",
    "is_index",
    "leaf_paths",
    "leaf_schema",
    "parse_form",
    "place_errors",
    "schema",
    "split_label",
]

MAX_DEPTH = 10  # no input of the form lies deeper (/household/members/0/legal_supporters/0/disability/grade is 7)
MAX_INDEX = 400  # the longest list of the schema (members: 100)
NONE_SUFFIX = "#none"  # the control of a nullable list that says "stated: there are none" ([])
SKIPPED = {"parameter_overrides"}  # not a fact about the household: the what-if panel sets it (analyst mode)
_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")
_INDEX = re.compile(r"^(0|[1-9][0-9]{0,2})$")
_TRUE = {"true", "on", "yes", "1", "是"}
_FALSE = {"false", "off", "no", "0", "否"}


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    from socialaid.models.schemas import load

    return load("household")


def _resolve(node: Any) -> tuple[dict[str, Any], bool]:
    """A schema node with ``$ref`` followed and a nullable ``anyOf`` unwrapped; and whether null is allowed.
    The property's own keywords (description, default) are kept over the referenced definition's."""
    nullable = False
    merged: dict[str, Any] = {}
    while isinstance(node, dict):
        if "anyOf" in node:
            branches = node["anyOf"]
            nullable = nullable or any(isinstance(b, dict) and b.get("type") == "null" for b in branches)
            merged = {**{k: v for k, v in node.items() if k != "anyOf"}, **merged}
            node = next((b for b in branches if isinstance(b, dict) and b.get("type") != "null"), {})
        elif "$ref" in node:
            merged = {**{k: v for k, v in node.items() if k != "$ref"}, **merged}
            node = schema()["$defs"][str(node["$ref"]).rsplit("/", 1)[-1]]
        else:
            return {**node, **merged}, nullable
    return merged, nullable


def split_label(description: str, lang: Lang) -> tuple[str, str]:
    """The schema's ``English / 中文`` description as (label, hint) in ``lang``: the label is its first
    phrase, the hint what follows (``法定赡养、抚养、扶养义务人；[] 表示无；…`` → the name, then the note)."""
    en, sep, zh = description.partition(" / ")
    text = (zh if sep else en) if lang == "zh" else en
    for mark in ("；", "; "):
        head, found, rest = text.partition(mark)
        if found:
            # a note written in JSON for programs ("[] states there are none") is the form's own control here
            notes = [part.strip() for part in rest.split(mark) if not re.search(r"\[\]|\{", part)]
            return head.strip(), mark.join(notes)
    return text.strip(), ""


def _kind(spec: dict[str, Any]) -> str:
    if "enum" in spec:
        return "enum"
    if spec.get("type") == "object" or "properties" in spec:
        return "object"
    if spec.get("type") == "array":
        return "array"
    return str(spec.get("type", "string"))


def _parts(pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")] if pointer else []


def _ptr(parts: Iterable[str | int]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def leaf_schema(pointer: str) -> tuple[dict[str, Any], bool] | None:
    """The schema of the fact at ``pointer`` (array indices as numbers), or None when the request has no such
    place (or it is one the form does not hold)."""
    parts = _parts(pointer)
    if not parts or len(parts) > MAX_DEPTH or parts[0] in SKIPPED:
        return None
    spec, nullable = _resolve(schema())
    for part in parts:
        kind = _kind(spec)
        if kind == "object":
            properties = spec.get("properties") or {}
            if part not in properties:
                return None
            spec, nullable = _resolve(properties[part])
        elif kind == "array":
            # one item past the schema's maxItems still reads, so that the policy refuses the list at its pointer
            # (a form never drops a member without saying so); more is not rendered back
            if not _INDEX.match(part) or int(part) > min(int(spec.get("maxItems", MAX_INDEX)), MAX_INDEX):
                return None
            spec, nullable = _resolve(spec.get("items") or {})
        else:
            return None
    return spec, nullable


def is_index(part: str) -> bool:
    """A list index as a form names it: 0–999, no sign, no leading zero."""
    return bool(_INDEX.match(part))


def enum_label(field_name: str, value: str, lang: Lang) -> str:
    key = f"web.enum.{field_name}.{value}"
    return msg(key, lang) if key in MESSAGES else value


def field_label(pointer: str, lang: Lang) -> str:
    """The label of the fact at ``pointer``, as the form shows it."""
    found = leaf_schema(pointer)
    if found is None:
        return pointer
    return split_label(str(found[0].get("description", "")), lang)[0] or _parts(pointer)[-1]


# --- reading a form -----------------------------------------------------------------------------


def _scalar(spec: dict[str, Any], nullable: bool, raw: str) -> tuple[bool, Any]:
    """(keep, value) for one input: blank is not given; numbers parse when they are plain finite decimals
    (else the text goes to the policy as it is); booleans from a checkbox or a yes/no choice."""
    kind = _kind(spec)
    text = raw.strip()
    if kind == "boolean":
        low = text.lower()
        if low in _TRUE:
            return True, True
        if low in _FALSE:
            return True, False
        return (False, None) if not text else (True, text)
    if not text:
        return False, None
    if kind in {"number", "integer"}:
        if _NUMBER.match(text):
            number = float(text)
            if math.isfinite(number):
                if number == int(number) and abs(number) < 2**53:
                    return True, int(number)
                return True, number
        return True, text
    if kind == "array":  # a list of strings, written "father, son"
        return True, [p for p in re.split(r"[,，、\s]+", text) if p]
    return True, text


def _insert(tree: dict[str, Any], parts: list[str], value: Any) -> None:
    node = tree
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[parts[-1]] = value


def _shape(spec: dict[str, Any], node: Any) -> Any:
    """The collected tree into request JSON: lists from their indices, in order; empty objects and lists
    dropped (nothing given), except a list stated empty with its ``#none`` control."""
    kind = _kind(spec)
    if kind == "object" and isinstance(node, dict):
        out: dict[str, Any] = {}
        for name, sub in (spec.get("properties") or {}).items():
            if name in node:
                value = _shape(_resolve(sub)[0], node[name])
                if value is not None:
                    out[name] = value
        return out or None
    if kind == "array" and isinstance(node, dict) and "items" in node:
        items_spec = _resolve(spec.get("items") or {})[0]
        items = [_shape(items_spec, node["items"][i]) for i in sorted(node["items"])]
        if _kind(items_spec) == "object":
            items = [item if item is not None else {} for item in items]  # an added, still empty item stays
        kept = [item for item in items if item is not None]
        if kept:
            return kept
        return [] if node.get("none") else None
    if kind == "array" and isinstance(node, dict) and node.get("none"):
        return []
    return node


def parse_form(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The request the form's fields make. Names are JSON pointers; a name the schema does not have, or one
    past the form's depth, is dropped. A list's items are its indices in order (gaps close up)."""
    tree: dict[str, Any] = {}
    for name, raw in pairs:
        if not name.startswith("/") or len(name) > 300:
            continue
        none = name.endswith(NONE_SUFFIX)
        pointer = name[: -len(NONE_SUFFIX)] if none else name
        found = leaf_schema(pointer)
        if found is None:
            continue
        spec, nullable = found
        parts = _parts(pointer)
        # lists are collected as {"items": {index: …}} so that their order is their indices'
        collected: list[str] = []
        spec_node, _ = _resolve(schema())
        for part in parts:
            if _kind(spec_node) == "array":
                collected += ["items", part]
                spec_node = _resolve(spec_node.get("items") or {})[0]
            else:
                collected.append(part)
                spec_node = _resolve((spec_node.get("properties") or {}).get(part) or {})[0]
        if none:
            if _kind(spec) == "array" and nullable and raw.strip():
                _insert(tree, [*collected, "none"], True)
            continue
        if _kind(spec) == "object":  # an empty list item: its index alone keeps it
            _insert(tree, collected, tree_get(tree, collected) or {})
            continue
        keep, value = _scalar(spec, nullable, raw)
        if keep:
            _insert(tree, collected, value)
    _index_lists(tree)
    request = _shape(_resolve(schema())[0], tree)
    return request if isinstance(request, dict) else {}


def tree_get(tree: dict[str, Any], parts: list[str]) -> Any:
    node: Any = tree
    for part in parts:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _index_lists(node: Any) -> None:
    """Turn the string indices under every ``items`` into numbers (sorted later)."""
    if not isinstance(node, dict):
        return
    for key, value in list(node.items()):
        if key == "items" and isinstance(value, dict):
            node[key] = {int(k): v for k, v in value.items() if isinstance(k, str) and k.isdigit()}
            for child in node[key].values():
                _index_lists(child)
        else:
            _index_lists(value)


# --- the form's nodes ---------------------------------------------------------------------------


@dataclass(eq=False)
class Node:
    """One input (``kind="field"``), group of inputs (``"group"``) or list of groups (``"list"``)."""

    kind: str
    pointer: str
    label: str
    hint: str = ""
    control: str = ""  # number | date | text | month | select | checkbox | csv
    attrs: dict[str, str] = field(default_factory=dict)
    options: list[tuple[str, str]] = field(default_factory=list)
    value: str = ""
    errors: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    collapsible: bool = False
    open: bool = False
    removable: bool = False
    addable: bool = True
    nullable_list: bool = False
    stated_none: bool = False
    item_label: str = ""

    @property
    def id(self) -> str:
        return "f" + self.pointer.replace("/", ".").replace("#", "-")

    @property
    def fields(self) -> list[Node]:
        return [c for c in self.children if c.kind == "field" and c.control != "checkbox"]

    @property
    def checks(self) -> list[Node]:
        return [c for c in self.children if c.kind == "field" and c.control == "checkbox"]

    @property
    def groups(self) -> list[Node]:
        return [c for c in self.children if c.kind != "field"]

    @property
    def main_groups(self) -> list[Node]:
        """The groups shown open in place: the household, the members and their items."""
        return [c for c in self.groups if not c.chip]

    @property
    def chip_groups(self) -> list[Node]:
        """The optional groups, shown closed side by side until opened."""
        return [c for c in self.groups if c.chip]

    @property
    def chip(self) -> bool:
        return self.collapsible or (self.kind == "list" and self.pointer != "/household/members")

    def walk(self) -> Iterable[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def has_content(self) -> bool:
        return any(
            n.errors or (n.kind == "field" and n.value not in {"", "false"}) or n.stated_none for n in self.walk()
        )


def _fmt_number(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value == int(value) and abs(value) < 2**53:
        return str(int(value))
    return str(value)


def _value(spec: dict[str, Any], value: Any) -> str:
    if value is None:
        return ""
    kind = _kind(spec)
    if kind == "boolean":
        return "true" if value is True else "false" if value is False else str(value)
    if kind == "array" and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if kind in {"number", "integer"}:
        return _fmt_number(value)
    return str(value)


def _words(lang: Lang, key: str, **values: object) -> str:
    return msg(key, lang, **values)


def _field(
    name: str, spec: dict[str, Any], nullable: bool, pointer: str, value: Any, required: bool, lang: Lang
) -> Node:
    label, hint = split_label(str(spec.get("description", "")), lang)
    node = Node(kind="field", pointer=pointer, label=label or name, hint=hint, value=_value(spec, value))
    kind = _kind(spec)
    attrs: dict[str, str] = {}
    if kind == "enum":
        node.control = "select"
        blank = "" if required else msg("web.not_stated", lang)
        node.options = [("", blank)] + [(str(v), enum_label(name, str(v), lang)) for v in spec["enum"]]
        if required:
            attrs["required"] = ""
    elif kind == "boolean":
        default = spec.get("default")
        if required or nullable or default is not False:
            node.control = "select"  # a yes/no to be chosen, not a box whose blank means "no"
            node.options = [
                ("", "" if required else msg("web.not_stated", lang)),
                ("true", msg("web.bool.true", lang)),
                ("false", msg("web.bool.false", lang)),
            ]
            if required:
                attrs["required"] = ""
        else:
            node.control = "checkbox"
    elif kind in {"number", "integer"}:
        node.control = "number"
        if "minimum" in spec:
            attrs["min"] = _fmt_number(spec["minimum"])
        if "maximum" in spec:
            attrs["max"] = _fmt_number(spec["maximum"])
        attrs["step"] = "1" if kind == "integer" else ("0.01" if spec.get("minimum") == 0 else "any")
        attrs["inputmode"] = "numeric" if kind == "integer" else "decimal"
        if "min" in attrs:
            attrs["data-err-min"] = msg("web.err.min", lang, min=attrs["min"])
        if "max" in attrs:
            attrs["data-err-max"] = msg("web.err.max", lang, max=attrs["max"])
        attrs["data-err-type"] = msg("web.err.integer" if kind == "integer" else "web.err.number", lang)
        attrs["data-err-step"] = msg("web.err.integer" if kind == "integer" else "web.err.step", lang)
        if required:
            attrs["required"] = ""
    elif kind == "array":
        node.control = "csv"
        attrs["maxlength"] = "2000"
    elif spec.get("format") == "date":
        node.control = "date"
        attrs["min"], attrs["max"] = "1900-01-01", "2099-12-31"
        attrs["data-err-range"] = msg("web.err.range", lang, min="1900-01-01", max="2099-12-31")
        if required:
            attrs["required"] = ""
    else:
        node.control = "text"
        if "pattern" in spec:
            attrs["pattern"] = str(spec["pattern"]).removeprefix("^").removesuffix("$")
            example = "2025-06" if "(0[1-9]|1[0-2])" in str(spec["pattern"]) else str(spec["pattern"])
            attrs["placeholder"] = example
            attrs["data-err-pattern"] = msg("web.err.pattern", lang, example=example)
        if "maxLength" in spec:
            attrs["maxlength"] = str(spec["maxLength"])
        if spec.get("minLength") or required:
            attrs["required"] = ""
    if "required" in attrs:
        attrs["data-err-required"] = msg("web.err.required", lang)
    node.attrs = attrs
    return node


_ITEM_NAMES = {"members": "web.member_label"}


def _group(
    name: str, spec: dict[str, Any], pointer: str, data: Any, required: bool, lang: Lang, *, top: bool = False
) -> Node:
    label, hint = split_label(str(spec.get("description", "")), lang)
    node = Node(kind="group", pointer=pointer, label=label or name, hint=hint, collapsible=not required and not top)
    data = data if isinstance(data, dict) else {}
    needed = set(spec.get("required") or [])
    for sub, sub_spec in (spec.get("properties") or {}).items():
        if sub in SKIPPED:
            continue
        child_spec, nullable = _resolve(sub_spec)
        node.children.append(
            _node(sub, child_spec, nullable, f"{pointer}/{sub}", data.get(sub), required and sub in needed, lang)
        )
    return node


def _list(name: str, spec: dict[str, Any], nullable: bool, pointer: str, data: Any, lang: Lang) -> Node:
    label, hint = split_label(str(spec.get("description", "")), lang)
    items_spec, _ = _resolve(spec.get("items") or {})
    node = Node(kind="list", pointer=pointer, label=label or name, hint=hint, nullable_list=nullable)
    items = data if isinstance(data, list) else []
    node.stated_none = nullable and isinstance(data, list) and not data
    node.item_label = msg(_ITEM_NAMES[name], lang) if name in _ITEM_NAMES else label
    minimum = int(spec.get("minItems", 0))
    node.addable = len(items) < int(spec.get("maxItems", MAX_INDEX))
    for i, item in enumerate(items):
        child = _group(name, items_spec, f"{pointer}/{i}", item, True, lang)
        child.label = msg("web.item_n", lang, what=node.item_label, n=i + 1)
        child.collapsible = False
        child.removable = len(items) > minimum
        node.children.append(child)
    return node


def _node(name: str, spec: dict[str, Any], nullable: bool, pointer: str, data: Any, required: bool, lang: Lang) -> Node:
    kind = _kind(spec)
    if kind == "object":
        return _group(name, spec, pointer, data, required, lang)
    if kind == "array" and _kind(_resolve(spec.get("items") or {})[0]) == "object":
        return _list(name, spec, nullable, pointer, data, lang)
    return _field(name, spec, nullable, pointer, data, required, lang)


def build_form(request: Mapping[str, Any], lang: Lang, errors: Mapping[str, list[str]] | None = None) -> Node:
    """The form for ``request`` (its values filled in) with ``errors`` placed by pointer; a group opens
    when it holds a value or an error."""
    root = _group("request", _resolve(schema())[0], "", dict(request), True, lang, top=True)
    index = {n.pointer: n for n in root.walk()}
    for pointer, messages in (errors or {}).items():
        index.get(pointer, root).errors.extend(messages)
    for n in root.walk():
        n.open = n.has_content()
    return root


def place_errors(pointers: Iterable[str], known: Iterable[str]) -> dict[str, str]:
    """Each error pointer to the nearest pointer the form shows (itself, else its closest ancestor; "" for
    the form as a whole)."""
    shown = set(known)
    placed: dict[str, str] = {}
    for pointer in pointers:
        parts = _parts(pointer)
        while parts and _ptr(parts) not in shown:
            parts = parts[:-1]
        placed[pointer] = _ptr(parts)
    return placed


def leaf_paths(request: Mapping[str, Any]) -> list[str]:
    """The facts a what-if may change: every scalar field of the request schema, for the household and each
    member the request has (lists inside a member, names and ids left out)."""
    out: list[str] = ["/as_of"]
    spec, _ = _resolve(schema())
    household, _ = _resolve(spec["properties"]["household"])
    members = (request.get("household") or {}).get("members") or []
    member_spec, _ = _resolve(household["properties"]["members"]["items"])

    def scalars(node: dict[str, Any], prefix: str, depth: int) -> list[str]:
        found: list[str] = []
        for name, sub in (node.get("properties") or {}).items():
            child, _ = _resolve(sub)
            kind = _kind(child)
            if name in {"id", "name", "member_id", "sex", "relationship", "income_rise_cause"} or kind == "array":
                continue
            if kind == "object":
                if depth < 3:
                    found += scalars(child, f"{prefix}/{name}", depth + 1)
                continue
            found.append(f"{prefix}/{name}")
        return found

    for i in range(len(members) if isinstance(members, list) else 0):
        out += scalars(member_spec, f"/household/members/{i}", 1)
    out += [p for p in scalars(household, "/household", 1)]
    return out
