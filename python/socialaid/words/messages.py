"""The one message catalog: every word a person reads that is not in a rule's METADATA, in Chinese
and English side by side. Rule titles, quotes and message templates live in the rules themselves
(``data.socialaid.rules`` in the bundle, read by :mod:`socialaid.words.texts`).

``msg(key, lang, **values)`` formats one entry; :func:`default_lang` picks the language when the user
did not: ``$SOCIALAID_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) when it names
Chinese or English, else Chinese — the plan's language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Literal

__all__ = ["MESSAGES", "VALUE_CODES", "Lang", "code_word", "default_lang", "localized", "money", "msg", "outcome_word"]

Lang = Literal["zh", "en"]

MESSAGES: dict[str, dict[str, str]] = {
    # decision summary and details
    "summary": {"zh": "救助决定", "en": "Decision"},
    "programs": {"zh": "救助项目", "en": "Programs"},
    "program": {"zh": "项目", "en": "Program"},
    "tier": {"zh": "层次", "en": "Tier"},
    "clause": {"zh": "条款", "en": "Clause"},
    "eligible": {"zh": "符合", "en": "Eligible"},
    "amount": {"zh": "月金额（元）", "en": "Monthly (CNY)"},
    "covered": {"zh": "保障成员", "en": "Covered"},
    "reasons": {"zh": "决定理由", "en": "Reasons"},
    "findings": {"zh": "认定理由与依据", "en": "Findings and citations"},
    "rule": {"zh": "规则", "en": "Rule"},
    "outcome": {"zh": "结论", "en": "Outcome"},
    "member": {"zh": "成员", "en": "Member"},
    "finding": {"zh": "认定", "en": "Finding"},
    "quote": {"zh": "依据", "en": "Basis"},
    "params": {"zh": "所用参数", "en": "Parameters used"},
    "total": {"zh": "合计（现金）", "en": "Total (cash)"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "in_kind": {"zh": "实物/服务救助", "en": "aid in kind"},
    "nobody": {"zh": "—", "en": "—"},
    "as_of": {"zh": "决定日期 {as_of} · 规则包 {revision}", "en": "as of {as_of} · bundle {revision}"},
    "decision_id": {"zh": "决定编号 {decision_id}", "en": "decision id {decision_id}"},
    "more": {
        "zh": "（共 {n} 项认定；--details 显示全部认定及原文）",
        "en": "({n} findings in all; --details shows each with the plan's words)",
    },
    "missing_short": {
        "zh": "未提供的事实（{n} 项，见 --details）：{pointers}",
        "en": "Facts not given ({n}, see --details): {pointers}",
    },
    "hypothetical": {
        "zh": "注意：假设测算——本结果使用了请求中覆盖的参数，不是正式决定",
        "en": "HYPOTHETICAL — this result uses parameters overridden in the request",
    },
    "missing_facts": {"zh": "未提供的事实", "en": "Facts not given"},
    "assumption.not_established": {"zh": "按未认定处理", "en": "treated as not established"},
    "assumption.not_assessed": {"zh": "未作评估", "en": "not assessed"},
    "assumption.read_as_zero": {"zh": "按零计", "en": "read as zero"},
    "valid": {"zh": "有效", "en": "valid"},
    "clause_no": {"zh": "第{clause}条", "en": "cl. {clause}"},
    "colon": {"zh": "：", "en": ": "},
    "list_sep": {"zh": "、", "en": ", "},
    "with_values": {"zh": "{title}（{values}）", "en": "{title} ({values})"},
    # outcomes
    "met": {"zh": "符合", "en": "met"},
    "not_met": {"zh": "不符合", "en": "not met"},
    "info": {"zh": "说明", "en": "info"},
    # the three bases of a rule
    "basis.plan": {"zh": "方案第{clause}条：“{quote}”", "en": "plan clause {clause}: “{quote}”"},
    "basis.national": {
        "zh": "国家规定（非方案原文）：{document}{article}",
        "en": "national rule (not the plan's text): {document} {article}",
    },
    "basis.reading": {"zh": "本项目解读：{reading}", "en": "project reading: {reading}"},
    # what-if, sweep, explain
    "change": {"zh": "变化", "en": "Change"},
    "before": {"zh": "原金额", "en": "Before"},
    "after": {"zh": "新金额", "en": "After"},
    "delta": {"zh": "差额", "en": "Delta"},
    "entered": {"zh": "新获", "en": "entered"},
    "left": {"zh": "失去", "en": "left"},
    "changed": {"zh": "金额变化", "en": "changed"},
    "unchanged": {"zh": "不变", "en": "unchanged"},
    "figures": {"zh": "数额变化", "en": "figures changed"},
    "added": {"zh": "新增", "en": "added"},
    "removed": {"zh": "不再适用", "en": "no longer applies"},
    "flip": {"zh": "{before} → {after}", "en": "{before} → {after}"},
    "why_not": {"zh": "未获救助的原因", "en": "Why not"},
    "need_fall": {
        "zh": "人均收入需再降低 {pc:.2f} 元（家庭合计 {hh:.2f} 元，{n} 人）才低于标准 {std:.2f} 元",
        "en": "per-capita income would have to fall by {pc:.2f} (household {hh:.2f}, {n} members) "
        "to be below the standard {std:.2f}",
    },
    "no_reason": {"zh": "（无不符合项）", "en": "(no not-met finding)"},
    "trace": {"zh": "逐条规则：结论、比较的数值与条款", "en": "Rule by rule: outcome, values compared, clause"},
    "values": {"zh": "比较的数值", "en": "Values compared"},
    "cliffs": {"zh": "资格断崖", "en": "Eligibility cliffs"},
    "cliff_at": {"zh": "断崖位置", "en": "Cliff at"},
    "sweep_title": {
        "zh": "{path}：{n} 个点，一次查询，{ms:.0f} 毫秒",
        "en": "{path}: {n} points, one query, {ms:.0f} ms",
    },
    "sweep_rows": {
        "zh": "（显示 {shown}/{n} 行：首尾与断崖附近；--all-rows 显示全部）",
        "en": "(showing {shown} of {n} rows: ends and around cliffs; --all-rows shows all)",
    },
    "sweep_hidden": {
        "zh": "全程为零未画出：{names}（--show-zero 显示）",
        "en": "zero throughout, not drawn: {names} (--show-zero draws them)",
    },
    "chart_title": {
        "zh": "每月救助金额随 {path} 变化 · 家庭：{household} 人；{as_of}；单位：元/月",
        "en": "Monthly assistance against {path} · household {household} members; {as_of}; CNY per month",
    },
    "chart_y": {"zh": "元/月", "en": "CNY per month"},
    "chart_total": {"zh": "合计", "en": "total"},
    "chart_cliff": {"zh": "{name}：第{clauses}条，{at}", "en": "{name}: clause {clauses} at {at}"},
    "chart_hypothetical": {"zh": "（假设参数）", "en": " (HYPOTHETICAL parameters)"},
    "plot": {"zh": "图表：{file}", "en": "plot: {file}"},
    "progress": {"zh": "正在测算", "en": "Deciding"},
    # parameters
    "param.name": {"zh": "参数", "en": "Parameter"},
    "param.label": {"zh": "名称", "en": "Label"},
    "param.value": {"zh": "现行值", "en": "Value in force"},
    "param.unit": {"zh": "单位", "en": "Unit"},
    "param.effective": {"zh": "生效日期", "en": "Effective from"},
    "param.source": {"zh": "来源", "en": "Source"},
    "param.title": {"zh": "{as_of} 现行参数", "en": "Parameters in force on {as_of}"},
    "param.none": {"zh": "（该日无现行值）", "en": "(none in force)"},
    "param.hypothetical": {"zh": "（假设）", "en": " (hypothetical)"},
    # errors
    "invalid_input": {"zh": "输入无效", "en": "Invalid input"},
    "no_decision": {"zh": "无法作出决定", "en": "No decision"},
    "pointer": {"zh": "位置", "en": "Pointer"},
    "problem": {"zh": "问题", "en": "Problem"},
    "expected": {"zh": "应为", "en": "Expected"},
    "error": {"zh": "错误", "en": "error"},
    "did_you_mean": {"zh": "是否想输入：{names}？", "en": "did you mean {names}?"},
    "unknown_param": {"zh": "未知参数 {name}", "en": "unknown parameter {name}"},
    "unknown_group": {"zh": "未知参数组 {name}", "en": "unknown parameter group {name}"},
    "known_params": {"zh": "socialaid params 列出全部参数", "en": "socialaid params lists them all"},
    "interrupted": {"zh": "已中断", "en": "interrupted"},
}

_OUTCOMES = {"met", "not_met", "info"}

# The validator's sentences (jsonschema's and socialaid.validation's) in Chinese, pattern by pattern;
# JSON output keeps them as they are, for programs.
_PROBLEMS_ZH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Additional properties are not allowed \((.+) (?:was|were) unexpected\)$"), r"不允许的字段：\1"),
    (re.compile(r"^'(.+)' is a required property$"), r"缺少必填字段 '\1'"),
    (re.compile(r"^(.+) is not of type (.+)$"), r"\1 的类型不是 \2"),
    (re.compile(r"^(.+) is less than the minimum of (.+)$"), r"\1 小于最小值 \2"),
    (re.compile(r"^(.+) is greater than the maximum of (.+)$"), r"\1 大于最大值 \2"),
    (re.compile(r"^(.+) is not a '(.+)'$"), r"\1 不是有效的 \2"),
    (re.compile(r"^(.+) is not one of (.+)$"), r"\1 不在允许的取值中：\2"),
    (re.compile(r"^(.+) should be non-empty$"), r"\1 不能为空"),
    (re.compile(r"^(.+) does not match (.+)$"), r"\1 不符合格式 \2"),
    (re.compile(r"^a string matching (.+)$"), r"符合格式 \1 的字符串"),
    (re.compile(r"^not JSON: (.+)$"), r"不是有效的 JSON：\1"),
    (re.compile(r"^a value of type (.+)$"), r"\1 类型的值"),
    (re.compile(r"^the property to be present$"), "应提供该字段"),
    (re.compile(r"^no properties other than those in the schema$"), "仅限请求格式中定义的字段"),
    (re.compile(r"^a number (>=|<=|>|<) (.+)$"), r"\1 \2 的数"),
    (re.compile(r"^a string in date format \(e\.g\. (.+)\)$"), r"日期（如 \1）"),
    (re.compile(r"^one of (.+)$"), r"以下之一：\1"),
    (re.compile(r"^a JSON object$"), "JSON 对象"),
]


def localized(text: str, lang: Lang) -> str:
    """A validator's sentence in ``lang``: the Chinese pattern when one matches, else as it is."""
    if lang == "en":
        return text
    for pattern, replacement in _PROBLEMS_ZH:
        if pattern.match(text):
            return pattern.sub(replacement, text)
    return text


