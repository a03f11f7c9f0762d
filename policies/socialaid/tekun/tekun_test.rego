package socialaid.tekun_test

import data.socialaid.tekun

# On 2025-01-01: urban 低保 standard 808 (from 2024-04-01), rural 6852 / 12 = 571,
# minimum wage 1890 (from 2023-02-01). Basic living standard = 1.3 × 808 = 1050.40.
# Care: fully lost 1.0 × 1890 = 1890; partly lost 0.6 × 1890 = 1134; able + centralized 0.2 × 1890 = 378.

_req_on(as_of, area, members) := {
	"as_of": as_of,
	"household": {"area": area, "assets_test_met": true, "members": members},
}

_req(members) := _req_on("2025-01-01", "urban", members)

# A base member who is identified: aged 74, no income, no legal supporter, able to care for oneself.
_m(overrides) := object.union(
	{
		"id": "m1", "birth_date": "1950-06-15", "monthly_income": 0, "self_care": {"ability": "able"},
		"legal_supporters": [],
	},
	overrides,
)

_one(overrides) := _req([_m(overrides)])

_identified(req) if "m1" in tekun.supported_member_ids with input as req

_amount(req) := x if {
	x := tekun.programs.tekun.monthly_amount with input as req
}

_finding(req, rule) := f if {
	some f in tekun.findings with input as req
	f.rule == rule
}

_managed(k, not_managed) := false if k in not_managed

else := true

_activities(not_managed) := {k: _managed(k, not_managed) | some k in [
	"eating", "dressing", "getting_in_out_of_bed", "toileting", "walking_indoors", "bathing",
]}

# ---- condition 1: age ------------------------------------------------------------------------------

# Born 1965-01-02: the day before the 60th birthday on 2025-01-01 → 59 → has capacity to work.
test_clause6_age_59_day_before_60th_birthday_not_identified if {
	req := _one({"birth_date": "1965-01-02"})
	not _identified(req)
	f := _finding(req, "特困 condition 1 — no capacity to work")
	f.outcome == "not_met"
	f.facts.age == 59
	f.message.en == "m1 has capacity to work: aged 59, neither 60 or over nor under 18, and no qualifying disability"
	tekun.programs.tekun.eligible == false with input as req
	_amount(req) == 0
}

# Born 1965-01-01: 60 on the birthday itself → no capacity to work; able + dispersed → 1050.40.
test_clause6_age_60_on_birthday_identified if {
	req := _one({"birth_date": "1965-01-01"})
	_identified(req)
	f := _finding(req, "特困 condition 1 — no capacity to work")
	f.outcome == "met"
	f.message.en == "m1 has no capacity to work: aged 60 (60 or over)"
	_amount(req) == 1050.40
}

# Born 2007-01-02: 17 the day before the 18th birthday → a minor under clause 6's 18.
test_clause6_age_17_day_before_18th_birthday_identified if {
	req := _one({"birth_date": "2007-01-02"})
	_identified(req)
	f := _finding(req, "特困 condition 1 — no capacity to work")
	f.message.en == "m1 has no capacity to work: aged 17 (under 18)"
}

# Born 2007-01-01: 18 on 2025-01-01 → no longer a minor.
test_clause6_age_18_on_birthday_not_identified if {
	req := _one({"birth_date": "2007-01-01"})
	not _identified(req)
	f := _finding(req, "Identified as 特困")
	f.outcome == "not_met"
	f.facts.conditions_not_met == ["no_work_capacity"]
}

# 16 and 17 year olds are covered since clause 6 raised the national 16 to 18.
test_clause6_age_16_identified if {
	_identified(_one({"birth_date": "2008-06-01"}))
}

# ---- condition 1: disability (aged 45, born 1980-01-01) ---------------------------------------------

_qualifying := [
	["intellectual", 1], ["intellectual", 2], ["intellectual", 3],
	["mental", 1], ["mental", 2], ["mental", 3],
	["physical", 1], ["physical", 2],
	["visual", 1],
]

_not_qualifying := [
	["intellectual", 4], ["mental", 4], ["physical", 3], ["physical", 4], ["visual", 2],
	["hearing", 1], ["speech", 1], ["multiple", 1],
]

_disabled(type, grade) := _one({"birth_date": "1980-01-01", "disability": {"type": type, "grade": grade}})

test_clause6_disability_qualifying_grades if {
	every d in _qualifying {
		_identified(_disabled(d[0], d[1]))
	}
}

test_clause6_disability_not_qualifying_grades if {
	every d in _not_qualifying {
		not _identified(_disabled(d[0], d[1]))
	}
}

