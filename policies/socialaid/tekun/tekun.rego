# METADATA
# title: Clause 6 — support for extremely poor people (特困)
# description: >-
#   6.完善特困人员救助供养制度. Each member is identified as 特困 under the national rules (特困人员认定办法,
#   民发〔2021〕43号) as completed by clause 6 (minors are under 18): no capacity to work, no means of living,
#   and no legal supporter able to support. A supported member gets the basic living standard (1.3 × the
#   urban 低保 standard, for rural residents too) plus a care standard by self-care ability (a share of
#   the minimum wage). supported_member_ids is what clause 5 leaves out of the 低保 household. The decision
#   path is flat rules keyed by member id; findings are built only for the explanation.
# schemas:
#   - input: schema["household.schema"]
package socialaid.tekun

import data.socialaid.facts
import data.socialaid.lib
import data.socialaid.params

_p := params.p.tekun

minimum_wage := params.p.wages.minimum_wage_monthly

urban_dibao_standard := params.p.dibao.standard_urban

# The 低保 standard of the household's own area, for the "no means of living" test (urban monthly;
# rural annual / 12), computed once in socialaid.facts.
dibao_standard := facts.standard

# _members[id] is the member with that id.
_members := {m.id: m | some m in input.household.members}

_age := facts.ages

basic_living_standard := _p.basic_living_ratio * urban_dibao_standard

# METADATA
# title: 特困 basic living standard
# description: >-
#   1.3 × the urban 低保 standard in force on the decision date ("当年" read as "in force"), for urban and
#   rural residents alike.
# custom:
#   id: tekun.basic_living_standard
#   clause: 6
#   basis: plan
#   title_zh: 特困人员基本生活标准
#   quote: 基本生活标准按照当地当年城市最低生活保障的1.3倍给予待遇
#   message:
#     info:
#       zh: 特困人员基本生活标准 = 城市低保标准{urban_dibao_standard}元 × {ratio} = {basic_living_standard}元/月（城乡同一标准）
#       en: >-
#         特困 basic living standard = urban 低保 standard {urban_dibao_standard} × {ratio} =
#         {basic_living_standard} a month (urban and rural alike)
findings contains lib.household_finding(rego.metadata.rule(), "tekun", "info", {
	"area": input.household.area,
	"urban_dibao_standard": urban_dibao_standard,
	"ratio": _p.basic_living_ratio,
	"basic_living_standard": lib.money(basic_living_standard),
}) if eligible

# ---------------------------------------------------------------------------------------------------
# Identification, condition 1: no capacity to work.

# _elderly: the members aged elderly_age or more (socialaid.facts' set, the one definition).
_elderly := facts.elderly_ids

_minor contains id if {
	some id, age in _age
	age < _p.minor_age
}

_disabled contains id if {
	some id, m in _members
	m.disability.grade <= _p.disability_max_grade[m.disability.type]
}

# _continued: a minor in support who has turned 18 and, as the request says, is enrolled in compulsory
# education or senior secondary school (普通高中、中等职业学校) continues in support (43号 第二十四条). "In
# support" is read from the household's current 特困 support of that member.
_continued contains id if {
	some id, m in _members
	m.education.enrolled == true
	m.education.stage in _continuation_stages
	_age[id] >= _p.minor_age
	id in facts.receiving_ids.tekun
}

# The stages at which 43号 第二十四条 continues a minor's support (the request's education.stage codes).
_continuation_stages := {"compulsory", "senior_secondary"}

no_work_capacity := ((_elderly | _minor) | _disabled) | _continued

