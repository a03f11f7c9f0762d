# METADATA
# title: Clause 10 — employment assistance (就业救助)
# description: >-
#   10.健全就业救助制度. Working-age members of assisted families (低保, 特困, low-income) who are able
#   and willing to work and registered as unemployed get public employment services; those wanting to
#   start a business get start-up support (guaranteed loan up to 200 000 yuan with interest subsidy, a
#   one-off 5 000 yuan subsidy, 500 yuan a month site rent for at most 36 months); employment-difficult
#   people get employment aid, and a public-welfare post where the market fails; a 低保 family with no one
#   employed gets at least one member placed. Working age runs from 16 to the statutory retirement age
#   by sex, post and birth cohort. monthly_amount is the site-rent subsidy of the members
#   whose business has started and who have months left; the one-off subsidy and the loan are in details.
# schemas:
#   - input: schema["household.schema"]
package socialaid.employment

import data.socialaid.facts
import data.socialaid.lib
import data.socialaid.params
import data.socialaid.status

_p := params.p.employment

# _jobs[id]: each member's employment record, {} when absent or null (one comprehension a case, no
# function call a member).
_jobs := object.union(
	{m.id: {} | some m in input.household.members},
	{m.id: j | some m in input.household.members; j := m.employment; is_object(j)},
)

_job(m) := _jobs[m.id]

_flag(m, name) := object.get(_job(m), name, false)

# --- working age: from 16 up to the statutory retirement age by sex, post and birth cohort ---

# _schedule[kind]: the retirement rule of each kind of member (men; women in 50-year posts; women in
# 55-year posts), read from the dated parameters once.
_schedule := {
	"men": _rule(
		_p.retirement_base_age_men, _p.retirement_raise_first_cohort_men,
		_p.retirement_raise_cohort_months_men, _p.retirement_raise_max_months_men,
	),
	"women_50_post": _rule(
		_p.retirement_base_age_women_50_post, _p.retirement_raise_first_cohort_women_50_post,
		_p.retirement_raise_cohort_months_women_50_post, _p.retirement_raise_max_months_women_50_post,
	),
	"women_55_post": _rule(
		_p.retirement_base_age_women_55_post, _p.retirement_raise_first_cohort_women_55_post,
		_p.retirement_raise_cohort_months_women_55_post, _p.retirement_raise_max_months_women_55_post,
	),
}

_rule(base, first, per, most) := {"base_months": base * 12, "first": _month_no(first), "per": per, "most": most}

# _base_years[kind]: the base age of each rule, in years — all the decision path needs for a member
# younger than it (the full rule, _schedule, is read only for members at or past their base age).
_base_years := {
	"men": _p.retirement_base_age_men,
	"women_50_post": _p.retirement_base_age_women_50_post,
	"women_55_post": _p.retirement_base_age_women_55_post,
}

# _month_no: a month as a number of months ("YYYY-MM" or a date "YYYY-MM-DD").
_month_no(d) := (to_number(substring(d, 0, 4)) * 12) + to_number(substring(d, 5, 2))

# retirement_kind[id]: which rule applies — by sex and, for a woman, her post. No sex given: the men's
# rule, the widest range (these are services; the wider range refuses no one); a woman with no post
# given: the 55-year post, the wider of the women's ranges. Both are named among the missing facts.
retirement_kind := {m.id: _kind(object.get(m, "sex", null), object.get(m, "retirement_post", null)) |
	some m in input.household.members
}

_kind("male", _) := "men"

_kind("female", "age_50_post") := "women_50_post"

_kind("female", post) := "women_55_post" if post != "age_50_post"

_kind(null, _) := "men"

# retirement_months[id]: the statutory retirement age in months — base × 12, plus for those born in or
# after the first cohort one month for each started step of birth months, at most the rule's most.
retirement_months := {m.id: _retirement_months(_schedule[retirement_kind[m.id]], m.birth_date) |
	some m in input.household.members
}

_retirement_months(r, birth) := r.base_months if {
	_month_no(birth) < r.first
} else := r.base_months + min([r.most, floor((_month_no(birth) - r.first) / r.per) + 1])

