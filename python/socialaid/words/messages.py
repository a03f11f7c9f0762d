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

__all__ = [
    "MESSAGES",
    "VALUE_CODES",
    "Lang",
    "code_word",
    "default_lang",
    "localized",
    "money",
    "msg",
    "outcome_word",
]

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
    "assumption.read_as_able": {"zh": "按能自理对待", "en": "read as able to care for oneself"},
    "assumption.read_as_men_range": {
        "zh": "按男职工的法定退休年龄（范围最宽）对待",
        "en": "read with the men's statutory retirement age (the widest range)",
    },
    "assumption.read_as_55_post_range": {
        "zh": "按原法定退休年龄五十五周岁岗位对待",
        "en": "read as a 55-year post (the wider of the women's ranges)",
    },
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
    "sweep_title": {"zh": "{path}：{n} 个点", "en": "{path}: {n} points"},
    "sweep_rows": {
        "zh": "（显示 {shown}/{n} 行：首尾与断崖附近；--all-rows 显示全部）",
        "en": "(showing {shown} of {n} rows: ends and around cliffs; --all-rows shows all)",
    },
    "sweep_hidden": {
        "zh": "全程为零未画出：{names}（--show-zero 显示）",
        "en": "zero throughout, not drawn: {names} (--show-zero draws them)",
    },
    "chart_title": {
        "zh": "每月救助金额随{path}变化 · 家庭：{household} 人；{as_of}；单位：元/月",
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
    # --- the caseworker's web page (socialaid.web) -------------------------------------------------
    "web.title": {"zh": "红花岗区社会救助 · 经办页面", "en": "Honghuagang social assistance · caseworker's page"},
    "web.plan": {"zh": "遵红府办发〔2021〕49号", "en": "遵红府办发〔2021〕49号 (the district's plan)"},
    "web.lang_other": {"zh": "English", "en": "中文"},
    "web.mode.service": {"zh": "正式决定（服务模式）", "en": "formal decisions (service mode)"},
    "web.mode.analyst": {"zh": "分析模式：可假设参数", "en": "analyst mode: parameters may be overridden"},
    "web.form_title": {"zh": "申请家庭信息", "en": "The household"},
    "web.form_intro": {
        "zh": "未填写的事实按“未提供”处理，决定中会列出需要向申请人询问的事项。",
        "en": "A fact left blank is not given: the decision lists what to ask the applicant for.",
    },
    "web.section.household": {"zh": "家庭", "en": "Household"},
    "web.decide": {"zh": "作出决定", "en": "Decide"},
    "web.add": {"zh": "添加：{what}", "en": "Add: {what}"},
    "web.remove": {"zh": "删除", "en": "Remove"},
    "web.item_n": {"zh": "{what} {n}", "en": "{what} {n}"},
    "web.not_stated": {"zh": "（未说明）", "en": "(not stated)"},
    "web.none_stated": {"zh": "已说明：没有", "en": "Stated: there are none"},
    "web.errors_title": {"zh": "请更正标出的 {n} 处", "en": "Please correct the {n} marked fields"},
    "web.err.required": {"zh": "必填", "en": "Required"},
    "web.err.range": {"zh": "应在 {min} 至 {max} 之间", "en": "Must be between {min} and {max}"},
    "web.err.min": {"zh": "不能小于 {min}", "en": "Must be at least {min}"},
    "web.err.max": {"zh": "不能大于 {max}", "en": "Must be at most {max}"},
    "web.err.number": {"zh": "请输入数字", "en": "Enter a number"},
    "web.err.step": {"zh": "最多两位小数", "en": "At most two decimals"},
    "web.err.integer": {"zh": "请输入整数", "en": "Enter a whole number"},
    "web.err.pattern": {"zh": "格式应为 {example}", "en": "Format: {example}"},
    "web.err.expected": {"zh": "（应为：{expected}）", "en": " (expected: {expected})"},
    "web.more_errors": {"zh": "另有 {n} 项同类问题", "en": "and {n} more like these"},
    "web.decision_title": {"zh": "救助决定", "en": "Decision"},
    "web.eligible.yes": {"zh": "符合", "en": "Eligible"},
    "web.eligible.no": {"zh": "不符合", "en": "Not eligible"},
    "web.yuan": {"zh": "{amount} 元", "en": "CNY {amount}"},
    "web.per_month": {"zh": "每月", "en": "a month"},
    "web.aid_in_kind": {"zh": "实物/服务救助", "en": "Aid in kind"},
    "web.covered_none": {"zh": "无", "en": "nobody"},
    "web.total": {"zh": "现金救助合计", "en": "Cash assistance in all"},
    "web.missing_title": {"zh": "请向申请人询问（{n} 项）", "en": "Ask the applicant for ({n})"},
    "web.missing_intro": {
        "zh": "以下事实申请中没有提供；本决定在缺少时按所注方式处理。补充后请重新决定。",
        "en": "These facts were not given; the decision did as noted without each. Decide again once given.",
    },
    "web.missing_without": {"zh": "缺少时：{assumption}", "en": "without it: {assumption}"},
    "web.missing_for": {"zh": "涉及：{program} · {rule}", "en": "for: {program} · {rule}"},
    "web.fill_in": {"zh": "补充", "en": "Fill in"},
    "web.meta.revision": {"zh": "规则包版本", "en": "Bundle revision"},
    "web.meta.date": {"zh": "决定日期", "en": "Decision date"},
    "web.meta.id": {"zh": "决定编号", "en": "Decision id"},
    "web.meta.household": {"zh": "家庭编号", "en": "Household id"},
    "web.meta.area": {"zh": "城乡", "en": "Area"},
    "web.full_explanation": {"zh": "全部认定理由与依据（{n} 项）", "en": "Every finding and its basis ({n})"},
    "web.edit": {"zh": "修改家庭信息", "en": "Edit the household"},
    "web.new": {"zh": "新的申请", "en": "New household"},
    "web.print_notice": {"zh": "决定通知书（可打印）", "en": "Decision notice (printable)"},
    "web.print": {"zh": "打印", "en": "Print"},
    "web.back": {"zh": "返回决定", "en": "Back to the decision"},
    "web.whatif_title": {"zh": "假设测算：改变一两项事实", "en": "What if: change one or two facts"},
    "web.whatif_field": {"zh": "事实", "en": "Fact"},
    "web.whatif_value": {"zh": "新值", "en": "New value"},
    "web.whatif_param": {"zh": "参数（分析模式）", "en": "Parameter (analyst mode)"},
    "web.whatif_choose": {"zh": "（选择）", "en": "(choose)"},
    "web.whatif_run": {"zh": "看看有何变化", "en": "Show what changes"},
    "web.whatif_result": {"zh": "假设：{changes}", "en": "What if: {changes}"},
    "web.whatif_none": {"zh": "各项目的资格和金额都不变", "en": "No program's eligibility or amount changes"},
    "web.whatif_open": {"zh": "查看该假设下的完整决定", "en": "Open the whole decision under this change"},
    "web.whatif_bool": {"zh": "是否类填“是”或“否”", "en": "yes / no facts take yes or no"},
    "web.whatif_nothing": {"zh": "请选择要改变的事实", "en": "Choose a fact to change"},
    "web.sweep_title": {"zh": "收入测算：一名成员的月收入从低到高", "en": "Income sweep: one member's monthly income"},
    "web.sweep_member": {"zh": "成员", "en": "Member"},
    "web.sweep_from": {"zh": "从（元）", "en": "From (CNY)"},
    "web.sweep_to": {"zh": "到（元）", "en": "To (CNY)"},
    "web.sweep_step": {"zh": "步长（元）", "en": "Step (CNY)"},
    "web.sweep_run": {"zh": "绘制", "en": "Draw"},
    "web.sweep_caption": {
        "zh": "{member} 的月收入（元）与每月救助金额（元）：{n} 个点；红线为资格断崖",
        "en": "{member}'s monthly income (CNY) against monthly assistance (CNY): {n} points; red lines are cliffs",
    },
    "web.sweep_x": {"zh": "月收入（元）", "en": "monthly income (CNY)"},
    "web.sweep_no_cliff": {"zh": "此范围内没有资格断崖", "en": "No eligibility cliff in this range"},
    "web.cliff": {
        "zh": "{name}：月收入达到 {at} 元时{change}（第{clauses}条）",
        "en": "{name}: {change} at a monthly income of {at} (clause {clauses})",
    },
    "web.cliff.lost": {"zh": "失去资格", "en": "eligibility lost"},
    "web.cliff.gained": {"zh": "获得资格", "en": "eligibility gained"},
    "web.expired": {
        "zh": "该决定已过期或不存在（页面只保留最近的决定），请重新提交。",
        "en": "This decision has expired or does not exist (the page keeps recent ones only); decide again.",
    },
    "web.csrf": {
        "zh": "表单已失效（安全校验未通过），请刷新页面后重新提交。",
        "en": "The form is no longer valid (security check failed); reload the page and submit again.",
    },
    "web.too_large": {"zh": "提交的内容过多", "en": "The form sent too much"},
    "web.not_found": {"zh": "没有这个页面", "en": "No such page"},
    "web.internal_error": {
        "zh": "页面出错，未作出决定。请稍后重试；问题仍在时请联系系统管理员。",
        "en": "The page failed and decided nothing. Try again; if it persists, tell the administrator.",
    },
    "web.engine_error": {"zh": "规则引擎无法作出决定：{error}", "en": "The policy engine could not decide: {error}"},
    "web.notice_title": {"zh": "社会救助决定通知书", "en": "Social assistance decision notice"},
    "web.notice_intro": {
        "zh": "根据红花岗区社会救助实施方案（遵红府办发〔2021〕49号），对下列家庭作出如下决定：",
        "en": "Under the Honghuagang social-assistance plan (遵红府办发〔2021〕49号), the household below is "
        "decided as follows:",
    },
    "web.notice_members": {"zh": "家庭共同生活成员", "en": "Members living together"},
    "web.notice_programs": {"zh": "决定事项", "en": "What is decided"},
    "web.notice_reasons": {"zh": "理由与依据", "en": "Reasons and basis"},
    "web.notice_missing": {"zh": "待补充的事实", "en": "Facts still to be given"},
    "web.notice_caseworker": {"zh": "经办人", "en": "Caseworker"},
    "web.notice_approver": {"zh": "审核人", "en": "Approved by"},
    "web.notice_date": {"zh": "日期", "en": "Date"},
    "web.notice_seal": {"zh": "（盖章）", "en": "(seal)"},
    "web.notice_footer": {
        "zh": "本通知依据规则包 {revision} 作出，决定编号 {decision_id}，决定日期 {as_of}。",
        "en": "Decided by bundle {revision}, decision id {decision_id}, decision date {as_of}.",
    },
    "web.member_label": {"zh": "成员", "en": "Member"},
    "web.member_id": {"zh": "成员编号", "en": "Member id"},
    "web.program_missing": {"zh": "未提供{what}：{assumption}", "en": "{what} not given: {assumption}"},
    "web.enum.area.urban": {"zh": "城市", "en": "urban"},
    "web.enum.area.rural": {"zh": "农村", "en": "rural"},
    "web.enum.type.physical": {"zh": "肢体残疾", "en": "physical"},
    "web.enum.type.visual": {"zh": "视力残疾", "en": "visual"},
    "web.enum.type.hearing": {"zh": "听力残疾", "en": "hearing"},
    "web.enum.type.speech": {"zh": "言语残疾", "en": "speech"},
    "web.enum.type.intellectual": {"zh": "智力残疾", "en": "intellectual"},
    "web.enum.type.mental": {"zh": "精神残疾", "en": "mental"},
    "web.enum.type.multiple": {"zh": "多重残疾", "en": "multiple"},
    "web.enum.ability.able": {"zh": "具备生活自理能力", "en": "able to care for oneself"},
    "web.enum.ability.partly_lost": {"zh": "部分丧失", "en": "partly lost"},
    "web.enum.ability.fully_lost": {"zh": "完全丧失", "en": "fully lost"},
    "web.enum.stage.preschool": {"zh": "学前教育", "en": "preschool"},
    "web.enum.stage.compulsory": {"zh": "义务教育", "en": "compulsory education"},
    "web.enum.stage.senior_secondary": {"zh": "普通高中、中等职业教育", "en": "senior secondary or vocational"},
    "web.enum.stage.higher": {"zh": "高等教育", "en": "higher education"},
    "web.enum.stage.postgraduate": {"zh": "研究生教育", "en": "postgraduate"},
    "web.enum.status.employed": {"zh": "就业", "en": "employed"},
    "web.enum.status.self_employed": {"zh": "自主创业、灵活就业", "en": "self-employed"},
    "web.enum.status.unemployed": {"zh": "失业", "en": "unemployed"},
    "web.enum.status.not_in_labour_force": {"zh": "非劳动力", "en": "not in the labour force"},
    "web.enum.poverty_status.none": {"zh": "无", "en": "none"},
    "web.enum.poverty_status.tuopin": {"zh": "脱贫人口", "en": "脱贫 (lifted out of poverty)"},
    "web.enum.poverty_status.tuopin_unstable": {"zh": "脱贫不稳定人口", "en": "脱贫, not yet stable"},
    "web.enum.poverty_status.edge_at_risk": {"zh": "边缘易致贫人口", "en": "edge population at risk"},
    "web.enum.kind.disability": {"zh": "残疾", "en": "disability"},
    "web.enum.kind.illness": {"zh": "重病或慢性病", "en": "serious or chronic illness"},
    "web.enum.kind.education": {"zh": "非义务教育", "en": "non-compulsory education"},
    "web.enum.kind.employment": {"zh": "必要就业成本", "en": "employment cost"},
    "web.bool.true": {"zh": "是", "en": "yes"},
    "web.bool.false": {"zh": "否", "en": "no"},
    # --- end of the web page's entries ---------------------------------------------------------------
}