# METADATA
# title: 特困 condition 1 — no capacity to work
# description: >-
#   No capacity to work (43号 第五条): aged 60 or over, or a minor, or disabled at grade 1–3 intellectual or
#   mental, grade 1–2 physical or grade 1 visual. 第五条 says minors are under 16; clause 6 of the plan
#   raises the age to 18 (将特困人员救助供养覆盖的未成年人年龄从16周岁延长至18周岁, see tekun.minor_age_18).
#   43号 第二十四条 continues a minor in support past 18 while enrolled in compulsory education or senior
#   secondary school (tekun.minor_continuation). Ages are whole years on the decision date; the birthday
#   counts from its own day.
# custom:
#   id: tekun.no_work_capacity
#   clause: 6
#   basis: national
#   national:
#     document: 特困人员认定办法（民发〔2021〕43号）
#     article: 第五条、第二十四条（未成年人年龄按方案第6条为未满18周岁）
#   title_zh: 特困人员认定条件一：无劳动能力
#   message:
#     met:
#       zh: >-
#         无劳动能力（{age}周岁；43号第五条，未成年人按方案第6条为未满{minor_age}周岁；年满{minor_age}周岁在校延续供养
#         （43号第二十四条）：{continued}）
#       en: >-
#         no capacity to work (aged {age}; 43号 第五条, minors under {minor_age} as clause 6 sets it; continued past
#         {minor_age} while in school, 43号 第二十四条: {continued})
#     not_met:
#       zh: >-
#         有劳动能力：{age}周岁，既非{elderly_age}周岁以上也未满{minor_age}周岁（43号第五条，方案第6条），无相应等级的残疾，
#         也不属在校延续供养（43号第二十四条）
#       en: >-
#         capacity to work, aged {age}, neither {elderly_age} or over nor under {minor_age} (43号 第五条, clause 6),
#         no qualifying disability, not continued in support while in school (43号 第二十四条)
findings contains lib.member_finding(
	rego.metadata.rule(), "tekun", lib.outcome(id in no_work_capacity), id,
	object.union(
		{
			"age": _age[id],
			"elderly_age": params.p.status.elderly_age,
			"minor_age": _p.minor_age,
			"continued": id in _continued,
		},
		_disability_values(m),
	),
) if some id, m in _members

_disability_values(m) := {"disability_type": m.disability.type, "disability_grade": m.disability.grade} if {
	is_number(m.disability.grade)
}

else := {}

# METADATA
# title: A minor in support continues past 18 while in school
# description: >-
#   A minor in 特困 support who has turned 18 continues in support while enrolled in compulsory education
#   or senior secondary school (普通高中、中等职业学校), when the request says the person is in support now and
#   enrolled at those stages. The plan says nothing on it; it is the national rule the project follows.
# custom:
#   id: tekun.minor_continuation
#   clause: 6
#   basis: national
#   national:
#     document: 特困人员认定办法（民发〔2021〕43号）
#     article: 第二十四条
#   title_zh: 年满18周岁仍在接受义务教育或高中阶段教育的，继续享有救助供养待遇
#   message:
#     met:
#       zh: 年满{minor_age}周岁（{age}周岁），现享受特困供养且在{stage}阶段就读，继续享有救助供养待遇
#       en: aged {age}, past {minor_age}, in 特困 support and enrolled at the {stage} stage — support continues
findings contains lib.member_finding(rego.metadata.rule(), "tekun", "met", id, {
	"age": _age[id],
	"minor_age": _p.minor_age,
	"stage": _members[id].education.stage,
}) if some id in _continued

# METADATA
# title: Minors covered up to 18
# description: >-
#   Clause 6 raises the age to which minors are covered from 16 to 18: a member under 18 on the decision
#   date has no capacity to work as a minor. Reported for every member under 18.
# custom:
#   id: tekun.minor_age_18
#   clause: 6
#   basis: plan
#   title_zh: 特困人员救助供养覆盖的未成年人年龄延长至18周岁
#   quote: 将特困人员救助供养覆盖的未成年人年龄从16周岁延长至18周岁
#   message:
#     met:
#       zh: '{age}周岁，未满{minor_age}周岁，属未成年人'
#       en: aged {age}, under {minor_age}, a minor
findings contains lib.member_finding(rego.metadata.rule(), "tekun", "met", id, {
	"age": _age[id],
	"minor_age": _p.minor_age,
}) if some id in _minor

# ---------------------------------------------------------------------------------------------------
# Identification, condition 2: no means of living.

_income := {id: object.get(m, "monthly_income", 0) | some id, m in _members}

default _assets_met := false

_assets_met if input.household.assets_test_met == true

no_means_of_living contains id if {
	_assets_met
	some id, income in _income
	income < dibao_standard
}

