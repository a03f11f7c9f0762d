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
	_finding(r, "Public employment services", "a").outcome == "met"
}

test_clause10_age_15_outside if {
	r := _run([_m("a", "2009-06-02", _seeker)], true)
	not "a" in r.public_services
	f := _finding(r, "Outside working age", "a")
	f.message.en == "aged 15, outside working age (16 up to 60)"
}

test_clause10_age_59_in_working_age if {
	r := _run([_m("a", "1965-06-02", _seeker)], true)
	"a" in r.public_services
}

test_clause10_age_60_outside if {
	r := _run([_m("a", "1965-06-01", _seeker)], true)
	not "a" in r.public_services
	_finding(r, "Outside working age", "a").facts.age == 60
}

test_clause10_missing_registration if {
	job := object.union(_seeker, {"registered_unemployed": false})
	r := _run([_m("a", "1990-01-01", job)], true)
	not "a" in r.public_services
	f := _finding(r, "Public employment services", "a")
	f.outcome == "not_met"
	f.message.en == "aged 35, not referred to public employment services: missing registered_unemployed"
}

test_clause10_not_assisted if {
	r := _run([_m("a", "1990-01-01", _seeker)], false)
	not r.programs.employment.eligible
	_hh_finding(r, "Not a social-assistance family").outcome == "not_met"
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
	r.startup.a.loan_max == 200000
	r.startup.a.one_off_subsidy == 5000
}

# Started 2022-06-01 → 36 months elapsed, 36 − 36 = 0 left → no site rent.
test_clause10_site_rent_36_months_elapsed if {
	job := object.union(_business, {"business_start_date": "2022-06-01"})
	r := _run([_m("a", "1990-01-01", job)], true)
	r.startup.a.months_elapsed == 36
	r.startup.a.site_rent_months_left == 0
	r.programs.employment.monthly_amount == 0
	f := _finding(r, "Start-up support", "a")
	endswith(f.message.en, "36 months since 2022-06-01, 0 left, site rent this month 0.00")
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
	r.startup.a.business_start_date == null
	f := _finding(r, "Start-up support", "a")
	f.message.en == concat("", [
		"start-up support: loan up to 200000.00 with interest subsidy, one-off subsidy 5000.00, ",
		"once started site rent 500.00 a month for at most 36 months",
	])
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
	_finding(r, "Public-welfare post", "a").outcome == "met"
	_finding(r, "Employment aid for employment-difficult people", "b").outcome == "met"
	_hh_finding(r, "Incentives for employers").outcome == "info"
}

test_clause10_zero_employment_family if {
	b := _m("b", "1982-01-01", {"status": "unemployed", "able_to_work": true})
	r := _run([_m("a", "1980-01-01", _seeker), b], true)
	r.zero_employment_family
	f := _hh_finding(r, "Zero-employment family")
	f.facts.able_working_age_members == ["a", "b"]
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
}
