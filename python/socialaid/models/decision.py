"""The decision response, as ``data.socialaid.decision`` returns it.

Source of ``schemas/decision.schema.json``. A decision holds either ``errors`` (and then no programs)
or programs, findings and the parameters used — never both: bad input gets no outcome.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Decision",
    "DecisionError",
    "Finding",
    "Localized",
    "ParameterUsed",
    "Program",
    "Tier",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Tier(StrEnum):
    """Clause 2: the three tiers of the assistance system."""

    basic_living = "basic_living"
    special = "special"
    emergency = "emergency"


class Localized(_Model):
    zh: str = Field(description="Chinese / 中文")
    en: str = Field(description="English / 英文")


class DecisionError(_Model):
    kind: str = Field(description="input (the request is wrong) or parameter_not_in_force / 输入错误或参数未生效")
    pointer: str = Field(description="JSON pointer of the offending field / 出错字段的 JSON 指针")
    problem: str = Field(description="What is wrong / 问题")
    expected: str = Field(description="What was expected / 期望")


class Finding(_Model):
    """One reason in a decision: a rule that was met or not met, with its citation and the facts."""

    program: str = Field(description="Program the finding belongs to / 所属救助项目")
    rule: str = Field(description="Title of the rule (from its METADATA) / 规则标题")
    clause: int = Field(ge=1, le=10, description="Clause of the plan / 方案条款号")
    quote: str = Field(description="The plan's exact words the rule implements / 规则所依据的方案原文")
    outcome: str = Field(description="met, not_met or info / 结论")
    member_id: str | None = Field(default=None, description="Member concerned, if any / 涉及成员")
    facts: dict[str, Any] = Field(default_factory=dict, description="Figures the rule used / 依据数据")
    message: Localized = Field(description="Readable sentence / 说明")
    authority: str | None = Field(default=None, description="National rule cited where it decides / 所依据的国家规定")


class Program(_Model):
    program: str = Field(description="Program identifier / 项目标识")
    name: Localized = Field(description="Program name / 项目名称")
    tier: Tier = Field(description="Clause 2 tier / 救助层次")
    tier_name: Localized = Field(description="Name of the tier / 救助层次名称")
    clause: int = Field(ge=1, le=10, description="Clause that sets up the program / 条款号")
    eligible: bool = Field(description="Whether anyone in the household qualifies / 是否符合条件")
    monthly_amount: float = Field(ge=0, description="Monthly cash amount, CNY / 月发放金额（元）")
    covered_member_ids: list[str] = Field(default_factory=list, description="Members covered / 保障成员")
    details: dict[str, Any] = Field(default_factory=dict, description="Program-specific figures / 项目明细")


class ParameterUsed(_Model):
    name: str = Field(description="group.name / 参数名")
    value: Any = Field(description="Value in force / 取值")
    unit: str = Field(description="Unit / 单位")
    effective_from: str = Field(description="Effective from / 生效日期")
    source: str = Field(description="Source / 来源")
    confidence: str = Field(description="Confidence in the figure / 可信度")
    hypothetical: bool = Field(description="Overridden in the request / 请求中的假设值")


class CitedClause(_Model):
    number: int = Field(ge=1, le=10, description="Clause number / 条款号")
    title: Localized = Field(description="Clause title / 条款标题")


class Decision(_Model):
    """Schema: schemas/decision.schema.json."""

    as_of: str | None = Field(default=None, description="Decision date / 决定日期")
    bundle_revision: str = Field(description="Policy bundle revision / 策略包版本")
    errors: list[DecisionError] = Field(
        default_factory=list, description="Why no decision could be made / 无法作出决定的原因"
    )
    hypothetical: bool = Field(default=False, description="Uses overridden parameters / 使用了假设参数")
    programs: dict[str, Program] | None = Field(default=None, description="Programs / 各救助项目")
    findings: list[Finding] | None = Field(default=None, description="Findings / 认定理由")
    parameters: list[ParameterUsed] | None = Field(default=None, description="Parameters used / 所用参数")
    clauses: dict[str, CitedClause] | None = Field(default=None, description="Clauses cited / 引用条款")