# METADATA
# title: 特困 condition 2 — no means of living
# description: >-
#   No means of living: the member's own monthly income is strictly below the 低保 standard of the
#   household's area in force (urban monthly; rural annual / 12), and the caller asserts the asset test.
#   An absent income is read as 0 and named among the missing facts.
# custom:
#   id: tekun.no_means_of_living
#   clause: 6
#   basis: national
#   national:
#     document: 特困人员认定办法（民发〔2021〕43号）
#     article: 第六条
#   title_zh: 特困人员认定条件二：无生活来源
#   message:
#     met:
#       zh: 本人月收入{monthly_income}元低于低保标准{dibao_standard}元，财产状况符合规定（申请方确认）
#       en: >-
#         own monthly income {monthly_income} is below the 低保 standard {dibao_standard};
#         assets asserted within the rule
#     not_met:
#       zh: 本人月收入{monthly_income}元、低保标准{dibao_standard}元、财产状况符合规定：{assets_test_met}，不符合无生活来源
#       en: >-
#         own monthly income {monthly_income}, 低保 standard {dibao_standard}, asset test met:
#         {assets_test_met} — not without means of living
findings contains lib.member_finding(rego.metadata.rule(), "tekun", lib.outcome(id in no_means_of_living), id, {
	"monthly_income": lib.money(income),
	"dibao_standard": lib.money(dibao_standard),
	"assets_test_met": _assets_met,
}) if some id, income in _income

# ---------------------------------------------------------------------------------------------------
# Identification, condition 3: no legal supporter, or none able to support.

# Supporters unable to support, 43号 第八条, in five groups: (1) 特困 themselves; (2) 低保 recipients aged
# 60+; (3) aged 70+ with own income below the local previous-year per-capita disposable income and assets
# within the low-income-family rule; (4) severely disabled (grade 1–2, or grade 3 intellectual or mental)
# with the same income and asset conditions; (5) without civil capacity, declared missing or imprisoned,
# with the asset rule. Each ground is a list of facts [value, field]: true, false, or null when the
# request does not give the field. A ground holds when every fact is true.
_ground_facts(s) := {
	"tekun": [[_flag(s, "is_tekun"), "is_tekun"]],
	"dibao_aged": [[_flag(s, "receives_dibao"), "receives_dibao"], [_at_least(age, _p.supporter_dibao_age), "birth_date"]],
	"elderly_low_income": [
		[_at_least(age, _p.supporter_elderly_age), "birth_date"],
		[income, "monthly_income"],
		[assets, "assets_within_low_income_rule"],
	],
	"severely_disabled_low_income": [
		[_severe(s), "disability"],
		[income, "monthly_income"],
		[assets, "assets_within_low_income_rule"],
	],
	"no_civil_capacity": [[_civil(s), "no_civil_capacity"], [assets, "assets_within_low_income_rule"]],
	"missing": [[_flag(s, "missing"), "missing"], [assets, "assets_within_low_income_rule"]],
	"imprisoned": [[_flag(s, "imprisoned"), "imprisoned"], [assets, "assets_within_low_income_rule"]],
} if {
	age := _supporter_age(s)
	income := _income_below_line(s)
	assets := _assets_ok(s)
}

_flag(s, key) := object.get(s, key, false) == true

_supporter_age(s) := lib.age_on(s.birth_date, input.as_of) if is_string(s.birth_date)

else := null

_at_least(age, years) := age >= years if is_number(age)

else := null

# The supporter's own monthly income × 12 against the annual line; without a figure, the caller's
# low_income assertion (own income below that line) stands for it; with neither, unknown.
_income_below_line(s) := (s.monthly_income * 12) < _p.prior_year_disposable_income_annual if is_number(s.monthly_income)

else if s.low_income == true

else := null

_assets_ok(s) := s.assets_within_low_income_rule if is_boolean(s.assets_within_low_income_rule)

else := null

_severe(s) if s.severely_disabled == true

else if s.disability.grade <= params.p.status.severe_disability_max_grade

else if {
	s.disability.type in {"intellectual", "mental"}
	s.disability.grade <= params.p.status.severe_disability_max_grade_intellectual_mental
}

else := false

# 无民事行为能力 (no civil capacity). legally_incapacitated ("无民事行为能力或限制民事行为能力") is not
# a ground of its own; stated without no_civil_capacity it leaves this fact unknown.
_civil(s) := s.no_civil_capacity if is_boolean(s.no_civil_capacity)

else := null if s.legally_incapacitated == true

else := false