_OUTCOMES = {"met", "not_met", "info"}

# The validator's sentences (jsonschema's and socialaid.validation's) in Chinese, pattern by pattern;
# JSON output keeps them as they are, for programs.
_PROBLEMS_ZH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^No such option: (\S+)(?: \(Possible options: (.+)\)|\s+Did you mean (.+)\?)?$"), r"没有选项 \1"),
    (re.compile(r"^Missing option '(.+?)'.*$"), r"缺少选项 \1"),
    (re.compile(r"^Missing argument '(.+?)'.*$"), r"缺少参数 \1"),
    (
        re.compile(r"^Invalid value for '(.+?)': '(.+?)' does not match the formats? '%Y-%m-%d'.*$"),
        r"选项 \1 的取值 \2 不是日期（年-月-日，如 2025-01-01）",
    ),
    (
        re.compile(r"^Invalid value for '([^']+)'(?: / '[^']+')?: (?:file|File) '(.+)' does not exist\.?$"),
        r"选项 \1 的取值无效：文件 \2 不存在",
    ),
    (
        re.compile(r"^Invalid value for '([^']+)'(?: / '[^']+')?: Input should be greater than or equal to (\S+)$"),
        r"选项 \1 的取值无效：应不小于 \2",
    ),
    (
        re.compile(r"^Invalid value for '([^']+)'(?: / '[^']+')?: Input should be less than or equal to (\S+)$"),
        r"选项 \1 的取值无效：应不大于 \2",
    ),
    (re.compile(r"^Invalid value for '([^']+)'(?: / '[^']+')?: .*$"), r"选项 \1 的取值无效"),
    (re.compile(r"^not a parameter assignment: (.+)$"), r"不是参数赋值：\1"),
    (re.compile(r"^GROUP\.NAME=VALUE, e\.g\. (.+)$"), r"组.名称=取值，如 \1"),
    (re.compile(r"^nothing to change$"), "没有要改变的内容"),
    (re.compile(r"^--set, --param or --scenario$"), "--set、--param 或 --scenario"),
    (re.compile(r"^No such command '(.+?)'.*$"), r"没有命令 \1"),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), r"多余的参数：\1"),
    (re.compile(r"^no such file: (\S+) .*$"), r"没有文件 \1（请给出家庭请求 JSON 文件，或用 - 表示标准输入）"),
    (re.compile(r"^Additional properties are not allowed \((.+) (?:was|were) unexpected\)$"), r"不允许的字段：\1"),
    (re.compile(r"^'(.+)' is a required property$"), r"缺少必填字段 '\1'"),
    (re.compile(r"^(.+) is not of type (.+)$"), r"\1 的类型不是 \2"),
    (re.compile(r"^(.+) is less than the minimum of (.+)$"), r"\1 小于最小值 \2"),
    (re.compile(r"^(.+) is greater than the maximum of (.+)$"), r"\1 大于最大值 \2"),
    (re.compile(r"^(.+) is not a 'date'$"), r"\1 不是有效的日期"),
    (re.compile(r"^(.+) is not a 'date-time'$"), r"\1 不是有效的日期时间"),
    (re.compile(r"^(.+) is not a '(.+)'$"), r"\1 不是有效的 \2"),
    (re.compile(r"^(.+) is not one of (.+)$"), r"\1 不在允许的取值中：\2"),
    (re.compile(r"^(.+) should be non-empty$"), r"\1 不能为空"),
    (re.compile(r"^(.+) does not match (.+)$"), r"\1 不符合格式 \2"),
    (re.compile(r"^a string matching (.+)$"), r"符合格式 \1 的字符串"),
    (re.compile(r"^not JSON: .* at line (\d+) column (\d+)$"), r"不是有效的 JSON（第 \1 行第 \2 列）"),
    (re.compile(r"^not JSON: (.+)$"), r"不是有效的 JSON：\1"),
    (re.compile(r"^a value of type (.+)$"), r"\1 类型的值"),
    (re.compile(r"^the property to be present$"), "应提供该字段"),
    (re.compile(r"^no properties other than those in the schema$"), "仅限请求格式中定义的字段"),
    (re.compile(r"^a number (>=|<=|>|<) (.+)$"), r"\1 \2 的数"),
    (re.compile(r"^a string in date format \(e\.g\. (.+)\)$"), r"日期（如 \1）"),
    (re.compile(r"^one of (.+)$"), r"以下之一：\1"),
    (re.compile(r"^a JSON object$"), "JSON 对象"),
    (re.compile(r"^unknown parameter group (\S+)(.*)$"), r"未知参数组 \1"),
    (re.compile(r"^not an OPA URL: (\S+) \((?:expected )?(.+)\)$"), r"不是 OPA 地址：\1（应为 http://主机:端口）"),
    (
        re.compile(r"^OPA is unreachable at (\S+): is the server running\? \((\w+)\)$"),
        r"无法连接 OPA：\1（服务是否已启动？\2）",
    ),
    (re.compile(r"^the values of parameter group (\w+) are known only through (.+)$"), r"参数组 \1 的取值仅知至 \2"),
    (re.compile(r"^no value of parameter (\S+) is in force on (.+)$"), r"参数 \1 在 \2 没有现行值"),
    (
        re.compile(r"^a decision date on or after (\S+), or a new dated value in parameters/(\S+)$"),
        r"不早于 \1 的决定日期，或在 parameters/\2 中新增一个注明日期的取值",
    ),
    (
        re.compile(r"^a decision date on or before (\S+), or projection: true for a hypothetical projection$"),
        r"不晚于 \1 的决定日期，或以 projection: true 作假设性预测",
    ),
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
    # the statutory retirement schedules of clause 10 (employment.working_age: kind)
    "men": {"zh": "男职工", "en": "men"},
    "women_50_post": {"zh": "原法定退休年龄五十周岁的女职工", "en": "women in posts retiring at 50"},
    "women_55_post": {"zh": "原法定退休年龄五十五周岁的女职工", "en": "women in posts retiring at 55"},
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
    "student": {"zh": "在校学生", "en": "student"},
    "single_parent": {"zh": "单亲家庭成员", "en": "member of a single-parent family"},
    "single_parent_family": {"zh": "单亲家庭成员", "en": "member of a single-parent family"},
    "severely_disabled_or_seriously_ill": {"zh": "重度残疾人员或重病患者", "en": "severely disabled or seriously ill"},
    # the classified supplement's categories (dibao.classified_supplement: categories)
    "serious_illness": {"zh": "重病患者", "en": "seriously ill"},
    "severe_disability": {"zh": "重度残疾人员", "en": "severely disabled"},
    # the warning line that applies (medical.warning_line: line)
    "general": {"zh": "参保人员", "en": "insured residents"},
    "low_income": {"zh": "低收入人口", "en": "low-income people"},
    # a grace period's cause, a rigid expenditure's kind, an area, a price index, a disability type
    "business": {"zh": "创业", "en": "business"},
    "employment": {"zh": "就业", "en": "employment"},
    "illness": {"zh": "重病或慢性病", "en": "serious or chronic illness"},
    "disability": {"zh": "残疾", "en": "disability"},
    "urban": {"zh": "城市", "en": "urban"},
    "rural": {"zh": "农村", "en": "rural"},
    "cpi": {"zh": "居民消费价格指数", "en": "consumer price index"},
    "food_cpi": {"zh": "食品价格指数", "en": "food price index"},
    "tuopin": {"zh": "脱贫人口", "en": "lifted out of poverty"},
    "postgraduate": {"zh": "研究生教育", "en": "postgraduate"},
    "physical": {"zh": "肢体残疾", "en": "physical"},
    "visual": {"zh": "视力残疾", "en": "visual"},
    "hearing": {"zh": "听力残疾", "en": "hearing"},
    "speech": {"zh": "言语残疾", "en": "speech"},
    "intellectual": {"zh": "智力残疾", "en": "intellectual"},
    "mental": {"zh": "精神残疾", "en": "mental"},
    "multiple": {"zh": "多重残疾", "en": "multiple"},
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


