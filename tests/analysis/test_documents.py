"""The analysis documents have schemas of their own (schemas/scenario, whatif, sweep .schema.json,
generated from socialaid.models.analysis), and what the commands print validates against them."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from socialaid.cli.main import app
from socialaid.models import schemas
from tests.helpers import EXAMPLES

RUNNER = CliRunner()


def _errors(name: str, doc: Any) -> list[str]:
    validator = Draft202012Validator(schemas.load(name))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


def test_the_example_scenario_is_a_scenario_and_a_misspelt_key_is_not() -> None:
    doc = yaml.safe_load((EXAMPLES / "scenario.yaml").read_text("utf-8"))
    assert _errors("scenario", doc) == []
    assert _errors("scenario", {"variants": [{"name": "x", "sett": {}}]})  # 'sett' is not 'set'
    assert _errors("scenario", {"raise": {"params": {"dibao.standard_urban": 850}}}) == []  # keyed by name


@pytest.mark.integration
def test_what_if_json_validates_against_its_schema(opa_url: str) -> None:
    args = ["what-if", str(EXAMPLES / "urban-family-eligible.json"), "--scenario", str(EXAMPLES / "scenario.yaml")]
    result = RUNNER.invoke(app, [*args, "--format", "json", "--opa-url", opa_url], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [v["name"] for v in doc["variants"]] == ["father earns 1500", "urban standard 850", "both"]
    assert _errors("whatif", doc) == []
    # father 900 → 1500: per capita 300 → 500; basic benefit (808 − 300) × 3 = 1524 → (808 − 500) × 3 = 924,
    # the supplements unchanged: 1847.20 → 1247.20, a change of −600.00
    [dibao] = [p for p in doc["variants"][0]["diff"]["programs"] if p["program"] == "dibao"]
    assert (dibao["amount_before"], dibao["amount_after"], dibao["delta"]) == (1847.2, 1247.2, -600.0)
    assert _errors("whatif", {k: v for k, v in doc.items() if k != "base"})  # a document without its base


@pytest.mark.integration
def test_sweep_json_validates_against_its_schema(opa_url: str) -> None:
    args = ["sweep", str(EXAMPLES / "urban-family-eligible.json"), "--vary", "household.members.0.monthly_income"]
    args += ["--from", "0", "--to", "3000", "--step", "500", "--format", "json", "--opa-url", opa_url]
    result = RUNNER.invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert _errors("sweep", doc) == []
    # one straight piece from 0 to the cliff (the benefit falls by 1 a yuan of income), the jump between
    # 2423.99 and 2424 (808 × 3 = 2424; 2423.99 / 3 < 808), then zero: the vertices are the ends and the cliff
    assert doc["breaks"] == [0, 2423.99, 2424, 3000]
    assert _errors("sweep", {**doc, "points": [{"value": 0}]})
