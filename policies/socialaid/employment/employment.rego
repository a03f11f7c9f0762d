# METADATA
# title: Clause 10 — employment assistance (就业救助)
# description: >-
#   10.健全就业救助制度. Working-age members of assisted families (低保, 特困, low-income) who are able
#   and willing to work and registered as unemployed get public employment services; those wanting to
#   start a business get start-up support (guaranteed loan up to 200 000 yuan with interest subsidy, a
#   one-off 5 000 yuan subsidy, 500 yuan a month site rent for at most 36 months); employment-difficult
#   people get employment aid, and a public-welfare post where the market fails; a family with no one
#   employed gets at least one member placed. monthly_amount is the site-rent subsidy of the members
#   whose business has started and who have months left; the one-off subsidy and the loan are in details.
# schemas:
#   - input: schema["household.schema"]
package socialaid.employment

import data.socialaid.lib
import data.socialaid.params
import data.socialaid.status

_members := input.household.members

_p := params.value.employment

_job(m) := status.get(m, ["employment"], {})

_flag(m, name) := object.get(_job(m), name, false)

working_age(m) if {
	status.age(m) >= _p.working_age_min
	status.age(m) < _p.retirement_age
}

_employed(m) if object.get(_job(m), "status", "not_in_labour_force") in {"employed", "self_employed"}

# candidates: working-age members of an assisted family.
candidates contains m if {
	status.assisted_family
	some m in _members
	working_age(m)
}

_service_conditions := ["able_to_work", "willing_to_work", "registered_unemployed"]

_missing(m) := [c | some c in _service_conditions; _flag(m, c) != true]

