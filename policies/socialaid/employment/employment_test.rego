package socialaid.employment_test

import data.socialaid.employment
import data.socialaid.status

# Decision date 2025-06-01; the family is mocked as assisted unless a test says otherwise.
_req(members) := {
	"as_of": "2025-06-01",
	"household": {"area": "urban", "assets_test_met": true, "members": members},
}

_m(id, birth, job) := {"id": id, "birth_date": birth, "employment": job}

_seeker := {
	"status": "unemployed", "able_to_work": true, "willing_to_work": true,
	"registered_unemployed": true,
}

_business := {"status": "self_employed", "able_to_work": true, "wants_to_start_business": true}

_run(members, assisted) := r if {
	r := employment with input as _req(members)
		with status.assisted_family as assisted
}

_finding(r, rule, id) := f if {
	some f in r.findings
	f.rule == rule
	f.member_id == id
}

_hh_finding(r, rule) := f if {
	some f in r.findings
	f.rule == rule
}

# Working age 16 up to (not including) 60 on 2025-06-01.
test_clause10_age_16_in_working_age if {
	r := _run([_m("a", "2009-06-01", _seeker)], true)
	"a" in r.public_services
	f := _finding(r, "employment.public_services", "a")
	f.outcome == "met"
	f.values == {"age": 16, "able_to_work": true, "willing_to_work": true, "registered_unemployed": true}
	p := r.programs.employment

	# a alone, able and out of work: also a zero-employment family.
	p.in_kind == ["public_employment_services", "zero_employment_placement"]
	r.program_details.employment == {"public_employment_services": ["a"], "zero_employment_family": true}
	[x.rule | some x in p.rules] == ["employment.public_services", "employment.zero_employment_family"]
}

test_clause10_age_15_outside if {
	r := _run([_m("a", "2009-06-02", _seeker)], true)
	not "a" in r.public_services
	f := _finding(r, "employment.working_age", "a")
	f.basis == "national"
	f.values == {"age": 15, "working_age_min": 16, "retirement_age": 60}
	r.programs.employment.rules == [{"rule": "employment.working_age", "clause": 10, "outcome": "not_met"}]
}

test_clause10_age_59_in_working_age if {
	r := _run([_m("a", "1965-06-02", _seeker)], true)
	"a" in r.public_services
}

test_clause10_age_60_outside if {
	r := _run([_m("a", "1965-06-01", _seeker)], true)
	not "a" in r.public_services
	_finding(r, "employment.working_age", "a").values.age == 60
}

test_clause10_missing_registration if {
	job := object.union(_seeker, {"registered_unemployed": false})
	worker := _m("w", "1985-01-01", {"status": "employed", "able_to_work": true})
	r := _run([_m("a", "1990-01-01", job), worker], true)
	not "a" in r.public_services
	f := _finding(r, "employment.public_services", "a")
	f.outcome == "not_met"
	f.values == {"age": 35, "able_to_work": true, "willing_to_work": true, "registered_unemployed": false}
	r.programs.employment.rules == [{"rule": "employment.public_services", "clause": 10, "outcome": "not_met"}]
}

test_clause10_not_assisted if {
	r := _run([_m("a", "1990-01-01", _seeker)], false)
	not r.programs.employment.eligible
	_hh_finding(r, "employment.assisted_family").outcome == "not_met"
	r.programs.employment.rules == [{"rule": "employment.assisted_family", "clause": 10, "outcome": "not_met"}]
	r.program_details.employment == {}
}

# Start-up: business started 2022-06-02 → on 2025-06-01, 35 whole months elapsed
# ((2025 − 2022) × 12 + 6 − 6 − 1 = 35), 36 − 35 = 1 month left → 500 this month.
test_clause10_site_rent_35_months_elapsed if {
	job := object.union(_business, {"business_start_date": "2022-06-02"})
	r := _run([_m("a", "1990-01-01", job)], true)
	r.startup.a.months_elapsed == 35
	r.startup.a.site_rent_months_left == 1
	r.startup.a.site_rent_this_month == 500
	r.programs.employment.monthly_amount == 500
	r.programs.employment.in_kind == ["startup_guaranteed_loan", "startup_subsidy_once"]
	r.program_details.employment == {"startup": {"a": {
		"started": true, "months_elapsed": 35, "site_rent_months_left": 1,
		"site_rent_this_month": 500,
	}}}
	f := _finding(r, "employment.startup_support", "a")
	f.values.loan_max == 200000
	f.values.one_off_subsidy == 5000
}

