"""Hostile decision requests: a valid household bent, one to three ways at once, into invalid input.

``hostile(rng)`` gives ``(kind, value, body)``: ``body`` is the raw bytes of ``{"input": ...}`` as a
client would POST them, and ``value`` the input as a Python value, or None when the body holds what no
Python value encodes (NaN, Infinity, 1e400, nesting up to 1 000 deep, written into the text).
``invalid_for_a_service`` is the oracle: Python's validation (``socialaid.validation``), except for
what Python cannot see — overrides (valid in analyst mode only) and text no Python value encodes. The
fuzz test and benchmarks/fuzz_hostile.py share both.
"""

from __future__ import annotations

import copy
import json
import random
import re
from typing import Any

__all__ = ["KINDS", "base_request", "hostile", "invalid_for_a_service"]

_WEIRD_NAMES = ["a/b", "a~b", "a b", "", "名字", "__proto__", "$ref", "~1", "a.b", "x" * 300]
_BAD_DATES = ["0000-01-01", "1899-12-31", "2100-01-01", "9999-12-31", "2025-13-01", "25-01-01", "", "yesterday"]
_WRONG_VALUES: list[Any] = [None, True, 0, -1, 1.5, "", "x", [], [1], {}, {"a": 1}]
_LEAVES = [
    ("as_of",),
    ("household",),
    ("household", "area"),
    ("household", "members"),
    ("household", "assets_test_met"),
    ("household", "members", 0, "id"),
    ("household", "members", 0, "birth_date"),
    ("household", "members", 0, "monthly_income"),
    ("household", "members", 0, "disability"),
    ("household", "members", 0, "employment"),
    ("household", "members", 1, "education"),
    ("household", "rigid_expenditures"),
    ("household", "current_benefits"),
    ("parameter_overrides",),
    ("price_index",),
    ("projection",),
]


def base_request() -> dict[str, Any]:
    """A valid urban family of three (the shape of examples/urban-family-eligible.json)."""
    return {
        "as_of": "2025-01-01",
        "household": {
            "area": "urban",
            "assets_test_met": True,
            "members": [
                {"id": "father", "birth_date": "1978-04-02", "monthly_income": 900, "name": "王一"},
                {"id": "mother", "birth_date": "1980-09-15", "monthly_income": 0, "serious_illness": True},
                {"id": "son", "birth_date": "2012-03-01", "education": {"enrolled": True, "stage": "compulsory"}},
            ],
            "rigid_expenditures": [
                {"member_id": "mother", "kind": "illness", "monthly_amount": 200, "verified_cap": 150},
            ],
        },
    }


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


def _drop(doc: Any, path: tuple[Any, ...]) -> None:
    for key in path[:-1]:
        doc = doc[key]
    del doc[path[-1]]


