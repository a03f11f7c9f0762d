"""Property tests for clause 5 (低保) against a real OPA: the benefit is monotone in income, never
negative, a member's classified supplement is exactly the highest applicable rate × the standard, the
single-person route never pays a member more than standard + highest rate × standard and covers only members
whose own counted income is below the standard, and the price subsidy is never added into the 低保 amount.

Every generated member has an able legal supporter, so clause 6 (特困) identifies nobody and the
household is assessed under clause 5 alone (a member leaving 特困 when their income rises rejoins the
低保 household and may bring a supplement with them — a clause 6 interaction, not a clause 5 property).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialaid.models import schemas

pytestmark = pytest.mark.integration

# The clause-5 asset assertions of the single-person route (READING.md, clause 5), drawn when the request
# schema has them.
_DEFS = schemas.load("household")["$defs"]
MEMBER_ASSETS = "single_person_assets_test_met" in _DEFS["Member"]["properties"]
LOW_INCOME_ASSETS = "low_income_assets_test_met" in _DEFS["Household"]["properties"]

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUPPORTER = [{"name": "sibling", "relationship": "sibling", "birth_date": "1985-06-01"}]
AS_OF = st.sampled_from(["2022-06-30", "2024-03-31", "2024-04-01", "2025-01-01", "2026-07-15"])
MONEY = st.integers(min_value=0, max_value=300_000).map(lambda fen: fen / 100)


@st.composite
def members(draw: st.DrawFn, *, dependants: bool = True) -> dict[str, Any]:
    disability = draw(
        st.none()
        | st.fixed_dictionaries(
            {
                "grade": st.integers(1, 4),
                "type": st.sampled_from(
                    ["physical", "visual", "hearing", "speech", "intellectual", "mental", "multiple"]
                ),
            }
        )
    )
    member: dict[str, Any] = {
        # Born by 2021, so every member is born before every decision date drawn (births after as_of are invalid).
        "birth_date": f"{draw(st.integers(1935, 2021))}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}",
        "monthly_income": draw(MONEY),
        "serious_illness": draw(st.booleans()),
        "education": {"enrolled": draw(st.booleans())},
        "poverty_status": draw(st.sampled_from(["none", "none", "tuopin", "tuopin_unstable", "edge_at_risk"])),
        "legal_supporters": SUPPORTER,
    }
    if disability is not None:
        member["disability"] = disability
    if dependants:
        member["lives_on_family_support"] = draw(st.booleans())
        member["can_register_separately"] = draw(st.booleans())
        # The caller's assertion that the member meets the 低保 asset rule as a one-person household.
        if MEMBER_ASSETS:
            member["single_person_assets_test_met"] = draw(st.booleans())
    return member


@st.composite
def requests(draw: st.DrawFn, *, dependants: bool = True) -> dict[str, Any]:
    people = draw(st.lists(members(dependants=dependants), min_size=1, max_size=4))
    for i, person in enumerate(people):
        person["id"] = f"m{i}"
    rigid = [
        {
            "member_id": f"m{draw(st.integers(0, len(people) - 1))}",
            "kind": draw(st.sampled_from(["disability", "illness", "education", "employment"])),
            "monthly_amount": draw(MONEY),
            "verified_cap": draw(MONEY),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    return {
        "as_of": draw(AS_OF),
        "household": {
            "area": draw(st.sampled_from(["urban", "rural"])),
            "assets_test_met": draw(st.booleans() | st.just(True)),
            "single_parent_family": draw(st.booleans()),
            "members": people,
            "rigid_expenditures": rigid,
            **({"low_income_assets_test_met": draw(st.booleans())} if dependants and LOW_INCOME_ASSETS else {}),
        },
    }


def _dibao(decision: dict[str, Any]) -> dict[str, Any]:
    assert decision["errors"] == [], decision["errors"]
    program: dict[str, Any] = decision["programs"]["dibao"]
    return program


def _in_force(decision: dict[str, Any]) -> dict[str, Any]:
    """Every parameter in force, by dotted name: read from the explanation (the compact decision names
    only those the decision date chose between)."""
    return {p["name"]: p["value"] for p in decision["parameters_in_force"]}


def _rates(decision: dict[str, Any]) -> dict[str, float]:
    prefix = "dibao.supplement_rate_"
    return {name[len(prefix) :]: value for name, value in _in_force(decision).items() if name.startswith(prefix)}


def _param(decision: dict[str, Any], name: str) -> Any:
    return _in_force(decision)[name if "." in name else f"dibao.{name}"]


def _age(birth: str, on: str) -> int:
    years = int(on[:4]) - int(birth[:4])
    return years if birth[5:] <= on[5:] else years - 1


def _categories(member: dict[str, Any], household: dict[str, Any], as_of: str, decision: dict[str, Any]) -> set[str]:
    out = set()
    disability = member.get("disability")
    if disability and (
        disability["grade"] <= _param(decision, "status.severe_disability_max_grade")
        or (
            disability["grade"] <= _param(decision, "status.severe_disability_max_grade_intellectual_mental")
            and disability["type"] in {"intellectual", "mental"}
        )
    ):
        out.add("severe_disability")
    if member.get("serious_illness"):
        out.add("serious_illness")
    if _age(member["birth_date"], as_of) >= _param(decision, "status.elderly_age"):
        out.add("elderly")
    if member.get("education", {}).get("enrolled"):
        out.add("student")
    if household.get("single_parent_family"):
        out.add("single_parent")
    return out


def _highest_rate(member: dict[str, Any], request: dict[str, Any], decision: dict[str, Any]) -> float:
    rates = _rates(decision)
    cats = _categories(member, request["household"], request["as_of"], decision)
    return max((rates[c] for c in cats), default=0.0)


@SETTINGS
@given(
    request=requests(dependants=False), member=st.integers(0, 3), rise=st.integers(1, 200_000).map(lambda f: f / 100)
)
def test_clause5_benefit_never_rises_when_income_rises(
    opa_client: Any, request: dict[str, Any], member: int, rise: float
) -> None:
    """Without single-person-route candidates: more income never means more 低保.

    (With them it can: a household just below the standard gets the small gap plus supplements, while one
    just above it is no longer eligible as a whole and its dependent severely ill member is covered alone
    at the full standard. That cliff is the plan's — 参照“单人户” is only for 整户不符合 households.)
    """
    before = _dibao(opa_client.decide(request))
    richer = copy.deepcopy(request)
    person = richer["household"]["members"][member % len(richer["household"]["members"])]
    person["monthly_income"] = round(person["monthly_income"] + rise, 2)
    after = _dibao(opa_client.decide(richer))
    assert after["monthly_amount"] <= before["monthly_amount"] + 1e-9


@SETTINGS
@given(request=requests())
def test_clause5_benefit_never_negative(opa_client: Any, request: dict[str, Any]) -> None:
    dibao = _dibao(opa_client.explain(request))
    details = dibao["details"]
    assert dibao["monthly_amount"] >= 0
    for key in ("counted_income", "per_capita_income", "basic_benefit", "supplement_total"):
        assert details[key] >= 0, key
    assert all(v >= 0 for v in details.get("supplements", {}).values())
    # A member covered alone is a one-person 低保 household: own counted income below the standard.
    for v in details.get("single_person", {}).values():
        assert v["own_counted_income"] < details["standard"]
        assert v["basic"] > 0 and v["amount"] > 0
    if not dibao["eligible"]:
        assert dibao["monthly_amount"] == 0 and dibao["covered_member_ids"] == []


@SETTINGS
@given(request=requests())
def test_clause5_supplement_is_exactly_the_highest_applicable_rate(opa_client: Any, request: dict[str, Any]) -> None:
    decision = opa_client.explain(request)
    dibao = _dibao(decision)
    standard = dibao["details"]["standard"]
    supplements = dibao["details"].get("supplements", {})
    if dibao["details"]["basis"] != "household":
        assert supplements == {}
        return
    for member in request["household"]["members"]:
        rate = _highest_rate(member, request, decision)
        if rate == 0:
            assert member["id"] not in supplements
        else:
            assert supplements[member["id"]] == pytest.approx(round(rate * standard, 2), abs=0.006)


@SETTINGS
@given(request=requests())
def test_clause5_single_person_route_never_pays_more_than_standard_plus_highest_rate(
    opa_client: Any, request: dict[str, Any]
) -> None:
    decision = opa_client.explain(request)
    dibao = _dibao(decision)
    standard = dibao["details"]["standard"]
    by_id = {m["id"]: m for m in request["household"]["members"]}
    for member_id, paid in dibao["details"].get("single_person", {}).items():
        rate = _highest_rate(by_id[member_id], request, decision)
        assert rate > 0  # severely disabled or seriously ill: always in a category
        assert paid["amount"] <= round(standard + rate * standard, 2) + 0.005
        assert paid["supplement_rate"] == pytest.approx(rate)


@SETTINGS
@given(
    request=requests(),
    cpi=st.integers(0, 1000).map(lambda x: x / 10_000),
    food=st.integers(0, 1500).map(lambda x: x / 10_000),
)
def test_clause5_price_subsidy_is_beside_the_monthly_amount(
    opa_client: Any, request: dict[str, Any], cpi: float, food: float
) -> None:
    """The price subsidy is its own program: the 低保 amount is the same with or without a price index, and a
    triggered subsidy pays the higher of the triggered results (standard × rise, to the fen) per covered person."""
    without = _dibao(opa_client.explain(request))
    priced = copy.deepcopy(request)
    priced["price_index"] = {"month": "2024-12", "cpi_rise": cpi, "food_cpi_rise": food}
    decision = opa_client.explain(priced)
    assert _dibao(decision) == without
    subsidy = decision["programs"]["price_subsidy"]
    rises = [
        r
        for r, t in ((cpi, _param(decision, "price_trigger_cpi")), (food, _param(decision, "price_trigger_food_cpi")))
        if r >= t
    ]
    if not rises or not subsidy["covered_member_ids"]:
        assert not subsidy["eligible"] and subsidy["monthly_amount"] == 0
        return
    per_person = round(without["details"]["standard"] * max(rises) + 1e-9, 2)
    assert subsidy["details"]["per_person"] == pytest.approx(per_person, abs=0.006)
    assert set(without["covered_member_ids"]) <= set(subsidy["covered_member_ids"])
