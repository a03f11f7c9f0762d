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
	f.values == {"age": 15, "working_age_min": 16}
	r.programs.employment.rules == [{"rule": "employment.working_age", "clause": 10, "outcome": "not_met"}]
}

test_clause10_age_59_in_working_age if {
	r := _run([_m("a", "1965-06-02", _seeker)], true)
	"a" in r.public_services
}

# --- the statutory retirement age by sex, post and birth cohort (dated parameters) ---

_req_on(as_of, members) := {
	"as_of": as_of,
	"household": {"area": "urban", "assets_test_met": true, "members": members},
}

_run_on(as_of, members) := r if {
	r := employment with input as _req_on(as_of, members)
		with status.assisted_family as true
}

_who(id, birth, extra) := object.union({"id": id, "birth_date": birth, "employment": _seeker}, extra)

_in(as_of, member) if "a" in _run_on(as_of, [member]).public_services

# A man born 1965-06-01: cohort 1965-06 is 5 months after the first (1965-01); one month of rise per 4
# months of birth → floor(5 / 4) + 1 = 2 months → 60 years 2 months = 722 months, reached 2025-08-01.
# 2025-07-31: 721 months → in; 2025-08-01: 722 → out; 2025-08-02: 722 → out.
test_clause10_man_born_1965_06_retires_at_60_and_2_months if {
	man := _who("a", "1965-06-01", {"sex": "male"})
	_in("2025-07-31", man)
	not _in("2025-08-01", man)
	not _in("2025-08-02", man)
	r := _run_on("2025-08-01", [man])
	r.retirement_months.a == 722
	f := _finding(r, "employment.retirement_age", "a")
	f.outcome == "not_met"
	f.values == {
		"kind": "men", "age_years": 60, "age_extra_months": 2, "retirement_months": 722,
		"retirement_years": 60, "retirement_extra_months": 2,
	}
	r.programs.employment.rules == [{"rule": "employment.retirement_age", "clause": 10, "outcome": "not_met"}]
	count(r.missing_facts) == 0
	_finding(_run_on("2025-07-31", [man]), "employment.retirement_age", "a").outcome == "met"
}

# Born 1964-12-31, before the first cohort: 60 years = 720 months, reached 2024-12-31.
# 2024-12-30: 719 → in; 2024-12-31: 720 → out.
test_clause10_man_born_before_the_first_cohort_retires_at_60 if {
	man := _who("a", "1964-12-31", {"sex": "male"})
	_in("2024-12-30", man)
	not _in("2024-12-31", man)
	_run_on("2024-12-31", [man]).retirement_months.a == 720
}

# Born 1980-01-01: 180 months after 1965-01 → floor(180 / 4) + 1 = 46, capped at 36 → 63 years = 756.
# 2042-12-31: 755 → in; 2043-01-01: 756 → out. (The horizon of the parameters is 2026: a projection.)
test_clause10_man_rise_is_capped_at_63 if {
	man := _who("a", "1980-01-01", {"sex": "male"})
	_run_on("2025-06-01", [man]).retirement_months.a == 756
	_in("2042-12-31", man)
	not _in("2043-01-01", man)
}

# A woman in a 50-year post born 1975-03-10: 2 months after 1975-01, one month per 2 months →
# floor(2 / 2) + 1 = 2 → 50 years 2 months = 602 months, reached 2025-05-10.
# 2025-05-09: 601 → in; 2025-05-10: 602 → out; 2025-05-11: 602 → out.
test_clause10_woman_in_a_50_year_post_born_1975_03 if {
	woman := _who("a", "1975-03-10", {"sex": "female", "retirement_post": "age_50_post"})
	_in("2025-05-09", woman)
	not _in("2025-05-10", woman)
	not _in("2025-05-11", woman)
	_run_on("2025-05-10", [woman]).retirement_months.a == 602
	_run_on("2025-05-10", [woman]).retirement_kind.a == "women_50_post"
}

