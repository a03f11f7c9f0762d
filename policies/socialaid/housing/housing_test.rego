package socialaid.housing_test

import data.socialaid.housing
import data.socialaid.status

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

_has(r, rule, outcome) if {
	some f in r.findings
	f.rule == rule
	f.outcome == outcome
}

test_clause9_urban_dibao_with_difficulty if {
	r := _run("urban", [_a], {"difficulty_meets_local_standard": true}, true, set())
	p := r.programs.housing
	p.eligible
	p.covered_member_ids == ["a"]
	[x.en | some x in p.details.forms] == ["public rental housing", "rent subsidy"]
	p.details.procedure.verification[0].verifies == "dibao_tekun_status"
	_has(r, "低保 family with housing difficulty", "met")
	_has(r, "Urban housing assistance and how to apply", "met")
}

test_clause9_dibao_without_difficulty if {
	r := _run("urban", [_a], {"difficulty_meets_local_standard": false}, true, set())
	not r.programs.housing.eligible
	some f in r.findings
	f.outcome == "not_met"
	f.message.en == "a 低保 family, but the housing difficulty does not meet the local standard"
}

test_clause9_difficulty_not_dibao if {
	r := _run("urban", [_a], {"difficulty_meets_local_standard": true}, false, set())
	not r.programs.housing.eligible
	some f in r.findings
	f.message.en == "not a 低保 family"
	basis := {"dibao_family_with_housing_difficulty": false, "dispersed_tekun_member_ids": []}
	r.programs.housing.details == {"basis": basis}
}

test_clause9_dispersed_tekun_rural if {
	r := _run("rural", [_a, _t(false)], {"dangerous_house": true}, false, {"t"})
	p := r.programs.housing
	p.eligible
	p.covered_member_ids == ["t"]
	p.details.dangerous_house == true
	_has(r, "Dispersed 特困 person", "met")
	_has(r, "Rural housing assistance — priority for dangerous-house renovation", "met")
}

test_clause9_centralized_tekun_not if {
	r := _run("rural", [_t(true)], null, false, {"t"})
	not r.programs.housing.eligible
	_has(r, "Dispersed 特困 person", "not_met")
}

test_clause9_tekun_without_arrangement_is_dispersed if {
	r := _run("urban", [{"id": "t", "birth_date": "1950-01-01"}], null, false, {"t"})
	r.programs.housing.eligible
}
