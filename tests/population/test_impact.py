"""``socialaid impact`` on a small population whose 低保 arithmetic is worked by hand.

Urban standard 808 from 2024-04-01 (parameters/dibao/data.yaml); the reform raises it to 900. Each
household: two able adults born 1980 (no supplement category), no supporters, assets test met,
decided on 2025-01-01. 低保 = (standard − per-capita income) × 2 when per-capita income < standard.

| household | incomes      | per capita | base 808          | reform 900         | change |
|-----------|--------------|------------|-------------------|--------------------|--------|
| u1        | 0 + 400      | 200        | (808−200)×2 = 1216 | (900−200)×2 = 1400 | +184   |
| u2        | 800 + 800    | 800        | (808−800)×2 = 16   | (900−800)×2 = 200  | +184   |
| u3        | 850 + 850    | 850        | not eligible      | (900−850)×2 = 100  | +100, newly eligible, 2 persons |
| u4        | 900 + 900    | 900        | not eligible      | not below 900      | 0      |
| u5        | 2000 + 2000  | 2000       | not eligible      | not eligible       | 0      |
| r1 rural  | 0 + 0        | 0          | rural standard, unchanged by the urban reform | 0 |

So for 低保: 1 household / 2 persons newly eligible, none no longer eligible, 3 gainers, 0 losers,
monthly cost change urban 184 + 184 + 100 = 468, rural 0; annual 468 × 12 = 5 616.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from socialaid.cli.main import app
from socialaid.population.impact import ImpactReport, first_changed_rule
from tests.helpers import household, person

INCOMES = {"u1": (0, 400), "u2": (800, 800), "u3": (850, 850), "u4": (900, 900), "u5": (2000, 2000)}


def population(tmp_path: Path) -> Path:
    rows = []
    for hid, incomes in [*INCOMES.items(), ("r1", (0, 0))]:
        members = [person(f"m{i + 1}", "1980-01-01", x, legal_supporters=[]) for i, x in enumerate(incomes)]
        request = household(*members, area="rural" if hid.startswith("r") else "urban", as_of="2025-01-01")
        request["household"]["id"] = hid
        rows.append(json.dumps(request))
    path = tmp_path / "population.jsonl"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    return path


def check_dibao(report: dict[str, Any]) -> None:
    assert report["households"] == 6
    assert report["refused"] == {"base": 0, "reform": 0, "decided_under_one_side_only": 0}
    dibao = report["programs"]["dibao"]
    assert dibao["newly_eligible"] == {"households": 1, "persons": 2}
    assert dibao["no_longer_eligible"] == {"households": 0, "persons": 0}
    assert (dibao["gainers"], dibao["losers"]) == (3, 0)
    assert dibao["monthly_cost_change"] == {"urban": pytest.approx(468), "rural": 0, "total": pytest.approx(468)}
    assert dibao["annual_cost_change"]["total"] == pytest.approx(5616)
    assert sum(dibao["first_changed"].values()) == 3
    assert all(key.startswith("clause 5 · ") for key in dibao["first_changed"])
    # no other program pays cash to these households: the three 低保 gainers are the households better off
    assert (report["households_better_off"], report["households_worse_off"]) == (3, 0)


@pytest.mark.integration
def test_a_higher_urban_standard_moves_the_households_worked_by_hand(ray_local: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "impact",
            str(population(tmp_path)),
            "--param",
            "dibao.standard_urban=900",
            "--format",
            "json",
            "--plot",
            str(tmp_path / "impact.png"),
            "--chunk",
            "2",
            "--no-base-cache",
            "--lang",
            "zh",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    check_dibao(report)
    assert (report["base_cache"], report["decisions"]) == ("off", 12)
    assert report["reform_spec"] == ["parameter dibao.standard_urban = 900"]
    assert report["reform"] == "城市最低生活保障标准（二档） = 900"  # the parameter's label in the bundle, zh
    assert (tmp_path / "impact.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.integration
def test_base_rev_builds_the_base_from_git_and_the_table_names_the_rule(ray_local: None, tmp_path: Path) -> None:
    # base = the policy at HEAD, reform = the working tree + the same standard of 900: the same moves
    result = CliRunner().invoke(
        app,
        [
            *("impact", str(population(tmp_path)), "--base-rev", "HEAD", "--param", "dibao.standard_urban=900"),
            *("--base-cache", str(tmp_path / "cache"), "--lang", "en"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "policy at HEAD" in result.stdout and "Minimum living guarantee" in result.stdout
    assert "+5,616.00" in result.stdout  # the annual total worked above (468 × 12)


@pytest.mark.integration
def test_a_second_reform_against_the_same_base_decides_only_the_reform_side(ray_local: None, tmp_path: Path) -> None:
    """The first run decides 6 households twice and keeps the base; the second (urban standard 950) reads
    the base and decides 6. Worked for 950: u1 (950−200)×2 = 1500 (+284), u2 (950−800)×2 = 300 (+284),
    u3 (950−850)×2 = 200 (+200, new), u4 (950−900)×2 = 100 (+100, new): urban +868 a month, 2 households /
    4 persons newly eligible.

    Distributions (per-capita income, standard and members from the outcome view's 低保 entry): base
    per-capita incomes r1 0, u1 200, u2 800, u3 850, u4 900, u5 2000 in six of the ten deciles (sizes
    ⌊6(d+1)/10⌋ − ⌊6d/10⌋). Below the standard before transfers: urban u1 (808−200)×2 = 1216 and u2
    (808−800)×2 = 16 under the base (2 / 4, gap 1232); under 900 u1 1400, u2 200, u3 100 (3 / 6, gap 1700);
    rural r1 (571−0)×2 = 1142 on both sides (6852 a year / 12 = 571). With each program's cash added,
    低保 fills every eligible household up to the standard: none is left below.
    """
    cache = tmp_path / "cache"
    args = ["impact", str(population(tmp_path)), "--base-cache", str(cache), "--chunk", "3"]
    first = CliRunner().invoke(app, [*args, "--param", "dibao.standard_urban=900", "--format", "json"])
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    check_dibao(report)
    assert (report["base_cache"], report["decisions"]) == ("miss", 12)
    assert len(list(cache.glob("base-*.jsonl"))) == 1
    dist = report["distributions"]
    assert dist["available"] and dist["households"] == 6 and dist["without_figures"] == 0
    assert [d["decile"] for d in dist["deciles"]] == [2, 4, 5, 7, 9, 10]
    assert [d["per_capita_income"]["min"] for d in dist["deciles"]] == [0, 200, 800, 850, 900, 2000]
    assert [d["mean_monthly_change"] for d in dist["deciles"]] == [0, 184, 184, 100, 0, 0]
    assert [(d["winners"], d["losers"]) for d in dist["deciles"]] == [(0, 0), (1, 0), (1, 0), (1, 0), (0, 0), (0, 0)]
    poverty = dist["poverty"]
    assert poverty["base"]["before_transfers"]["urban"] == {"households": 2, "persons": 4, "monthly_gap": 1232}
    assert poverty["reform"]["before_transfers"]["urban"] == {"households": 3, "persons": 6, "monthly_gap": 1700}
    for side in ("base", "reform"):
        assert poverty[side]["before_transfers"]["rural"] == {"households": 1, "persons": 2, "monthly_gap": 1142}
        for area in ("urban", "rural"):
            assert poverty[side]["after_transfers"][area]["households"] == 0

    second = CliRunner().invoke(
        app, [*args, "--param", "dibao.standard_urban=950", "--json", str(tmp_path / "r.json"), "--lang", "zh"]
    )
    assert second.exit_code == 0, second.output
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert (report["base_cache"], report["decisions"]) == ("hit", 6)
    dibao = report["programs"]["dibao"]
    assert dibao["newly_eligible"] == {"households": 2, "persons": 4}
    assert dibao["monthly_cost_change"]["urban"] == pytest.approx(868)
    assert "基准一方取自缓存" in second.stdout and "第5条" in second.stdout and "最低生活保障" in second.stdout


def test_nothing_to_compare_is_invalid_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["impact", str(population(tmp_path))])
    assert result.exit_code == 2


def row(eligible: bool, amount: float, rules: list[tuple[str, str]], area: str = "urban") -> dict[str, Any]:
    program = {
        "eligible": eligible,
        "monthly_amount": amount,
        "clause": 5,
        "covered": 3 if eligible else 0,
        "rules": [{"rule": r, "clause": 5, "outcome": o} for r, o in rules],
    }
    return {"status": "decided", "area": area, "as_of": "2025-01-01", "programs": {"dibao": program}}


def test_the_report_counts_movers_and_names_the_first_rule_that_changed() -> None:
    report = ImpactReport()
    income_met = [("dibao.income_test", "met"), ("dibao.basic_benefit", "met")]
    report.add(row(True, 300, income_met), row(False, 0, [("dibao.income_test", "not_met")]))  # leaves: −300
    report.add(row(True, 100, income_met, "rural"), row(True, 150, income_met, "rural"))  # amount only: +50
    report.add(row(False, 0, [("dibao.income_test", "not_met")]), row(False, 0, [("dibao.income_test", "not_met")]))
    report.add({"status": "refused"}, row(True, 1, income_met))
    dibao = report.to_dict()["programs"]["dibao"]
    assert dibao["no_longer_eligible"] == {"households": 1, "persons": 3}
    assert (dibao["gainers"], dibao["losers"]) == (1, 1)
    assert dibao["monthly_cost_change"] == {"urban": -300, "rural": 50, "total": -250}
    assert dibao["annual_cost_change"]["total"] == -3000  # −250 × 12
    assert dibao["first_changed"] == {"clause 5 · dibao.income_test": 1, "clause 5 · dibao: amount": 1}
    assert report.refused_base == 1 and report.refusal_changed == 1 and report.changed_households == 2
    assert report.to_dict()["program_changes_by_clause"] == {"5": 2}
    assert report.household_changes == [-300, 50]
    assert (report.better_off, report.worse_off) == (1, 1)


def test_a_low_income_member_moving_to_tekun_is_a_dibao_loser_but_the_household_is_better_off() -> None:
    """Seen in a 100 000-household run of an urban standard of 850: a member whose own income is now below
    the standard becomes 特困 and leaves the 低保 household (645.20 → 475.00) while 特困 pays 1 105.00;
    the household gains 1 105 − 170.20 = 934.80 a month."""
    report = ImpactReport()
    met = [("dibao.income_test", "met"), ("dibao.basic_benefit", "met")]
    base = row(True, 645.2, met)
    reform = row(True, 475, met)
    base["programs"]["tekun"] = {"eligible": False, "monthly_amount": 0, "clause": 6, "covered": 0, "rules": []}
    reform["programs"]["tekun"] = {
        "eligible": True,
        "monthly_amount": 1105,
        "clause": 6,
        "covered": 1,
        "rules": [{"rule": "tekun.identified", "clause": 6, "outcome": "met"}],
    }
    report.add(base, reform)
    data = report.to_dict()
    assert (data["programs"]["dibao"]["gainers"], data["programs"]["dibao"]["losers"]) == (0, 1)
    assert data["programs"]["tekun"]["gainers"] == 1
    assert (data["households_better_off"], data["households_worse_off"]) == (1, 0)
    assert report.household_changes == [pytest.approx(934.8)]


def test_a_rule_the_reform_dropped_is_the_change_when_nothing_new_appears() -> None:
    base = row(True, 10, [("a", "met"), ("b", "met")])["programs"]["dibao"]
    reform = row(True, 20, [("a", "met")])["programs"]["dibao"]
    assert first_changed_rule("dibao", base, reform) == (5, "b")