# _assess: the grounds that hold, and the fields whose absence keeps a ground from being decided (a
# ground none of whose facts is false, with a sign that it applies (_hint), and one fact unknown).
_assess(gf) := {
	"unable": [g | some g, facts in gf; _all_true(facts)],
	"pending": sort({f[1] | some facts in gf; _pending_ground(facts); some f in facts; f[0] == null}),
}

_all_true(facts) if {
	every f in facts {
		f[0] == true
	}
}

_any_false(facts) if {
	some f in facts
	f[0] == false
}

_pending_ground(facts) if {
	not _any_false(facts)
	some u in facts
	u[0] == null
	_hint(facts)
}

# _hint: the ground's own first fact (age, disability, the status) holds, or civil capacity is unknown
# because legally_incapacitated is stated; the shared income and asset facts alone are no sign.
_hint(facts) if facts[0][0] == true

_hint(facts) if {
	facts[0][1] == "no_civil_capacity"
	facts[0][0] == null
}

# _candidates: the members condition 3 can still decide (no capacity to work and no means of living).
_candidates := no_work_capacity & no_means_of_living

_assess_all(m) := [_assess(_ground_facts(s)) | some s in m.legal_supporters]

# _grounds_all[id]: every member's supporters' grounds, for the explanation.
_grounds_all[id] := [a.unable | some a in _assess_all(m)] if {
	some id, m in _members
	is_array(m.legal_supporters)
}

# _unable(s): the supporter is unable to support on at least one ground — read from the same ground facts
# the explanation reports (_ground_facts), so each ground is written once.
_unable(s) if {
	some facts in _ground_facts(s)
	_all_true(facts)
}

# _none_able(id): the member's stated supporters (none, or all) are unable to support — condition 3,
# one definition for the decision (no_able_supporter, over the candidates) and the explanation (every
# member). An absent legal_supporters list is not "none": not established.
_none_able(id) if {
	supporters := _members[id].legal_supporters
	is_array(supporters)
	every s in supporters {
		_unable(s)
	}
}

# no_able_supporter: the candidates whose stated supporters (none, or all) are unable to support.
no_able_supporter := {id | some id in _candidates; _none_able(id)}

# METADATA
# title: 特困 condition 3 — no legal supporter able to support
# description: >-
#   No legal supporter (赡养、抚养、扶养义务人), or every supporter is unable to support on a ground of 43号
#   第八条: 特困; a 低保 recipient aged 60+; aged 70+, or severely disabled (grade 1–2, or grade 3
#   intellectual or mental), with own income below the local previous-year per-capita disposable income
#   (a dated parameter) and assets within the low-income-family rule (the caller asserts it); without
#   civil capacity, declared missing or imprisoned, with the same asset rule. An absent legal_supporters
#   list is not "none" (a child's parents in the same household are its supporters): condition 3 is then
#   not established and the missing fact is named; [] states there are none. A supporter fact the request
#   does not give (birth date, own income, the asset assertion, civil capacity) leaves that ground not
#   established, and is named when it could change the outcome.
# custom:
#   id: tekun.supporters_unable
#   clause: 6
#   basis: national
#   national:
#     document: 特困人员认定办法（民发〔2021〕43号）
#     article: 第八条
#   title_zh: 特困人员认定条件三：无法定义务人或其无履行义务能力
#   message:
#     met:
#       zh: 法定义务人{supporters}人，均无履行义务能力
#       en: '{supporters} legal supporter(s), none able to support'
#     not_met:
#       zh: 法定义务人情况已提供：{supporters_stated}；法定义务人{supporters}人，其中{able_supporters}人未认定为无履行义务能力
#       en: >-
#         legal supporters stated: {supporters_stated}; {supporters} legal supporter(s), {able_supporters} not found
#         unable to support
findings contains lib.member_finding(rego.metadata.rule(), "tekun", lib.outcome(_none_able_b(id)), id, {
	"supporters_stated": id in object.keys(_grounds_all),
	"supporters": count(object.get(_grounds_all, id, [])),
	"able_supporters": count([g | some g in object.get(_grounds_all, id, []); count(g) == 0]),
	"unable_grounds": object.get(_grounds_all, id, []),
}) if some id, _ in _members

_none_able_b(id) if _none_able(id)

else := false

# ---------------------------------------------------------------------------------------------------
# Identification: all three conditions.

supported_member_ids := (no_work_capacity & no_means_of_living) & no_able_supporter