# age_months[id]: the member's age in whole months on the decision date (a month counts from its day).
age_months := {m.id: ((_month_no(input.as_of) - _month_no(m.birth_date)) - _day_short(m.birth_date)) |
	some m in input.household.members
}

_day_short(birth) := 1 if _d(input.as_of) < _d(birth)

else := 0

# working_age_ids: members from working_age_min (whole years) up to, not including, the retirement age.
working_age_ids := {id |
	some id, a in facts.ages
	a >= _p.working_age_min
	_under_retirement(id, a)
}

# _under_retirement(id, a): the member (aged a in whole years) has not reached the retirement age. Below
# the rule's base age in years this needs no months; from it, the months decide.
_under_retirement(id, a) if a < _base_years[retirement_kind[id]]

_under_retirement(id, a) if {
	a >= _base_years[retirement_kind[id]]
	age_months[id] < retirement_months[id]
}

working_age(m) if m.id in working_age_ids

_employed(m) if m.id in _employed_ids

_employed_ids := {id | some id, j in _jobs; j.status in {"employed", "self_employed"}}

# _candidate_ids: the working-age members of an assisted family (ids: a set of ids is cheaper to build
# than a set of member records, which OPA hashes whole).
_candidate_ids := working_age_ids if status.assisted_family

else := set()

# public_services: candidates able and willing to work and registered as unemployed (the flags are
# read straight from each member's record: an absent flag is no).
public_services := {id |
	some id in _candidate_ids
	j := _jobs[id]
	j.able_to_work == true
	j.willing_to_work == true
	j.registered_unemployed == true
}

# months_elapsed: whole months from start to end (a month counts once its day-of-month is reached).
months_elapsed(start, end) := (((_y(end) - _y(start)) * 12) + _m(end)) - (_m(start) + _partial(start, end))

_y(d) := to_number(substring(d, 0, 4))

_m(d) := to_number(substring(d, 5, 2))

_d(d) := to_number(substring(d, 8, 2))

_partial(start, end) := 1 if _d(end) < _d(start)

else := 0

_started(m) if {
	start := _job(m).business_start_date
	start <= input.as_of
}

# site_rent_months_left: the months of site-rent subsidy left, max(0, 36 − months elapsed).
site_rent_months_left(m) := max([0, _p.site_rent_max_months - months_elapsed(_job(m).business_start_date, input.as_of)])

# startup[id]: a member wanting to start a business — the guaranteed loan (up to startup_loan_max, with
# interest subsidy) and the one-off subsidy are in kind / one-off (parameters); once the business has
# started, the months elapsed, the months of site rent left and this month's site rent.
startup := {m.id: _rent_entry(m) |
	some m in input.household.members
	m.id in _candidate_ids
	_jobs[m.id].wants_to_start_business == true
}

_rent_entry(m) := {
	"started": true,
	"months_elapsed": months_elapsed(_job(m).business_start_date, input.as_of),
	"site_rent_months_left": site_rent_months_left(m),
	"site_rent_this_month": _rent_now(m),
} if {
	_started(m)
} else := {"started": false, "site_rent_this_month": 0}

_rent_now(m) := _p.site_rent_monthly if site_rent_months_left(m) > 0

else := 0

employment_aid := {id | some id in _candidate_ids; _jobs[id].employment_difficult == true}

public_welfare_posts := {id | some id in employment_aid; _jobs[id].market_placement_failed == true}

_able_ids := {id | some id in _candidate_ids; _jobs[id].able_to_work == true}

_able_working_age := _able_ids

default zero_employment_family := false

# zero_employment_family (零就业家庭): the plan's words ("确保“零就业家庭”实现动态清零") with 社会救助暂行办法
# 第四十三条 for who counts — a 低保 family whose members able to work (of working age) are all out of
# work, none employed or self-employed.
zero_employment_family if {
	status.dibao_family
	count(_able_ids) > 0
	count(_able_ids & _employed_ids) == 0
}

covered_member_ids := sort((((public_services | {id | some id, _ in startup}) | employment_aid) | public_welfare_posts))

default eligible := false

eligible if count(covered_member_ids) > 0

eligible if zero_employment_family

monthly_amount := sum([e.site_rent_this_month | some e in startup])

