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
		"legal_supporters": [], "tekun_arrangement": {"centralized": false},
	},
	overrides,
)

_one(overrides) := _req([_m(overrides)])

_identified(req) if "m1" in tekun.supported_member_ids with input as req

_program(req) := p if {
	p := object.union(tekun.programs.tekun, {"details": tekun.program_details.tekun}) with input as req
}

_amount(req) := _program(req).monthly_amount

_finding(req, rule) := f if {
	some f in tekun.findings with input as req
	f.rule == rule
}

_missing(req) := m if {
	m := tekun.missing_facts with input as req
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
	f := _finding(req, "tekun.no_work_capacity")
	f.outcome == "not_met"
	f.basis == "national"
	f.values == {"age": 59, "elderly_age": 60, "minor_age": 18, "continued": false}
	p := _program(req)
	p.eligible == false
	p.monthly_amount == 0
	p.rules == [{"rule": "tekun.no_work_capacity", "clause": 6, "outcome": "not_met"}]
	p.in_kind == []
}

# Born 1965-01-01: 60 on the birthday itself → no capacity to work; able + dispersed → 1050.40 + 0.
test_clause6_age_60_on_birthday_identified if {
	req := _one({"birth_date": "1965-01-01"})
	_identified(req)
	_finding(req, "tekun.no_work_capacity").outcome == "met"
	_amount(req) == 1050.40
	not _finding(req, "tekun.minor_age_18")
}

# Born 2007-01-02: 17 the day before the 18th birthday → a minor under clause 6's 18 (plan finding).
test_clause6_age_17_day_before_18th_birthday_identified if {
	req := _one({"birth_date": "2007-01-02"})
	_identified(req)
	f := _finding(req, "tekun.minor_age_18")
	f.basis == "plan"
	f.values == {"age": 17, "minor_age": 18}
}

# Born 2007-01-01: 18 on 2025-01-01 → no longer a minor; the plan's 16→18 finding is not produced.
test_clause6_age_18_on_birthday_not_identified if {
	req := _one({"birth_date": "2007-01-01"})
	not _identified(req)
	not _finding(req, "tekun.minor_age_18")
	f := _finding(req, "tekun.identified")
	f.outcome == "not_met"
	f.values.conditions_not_met == ["tekun.no_work_capacity"]
}

# 16 and 17 year olds are covered since clause 6 raised the national 16 to 18.
test_clause6_age_16_identified if {
	_identified(_one({"birth_date": "2008-06-01"}))
}

