package socialaid.housing_test

import data.socialaid.housing
import data.socialaid.status

# Decision date 2025-06-01. 低保 family status and the 特困 people are mocked per test.
_req(area, members, housing_facts) := {
	"as_of": "2025-06-01",
	"household": {"area": area, "assets_test_met": true, "members": members, "housing": housing_facts},
}

_a := {"id": "a", "birth_date": "1980-01-01"}

_t(centralized) := {"id": "t", "birth_date": "1950-01-01", "tekun_arrangement": {"centralized": centralized}}

_run(area, members, housing_facts, dibao, tekun_ids) := r if {
	r := housing with input as _req(area, members, housing_facts)
		with status.dibao_family as dibao
		with data.socialaid.tekun.supported_member_ids as tekun_ids
}

_finding(r, rule) := f if {
	some f in r.findings
	f.rule == rule
}

_refs(r) := [[x.rule, x.outcome] | some x in r.programs.housing.rules]

_yes := {"difficulty_meets_local_standard": true}

_no := {"difficulty_meets_local_standard": false}

# Urban 低保 family with difficulty: public rental housing or rent subsidy, and the waiting list with priority.
test_clause9_urban_dibao_with_difficulty_enters_waiting_list_with_priority if {
	r := _run("urban", [_a], _yes, true, set())
	p := r.programs.housing
	p.eligible
	p.monthly_amount == 0
	p.covered_member_ids == ["a"]
	p.in_kind == ["housing_waiting_list_priority", "public_rental_housing", "rent_subsidy"]
	r.program_details.housing == {"basis": ["dibao_family"], "waiting_list_priority": true}
	_refs(r) == [["housing.dibao_family_difficulty", "met"], ["housing.urban_waiting_list", "met"]]
	_finding(r, "housing.dibao_family_difficulty").values == {"dibao_family": true, "difficulty": true}
	_finding(r, "housing.urban_waiting_list").outcome == "met"
	_finding(r, "housing.urban_forms").outcome == "met"
	_finding(r, "housing.urban_application").outcome == "info"
	count(r.missing_facts) == 0
}

test_clause9_dibao_without_difficulty if {
	r := _run("urban", [_a], _no, true, set())
	not r.programs.housing.eligible
	r.programs.housing.in_kind == []
	r.program_details.housing == {}
	_refs(r) == [["housing.dibao_family_difficulty", "not_met"]]
	f := _finding(r, "housing.dibao_family_difficulty")
	f.outcome == "not_met"
	f.values == {"dibao_family": true, "difficulty": false}
	count(r.missing_facts) == 0
}

# No word on the difficulty: not established, and said so.
test_clause9_dibao_difficulty_absent_is_a_missing_fact if {
	r := _run("urban", [_a], null, true, set())
	not r.programs.housing.eligible
	r.missing_facts == {{
		"pointer": "/household/housing/difficulty_meets_local_standard", "program": "housing",
		"rule": "housing.dibao_family_difficulty", "assumption": "not_established",
	}}
}

test_clause9_difficulty_not_dibao if {
	r := _run("urban", [_a], _yes, false, set())
	not r.programs.housing.eligible
	_finding(r, "housing.dibao_family_difficulty").values == {"dibao_family": false, "difficulty": true}
	count(r.missing_facts) == 0
}

# Rural dispersed 特困 person with difficulty: priority for dangerous-house renovation.
test_clause9_dispersed_tekun_rural_with_difficulty if {
	r := _run("rural", [_a, _t(false)], {"difficulty_meets_local_standard": true, "dangerous_house": true}, false, {"t"})
	p := r.programs.housing
	p.eligible
	p.covered_member_ids == ["t"]
	p.in_kind == ["dangerous_house_renovation_priority"]
	r.program_details.housing == {"basis": ["dispersed_tekun"], "dangerous_house": true}
	_refs(r) == [["housing.dispersed_tekun", "met"], ["housing.rural_dangerous_house", "met"]]
	f := _finding(r, "housing.dispersed_tekun")
	f.member_id == "t"
	f.values == {"centralized": false, "difficulty": true}
	_finding(r, "housing.rural_dangerous_house").values == {"dangerous_house": true}
}

# The revised reading: "符合规定标准的住房困难" governs dispersed 特困 people too.
test_clause9_dispersed_tekun_without_difficulty_is_not_assisted if {
	r := _run("rural", [_t(false)], {"difficulty_meets_local_standard": false, "dangerous_house": true}, false, {"t"})
	not r.programs.housing.eligible

	# a 特困 household that is not a 低保 family: the 特困 route first, the route that could have applied
	_refs(r) == [["housing.dispersed_tekun", "not_met"], ["housing.dibao_family_difficulty", "not_met"]]
	f := _finding(r, "housing.dispersed_tekun")
	f.outcome == "not_met"
	f.values == {"centralized": false, "difficulty": false}
}

test_clause9_dispersed_tekun_difficulty_absent_is_a_missing_fact if {
	r := _run("rural", [_t(false)], {"dangerous_house": true}, false, {"t"})
	not r.programs.housing.eligible
	r.missing_facts == {{
		"pointer": "/household/housing/difficulty_meets_local_standard", "program": "housing",
		"rule": "housing.dispersed_tekun", "assumption": "not_established",
	}}
}

# Urban dispersed 特困 person with difficulty: the waiting list with priority too.
test_clause9_dispersed_tekun_urban_waiting_list if {
	r := _run("urban", [_t(false)], _yes, false, {"t"})
	r.programs.housing.in_kind == ["housing_waiting_list_priority", "public_rental_housing", "rent_subsidy"]
	_refs(r) == [["housing.dispersed_tekun", "met"], ["housing.urban_waiting_list", "met"]]
}

test_clause9_centralized_tekun_not if {
	r := _run("rural", [_t(true)], _yes, false, {"t"})
	not r.programs.housing.eligible
	f := _finding(r, "housing.dispersed_tekun")
	f.outcome == "not_met"
	f.values == {"centralized": true, "difficulty": true}
}

# No arrangement given: read as dispersed, and said so.
test_clause9_tekun_without_arrangement_is_read_as_dispersed if {
	r := _run("urban", [{"id": "t", "birth_date": "1950-01-01"}], _yes, false, {"t"})
	r.programs.housing.eligible
	r.missing_facts == {{
		"pointer": "/household/members/0/tekun_arrangement/centralized", "program": "housing",
		"rule": "housing.dispersed_tekun", "assumption": "read_as_dispersed",
	}}
}

# A 低保 family with a dispersed 特困 member and difficulty: the whole family is covered, both routes decisive.
test_clause9_both_routes if {
	r := _run("urban", [_a, _t(false)], _yes, true, {"t"})
	r.programs.housing.covered_member_ids == ["a", "t"]
	r.program_details.housing.basis == ["dibao_family", "dispersed_tekun"]
	_refs(r) == [
		["housing.dibao_family_difficulty", "met"], ["housing.dispersed_tekun", "met"],
		["housing.urban_waiting_list", "met"],
	]
}

# A 低保 family with a dispersed 特困 member, neither with housing difficulty: the 低保 route first.
test_clause9_dibao_family_with_a_tekun_member_names_the_dibao_route_first if {
	r := _run("rural", [_t(false)], {"difficulty_meets_local_standard": false}, true, {"t"})
	not r.programs.housing.eligible
	_refs(r) == [["housing.dibao_family_difficulty", "not_met"], ["housing.dispersed_tekun", "not_met"]]
}