# METADATA
# title: Identified as 特困
# description: >-
#   A member is identified as 特困 only when all three conditions hold: no capacity to work, no means of
#   living, and no legal supporter or none able to support.
# custom:
#   id: tekun.identified
#   clause: 6
#   basis: national
#   national:
#     document: 特困人员认定办法（民发〔2021〕43号）
#     article: 第四条
#   title_zh: 认定为特困人员
#   message:
#     met:
#       zh: 同时具备无劳动能力、无生活来源、无法定义务人或其无履行义务能力三个条件，认定为特困人员
#       en: meets all three conditions and is identified as 特困
#     not_met:
#       zh: 不认定为特困人员（不符合的条件：{conditions_not_met}）
#       en: 'not identified as 特困 (conditions not met: {conditions_not_met})'
findings contains lib.member_finding(rego.metadata.rule(), "tekun", lib.outcome(id in supported_member_ids), id, {
	"conditions_not_met": [c | some c, ids in _conditions; not id in ids],
}) if some id, _ in _members

_conditions := {
	"tekun.no_work_capacity": no_work_capacity,
	"tekun.no_means_of_living": no_means_of_living,
	"tekun.supporters_unable": {id | some id, _ in _members; _none_able(id)},
}

# covered_member_ids: the persons covered by 特困 support (sorted), read by the price subsidy.
covered_member_ids := sort([id | some id in supported_member_ids])

# ---------------------------------------------------------------------------------------------------
# Self-care ability and the care standard.

# _ability[id]: from the six daily activities or as assessed — one definition for every program, in
# socialaid.status (thresholds are parameters there); undefined when the request gives neither.
_ability[id] := facts.assessed_self_care(_members[id]) if some id in supported_member_ids

_centralized contains id if {
	some id in supported_member_ids
	_members[id].tekun_arrangement.centralized == true
}

_dispersed := supported_member_ids - _centralized

# METADATA
# title: Self-care ability assessed on the six daily activities
# description: >-
#   Self-care is assessed on six daily activities: all managed = able; 1–3 not managed = partly lost;
#   4 or more = fully lost. Without self_care.daily_activities or self_care.ability the care standard
#   cannot be decided: the amount then holds the basic living standard only (not_met, and a missing fact).
# custom:
#   id: tekun.self_care_ability
#   clause: 6
#   basis: national
#   national:
#     document: 特困人员认定办法（民发〔2021〕43号）
#     article: 第二十一、二十二条
#   title_zh: 生活自理能力评估
#   message:
#     info:
#       zh: 生活自理能力评估结论：{ability}
#       en: 'self-care: {ability}'
findings contains lib.member_finding(rego.metadata.rule(), "tekun", "info", id, _assessed_values(id)) if {
	some id in supported_member_ids
	_ability[id]
}

_assessed_values(id) := {"ability": _ability[id], "activities_not_managed": n} if {
	n := facts.activities_not_managed(_members[id])
} else := {"ability": _ability[id]}

# METADATA
# title: Self-care ability not given — basic living standard only
# description: >-
#   A 特困 person whose self-care ability the request does not give is paid the basic living standard only:
#   no care tier can be chosen. The missing fact is named so the caseworker assesses it.
# custom:
#   id: tekun.self_care_not_given
#   clause: 6
#   basis: reading
#   reading: Clause 6 — a 特困 person whose self-care ability is not given is paid the basic living standard only
#   reading_zh: 第6条——未提供生活自理能力的特困人员，只发给基本生活标准
#   title_zh: 未提供生活自理能力：仅发基本生活标准（本项目的解读）
#   message:
#     not_met:
#       zh: 未提供生活自理能力（self_care），无法确定照料护理标准，月金额仅含基本生活标准{basic_living_standard}元
#       en: >-
#         self-care ability not given (self_care); no care tier can be chosen, the amount holds only the basic
#         living standard {basic_living_standard}
findings contains lib.member_finding(rego.metadata.rule(), "tekun", "not_met", id, {
	"basic_living_standard": lib.money(basic_living_standard),
}) if {
	some id in supported_member_ids
	not _ability[id]
}

# _care_rate[id]: the care standard as a share of the minimum wage, by ability and arrangement.
_care_rate[id] := _p.care_rate_fully_lost if some id, "fully_lost" in _ability

_care_rate[id] := _p.care_rate_partly_lost if some id, "partly_lost" in _ability

