"""The answers of the locked server's read-only doors: the words of its own revision and the parameters
in force on a date (policies/socialaid/words.rego)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from socialaid.models.decision import DecisionError, ParameterInForce

__all__ = ["ParametersOn", "WordsAnswer"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WordsAnswer(_Model):
    """What ``data.socialaid.words`` returns: the bundle's rule registry, catalog, clauses and parameters."""

    bundle_revision: str = Field(description="Policy bundle revision / 策略包版本")
    rules: dict[str, dict[str, Any]] = Field(description="Rule registry by id (METADATA) / 规则登记")
    catalog: dict[str, Any] = Field(description="Programs, tiers and aid in kind / 项目、层次与实物救助")
    plan: dict[str, Any] = Field(description="The plan's clauses, verbatim / 方案条款原文")
    parameters: dict[str, dict[str, Any]] = Field(description="Dated parameter tables with sources / 参数表")
    horizon: dict[str, str] = Field(description="Date through which each group is known / 各组参数已知截止日期")


class ParametersOn(_Model):
    """What ``data.socialaid.parameters_on`` returns for ``{"as_of": DATE}``."""

    bundle_revision: str = Field(description="Policy bundle revision / 策略包版本")
    as_of: str | None = Field(default=None, description="The date asked about / 查询日期")
    errors: list[DecisionError] = Field(default_factory=list, description="Why not / 错误")
    parameters: list[ParameterInForce] | None = Field(default=None, description="In force / 生效参数")