test_clause6_disability_message if {
	f := _finding(_disabled("physical", 2), "特困 condition 1 — no capacity to work")
	f.message.en == "m1 has no capacity to work: grade 2 physical disability"
	f.message.zh == "m1无劳动能力：肢体残疾2级"
	f.facts.disability == {"grade": 2, "type": "physical"}
}

# ---- condition 2: no means of living ----------------------------------------------------------------

# Urban standard 808: 807.99 is below, 808 is not.
test_clause6_income_just_below_urban_standard_identified if {
	_identified(_one({"monthly_income": 807.99}))
}

test_clause6_income_at_urban_standard_not_identified if {
	req := _one({"monthly_income": 808})
	not _identified(req)
	f := _finding(req, "特困 condition 2 — no means of living")
	f.outcome == "not_met"
	f.message.en == concat("", [
		"m1's own monthly income 808.00 is not below the urban 低保 standard 808.00; ",
		"the caller asserts the asset test is met",
	])
}

# Rural standard 6852 / 12 = 571: 570.99 is below, 571 is not.
test_clause6_income_rural_standard_boundary if {
	_identified(_req_on("2025-01-01", "rural", [_m({"monthly_income": 570.99})]))
	not _identified(_req_on("2025-01-01", "rural", [_m({"monthly_income": 571})]))
}

test_clause6_assets_not_met_not_identified if {
	req := {"as_of": "2025-01-01", "household": {"area": "urban", "assets_test_met": false, "members": [_m({})]}}
	not _identified(req)
	f := _finding(req, "特困 condition 2 — no means of living")
	f.outcome == "not_met"
	f.facts.assets_test_met == false
}

# ---- condition 3: legal supporters ------------------------------------------------------------------

_with_supporter(s) := _one({"legal_supporters": [s]})

test_clause6_no_supporter if {
	f := _finding(_one({}), "特困 condition 3 — no legal supporter able to support")
	f.outcome == "met"
	f.message.en == "m1 has no legal supporter"
}

test_clause6_supporter_tekun_unable if {
	_identified(_with_supporter({"name": "A", "is_tekun": true}))
}

# A 低保 recipient aged 60 (born 1965-01-01) is unable; aged 59 (born 1965-01-02) is able.
test_clause6_supporter_dibao_aged_60_unable if {
	req := _with_supporter({"name": "A", "receives_dibao": true, "birth_date": "1965-01-01"})
	_identified(req)
	f := _finding(req, "特困 condition 3 — no legal supporter able to support")
	f.message.en == "every legal supporter of m1 is unable to support: A (a 低保 recipient aged 60)"
}

test_clause6_supporter_dibao_aged_59_able if {
	req := _with_supporter({"name": "A", "receives_dibao": true, "birth_date": "1965-01-02"})
	not _identified(req)
	f := _finding(req, "特困 condition 3 — no legal supporter able to support")
	f.outcome == "not_met"
	f.message.en == "m1 has a legal supporter able to support: A"
}

test_clause6_supporter_dibao_without_birth_date_able if {
	not _identified(_with_supporter({"receives_dibao": true}))
}

# Aged 70 (born 1955-01-01) with low income is unable; aged 69 (born 1955-01-02) or without low income is able.
test_clause6_supporter_aged_70_low_income_unable if {
	_identified(_with_supporter({"low_income": true, "birth_date": "1955-01-01"}))
}

test_clause6_supporter_aged_69_low_income_able if {
	not _identified(_with_supporter({"low_income": true, "birth_date": "1955-01-02"}))
}

test_clause6_supporter_aged_70_not_low_income_able if {
	not _identified(_with_supporter({"birth_date": "1955-01-01"}))
}

test_clause6_supporter_severely_disabled_low_income_unable if {
	_identified(_with_supporter({"severely_disabled": true, "low_income": true}))
}

test_clause6_supporter_severely_disabled_not_low_income_able if {
	not _identified(_with_supporter({"severely_disabled": true}))
}

test_clause6_supporter_incapacitated_missing_imprisoned_unable if {
	_identified(_with_supporter({"legally_incapacitated": true}))
	_identified(_with_supporter({"missing": true}))
	_identified(_with_supporter({"imprisoned": true}))
}

# Two supporters: one imprisoned, one able (labelled by relationship, then position) → not identified.
test_clause6_one_able_supporter_among_several if {
	req := _one({"legal_supporters": [{"relationship": "son", "imprisoned": true}, {}]})
	not _identified(req)
	f := _finding(req, "特困 condition 3 — no legal supporter able to support")
	f.message.en == "m1 has a legal supporter able to support: #2"
	f.facts.legal_supporters == [
		{"supporter": "son", "unable": ["imprisoned"]},
		{"supporter": "#2", "unable": []},
	]
}

