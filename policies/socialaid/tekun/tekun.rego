# METADATA
# title: Clause 6 — support for extremely poor people (特困)
# description: >-
#   6.完善特困人员救助供养制度. Each member is identified as 特困 under the national rules (特困人员认定办法,
#   民发〔2021〕43号) as completed by clause 6 (minors are under 18): no capacity to work, no means of living,
#   and no legal supporter able to support. A supported member gets the basic living standard (1.3 × the
#   urban 低保 standard, for rural residents too) plus a care standard by self-care ability (a share of
#   the minimum wage). supported_member_ids is what clause 5 leaves out of the 低保 household.
# schemas:
#   - input: schema["household.schema"]
package socialaid.tekun

import data.socialaid.lib
import data.socialaid.params
import data.socialaid.status

_household := input.household

_as_of := input.as_of

_p := params.value.tekun

minimum_wage := params.value.wages.minimum_wage_monthly

urban_dibao_standard := params.value.dibao.standard_urban

# The 低保 standard of the household's own area, for the "no means of living" test (urban monthly;
# rural annual / 12).
dibao_standard := params.value.dibao.standard_urban if _household.area == "urban"

dibao_standard := params.value.dibao.standard_rural_annual / 12 if _household.area == "rural"

# METADATA
# title: 特困 basic living standard
# description: 1.3 × the urban 低保 standard in force on the decision date, for urban and rural residents alike.
# custom:
#   clause: 6
#   quote: 基本生活标准按照当地当年城市最低生活保障的1.3倍给予待遇
basic_living_standard := _p.basic_living_ratio * urban_dibao_standard

# METADATA
# title: 特困 basic living standard
# description: >-
#   1.3 × the urban 低保 standard in force on the decision date ("当年" read as "in force"), for urban and
#   rural residents alike; reported when a member is supported.
# custom:
#   clause: 6
#   quote: 基本生活标准按照当地当年城市最低生活保障的1.3倍给予待遇
findings contains lib.finding(rego.metadata.rule(), {
	"program": "tekun",
	"outcome": "info",
	"facts": {
		"area": _household.area,
		"urban_dibao_standard": urban_dibao_standard,
		"ratio": _p.basic_living_ratio,
		"basic_living_standard": lib.money(basic_living_standard),
	},
	"message": {
		"zh": sprintf("特困人员基本生活标准 = 城市低保标准%s元 × %v = %s元/月（城乡同一标准）", [
			lib.fmt2(urban_dibao_standard), _p.basic_living_ratio, lib.fmt2(basic_living_standard),
		]),
		"en": sprintf("特困 basic living standard = urban 低保 standard %s × %v = %s a month (urban and rural alike)", [
			lib.fmt2(urban_dibao_standard), _p.basic_living_ratio, lib.fmt2(basic_living_standard),
		]),
	},
}) if eligible

_age(m) := status.age(m)

_elderly_age := params.value.status.elderly_age

# ---------------------------------------------------------------------------------------------------
# Identification, condition 1: no capacity to work.

_work_cases := ["elderly", "minor", "disability"]

_no_work_capacity(m) := [c | some c in _work_cases; _incapable(m, c)]

_incapable(m, "elderly") if status.elderly(m)

_incapable(m, "minor") if _age(m) < _p.minor_age

_incapable(m, "disability") if m.disability.grade <= _p.disability_max_grade[m.disability.type]

_work_text(m, "elderly") := {
	"zh": sprintf("%d周岁（%d周岁以上的老年人）", [_age(m), _elderly_age]),
	"en": sprintf("aged %d (%d or over)", [_age(m), _elderly_age]),
}

_work_text(m, "minor") := {
	"zh": sprintf("%d周岁（未满%d周岁的未成年人）", [_age(m), _p.minor_age]),
	"en": sprintf("aged %d (under %d)", [_age(m), _p.minor_age]),
}

_work_text(m, "disability") := {
	"zh": sprintf("%s残疾%d级", [_disability_zh[m.disability.type], m.disability.grade]),
	"en": sprintf("grade %d %s disability", [m.disability.grade, m.disability.type]),
}