# --- the compact program entry ---

_parts := {
	"public_employment_services": count(public_services) > 0,
	"startup": count(startup) > 0,
	"employment_aid": count(employment_aid) > 0,
	"public_welfare_posts": count(public_welfare_posts) > 0,
	"zero_employment_family": zero_employment_family,
}

_codes := {
	"public_employment_services": ["public_employment_services"],
	"startup": ["startup_guaranteed_loan", "startup_subsidy_once"],
	"employment_aid": ["employment_aid"],
	"public_welfare_posts": ["public_welfare_post"],
	"zero_employment_family": ["zero_employment_placement"],
}

_part_rule := {
	"public_employment_services": "employment.public_services",
	"startup": "employment.startup_support",
	"employment_aid": "employment.employment_aid",
	"public_welfare_posts": "employment.public_welfare_post",
	"zero_employment_family": "employment.zero_employment_family",
}

_in_kind := sort({code | some part, present in _parts; present; some code in _codes[part]})

_rules := array.slice([{"rule": _part_rule[part], "clause": 10, "outcome": "met"} | some part, present in _parts; present], 0, 4) if eligible

_rules := _failing if not eligible

default no_candidate := false

# no_candidate: an assisted family with no working-age member out of work who misses a service condition
# or asks outside working age, and no aid given — nothing to decide under clause 10.
no_candidate if {
	not eligible
	status.assisted_family
	count(_unserved) == 0
	count(_too_young) == 0
	count(_too_old) == 0
}

_failing := [{"rule": "employment.assisted_family", "clause": 10, "outcome": "not_met"}] if {
	not status.assisted_family
} else := refs if {
	refs := [{"rule": id, "clause": 10, "outcome": "not_met"} |
		some id, failed in {
			"employment.public_services": count(_unserved) > 0,
			"employment.working_age": count(_too_young) > 0,
			"employment.retirement_age": count(_too_old) > 0,
		}
		failed
	]
	count(refs) > 0
} else := [{"rule": "employment.no_candidate", "clause": 10, "outcome": "not_met"}]

# _unserved: candidates out of work who miss a condition of the public services.
_unserved := (_candidate_ids - _employed_ids) - public_services

# _too_young / _too_old: members of an assisted family who ask for help below working_age_min, or at or
# past their statutory retirement age.
_too_young := {id | some id in _asking_ids; facts.ages[id] < _p.working_age_min} if status.assisted_family

else := set()

_too_old := {id |
	some id in _asking_ids
	a := facts.ages[id]
	a >= _p.working_age_min
	not _under_retirement(id, a)
} if status.assisted_family

else := set()

# _asking_ids: members who ask for help (registered, wanting a business, employment-difficult or willing).
_asking_ids := {id |
	some id, j in _jobs
	some name in ["registered_unemployed", "wants_to_start_business", "employment_difficult", "willing_to_work"]
	j[name] == true
}

_details := {k: v |
	some k, v in {
		"public_employment_services": sort(public_services),
		"startup": startup,
		"employment_aid": sort(employment_aid),
		"public_welfare_posts": sort(public_welfare_posts),
		"zero_employment_family": zero_employment_family,
	}
	_present(v)
}

_present(true)

_present(v) if {
	not is_boolean(v)
	count(v) > 0
}

programs := {"employment": _entry}

# _entry: a family that is not a social-assistance family is decided by that alone
# (employment.assisted_family): every service of clause 10 is for the members of an assisted family, so
# none of its members is looked at. Only an assisted family's entry is worked out.
_entry := {
	"clause": 10,
	"tier": "special",
	"eligible": false,
	"monthly_amount": 0,
	"in_kind": [],
	"covered_member_ids": [],
	"rules": _failing,
} if {
	not status.assisted_family
} else := {
	"clause": 10,
	"tier": "special",
	"eligible": eligible,
	"monthly_amount": lib.money(monthly_amount),
	"in_kind": _in_kind,
	"covered_member_ids": covered_member_ids,
	"rules": _rules,
}

program_details["employment"] := _details

# --- missing facts ---

