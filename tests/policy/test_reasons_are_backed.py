"""Every decisive rule of a decision is shown by a finding of the explanation — the caseworker's reason
line for each program never falls back to a bare rule title. Checked on a seeded synthetic population
(docs/population.md), which reaches programs and outcomes the golden households do not."""

from __future__ import annotations

from typing import Any

import pytest

from socialaid.client import DecisionClient
from socialaid.population import synth
from socialaid.render.citations import unbacked


@pytest.mark.integration
def test_every_decisive_rule_has_a_finding_in_a_synthetic_population(opa_client: DecisionClient) -> None:
    missing: dict[str, str] = {}
    decided = 0
    for request in synth.households(300, seed=7):
        explanation: dict[str, Any] = opa_client.explain(request)
        if explanation.get("errors"):
            continue
        decided += 1
        for pid, ref in unbacked(explanation["programs"], explanation["findings"]):
            missing.setdefault(f"{pid}: {ref['rule']} {ref['outcome']}", request["household"]["id"])
    assert decided > 250
    assert not missing, missing