public_services contains m.id if {
	some m in candidates
	count(_missing(m)) == 0
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

startup[m.id] := entry if {
	some m in candidates
	_flag(m, "wants_to_start_business") == true
	entry := object.union(
		{
			"loan_max": _p.startup_loan_max,
			"interest_subsidy": true,
			"one_off_subsidy": _p.startup_subsidy_once,
			"site_rent_monthly": _p.site_rent_monthly,
			"site_rent_max_months": _p.site_rent_max_months,
		},
		_rent_entry(m),
	)
}

_rent_entry(m) := {
	"business_start_date": _job(m).business_start_date,
	"months_elapsed": months_elapsed(_job(m).business_start_date, input.as_of),
	"site_rent_months_left": site_rent_months_left(m),
	"site_rent_this_month": _rent_now(m),
} if {
	_started(m)
} else := {"business_start_date": null, "site_rent_this_month": 0}

_rent_now(m) := _p.site_rent_monthly if site_rent_months_left(m) > 0

else := 0

employment_aid contains m.id if {
	some m in candidates
	_flag(m, "employment_difficult") == true
}

public_welfare_posts contains m.id if {
	some m in candidates
	m.id in employment_aid
	_flag(m, "market_placement_failed") == true
}

_able_working_age contains m if {
	some m in candidates
	_flag(m, "able_to_work") == true
}

default zero_employment_family := false

# zero_employment_family (零就业家庭): an assisted family with working-age members able to work, none of
# them employed or self-employed.
zero_employment_family if {
	count(_able_working_age) > 0
	every m in _able_working_age {
		not _employed(m)
	}
}

covered_member_ids := sort((((public_services | {id | some id, _ in startup}) | employment_aid) | public_welfare_posts))

default eligible := false

eligible if count(covered_member_ids) > 0

eligible if zero_employment_family

monthly_amount := sum([e.site_rent_this_month | some e in startup])

programs["employment"] := lib.program("employment", eligible, monthly_amount, covered_member_ids, {
	"public_employment_services": sort(public_services),
	"startup": startup,
	"employment_aid": sort(employment_aid),
	"public_welfare_posts": sort(public_welfare_posts),
	"zero_employment_family": zero_employment_family,
	"site_rent_this_month": monthly_amount,
})

# METADATA
# title: Public employment services
# description: >-
#   A working-age member of an assisted family, able and willing to work and registered as unemployed,
#   gets policy advice, training, guidance and placement.
# custom:
#   clause: 10
#   quote: 将劳动年龄段内有劳动能力和就业意愿并进行失业登记的社会救助对象纳入公共就业服务体系
findings contains lib.finding(rego.metadata.rule(), {
	"program": "employment",
	"outcome": _outcome(count(_missing(m)) == 0),
	"member_id": m.id,
	"facts": {
		"age": status.age(m),
		"able_to_work": _flag(m, "able_to_work"),
		"willing_to_work": _flag(m, "willing_to_work"),
		"registered_unemployed": _flag(m, "registered_unemployed"),
	},
	"message": _services_message(m),
}) if {
	some m in candidates
	not _employed(m)
}

_outcome(true) := "met"

_outcome(false) := "not_met"

_services_message(m) := {
	"zh": sprintf("%d岁，有劳动能力和就业意愿并已失业登记：纳入公共就业服务（政策咨询、职业培训、职业指导、职业介绍）", [status.age(m)]),
	"en": sprintf(
		concat("", [
			"aged %d, able and willing to work, registered unemployed: public employment services ",
			"(advice, training, guidance, placement)",
		]),
		[status.age(m)],
	),
} if {
	count(_missing(m)) == 0
} else := {
	"zh": sprintf("%d岁，未满足公共就业服务条件：缺少%s", [status.age(m), concat("、", [_condition_zh[c] | some c in _missing(m)])]),
	"en": sprintf(
		"aged %d, not referred to public employment services: missing %s",
		[status.age(m), concat(", ", _missing(m))],
	),
}

_condition_zh := {"able_to_work": "劳动能力", "willing_to_work": "就业意愿", "registered_unemployed": "失业登记"}

# METADATA
# title: Outside working age
# description: Employment assistance is for members of working age (16 up to the retirement age).
# custom:
#   clause: 10
#   quote: 劳动年龄段内
findings contains lib.finding(rego.metadata.rule(), {
	"program": "employment",
	"outcome": "not_met",
	"member_id": m.id,
	"facts": {"age": status.age(m), "working_age_min": _p.working_age_min, "retirement_age": _p.retirement_age},
	"message": {
		"zh": sprintf("%d岁，不在劳动年龄段（%d周岁至未满%d周岁）内", [status.age(m), _p.working_age_min, _p.retirement_age]),
		"en": sprintf(
			"aged %d, outside working age (%d up to %d)",
			[status.age(m), _p.working_age_min, _p.retirement_age],
		),
	},
}) if {
	status.assisted_family
	some m in _members
	_asks_for_help(m)
	not working_age(m)
}

_asks_for_help(m) if {
	some name in ["registered_unemployed", "wants_to_start_business", "employment_difficult", "willing_to_work"]
	_flag(m, name) == true
}

# METADATA
# title: Not a social-assistance family
# description: Employment assistance under clause 10 is for members of 低保, 特困 or low-income families.
# custom:
#   clause: 10
#   quote: 社会救助对象纳入公共就业服务体系
findings contains lib.finding(rego.metadata.rule(), {
	"program": "employment",
	"outcome": "not_met",
	"facts": status.family_facts,
	"message": {
		"zh": "家庭不是低保、特困或低收入家庭，不属于社会救助对象",
		"en": "the family is not a 低保, 特困 or low-income family: not a social-assistance recipient",
	},
}) if {
	not status.assisted_family
	some m in _members
	_asks_for_help(m)
}

# METADATA
# title: Start-up support
# description: >-
#   A member wanting to start a business: guaranteed start-up loan up to 200 000 yuan with interest
#   subsidy; if eligible a one-off 5 000 yuan subsidy and 500 yuan a month site rent for at most 36 months,
#   counted from the business start date.
# custom:
#   clause: 10
#   quote: 按规定落实不超过20万元的创业担保贷款并按规定给予贴息、符合条件的给予5000元的一次性创业补贴及每月500元的场租补贴（补贴期限最长不超过3年）
findings contains lib.finding(rego.metadata.rule(), {
	"program": "employment",
	"outcome": "met",
	"member_id": id,
	"facts": entry,
	"message": _startup_message(entry),
}) if {
	some id, entry in startup
}

_startup_message(e) := {
	"zh": sprintf("创业扶持：创业担保贷款不超过%s元并贴息，一次性创业补贴%s元，场租补贴每月%s元最长%d个月；自%s起已%d个月，剩余%d个月，本月场租补贴%s元", [
		lib.fmt2(e.loan_max), lib.fmt2(e.one_off_subsidy), lib.fmt2(e.site_rent_monthly), e.site_rent_max_months,
		e.business_start_date, e.months_elapsed, e.site_rent_months_left, lib.fmt2(e.site_rent_this_month),
	]),
	"en": sprintf(
		concat("", [
			"start-up support: loan up to %s with interest subsidy, one-off subsidy %s, site rent %s a month ",
			"for at most %d months; %d months since %s, %d left, site rent this month %s",
		]),
		[
			lib.fmt2(e.loan_max), lib.fmt2(e.one_off_subsidy), lib.fmt2(e.site_rent_monthly), e.site_rent_max_months,
			e.months_elapsed, e.business_start_date, e.site_rent_months_left, lib.fmt2(e.site_rent_this_month),
		],
	),
} if {
	e.business_start_date != null
} else := {
	"zh": sprintf("创业扶持：创业担保贷款不超过%s元并贴息，一次性创业补贴%s元，创业后场租补贴每月%s元最长%d个月", [
		lib.fmt2(e.loan_max), lib.fmt2(e.one_off_subsidy), lib.fmt2(e.site_rent_monthly), e.site_rent_max_months,
	]),
	"en": sprintf(
		concat("", [
			"start-up support: loan up to %s with interest subsidy, one-off subsidy %s, ",
			"once started site rent %s a month for at most %d months",
		]),
		[
			lib.fmt2(e.loan_max), lib.fmt2(e.one_off_subsidy), lib.fmt2(e.site_rent_monthly), e.site_rent_max_months,
		],
	),
}

# METADATA
# title: Employment aid for employment-difficult people
# custom:
#   clause: 10
#   quote: 将符合条件的就业困难人员，纳入就业援助范围，提供重点帮扶
findings contains lib.finding(rego.metadata.rule(), {
	"program": "employment",
	"outcome": "met",
	"member_id": m.id,
	"facts": {"employment_difficult": true, "market_placement_failed": _flag(m, "market_placement_failed")},
	"message": {"zh": "就业困难人员，纳入就业援助范围，提供重点帮扶", "en": "employment-difficult person: employment aid"},
}) if {
	some m in candidates
	m.id in employment_aid
}

# METADATA
# title: Public-welfare post
# custom:
#   clause: 10
#   quote: 通过市场渠道难以实现就业的，可通过公益性岗位予以安置
findings contains lib.finding(rego.metadata.rule(), {
	"program": "employment",
	"outcome": "met",
	"member_id": id,
	"facts": {"employment_difficult": true, "market_placement_failed": true},
	"message": {
		"zh": "通过市场渠道难以实现就业，可通过公益性岗位安置",
		"en": "could not find work through the market: placement in a public-welfare post",
	},
}) if {
	some id in public_welfare_posts
}

# METADATA
# title: Zero-employment family
# description: >-
#   An assisted family whose working-age members able to work are none of them employed or self-employed
#   gets at least one member placed.
# custom:
#   clause: 10
#   quote: 确保“零就业家庭”实现动态清零
findings contains lib.finding(rego.metadata.rule(), {
	"program": "employment",
	"outcome": "met",
	"facts": {"able_working_age_members": sort([m.id | some m in _able_working_age]), "employed": 0},
	"message": {
		"zh": sprintf("零就业家庭：%d名有劳动能力的劳动年龄成员均未就业，确保至少一人就业", [count(_able_working_age)]),
		"en": sprintf(
			concat("", [
				"zero-employment family: none of the %d working-age members able to work is employed; ",
				"at least one is to be placed",
			]),
			[count(_able_working_age)],
		),
	},
}) if {
	zero_employment_family
}

# METADATA
# title: Incentives for employers
# description: Employers hiring assisted people get tax relief and subsidies (information only).
# custom:
#   clause: 10
#   quote: 对吸纳社会救助对象就业的符合条件的用人单位，按规定落实税费减免、社会保险补贴、一次性吸纳就业补贴等政策
findings contains lib.finding(rego.metadata.rule(), {
	"program": "employment",
	"outcome": "info",
	"message": {
		"zh": "吸纳社会救助对象就业的用人单位，可按规定享受税费减免、社会保险补贴、一次性吸纳就业补贴",
		"en": concat("", [
			"employers hiring these members can get tax relief, social-insurance subsidies ",
			"and a one-off hiring subsidy",
		]),
	},
}) if {
	eligible
}