_disability_zh := {
	"physical": "肢体",
	"visual": "视力",
	"hearing": "听力",
	"speech": "言语",
	"intellectual": "智力",
	"mental": "精神",
	"multiple": "多重",
}

_disability_fact(m) := {"grade": m.disability.grade, "type": m.disability.type}

_disability_fact(m) := null if not m.disability.grade

# METADATA
# title: 特困 condition 1 — no capacity to work
# description: >-
#   No capacity to work: aged 60 or over, or under 18 on the decision date (clause 6 raised the national
#   16 to 18), or disabled at grade 1–3 intellectual or mental, grade 1–2 physical or grade 1 visual.
#   Ages are whole years on the decision date; the birthday counts from its own day.
# custom:
#   clause: 6
#   quote: 将特困人员救助供养覆盖的未成年人年龄从16周岁延长至18周岁
#   authority: 特困人员认定办法（民发〔2021〕43号）第六条
findings contains lib.finding(rego.metadata.rule(), {
	"program": "tekun",
	"member_id": m.id,
	"outcome": _met(count(cases) > 0),
	"facts": {
		"age": _age(m),
		"birth_date": m.birth_date,
		"disability": _disability_fact(m),
		"no_work_capacity": cases,
	},
	"message": _work_message(m, cases),
}) if {
	some m in _household.members
	cases := _no_work_capacity(m)
}

_work_texts(m, cases, lang) := [t[lang] | some c in cases; t := _work_text(m, c)]

_work_message(m, cases) := {
	"zh": sprintf("%s无劳动能力：%s", [m.id, concat("；", _work_texts(m, cases, "zh"))]),
	"en": sprintf("%s has no capacity to work: %s", [m.id, concat("; ", _work_texts(m, cases, "en"))]),
} if count(cases) > 0

_work_message(m, cases) := {
	"zh": sprintf(
		"%s有劳动能力：%d周岁，既非%d周岁以上也未满%d周岁，且无相应等级的残疾",
		[m.id, _age(m), _elderly_age, _p.minor_age],
	),
	"en": sprintf(
		"%s has capacity to work: aged %d, neither %d or over nor under %d, and no qualifying disability",
		[m.id, _age(m), _elderly_age, _p.minor_age],
	),
} if count(cases) == 0

# ---------------------------------------------------------------------------------------------------
# Identification, condition 2: no means of living.

_income(m) := object.get(m, "monthly_income", 0)

_income_below(m) if _income(m) < dibao_standard

_assets_met if _household.assets_test_met == true

default _no_means(_) := false

_no_means(m) if {
	_income_below(m)
	_assets_met
}

# METADATA
# title: 特困 condition 2 — no means of living
# description: >-
#   No means of living: the member's own monthly income is strictly below the 低保 standard of the
#   household's area in force (urban monthly; rural annual / 12), and the caller asserts the asset test.
# custom:
#   clause: 6
#   quote: 完善特困人员认定标准
#   authority: 特困人员认定办法（民发〔2021〕43号）第七条
findings contains lib.finding(rego.metadata.rule(), {
	"program": "tekun",
	"member_id": m.id,
	"outcome": _met(_no_means(m)),
	"facts": {
		"monthly_income": lib.money(_income(m)),
		"area": _household.area,
		"dibao_standard": lib.money(dibao_standard),
		"assets_test_met": _assets_met,
	},
	"message": {
		"zh": sprintf("%s本人月收入%s元%s%s低保标准%s元；%s", [
			m.id, lib.fmt2(_income(m)), _below_zh[_income_below(m)], _area_zh[_household.area],
			lib.fmt2(dibao_standard), _assets_zh[_assets_met],
		]),
		"en": sprintf("%s's own monthly income %s is %s the %s 低保 standard %s; %s", [
			m.id, lib.fmt2(_income(m)), _below_en[_income_below(m)], _household.area,
			lib.fmt2(dibao_standard), _assets_en[_assets_met],
		]),
	},
}) if {
	some m in _household.members
}