MESSAGES.update(
    {
        "yuan": {"zh": "{amount} 元", "en": "{amount} CNY"},
        "field.request": {"zh": "请求", "en": "the request"},
        "source.stdin": {"zh": "标准输入", "en": "standard input"},
        "headline": {"zh": "结论", "en": "Decision"},
        "granted": {"zh": "获得救助", "en": "Granted"},
        "not_granted": {"zh": "未获救助", "en": "Not granted"},
        "nearest_change": {"zh": "最近的改变", "en": "Nearest change"},
        "working": {"zh": "认定过程", "en": "The working"},
        "findings_of": {"zh": "{name}（第{clause}条）：{state}", "en": "{name} (clause {clause}): {state}"},
        "program_line": {"zh": "{name}（第{clause}条）", "en": "{name} (clause {clause})"},
        "no_findings": {"zh": "（本项目没有认定：不适用于该家庭）", "en": "(no finding: it does not apply here)"},
        "reading_zh": {"zh": "本项目解读（第{clause}条）", "en": "project reading (clause {clause})"},
        "plan_en": {"zh": "方案第{clause}条", "en": "plan clause {clause}: {title} (the plan's words: --lang zh)"},
        "source_other": {
            "zh": "仅有英文记载（--lang en）",
            "en": "recorded in Chinese only (--lang zh)",
        },
        "missing.line": {
            "zh": "· {field}（{pointer}）：{assumption}",
            "en": "· {field} ({pointer}): {assumption}",
        },
        "missing.short": {"zh": "· {field}：{assumption}", "en": "· {field}: {assumption}"},
        "missing.decides": {
            "zh": "{program}的结论以此为决定理由",
            "en": "the outcome of {program} rests on it",
        },
        "missing.not_decisive": {
            "zh": "不是本次任何结论的决定理由（{program}）",
            "en": "not a decisive reason of this decision ({program})",
        },
        "param.history": {"zh": "历史取值", "en": "History"},
        "param.horizon": {"zh": "本组参数已知至 {date}", "en": "known through {date}"},
        "param.past_horizon": {
            "zh": "{as_of} 超出这些参数组的已知期限：{groups}；该日的决定会被拒绝（退出码 3），下列各参数不标现行值",
            "en": "{as_of} is past the horizon of {groups}: a decision on that date is refused (exit 3), "
            "and no value below is marked in force",
        },
        "param.in_force_on": {"zh": "{as_of} 现行值", "en": "in force on {as_of}"},
        "param.since": {"zh": "自 {date} 起", "en": "from {date}"},
        "param.current": {"zh": "（现行）", "en": " (in force)"},
        "param.group": {"zh": "{name}（--group {group}）", "en": "{name} (--group {group})"},
        "usage_error": {"zh": "用法错误", "en": "Usage error"},
        "usage_hint": {"zh": "（socialaid --help 查看用法）", "en": "(socialaid --help shows the usage)"},
        "sweep_axis": {"zh": "{field}（{unit}）", "en": "{field} ({unit})"},
        "sweep_in_kind": {"zh": "实物/服务救助（有资格的区间）", "en": "aid in kind (where eligible)"},
        "sweep_kind_none": {
            "zh": "全程无资格：{names}",
            "en": "not eligible anywhere in the range: {names}",
        },
        "sweep_kind_bands": {"zh": "实物/服务救助：{names}", "en": "aid in kind: {names}"},
        "sweep_segments": {
            "zh": "分段线性（{n} 段，端点精确到分）",
            "en": "piecewise linear ({n} pieces, ends to the fen)",
        },
        "cell.eligible": {"zh": "有资格", "en": "eligible"},
        "unit.yuan_month": {"zh": "元/月", "en": "CNY per month"},
        "unit.yuan": {"zh": "元", "en": "CNY"},
        "unit.persons": {"zh": "人", "en": "persons"},
        "unit.years": {"zh": "岁", "en": "years"},
    }
)
MESSAGES["assumption.read_as_able"] = {"zh": "按能自理对待", "en": "read as able to care for oneself"}
MESSAGES["amount_col"] = {"zh": "月金额", "en": "Monthly"}
MESSAGES["covered_by"] = {"zh": "保障成员：{ids}", "en": "covered: {ids}"}
MESSAGES["whatif.param"] = {"zh": "参数“{label}” = {value}", "en": "parameter “{label}” = {value}"}
MESSAGES["whatif.cli"] = {"zh": "假设", "en": "What if"}
MESSAGES["whatif.variant"] = {"zh": "方案“{name}”", "en": "Variant “{name}”"}
MESSAGES["sweep_value"] = {"zh": "取值", "en": "Value"}
MESSAGES["plan_name"] = {
    "zh": "遵红府办发〔2021〕49号：各条款及实现它的规则",
    "en": "The plan (Zunhongfubanfa [2021] No. 49): each clause and the rules implementing it",
}
MESSAGES["clause_heading"] = {"zh": "第{n}条 {title}", "en": "Clause {n}: {title}"}
MESSAGES["missing.summary"] = {
    "zh": "未提供的事实 {n} 项；以其为决定理由的项目：{programs}（--details 逐项说明）",
    "en": "Facts not given: {n}; programs whose outcome rests on one: {programs} (--details names each)",
}
MESSAGES["param.expected"] = {"zh": "规则包中定义的参数", "en": "a parameter defined in the bundle"}
MESSAGES["field.member"] = {"zh": "成员 {member} 的{field}", "en": "{field} of member {member}"}

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
            "zh": "分布（十等分、贫困人数与缺口）：决定结果未含人均收入与低保标准（较早版本的策略包，"
            "其批量决定的 outcome 视图不提供）；加 --distributions 可从每户的解释中读取（约慢 4 倍）",
            "en": "distributions (deciles, poverty headcount and gap): the rows carry no per-capita income or "
            "低保 standard (a bundle whose batch outcome view does not give them, from before they were added); "
            "--distributions reads them from each household's explanation (about 4 times the time)",
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

