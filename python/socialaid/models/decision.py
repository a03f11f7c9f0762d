"""The responses of the policy's public entrypoints (sources of the decision and explanation schemas).

``data.socialaid.decision`` gives a compact :class:`Decision`: per program eligibility, amount, aid in
kind, members and the decisive rules by id and clause; the parameters used by name and value; the
facts it did not have. ``data.socialaid.explanation`` gives an :class:`Explanation`: the same decision
with every finding and the parameters' sources. Neither holds titles, quotes or sentences — those are
joined by rule id from the bundle's rule registry (``data.socialaid.rules``, built from METADATA).
A response holds either ``errors`` (and then no programs) or programs — never both.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Basis",
    "BatchResponse",
    "Decision",
    "DecisionError",
    "DecisiveRule",
    "Explanation",
    "ExplanationWords",
    "Finding",
    "MissingFact",
    "Outcome",
    "ParameterInForce",
    "Program",
    "RuleWords",
    "Tier",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def doc(self) -> dict[str, Any]:
        """The answer as JSON data, without the fields it does not carry (as the policy gives it)."""
        return self.model_dump(mode="json", exclude_none=True)


class Tier(StrEnum):
    """Clause 2: the three tiers of the assistance system."""

    basic_living = "basic_living"
    special = "special"
    emergency = "emergency"


class Outcome(StrEnum):
    met = "met"
    not_met = "not_met"
    info = "info"


class Basis(StrEnum):
    """What a finding rests on: the plan's words, a national rule (with its article), or the project's reading."""

    plan = "plan"
    national = "national"
    reading = "reading"


_RULE_ID = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"


class DecisionError(_Model):
    kind: str = Field(description="input (the request is wrong) or parameter_not_in_force / 输入错误或参数未生效")
    pointer: str = Field(description="JSON pointer of the offending field (RFC 6901) / 出错字段的 JSON 指针")
    problem: str = Field(description="What is wrong / 问题")
    expected: str = Field(description="What was expected / 期望")


class DecisiveRule(_Model):
    """A rule that decided a program's outcome: its stable id, its clause, and whether it was met."""

    rule: str = Field(pattern=_RULE_ID, description="Stable rule id (METADATA custom.id) / 规则标识")
    clause: int = Field(ge=1, le=10, description="Clause of the plan it implements or completes / 方案条款号")
    outcome: Outcome = Field(description="met or not_met / 是否符合")


class Program(_Model):
    clause: int = Field(ge=1, le=10, description="Clause that sets up the program / 条款号")
    tier: Tier = Field(description="Clause 2 tier / 救助层次")
    eligible: bool = Field(description="Whether anyone in the household qualifies / 是否符合条件")
    monthly_amount: float = Field(ge=0, description="Monthly cash amount, CNY, to the fen / 月发放金额（元）")
    in_kind: list[str] = Field(
        default_factory=list, description="Aid in kind, as codes named in catalog.aid / 实物或服务救助代码"
    )
    covered_member_ids: list[str] = Field(default_factory=list, description="Members covered / 保障成员")
    rules: list[DecisiveRule] = Field(default_factory=list, description="The decisive rules / 决定性规则")
    # The batch's outcome view carries these on its 低保 entry (a population's distributions read them).
    per_capita_income: float | None = Field(
        default=None,
        ge=0,
        description="低保 only, outcome view: per-capita counted income, CNY a month / 低保：人均认定收入（元/月）",
    )
    standard: float | None = Field(
        default=None, ge=0, description="低保 only, outcome view: the standard, CNY a month / 低保：保障标准（元/月）"
    )
    members: int | None = Field(
        default=None, ge=0, description="低保 only, outcome view: members counted / 低保：计入的家庭人口"
    )


class ExplainedProgram(Program):
    """A program of the explanation: the decision's entry and its working."""

    details: dict[str, Any] = Field(
        default_factory=dict,
        description="The program's working: numbers, booleans, ids and codes (no sentences) / 项目计算明细",
    )


class MissingFact(_Model):
    """A fact the decision did not have, and what it did without it."""

    pointer: str = Field(description="JSON pointer of the absent fact / 缺少的事实（JSON 指针）")
    program: str = Field(description="Program that needed it / 所涉项目")
    rule: str = Field(pattern=_RULE_ID, description="Rule that needed it / 所涉规则")
    assumption: str = Field(
        description="What was done without it (not_established, not_assessed, read_as_zero, …) / 缺少时的处理"
    )