_below_zh := {true: "低于", false: "不低于"}

_below_en := {true: "below", false: "not below"}

_area_zh := {"urban": "城市", "rural": "农村"}

_assets_zh := {true: "财产状况符合规定（申请方确认）", false: "财产状况不符合规定"}

_assets_en := {true: "the caller asserts the asset test is met", false: "the asset test is not met"}

default _income_below(_) := false

default _assets_met := false

# ---------------------------------------------------------------------------------------------------
# Identification, condition 3: no legal supporter, or none able to support.

_supporters(m) := object.get(m, "legal_supporters", [])

_supporter_cases := [
	"tekun", "dibao_aged", "elderly_low_income", "severely_disabled_low_income",
	"legally_incapacitated", "missing", "imprisoned",
]

_unable_reasons(s) := [c | some c in _supporter_cases; _unable(s, c)]

_unable(s, "tekun") if s.is_tekun == true

_unable(s, "dibao_aged") if {
	s.receives_dibao == true
	is_string(s.birth_date)
	lib.age_on(s.birth_date, _as_of) >= _p.supporter_dibao_age
}

_unable(s, "elderly_low_income") if {
	s.low_income == true
	is_string(s.birth_date)
	lib.age_on(s.birth_date, _as_of) >= _p.supporter_elderly_age
}

_unable(s, "severely_disabled_low_income") if {
	s.severely_disabled == true
	s.low_income == true
}

_unable(s, "legally_incapacitated") if s.legally_incapacitated == true

_unable(s, "missing") if s.missing == true

_unable(s, "imprisoned") if s.imprisoned == true

_reason_text(_, "tekun") := {"zh": "本人为特困人员", "en": "is 特困"}

_reason_text(s, "dibao_aged") := {
	"zh": sprintf("%d周岁的低保对象", [lib.age_on(s.birth_date, _as_of)]),
	"en": sprintf("a 低保 recipient aged %d", [lib.age_on(s.birth_date, _as_of)]),
}

_reason_text(s, "elderly_low_income") := {
	"zh": sprintf("%d周岁且本人收入较低", [lib.age_on(s.birth_date, _as_of)]),
	"en": sprintf("aged %d with low income", [lib.age_on(s.birth_date, _as_of)]),
}

_reason_text(_, "severely_disabled_low_income") := {"zh": "重度残疾且本人收入较低", "en": "severely disabled with low income"}

_reason_text(_, "legally_incapacitated") := {"zh": "无民事行为能力或限制民事行为能力", "en": "legally incapacitated"}

_reason_text(_, "missing") := {"zh": "被宣告失踪", "en": "declared missing"}

_reason_text(_, "imprisoned") := {"zh": "在监狱服刑", "en": "imprisoned"}

_supporter_label(i, s) := s.name if is_string(s.name)

else := s.relationship if is_string(s.relationship)

else := sprintf("#%d", [i + 1])

_able_supporters(m) := [_supporter_label(i, s) |
	some i, s in _supporters(m)
	count(_unable_reasons(s)) == 0
]

# Condition 3 needs the request to say who the legal supporters are: an absent list is not "none" (a
# child's parents in the same household are its supporters), so it is not met; [] states there are none.
_supporters_stated(m) if is_array(m.legal_supporters)

_no_supporter(m) if {
	_supporters_stated(m)
	count(_able_supporters(m)) == 0
}

_supporter_facts(m) := [{"supporter": _supporter_label(i, s), "unable": _unable_reasons(s)} |
	some i, s in _supporters(m)
]

_reason_texts(s, lang) := [t[lang] | some c in _unable_reasons(s); t := _reason_text(s, c)]

_unable_summary(m, lang) := concat(
	"; ",
	[sprintf("%s (%s)", [_supporter_label(i, s), concat(", ", _reason_texts(s, lang))]) |
		some i, s in _supporters(m)
	],
)

