"""Words for people, offline: the message catalog, the bundle's texts joined by rule id, the three
bases, decisive reasons and the one-screen summary — no OPA needed (pure functions on given data)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rich.cells import cell_len

from socialaid.cli.app import local_words as texts
from socialaid.render.citations import decisive_reasons, program_lines
from socialaid.render.decision import print_decision
from socialaid.render.screen import Screen
from socialaid.words.messages import MESSAGES, default_lang, msg
from socialaid.words.texts import Texts, format_value

DATA: dict[str, Any] = {
    "socialaid": {
        "rules": {
            "dibao.income_test": {
                "clause": 5,
                "basis": "plan",
                "quote": "根据家庭共同生活成员人均收入与当地低保标准实际差额确定基本保障金",
                "title": {"en": "Per-capita income below the standard", "zh": "家庭人均收入低于低保标准"},
                "message": {
                    "met": {
                        "zh": "家庭人均收入{per_capita_income}元低于低保标准{standard}元",
                        "en": "per-capita income {per_capita_income} is below the standard {standard}",
                    }
                },
            },
            "tekun.no_supporter": {
                "clause": 6,
                "basis": "national",
                "national": {"document": "特困人员认定办法（民发〔2021〕43号）", "article": "第九条"},
                "title": {"en": "No able legal supporter", "zh": "无法定义务人或其无履行义务能力"},
            },
            "dibao.assets_test": {
                "clause": 5,
                "basis": "reading",
                "reading": "Clause 5 — asset test asserted",
                "title": {"en": "Asset test", "zh": "家庭财产状况"},
            },
        },
        "catalog": {
            "programs": {
                "dibao": {"name": {"zh": "最低生活保障", "en": "Minimum living guarantee"}},
                "medical": {"name": {"zh": "医疗救助", "en": "Medical assistance"}},
            },
            "tiers": {"basic_living": {"zh": "基本生活救助", "en": "Basic living assistance"}},
            "aid": {"medical_dynamic_enrollment": {"zh": "动态参保", "en": "dynamic enrollment"}},
        },
        "plan": {"clauses": {"5": {"title": {"zh": "完善最低生活保障制度", "en": "Minimum living guarantee"}}}},
        "parameters": {"dibao": {"standard_urban": {"label": {"zh": "城市低保标准", "en": "Urban standard"}}}},
    }
}
WORDS = Texts.from_data(DATA)

DECISION: dict[str, Any] = {
    "as_of": "2025-06-01",
    "bundle_revision": "abc",
    "hypothetical": False,
    "errors": [],
    "programs": {
        "dibao": {
            "clause": 5,
            "tier": "basic_living",
            "eligible": True,
            "monthly_amount": 123456.7,
            "in_kind": [],
            "covered_member_ids": ["a", "b"],
            "rules": [{"rule": "dibao.income_test", "clause": 5, "outcome": "met"}],
        },
        "medical": {
            "clause": 7,
            "tier": "special",
            "eligible": True,
            "monthly_amount": 0,
            "in_kind": ["medical_dynamic_enrollment"],
            "covered_member_ids": ["a"],
            "rules": [],
        },
    },
    "parameters": {"dibao.standard_urban": 808},
    "missing_facts": [
        {"pointer": "/price_index", "program": "dibao", "rule": "dibao.income_test", "assumption": "not_assessed"}
    ],
}
FINDINGS = [
    {
        "rule": "dibao.income_test",
        "clause": 5,
        "basis": "plan",
        "program": "dibao",
        "outcome": "met",
        "values": {"per_capita_income": 300.5, "standard": 808},
    }
]


def test_every_catalog_entry_has_both_languages() -> None:
    assert all(set(entry) == {"zh", "en"} and all(entry.values()) for entry in MESSAGES.values())
    assert (
        msg("need_fall", "zh", pc=1, hh=2, n=2, std=808)
        == "人均收入需再降低 1.00 元（家庭合计 2.00 元，2 人）才低于标准 808.00 元"
    )


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "zh"),
        ({"LANG": "C.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8", "SOCIALAID_LANG": "zh"}, "zh"),
        ({"LANG": "fr_FR.UTF-8"}, "zh"),
    ],
)
def test_default_language(env: dict[str, str], lang: str) -> None:
    assert default_lang(env) == lang


def test_findings_fill_their_templates_with_two_decimals_for_fractions() -> None:
    assert WORDS.finding_text(FINDINGS[0], "zh") == "家庭人均收入300.50元低于低保标准808元"
    assert WORDS.finding_text(FINDINGS[0], "en") == "per-capita income 300.50 is below the standard 808"
    # no template for not_met: the rule's title
    assert WORDS.finding_text({**FINDINGS[0], "outcome": "not_met"}, "en") == "Per-capita income below the standard"
    assert format_value(1847.2) == "1847.20" and format_value(808.0) == "808"


ROUTE: dict[str, Any] = {
    "clause": 5,
    "basis": "plan",
    "title": {"en": "Single-person route — household group", "zh": "参照“单人户”：低收入家庭"},
    "message": {
        "not_met": {
            "zh": "人均收入{per_capita_income}元超过低收入线{low_income_line}元",
            "en": "per-capita income {per_capita_income} is over the low-income line {low_income_line}",
        },
        "not_met.low_income_assets": {
            "zh": "人均收入{per_capita_income}元未超过低收入线{low_income_line}元，但未确认低收入家庭财产状况",
            "en": "per-capita income {per_capita_income} is within the low-income line {low_income_line}, "
            "but the low-income asset rule is not asserted",
        },
    },
}


def test_a_template_its_own_numbers_contradict_is_never_shown() -> None:
    # urban-family-just-above-standard: per capita (1000 + 620) / 2 = 810, line 808 × 1.5 = 1212;
    # "810 is over 1212" is false, so the title stands.
    words = Texts.from_data({"socialaid": {**DATA["socialaid"], "rules": {"dibao.route_household_group": ROUTE}}})
    finding = {
        "rule": "dibao.route_household_group",
        "outcome": "not_met",
        "values": {"per_capita_income": 810, "low_income_line": 1212, "low_income": True},
    }
    assert words.finding_text(finding, "zh") == "参照“单人户”：低收入家庭"
    assert words.finding_text(finding, "en") == "Single-person route — household group"
    # 1300 > 1212: the sentence is true and is shown
    over = {**finding, "values": {**finding["values"], "per_capita_income": 1300}}
    assert words.finding_text(over, "en") == "per-capita income 1300 is over the low-income line 1212"


def test_the_condition_the_finding_names_chooses_the_template() -> None:
    words = Texts.from_data({"socialaid": {**DATA["socialaid"], "rules": {"dibao.route_household_group": ROUTE}}})
    finding = {
        "rule": "dibao.route_household_group",
        "outcome": "not_met",
        "values": {"per_capita_income": 810, "low_income_line": 1212, "decided_by": "low_income_assets"},
    }
    assert words.finding_text(finding, "zh") == "人均收入810元未超过低收入线1212元，但未确认低收入家庭财产状况"


def test_codes_in_values_read_as_words_in_the_chosen_language() -> None:
    # Aid in kind is named by the bundle's catalog; other codes (groups, stages, …) by the message catalog.
    data = json.loads(json.dumps(DATA))
    data["socialaid"]["rules"]["medical.dynamic_enrollment"] = {
        "clause": 7,
        "basis": "plan",
        "title": {"en": "Dynamic enrollment", "zh": "动态参保"},
        "message": {"met": {"zh": "属于{groups}：{aid}", "en": "in group(s) {groups}: {aid}"}},
    }
    words = Texts.from_data(data)
    finding = {
        "rule": "medical.dynamic_enrollment",
        "outcome": "met",
        "values": {"groups": ["dibao_member", "edge_population"], "aid": "medical_dynamic_enrollment"},
    }
    assert words.finding_text(finding, "zh") == "属于低保对象、边缘人口：动态参保"
    assert words.finding_text(finding, "en") == "in group(s) dibao member, edge population: dynamic enrollment"
    unknown = {**finding, "values": {"groups": ["not_a_code"], "aid": "x"}}
    assert words.finding_text(unknown, "en") == "in group(s) not_a_code: x"


def test_the_three_bases_read_differently_in_both_languages() -> None:
    plan = {"rule": "dibao.income_test", "clause": 5}
    national = {"rule": "tekun.no_supporter", "clause": 6}
    reading = {"rule": "dibao.assets_test", "clause": 5}
    assert WORDS.basis_text(plan, "zh").startswith("方案第5条：“根据家庭")
    # the plan is written in Chinese only: under en its clause and heading, its words under zh
    assert WORDS.basis_text(plan, "en") == "plan clause 5: Minimum living guarantee (the plan's words: --lang zh)"
    assert WORDS.basis_text(national, "zh") == "国家规定（非方案原文）：特困人员认定办法（民发〔2021〕43号）第九条"
    assert "not the plan's text" in WORDS.basis_text(national, "en")
    assert WORDS.basis_text(reading, "zh") == "本项目解读（第5条）"  # READING.md is written in English
    assert WORDS.basis_text(reading, "en") == "project reading: Clause 5 — asset test asserted"


def test_an_unknown_rule_id_shows_as_the_id_and_old_titles_only_in_english() -> None:
    assert WORDS.rule_title("dibao.no_such_rule", "zh") == "dibao.no_such_rule"
    assert WORDS.rule_label({"rule": "Basic benefit"}, "zh") == ""
    assert WORDS.rule_label({"rule": "Basic benefit"}, "en") == "Basic benefit"


def test_program_lines_show_money_to_the_fen_and_aid_in_kind() -> None:
    lines = {line.program: line for line in program_lines(DECISION, WORDS, lang="zh")}
    assert lines["dibao"].amount == "123456.70" and lines["dibao"].name == "最低生活保障"
    assert lines["medical"].amount == "实物/服务救助" and lines["medical"].eligible_word == "是"


def test_decisive_reasons_follow_the_decision_and_take_values_from_the_findings() -> None:
    [reason] = decisive_reasons(DECISION, FINDINGS, WORDS, lang="en")
    assert (reason.program, reason.clause, reason.text) == (
        "dibao",
        5,
        "per-capita income 300.50 is below the standard 808",
    )


def test_a_reason_decided_for_several_members_shows_the_member_who_came_closest() -> None:
    """特困 not met on supporters for the father (capacity to work, a means of living) and for the son (a
    minor without income, supporters not stated): the son met two of the program's findings, the father
    none, so the son's finding is the reason shown."""
    decision = {
        "programs": {
            "tekun": {
                "clause": 6,
                "eligible": False,
                "monthly_amount": 0,
                "rules": [{"rule": "tekun.supporters_unable", "clause": 6, "outcome": "not_met"}],
            }
        }
    }
    finding = {"rule": "tekun.supporters_unable", "clause": 6, "program": "tekun", "outcome": "not_met", "values": {}}
    findings = [
        {**finding, "member_id": "father"},
        {
            "rule": "tekun.no_work_capacity",
            "clause": 6,
            "program": "tekun",
            "outcome": "not_met",
            "member_id": "father",
        },
        {**finding, "member_id": "son"},
        {"rule": "tekun.no_work_capacity", "clause": 6, "program": "tekun", "outcome": "met", "member_id": "son"},
        {"rule": "tekun.no_means_of_living", "clause": 6, "program": "tekun", "outcome": "met", "member_id": "son"},
    ]
    [reason] = decisive_reasons(decision, findings, WORDS, lang="en")
    assert (reason.program, reason.member_id, reason.outcome) == ("tekun", "son", "not_met")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_summary_fits_and_keeps_money_whole_at_80_columns(lang: str) -> None:
    screen = Screen(width=80)
    print_decision(screen, DECISION, WORDS, lang=lang, findings=FINDINGS)  # type: ignore[arg-type]
    text = screen.text()
    assert "123456.70" in text and len(text.splitlines()) <= 14
    assert all(cell_len(line) <= 80 for line in text.splitlines())
    assert ("未提供的事实 1 项" if lang == "zh" else "Facts not given: 1") in text and "/price_index" not in text
    details = Screen(width=80)
    print_decision(details, DECISION, WORDS, lang=lang, findings=FINDINGS, details=True)  # type: ignore[arg-type]
    assert ("未作评估" if lang == "zh" else "not assessed") in details.text() and "/price_index" in details.text()
    # dibao.income_test is the decisive rule of dibao: the missing fact is said to decide its outcome
    flat = " ".join(details.text().split())
    wanted = (
        "最低生活保障的结论以此为决定理由" if lang == "zh" else "the outcome of Minimum living guarantee rests on it"
    )
    assert wanted in flat
    other = "Minimum living guarantee" if lang == "zh" else "最低生活保障"
    assert other not in text


