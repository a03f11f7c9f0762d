"""Hostile form input, fuzzed (bounded) with the server's shapes (tests/trust/hostile.py): whatever a form
carries, the page never errs, never decides a request the schema refuses, and names each error."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialaid.validation import validate
from socialaid.web.form import parse_form
from socialaid.web.store import DecisionStore
from tests.trust.hostile import base_request, hostile
from tests.web.conftest import Page, form_fields

pytestmark = pytest.mark.integration

_TEXTUAL = ["NaN", "Infinity", "-Infinity", "1e400", "0x10", "1_000", "١٢٣", " 12 ", "12,5", "--1"]


def _fields(rng: random.Random) -> tuple[str, dict[str, str]]:
    kind, value, _ = hostile(rng)
    if isinstance(value, dict):
        return kind, form_fields(value)
    fields = form_fields(base_request())  # what no Python value holds, typed into the form instead
    fields["/household/members/0/monthly_income"] = rng.choice(_TEXTUAL)
    fields["/" + "/".join(["household"] * rng.randint(11, 1000))] = "1"
    return kind, fields


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(rng=st.randoms(use_true_random=False))
def test_no_hostile_form_gets_a_decision_it_should_not(page: Page, store: DecisionStore, rng: random.Random) -> None:
    kind, fields = _fields(rng)
    request = parse_form(fields.items())
    invalid = bool(validate(request))
    response = page.post("/", {**fields, "action": "decide"})
    assert response.status_code in {303, 422, 400, 413}, (kind, response.status_code)
    if response.status_code == 303:
        assert not invalid, kind  # decided: only what the schema and the policy accept
        entry = store.get(response.headers["location"].rsplit("/", 1)[1])
        assert entry is not None and entry.request == request and entry.decision.get("programs")
    elif response.status_code == 422:
        assert invalid, kind
        html = response.text
        assert 'id="h-programs"' not in html and "请更正标出的" in html
        assert 'class="err"' in html


def test_a_field_the_schema_lacks_cannot_reach_the_request() -> None:
    fields = {**form_fields(base_request()), "/household/__proto__": "1", "/parameter_overrides/dibao/x": "9"}
    request = parse_form(fields.items())
    assert "__proto__" not in request["household"] and "parameter_overrides" not in request
    assert not validate(request)


def test_too_many_members_are_refused_not_cut(page: Page) -> None:
    request = base_request()
    request["household"]["members"] = [{"id": f"m{i}", "birth_date": "1980-01-01"} for i in range(120)]
    response = page.post("/", {**form_fields(request), "action": "decide"})
    assert response.status_code == 422
    assert 'id="ef.household.members" role="alert">' in response.text
