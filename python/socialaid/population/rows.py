"""One chunk's rows: asking one OPA for a chunk (a policy error traced to its household), and copying each
decision's eligibility, amounts, decisive rules and clauses into the compact output row.

Nothing here decides: every eligibility, amount and validation is the policy's. A row that cannot be
decided (bad JSON, a bad flat cell, the policy's own field errors) becomes a row with
``status: "refused"``, its errors and no programs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from socialaid.errors import FieldError, PolicyEvaluationError
from socialaid.population.io import InputFormat, request_from_flat, request_from_line

__all__ = ["INCOME_FIGURES", "compact_row", "decide_rows", "dumps_row", "public_message", "requests_of"]

# per program, copied into a row when the decision carries them (低保's per-capita income, its standard
# and the members it counts): what the impact's deciles and poverty figures read; Python computes none
INCOME_FIGURES = ("per_capita_income", "standard", "members")

_URL = re.compile(r"(?:OPA (?:at|is unreachable at) )?https?://[^\s:/]+(?::[0-9]+)?(?:/[^\s:]*)?:?")


def public_message(text: str) -> str:
    """An engine error as a person may read it: the sidecar's internal URL (a loopback port that is gone
    when the run ends) is left out."""
    return re.sub(r"\s{2,}", " ", _URL.sub("the sidecar OPA ", text)).strip()


def decide_rows(
    opa: Callable[[list[dict[str, Any]]], list[dict[str, Any]]], requests_: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Decisions in order; a policy error is traced to the household that causes it (halving the chunk),
    which gets an error row, so one household never takes the others down with it."""
    try:
        return opa(requests_)
    except PolicyEvaluationError as exc:
        if len(requests_) == 1:
            return [
                {
                    "errors": [
                        {
                            "kind": "policy_error",
                            "pointer": "",
                            "problem": public_message(str(exc))[:300],
                            "expected": "a request the policy can evaluate",
                        }
                    ]
                }
            ]
    half = len(requests_) // 2
    return decide_rows(opa, requests_[:half]) + decide_rows(opa, requests_[half:])


def _rules(program: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"rule": r.get("rule"), "clause": r.get("clause"), "outcome": r.get("outcome")}
        for r in program.get("rules") or []
    ]


def compact_row(
    request: dict[str, Any] | None, decision: dict[str, Any] | None, errors: list[FieldError] | None = None
) -> dict[str, Any]:
    """The output row of one household: id, date, revision, status, errors or each program's outcome."""
    household = (request or {}).get("household")
    household = household if isinstance(household, dict) else {}
    members = household.get("members")
    decision = decision or {}
    as_of = decision.get("as_of", (request or {}).get("as_of"))
    row: dict[str, Any] = {
        "household_id": household.get("id") if isinstance(household.get("id"), str) else None,
        "as_of": as_of if isinstance(as_of, str) else None,
        "bundle_revision": decision.get("bundle_revision"),
        "hypothetical": bool(decision.get("hypothetical", False)),
        "area": household.get("area") if household.get("area") in {"urban", "rural"} else None,
        "household_size": len(members) if isinstance(members, list) else None,
    }
    found = [e.to_dict() | {"kind": "input"} for e in errors or []] + list(decision.get("errors") or [])
    if found or not isinstance(decision.get("programs"), dict):
        row |= {"status": "refused", "errors": found, "clauses": []}
        return row
    programs: dict[str, Any] = {}
    clauses: set[int] = set()
    for name, program in sorted(decision["programs"].items()):
        rules = _rules(program)
        programs[name] = {
            "eligible": bool(program.get("eligible")),
            "monthly_amount": program.get("monthly_amount", 0),
            "clause": program.get("clause"),
            "covered": len(program.get("covered_member_ids") or []),
            "rules": rules,
        }
        # the figures a distribution needs (per-capita income against the standard, for how many members),
        # as the decision gives them: on the program itself, or in the explanation's details
        details = program.get("details")
        given = {**(details if isinstance(details, dict) else {}), **program}
        for figure in INCOME_FIGURES:
            if isinstance(given.get(figure), int | float) and not isinstance(given.get(figure), bool):
                programs[name][figure] = given[figure]
        clauses.update(c for c in [program.get("clause"), *(r["clause"] for r in rules)] if isinstance(c, int))
    row |= {"status": "decided", "errors": [], "clauses": sorted(clauses), "programs": programs}
    return row


def requests_of(batch: dict[str, Any], fmt: str) -> list[tuple[dict[str, Any] | None, list[FieldError]]]:
    columns = list(batch)
    size = len(batch[columns[0]]) if columns else 0
    if fmt == InputFormat.jsonl:
        return [request_from_line(str(line)) for line in batch["text"]]
    if "request" in batch:
        return [request_from_line(str(text)) for text in batch["request"]]
    out = []
    for i in range(size):
        row = {c: _plain(batch[c][i]) for c in columns}
        out.append(request_from_flat(row))
    return out


def _plain(value: Any) -> Any:
    item = getattr(value, "item", None)  # numpy scalars → Python
    return item() if callable(item) else value


def dumps_row(row: Any) -> str:
    """One output row as JSON text; a non-finite number is an error, never invalid JSON."""
    return json.dumps(row, ensure_ascii=False, allow_nan=False)
