# Clause 5 — findings: every outcome of clause 5, and every reason a household or member is not
# covered, as a finding that cites the plan's words and states the numbers. (The package METADATA,
# with the input schema, is in dibao.rego.)
package socialaid.dibao

import data.socialaid.lib

_met(true) := "met"

_met(false) := "not_met"

_pct(x) := sprintf("%s%%", [lib.fmt2(x * 100)])

_area_zh := {"urban": "城市", "rural": "农村"}

# METADATA
# title: 低保 standard in force
# custom:
#   clause: 5
#   quote: 执行省级统一规定的最低生活保障标准
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "info",
	"facts": {"area": _household.area, "standard": lib.money(standard), "as_of": input.as_of},
	"message": {
		"zh": sprintf("%s低保标准为每月%s元（%s）", [_area_zh[_household.area], lib.fmt2(standard), input.as_of]),
		"en": sprintf("The %s 低保 standard on %s is %s yuan a month", [_household.area, input.as_of, lib.fmt2(standard)]),
	},
})

# METADATA
# title: Rigid expenditure deducted
# description: Each rigid expenditure is deducted up to its verifiable maximum, min(amount, cap).
# custom:
#   clause: 5
#   quote: 在核算家庭收入时予以适当扣减，但不得超过可查证的最高数额
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "info",
	"member_id": e.member_id,
	"facts": {
		"kind": e.kind,
		"monthly_amount": lib.money(e.monthly_amount),
		"verified_cap": lib.money(e.verified_cap),
		"deducted": lib.money(deduction(e)),
	},
	"message": {
		"zh": sprintf("成员%s的%s刚性支出%s元，按可查证最高数额%s元扣减%s元", [
			e.member_id, e.kind, lib.fmt2(e.monthly_amount), lib.fmt2(e.verified_cap), lib.fmt2(deduction(e)),
		]),
		"en": sprintf("member %s: %s expenditure %s, verifiable maximum %s, deducted %s", [
			e.member_id, e.kind, lib.fmt2(e.monthly_amount), lib.fmt2(e.verified_cap), lib.fmt2(deduction(e)),
		]),
	},
}) if {
	some e in _rigid
	e.member_id in _member_ids
}

# METADATA
# title: Counted income
# description: Income minus the capped rigid expenditure, never below zero.
# custom:
#   clause: 5
#   quote: 在家庭收入核算中对家庭刚性支出适当扣减
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "info",
	"facts": {
		"gross_income": lib.money(gross_income),
		"deductions": lib.money(deductions),
		"counted_income": lib.money(counted_income),
	},
	"message": {
		"zh": sprintf("核算收入 = max(0, %s − %s) = %s元", [lib.fmt2(gross_income), lib.fmt2(deductions), lib.fmt2(counted_income)]),
		"en": sprintf("counted income = max(0, %s − %s) = %s", [lib.fmt2(gross_income), lib.fmt2(deductions), lib.fmt2(counted_income)]),
	},
})

# METADATA
# title: Member supported as 特困
# description: A member supported as 特困 under clause 6 is not also paid 低保; the rest are assessed without them.
# custom:
#   clause: 6
#   quote: 完善特困人员救助供养制度
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "not_met",
	"member_id": id,
	"facts": {"tekun_supported": true},
	"message": {
		"zh": sprintf("成员%s已纳入特困人员救助供养，不再计入低保家庭", [id]),
		"en": sprintf("member %s is supported as 特困 and is not counted in the 低保 household", [id]),
	},
}) if {
	some id in tekun_excluded_ids
}

# METADATA
# title: No member left to assess
# custom:
#   clause: 5
#   quote: 根据家庭共同生活成员人均收入与当地低保标准实际差额确定基本保障金
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "not_met",
	"facts": {"members": 0, "tekun_excluded_member_ids": tekun_excluded_ids},
	"message": {
		"zh": "家庭成员均已纳入特困供养，无低保家庭成员",
		"en": "every member is supported as 特困; no member is left to assess for 低保",
	},
}) if member_count == 0