# The population and server commands (batch, synth, bundle, serve): progress, summaries, where things went.
MESSAGES.update(
    {
        "progress.deciding": {"zh": "决定中", "en": "deciding"},
        "ray_log": {"zh": "本次运行中 Ray 自身的消息：{path}", "en": "Ray's own messages of this run: {path}"},
        "batch.summary": {
            "zh": "已决定 {decided} 户 · 未决定 {refused} 户 · 共 {rows} 行，用时 {seconds} 秒"
            "（每秒 {rate} 户；首批结果用时 {first} 秒，含 Ray 与 OPA 启动）· OPA 内存峰值 {peak} MB"
            " · 规则包 {bundle}",
            "en": "decided {decided} · refused {refused} · {rows} rows in {seconds} s ({rate} households/s; "
            "first rows after {first} s: Ray and OPA start-up) · OPA peak {peak} MB · bundle {bundle}",
        },
        "batch.restarts": {"zh": " · 重启了 {n} 个中断的 OPA 进程", "en": " · {n} dead sidecar(s) restarted"},
        "written_to": {"zh": "→ {path}", "en": "→ {path}"},
        "synth.written": {
            "zh": "{count} 户（种子 {seed}，决定日期 {date}）→ {path}",
            "en": "{count} households (seed {seed}, decision date {date}) → {path}",
        },
        "bundle.built": {"zh": "已生成并签名规则包：{path}", "en": "built and signed {path}"},
        "serve.listening": {
            "zh": "socialaid serve：在 {url} 监听（{mode}，进程号 {pid}）",
            "en": "socialaid serve: listening on {url} ({mode}, pid {pid})",
        },
        "serve.mode.service": {"zh": "服务模式", "en": "service mode"},
        "serve.mode.analyst": {"zh": "分析模式", "en": "analyst mode"},
        "serve.bundle": {
            "zh": "规则包 {bundle}，签名已用 {key} 验证",
            "en": "bundle {bundle}, signature verified with {key}",
        },
        "serve.callers": {
            "zh": "调用方：POST {url}/v1/data/socialaid/decision|explanation|batch，请求头 {header}"
            "（令牌：{token}）；GET {url}/health",
            "en": "callers: POST {url}/v1/data/socialaid/decision|explanation|batch with {header} (token: {token}); "
            "GET {url}/health",
        },
        "serve.token.made": {"zh": "{path}（本次生成）", "en": "{path} (made now)"},
        "serve.logs": {
            "zh": "决策日志（已脱敏）：{path}，每 {mib} MiB 轮转，保留 {n} 份",
            "en": "decision logs (masked): {path}, rotated at {mib} MiB, {n} kept",
        },
        "serve.stop": {"zh": "停止：Ctrl-C 或 `kill -TERM {pid}`", "en": "stop with Ctrl-C or `kill -TERM {pid}`"},
        "serve.opa_signal": {"zh": "被信号 {n} 终止", "en": "was killed by signal {n}"},
        "serve.opa_status": {"zh": "以状态 {n} 退出", "en": "exited with status {n}"},
        "serve.opa_died": {"zh": "socialaid serve：OPA {how}：{error}", "en": "socialaid serve: OPA {how}: {error}"},
    }
)