# METADATA
# title: 特困 condition 3 — no legal supporter able to support
# description: >-
#   No legal supporter (赡养、抚养、扶养义务人), or every supporter is unable: 特困 themselves; a 低保
#   recipient aged 60+; aged 70+ with low income; severely disabled with low income; legally
#   incapacitated; declared missing; or imprisoned. Reading: "low income" goes with both the 70+ case and
#   the severely-disabled case (the national art. 9 sets the income condition on each of those groups
#   separately); 特困 and 低保-recipient-aged-60+ supporters are unable outright. The national rule adds
#   an asset condition for the incapacitated / missing / imprisoned case; the request has no field for
#   it, so they are read as unable outright. A supporter whose age decides and has no birth date given
#   is not read as unable. "severely_disabled" is the caller's flag; the national art. 9 group also takes
#   grade-3 intellectual or mental disability, so a caller should set it for those too.
# custom:
#   clause: 6
#   quote: 完善特困人员认定标准
#   authority: 特困人员认定办法（民发〔2021〕43号）第九条
findings contains lib.finding(rego.metadata.rule(), {
	"program": "tekun",
	"member_id": m.id,
	"outcome": _met(_no_supporter(m)),
	"facts": {"legal_supporters": _supporter_facts(m), "able_supporters": _able_supporters(m)},
	"message": _supporter_message(m),
}) if {
	some m in _household.members
}

default _no_supporter(_) := false

_supporter_message(m) := {
	"zh": sprintf("%s的法定赡养、抚养、扶养义务人情况未提供（legal_supporters），无法认定", [m.id]),
	"en": sprintf("the request does not state %s's legal supporters (legal_supporters): not established", [m.id]),
} if not _supporters_stated(m)

_supporter_message(m) := {
	"zh": sprintf("%s无法定赡养、抚养、扶养义务人", [m.id]),
	"en": sprintf("%s has no legal supporter", [m.id]),
} if {
	_supporters_stated(m)
	count(_supporters(m)) == 0
}

_supporter_message(m) := {
	"zh": sprintf("%s的法定义务人均无履行义务能力：%s", [m.id, _unable_summary(m, "zh")]),
	"en": sprintf("every legal supporter of %s is unable to support: %s", [m.id, _unable_summary(m, "en")]),
} if {
	count(_supporters(m)) > 0
	_no_supporter(m)
}

_supporter_message(m) := {
	"zh": sprintf("%s有具备履行义务能力的法定义务人：%s", [m.id, concat("、", _able_supporters(m))]),
	"en": sprintf("%s has a legal supporter able to support: %s", [m.id, concat(", ", _able_supporters(m))]),
} if {
	_supporters_stated(m)
	not _no_supporter(m)
}

# ---------------------------------------------------------------------------------------------------
# Identification: all three conditions.

_identified(m) if {
	count(_no_work_capacity(m)) > 0
	_no_means(m)
	_no_supporter(m)
}

default _identified(_) := false

# supported_member_ids: the members identified as 特困. Clause 5 assesses 低保 without them.
supported_member_ids contains m.id if {
	some m in _household.members
	_identified(m)
}

_failed_conditions(m) := [c |
	some c in ["no_work_capacity", "no_means_of_living", "no_able_supporter"]
	not _condition(m, c)
]

_condition(m, "no_work_capacity") if count(_no_work_capacity(m)) > 0

_condition(m, "no_means_of_living") if _no_means(m)

_condition(m, "no_able_supporter") if _no_supporter(m)

_condition_zh := {"no_work_capacity": "无劳动能力", "no_means_of_living": "无生活来源", "no_able_supporter": "无法定义务人或其无履行义务能力"}

_condition_en := {
	"no_work_capacity": "no capacity to work",
	"no_means_of_living": "no means of living",
	"no_able_supporter": "no legal supporter able to support",
}