_care_rate[id] := _p.care_rate_able_centralized if {
	some id, "able" in _ability
	id in _centralized
}

_care_rate[id] := _p.care_rate_able_dispersed if {
	some id, "able" in _ability
	id in _dispersed
}

_care[id] := rate * minimum_wage if some id, rate in _care_rate

_member_amount[id] := basic_living_standard + object.get(_care, id, 0) if some id in supported_member_ids

_care_values(id) := {
	"minimum_wage": minimum_wage,
	"care_rate": _care_rate[id],
	"care_standard": lib.money(_care[id]),
	"basic_living_standard": lib.money(basic_living_standard),
	"monthly_amount": lib.money(_member_amount[id]),
}

# METADATA
# title: 特困 care standard — self-care fully lost
# description: Self-care fully lost → 100 % of the minimum wage.
# custom:
#   id: tekun.care_fully_lost
#   clause: 6
#   basis: plan
#   title_zh: 完全丧失生活自理能力的照料护理标准
#   quote: 完全丧失生活自理能力的特困人员，护理标准按照当地全额最低工资标准执行
#   message:
#     met:
#       zh: 照料护理标准 = 最低工资标准{minimum_wage}元 × {care_rate} = {care_standard}元；月金额{monthly_amount}元
#       en: care standard = minimum wage {minimum_wage} × {care_rate} = {care_standard}; monthly {monthly_amount}
findings contains lib.member_finding(rego.metadata.rule(), "tekun", "met", id, _care_values(id)) if {
	some id, "fully_lost" in _ability
}

# METADATA
# title: 特困 care standard — self-care partly lost
# description: Self-care partly lost → 60 % of the minimum wage, whether centralized or dispersed.
# custom:
#   id: tekun.care_partly_lost
#   clause: 6
#   basis: plan
#   title_zh: 部分丧失生活自理能力的照料护理标准
#   quote: 部分丧失生活自理的特困人员，护理标准按照当地最低工资标准的60%执行
#   message:
#     met:
#       zh: 照料护理标准 = 最低工资标准{minimum_wage}元 × {care_rate} = {care_standard}元；月金额{monthly_amount}元
#       en: care standard = minimum wage {minimum_wage} × {care_rate} = {care_standard}; monthly {monthly_amount}
findings contains lib.member_finding(rego.metadata.rule(), "tekun", "met", id, _care_values(id)) if {
	some id, "partly_lost" in _ability
}

# METADATA
# title: 特困 care standard — able to care for oneself, centralized support
# description: Able to care for oneself and in centralized support (集中供养) → 20 % of the minimum wage.
# custom:
#   id: tekun.care_able_centralized
#   clause: 6
#   basis: plan
#   title_zh: 具有自主生活能力且集中供养的照料护理标准
#   quote: 具有自主生活能力且集中供养的特困人员，护理标准按照当地最低工资标准的20%执行
#   message:
#     met:
#       zh: 照料护理标准 = 最低工资标准{minimum_wage}元 × {care_rate} = {care_standard}元；月金额{monthly_amount}元
#       en: care standard = minimum wage {minimum_wage} × {care_rate} = {care_standard}; monthly {monthly_amount}
findings contains lib.member_finding(rego.metadata.rule(), "tekun", "met", id, _care_values(id)) if {
	some id, "able" in _ability
	id in _centralized
}

# METADATA
# title: 特困 care standard — able to care for oneself, dispersed support
# description: >-
#   No plan text sets a care standard for a person able to care for oneself in dispersed support: the
#   plan's 20 % tier is limited to 集中供养. The project pays none (the rate parameter is 0), as its
#   reading of that limit; the person is served by assigned care and regular visits.
# custom:
#   id: tekun.care_able_dispersed
#   clause: 6
#   basis: reading
#   reading: Clause 6 — care standard by self-care ability (able and dispersed)
#   reading_zh: 第6条——按生活自理能力确定照料护理标准（能自理的分散供养人员）
#   title_zh: 具有自主生活能力且分散供养：不发照料护理费（本项目的解读）
#   message:
#     info:
#       zh: 方案未规定具有自主生活能力且分散供养人员的照料护理标准（20%一档限于集中供养）；本项目据此不发照料护理费，月金额{monthly_amount}元
#       en: >-
#         the plan sets no care standard for able, dispersed people (its 20 % tier is limited to
#         centralized support); the project reads this as no care payment; monthly {monthly_amount}
findings contains lib.member_finding(rego.metadata.rule(), "tekun", "info", id, _care_values(id)) if {
	some id, "able" in _ability
	id in _dispersed
}