test_clause6_all_supporters_unable_message if {
	req := _one({"legal_supporters": [
		{"name": "A", "is_tekun": true},
		{"name": "B", "severely_disabled": true, "low_income": true, "missing": true},
	]})
	f := _finding(req, "特困 condition 3 — no legal supporter able to support")
	f.message.en == concat("", [
		"every legal supporter of m1 is unable to support: A (is 特困); ",
		"B (severely disabled with low income, declared missing)",
	])
}

# ---- care standard by self-care ability -------------------------------------------------------------

# 0 activities not managed → able; dispersed → care 0; 1050.40 + 0 = 1050.40.
test_clause6_self_care_0_not_managed_able if {
	req := _one({"self_care": {"daily_activities": _activities([])}})
	_amount(req) == 1050.40
	tekun.programs.tekun.details.members.m1.ability == "able" with input as req
	f := _finding(req, "特困 care standard — able to care for oneself, dispersed support")
	f.outcome == "info"
	f.facts.care_standard == 0
}

# 1 not managed → partly lost: 1050.40 + 0.6 × 1890 = 1050.40 + 1134 = 2184.40.
test_clause6_self_care_1_not_managed_partly_lost if {
	req := _one({"self_care": {"daily_activities": _activities(["bathing"])}})
	_amount(req) == 2184.40
	f := _finding(req, "特困 care standard — self-care partly lost")
	f.facts.care_standard == 1134
	f.message.en == concat("", [
		"m1: self-care partly lost (1 of the six daily activities not managed), dispersed support: ",
		"care standard = 60% × 1890.00 = 1134.00; basic 1050.40 + care 1134.00 = 2184.40 a month",
	])
}

# 3 not managed → still partly lost: 2184.40.
test_clause6_self_care_3_not_managed_partly_lost if {
	req := _one({"self_care": {"daily_activities": _activities(["bathing", "dressing", "toileting"])}})
	_amount(req) == 2184.40
}

# 4 not managed → fully lost: 1050.40 + 1890 = 2940.40.
test_clause6_self_care_4_not_managed_fully_lost if {
	req := _one({"self_care": {"daily_activities": _activities(["bathing", "dressing", "toileting", "eating"])}})
	_amount(req) == 2940.40
	f := _finding(req, "特困 care standard — self-care fully lost")
	f.facts.care_rate == 1
}

# 6 not managed → fully lost: 2940.40.
test_clause6_self_care_6_not_managed_fully_lost if {
	req := _one({"self_care": {"daily_activities": _activities([
		"eating", "dressing", "getting_in_out_of_bed", "toileting", "walking_indoors", "bathing",
	])}})
	_amount(req) == 2940.40
}

# The assessed ability is used when the six activities are not given; the activities win when both are.
test_clause6_self_care_assessed_ability if {
	_amount(_one({"self_care": {"ability": "fully_lost"}})) == 2940.40
	_amount(_one({"self_care": {"ability": "partly_lost"}})) == 2184.40
	_amount(_one({"self_care": {"ability": "fully_lost", "daily_activities": _activities([])}})) == 1050.40
}

# Neither given → the care standard cannot be decided; basic only (1050.40) and a not_met finding.
test_clause6_self_care_missing if {
	req := _one({"self_care": null})
	_amount(req) == 1050.40
	tekun.programs.tekun.details.members.m1.care == null with input as req
	tekun.programs.tekun.details.members.m1.ability == null with input as req
	f := _finding(req, "特困 care standard cannot be decided")
	f.outcome == "not_met"
}

test_clause6_self_care_absent if {
	req := _req([{"id": "m1", "birth_date": "1950-06-15", "legal_supporters": []}])
	_finding(req, "特困 care standard cannot be decided")
}

# Able + centralized → 20 %: 1050.40 + 0.2 × 1890 = 1050.40 + 378 = 1428.40; no visiting service.
test_clause6_able_centralized if {
	req := _one({"tekun_arrangement": {"centralized": true}})
	_amount(req) == 1428.40
	tekun.programs.tekun.details.members.m1.services == [] with input as req
	not _finding(req, "Dispersed 特困 support — assigned care and regular visits")
	f := _finding(req, "特困 care standard — able to care for oneself, centralized support")
	f.facts.care_standard == 378
}