# METADATA
# title: Identified as 特困
# description: >-
#   A member is identified as 特困 only when all three conditions hold: no capacity to work, no means of
#   living, and no legal supporter or none able to support.
# custom:
#   clause: 6
#   quote: 完善特困人员认定标准
#   authority: 特困人员认定办法（民发〔2021〕43号）第四条
findings contains lib.finding(rego.metadata.rule(), {
	"program": "tekun",
	"member_id": m.id,
	"outcome": _met(_identified(m)),
	"facts": {"identified": _identified(m), "conditions_not_met": _failed_conditions(m)},
	"message": _identified_message(m),
}) if {
	some m in _household.members
}

_failed_en(m) := [_condition_en[c] | some c in _failed_conditions(m)]

_identified_message(m) := {
	"zh": sprintf("%s同时具备无劳动能力、无生活来源、无法定义务人或其无履行义务能力三个条件，认定为特困人员", [m.id]),
	"en": sprintf("%s meets all three conditions and is identified as 特困", [m.id]),
} if _identified(m)

_identified_message(m) := {
	"zh": sprintf("%s不认定为特困人员：不符合%s", [m.id, concat("、", [_condition_zh[c] | some c in _failed_conditions(m)])]),
	"en": sprintf("%s is not identified as 特困: not met: %s", [m.id, concat(", ", _failed_en(m))]),
} if not _identified(m)

# ---------------------------------------------------------------------------------------------------
# Care standard by self-care ability.

_has_activities(m) if is_object(m.self_care.daily_activities)

# The ability, from the six daily activities or as assessed: one definition for every program, in
# socialaid.status (thresholds are parameters there).
_ability(m) := status.assessed_self_care(m)

_not_managed(m) := status.activities_not_managed(m)

_ability_source(m) := "daily_activities" if _has_activities(m)

else := "assessed"

_centralized(m) if m.tekun_arrangement.centralized == true

default _centralized(_) := false

_arrangement(m) := "centralized" if _centralized(m)

else := "dispersed"

_care_rate(m) := _p.care_rate_fully_lost if _ability(m) == "fully_lost"

_care_rate(m) := _p.care_rate_partly_lost if _ability(m) == "partly_lost"

_care_rate(m) := _p.care_rate_able_centralized if {
	_ability(m) == "able"
	_centralized(m)
}

_care_rate(m) := _p.care_rate_able_dispersed if {
	_ability(m) == "able"
	not _centralized(m)
}

_care(m) := _care_rate(m) * minimum_wage

_care_or_zero(m) := c if {
	c := _care(m)
} else := 0

_member_amount(m) := basic_living_standard + _care_or_zero(m)

_ability_zh := {"able": "具有自主生活能力", "partly_lost": "部分丧失生活自理能力", "fully_lost": "完全丧失生活自理能力"}

_ability_en := {
	"able": "able to care for oneself",
	"partly_lost": "self-care partly lost",
	"fully_lost": "self-care fully lost",
}

_arrangement_zh := {"centralized": "集中供养", "dispersed": "分散供养"}

_ability_basis(m) := {
	"zh": sprintf("六项日常生活活动中%d项达不到", [_not_managed(m)]),
	"en": sprintf("%d of the six daily activities not managed", [_not_managed(m)]),
} if _has_activities(m)

else := {"zh": "评估结论", "en": "as assessed"}

_care_finding(m) := {
	"program": "tekun",
	"member_id": m.id,
	"outcome": "met",
	"facts": {
		"ability": _ability(m),
		"ability_source": _ability_source(m),
		"arrangement": _arrangement(m),
		"minimum_wage": minimum_wage,
		"care_rate": _care_rate(m),
		"care_standard": lib.money(_care(m)),
		"basic_living_standard": lib.money(basic_living_standard),
		"monthly_amount": lib.money(_member_amount(m)),
	},
	"message": {
		"zh": sprintf("%s%s（%s），%s：照料护理标准 = %s × %s = %s元；基本生活标准%s元 + 照料护理%s元 = %s元/月", [
			m.id, _ability_zh[_ability(m)], _ability_basis(m).zh, _arrangement_zh[_arrangement(m)],
			_rate_text(_care_rate(m)), lib.fmt2(minimum_wage), lib.fmt2(_care(m)),
			lib.fmt2(basic_living_standard), lib.fmt2(_care(m)), lib.fmt2(_member_amount(m)),
		]),
		"en": sprintf("%s: %s (%s), %s support: care standard = %s × %s = %s; basic %s + care %s = %s a month", [
			m.id, _ability_en[_ability(m)], _ability_basis(m).en, _arrangement(m),
			_rate_text(_care_rate(m)), lib.fmt2(minimum_wage), lib.fmt2(_care(m)),
			lib.fmt2(basic_living_standard), lib.fmt2(_care(m)), lib.fmt2(_member_amount(m)),
		]),
	},
}

