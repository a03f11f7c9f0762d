"""The synthetic population: same seed, same households; valid requests; JSONL and Parquet alike."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from socialaid.cli.main import app
from socialaid.population import synth
from socialaid.validation import validated


def test_same_seed_same_households_and_a_prefix_is_the_smaller_population() -> None:
    first = list(synth.households(300, seed=11))
    again = list(synth.households(300, seed=11))
    assert json.dumps(first) == json.dumps(again)
    assert list(synth.households(50, seed=11)) == first[:50]
    assert list(synth.households(10, seed=11, start=290)) == first[290:]
    other = list(synth.households(300, seed=12))
    assert sum(a != b for a, b in zip(first, other, strict=True)) > 250


def test_every_synthetic_household_passes_the_schema() -> None:
    for request in synth.households(400, seed=5):
        validated(request, source=request["household"]["id"])


def test_the_draws_follow_the_documented_shares() -> None:
    # 4 000 households: the urban share should sit near AREA_URBAN_SHARE (0.62; 3 sigma ≈ 0.023)
    people = list(synth.households(4000, seed=3))
    urban = sum(h["household"]["area"] == "urban" for h in people) / len(people)
    assert abs(urban - synth.AREA_URBAN_SHARE) < 0.03
    singles = sum(len(h["household"]["members"]) == 1 for h in people) / len(people)
    assert abs(singles - synth.HOUSEHOLD_SIZE[1]) < 0.03


def test_synth_writes_the_same_households_as_jsonl_and_parquet(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    runner = CliRunner()
    jsonl, parquet = tmp_path / "p.jsonl", tmp_path / "p.parquet"
    for path in (jsonl, parquet):
        result = runner.invoke(app, ["synth", "-n", "25", "--seed", "9", "-o", str(path)])
        assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    table = pq.read_table(parquet).to_pylist()
    assert [json.loads(r["request"]) for r in table] == lines == list(synth.households(25, seed=9))
    assert [r["household_id"] for r in table] == [f"s9-{i:07d}" for i in range(25)]