# METADATA
# title: Per-capita income below the standard
# description: Eligible only when the counted income per member is strictly below the standard.
# custom:
#   clause: 5
#   quote: 根据家庭共同生活成员人均收入与当地低保标准实际差额确定基本保障金
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": _met(income_test_met),
	"facts": {
		"counted_income": lib.money(counted_income),
		"members": member_count,
		"per_capita_income": lib.money(per_capita_income),
		"standard": lib.money(standard),
	},
	"message": _income_message,
}) if member_count > 0

_income_message := {
	"zh": sprintf("家庭人均收入%s元低于低保标准%s元", [lib.fmt2(per_capita_income), lib.fmt2(standard)]),
	"en": sprintf("per-capita income %s is below the standard %s", [lib.fmt2(per_capita_income), lib.fmt2(standard)]),
} if income_test_met

_income_message := {
	"zh": sprintf("家庭人均收入%s元不低于低保标准%s元", [lib.fmt2(per_capita_income), lib.fmt2(standard)]),
	"en": sprintf("per-capita income %s is not below the standard %s", [lib.fmt2(per_capita_income), lib.fmt2(standard)]),
} if not income_test_met

# METADATA
# title: Asset test (asserted by the caller)
# description: >-
#   Asset limits are set locally and not published; the caller asserts the test is met. The plan only
#   refers to the provincial rules; the national rule decides.
# custom:
#   clause: 5
#   quote: 执行省级统一规定的最低生活保障标准
#   authority: 最低生活保障审核确认办法（民发〔2021〕57号）家庭财产状况
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": _met(assets_test_met),
	"facts": {"assets_test_met": assets_test_met},
	"message": _assets_message,
})

_assets_message := {"zh": "家庭财产状况符合规定（申请方确认）", "en": "the caller asserts the asset test is met"} if assets_test_met

_assets_message := {"zh": "家庭财产状况不符合规定", "en": "the asset test is not met"} if not assets_test_met

# METADATA
# title: Basic benefit
# description: (standard − per-capita income) × members, per month, rounded to the fen.
# custom:
#   clause: 5
#   quote: 低保金核算根据家庭共同生活成员人均收入与当地低保标准实际差额确定基本保障金
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "met",
	"facts": {
		"standard": lib.money(standard),
		"per_capita_income": lib.money(per_capita_income),
		"members": member_count,
		"basic_benefit": lib.money(basic_benefit),
	},
	"message": {
		"zh": sprintf("基本保障金 =（%s − %s）× %d = %s元/月", [lib.fmt2(standard), lib.fmt2(per_capita_income), member_count, lib.fmt2(basic_benefit)]),
		"en": sprintf("basic benefit = (%s − %s) × %d = %s yuan a month", [lib.fmt2(standard), lib.fmt2(per_capita_income), member_count, lib.fmt2(basic_benefit)]),
	},
}) if eligible

# METADATA
# title: Classified supplement
# description: >-
#   Highest single rate of the member's categories × the standard (就高不就低、不累加), 10 %–30 %.
# custom:
#   clause: 5
#   quote: 符合多重困难身份的对象核算增发补助金实行“就高不就低、不累加”的原则
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "met",
	"member_id": m.id,
	"facts": {
		"categories": member_categories(m),
		"rates": {c: rate(c) | some c in member_categories(m)},
		"rate": member_rate(m),
		"standard": lib.money(standard),
		"supplement": lib.money(member_supplement(m)),
	},
	"message": {
		"zh": sprintf("成员%s属%s，就高按%s计发：%s × %s = %s元/月", [
			m.id, concat("、", [_category_zh[c] | some c in member_categories(m)]),
			_pct(member_rate(m)), lib.fmt2(standard), _pct(member_rate(m)), lib.fmt2(member_supplement(m)),
		]),
		"en": sprintf("member %s (%s): highest rate %s, supplement %s × %s = %s a month", [
			m.id, concat(", ", member_categories(m)),
			_pct(member_rate(m)), lib.fmt2(standard), _pct(member_rate(m)), lib.fmt2(member_supplement(m)),
		]),
	},
}) if {
	eligible
	some m in members
	member_rate(m) > 0
}