# rate as a percentage, e.g. "60%" (rates are fractions of the minimum wage).
_rate_text(r) := sprintf("%v%%", [round(r * 10000) / 100])

# METADATA
# title: 特困 care standard — self-care fully lost
# description: Self-care fully lost (4 or more of the six daily activities not managed) → 100 % of the minimum wage.
# custom:
#   clause: 6
#   quote: 完全丧失生活自理能力的特困人员，护理标准按照当地全额最低工资标准执行
findings contains lib.finding(rego.metadata.rule(), _care_finding(m)) if {
	some m in _household.members
	_identified(m)
	_ability(m) == "fully_lost"
}

# METADATA
# title: 特困 care standard — self-care partly lost
# description: Self-care partly lost (1–3 of the six daily activities not managed) → 60 % of the minimum wage.
# custom:
#   clause: 6
#   quote: 部分丧失生活自理的特困人员，护理标准按照当地最低工资标准的60%执行
findings contains lib.finding(rego.metadata.rule(), _care_finding(m)) if {
	some m in _household.members
	_identified(m)
	_ability(m) == "partly_lost"
}

# METADATA
# title: 特困 care standard — able to care for oneself, centralized support
# description: Able to care for oneself and in centralized support (集中供养) → 20 % of the minimum wage.
# custom:
#   clause: 6
#   quote: 具有自主生活能力且集中供养的特困人员，护理标准按照当地最低工资标准的20%执行
findings contains lib.finding(rego.metadata.rule(), _care_finding(m)) if {
	some m in _household.members
	_identified(m)
	_ability(m) == "able"
	_centralized(m)
}

# METADATA
# title: 特困 care standard — able to care for oneself, dispersed support
# description: >-
#   Clause 6 sets no care standard for a person able to care for oneself in dispersed support; the
#   care standard is nil (the rate parameter is 0) and the person is served by assigned care and visits.
# custom:
#   clause: 6
#   quote: 根据特困人员生活自理能力和服务需求分档制定标准
findings contains lib.finding(rego.metadata.rule(), object.union(_care_finding(m), {"outcome": "info"})) if {
	some m in _household.members
	_identified(m)
	_ability(m) == "able"
	not _centralized(m)
}

# METADATA
# title: 特困 care standard cannot be decided
# description: >-
#   Without self_care.daily_activities or self_care.ability the care standard cannot be decided; the
#   monthly amount then holds the basic living standard only, and this finding says what is missing.
# custom:
#   clause: 6
#   quote: 根据特困人员生活自理能力和服务需求分档制定标准
findings contains lib.finding(rego.metadata.rule(), {
	"program": "tekun",
	"member_id": m.id,
	"outcome": "not_met",
	"facts": {"missing": ["self_care.daily_activities", "self_care.ability"]},
	"message": {
		"zh": sprintf(
			"%s未提供生活自理能力（self_care.daily_activities 或 self_care.ability），无法确定照料护理标准；月金额仅含基本生活标准%s元",
			[m.id, lib.fmt2(basic_living_standard)],
		),
		"en": sprintf(
			concat(" ", [
				"%s: self-care ability not given (self_care.daily_activities or self_care.ability);",
				"the care standard cannot be decided and the amount holds only the basic living standard %s",
			]),
			[m.id, lib.fmt2(basic_living_standard)],
		),
	},
}) if {
	some m in _household.members
	_identified(m)
	not _ability(m)
}

