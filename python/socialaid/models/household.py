"""The decision request: a household on a decision date, as clauses 2–10 of the plan need it.

These models are the source of ``schemas/household.schema.json`` (``socialaid schema --write``);
a test fails when the committed schema and the models drift apart. Every field carries an English
and a Chinese description, so a service can build its forms from the schema alone.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

__all__ = [
    "DATE_PATTERN",
    "MAX_AMOUNT",
    "MAX_ID",
    "MAX_LEGAL_SUPPORTERS",
    "MAX_MEDICAL_EPISODES",
    "MAX_MEMBERS",
    "MAX_NAME",
    "MAX_OVERRIDES_A_GROUP",
    "MAX_OVERRIDE_GROUPS",
    "MAX_RIGID_EXPENDITURES",
    "MAX_SHORT_TEXT",
    "MAX_TEXT",
    "MONTH_PATTERN",
    "Area",
    "CurrentBenefits",
    "DailyActivities",
    "Disability",
    "DisabilityType",
    "Education",
    "EducationStage",
    "Employment",
    "EmploymentStatus",
    "Household",
    "HouseholdRequest",
    "Housing",
    "Insurance",
    "LegalSupporter",
    "MedicalEpisode",
    "Member",
    "PovertyStatus",
    "PriceIndex",
    "RetirementPost",
    "RigidExpenditure",
    "RigidExpenditureKind",
    "SelfCare",
    "SelfCareAbility",
    "Sex",
    "TekunArrangement",
]


def _d(en: str, zh: str) -> str:
    """A bilingual description: English first, then Chinese."""
    return f"{en} / {zh}"


# Hostile-input limits, the same in Python and in the policy (both check this schema). Every number is
# finite and bounded, every date falls in 1900–2099, every list and string has a cap, so no request can
# make a check slow or an amount absurd. A household of more than MAX_MEMBERS members living together is
# not a case of this plan; it is refused with the pointer /household/members.
MAX_MEMBERS = 100
MAX_AMOUNT = 1e9
# Lists: a member's medical episodes and legal supporters, the household's rigid expenditures. They bound
# the largest valid request (socialaid.server.limits), and with it the server's body-size limit.
MAX_MEDICAL_EPISODES = 100
MAX_LEGAL_SUPPORTERS = 20
MAX_RIGID_EXPENDITURES = 400
# Strings, in characters: ids and names, short codes written as text (sex, relationship), free text.
MAX_ID = 64
MAX_NAME = 64
MAX_SHORT_TEXT = 32
MAX_TEXT = 200
MAX_OVERRIDE_GROUPS = 32
MAX_OVERRIDES_A_GROUP = 64

Money = Annotated[float, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]
# Patterns are written so that Go's regexp (OPA) and Python's re (socialaid.validation) read them alike:
# ^…$ around the whole value, [0-9] for digits (Python's \d matches any Unicode digit), no look-around.
# Python's $ also matches before a final newline; socialaid.validation checks patterns as full matches.
DATE_PATTERN = r"^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}$"
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
Date = Annotated[dt.date, WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN})]
Id = Annotated[str, Field(max_length=MAX_ID)]
Name = Annotated[str, Field(max_length=MAX_NAME)]
ShortText = Annotated[str, Field(max_length=MAX_SHORT_TEXT)]
Text = Annotated[str, Field(max_length=MAX_TEXT)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Area(StrEnum):
    urban = "urban"
    rural = "rural"


class DisabilityType(StrEnum):
    physical = "physical"
    visual = "visual"
    hearing = "hearing"
    speech = "speech"
    intellectual = "intellectual"
    mental = "mental"
    multiple = "multiple"


class SelfCareAbility(StrEnum):
    able = "able"
    partly_lost = "partly_lost"
    fully_lost = "fully_lost"


class Sex(StrEnum):
    male = "male"
    female = "female"


class RetirementPost(StrEnum):
    """For a woman: the statutory retirement age of her post before the 2024 reform (50 or 55)."""

    age_50_post = "age_50_post"
    age_55_post = "age_55_post"


class EducationStage(StrEnum):
    preschool = "preschool"
    compulsory = "compulsory"
    senior_secondary = "senior_secondary"
    higher = "higher"
    postgraduate = "postgraduate"


class EmploymentStatus(StrEnum):
    employed = "employed"
    self_employed = "self_employed"
    unemployed = "unemployed"
    not_in_labour_force = "not_in_labour_force"


class PovertyStatus(StrEnum):
    none = "none"
    tuopin = "tuopin"
    tuopin_unstable = "tuopin_unstable"
    edge_at_risk = "edge_at_risk"


class RigidExpenditureKind(StrEnum):
    disability = "disability"
    illness = "illness"
    education = "education"
    employment = "employment"


class Disability(_Model):
    grade: int = Field(ge=1, le=4, description=_d("Disability grade, 1 (most severe) to 4", "残疾等级（1–4级）"))
    type: DisabilityType = Field(description=_d("Disability type", "残疾类别"))


class DailyActivities(_Model):
    """The six daily activities of the national 特困 self-care assessment; true = managed alone."""

    eating: bool = Field(description=_d("Eats without help", "自主吃饭"))
    dressing: bool = Field(description=_d("Dresses without help", "自主穿衣"))
    getting_in_out_of_bed: bool = Field(description=_d("Gets in and out of bed without help", "自主上下床"))
    toileting: bool = Field(description=_d("Uses the toilet without help", "自主如厕"))
    walking_indoors: bool = Field(description=_d("Walks indoors without help", "室内自主行走"))
    bathing: bool = Field(description=_d("Bathes without help", "自主洗澡"))


class SelfCare(_Model):
    ability: SelfCareAbility | None = Field(
        default=None,
        description=_d(
            "Self-care ability as assessed; used when daily_activities is not given",
            "生活自理能力评估结论（未提供六项日常活动时采用）",
        ),
    )
    daily_activities: DailyActivities | None = Field(
        default=None,
        description=_d(
            "The six daily activities; when given, the ability is derived from them",
            "六项日常生活活动；提供时据此认定自理能力",
        ),
    )


class Education(_Model):
    stage: EducationStage | None = Field(
        default=None, description=_d("Education stage the member is enrolled in", "就读学段")
    )
    enrolled: bool = Field(default=False, description=_d("Enrolled as a student now", "在校就读"))
    cannot_attend_due_to_disability: bool = Field(
        default=False,
        description=_d(
            "A disabled minor of compulsory-education age who cannot attend school because of "
            "physical or mental impairment",
            "因身心障碍等原因不方便入学接受义务教育",
        ),
    )


class Employment(_Model):
    status: EmploymentStatus = Field(
        default=EmploymentStatus.not_in_labour_force, description=_d("Employment status", "就业状况")
    )
    job_start_date: Date | None = Field(
        default=None, description=_d("Date the current job or business started", "就业或创业开始日期")
    )
    able_to_work: bool = Field(default=False, description=_d("Has capacity to work", "有劳动能力"))
    willing_to_work: bool = Field(default=False, description=_d("Wants to work", "有就业意愿"))
    registered_unemployed: bool = Field(default=False, description=_d("Registered as unemployed", "已进行失业登记"))
    wants_to_start_business: bool = Field(default=False, description=_d("Wants to start a business", "有创业意愿"))
    business_start_date: Date | None = Field(
        default=None, description=_d("Date the member's business started", "创业开始日期")
    )
    employment_difficult: bool = Field(
        default=False, description=_d("Recognised as an employment-difficult person", "认定为就业困难人员")
    )
    market_placement_failed: bool = Field(
        default=False,
        description=_d("Could not find work through the market", "通过市场渠道难以实现就业"),
    )


class Insurance(_Model):
    insured: bool = Field(
        default=True, description=_d("Enrolled in residents' medical insurance", "已参加城乡居民医保")
    )
    paid_date: Date | None = Field(default=None, description=_d("Date the premium was paid", "缴纳参保费日期"))
    paid_after_collection_period: bool = Field(
        default=False, description=_d("Paid after the collection period", "集中征缴期后缴费")
    )


class MedicalEpisode(_Model):
    date: Date = Field(description=_d("Date of the episode", "就医日期"))
    compliant_self_paid: Money = Field(
        description=_d(
            "Compliant self-paid cost of this single episode after medical assistance, CNY",
            "经医疗救助后单次合规费用自付部分（元）",
        )
    )


class LegalSupporter(_Model):
    name: Name | None = Field(default=None, description=_d("Name", "姓名"))
    relationship: ShortText | None = Field(default=None, description=_d("Relationship", "关系"))
    birth_date: Date | None = Field(default=None, description=_d("Birth date", "出生日期"))
    is_tekun: bool = Field(default=False, description=_d("Is a 特困 person", "本人为特困人员"))
    receives_dibao: bool = Field(default=False, description=_d("Receives 低保", "本人为低保对象"))
    severely_disabled: bool = Field(
        default=False,
        description=_d(
            "Severely disabled: grade 1–2, or grade 3 intellectual or mental (used when disability is absent)",
            "重度残疾：一、二级，或三级智力、精神残疾（未提供残疾情况时使用）",
        ),
    )
    disability: Disability | None = Field(
        default=None, description=_d("Disability, if any (same shape as a member's)", "残疾类别和等级")
    )
    monthly_income: Money | None = Field(
        default=None,
        description=_d(
            "Own monthly income, CNY; ×12 is compared with the local previous-year per-capita disposable income",
            "本人月收入（元），按12个月与当地上年人均可支配收入比较",
        ),
    )
    low_income: bool = Field(
        default=False,
        description=_d(
            "Own income below the local previous-year per-capita disposable income (if monthly_income is absent)",
            "本人收入低于当地上年人均可支配收入（未提供月收入时使用）",
        ),
    )
    assets_within_low_income_rule: bool | None = Field(
        default=None,
        description=_d(
            "The caller asserts the supporter's assets are within the local low-income-family rule",
            "财产状况符合当地低收入家庭财产规定（由申请方确认）",
        ),
    )
    no_civil_capacity: bool | None = Field(default=None, description=_d("Without civil capacity", "无民事行为能力"))
    legally_incapacitated: bool = Field(
        default=False,
        description=_d(
            "Without or with limited legal capacity (not a ground of its own under 43号 第八条; see no_civil_capacity)",
            "无民事行为能力或限制民事行为能力（非第八条单列情形，见 no_civil_capacity）",
        ),
    )
    missing: bool = Field(default=False, description=_d("Declared missing", "被宣告失踪"))
    imprisoned: bool = Field(default=False, description=_d("Serving a prison sentence", "在监狱服刑"))


class TekunArrangement(_Model):
    centralized: bool = Field(
        default=False,
        description=_d(
            "Would be (or is) supported in an institution (centralized) rather than at home (dispersed)",
            "集中供养（否则为分散供养）",
        ),
    )


class Member(_Model):
    id: Id = Field(min_length=1, description=_d("Member identifier, unique in the household", "成员编号"))
    name: Name | None = Field(default=None, description=_d("Name", "姓名"))
    birth_date: Date = Field(description=_d("Birth date", "出生日期"))
    sex: Sex | None = Field(default=None, description=_d("Sex (male/female)", "性别"))
    retirement_post: RetirementPost | None = Field(
        default=None,
        description=_d(
            "For a woman: her post's original statutory retirement age (age_50_post or age_55_post)",
            "女职工原法定退休年龄：五十周岁岗位或五十五周岁岗位",
        ),
    )
    monthly_income: Money = Field(default=0, description=_d("Monthly income, CNY", "月收入（元）"))
    disability: Disability | None = Field(default=None, description=_d("Disability, if any", "残疾情况"))
    serious_illness: bool = Field(default=False, description=_d("Has a serious illness", "患重病"))
    chronic_illness: bool = Field(default=False, description=_d("Has a chronic illness", "患慢性病"))
    self_care: SelfCare | None = Field(default=None, description=_d("Self-care ability", "生活自理能力"))
    education: Education | None = Field(default=None, description=_d("Education", "教育情况"))
    employment: Employment | None = Field(default=None, description=_d("Employment", "就业情况"))
    poverty_status: PovertyStatus = Field(
        default=PovertyStatus.none,
        description=_d(
            "Poverty-alleviation status: 脱贫, 脱贫不稳定, 边缘易致贫 or none",
            "脱贫人口、脱贫不稳定人口、边缘易致贫人口或无",
        ),
    )
    relocated: bool = Field(default=False, description=_d("Relocated for poverty alleviation", "易地扶贫搬迁人口"))
    insurance: Insurance | None = Field(default=None, description=_d("Medical insurance", "医保参保情况"))
    medical_episodes: list[MedicalEpisode] = Field(
        default_factory=list,
        max_length=MAX_MEDICAL_EPISODES,
        description=_d("Medical episodes with self-paid costs", "就医自付费用记录"),
    )
    orphan: bool = Field(default=False, description=_d("Orphan", "孤儿"))
    de_facto_unsupported_child: bool = Field(
        default=False, description=_d("De-facto unsupported child", "事实无人抚养儿童")
    )
    lives_on_family_support: bool = Field(default=False, description=_d("Lives on the family's support", "靠家庭供养"))
    single_person_assets_test_met: bool = Field(
        default=False,
        description=_d(
            "The caller asserts this member, assessed alone as a one-person 低保 household, meets the 低保 asset rule",
            "按单人户核算，本人财产状况符合低保规定（由申请方确认）",
        ),
    )
    can_register_separately: bool = Field(
        default=False, description=_d("Can register a separate household", "能够单独立户")
    )
    legal_supporters: list[LegalSupporter] | None = Field(
        default=None,
        max_length=MAX_LEGAL_SUPPORTERS,
        description=_d(
            "Legal supporters (赡养、抚养、扶养义务人); [] states there are none; absent means not stated, "
            "and then 特困 condition 3 is not established",
            "法定赡养、抚养、扶养义务人；[] 表示无；未提供则不能认定特困第三项条件",
        ),
    )
    tekun_arrangement: TekunArrangement | None = Field(
        default=None, description=_d("特困 support arrangement", "特困供养方式")
    )


class RigidExpenditure(_Model):
    member_id: Id = Field(description=_d("Member who incurs it", "支出所属成员编号"))
    kind: RigidExpenditureKind = Field(
        description=_d(
            "Cause: disability, serious or chronic illness, non-compulsory education, employment cost",
            "刚性支出类别：残疾、重病或慢性病、非义务教育、必要就业成本",
        )
    )
    monthly_amount: Money = Field(description=_d("Amount claimed per month, CNY", "月支出（元）"))
    verified_cap: Money = Field(
        description=_d("Verifiable maximum per month, CNY (不得超过可查证的最高数额)", "可查证的最高数额（元/月）")
    )


class Housing(_Model):
    difficulty_meets_local_standard: bool = Field(
        default=False, description=_d("Meets the local housing-difficulty standard", "符合住房困难标准")
    )
    dangerous_house: bool = Field(default=False, description=_d("Lives in a dangerous house", "居住危房"))


class CurrentBenefit(_Model):
    receiving: bool = Field(default=False, description=_d("Receiving now", "正在享受"))
    monthly_amount: Money = Field(default=0, description=_d("Current monthly amount, CNY", "现月发放金额（元）"))
    since: Date | None = Field(default=None, description=_d("Receiving since", "起始日期"))
    member_ids: list[Id] = Field(
        default_factory=list,
        max_length=MAX_MEMBERS,
        description=_d("Members covered (empty = whole household)", "保障成员"),
    )


class CurrentBenefits(_Model):
    dibao: CurrentBenefit | None = Field(default=None, description=_d("Current 低保", "现享受低保"))
    tekun: CurrentBenefit | None = Field(default=None, description=_d("Current 特困 support", "现享受特困供养"))
    low_income: bool = Field(default=False, description=_d("Recognised as a low-income family", "已认定为低收入家庭"))
    income_rise_month: Date | None = Field(
        default=None,
        description=_d(
            "First day of the month in which per-capita income rose above the standard",
            "家庭人均收入超过低保标准的起始月份",
        ),
    )
    income_rise_cause: Text | None = Field(
        default=None,
        description=_d("Why income rose: employment, business, or other", "收入增加原因：就业、创业或其他"),
    )


class PriceIndex(_Model):
    month: str = Field(pattern=MONTH_PATTERN, description=_d("Month, YYYY-MM", "月份"))
    cpi_rise: float = Field(
        ge=-1, le=10, description=_d("CPI rise year on year, as a fraction", "居民消费价格指数同比涨幅")
    )
    food_cpi_rise: float = Field(
        ge=-1, le=10, description=_d("Food CPI rise year on year, as a fraction", "食品价格指数同比涨幅")
    )


class Household(_Model):
    id: Id | None = Field(default=None, description=_d("Household identifier", "家庭编号"))
    area: Area = Field(description=_d("Urban or rural", "城市或农村"))
    members: list[Member] = Field(
        min_length=1,
        max_length=MAX_MEMBERS,
        description=_d(f"Members living together (at most {MAX_MEMBERS})", f"家庭共同生活成员（最多{MAX_MEMBERS}人）"),
    )
    assets_test_met: bool = Field(
        description=_d(
            "The caller asserts the household's assets are within the local limit",
            "家庭财产状况符合当地规定（由申请方确认）",
        )
    )
    low_income_assets_test_met: bool = Field(
        default=False,
        description=_d(
            "The caller asserts the household meets the local low-income-family asset rule",
            "家庭财产状况符合当地低收入家庭认定规定（由申请方确认）",
        ),
    )
    single_parent_family: bool = Field(default=False, description=_d("Single-parent family", "单亲家庭"))
    agricultural_migrant: bool = Field(
        default=False,
        description=_d("Agricultural migrants living in the district, registered elsewhere", "农业转移人口"),
    )
    grain_shortage: bool = Field(default=False, description=_d("Short of grain in the lean season", "季节性缺粮"))
    rigid_expenditures: list[RigidExpenditure] = Field(
        default_factory=list, max_length=MAX_RIGID_EXPENDITURES, description=_d("Rigid expenditures", "家庭刚性支出")
    )
    housing: Housing | None = Field(default=None, description=_d("Housing", "住房情况"))
    current_benefits: CurrentBenefits | None = Field(
        default=None, description=_d("Benefits the household receives now", "家庭现享受的救助")
    )


_NAME = "^[a-z][a-z0-9_]{0,63}$"
_OVERRIDE_VALUE = {"anyOf": [{"type": "number", "minimum": -MAX_AMOUNT, "maximum": MAX_AMOUNT}, {"type": "boolean"}]}
Overrides = Annotated[
    dict[str, dict[str, float | bool]],
    WithJsonSchema(
        {
            "type": "object",
            "maxProperties": MAX_OVERRIDE_GROUPS,
            "patternProperties": {
                _NAME: {
                    "type": "object",
                    "maxProperties": MAX_OVERRIDES_A_GROUP,
                    "patternProperties": {_NAME: _OVERRIDE_VALUE},
                    "additionalProperties": False,
                }
            },
            "additionalProperties": False,
        }
    ),
]


class HouseholdRequest(_Model):
    """A decision request. Schema: schemas/household.schema.json."""

    as_of: Date = Field(description=_d("Decision date", "决定日期"))
    household: Household = Field(description=_d("The household", "申请家庭"))
    parameter_overrides: Overrides | None = Field(
        default=None,
        description=_d(
            'What-if overrides by parameter group and name, e.g. {"dibao": {"standard_urban": 900}}; '
            "marks the decision hypothetical",
            "参数假设值（按参数组与名称），决定将标注为假设",
        ),
    )
    price_index: PriceIndex | None = Field(default=None, description=_d("The month's price indices", "当月价格指数"))
    projection: bool = Field(
        default=False,
        description=_d(
            "Decide past the date through which parameter values are known, as a hypothetical projection",
            "在参数值已知日期之后作出决定，作为假设性推算",
        ),
    )
