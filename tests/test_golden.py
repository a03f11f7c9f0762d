"""Golden households: each fixture in tests/golden/ is decided through the Python API against the one
real OPA sidecar of the test session, and its hand-worked expectation must hold:

- ``expect.programs`` is a subset of the decision's programs;
- ``expect.findings`` (``{rule, outcome, member_id?, values?}``) a subset of the explanation's findings;
- ``expect.missing_facts`` a subset of the decision's missing facts;
- ``expect.exit_code`` and ``expect.errors`` the refusal: the exit code the CLI gives that error and
  the errors (with their ``kind`` when the policy gives one).

Every decision validates against schemas/decision.schema.json and every explanation against
schemas/explanation.schema.json, and every rule either names (decisive rules, findings, missing facts)
is in the bundle's rule registry with the clause the decision gives it. The CLI itself is tested end to
end in tests/test_cli.py.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from socialaid.engine import Engine
from socialaid.errors import SocialaidError
from socialaid.models import schemas
from socialaid.render.citations import unbacked
from socialaid.server.bundle import ensure_fresh
from socialaid.validation import validated
from socialaid.words.texts import load_texts
from tests.helpers import ROOT, mismatches

GOLDEN = sorted((ROOT / "tests" / "golden").rglob("*.json"))


@cache
def _validator(name: str) -> Draft202012Validator | None:
    if not schemas.schema_path(name).exists():
        return None
    return Draft202012Validator(schemas.load(name))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def _refusal(engine: Engine, request: dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    """The exit code and errors the CLI would give, or (0, []) when there is a decision."""
    try:
        engine.decide(validated(request))
    except SocialaidError as exc:
        raw = getattr(exc, "policy_errors", None)
        return exc.exit_code, raw or [e.to_dict() for e in getattr(exc, "errors", [])]
    return 0, []


@pytest.mark.integration
@pytest.mark.parametrize("fixture", GOLDEN, ids=[str(p.relative_to(ROOT / "tests" / "golden")) for p in GOLDEN])
def test_golden_household(fixture: Path, engine: Engine) -> None:
    case = _load(fixture)
    assert case.get("title") and case.get("arithmetic") is not None, "a golden file needs a title and arithmetic"
    request, expect = case["request"], case["expect"]
    if "exit_code" in expect:
        code, errors = _refusal(engine, request)
        assert code == expect["exit_code"], errors
        if "errors" in expect:
            assert not mismatches(expect["errors"], errors), errors
        return
    decision = engine.decide(validated(request)).doc()
    decision.pop("decision_id", None)  # added by the engine from OPA's response, not the policy's result
    decision_schema = _validator("decision")
    assert decision_schema is not None
    assert not [e.message for e in decision_schema.iter_errors(decision)]
    problems = mismatches({k: expect[k] for k in ("missing_facts",) if k in expect}, decision)
    explanation = engine.explain(request).doc()
    explanation_schema = _validator("explanation")
    assert explanation_schema is not None
    assert not [e.message for e in explanation_schema.iter_errors(explanation)]
    without_details = {k: {f: v for f, v in p.items() if f != "details"} for k, p in explanation["programs"].items()}
    assert without_details == decision["programs"], "the explanation decides as the decision does"
    # the expected programs: the decision's outcome and the explanation's working (details)
    if "programs" in expect:
        problems += mismatches({"programs": expect["programs"]}, {"programs": explanation["programs"]})
    problems += _unregistered(decision, explanation)
    if "findings" in expect:
        problems += mismatches({"findings": expect["findings"]}, {"findings": explanation["findings"]})
    assert not problems, "\n".join(problems)


@cache
def _registry() -> dict[str, Any]:
    return load_texts(ensure_fresh()).rules


def _unregistered(decision: dict[str, Any], explanation: dict[str, Any]) -> list[str]:
    """Rules named with a clause other than their METADATA's, or not in the registry at all."""
    named = [(r["rule"], r["clause"]) for p in decision["programs"].values() for r in p["rules"]]
    named += [(f["rule"], f["clause"]) for f in explanation["findings"]]
    registry = _registry()
    wrong = [f"{rule}: not in the rule registry" for rule, _ in named if rule not in registry]
    wrong += [
        f"{rule}: named with clause {clause}, METADATA says {registry[rule]['clause']}"
        for rule, clause in named
        if rule in registry and registry[rule]["clause"] != clause
    ]
    # every decisive rule is shown by a finding of the explanation (the caseworker's reason line)
    wrong += [
        f"{pid}: decisive rule {r['rule']} ({r['outcome']}) has no finding in the explanation"
        for pid, r in unbacked(decision["programs"], explanation["findings"])
    ]
    wrong += [
        f"{m['rule']}: missing fact names no registered rule"
        for m in decision["missing_facts"]
        if m["rule"] not in registry
    ]
    return wrong


def test_there_are_golden_households() -> None:
    assert len(GOLDEN) >= 3


def test_the_golden_runner_catches_a_wrong_amount(engine: Engine) -> None:
    """The subset match fails on a wrong figure: the runner can fail."""
    case = _load(ROOT / "tests" / "golden" / "foundation" / "urban-couple-below-standard-gets-the-gap-times-two.json")
    decision = engine.decide(validated(case["request"])).doc()
    wrong = json.loads(json.dumps(case["expect"]["programs"]))
    wrong["dibao"]["monthly_amount"] = wrong["dibao"]["monthly_amount"] + 0.01
    assert mismatches({"programs": wrong}, decision)