# A working-age member of an assisted family, not employed, with nothing said about work: able, willing,
# registered, wanting a business, employment-difficult are all read as no. A member enrolled in education
# is not asked about (a full-time student is not expected to register as unemployed).
missing_facts contains {
	"pointer": facts.pointer(m.id, ["employment"]),
	"program": "employment",
	"rule": "employment.public_services",
	"assumption": "not_assessed",
} if {
	some m in input.household.members
	m.id in _candidate_ids
	facts.get(m, ["employment"], null) == null
	not m.education.enrolled == true
}

# A member of an assisted family who asks for help, with no sex given (or, for a woman, no post), at an
# age where the women's (or the 50-year post's) retirement age would already have been reached: the
# wider range is used, and the missing fact is named.
missing_facts contains {
	"pointer": facts.pointer(m.id, [field]),
	"program": "employment",
	"rule": "employment.retirement_age",
	"assumption": assumption,
} if {
	status.assisted_family
	some m in input.household.members
	m.id in _asking_ids
	[field, assumption] := _unstated(m)
	age_months[m.id] >= _retirement_months(_schedule.women_50_post, m.birth_date)
}

_unstated(m) := ["sex", "read_as_men_range"] if object.get(m, "sex", null) == null

_unstated(m) := ["retirement_post", "read_as_55_post_range"] if {
	m.sex == "female"
	object.get(m, "retirement_post", null) == null
}

# --- findings (explanation only) ---

# METADATA
# title: No member of working age out of work
# description: >-
#   Employment assistance is for working-age members of an assisted family who are out of work: when every
#   such member is employed (or there is none), and the family is not a zero-employment family, there is
#   nothing to decide under clause 10.
# custom:
#   id: employment.no_candidate
#   clause: 10
#   basis: plan
#   title_zh: 无失业的劳动年龄成员
#   quote: 将劳动年龄段内有劳动能力和就业意愿并进行失业登记的社会救助对象纳入公共就业服务体系
#   message:
#     not_met:
#       zh: 社会救助家庭中没有失业的劳动年龄成员（劳动年龄成员{working_age}人，其中就业{employed}人）
#       en: no working-age member of the assisted family is out of work ({working_age} of working age, {employed} employed)
findings contains lib.household_finding(rego.metadata.rule(), "employment", "not_met", {
	"working_age": count(_candidate_ids),
	"employed": count(_candidate_ids & _employed_ids),
}) if {
	no_candidate
}

# METADATA
# title: Public employment services
# description: >-
#   A working-age member of an assisted family, able and willing to work and registered as unemployed,
#   gets policy advice, training, guidance and placement.
# custom:
#   id: employment.public_services
#   clause: 10
#   basis: plan
#   title_zh: 纳入公共就业服务体系
#   quote: 将劳动年龄段内有劳动能力和就业意愿并进行失业登记的社会救助对象纳入公共就业服务体系，提供政策咨询、职业培训、职业指导、职业介绍等公共就业服务
#   message:
#     met:
#       zh: '{age}岁，有劳动能力和就业意愿并已失业登记：纳入公共就业服务（政策咨询、职业培训、职业指导、职业介绍）'
#       en: >-
#         aged {age}, able and willing to work, registered unemployed — public employment services (advice,
#         training, guidance, placement)
#     not_met:
#       zh: '{age}岁，有劳动能力：{able_to_work}；就业意愿：{willing_to_work}；失业登记：{registered_unemployed}'
#       en: >-
#         aged {age}, not referred to public employment services — able to work: {able_to_work}; willing:
#         {willing_to_work}; registered unemployed: {registered_unemployed}
findings contains lib.member_finding(rego.metadata.rule(), "employment", lib.outcome(m.id in public_services), m.id, {
	"age": facts.ages[m.id],
	"able_to_work": _flag(m, "able_to_work"),
	"willing_to_work": _flag(m, "willing_to_work"),
	"registered_unemployed": _flag(m, "registered_unemployed"),
}) if {
	some m in input.household.members
	m.id in _candidate_ids
	not _employed(m)
}