class Decision(_Model):
    """Schema: schemas/decision.schema.json — what ``data.socialaid.decision`` returns."""

    as_of: str | None = Field(default=None, description="Decision date / 决定日期")
    bundle_revision: str = Field(description="Policy bundle revision / 策略包版本")
    decision_id: str | None = Field(
        default=None,
        description=(
            "OPA's id of the decision in its decision log, added by the caller that received it (not part of "
            "the policy's result) / 决策日志中的决定编号（由接收方添加）"
        ),
    )
    hypothetical: bool = Field(default=False, description="Uses overrides or a projection / 使用了假设参数或预测")
    errors: list[DecisionError] = Field(
        default_factory=list, description="Why no decision could be made / 无法作出决定的原因"
    )
    programs: dict[str, Program] | None = Field(default=None, description="Programs / 各救助项目")
    parameters: dict[str, dict[str, Any]] | None = Field(
        default=None,
        description=(
            "Parameters the decision date chose between, and overrides, by group, name and value; the rest are "
            "fixed for the bundle revision / 随决定日期而定的参数及假设参数（按组、名称与取值）"
        ),
    )
    missing_facts: list[MissingFact] | None = Field(default=None, description="Facts not given / 未提供的事实")


class Finding(_Model):
    """One finding of the explanation: a rule met, not met or informative, with the values it compared."""

    rule: str = Field(pattern=_RULE_ID, description="Stable rule id (METADATA custom.id) / 规则标识")
    clause: int = Field(ge=1, le=10, description="Clause of the plan / 方案条款号")
    basis: Basis = Field(description="plan, national or reading / 依据类型")
    program: str = Field(description="Program the finding belongs to / 所属救助项目")
    outcome: Outcome = Field(description="met, not_met or info / 结论")
    member_id: str | None = Field(default=None, description="Member concerned, if any / 涉及成员")
    values: dict[str, Any] = Field(default_factory=dict, description="The values compared / 依据数据")


class ParameterInForce(_Model):
    name: str = Field(description="group.name / 参数名")
    value: Any = Field(description="Value in force / 取值")
    unit: str = Field(description="Unit / 单位")
    effective_from: str = Field(description="Effective from / 生效日期")
    source: str = Field(description="Source, in English (of record) / 来源（英文，以此为准）")
    source_zh: str | None = Field(default=None, description="Source, in Chinese / 来源（中文）")
    confidence: str = Field(description="Confidence in the figure, in English / 可信度（英文）")
    confidence_zh: str | None = Field(default=None, description="Confidence in the figure, in Chinese / 可信度（中文）")
    hypothetical: bool = Field(description="Overridden in the request / 请求中的假设值")


class RuleWords(_Model):
    """A rule as a person reads it, from the deciding bundle's rule registry (METADATA)."""

    clause: int | None = Field(default=None, description="Clause / 条款号")
    basis: Basis = Field(description="plan, national or reading / 依据类型")
    title: str = Field(description="Title in the chosen language / 标题")
    authority: str = Field(description="The plan's words, the national article, or the reading / 依据原文或解读")


class ExplanationWords(_Model):
    lang: str = Field(description="zh or en / 语言")
    bundle_revision: str = Field(description="Revision the words come from / 文字所属策略包版本")
    programs: dict[str, str] = Field(description="Program names / 项目名称")
    rules: dict[str, RuleWords] = Field(description="Rules by id / 规则")


class Explanation(Decision):
    """Schema: schemas/explanation.schema.json — what ``data.socialaid.explanation`` returns."""

    programs: dict[str, ExplainedProgram] | None = Field(  # type: ignore[assignment]
        default=None, description="Programs, each with its working / 各救助项目及计算明细"
    )
    findings: list[Finding] | None = Field(default=None, description="Every finding / 全部认定理由")
    parameters_in_force: list[ParameterInForce] | None = Field(
        default=None, description="Parameters in force with their sources / 生效参数及来源"
    )
    words: ExplanationWords | None = Field(
        default=None,
        description=(
            "The words of the deciding revision for the programs and rules this explanation names, added by the "
            "caller that received it (not part of the policy's result) / "
            "决定所用版本中相关项目与规则的文字（由接收方添加）"
        ),
    )


class BatchResponse(_Model):
    """What ``data.socialaid.batch`` returns: decisions in the order of the requests."""

    bundle_revision: str = Field(description="Policy bundle revision / 策略包版本")
    errors: list[DecisionError] = Field(default_factory=list, description="Errors of the batch itself / 批次错误")
    decisions: list[Decision] | None = Field(default=None, description="One decision per request, in order / 逐条结果")