# METADATA
# title: Dispersed 特困 support — assigned care and regular visits
# description: A person in dispersed support (at home) is assigned care and regular visits (aid in kind).
# custom:
#   id: tekun.dispersed_care_visits
#   clause: 6
#   basis: plan
#   title_zh: 分散供养特困人员照料护理和定期探访
#   quote: 全面压实分散供养特困人员照料护理和定期探访工作责任
#   message:
#     info:
#       zh: 分散供养：落实照料护理和定期探访
#       en: dispersed support — assigned care and regular visits
findings contains lib.member_finding(rego.metadata.rule(), "tekun", "info", id, {
	"centralized": false,
	"in_kind": _dispersed_services,
}) if some id in _dispersed

# ---------------------------------------------------------------------------------------------------
# The program.

eligible := count(supported_member_ids) > 0

monthly_amount := sum([a | some a in _member_amount])

# METADATA
# title: 特困 monthly support
# description: >-
#   The sum over supported members of the basic living standard (1.3 × the urban 低保 standard) and the
#   care standard by self-care ability, rounded once to the fen.
# custom:
#   id: tekun.monthly_support
#   clause: 6
#   basis: plan
#   title_zh: 特困人员救助供养月金额
#   quote: 基本生活标准按照当地当年城市最低生活保障的1.3倍给予待遇。照料护理标准按照差异化服务原则
#   message:
#     met:
#       zh: 特困人员救助供养合计{monthly_amount}元/月
#       en: 特困 support totals {monthly_amount} a month
findings contains lib.household_finding(rego.metadata.rule(), "tekun", "met", {
	"covered_member_ids": covered_member_ids,
	"monthly_amount": lib.money(monthly_amount),
}) if eligible

# The services of dispersed support, as aid in kind (codes named in catalog.aid).
_dispersed_services := ["assigned_care", "regular_visits"]

default in_kind := []

in_kind := _dispersed_services if count(_dispersed) > 0

_care_rule := {
	"fully_lost": "tekun.care_fully_lost",
	"partly_lost": "tekun.care_partly_lost",
}

_care_rule_of(id) := _care_rule[_ability[id]]

_care_rule_of(id) := "tekun.care_able_centralized" if {
	_ability[id] == "able"
	id in _centralized
}

_care_rule_of(id) := "tekun.care_able_dispersed" if {
	_ability[id] == "able"
	id in _dispersed
}

_care_rules contains _care_rule_of(id) if some id in supported_member_ids

# decisive rules: eligible → identification, the basic living standard and the care tier(s) applied;
# not eligible → the condition(s) the candidates fail (members without capacity to work are the
# candidates; with none, condition 1 itself).
default _rules := []

_rules := array.slice(
	array.concat(
		[{"rule": "tekun.identified", "clause": 6, "outcome": "met"}, {"rule": "tekun.basic_living_standard", "clause": 6, "outcome": "met"}],
		[{"rule": r, "clause": 6, "outcome": "met"} | some r in sort([r | some r in _care_rules])],
	),
	0, 4,
) if eligible

_rules := [{"rule": "tekun.no_work_capacity", "clause": 6, "outcome": "not_met"}] if count(no_work_capacity) == 0

_rules := [{"rule": c, "clause": 6, "outcome": "not_met"} | some c in sort([c | some c in _failed_by_candidates])] if {
	not eligible
	count(no_work_capacity) > 0
}

_failed_by_candidates contains "tekun.no_means_of_living" if {
	some id in no_work_capacity
	not id in no_means_of_living
}

# Condition 3 is assessed on the decision path only for members who meet conditions 1 and 2.
_failed_by_candidates contains "tekun.supporters_unable" if {
	some id in _candidates
	not id in no_able_supporter
}

_member_detail(id) := object.union(
	{"centralized": id in _centralized, "monthly_amount": lib.money(_member_amount[id])},
	_care_detail(id),
)

_care_detail(id) := {
	"ability": _ability[id],
	"care_rate": _care_rate[id],
	"care": lib.money(_care[id]),
} if _care[id]

else := {}

default _details := {}