# Codes that findings carry in their values (groups, bases, stages, self-care, management), as words.
# Codes of aid in kind are named in the bundle's catalog (catalog.aid) instead.
VALUE_CODES: dict[str, dict[str, str]] = {
    "dibao_member": {"zh": "低保对象", "en": "低保 member"},
    "low_income_family_vulnerable": {
        "zh": "低收入家庭中的老年人、未成年人、重度残疾人和重病患者",
        "en": "elderly, minor, severely disabled or seriously ill member of a low-income family",
    },
    "edge_population": {"zh": "边缘人口", "en": "edge population"},
    "relocated": {"zh": "易地扶贫搬迁人口", "en": "relocated population"},
    "dibao_family": {"zh": "低保家庭", "en": "低保 family"},
    "tekun_family": {"zh": "特困供养家庭", "en": "特困 household"},
    "orphan": {"zh": "孤儿", "en": "orphan"},
    "de_facto_unsupported_child": {"zh": "事实无人抚养儿童", "en": "de-facto unsupported child"},
    "preschool": {"zh": "学前教育", "en": "preschool"},
    "compulsory": {"zh": "义务教育", "en": "compulsory education"},
    "senior_secondary": {"zh": "普通高中、中等职业教育", "en": "senior secondary or vocational"},
    "higher": {"zh": "高等教育", "en": "higher education"},
    "elderly": {"zh": "老年人", "en": "elderly"},
    "minor": {"zh": "未成年人", "en": "minor"},
    "disabled": {"zh": "残疾人", "en": "disabled"},
    "able": {"zh": "具备生活自理能力", "en": "able to care for oneself"},
    "partly_lost": {"zh": "生活自理能力部分丧失", "en": "self-care partly lost"},
    "fully_lost": {"zh": "生活自理能力完全丧失", "en": "self-care fully lost"},
    "enter": {"zh": "新纳入", "en": "enter"},
    "keep": {"zh": "保持", "en": "keep"},
    "change": {"zh": "调整", "en": "change"},
    "grace": {"zh": "缓退", "en": "grace period"},
    "exit": {"zh": "退出", "en": "exit"},
    "none": {"zh": "无", "en": "none"},
}


