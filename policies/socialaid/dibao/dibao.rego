# METADATA
# title: Clause 5 — minimum living guarantee (低保)
# description: >-
#   5.完善最低生活保障制度. Counted income (income minus capped rigid expenditure) per head is tested
#   against the provincial standard for the household's area in force on the decision date; the basic
#   benefit is the gap times the members, plus classified supplements (分类施保). Households that are
#   not eligible as a whole may still have severely disabled or seriously ill members covered alone
#   (参照“单人户”); households already receiving keep their benefit for a grace period after a member
#   finds work or starts a business (缓退). The decision reports the change from the current benefit
#   and the month's price subsidy.
# schemas:
#   - input: schema["household.schema"]
package socialaid.dibao

import data.socialaid.lib
import data.socialaid.params
import data.socialaid.status

_household := input.household

_p := params.value.dibao

# --- members (特困 members are supported under clause 6, not paid 低保) ---

default _tekun_ids := set()

_tekun_ids := ids if {
	ids := data.socialaid.tekun.supported_member_ids
}

# members are the household members assessed for 低保: everyone living together except those
# supported as 特困 (clause 6), who are not also paid 低保.
members := [m | some m in _household.members; not m.id in _tekun_ids]

_member_ids := {m.id | some m in members}

tekun_excluded_ids := sort([m.id | some m in _household.members; m.id in _tekun_ids])

member_count := count(members)

# --- standard ---

# METADATA
# title: 低保 standard (urban, monthly)
# description: The urban standard is published per month.
# custom:
#   clause: 5
#   quote: 执行省级统一规定的最低生活保障标准
standard := params.value.dibao.standard_urban if _household.area == "urban"

# METADATA
# title: 低保 standard (rural, annual / 12)
# description: The rural standard is published per year; the monthly standard is a twelfth of it.
# custom:
#   clause: 5
#   quote: 执行省级统一规定的最低生活保障标准
standard := params.value.dibao.standard_rural_annual / 12 if _household.area == "rural"

# --- counted income ---

_rigid := object.get(_household, "rigid_expenditures", [])

_income(m) := object.get(m, "monthly_income", 0)

# deduction is one rigid expenditure as deducted: never more than its verifiable maximum.
deduction(e) := min([e.monthly_amount, e.verified_cap])

member_deductions(id) := sum([deduction(e) | some e in _rigid; e.member_id == id])

gross_income := sum([_income(m) | some m in members])

deductions := sum([deduction(e) | some e in _rigid; e.member_id in _member_ids])

# counted_income is the household's monthly income as counted for 低保: income minus the capped
# deductions, never below zero.
counted_income := max([0, gross_income - deductions])

# own_counted_income is one member's income minus that member's capped deductions, not below zero.
own_counted_income(m) := max([0, _income(m) - member_deductions(m.id)])

default per_capita_income := 0

per_capita_income := counted_income / member_count if member_count > 0

default income_test_met := false

income_test_met if {
	member_count > 0
	per_capita_income < standard
}

default assets_test_met := false

assets_test_met if _household.assets_test_met == true

default eligible := false

eligible if {
	income_test_met
	assets_test_met
}

default basic_benefit := 0

# METADATA
# title: Basic benefit
# description: (standard − per-capita income) × members, per month.
# custom:
#   clause: 5
#   quote: 低保金核算根据家庭共同生活成员人均收入与当地低保标准实际差额确定基本保障金
basic_benefit := (standard - per_capita_income) * member_count if eligible

# --- classified supplements (分类施保) ---

_categories := ["severe_disability", "serious_illness", "elderly", "student", "single_parent"]

_category_zh := {
	"severe_disability": "重度残疾人员",
	"serious_illness": "重病患者",
	"elderly": "老年人",
	"student": "在校学生",
	"single_parent": "单亲家庭成员",
}

# severely_disabled: grade 1–2 of any type, or grade 3 intellectual or mental — one definition for every
# program, in socialaid.status (grades are parameters there).
severely_disabled(m) if status.severely_disabled(m)

_in_category("severe_disability", m) if severely_disabled(m)

_in_category("serious_illness", m) if m.serious_illness == true

_in_category("elderly", m) if status.elderly(m)

_in_category("student", m) if m.education.enrolled == true

_in_category("single_parent", _) if _household.single_parent_family == true

member_categories(m) := [c | some c in _categories; _in_category(c, m)]

rate(category) := _p[sprintf("supplement_rate_%s", [category])]

# member_rate is the highest single rate of the member's categories (就高不就低、不累加), 0 when none.
member_rate(m) := max([rate(c) | some c in member_categories(m)]) if count(member_categories(m)) > 0

else := 0

member_supplement(m) := member_rate(m) * standard