# METADATA
# title: No classified supplement
# custom:
#   clause: 5
#   quote: 对低保家庭中的重度残疾人员、重病患者、老年人、在校学生、单亲家庭成员等特殊困难对象按当地低保标准的10%-30%增发补助金
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "not_met",
	"member_id": m.id,
	"facts": {"categories": []},
	"message": {
		"zh": sprintf("成员%s不属于分类施保对象", [m.id]),
		"en": sprintf("member %s is in no supplement category", [m.id]),
	},
}) if {
	eligible
	some m in members
	member_rate(m) == 0
}

# METADATA
# title: Single-person route — household group
# description: >-
#   The route is open to a household not eligible as a whole that is a 脱贫不稳定 / 边缘易致贫 household
#   or a low-income household (per-capita counted income strictly below 150 % of the standard).
# custom:
#   clause: 5
#   quote: 对整户不符合低保条件的脱贫不稳定人口、边缘易致贫人口以及人均收入在当地低保标准150%以内的低收入家庭
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": _met(_route_group_met),
	"facts": {
		"per_capita_income": lib.money(per_capita_income),
		"low_income_line": lib.money(_p.low_income_ratio * standard),
		"low_income": low_income,
		"edge_population": edge_population,
	},
	"message": _route_group_message,
}) if {
	not eligible
	not in_grace
	assets_test_met
	member_count > 0
}

default _route_group_met := false

_route_group_met if _route_group

_route_group_message := {
	"zh": sprintf("人均收入%s元低于低保标准的%s（%s元），或有脱贫不稳定、边缘易致贫成员：可参照“单人户”", [
		lib.fmt2(per_capita_income), _pct(_p.low_income_ratio), lib.fmt2(_p.low_income_ratio * standard),
	]),
	"en": sprintf("per-capita income %s vs %s of the standard (%s); edge / unstable member: %v — the single-person route is open", [
		lib.fmt2(per_capita_income), _pct(_p.low_income_ratio), lib.fmt2(_p.low_income_ratio * standard), edge_population,
	]),
} if _route_group

_route_group_message := {
	"zh": sprintf("人均收入%s元不低于低保标准的%s（%s元），且无脱贫不稳定、边缘易致贫成员：不适用“单人户”", [
		lib.fmt2(per_capita_income), _pct(_p.low_income_ratio), lib.fmt2(_p.low_income_ratio * standard),
	]),
	"en": sprintf("per-capita income %s is not below %s of the standard (%s) and no member is 脱贫不稳定 or 边缘易致贫: no single-person route", [
		lib.fmt2(per_capita_income), _pct(_p.low_income_ratio), lib.fmt2(_p.low_income_ratio * standard),
	]),
} if not _route_group

# METADATA
# title: Single-person route — member covered
# description: >-
#   standard − own counted income + highest supplement rate × standard, for a member covered alone.
# custom:
#   clause: 5
#   quote: 靠家庭供养且无法单独立户的重度残疾人和重病患者，参照“单人户”纳入低保保障
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "met",
	"member_id": id,
	"facts": _route_detail(id),
	"message": {
		"zh": sprintf("成员%s参照单人户纳入低保：（%s − %s）+ %s × %s = %s元/月", [
			id, lib.fmt2(standard), lib.fmt2(_route_detail(id).own_counted_income),
			lib.fmt2(standard), _pct(_route_detail(id).supplement_rate), lib.fmt2(a),
		]),
		"en": sprintf("member %s covered as a single-person household: (%s − %s) + %s × %s = %s a month", [
			id, lib.fmt2(standard), lib.fmt2(_route_detail(id).own_counted_income),
			lib.fmt2(standard), _pct(_route_detail(id).supplement_rate), lib.fmt2(a),
		]),
	},
}) if {
	some id, a in route_amounts
}