_PROBLEMS_ZH += [
    (re.compile(r"^cannot write (\S+)$"), r"无法写入 \1"),
    (re.compile(r"^an output ending in \.jsonl or \.parquet$"), "以 .jsonl 或 .parquet 结尾的输出文件"),
    (re.compile(r"^cannot tell the format of (\S+)$"), r"无法判断 \1 的格式"),
    (re.compile(r"^a \.jsonl, \.csv or \.parquet file$"), ".jsonl、.csv 或 .parquet 文件"),
    (re.compile(r"^--addr must be HOST:PORT, got '(.*)'$"), r"--addr 应为 主机:端口，而不是 '\1'"),
    (re.compile(r"^policy bundle not found at (\S+)$"), r"找不到规则包 \1"),
    (re.compile(r"^cannot read the token file (\S+): (.+)$"), r"无法读取令牌文件 \1：\2"),
    (re.compile(r"^the token in (\S+) is shorter than 16 characters$"), r"\1 中的令牌短于 16 个字符"),
    (re.compile(r"^OPA refused to start: (.*)$", re.S), r"OPA 拒绝启动：\1"),
    (re.compile(r"^OPA did not report healthy within (\d+)s: (.*)$", re.S), r"OPA 在 \1 秒内未报告就绪：\2"),
    (re.compile(r"^opa build failed:\n(.*)$", re.S), r"opa build 失败：\n\1"),
]