# Started 2022-06-01 → 36 months elapsed, 36 − 36 = 0 left → no site rent.
test_clause10_site_rent_36_months_elapsed if {
	job := object.union(_business, {"business_start_date": "2022-06-01"})
	r := _run([_m("a", "1990-01-01", job)], true)
	r.startup.a.months_elapsed == 36
	r.startup.a.site_rent_months_left == 0
	r.programs.employment.monthly_amount == 0
	f := _finding(r, "employment.startup_support", "a")
	f.values.site_rent_months_left == 0
	f.values.site_rent_this_month == 0
}

# Started 2020-01-01 → 65 months elapsed; months left never below zero.
test_clause10_site_rent_long_ago if {
	job := {"wants_to_start_business": true, "business_start_date": "2020-01-01"}
	r := _run([_m("a", "1990-01-01", job)], true)
	r.startup.a.months_elapsed == 65
	r.startup.a.site_rent_months_left == 0
}

# Not started yet → start-up support without site rent this month.
test_clause10_startup_not_started if {
	job := {"wants_to_start_business": true, "business_start_date": "2025-07-01"}
	r := _run([_m("a", "1990-01-01", job)], true)
	r.startup.a.site_rent_this_month == 0
	r.startup.a == {"started": false, "site_rent_this_month": 0}
	f := _finding(r, "employment.startup_support", "a")
	f.values.site_rent_monthly == 500
	f.values.site_rent_max_months == 36
}

test_clause10_months_elapsed if {
	employment.months_elapsed("2025-01-31", "2025-02-28") == 0
	employment.months_elapsed("2025-01-31", "2025-03-31") == 2
	employment.months_elapsed("2024-12-15", "2025-01-15") == 1
}

test_clause10_employment_aid_and_post if {
	job := {"status": "unemployed", "able_to_work": true, "employment_difficult": true, "market_placement_failed": true}
	r := _run([_m("a", "1975-01-01", job), _m("b", "1980-01-01", {"employment_difficult": true})], true)
	r.employment_aid == {"a", "b"}
	r.public_welfare_posts == {"a"}
	_finding(r, "employment.public_welfare_post", "a").outcome == "met"
	_finding(r, "employment.employment_aid", "b").outcome == "met"
	_hh_finding(r, "employment.employer_incentives").outcome == "info"
	r.programs.employment.in_kind == ["employment_aid", "public_welfare_post", "zero_employment_placement"]
	[x.rule | some x in r.programs.employment.rules] == [
		"employment.employment_aid", "employment.public_welfare_post",
		"employment.zero_employment_family",
	]
}

test_clause10_zero_employment_family if {
	b := _m("b", "1982-01-01", {"status": "unemployed", "able_to_work": true})
	r := _run([_m("a", "1980-01-01", _seeker), b], true)
	r.zero_employment_family
	f := _hh_finding(r, "employment.zero_employment_family")
	f.basis == "national"
	f.values == {"able_working_age": 2, "employed": 0}
	r.program_details.employment == {"public_employment_services": ["a"], "zero_employment_family": true}
	"zero_employment_placement" in r.programs.employment.in_kind
}

test_clause10_not_zero_employment_when_one_works if {
	b := _m("b", "1982-01-01", {"status": "employed", "able_to_work": true})
	r := _run([_m("a", "1980-01-01", _seeker), b], true)
	not r.zero_employment_family
}

# Nobody able to work → not a zero-employment family in this sense (nobody to place).
test_clause10_no_one_able_to_work if {
	r := _run([_m("a", "1950-01-01", {"status": "not_in_labour_force"})], true)
	not r.zero_employment_family
	not r.programs.employment.eligible
	r.programs.employment.rules == [{"rule": "employment.no_candidate", "clause": 10, "outcome": "not_met"}]
	[f] := [f | some f in r.findings; f.rule == "employment.no_candidate"]
	f.values == {"working_age": 0, "employed": 0}
}

# A working-age member of an assisted family with nothing said about work: not assessed, and said so.
test_clause10_employment_absent_is_a_missing_fact if {
	student := {"id": "s", "birth_date": "2008-01-01", "education": {"enrolled": true, "stage": "senior_secondary"}}
	r := _run([{"id": "a", "birth_date": "1990-01-01"}, student], true)
	not r.programs.employment.eligible
	r.missing_facts == {{
		"pointer": "/household/members/0/employment", "program": "employment",
		"rule": "employment.public_services", "assumption": "not_assessed",
	}}
}