# METADATA
# title: Single-person route — member not covered
# description: The reason a member of a household open to the route is not covered alone.
# custom:
#   clause: 5
#   quote: 靠家庭供养且无法单独立户的重度残疾人和重病患者
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "not_met",
	"member_id": m.id,
	"facts": {
		"severely_disabled_or_seriously_ill": _route_need_b(m),
		"lives_on_family_support": object.get(m, "lives_on_family_support", false),
		"can_register_separately": object.get(m, "can_register_separately", false),
		"own_counted_income": lib.money(own_counted_income(m)),
		"standard": lib.money(standard),
	},
	"message": _route_reason(m),
}) if {
	route_applies
	some m in members
	not route_covered(m)
}

_route_need_b(m) if _route_need(m)

else := false

_route_reason(m) := {
	"zh": sprintf("成员%s既非重度残疾人也非重病患者", [m.id]),
	"en": sprintf("member %s is neither severely disabled nor seriously ill", [m.id]),
} if not _route_need(m)

else := {
	"zh": sprintf("成员%s不靠家庭供养或能够单独立户", [m.id]),
	"en": sprintf("member %s does not live on the family's support or can register a separate household", [m.id]),
} if {
	not _route_supported(m)
}

# METADATA
# title: Grace period (缓退)
# description: >-
#   A household receiving 低保 whose per-capita income is no longer below the standard because a member
#   found work or started a business keeps its current benefit for N months (a parameter by situation),
#   counting the month the income rose as month 1 and ending on the last day of month N.
# custom:
#   clause: 5
#   quote: 对低保家庭成员就业创业后家庭人均收入超过低保标准的，按规定分别给予3-12个月的缓退期
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": _met(in_grace),
	"facts": _grace_details.grace,
	"message": _grace_message,
}) if grace_candidate

_grace_message := {
	"zh": sprintf("因%s收入增加，缓退期%d个月（%s至%s），%s仍在缓退期内，保留现低保金%s元/月", [
		_cause_zh[_cause], grace_months[_cause], grace_start, grace_end, input.as_of, lib.fmt2(_current_amount),
	]),
	"en": sprintf("income rose through %s: grace period of %d months from %s to %s; %s is within it, current benefit %s kept", [
		_cause, grace_months[_cause], grace_start, grace_end, input.as_of, lib.fmt2(_current_amount),
	]),
} if in_grace

_grace_message := {
	"zh": sprintf("因%s收入增加，缓退期%d个月已于%s届满，退出低保", [_cause_zh[_cause], grace_months[_cause], grace_end]),
	"en": sprintf("income rose through %s: the grace period of %d months ended on %s; the benefit ends", [
		_cause, grace_months[_cause], grace_end,
	]),
} if not in_grace

_cause_zh := {"employment": "就业", "business": "创业"}

# METADATA
# title: No grace period
# description: >-
#   A rise in income not caused by a member finding work or starting a business (or with no month
#   given) ends the benefit without a grace period.
# custom:
#   clause: 5
#   quote: 实行低保缓退
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "not_met",
	"facts": {
		"income_rise_cause": object.get(object.get(_household, "current_benefits", {}), "income_rise_cause", null),
		"per_capita_income": lib.money(per_capita_income),
		"standard": lib.money(standard),
	},
	"message": _no_grace_message,
}) if {
	receiving
	not income_test_met
	not grace_candidate
}

_no_grace_message := {
	"zh": sprintf("人均收入%s元不低于低保标准%s元，收入增加原因（%v）不是成员就业或创业，不适用缓退，退出低保", [
		lib.fmt2(per_capita_income), lib.fmt2(standard), _cause_text,
	]),
	"en": sprintf("per-capita income %s is not below the standard %s and the rise (cause: %v) is not from a member's work or business: no grace period, the benefit ends", [
		lib.fmt2(per_capita_income), lib.fmt2(standard), _cause_text,
	]),
} if not _grace_cause

_no_grace_message := {
	"zh": sprintf("人均收入%s元不低于低保标准%s元，因%s收入增加但未提供收入增加月份，无法计算缓退期，退出低保", [
		lib.fmt2(per_capita_income), lib.fmt2(standard), _cause_zh[_cause],
	]),
	"en": sprintf("per-capita income %s is not below the standard %s; the rise came through %s but no income_rise_month is given, so no grace period can run: the benefit ends", [
		lib.fmt2(per_capita_income), lib.fmt2(standard), _cause,
	]),
} if _grace_cause