def code_word(code: str, lang: Lang) -> str | None:
    """The words for a value code in ``lang``, or None when the code is not in the catalog."""
    entry = VALUE_CODES.get(code)
    return entry[lang] if entry else None


def msg(key: str, lang: Lang, /, **values: object) -> str:
    """The catalog entry ``key`` in ``lang``, formatted with ``values``."""
    text = MESSAGES[key][lang]
    return text.format(**values) if values else text


def outcome_word(outcome: str, lang: Lang) -> str:
    return msg(outcome, lang) if outcome in _OUTCOMES else outcome


def money(value: object) -> str:
    """Yuan to the fen, never truncated: ``1234.5`` → ``1234.50``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return f"{value:.2f}"


def default_lang(env: Mapping[str, str] | None = None) -> Lang:
    """``$SOCIALAID_LANG``, else the locale when it is Chinese or English, else Chinese."""
    environ = os.environ if env is None else env
    explicit = environ.get("SOCIALAID_LANG", "").strip().lower()
    if explicit in {"zh", "en"}:
        return "en" if explicit == "en" else "zh"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "").strip().lower()
        if not value:
            continue
        if value.startswith("en"):
            return "en"
        if value.startswith("zh"):
            return "zh"
        break  # the first locale variable set decides; C / POSIX fall through to the default
    return "zh"


# --- populations: the impact report (socialaid impact), its table, distributions and chart ---------
MESSAGES.update(
    {
        "impact.title": {"zh": "改革影响：{reform}", "en": "Impact of {reform}"},
        "impact.base.in_force": {"zh": "现行政策（{revision}）", "en": "policy in force ({revision})"},
        "impact.base.at_rev": {"zh": "{rev} 版本的政策（{short}）", "en": "policy at {rev} ({short})"},
        "impact.reform.working": {"zh": "工作区政策（{revision}）", "en": "working tree ({revision})"},
        "impact.reform.param": {"zh": "{label} = {value}", "en": "{label} = {value}"},
        "impact.against": {
            "zh": "对照：{base} · 决定日期 {as_of}",
            "en": "against {base} · decision date {as_of}",
        },
        "impact.counts": {
            "zh": "{households} 户 · 变化 {changed} 户 · 未决定：基准 {base} 户，改革 {reform} 户"
            "（仅一方决定 {one} 户）· {seconds} 秒",
            "en": "{households} households · {changed} changed · refused: {base} base, {reform} reform "
            "({one} decided under one side only) · {seconds} s",
        },
        "impact.cache.hit": {
            "zh": "基准一方取自缓存（{path}）：本次只决定改革一方，共 {decisions} 次决定",
            "en": "base side read from the cache ({path}): only the reform side decided, {decisions} decisions",
        },
        "impact.cache.miss": {
            "zh": "基准一方已决定并存入缓存（{path}）：共 {decisions} 次决定",
            "en": "base side decided and stored in the cache ({path}): {decisions} decisions",
        },
        "impact.cache.off": {"zh": "未用基准缓存：共 {decisions} 次决定", "en": "no base cache: {decisions} decisions"},
        "impact.cash": {
            "zh": "各项目月现金合计：{better} 户增加，{worse} 户减少",
            "en": "monthly cash across all programs: {better} households better off, {worse} worse off",
        },
        "impact.by_clause": {
            "zh": "项目决定变化，按首个变化规则所在条款：{items}",
            "en": "program decisions changed, by the clause of the first rule that changed: {items}",
        },
        "impact.by_clause_item": {"zh": "第{clause}条 {n} 项", "en": "clause {clause}: {n}"},
        "impact.col.program": {"zh": "项目", "en": "program"},
        "impact.col.newly": {"zh": "新增符合\n户 / 人", "en": "newly eligible\nhh / persons"},
        "impact.col.no_longer": {"zh": "不再符合\n户 / 人", "en": "no longer\nhh / persons"},
        "impact.col.gainers": {"zh": "增加\n户", "en": "gainers"},
        "impact.col.losers": {"zh": "减少\n户", "en": "losers"},
        "impact.col.month_urban": {"zh": "月变化\n城市", "en": "Δ a month\nurban"},
        "impact.col.month_rural": {"zh": "月变化\n农村", "en": "Δ a month\nrural"},
        "impact.col.year_total": {"zh": "年变化\n合计", "en": "Δ a year\ntotal"},
        "impact.col.first_rule": {"zh": "首个变化规则（户）", "en": "first changed rule (households)"},
        "impact.caption": {
            "zh": "户 = 家庭户数；变化单位为元；人 = 项目保障的成员",
            "en": "hh = households; Δ = change in CNY; persons = members covered",
        },
        "impact.amount_rule": {"zh": "{program}：金额", "en": "{program}: amount"},
        "impact.no_changes": {"zh": "没有任何家庭的项目决定发生变化", "en": "no program changes for any household"},
        "impact.deciles.title": {
            "zh": "按改革前人均收入十等分（低保认定的人均月收入，元）",
            "en": "By decile of per-capita income before the reform (低保's counted income, CNY a month)",
        },
        "impact.col.decile": {"zh": "十等分组", "en": "decile"},
        "impact.col.households": {"zh": "户数", "en": "households"},
        "impact.col.per_capita": {"zh": "人均收入\n（元/月）", "en": "per-capita income\n(CNY a month)"},
        "impact.col.winners": {"zh": "现金增加\n户", "en": "better off\nhh"},
        "impact.col.losers_cash": {"zh": "现金减少\n户", "en": "worse off\nhh"},
        "impact.col.mean_change": {"zh": "户均月变化\n（元）", "en": "mean change\n(CNY a month)"},
        "impact.poverty.title": {
            "zh": "低于低保标准：户 / 人 · 月缺口（元）",
            "en": "Below the 低保 standard: households / persons · monthly gap (CNY)",
        },
        "impact.col.measure": {"zh": "口径", "en": "measure"},
        "impact.col.urban": {"zh": "城市", "en": "urban"},
        "impact.col.rural": {"zh": "农村", "en": "rural"},
        "impact.poverty.base.before_transfers": {"zh": "改革前 · 救助前收入", "en": "before the reform · income"},
        "impact.poverty.reform.before_transfers": {"zh": "改革后 · 救助前收入", "en": "after the reform · income"},
        "impact.poverty.base.after_transfers": {
            "zh": "改革前 · 加各项现金救助",
            "en": "before the reform · income + cash aid",
        },
        "impact.poverty.reform.after_transfers": {
            "zh": "改革后 · 加各项现金救助",
            "en": "after the reform · income + cash aid",
        },
        "impact.poverty.cell": {"zh": "{households} / {persons} · {gap}", "en": "{households} / {persons} · {gap}"},
        "impact.distributions.unavailable": {
            "zh": "分布（十等分、贫困人数与缺口）：决定结果未含人均收入与低保标准（批量决定的 outcome 视图不提供）；"
            "加 --distributions 可从每户的解释中读取（约慢 4 倍）",
            "en": "distributions (deciles, poverty headcount and gap): the rows carry no per-capita income or "
            "低保 standard (the batch's outcome view does not give them); --distributions reads them from each "
            "household's explanation (about 4 times the time)",
        },
        "impact.distributions.partial": {
            "zh": "（{n} 户缺少人均收入，未计入分布）",
            "en": "({n} households without per-capita income are left out of the distributions)",
        },
        "impact.chart": {"zh": "图表 → {path}", "en": "chart → {path}"},
        # the chart
        "chart.title": {
            "zh": "红花岗区社会救助：{reform}，对照{base}\n决定日期 {as_of} · 计算于 {today}",
            "en": "Honghuagang social assistance — impact of {reform} vs {base}\n"
            "decision date {as_of} · computed {today}",
        },
        "chart.cost.title": {"zh": "各项目年支出变化", "en": "Annual cost change by program"},
        "chart.cost.ylabel": {"zh": "年支出变化（万元/年）", "en": "annual cost change (10 000 CNY a year)"},
        "chart.hist.title": {
            "zh": "每户变化（{households} 户中 {changed} 户变化）",
            "en": "Per-household change ({changed} of {households} households changed)",
        },
        "chart.hist.xlabel": {
            "zh": "变化家庭的月现金变化（元/月）",
            "en": "change in monthly cash per changed household (CNY a month)",
        },
        "chart.households": {"zh": "户数", "en": "households"},
        "chart.deciles.title": {
            "zh": "按改革前人均收入十等分：户均月变化",
            "en": "Mean monthly change by decile of per-capita income before the reform",
        },
        "chart.deciles.xlabel": {"zh": "十等分组（1 = 最低）", "en": "decile (1 = lowest)"},
        "chart.deciles.ylabel": {"zh": "户均月变化（元）", "en": "mean change (CNY a month)"},
        "chart.deciles.share": {"zh": "现金增加户占比", "en": "share better off"},
        "chart.poverty.title": {
            "zh": "低于低保标准的人数（加各项现金救助后）",
            "en": "Persons below the 低保 standard (income + cash aid)",
        },
        "chart.poverty.ylabel": {"zh": "人数", "en": "persons"},
        "chart.before": {"zh": "改革前", "en": "before the reform"},
        "chart.after": {"zh": "改革后", "en": "after the reform"},
        "chart.none": {
            "zh": "（无人均收入数据：见 --distributions）",
            "en": "(no per-capita income: see --distributions)",
        },
    }
)
