"""A seeded generator of plausible Honghuagang applicant households (``socialaid synth``).

Every distribution it draws from is a module-level constant below, and docs/population.md names the
source or the assumption behind each one, so that an analyst can see what the population is and
bring real data instead. The same seed always gives the same households, byte for byte: the
generator uses only :class:`random.Random` (no global state, no numpy), and household *i* draws from
its own stream seeded by ``(seed, i)``, so a population of 1 000 is the first 1 000 of 100 000.

The households are decision requests (``schemas/household.schema.json``); they carry no names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from typing import Any

__all__ = [
    "AREA_URBAN_SHARE",
    "ASSETS_TEST_MET",
    "DISABILITY_GRADE",
    "DISABILITY_PREVALENCE",
    "DISABILITY_TYPE",
    "HOUSEHOLD_SIZE",
    "POVERTY_STATUS_RURAL",
    "POVERTY_STATUS_URBAN",
    "household",
    "households",
]

# --- the distributions (see docs/population.md for each source or assumption) ----------------

AREA_URBAN_SHARE = 0.62
HOUSEHOLD_SIZE: dict[int, float] = {1: 0.25, 2: 0.29, 3: 0.21, 4: 0.14, 5: 0.07, 6: 0.04}
HEAD_AGE: dict[tuple[int, int], float] = {(22, 39): 0.25, (40, 59): 0.40, (60, 74): 0.25, (75, 90): 0.10}
SPOUSE_SHARE = 0.80  # households of 2+ where the second member is the head's spouse
ELDER_PARENT_SHARE = 0.25  # each further member is an elderly parent (else a child)
EMPLOYED_SHARE = {"urban": 0.62, "rural": 0.48}  # of members aged 18–59
WAGE_MEDIAN = {"urban": 2600.0, "rural": 1700.0}  # CNY a month, log-normal
WAGE_SIGMA = 0.55
INFORMAL_INCOME_MAX = 600.0  # not employed, 18–59: uniform 0..max, zero for 40 %
INFORMAL_ZERO_SHARE = 0.40
PENSION_ZERO_SHARE = {"urban": 0.20, "rural": 0.35}  # members 60+
PENSION_RANGE = {"urban": (300.0, 2400.0), "rural": (120.0, 400.0)}
DISABILITY_PREVALENCE = 0.0634
DISABILITY_GRADE: dict[int, float] = {1: 0.12, 2: 0.18, 3: 0.27, 4: 0.43}
DISABILITY_TYPE: dict[str, float] = {
    "physical": 0.2907,
    "hearing": 0.2416,
    "visual": 0.1486,
    "multiple": 0.1630,
    "mental": 0.0740,
    "intellectual": 0.0668,
    "speech": 0.0153,
}
SERIOUS_ILLNESS_SHARE = 0.03
CHRONIC_ILLNESS_SHARE = {"under_45": 0.03, "45_plus": 0.20}
PRESCHOOL_ENROLLED = 0.85  # ages 3–5
SENIOR_SECONDARY_ENROLLED = 0.90  # ages 15–17
HIGHER_ENROLLED = 0.45  # ages 18–22
POVERTY_STATUS_RURAL: dict[str, float] = {"none": 0.80, "tuopin": 0.14, "tuopin_unstable": 0.03, "edge_at_risk": 0.03}
POVERTY_STATUS_URBAN: dict[str, float] = {"none": 0.97, "tuopin": 0.02, "tuopin_unstable": 0.005, "edge_at_risk": 0.005}
ASSETS_TEST_MET = 0.85
SELF_CARE_80_PLUS: dict[str, float] = {"able": 0.70, "partly_lost": 0.20, "fully_lost": 0.10}
ELDER_ALONE_NO_SUPPORTERS = 0.15  # in a household of members 60+ only, each states no legal supporters

_DEFAULT_AS_OF = dt.date(2025, 1, 1)


def _pick(rng: random.Random, weights: dict[Any, float]) -> Any:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _birth_date(rng: random.Random, as_of: dt.date, age: int) -> str:
    # a birth date at which the member is `age` on as_of: as_of minus age years, minus 0..364 days
    try:
        anniversary = as_of.replace(year=as_of.year - age)
    except ValueError:  # 29 February
        anniversary = as_of.replace(year=as_of.year - age, day=28)
    return (anniversary - dt.timedelta(days=rng.randrange(365))).isoformat()


def _income(rng: random.Random, area: str, age: int) -> tuple[float, str]:
    if age < 16:
        return 0, "not_in_labour_force"
    if age >= 60:
        if rng.random() < PENSION_ZERO_SHARE[area]:
            return 0, "not_in_labour_force"
        low, high = PENSION_RANGE[area]
        return round(rng.uniform(low, high)), "not_in_labour_force"
    if age >= 18 and rng.random() < EMPLOYED_SHARE[area]:
        return round(rng.lognormvariate(0, WAGE_SIGMA) * WAGE_MEDIAN[area]), "employed"
    if age < 18 or rng.random() < INFORMAL_ZERO_SHARE:
        return 0, "unemployed" if age >= 18 else "not_in_labour_force"
    return round(rng.uniform(0, INFORMAL_INCOME_MAX)), "unemployed"


def _member(rng: random.Random, as_of: dt.date, area: str, index: int, age: int, poverty: str) -> dict[str, Any]:
    income, status = _income(rng, area, age)
    member: dict[str, Any] = {
        "id": f"m{index + 1}",
        "birth_date": _birth_date(rng, as_of, age),
        "monthly_income": income,
    }
    if 18 <= age < 60:
        member["employment"] = {"status": status, "able_to_work": True, "willing_to_work": True}
    if rng.random() < DISABILITY_PREVALENCE:
        member["disability"] = {"grade": _pick(rng, DISABILITY_GRADE), "type": _pick(rng, DISABILITY_TYPE)}
    if rng.random() < SERIOUS_ILLNESS_SHARE:
        member["serious_illness"] = True
    if rng.random() < CHRONIC_ILLNESS_SHARE["45_plus" if age >= 45 else "under_45"]:
        member["chronic_illness"] = True
    stage = _education_stage(rng, age)
    if stage is not None:
        member["education"] = {"stage": stage, "enrolled": True}
    if poverty != "none":
        member["poverty_status"] = poverty
    if age >= 80:
        member["self_care"] = {"ability": _pick(rng, SELF_CARE_80_PLUS)}
    return member


def _education_stage(rng: random.Random, age: int) -> str | None:
    if 3 <= age <= 5:
        return "preschool" if rng.random() < PRESCHOOL_ENROLLED else None
    if 6 <= age <= 14:
        return "compulsory"
    if 15 <= age <= 17:
        return "senior_secondary" if rng.random() < SENIOR_SECONDARY_ENROLLED else None
    if 18 <= age <= 22:
        return "higher" if rng.random() < HIGHER_ENROLLED else None
    return None


def _ages(rng: random.Random, size: int) -> list[int]:
    low, high = _pick(rng, HEAD_AGE)
    head = rng.randint(low, high)
    ages = [head]
    if size >= 2 and rng.random() < SPOUSE_SHARE:
        ages.append(max(20, min(95, head + rng.randint(-5, 5))))
    while len(ages) < size:
        if rng.random() < ELDER_PARENT_SHARE and head < 65:
            ages.append(min(95, head + rng.randint(22, 32)))
        else:
            ages.append(max(0, head - rng.randint(20, 38)) if head >= 38 else rng.randint(0, max(0, head - 20)))
    return ages


def household(seed: int, index: int, *, as_of: dt.date = _DEFAULT_AS_OF) -> dict[str, Any]:
    """Household ``index`` of the population drawn with ``seed``: a decision request."""
    digest = hashlib.sha256(f"socialaid-synth:{seed}:{index}".encode()).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    area = "urban" if rng.random() < AREA_URBAN_SHARE else "rural"
    size = _pick(rng, HOUSEHOLD_SIZE)
    ages = _ages(rng, size)
    poverty = _pick(rng, POVERTY_STATUS_RURAL if area == "rural" else POVERTY_STATUS_URBAN)  # the household's
    members = [_member(rng, as_of, area, i, age, poverty) for i, age in enumerate(ages)]
    only_elders = all(a >= 60 for a in ages)
    for member in members:
        if only_elders and rng.random() < ELDER_ALONE_NO_SUPPORTERS:
            member["legal_supporters"] = []
    return {
        "as_of": as_of.isoformat(),
        "household": {
            "id": f"s{seed}-{index:07d}",
            "area": area,
            "assets_test_met": rng.random() < ASSETS_TEST_MET,
            "members": members,
        },
    }


def households(count: int, *, seed: int, as_of: dt.date = _DEFAULT_AS_OF, start: int = 0) -> Iterator[dict[str, Any]]:
    """``count`` households of the population drawn with ``seed``, from household ``start`` on."""
    for index in range(start, start + count):
        yield household(seed, index, as_of=as_of)