# METADATA
# title: Working age — from 16
# description: >-
#   Employment assistance is for members of working age, from 16 (劳动法 第十五条 forbids hiring anyone
#   under 16). The plan says only "劳动年龄段内"; the bound is national.
# custom:
#   id: employment.working_age
#   clause: 10
#   basis: national
#   title_zh: 劳动年龄段（年满16周岁）
#   national:
#     document: 中华人民共和国劳动法
#     article: 第十五条
#   message:
#     not_met:
#       zh: '{age}岁，未满{working_age_min}周岁，不在劳动年龄段内'
#       en: 'aged {age}, under {working_age_min} — outside working age'
findings contains lib.member_finding(rego.metadata.rule(), "employment", "not_met", id, {
	"age": facts.ages[id],
	"working_age_min": _p.working_age_min,
}) if {
	some id in _too_young
}

# METADATA
# title: Working age — up to the statutory retirement age
# description: >-
#   Working age ends at the statutory retirement age, by sex and post and, from 2025-01-01, by birth
#   cohort: men 60 rising to 63 and women in 55-year posts 55 rising to 58 by one month every four months
#   of birth, women in 50-year posts 50 rising to 55 by one month every two months (the 2024 decision on
#   the gradual rise; dated parameters). With no sex given the men's, widest range is used; a woman with no
#   post given gets the 55-year post's range; each is named among the missing facts. Reported for every
#   member of an assisted family who asks for help from 16.
# custom:
#   id: employment.retirement_age
#   clause: 10
#   basis: national
#   title_zh: 劳动年龄段（未达法定退休年龄）
#   national:
#     document: 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定（2024年）
#     article: 国务院关于渐进式延迟法定退休年龄的办法 第二条
#   message:
#     met:
#       zh: '{age_years}岁{age_extra_months}个月，未达法定退休年龄{retirement_years}岁{retirement_extra_months}个月（{kind}）'
#       en: >-
#         aged {age_years} years {age_extra_months} months, below the statutory retirement age of
#         {retirement_years} years {retirement_extra_months} months ({kind})
#     not_met:
#       zh: '{age_years}岁{age_extra_months}个月，已达法定退休年龄{retirement_years}岁{retirement_extra_months}个月（{kind}），不在劳动年龄段内'
#       en: >-
#         aged {age_years} years {age_extra_months} months, at or past the statutory retirement age of
#         {retirement_years} years {retirement_extra_months} months ({kind}) — outside working age
findings contains lib.member_finding(rego.metadata.rule(), "employment", lib.outcome(age_months[id] < retirement_months[id]), id, {
	"kind": retirement_kind[id],
	"age_years": floor(age_months[id] / 12),
	"age_extra_months": age_months[id] % 12,
	"retirement_months": retirement_months[id],
	"retirement_years": floor(retirement_months[id] / 12),
	"retirement_extra_months": retirement_months[id] % 12,
}) if {
	status.assisted_family
	some id in _asking_ids
	facts.ages[id] >= _p.working_age_min
}

# METADATA
# title: A social-assistance family
# description: Employment assistance under clause 10 is for members of 低保, 特困 or low-income families.
# custom:
#   id: employment.assisted_family
#   clause: 10
#   basis: plan
#   title_zh: 社会救助对象
#   quote: 将劳动年龄段内有劳动能力和就业意愿并进行失业登记的社会救助对象纳入公共就业服务体系
#   message:
#     not_met:
#       zh: 家庭不是低保、特困或低收入家庭，不属于社会救助对象
#       en: the family is not a 低保, 特困 or low-income family — not a social-assistance recipient
findings contains lib.household_finding(rego.metadata.rule(), "employment", "not_met", status.family_facts) if {
	not status.assisted_family
}