# METADATA
# title: Classified supplements
# description: >-
#   For each member of an eligible household in one or more categories: the highest single rate ×
#   the standard, never a sum of rates. Supplements add up across members.
# custom:
#   clause: 5
#   quote: 符合多重困难身份的对象核算增发补助金实行“就高不就低、不累加”的原则
supplements[m.id] := member_supplement(m) if {
	eligible
	some m in members
	member_rate(m) > 0
}

supplement_total := sum([s | some s in supplements])

# --- single-person route (参照“单人户”) ---

default low_income := false

# low_income: per-capita counted income strictly below low_income_ratio × standard (150 %).
low_income if {
	member_count > 0
	per_capita_income < _p.low_income_ratio * standard
}

default edge_population := false

edge_population if {
	some m in members
	m.poverty_status in {"tuopin_unstable", "edge_at_risk"}
}

default route_applies := false

# route_applies: the household as a whole is not eligible (整户不符合低保条件), is not in a grace period,
# and is an edge / unstable household or a low-income household. READING.md names no asset condition
# for the route, so none is added here.
route_applies if {
	not eligible
	not in_grace
	member_count > 0
	_route_group
}

_route_group if edge_population

_route_group if low_income

_route_need(m) if severely_disabled(m)

_route_need(m) if m.serious_illness == true

_route_supported(m) if {
	m.lives_on_family_support == true
	not m.can_register_separately == true
}

route_covered(m) if {
	route_applies
	_route_need(m)
	_route_supported(m)
}

# route_basic: standard − the member's own counted income, not below zero (READING.md, clause 5).
route_basic(m) := max([0, standard - own_counted_income(m)])

# METADATA
# title: Single-person household route
# description: >-
#   A severely disabled or seriously ill member who lives on the family's support and cannot register
#   a separate household is covered alone: standard − own counted income (not below zero), plus the
#   member's classified supplement (highest applicable rate × standard).
# custom:
#   clause: 5
#   quote: 靠家庭供养且无法单独立户的重度残疾人和重病患者，参照“单人户”纳入低保保障
route_amounts[m.id] := route_basic(m) + member_supplement(m) if {
	some m in members
	route_covered(m)
}

# --- grace period (缓退) ---

_current := _household.current_benefits.dibao

default receiving := false

receiving if _current.receiving == true

_has_current if is_object(_current)

_current_amount := object.get(_current, "monthly_amount", 0)

# The cause and month of the rise in income: as the request states them (current_benefits.
# income_rise_cause / income_rise_month); otherwise read from the members — the latest job start
# (employed: "employment") or business start (business_start_date, or a self-employed member's job
# start: "business") on or before the decision date and, when the benefit's start is given, after it.
_stated_cause := _household.current_benefits.income_rise_cause

_stated_month := _household.current_benefits.income_rise_month

_starts contains {"date": d, "cause": "employment"} if {
	some m in members
	m.employment.status == "employed"
	d := m.employment.job_start_date
	_since_receiving(d)
}

_starts contains {"date": d, "cause": "business"} if {
	some m in members
	d := m.employment.business_start_date
	_since_receiving(d)
}

_starts contains {"date": d, "cause": "business"} if {
	some m in members
	m.employment.status == "self_employed"
	d := m.employment.job_start_date
	_since_receiving(d)
}

# (A helper rule, since `not is_string(x)` is undefined, not true, when x is undefined.)
_since_given if is_string(_current.since)

_since_receiving(d) if {
	d <= input.as_of
	not _since_given
}

_since_receiving(d) if {
	d <= input.as_of
	d >= _current.since
}

# The latest start; on the same day, "business" sorts before "employment" and is taken.
_latest_start := [s | some s in _starts; s.date == max({x.date | some x in _starts})][0]

_cause := _stated_cause if is_string(_stated_cause)

else := _latest_start.cause

rise_month := _stated_month if is_string(_stated_month)

else := _latest_start.date

grace_months := {"employment": _p.grace_months_employment, "business": _p.grace_months_business}

default grace_candidate := false

# grace_candidate: receiving, per-capita income no longer below the standard, and the rise came from
# a member finding work or starting a business.
grace_candidate if {
	receiving
	not income_test_met
	grace_months[_cause]
	is_string(rise_month)
}

grace_start := concat("", [substring(rise_month, 0, 7), "-01"]) if grace_candidate

# METADATA
# title: Grace period end
# description: >-
#   The grace period runs N months counting the month the income rose as month 1, and ends on the last
#   day of month N: a rise in 2024-05 with N = 6 covers May–October and ends on 2024-10-31.
# custom:
#   clause: 5
#   quote: 按规定分别给予3-12个月的缓退期
grace_end := end if {
	start_ns := time.parse_ns("2006-01-02", grace_start)
	end := time.format([time.add_date(start_ns, 0, grace_months[_cause], -1), "UTC", "2006-01-02"])
}

default in_grace := false

