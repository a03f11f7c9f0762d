"""The locked server's doors as HTTP: request and answer envelopes, the words and parameters answers, and
the error bodies OPA itself writes (sources of ``schemas/openapi.json``, see :mod:`socialaid.models.openapi`).

OPA's data API wraps a door's input as ``{"input": …}`` and its answer as ``{"result": …, "decision_id": …}``
(and a ``warning`` when the request had no ``input`` key). Every refusal OPA makes before the policy
answers is an :class:`OpaError` (``{"code", "message"}``): 400 ``invalid_parameter`` for a body that is
not JSON, longer than ``server.decoding.max_length`` or inflating past ``server.decoding.gzip.max_length``
(OPA answers 400 there, not 413); 401 ``unauthorized`` for a missing or wrong token and for every door a
locked server keeps closed (OPA's authorizer answers 401, never 403 or 404); 500 ``internal_error`` for
an error evaluating the policy, and for a number past float64 (``1e99999``), which OPA's authorizer
cannot convert. ``GET /health`` answers ``{}`` (200) or ``{"error": …}`` (500).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from socialaid.models.decision import BatchResponse, Decision, DecisionError, Explanation, ParameterInForce
from socialaid.models.household import DATE_PATTERN, HouseholdRequest

__all__ = [
    "BatchAnswer",
    "BatchInput",
    "BatchRequest",
    "DecisionAnswer",
    "DecisionInput",
    "ExplanationAnswer",
    "Health",
    "HealthError",
    "OpaError",
    "OpaWarning",
    "ParametersOn",
    "ParametersOnAnswer",
    "ParametersOnInput",
    "ParametersOnRequest",
    "RuleWords",
    "Words",
    "WordsAnswer",
    "WordsInput",
]

BATCH_MAX_REQUESTS = 1000  # policies/socialaid/settings: batch_max_requests


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- what callers send ----------------------------------------------------------------------------------


class DecisionInput(_Model):
    """The body of ``POST /v1/data/socialaid/decision`` and ``…/explanation``."""

    input: HouseholdRequest = Field(description="The decision request / 认定请求")


class BatchRequest(_Model):
    requests: list[HouseholdRequest] = Field(
        max_length=BATCH_MAX_REQUESTS, description="Decision requests, at most 1 000 / 认定请求（最多1000条）"
    )
    view: Literal["decision", "outcome"] = Field(
        default="decision",
        description="decision: whole decisions; outcome: header, errors and programs only / 结果视图",
    )


class BatchInput(_Model):
    """The body of ``POST /v1/data/socialaid/batch``."""

    input: BatchRequest = Field(description="A chunk of requests / 一批认定请求")


class ParametersOnRequest(_Model):
    as_of: str = Field(pattern=DATE_PATTERN, json_schema_extra={"format": "date"}, description="Date / 日期")


class ParametersOnInput(_Model):
    """The body of ``POST /v1/data/socialaid/parameters_on``."""

    input: ParametersOnRequest = Field(description="The date / 日期")


class WordsInput(_Model):
    """The body of ``POST /v1/data/socialaid/words``: the door reads no input."""

    input: dict[str, Any] = Field(default_factory=dict, description="Not read / 不读取")


# --- what the doors answer -------------------------------------------------------------------------------


class OpaWarning(_Model):
    code: str = Field(description="api_usage_warning / 警告代码")
    message: str = Field(description="What OPA warns about / 警告内容")


class _Answer(_Model):
    decision_id: str = Field(description="The id of the decision-log entry / 决策日志编号")
    warning: OpaWarning | None = Field(default=None, description="OPA's warning / OPA 警告")


class DecisionAnswer(_Answer):
    result: Decision = Field(description="The decision / 认定结果")


class ExplanationAnswer(_Answer):
    result: Explanation = Field(description="The decision with every finding / 认定结果及全部理由")


class BatchAnswer(_Answer):
    result: BatchResponse = Field(description="Decisions in order / 逐条认定结果")


class RuleWords(_Model):
    """A rule of the registry ``data.socialaid.rules`` (built from METADATA at bundle stage)."""

    clause: int = Field(ge=1, le=10, description="Clause of the plan / 条款号")
    basis: Literal["plan", "national", "reading"] = Field(description="What the rule rests on / 依据类型")
    title: dict[str, str] = Field(description="Title in en and zh / 规则标题")
    quote: str | None = Field(default=None, description="The plan's words (basis plan) / 方案原文")
    national: dict[str, str] | None = Field(default=None, description="Document and article / 国家规定及条款")
    reading: str | None = Field(default=None, description="The READING.md provision / 解读条目")
    reading_zh: str | None = Field(
        default=None, description="The READING.md provision in Chinese (shown under zh) / 解读条目（中文）"
    )
    message: dict[str, dict[str, str]] | None = Field(default=None, description="Message templates / 消息模板")
    path: str = Field(description="Rego path of the rule / 规则路径")
    file: str = Field(description="File in the bundle / 文件")
    row: int = Field(description="Line in that file / 行号")


class Words(_Model):
    """What ``data.socialaid.words`` returns: the words of the server's own bundle revision."""

    bundle_revision: str = Field(description="Policy bundle revision / 策略包版本")
    rules: dict[str, RuleWords] = Field(description="Every rule by id / 全部规则")
    catalog: dict[str, Any] = Field(description="Programs, tiers and aid in kind / 项目、层次与实物救助")
    plan: dict[str, Any] = Field(description="The plan's clauses verbatim / 方案条款原文")
    parameters: dict[str, dict[str, Any]] = Field(description="Dated parameter tables / 参数表")
    horizon: dict[str, str] = Field(description="Date through which each group is known / 参数已知截止日期")


class WordsAnswer(_Answer):
    result: Words = Field(description="The bundle's words / 策略包文字")


class ParametersOn(_Model):
    """What ``data.socialaid.parameters_on`` returns: every parameter in force on a date, or errors."""

    bundle_revision: str = Field(description="Policy bundle revision / 策略包版本")
    as_of: str | None = Field(description="The date asked for / 所问日期")
    errors: list[DecisionError] = Field(description="Why there is no answer / 错误")
    parameters: list[ParameterInForce] | None = Field(default=None, description="Parameters in force / 生效参数")


class ParametersOnAnswer(_Answer):
    result: ParametersOn = Field(description="Parameters in force / 生效参数")


class OpaError(_Model):
    """An error OPA writes itself (400, 401, 500), before or instead of the policy's answer."""

    code: str = Field(description="invalid_parameter, unauthorized, internal_error … / 错误代码")
    message: str = Field(description="OPA's message / 错误信息")
    errors: list[dict[str, Any]] | None = Field(default=None, description="Details (evaluation errors) / 详情")


class Health(_Model):
    """``GET /health`` when the server and its bundle are ready: an empty object."""


class HealthError(_Model):
    error: str = Field(description="Why the server is not healthy / 不健康的原因")