def _mutate(kind: str, request: dict[str, Any], rng: random.Random) -> Any:
    members = request["household"]["members"]
    if kind == "drop_required":
        _drop(request, rng.choice([("as_of",), ("household",), ("household", "area"), ("household", "members")]))
    elif kind == "drop_member_field":
        _drop(request, ("household", "members", rng.randrange(len(members)), rng.choice(["id", "birth_date"])))
    elif kind == "wrong_type":
        path = rng.choice(_LEAVES)
        _set(
            request,
            path,
            copy.deepcopy(
                rng.choice([v for v in _WRONG_VALUES if v is not None] if path == ("projection",) else _WRONG_VALUES)
            ),
        )
    elif kind == "bad_date":
        target = rng.choice([("as_of",), ("household", "members", rng.randrange(len(members)), "birth_date")])
        _set(request, target, rng.choice(_BAD_DATES))
    elif kind == "bad_number":
        _set(request, ("household", "members", 0, "monthly_income"), rng.choice([-1, -0.01, 1e10, 1e300, -1e300]))
    elif kind == "unknown_property":
        where = rng.choice([request, request["household"], members[0], members[-1]])
        where[rng.choice(_WEIRD_NAMES)] = copy.deepcopy(rng.choice(_WRONG_VALUES))
    elif kind == "too_many_members":
        count = rng.randint(101, 400)
        request["household"]["members"] = [{"id": f"m{i}", "birth_date": "1980-01-01"} for i in range(count)]
    elif kind == "duplicate_id":
        members[rng.randrange(1, len(members))]["id"] = members[0]["id"]
    elif kind == "born_after_as_of":
        members[rng.randrange(len(members))]["birth_date"] = "2030-01-01"
    elif kind == "unknown_member_ref":
        request["household"]["rigid_expenditures"][0]["member_id"] = rng.choice(["nobody", "", "a/b"])
    elif kind == "unknown_override":
        group = rng.choice(["dibao", "no_such_group"])
        request["parameter_overrides"] = {group: {"no_such_parameter": rng.choice([False, True, 0, 1, 900])}}
    elif kind == "override_in_service_mode":
        request["parameter_overrides"] = {"dibao": {"standard_urban": rng.choice([0, 900, 5000])}}
    elif kind == "deep_nesting":  # written into the text (too deep for Python's encoder in a thread)
        request[rng.choice(["parameter_overrides", "extra", "household"])] = f"__DEEP_{rng.randint(33, 1000)}__"
    elif kind == "long_string":
        members[0]["name"] = "名" * rng.randint(65, 5000)
    elif kind == "not_an_object":
        return rng.choice([0, 1.5, True, False, None, "x", [], [request]])
    elif kind == "pattern_edge":  # where Python's re and Go's regexp read a pattern differently
        value = rng.choice(["2025-01\n", "2025-01", "٢٠٢٥-01", "2025-1", "2025-01 ", "\n2025-01", "２０２５-01"])
        request["price_index"] = {"month": value, "cpi_rise": 0.01, "food_cpi_rise": 0.02}
    elif kind == "date_edge":
        target = rng.choice([("as_of",), ("household", "members", rng.randrange(len(members)), "birth_date")])
        _set(
            request,
            target,
            rng.choice(["2025-01-01\n", "2025-02-30", "2025-02-29", "2024-02-29", "1980-1-01", "١٩٨٠-01-01"]),
        )
    elif kind == "integral_float":
        members[0]["disability"] = {"grade": rng.choice([2.0, 2.5, 0.0, 4.0, 5.0]), "type": "physical"}
    elif kind == "list_over_cap":
        where = rng.choice(["rigid", "episodes", "supporters"])
        if where == "rigid":
            item = {"member_id": "mother", "kind": "illness", "monthly_amount": 1, "verified_cap": 1}
            request["household"]["rigid_expenditures"] = [dict(item) for _ in range(rng.choice([400, 401, 2000]))]
        elif where == "episodes":
            members[0]["medical_episodes"] = [
                {"date": "2024-06-01", "compliant_self_paid": 1} for _ in range(rng.choice([100, 101, 500]))
            ]
        else:
            members[0]["legal_supporters"] = [{"relationship": "son"} for _ in range(rng.choice([20, 21, 100]))]
    return request


# raw kinds are written as text, after the JSON encoder: they are not Python values
_RAW = {"nan": "NaN", "infinity": "Infinity", "huge": "1e400"}

KINDS = [
    "drop_required",
    "drop_member_field",
    "wrong_type",
    "bad_date",
    "bad_number",
    "unknown_property",
    "too_many_members",
    "duplicate_id",
    "born_after_as_of",
    "unknown_member_ref",
    "unknown_override",
    "override_in_service_mode",
    "deep_nesting",
    "long_string",
    "not_an_object",
    "pattern_edge",
    "date_edge",
    "integral_float",
    "list_over_cap",
    *_RAW,
]


def hostile(rng: random.Random) -> tuple[str, Any, bytes]:
    """(kinds joined by '+', the input as a Python value or None when it is only text, the POST body)."""
    kinds = rng.sample(KINDS, rng.randint(1, 3))
    request: Any = copy.deepcopy(base_request())
    raw = None
    for kind in kinds:
        if kind in _RAW:
            raw = _RAW[kind]
            continue
        if not isinstance(request, dict):
            break
        try:
            request = _mutate(kind, request, rng)
        except (KeyError, IndexError, TypeError, ValueError):  # an earlier bend removed what this one bends
            continue
    if raw is not None and isinstance(request, dict) and isinstance(request.get("household"), dict):
        request["household"]["members"] = [{"id": "a", "birth_date": "1980-01-01", "monthly_income": "__RAW__"}]
    text = json.dumps({"input": request}, ensure_ascii=False)
    textual = False
    if '"__RAW__"' in text and raw is not None:
        text, textual = text.replace('"__RAW__"', raw), True
    for depth in re.findall(r'"__DEEP_(\d+)__"', text):
        text, textual = text.replace(f'"__DEEP_{depth}__"', "[" * int(depth) + "1" + "]" * int(depth)), True
    return "+".join(kinds), None if textual else request, text.encode()


def invalid_for_a_service(value: Any, body: bytes) -> bool:
    """The oracle: the body holds what Python's JSON cannot (NaN, Infinity, 1e400, nesting past the
    limit), or it carries parameter overrides (refused by a server in service mode), or Python's
    validation says invalid."""
    from socialaid.validation import validate

    if value is None and body != b'{"input": null}':
        return True
    if isinstance(value, dict) and value.get("parameter_overrides"):
        return True
    return bool(validate(value))