# ---------------------------------------------------------------------------------------------------
# Services and coverage.

# METADATA
# title: Dispersed 特困 support — assigned care and regular visits
# description: A person in dispersed support (at home) is assigned care and regular visits.
# custom:
#   clause: 6
#   quote: 全面压实分散供养特困人员照料护理和定期探访工作责任
findings contains lib.finding(rego.metadata.rule(), {
	"program": "tekun",
	"member_id": m.id,
	"outcome": "info",
	"facts": {"arrangement": "dispersed", "services": ["assigned_care", "regular_visits"]},
	"message": {
		"zh": sprintf("%s分散供养：落实照料护理和定期探访，确保“平时有人管、病时有人医、难时有人帮”", [m.id]),
		"en": sprintf("%s is in dispersed support: assigned care and regular visits", [m.id]),
	},
}) if {
	some m in _household.members
	_identified(m)
	not _centralized(m)
}

# METADATA
# title: 特困 and 低保 coverage
# description: >-
#   A member supported as 特困 is not also paid 低保; the rest of the household is assessed for 低保
#   without that member (clause 5 applies the exclusion).
# custom:
#   clause: 6
#   quote: 完善特困人员救助供养制度
findings contains lib.finding(rego.metadata.rule(), {
	"program": "tekun",
	"member_id": id,
	"outcome": "info",
	"facts": {"supported_by": "tekun", "excluded_from": "dibao"},
	"message": {
		"zh": sprintf("%s纳入特困人员救助供养，不再享受低保；其余家庭成员不含%s另行核定低保", [id, id]),
		"en": sprintf(
			"%s is supported as 特困 and not paid 低保; the rest of the household is assessed for 低保 without %s",
			[id, id],
		),
	},
}) if {
	some id in supported_member_ids
}

# ---------------------------------------------------------------------------------------------------
# The program.

eligible := count(supported_member_ids) > 0

covered_member_ids := sort([id | some id in supported_member_ids])

monthly_amount := sum([_member_amount(m) | some m in _household.members; _identified(m)])

_services(m) := ["assigned_care", "regular_visits"] if not _centralized(m)

else := []

_member_detail(m) := {
	"basic": lib.money(basic_living_standard),
	"care": _detail_care(m),
	"ability": _detail_ability(m),
	"centralized": _centralized(m),
	"monthly_amount": lib.money(_member_amount(m)),
	"services": _services(m),
}

_detail_ability(m) := a if {
	a := _ability(m)
} else := null

_detail_care(m) := c if {
	c := lib.money(_care(m))
} else := null

programs["tekun"] := lib.program("tekun", eligible, monthly_amount, covered_member_ids, {
	"basic_living_standard": lib.money(basic_living_standard),
	"urban_dibao_standard": urban_dibao_standard,
	"minimum_wage": minimum_wage,
	"members": {m.id: _member_detail(m) | some m in _household.members; _identified(m)},
})

# METADATA
# title: 特困 monthly support
# description: The sum over supported members of basic living standard + care standard, rounded once.
# custom:
#   clause: 6
#   quote: 稳步提高特困人员供养标准
findings contains lib.finding(rego.metadata.rule(), {
	"program": "tekun",
	"outcome": "met",
	"facts": {"covered_member_ids": covered_member_ids, "monthly_amount": lib.money(monthly_amount)},
	"message": {
		"zh": sprintf("特困人员救助供养合计%s元/月（%s）", [lib.fmt2(monthly_amount), _sum_text]),
		"en": sprintf("特困 support totals %s yuan a month (%s)", [lib.fmt2(monthly_amount), _sum_text]),
	},
}) if eligible

_sum_text := concat(" + ", [sprintf("%s: %s", [m.id, lib.fmt2(_member_amount(m))]) |
	some m in _household.members
	_identified(m)
])

_met(true) := "met"

_met(false) := "not_met"