in_grace if {
	grace_candidate
	input.as_of <= grace_end
}

# --- the program ---

default basis := "none"

basis := "household" if eligible

basis := "grace" if in_grace

basis := "single_person" if count(route_amounts) > 0

default amount := 0

amount := basic_benefit + supplement_total if basis == "household"

amount := _current_amount if basis == "grace"

amount := sum([a | some a in route_amounts]) if basis == "single_person"

monthly_amount := lib.money(amount)

default covered_member_ids := []

covered_member_ids := sort([m.id | some m in members]) if basis == "household"

covered_member_ids := sort([id | some id in _current.member_ids]) if {
	basis == "grace"
	count(object.get(_current, "member_ids", [])) > 0
}

covered_member_ids := sort([m.id | some m in members]) if {
	basis == "grace"
	count(object.get(_current, "member_ids", [])) == 0
}

covered_member_ids := sort(object.keys(route_amounts)) if basis == "single_person"

programs["dibao"] := lib.program("dibao", basis != "none", monthly_amount, covered_member_ids, details)

details := object.union_n([_base_details, _grace_details, _management_details, {"price_subsidy": price_subsidy}])

_base_details := {
	"basis": basis,
	"standard": lib.money(standard),
	"gross_income": lib.money(gross_income),
	"deductions": lib.money(deductions),
	"counted_income": lib.money(counted_income),
	"per_capita_income": lib.money(per_capita_income),
	"members": member_count,
	"tekun_excluded_member_ids": tekun_excluded_ids,
	"basic_benefit": lib.money(basic_benefit),
	"supplements": {id: lib.money(s) | some id, s in supplements},
	"supplement_total": lib.money(supplement_total),
	"single_person": {id: _route_detail(id) | some id, _ in route_amounts},
}

_route_detail(id) := {
	"own_counted_income": lib.money(own_counted_income(m)),
	"basic": lib.money(route_basic(m)),
	"supplement_rate": member_rate(m),
	"supplement": lib.money(member_supplement(m)),
	"amount": lib.money(route_amounts[id]),
} if {
	some m in members
	m.id == id
}

default _grace_details := {}

_grace_details := {"grace": {
	"cause": _cause,
	"months": grace_months[_cause],
	"start": grace_start,
	"end": grace_end,
	"within": in_grace,
}} if grace_candidate

default _management_details := {}

_management_details := {
	"management": management,
	"current_amount": lib.money(_current_amount),
	"amount_change": lib.money(amount - _current_amount),
} if _has_current

# management: the change from the household's current 低保.
management := "enter" if {
	_has_current
	not receiving
	basis != "none"
}

management := "none" if {
	_has_current
	not receiving
	basis == "none"
}

management := "keep" if {
	receiving
	basis in {"household", "single_person"}
	lib.money(amount) == lib.money(_current_amount)
}

management := "change" if {
	receiving
	basis in {"household", "single_person"}
	lib.money(amount) != lib.money(_current_amount)
}

management := "grace" if {
	receiving
	basis == "grace"
}

management := "exit" if {
	receiving
	basis == "none"
}

# --- price subsidy ---

_price := input.price_index

# _price_given: a helper, so that "not _price_given" holds when the request has no price_index.
_price_given if is_object(_price)

price_triggered_cpi if _price.cpi_rise >= _p.price_trigger_cpi

price_triggered_food if _price.food_cpi_rise >= _p.price_trigger_food_cpi

default price_triggered := false

price_triggered if price_triggered_cpi

price_triggered if price_triggered_food

# price_rise: the CPI rise when the CPI triggers (the headline index of the national mechanism),
# otherwise the food-CPI rise. Each person is paid standard × rise rounded to the fen (the amount a
# person actually receives); the total is that paid amount times the covered persons.
price_index_used := "cpi" if price_triggered_cpi

else := "food_cpi" if price_triggered_food

price_rise := _price.cpi_rise if price_triggered_cpi

else := _price.food_cpi_rise if price_triggered_food

default price_subsidy := {"assessed": false}

price_subsidy := {
	"assessed": true,
	"month": _price.month,
	"cpi_rise": _price.cpi_rise,
	"food_cpi_rise": _price.food_cpi_rise,
	"triggered": false,
	"persons": count(covered_member_ids),
	"per_person": 0,
	"total": 0,
} if {
	_price_given
	not price_triggered
}

price_subsidy := {
	"assessed": true,
	"month": _price.month,
	"cpi_rise": _price.cpi_rise,
	"food_cpi_rise": _price.food_cpi_rise,
	"triggered": true,
	"index": price_index_used,
	"rise": price_rise,
	"persons": count(covered_member_ids),
	"per_person": lib.money(standard * price_rise),
	"total": lib.money(lib.money(standard * price_rise) * count(covered_member_ids)),
} if price_triggered