# Able + dispersed → no care standard, but assigned care and regular visits.
test_clause6_able_dispersed_services if {
	req := _one({"tekun_arrangement": {"centralized": false}})
	_amount(req) == 1050.40
	tekun.programs.tekun.details.members.m1.services == ["assigned_care", "regular_visits"] with input as req
	f := _finding(req, "Dispersed 特困 support — assigned care and regular visits")
	f.outcome == "info"
}

# Partly lost is 60 % whether centralized or not: 2184.40.
test_clause6_partly_lost_centralized_same_rate if {
	_amount(_one({"tekun_arrangement": {"centralized": true}, "self_care": {"ability": "partly_lost"}})) == 2184.40
}

# ---- standards by area and date ---------------------------------------------------------------------

# Rural residents get 1.3 × the URBAN standard: 1.3 × 808 = 1050.40 (not 1.3 × 571 = 742.30).
test_clause6_rural_uses_urban_standard if {
	req := _req_on("2025-01-01", "rural", [_m({})])
	_amount(req) == 1050.40
	tekun.programs.tekun.details.basic_living_standard == 1050.40 with input as req
	f := _finding(req, "特困 basic living standard")
	f.message.en == concat("", [
		"特困 basic living standard = urban 低保 standard 808.00 × 1.3 = 1050.40 a month ",
		"(urban and rural alike)",
	])
}

# On 2023-01-31: urban 705, minimum wage 1790: fully lost 1.3 × 705 + 1790 = 916.50 + 1790 = 2706.50.
test_clause6_standards_before_2023_wage_change if {
	_amount(_req_on("2023-01-31", "urban", [_m({"self_care": {"ability": "fully_lost"}})])) == 2706.50
}

# On 2023-02-01 the wage is 1890: 916.50 + 1890 = 2806.50.
test_clause6_standards_on_2023_wage_change if {
	_amount(_req_on("2023-02-01", "urban", [_m({"self_care": {"ability": "fully_lost"}})])) == 2806.50
}

# Override: ratio 1.5 → 1.5 × 808 = 1212.
test_clause6_parameter_override if {
	req := object.union(_one({}), {"parameter_overrides": {"tekun": {"basic_living_ratio": 1.5}}})
	_amount(req) == 1212
}

# ---- household ----------------------------------------------------------------------------------------

# m1 fully lost (2940.40) + m3 aged 10 partly lost (2184.40) = 5124.80; m2 aged 45 working is not covered.
test_clause6_household_sum_and_coverage if {
	req := _req([
		_m({"self_care": {"ability": "fully_lost"}}),
		{"id": "m2", "birth_date": "1980-01-01", "monthly_income": 3000},
		_m({"id": "m3", "birth_date": "2014-05-05", "self_care": {"ability": "partly_lost"}}),
	])
	_amount(req) == 5124.80
	tekun.programs.tekun.covered_member_ids == ["m1", "m3"] with input as req
	tekun.supported_member_ids == {"m1", "m3"} with input as req
	some f in tekun.findings with input as req
	f.rule == "特困 monthly support"
	f.message.en == "特困 support totals 5124.80 yuan a month (m1: 2940.40 + m3: 2184.40)"
	some c in tekun.findings with input as req
	c.rule == "特困 and 低保 coverage"
	c.member_id == "m3"
	some n in tekun.findings with input as req
	n.rule == "Identified as 特困"
	n.member_id == "m2"

	# m2 states no supporters at all, so condition 3 is not established either.
	n.message.en == "m2 is not identified as 特困: not met: no capacity to work, no means of living, no legal supporter able to support"
}

# Born 1950-01-01: 75 on 2025-01-01, low income, and legally incapacitated and imprisoned: every reason is listed.
test_clause6_supporter_reasons_listed if {
	req := _with_supporter({
		"name": "C", "birth_date": "1950-01-01", "low_income": true,
		"legally_incapacitated": true, "imprisoned": true,
	})
	f := _finding(req, "特困 condition 3 — no legal supporter able to support")
	f.message.en == concat("", [
		"every legal supporter of m1 is unable to support: ",
		"C (aged 75 with low income, legally incapacitated, imprisoned)",
	])
	f.facts.legal_supporters == [{
		"supporter": "C",
		"unable": ["elderly_low_income", "legally_incapacitated", "imprisoned"],
	}]
}

# An absent legal_supporters list is "not stated", not "none": condition 3 is not met and says why.
test_clause6_supporters_not_stated_is_not_none if {
	req := _req([object.remove(_m({}), ["legal_supporters"])])
	not _identified(req)
	f := _finding(req, "特困 condition 3 — no legal supporter able to support")
	f.outcome == "not_met"
	f.message.en == "the request does not state m1's legal supporters (legal_supporters): not established"
}