# METADATA
# title: Start-up support
# description: >-
#   A member wanting to start a business: guaranteed start-up loan up to 200 000 yuan with interest
#   subsidy; if eligible a one-off 5 000 yuan subsidy and 500 yuan a month site rent for at most 36 months,
#   counted from the business start date.
# custom:
#   id: employment.startup_support
#   clause: 10
#   basis: plan
#   title_zh: 创业扶持
#   quote: 按规定落实不超过20万元的创业担保贷款并按规定给予贴息、符合条件的给予5000元的一次性创业补贴及每月500元的场租补贴（补贴期限最长不超过3年）
#   message:
#     met:
#       zh: >-
#         创业扶持：创业担保贷款不超过{loan_max}元并贴息，一次性创业补贴{one_off_subsidy}元，场租补贴每月{site_rent_monthly}元、
#         最长{site_rent_max_months}个月；本月场租补贴{site_rent_this_month}元
#       en: >-
#         start-up support — loan up to {loan_max} with interest subsidy, one-off subsidy {one_off_subsidy}, site
#         rent {site_rent_monthly} a month for at most {site_rent_max_months} months; site rent this month
#         {site_rent_this_month}
findings contains lib.member_finding(rego.metadata.rule(), "employment", "met", id, object.union(entry, {
	"loan_max": _p.startup_loan_max,
	"one_off_subsidy": _p.startup_subsidy_once,
	"site_rent_monthly": _p.site_rent_monthly,
	"site_rent_max_months": _p.site_rent_max_months,
})) if {
	some id, entry in startup
}

# METADATA
# title: Employment aid for employment-difficult people
# custom:
#   id: employment.employment_aid
#   clause: 10
#   basis: plan
#   title_zh: 就业困难人员纳入就业援助范围
#   quote: 将符合条件的就业困难人员，纳入就业援助范围，提供重点帮扶
#   message:
#     met:
#       zh: 就业困难人员，纳入就业援助范围，提供重点帮扶
#       en: employment-difficult person — employment aid
findings contains lib.member_finding(rego.metadata.rule(), "employment", "met", id, {
	"employment_difficult": true,
}) if {
	some id in employment_aid
}

# METADATA
# title: Public-welfare post
# custom:
#   id: employment.public_welfare_post
#   clause: 10
#   basis: plan
#   title_zh: 公益性岗位安置
#   quote: 通过市场渠道难以实现就业的，可通过公益性岗位予以安置
#   message:
#     met:
#       zh: 通过市场渠道难以实现就业，可通过公益性岗位安置
#       en: could not find work through the market — placement in a public-welfare post
findings contains lib.member_finding(rego.metadata.rule(), "employment", "met", id, {
	"employment_difficult": true,
	"market_placement_failed": true,
}) if {
	some id in public_welfare_posts
}

# METADATA
# title: Zero-employment family
# description: >-
#   The plan's own words: "零就业家庭" are to be cleared as they arise (确保“零就业家庭”实现动态清零). Who
#   counts follows 社会救助暂行办法 第四十三条: a 低保 family whose members able to work are all out of work
#   (here: the working-age members able to work, none employed or self-employed); at least one member is
#   to be placed.
# custom:
#   id: employment.zero_employment_family
#   clause: 10
#   basis: plan
#   title_zh: 零就业家庭动态清零
#   quote: 确保“零就业家庭”实现动态清零
#   message:
#     met:
#       zh: >-
#         零就业家庭（低保家庭有劳动能力的成员均处于失业状态，社会救助暂行办法第四十三条）：{able_working_age}名有劳动能力的
#         劳动年龄成员均未就业，确保至少一人就业
#       en: >-
#         zero-employment family (a 低保 family whose members able to work are all out of work, 社会救助暂行办法
#         第四十三条) — none of the {able_working_age} working-age members able to work is employed; at least one
#         is to be placed
findings contains lib.household_finding(rego.metadata.rule(), "employment", "met", {
	"able_working_age": count(_able_working_age),
	"employed": 0,
}) if {
	zero_employment_family
}

# METADATA
# title: Incentives for employers
# description: Employers hiring assisted people get tax relief and subsidies (information only).
# custom:
#   id: employment.employer_incentives
#   clause: 10
#   basis: plan
#   title_zh: 吸纳社会救助对象就业的用人单位政策
#   quote: 对吸纳社会救助对象就业的符合条件的用人单位，按规定落实税费减免、社会保险补贴、一次性吸纳就业补贴等政策
#   message:
#     info:
#       zh: 吸纳社会救助对象就业的用人单位，可按规定享受税费减免、社会保险补贴、一次性吸纳就业补贴
#       en: >-
#         employers hiring these members can get tax relief, social-insurance subsidies and a one-off hiring
#         subsidy
findings contains lib.household_finding(rego.metadata.rule(), "employment", "info", {}) if {
	eligible
}