# Cap for the 50-year post: born 1990-01-01, 180 months after 1975-01 → 91, capped at 60 → 55 years = 660.
test_clause10_woman_in_a_50_year_post_rise_is_capped_at_55 if {
	woman := _who("a", "1990-01-01", {"sex": "female", "retirement_post": "age_50_post"})
	_run_on("2025-06-01", [woman]).retirement_months.a == 660
}

# A woman in a 55-year post born 1970-01-20: the first cohort → floor(0 / 4) + 1 = 1 → 55 years 1 month
# = 661 months, reached 2025-02-20. 2025-02-19: 660 → in; 2025-02-20: 661 → out.
test_clause10_woman_in_a_55_year_post_born_1970_01 if {
	woman := _who("a", "1970-01-20", {"sex": "female", "retirement_post": "age_55_post"})
	_in("2025-02-19", woman)
	not _in("2025-02-20", woman)
	_run_on("2025-02-20", [woman]).retirement_months.a == 661
}

# Before 2025-01-01 no rise is in force (most months 0): a woman in a 50-year post born 1974-12-05 reaches
# 50 = 600 months on 2024-12-05. 2024-12-04: 599 → in; 2024-12-05: 600 → out.
test_clause10_no_rise_before_2025 if {
	woman := _who("a", "1974-12-05", {"sex": "female", "retirement_post": "age_50_post"})
	_in("2024-12-04", woman)
	not _in("2024-12-05", woman)
}

# No sex given: the men's (widest) range. Born 1970-01-20, on 2025-06-01 aged 55 years 4 months
# (664 months): a woman in a 50-year post would be out (born 1970 is before that rule's first cohort:
# 600), a man is in (1970-01 is 60 months after 1965-01 → 16 → 60 years 16 months = 736). In, and the
# missing sex is named.
test_clause10_no_sex_given_uses_the_mens_range_and_names_the_fact if {
	r := _run_on("2025-06-01", [_who("a", "1970-01-20", {})])
	"a" in r.public_services
	r.retirement_kind.a == "men"
	r.retirement_months.a == 736
	r.missing_facts == {{
		"pointer": "/household/members/0/sex", "program": "employment",
		"rule": "employment.retirement_age", "assumption": "read_as_men_range",
	}}
}

# A woman with no post given: the 55-year post's range (the wider of the women's). Born 1972-05-01, on
# 2025-06-01 aged 53 years 1 month (637 months): past the 50-year post (600) but within the 55-year post
# (1972-05 is 28 months after 1970-01 → 8 → 668). In, and the missing post is named.
test_clause10_woman_without_a_post_uses_the_55_year_post_and_names_the_fact if {
	r := _run_on("2025-06-01", [_who("a", "1972-05-01", {"sex": "female"})])
	"a" in r.public_services
	r.retirement_months.a == 668
	r.missing_facts == {{
		"pointer": "/household/members/0/retirement_post", "program": "employment",
		"rule": "employment.retirement_age", "assumption": "read_as_55_post_range",
	}}
}

# A young member with no sex given: no range could refuse her, so nothing is named.
test_clause10_no_sex_given_named_only_where_it_could_matter if {
	r := _run_on("2025-06-01", [_who("a", "1990-01-01", {})])
	"a" in r.public_services
	count(r.missing_facts) == 0
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
	f.basis == "plan"
	f.values == {"able_working_age": 2, "employed": 0}
	r.program_details.employment == {"public_employment_services": ["a"], "zero_employment_family": true}
	"zero_employment_placement" in r.programs.employment.in_kind
}

# Who counts (社会救助暂行办法 第四十三条): a 低保 family. The same members in a low-income family that is
# not a 低保 family: not a zero-employment family.
test_clause10_zero_employment_family_is_a_dibao_family if {
	b := _m("b", "1982-01-01", {"status": "unemployed", "able_to_work": true})
	r := employment with input as _req([_m("a", "1980-01-01", _seeker), b])
		with status.assisted_family as true
		with status.dibao_family as false
	not r.zero_employment_family
	not "zero_employment_placement" in r.programs.employment.in_kind
	r.programs.employment.eligible
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
