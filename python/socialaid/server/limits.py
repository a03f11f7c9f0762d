"""How much one request may ask of a locked server: the body-size limits, sized from the largest valid request.

The household schema caps every list and string (``socialaid.models.household``): at most 100 members;
a member has at most 100 medical episodes and 20 legal supporters; a household at most 400 rigid
expenditures; ids and names at most 64 characters, short text 32, free text 200; at most 32 override
groups of 64 overrides. :func:`largest_request` builds the request that fills every cap, with every
optional field given and every string made of characters outside the Basic Multilingual Plane, which
JSON escapes as 12 bytes each (``\\ud840\\udc00``). Encoded as a client encodes it (``json.dumps``, ASCII
escapes, the default separators) it is :func:`largest_request_bytes` long: 4.75 MB (4 751 099 bytes). No valid
decision request is longer, except by whitespace or digits a canonical encoder does not write.

``MAX_BODY_BYTES`` (5 MiB, 5 242 880 bytes) is that size and a tenth more, and the same limit is the
decompressed limit ``MAX_DECOMPRESSED_BYTES``: OPA (``server.decoding.max_length`` and
``server.decoding.gzip.max_length``) refuses a longer body with 400 before reading it when it says its
length, after reading at most the limit when it is chunked, and stops inflating a gzip body one byte
past the limit. A batch of 1 000 households must fit in the same body: 1 000 synthetic households take
0.3–0.7 MB.

OPA has no per-query evaluation deadline (its server cancels an evaluation only when the client goes
away; ``opa run`` and its configuration have no evaluation timeout), so the work of a request is bounded
by these sizes and by the policy counting list lengths before it walks any item
(policies/socialaid/validation). What is left is OPA's own reading of a body within the limit: its
authorizer parses every ``POST /v1/data`` body before any policy runs, token or not, at about 100 ms of
CPU a megabyte (benchmarks/refusal_cost.py); ``GOMEMLIMIT`` (socialaid.server.sidecar) keeps a burst of
such bodies from growing OPA's memory without bound.
"""

from __future__ import annotations

import json
from typing import Any

from socialaid.models import household as h

__all__ = [
    "MAX_BODY_BYTES",
    "MAX_DECOMPRESSED_BYTES",
    "decoding_config",
    "largest_request",
    "largest_request_bytes",
]

MAX_BODY_BYTES = 5 * 1024 * 1024
MAX_DECOMPRESSED_BYTES = MAX_BODY_BYTES

_WIDE = "\U00020000"  # 𠀀, CJK Extension B: 4 bytes in UTF-8, 12 as a JSON escape


def _text(n: int, tag: int = 0) -> str:
    """n characters, each 12 bytes as a JSON escape; distinct for distinct tags (unique member ids)."""
    digits = []
    while True:
        digits.append(chr(0x20000 + tag % 4096))
        tag //= 4096
        if not tag:
            break
    return (_WIDE * n)[: n - len(digits)] + "".join(digits)


def _money() -> float:
    return 123456789.12345679  # the longest float repr at most MAX_AMOUNT (18 characters)


def _supporter() -> dict[str, Any]:
    return {
        "name": _text(h.MAX_NAME),
        "relationship": _text(h.MAX_SHORT_TEXT),
        "birth_date": "1950-06-30",
        "is_tekun": False,
        "receives_dibao": False,
        "severely_disabled": False,
        "disability": {"grade": 4, "type": "intellectual"},
        "monthly_income": _money(),
        "low_income": False,
        "assets_within_low_income_rule": False,
        "no_civil_capacity": False,
        "legally_incapacitated": False,
        "missing": False,
        "imprisoned": False,
    }


def _member(i: int) -> dict[str, Any]:
    return {
        "id": _text(h.MAX_ID, i),
        "name": _text(h.MAX_NAME),
        "birth_date": "1980-01-01",
        "sex": "female",
        "retirement_post": "age_55_post",
        "monthly_income": _money(),
        "disability": {"grade": 4, "type": "intellectual"},
        "serious_illness": False,
        "chronic_illness": False,
        "self_care": {
            "ability": "partly_lost",
            "daily_activities": {
                "eating": False,
                "dressing": False,
                "getting_in_out_of_bed": False,
                "toileting": False,
                "walking_indoors": False,
                "bathing": False,
            },
        },
        "education": {"stage": "senior_secondary", "enrolled": False, "cannot_attend_due_to_disability": False},
        "employment": {
            "status": "not_in_labour_force",
            "job_start_date": "2020-01-01",
            "able_to_work": False,
            "willing_to_work": False,
            "registered_unemployed": False,
            "wants_to_start_business": False,
            "business_start_date": "2020-01-01",
            "employment_difficult": False,
            "market_placement_failed": False,
        },
        "poverty_status": "tuopin_unstable",
        "relocated": False,
        "insurance": {"insured": False, "paid_date": "2024-12-31", "paid_after_collection_period": False},
        "medical_episodes": [
            {"date": "2024-12-31", "compliant_self_paid": _money()} for _ in range(h.MAX_MEDICAL_EPISODES)
        ],
        "orphan": False,
        "de_facto_unsupported_child": False,
        "lives_on_family_support": False,
        "single_person_assets_test_met": False,
        "can_register_separately": False,
        "legal_supporters": [_supporter() for _ in range(h.MAX_LEGAL_SUPPORTERS)],
        "tekun_arrangement": {"centralized": False},
    }


def largest_request() -> dict[str, Any]:
    """A valid decision request that fills every cap of the schema (see the module's docstring)."""
    members = [_member(i) for i in range(h.MAX_MEMBERS)]
    ids = [m["id"] for m in members]
    benefit = {"receiving": False, "monthly_amount": _money(), "since": "2020-01-01", "member_ids": ids}
    name = "x" * 64
    return {
        "as_of": "2025-01-01",
        "household": {
            "id": _text(h.MAX_ID),
            "area": "urban",
            "members": members,
            "assets_test_met": False,
            "low_income_assets_test_met": False,
            "single_parent_family": False,
            "agricultural_migrant": False,
            "grain_shortage": False,
            "rigid_expenditures": [
                {"member_id": ids[i % len(ids)], "kind": "employment", "monthly_amount": m, "verified_cap": m}
                for i in range(h.MAX_RIGID_EXPENDITURES)
                for m in [_money()]
            ],
            "housing": {"difficulty_meets_local_standard": False, "dangerous_house": False},
            "current_benefits": {
                "dibao": benefit,
                "tekun": benefit,
                "low_income": False,
                "income_rise_month": "2024-12-01",
                "income_rise_cause": _text(h.MAX_TEXT),
            },
        },
        "parameter_overrides": {
            f"{name[:-2]}{g:02d}": {f"{name[:-2]}{n:02d}": -123456789.12345679 for n in range(h.MAX_OVERRIDES_A_GROUP)}
            for g in range(h.MAX_OVERRIDE_GROUPS)
        },
        "price_index": {"month": "2024-12", "cpi_rise": -0.12345678901234568, "food_cpi_rise": -0.12345678901234568},
        "projection": False,
    }


def largest_request_bytes() -> int:
    """The POST body of :func:`largest_request` as a client sends it (``{"input": …}``, ASCII escapes)."""
    return len(json.dumps({"input": largest_request()}).encode())


def decoding_config() -> dict[str, Any]:
    """OPA's ``server.decoding`` section: the body and decompressed-body limits."""
    return {"max_length": MAX_BODY_BYTES, "gzip": {"max_length": MAX_DECOMPRESSED_BYTES}}