_details := {
	"basic_living_standard": lib.money(basic_living_standard),
	"minimum_wage": minimum_wage,
	"members": {id: _member_detail(id) | some id in supported_member_ids},
} if eligible

programs := {"tekun": _entry}

# _entry: with no member supported there is no amount, no care and no one covered — only the failed
# conditions are worked out; a household with a supported member has its entry worked out in full.
_entry := {
	"clause": 6,
	"tier": "basic_living",
	"eligible": false,
	"monthly_amount": 0,
	"in_kind": [],
	"covered_member_ids": [],
	"rules": _rules,
} if {
	not eligible
} else := {
	"clause": 6,
	"tier": "basic_living",
	"eligible": eligible,
	"monthly_amount": lib.money(monthly_amount),
	"in_kind": in_kind,
	"covered_member_ids": covered_member_ids,
	"rules": _rules,
}

program_details["tekun"] := _details

# ---------------------------------------------------------------------------------------------------
# Missing facts: what the package needed and did not have, and what it did without it.

# An absent legal_supporters list leaves condition 3 not established, for a member who meets the others.
missing_facts contains {
	"pointer": facts.pointer(id, ["legal_supporters"]),
	"program": "tekun",
	"rule": "tekun.supporters_unable",
	"assumption": "not_established",
} if {
	some id in _candidates
	not is_array(object.get(_members[id], "legal_supporters", null))
}

# A supporter fact the request does not give, where it keeps a ground of inability from being decided and
# no other supporter of the member is plainly able: that ground is not established.
missing_facts contains {
	"pointer": facts.pointer(id, ["legal_supporters", format_int(j, 10), field]),
	"program": "tekun",
	"rule": "tekun.supporters_unable",
	"assumption": "not_established",
} if {
	some id in _candidates
	not id in no_able_supporter
	is_array(object.get(_members[id], "legal_supporters", null))
	assessed := _assess_all(_members[id])
	every a in assessed {
		_unable_or_pending(a)
	}
	some j, a in assessed
	count(a.unable) == 0
	some field in a.pending
}

_unable_or_pending(a) if count(a.unable) > 0

_unable_or_pending(a) if count(a.pending) > 0

# An absent monthly income is read as 0, for a member without capacity to work.
missing_facts contains {
	"pointer": facts.pointer(id, ["monthly_income"]),
	"program": "tekun",
	"rule": "tekun.no_means_of_living",
	"assumption": "read_as_zero",
} if {
	some id in no_work_capacity
	not is_number(object.get(_members[id], "monthly_income", null))
}

# An absent asset assertion reads as not met, for a member whose income is below the standard.
missing_facts contains {
	"pointer": "/household/assets_test_met",
	"program": "tekun",
	"rule": "tekun.no_means_of_living",
	"assumption": "not_established",
} if {
	not is_boolean(object.get(input.household, "assets_test_met", null))
	some id in no_work_capacity
	_income[id] < dibao_standard
}

# A supported member without a self-care assessment gets the basic living standard only.
missing_facts contains {
	"pointer": facts.pointer(id, ["self_care"]),
	"program": "tekun",
	"rule": "tekun.self_care_not_given",
	"assumption": "not_assessed",
} if {
	some id in supported_member_ids
	not _ability[id]
}

# A supported member without tekun_arrangement is read as in dispersed support (at home).
missing_facts contains {
	"pointer": facts.pointer(id, ["tekun_arrangement", "centralized"]),
	"program": "tekun",
	"rule": "tekun.dispersed_care_visits",
	"assumption": "read_as_dispersed",
} if {
	some id in _dispersed
	not is_boolean(object.get(_members[id], ["tekun_arrangement", "centralized"], null))
}

# A member past 18 enrolled in compulsory education or senior secondary school, with nothing said about
# the household's current 特困 support: whether the person is a minor in support who continues (43号
# 第二十四条) is not established.
missing_facts contains {
	"pointer": "/household/current_benefits/tekun",
	"program": "tekun",
	"rule": "tekun.minor_continuation",
	"assumption": "not_established",
} if {
	some id, m in _members
	m.education.enrolled == true
	m.education.stage in _continuation_stages
	_age[id] >= _p.minor_age
	_age[id] < params.p.status.elderly_age
	not is_object(object.get(input.household, ["current_benefits", "tekun"], null))
}