# _grace_cause: the rise came from a member's work or business (a helper, so "not" works when no cause is given).
_grace_cause if grace_months[_cause]

default _cause_text := "not stated"

_cause_text := _cause if is_string(_cause)

# METADATA
# title: Dynamic management
# description: >-
#   The change from the household's current 低保: enter, keep, change (with the difference), grace or
#   exit; "none" when not receiving and still not covered.
# custom:
#   clause: 5
#   quote: 低保对象按月实施动态进退，确保应保尽保、应退则退
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "info",
	"facts": _management_details,
	"message": {
		"zh": sprintf("动态管理：%s（现%s元/月，新%s元/月，差额%s元）", [
			_management_zh[management], lib.fmt2(_current_amount), lib.fmt2(amount), lib.fmt2(amount - _current_amount),
		]),
		"en": sprintf("dynamic management: %s (current %s, new %s, difference %s)", [
			management, lib.fmt2(_current_amount), lib.fmt2(amount), lib.fmt2(amount - _current_amount),
		]),
	},
}) if _has_current

_management_zh := {
	"enter": "纳入",
	"keep": "维持",
	"change": "调整",
	"grace": "缓退",
	"exit": "退出",
	"none": "不纳入",
}

# METADATA
# title: Price subsidy
# description: >-
#   When the month's CPI rise reaches its trigger (or, failing that, the food-CPI rise reaches its
#   trigger), each covered person gets standard × that rise for the month — the CPI rise when the CPI
#   triggers, else the food-CPI rise. A one-off monthly temporary subsidy: reported in
#   details.price_subsidy, not added to monthly_amount.
# custom:
#   clause: 5
#   quote: 按规定核算保障对象价格临时补贴标准并及时发放
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": _met(count(covered_member_ids) > 0),
	"facts": price_subsidy,
	"message": {
		"zh": sprintf("%s价格临时补贴：%s × %s = %s元/人，%d人，共%s元", [
			price_subsidy.month, lib.fmt2(standard), _pct(price_rise), lib.fmt2(price_subsidy.per_person),
			price_subsidy.persons, lib.fmt2(price_subsidy.total),
		]),
		"en": sprintf("price subsidy for %s (%s): %s × %s = %s a person, %d persons, %s in all", [
			price_subsidy.month, price_index_used, lib.fmt2(standard), _pct(price_rise),
			lib.fmt2(price_subsidy.per_person), price_subsidy.persons, lib.fmt2(price_subsidy.total),
		]),
	},
}) if price_triggered

# METADATA
# title: Price subsidy not triggered
# custom:
#   clause: 5
#   quote: 做好社会救助和保障标准与物价上涨挂钩联动工作
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "not_met",
	"facts": price_subsidy,
	"message": {
		"zh": sprintf("%sCPI涨幅%s低于%s、食品价格涨幅%s低于%s，未启动价格临时补贴", [
			_price.month, _pct(_price.cpi_rise), _pct(_p.price_trigger_cpi),
			_pct(_price.food_cpi_rise), _pct(_p.price_trigger_food_cpi),
		]),
		"en": sprintf("%s: CPI rise %s is below %s and food CPI rise %s is below %s; no price subsidy", [
			_price.month, _pct(_price.cpi_rise), _pct(_p.price_trigger_cpi),
			_pct(_price.food_cpi_rise), _pct(_p.price_trigger_food_cpi),
		]),
	},
}) if {
	_price_given
	not price_triggered
}

# METADATA
# title: Price subsidy not assessed
# custom:
#   clause: 5
#   quote: 做好社会救助和保障标准与物价上涨挂钩联动工作
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "info",
	"facts": {"price_index": null},
	"message": {"zh": "未提供当月价格指数，未核算价格临时补贴", "en": "no price index given: price subsidy not assessed"},
}) if not _price_given