# A 47-year-old gets no plan 16→18 finding, only the national condition.
test_clause6_adult_no_minor_finding if {
	req := _one({"birth_date": "1977-06-01"})
	not _finding(req, "tekun.minor_age_18")
	_finding(req, "tekun.no_work_capacity").values.age == 47
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

test_clause6_disability_values if {
	f := _finding(_disabled("physical", 2), "tekun.no_work_capacity")
	f.outcome == "met"
	f.values == {
		"age": 45, "elderly_age": 60, "minor_age": 18, "continued": false,
		"disability_type": "physical", "disability_grade": 2,
	}
}

# ---- condition 1: a minor in support continues past 18 while in school (43号 第二十四条) -----------

# On 2025-01-01: born 2006-01-01 → 19; born 2007-01-01 → 18 today; born 2007-01-02 → 17 (a minor).
_pupil(birth, stage, receiving) := _req_on("2025-01-01", "urban", [_m({
	"birth_date": birth,
	"education": {"enrolled": true, "stage": stage},
})]) if not receiving

else := object.union(
	_req_on("2025-01-01", "urban", [_m({
		"birth_date": birth,
		"education": {"enrolled": true, "stage": stage},
	})]),
	{"household": {"current_benefits": {"tekun": {"receiving": true}}}},
)

# Just below 18 (17): a minor, identified without the continuation.
test_clause6_continuation_not_needed_at_17 if {
	req := _pupil("2007-01-02", "senior_secondary", false)
	_identified(req)
	_finding(req, "tekun.no_work_capacity").values.continued == false
	not _finding(req, "tekun.minor_continuation")
}

# At 18 and just above (19), in support now and in senior secondary school or compulsory education:
# support continues; 1.3 × 808 = 1050.40.
test_clause6_continuation_at_18_in_senior_secondary if {
	req := _pupil("2007-01-01", "senior_secondary", true)
	_identified(req)
	_amount(req) == 1050.40
	f := _finding(req, "tekun.minor_continuation")
	f.outcome == "met"
	f.basis == "national"
	f.values == {"age": 18, "minor_age": 18, "stage": "senior_secondary"}
	_finding(req, "tekun.no_work_capacity").values.continued == true
}

test_clause6_continuation_at_19_in_compulsory_education if {
	_identified(_pupil("2006-01-01", "compulsory", true))
}

# In higher education, or not in support now: no continuation; 18 and able-bodied → capacity to work.
test_clause6_no_continuation_in_higher_education if {
	req := _pupil("2007-01-01", "higher", true)
	not _identified(req)
	_finding(req, "tekun.no_work_capacity").outcome == "not_met"
	count(_missing(req)) == 0
}

test_clause6_no_continuation_without_current_support if {
	not _identified(_pupil("2007-01-01", "senior_secondary", false))
	_missing(_pupil("2007-01-01", "senior_secondary", false)) == {{
		"pointer": "/household/current_benefits/tekun", "program": "tekun",
		"rule": "tekun.minor_continuation", "assumption": "not_established",
	}}
	req := object.union(_pupil("2007-01-01", "senior_secondary", false), {"household": {"current_benefits": {
		"tekun": {"receiving": false},
	}}})
	not _identified(req)
	count(_missing(req)) == 0
}

# ---- condition 2: no means of living ----------------------------------------------------------------

# Urban standard 808: 807.99 is below, 808 is not.
test_clause6_income_just_below_urban_standard_identified if {
	_identified(_one({"monthly_income": 807.99}))
}

test_clause6_income_at_urban_standard_not_identified if {
	req := _one({"monthly_income": 808})
	not _identified(req)
	f := _finding(req, "tekun.no_means_of_living")
	f.outcome == "not_met"
	f.values == {"monthly_income": 808, "dibao_standard": 808, "assets_test_met": true}
	_program(req).rules == [{"rule": "tekun.no_means_of_living", "clause": 6, "outcome": "not_met"}]
}

test_clause6_income_just_above_urban_standard_not_identified if {
	not _identified(_one({"monthly_income": 808.01}))
}

# Rural standard 6852 / 12 = 571: 570.99 is below, 571 is not.
test_clause6_income_rural_standard_boundary if {
	_identified(_req_on("2025-01-01", "rural", [_m({"monthly_income": 570.99})]))
	not _identified(_req_on("2025-01-01", "rural", [_m({"monthly_income": 571})]))
}

test_clause6_assets_not_met_not_identified if {
	req := {"as_of": "2025-01-01", "household": {"area": "urban", "assets_test_met": false, "members": [_m({})]}}
	not _identified(req)
	f := _finding(req, "tekun.no_means_of_living")
	f.outcome == "not_met"
	f.values.assets_test_met == false
	count(_missing(req)) == 0
}

# Absent asset assertion → not met, and named as a missing fact.
test_clause6_assets_absent_named if {
	req := {"as_of": "2025-01-01", "household": {"area": "urban", "members": [_m({})]}}
	not _identified(req)
	_missing(req) == {{
		"pointer": "/household/assets_test_met", "program": "tekun",
		"rule": "tekun.no_means_of_living", "assumption": "not_established",
	}}
}

# Absent income → read as 0 (0 < 808 → no means of living) and named.
test_clause6_income_absent_read_as_zero if {
	req := _req([object.remove(_m({}), ["monthly_income"])])
	_identified(req)
	{
		"pointer": "/household/members/0/monthly_income", "program": "tekun",
		"rule": "tekun.no_means_of_living", "assumption": "read_as_zero",
	} in _missing(req)
}

# ---- condition 3: legal supporters ------------------------------------------------------------------

_with_supporter(s) := _one({"legal_supporters": [s]})

test_clause6_no_supporter if {
	f := _finding(_one({}), "tekun.supporters_unable")
	f.outcome == "met"
	f.values.supporters == 0
}

test_clause6_supporter_tekun_unable if {
	_identified(_with_supporter({"name": "A", "is_tekun": true}))
}

# A 低保 recipient aged 60 (born 1965-01-01) is unable; aged 59 (born 1965-01-02) is able.
test_clause6_supporter_dibao_aged_60_unable if {
	req := _with_supporter({"name": "A", "receives_dibao": true, "birth_date": "1965-01-01"})
	_identified(req)
	f := _finding(req, "tekun.supporters_unable")
	f.values.unable_grounds == [["dibao_aged"]]
}

test_clause6_supporter_dibao_aged_59_able if {
	req := _with_supporter({"name": "A", "receives_dibao": true, "birth_date": "1965-01-02"})
	not _identified(req)
	f := _finding(req, "tekun.supporters_unable")
	f.outcome == "not_met"
	f.values.able_supporters == 1
	_program(req).rules == [{"rule": "tekun.supporters_unable", "clause": 6, "outcome": "not_met"}]
}

# Two supporters: one imprisoned within the asset rule, one able → not identified.
test_clause6_one_able_supporter_among_several if {
	req := _one({"legal_supporters": [
		{"relationship": "son", "imprisoned": true, "assets_within_low_income_rule": true},
		{},
	]})
	not _identified(req)
	f := _finding(req, "tekun.supporters_unable")
	f.values.able_supporters == 1
	f.values.supporters == 2
	f.values.unable_grounds == [["imprisoned"], []]

	# the second supporter is plainly able: nothing missing could change the outcome.
	count(_missing(req)) == 0
}

# ---- condition 3: 43号 第八条, the five groups (READING.md clause 6) ---------------------------------
# On 2025-01-01 the income line is 25508 a year (the carried-forward stand-in, see parameters/tekun).
# Own monthly income × 12 is compared: 2125.66 × 12 = 25507.92 < 25508 (below); 2125.67 × 12 = 25508.04 (not).

_s70(overrides) := object.union(
	{"name": "F", "birth_date": "1955-01-01", "monthly_income": 1000, "assets_within_low_income_rule": true},
	overrides,
)

_supporter_missing(field) := {
	"pointer": concat("", ["/household/members/0/legal_supporters/0/", field]), "program": "tekun",
	"rule": "tekun.supporters_unable", "assumption": "not_established",
}

# (3) Born 1955-01-01: 70 on 2025-01-01, income 1000 × 12 = 12000 < 25508, assets within → unable.
test_clause6_supporter_group3_aged_70_low_income_within_assets_unable if {
	req := _with_supporter(_s70({}))
	_identified(req)
	_finding(req, "tekun.supporters_unable").values.unable_grounds == [["elderly_low_income"]]
}

# Born 1955-01-02: 69 the day before the 70th birthday → able (no other ground).
test_clause6_supporter_group3_aged_69_able if {
	not _identified(_with_supporter(_s70({"birth_date": "1955-01-02"})))
}

# Income just below the line (2125.66 × 12 = 25507.92) → unable; just above (2125.67 × 12 = 25508.04) → able.
test_clause6_supporter_group3_income_line if {
	_identified(_with_supporter(_s70({"monthly_income": 2125.66})))
	not _identified(_with_supporter(_s70({"monthly_income": 2125.67})))
}

# At the line: with the line overridden to 24000, 2000 × 12 = 24000 is not below ("低于") → able;
# 1999.99 × 12 = 23999.88 → unable.
test_clause6_supporter_group3_income_at_line_able if {
	o := {"parameter_overrides": {"tekun": {"prior_year_disposable_income_annual": 24000}}}
	at := object.union(_with_supporter(_s70({"monthly_income": 2000})), o)
	below := object.union(_with_supporter(_s70({"monthly_income": 1999.99})), o)
	not _identified(at) with data.socialaid.settings.allow_parameter_overrides as true
	_identified(below) with data.socialaid.settings.allow_parameter_overrides as true
}

# Assets outside the low-income rule → able; assets not stated → not established, and named.
test_clause6_supporter_group3_assets if {
	not _identified(_with_supporter(_s70({"assets_within_low_income_rule": false})))
	req := _with_supporter(object.remove(_s70({}), ["assets_within_low_income_rule"]))
	not _identified(req)
	_missing(req) == {_supporter_missing("assets_within_low_income_rule")}
}

# The caller's low_income assertion stands for the income figure when no figure is given; with neither,
# the income is not established and named.
test_clause6_supporter_group3_income_assertion if {
	_identified(_with_supporter(object.union(object.remove(_s70({}), ["monthly_income"]), {"low_income": true})))
	req := _with_supporter(object.remove(_s70({}), ["monthly_income"]))
	not _identified(req)
	_missing(req) == {_supporter_missing("monthly_income")}
}

# A stated income above the line wins over a low_income assertion: 3000 × 12 = 36000 ≥ 25508.
test_clause6_supporter_income_figure_wins if {
	not _identified(_with_supporter(_s70({"monthly_income": 3000, "low_income": true})))
}

# (4) Severely disabled: grade 1–2 of any type, or grade 3 intellectual or mental, with income and assets.
_sd(disability) := _with_supporter({
	"name": "B", "birth_date": "1980-01-01", "disability": disability,
	"monthly_income": 1000, "assets_within_low_income_rule": true,
})

test_clause6_supporter_group4_severely_disabled if {
	_identified(_sd({"type": "physical", "grade": 2}))
	_identified(_sd({"type": "hearing", "grade": 1}))
	_identified(_sd({"type": "mental", "grade": 3}))
	_identified(_sd({"type": "intellectual", "grade": 3}))
	not _identified(_sd({"type": "physical", "grade": 3}))
	not _identified(_sd({"type": "mental", "grade": 4}))
}

# The caller's severely_disabled flag counts too, with the income and asset conditions.
test_clause6_supporter_group4_flag if {
	_identified(_with_supporter({"severely_disabled": true, "low_income": true, "assets_within_low_income_rule": true}))

	# 2200 × 12 = 26400 ≥ 25508: own income not below the line → able.
	not _identified(_with_supporter({
		"severely_disabled": true, "assets_within_low_income_rule": true,
		"monthly_income": 2200,
	}))
}

# (5) Without civil capacity, missing or imprisoned: unable only with the asset rule.
test_clause6_supporter_group5 if {
	every k in ["no_civil_capacity", "missing", "imprisoned"] {
		_identified(_with_supporter({k: true, "assets_within_low_income_rule": true}))
		not _identified(_with_supporter({k: true, "assets_within_low_income_rule": false}))
	}
	req := _with_supporter({"imprisoned": true})
	not _identified(req)
	_missing(req) == {_supporter_missing("assets_within_low_income_rule")}
}

# legally_incapacitated (无民事行为能力或限制民事行为能力) is not a ground of its own: without
# no_civil_capacity the supporter is not found unable, and both missing facts are named.
test_clause6_supporter_legally_incapacitated_is_not_a_ground if {
	req := _with_supporter({"legally_incapacitated": true, "assets_within_low_income_rule": true})
	not _identified(req)
	_missing(req) == {_supporter_missing("no_civil_capacity")}
	_identified(_with_supporter({
		"legally_incapacitated": true, "no_civil_capacity": true,
		"assets_within_low_income_rule": true,
	}))
	not _identified(_with_supporter({"legally_incapacitated": true, "no_civil_capacity": false}))
}

# (2) A 低保 recipient aged 60+ is unable outright (no income or asset condition).
test_clause6_supporter_group2_no_asset_condition if {
	_identified(_with_supporter({"receives_dibao": true, "birth_date": "1965-01-01", "monthly_income": 5000}))
}

# A 低保 recipient without a birth date: the age is not established, and named.
test_clause6_supporter_group2_birth_date_missing_named if {
	req := _with_supporter({"receives_dibao": true})
	_missing(req) == {_supporter_missing("birth_date")}
}

# A supporter about whom nothing is stated is able: nothing is named (no ground has any sign).
test_clause6_supporter_nothing_stated_able_nothing_named if {
	req := _with_supporter({"name": "X"})
	not _identified(req)
	count(_missing(req)) == 0
}

# An absent legal_supporters list is "not stated", not "none": condition 3 is not established and named.
test_clause6_supporters_not_stated_is_not_none if {
	req := _req([object.remove(_m({}), ["legal_supporters"])])
	not _identified(req)
	f := _finding(req, "tekun.supporters_unable")
	f.outcome == "not_met"
	f.values.supporters_stated == false
	_missing(req) == {{
		"pointer": "/household/members/0/legal_supporters", "program": "tekun",
		"rule": "tekun.supporters_unable", "assumption": "not_established",
	}}
}

# Not stated, but the member has capacity to work: the missing list could not change the outcome.
test_clause6_supporters_not_stated_irrelevant_not_named if {
	req := _req([object.remove(_m({"birth_date": "1980-01-01"}), ["legal_supporters"])])
	count(_missing(req)) == 0
}

# ---- care standard by self-care ability -------------------------------------------------------------

# 0 activities not managed → able; dispersed → care 0 (a reading); 1050.40 + 0 = 1050.40.
test_clause6_self_care_0_not_managed_able if {
	req := _one({"self_care": {"daily_activities": _activities([])}})
	_amount(req) == 1050.40
	_program(req).details.members.m1 == {
		"ability": "able", "care": 0, "care_rate": 0, "centralized": false,
		"monthly_amount": 1050.40,
	}
	f := _finding(req, "tekun.care_able_dispersed")
	f.outcome == "info"
	f.basis == "reading"
	f.values.care_standard == 0
	_finding(req, "tekun.self_care_ability").values == {"ability": "able", "activities_not_managed": 0}
}

# 1 not managed → partly lost: 1050.40 + 0.6 × 1890 = 1050.40 + 1134 = 2184.40.
test_clause6_self_care_1_not_managed_partly_lost if {
	req := _one({"self_care": {"daily_activities": _activities(["bathing"])}})
	_amount(req) == 2184.40
	f := _finding(req, "tekun.care_partly_lost")
	f.values == {
		"minimum_wage": 1890, "care_rate": 0.6, "care_standard": 1134,
		"basic_living_standard": 1050.40, "monthly_amount": 2184.40,
	}
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
	_finding(req, "tekun.care_fully_lost").values.care_rate == 1
	_program(req).rules == [
		{"rule": "tekun.identified", "clause": 6, "outcome": "met"},
		{"rule": "tekun.basic_living_standard", "clause": 6, "outcome": "met"},
		{"rule": "tekun.care_fully_lost", "clause": 6, "outcome": "met"},
	]
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

# Neither given → the care standard cannot be decided; basic only (1050.40), not_met and a missing fact.
test_clause6_self_care_missing if {
	req := _one({"self_care": null})
	_amount(req) == 1050.40
	_program(req).details.members.m1 == {"centralized": false, "monthly_amount": 1050.40}
	not _finding(req, "tekun.self_care_ability")
	f := _finding(req, "tekun.self_care_not_given")
	f.outcome == "not_met"
	f.basis == "reading"
	f.values == {"basic_living_standard": 1050.40}
	_missing(req) == {{
		"pointer": "/household/members/0/self_care", "program": "tekun",
		"rule": "tekun.self_care_not_given", "assumption": "not_assessed",
	}}
}

# Able + centralized → 20 %: 1050.40 + 0.2 × 1890 = 1050.40 + 378 = 1428.40; no visiting service.
test_clause6_able_centralized if {
	req := _one({"tekun_arrangement": {"centralized": true}})
	_amount(req) == 1428.40
	_program(req).in_kind == []
	not _finding(req, "tekun.dispersed_care_visits")
	f := _finding(req, "tekun.care_able_centralized")
	f.values.care_standard == 378
}

# Able + dispersed → no care standard, but assigned care and regular visits in kind.
test_clause6_able_dispersed_services if {
	req := _one({})
	_amount(req) == 1050.40
	_program(req).in_kind == ["assigned_care", "regular_visits"]
	f := _finding(req, "tekun.dispersed_care_visits")
	f.outcome == "info"
	f.basis == "plan"
	count(_missing(req)) == 0
}

# No arrangement stated → read as dispersed, and named.
test_clause6_arrangement_absent_read_as_dispersed if {
	req := _req([object.remove(_m({}), ["tekun_arrangement"])])
	_program(req).in_kind == ["assigned_care", "regular_visits"]
	_missing(req) == {{
		"pointer": "/household/members/0/tekun_arrangement/centralized", "program": "tekun",
		"rule": "tekun.dispersed_care_visits", "assumption": "read_as_dispersed",
	}}
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
	_program(req).details.basic_living_standard == 1050.40
	f := _finding(req, "tekun.basic_living_standard")
	f.values == {"area": "rural", "urban_dibao_standard": 808, "ratio": 1.3, "basic_living_standard": 1050.40}
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
	_amount(req) == 1212 with data.socialaid.settings.allow_parameter_overrides as true
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
	tekun.covered_member_ids == ["m1", "m3"] with input as req
	tekun.supported_member_ids == {"m1", "m3"} with input as req
	_finding(req, "tekun.monthly_support").values == {"covered_member_ids": ["m1", "m3"], "monthly_amount": 5124.80}
	some n in tekun.findings with input as req
	n.rule == "tekun.identified"
	n.member_id == "m2"
	n.values.conditions_not_met == ["tekun.no_means_of_living", "tekun.no_work_capacity", "tekun.supporters_unable"]

	# m2 has capacity to work: nothing it lacks could change its outcome.
	count(_missing(req)) == 0
}

# Every decisive rule and finding id is in the rule registry, and plan findings are the only ones quoting.
test_clause6_every_finding_id_registered if {
	req := _req([
		_m({"self_care": {"ability": "fully_lost"}}),
		_m({"id": "m2", "tekun_arrangement": {"centralized": true}}),
		_m({"id": "m3", "birth_date": "2014-05-05", "self_care": {"ability": "partly_lost"}}),
		_m({"id": "m4", "self_care": null}),
		_m({"id": "m6"}),
		{"id": "m5", "birth_date": "1980-01-01", "monthly_income": 3000},
	])
	fs := tekun.findings with input as req
	ids := {f.rule | some f in fs}
	count(ids) == 14
	every id in ids {
		data.socialaid.rules[id].clause == 6
	}
}

# The decision path's short-circuit rules (_unable) and the explanation's ground facts agree on every
# supporter shape used above, and on each ground alone (on 2025-01-01; born 1955-01-01 → 70, 1965-01-01 → 60).
_supporters := [
	{}, {"is_tekun": true}, {"receives_dibao": true}, {"receives_dibao": true, "birth_date": "1965-01-01"},
	{"receives_dibao": true, "birth_date": "1965-01-02"}, _s70({}), _s70({"birth_date": "1955-01-02"}),
	_s70({"monthly_income": 2125.67}), _s70({"assets_within_low_income_rule": false}),
	object.remove(_s70({}), ["monthly_income"]),
	object.union(object.remove(_s70({}), ["monthly_income"]), {"low_income": true}),
	{"severely_disabled": true, "low_income": true, "assets_within_low_income_rule": true},
	{"disability": {"type": "mental", "grade": 3}, "monthly_income": 10, "assets_within_low_income_rule": true},
	{"disability": {"type": "physical", "grade": 3}, "monthly_income": 10, "assets_within_low_income_rule": true},
	{"no_civil_capacity": true, "assets_within_low_income_rule": true}, {"no_civil_capacity": true},
	{"legally_incapacitated": true, "assets_within_low_income_rule": true},
	{"missing": true, "assets_within_low_income_rule": true},
	{"missing": true, "assets_within_low_income_rule": false},
	{"imprisoned": true, "assets_within_low_income_rule": true}, {"imprisoned": true},
]

# Both read the one definition (_unable over _ground_facts); the supporters unable to support are, by
# hand: 1 特困; 3 低保 and 60 today; 5 aged 70 below the line within the asset rule; 10 the same with the
# low_income assertion for the income; 11 severely disabled; 12 grade 3 mental; 14 no civil capacity,
# 17 missing, 19 imprisoned — each with the asset rule.
test_clause6_supporter_decision_and_explanation_agree if {
	decided := {i | some i, s in _supporters; _identified(_with_supporter(s))}
	explained := {i | some i, s in _supporters; _finding(_with_supporter(s), "tekun.supporters_unable").outcome == "met"}
	decided == explained
	decided == {1, 3, 5, 10, 11, 12, 14, 17, 19}
}