def test_the_bundle_names_every_rule_in_both_languages() -> None:
    """Rules of the built bundle carry both titles; a missing Chinese title is listed by id."""
    registry = texts().rules
    missing_zh = sorted(rule_id for rule_id, entry in registry.items() if not (entry.get("title") or {}).get("zh"))
    assert not missing_zh, f"rules without title_zh: {missing_zh}"


def test_validator_sentences_read_in_chinese_and_stay_in_english() -> None:
    from socialaid.words.messages import localized

    assert localized("-1 is less than the minimum of 0", "zh") == "-1 小于最小值 0"
    assert localized("'assets_test_met' is a required property", "zh") == "缺少必填字段 'assets_test_met'"
    assert localized("a number >= 0", "zh") == ">= 0 的数"
    assert localized("-1 is less than the minimum of 0", "en") == "-1 is less than the minimum of 0"
    assert localized("something new", "zh") == "something new"  # unknown sentences are left as they are


def test_words_between_two_slots_across_a_clause_break_compare_neither() -> None:
    from socialaid.words.texts import stated_comparisons

    # tekun.no_work_capacity: "aged 80; …, minors under 18" says nothing of 80 against 18
    met = "no capacity to work (aged {age}; 43号 第五条, minors under {minor_age} as clause 6 sets it)"
    assert stated_comparisons(met, {"age": 80, "minor_age": 18}) == []
    either = "capacity to work, aged {age}, neither {elderly_age} or over nor under {minor_age}"
    assert stated_comparisons(either, {"age": 45, "elderly_age": 60, "minor_age": 18}) == []
    # one comparison, stated outright, is still read
    assert stated_comparisons("income {a} is over the line {b}", {"a": 810, "b": 1212}) == [False]


def test_a_reading_reads_in_chinese_under_zh_and_in_english_under_en() -> None:
    data = json.loads(json.dumps(DATA))
    entry = data["socialaid"]["rules"]["dibao.assets_test"]
    entry["reading_zh"] = "第5条——低保（家庭财产状况由申请方确认符合规定）"
    words = Texts.from_data(data)
    reading = {"rule": "dibao.assets_test", "clause": 5}
    assert words.basis_text(reading, "zh") == "本项目解读：第5条——低保（家庭财产状况由申请方确认符合规定）"
    assert words.basis_text(reading, "en") == "project reading: Clause 5 — asset test asserted"
