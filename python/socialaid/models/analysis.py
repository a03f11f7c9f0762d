"""The analysis documents: a what-if scenario file, and the JSON that ``what-if`` and ``sweep`` print
(sources of ``schemas/scenario.schema.json``, ``whatif.schema.json`` and ``sweep.schema.json``).

A scenario file (JSON or YAML) names variants, each a set of request changes and parameter overrides::

    variants:
      - name: father earns 1500
        set: {household.members.0.monthly_income: 1500}
      - name: urban standard 850
        params: {dibao.standard_urban: 850}

or, the same, keyed by name: ``{"father earns 1500": {"set": {...}}, "urban standard 850": {"params": {...}}}``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel

from socialaid.models.decision import Explanation, Finding, Outcome

__all__ = [
    "Cliff",
    "FindingChange",
    "ProgramChange",
    "Scenario",
    "ScenarioList",
    "SweepDocument",
    "SweepPoint",
    "VariantResult",
    "VariantSpec",
    "WhatIfDocument",
    "WhyNot",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- the scenario file -----------------------------------------------------------------------


class VariantSpec(_Model):
    """One variant of a scenario file. Unknown keys are errors (``sett:`` is not ``set:``)."""

    name: str | None = Field(default=None, description="The variant's name (in a list) / 方案名称")
    set: dict[str, Any] = Field(
        default_factory=dict,
        description=(
            "Request changes, PATH: VALUE (dotted, household.members.0.monthly_income, or a JSON pointer) / "
            "对请求的改变"
        ),
    )
    params: dict[str, Any] = Field(
        default_factory=dict, description="Parameter overrides, GROUP.NAME: VALUE (analyst mode) / 参数假设值"
    )


class ScenarioList(_Model):
    """``{"variants": [{"name", "set", "params"}, ...]}``."""

    variants: list[VariantSpec] = Field(min_length=1, description="The variants, in order / 各方案")


class Scenario(RootModel[ScenarioList | dict[str, VariantSpec]]):
    """A scenario file: a list of variants, or variants keyed by name."""


# --- what-if -----------------------------------------------------------------------------------


class FindingChange(_Model):
    program: str
    rule: str
    clause: int
    quote: str
    member_id: str | None
    change: str = Field(description="added, removed, outcome or facts / 变化类型")
    before: Outcome | None
    after: Outcome | None
    message_before: dict[str, str] | None
    message_after: dict[str, str] | None
    values_before: dict[str, Any] | None = None
    values_after: dict[str, Any] | None = None


class ProgramChange(_Model):
    program: str
    name: dict[str, str]
    clause: int
    change: str = Field(description="entered, left, changed or unchanged / 变化")
    eligible_before: bool
    eligible_after: bool
    amount_before: float
    amount_after: float
    delta: float
    findings: list[FindingChange]
    clauses: list[int]


class DecisionDiff(_Model):
    hypothetical: bool
    total_before: float
    total_after: float
    delta: float
    programs: list[ProgramChange]


class IncomeGap(_Model):
    per_capita_income: float
    standard: float
    members: int
    per_capita_fall: float
    household_fall: float


class WhyNot(_Model):
    program: str
    name: dict[str, str]
    clause: int
    reasons: list[Finding]
    income_gaps: list[IncomeGap]


class VariantResult(_Model):
    name: str
    changes: list[str]
    hypothetical: bool
    diff: DecisionDiff
    why_not: list[WhyNot]
    decision: Explanation


class BaseSide(_Model):
    programs: dict[str, Any] | None
    hypothetical: bool


class WhatIfDocument(_Model):
    """Schema: schemas/whatif.schema.json — what ``what-if --format json`` prints."""

    hypothetical: bool = Field(description="Some side used parameter overrides / 使用了假设参数")
    base: BaseSide
    variants: list[VariantResult]


# --- sweep -------------------------------------------------------------------------------------


class SweepPoint(_Model):
    value: float
    eligible: dict[str, bool]
    amounts: dict[str, float]
    total: float
    hypothetical: bool


class Cliff(_Model):
    program: str
    clause: int
    before: float = Field(description="The last value on the first side / 断崖前的取值")
    at: float = Field(description="The first value on the other side, a fen on / 断崖处的取值")
    eligible_before: bool
    eligible_after: bool
    amount_before: float
    amount_after: float
    clauses: list[int]
    flips: list[FindingChange]


class SweepDocument(_Model):
    """Schema: schemas/sweep.schema.json — what ``sweep --format json`` prints."""

    path: str = Field(description="The varied path / 变化的字段")
    breaks: list[float] | None = Field(
        description=(
            "Vertices of the exact piecewise-linear function (each piece verified by its midpoint) / 分段线性函数的顶点"
        )
    )
    bundle_revision: str
    hypothetical: bool
    seconds: float
    programs: dict[str, dict[str, Any]]
    points: list[SweepPoint]
    cliffs: list[Cliff]
    plot: str | None = Field(default=None, description="The PNG written, if any / 图表文件")
