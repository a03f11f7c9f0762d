package socialaid.education_test

import data.socialaid.education
import data.socialaid.status

# Decision date 2025-06-01. Family status is mocked per test.
_req(members) := {
	"as_of": "2025-06-01",
	"household": {"area": "urban", "assets_test_met": true, "members": members},
}

_student(id, stage, extra) := object.union(
	{"id": id, "birth_date": "2010-01-01", "education": {"enrolled": true, "stage": stage}},
	extra,
)

_run(members, dibao, tekun) := r if {
	r := education with input as _req(members)
		with status.dibao_family as dibao
		with status.tekun_family as tekun
}

_finding(r, rule, id) := f if {
	some f in r.findings
	f.rule == rule
	f.member_id == id
}

test_clause8_preschool_dibao_family if {
	r := _run([_student("a", "preschool", {})], true, false)
	r.eligible_students.a.basis == ["dibao_family"]
	r.eligible_students.a.aid == ["education_care_living_costs"]
	f := _finding(r, "education.preschool_aid", "a")
	f.values == {"stage": "preschool", "aid": ["education_care_living_costs"]}
	f.basis == "plan"
	p := r.programs.education
	p.in_kind == ["education_care_living_costs"]
	p.monthly_amount == 0
	p.rules == [{"rule": "education.preschool_aid", "clause": 8, "outcome": "met"}]
	r.program_details.education == {"students": {"a": {
		"stage": "preschool", "basis": ["dibao_family"],
		"aid": ["education_care_living_costs"],
	}}}
}

test_clause8_compulsory_tekun_family if {
	r := _run([_student("a", "compulsory", {})], false, true)
	r.eligible_students.a.basis == ["tekun_family"]
	_finding(r, "education.compulsory_aid", "a").outcome == "met"
	_finding(r, "education.eligible_student", "a").values == {"stage": "compulsory", "basis": ["tekun_family"]}
}

test_clause8_senior_secondary_orphan if {
	r := _run([_student("a", "senior_secondary", {"orphan": true})], false, false)
	r.eligible_students.a.basis == ["orphan"]
	r.eligible_students.a.aid == ["tuition_waiver", "national_grant"]
	_finding(r, "education.senior_secondary_aid", "a").outcome == "met"
	r.programs.education.in_kind == ["national_grant", "tuition_waiver"]
}

test_clause8_higher_unsupported_child if {
	r := _run([_student("a", "higher", {"de_facto_unsupported_child": true})], true, false)
	r.eligible_students.a.basis == ["dibao_family", "de_facto_unsupported_child"]
	r.eligible_students.a.aid == ["national_grant", "work_study_post"]
	_finding(r, "education.higher_aid", "a").outcome == "met"
	r.programs.education.covered_member_ids == ["a"]
	r.programs.education.tier == "special"
}

test_clause8_postgraduate_excluded if {
	r := _run([_student("a", "postgraduate", {})], true, false)
	not r.eligible_students.a
	_finding(r, "education.postgraduate_excluded", "a").outcome == "not_met"
	not r.programs.education.eligible
	r.programs.education.rules == [{"rule": "education.postgraduate_excluded", "clause": 8, "outcome": "not_met"}]
	r.program_details.education == {}
}

test_clause8_no_basis if {
	r := _run([_student("a", "compulsory", {})], false, false)
	not r.eligible_students.a
	f := _finding(r, "education.eligible_student", "a")
	f.outcome == "not_met"
	f.values == {"stage": "compulsory", "basis": []}
	r.programs.education.rules == [{"rule": "education.eligible_student", "clause": 8, "outcome": "not_met"}]

	# Born 2010-01-01 → 15, a minor: neither orphan nor de-facto unsupported is said, both read as false.
	r.missing_facts == {
		{
			"pointer": "/household/members/0/orphan", "program": "education",
			"rule": "education.eligible_student", "assumption": "read_as_false",
		},
		{
			"pointer": "/household/members/0/de_facto_unsupported_child", "program": "education",
			"rule": "education.eligible_student", "assumption": "read_as_false",
		},
	}
}

test_clause8_not_enrolled_ignored if {
	m := {"id": "a", "birth_date": "2010-01-01", "education": {"enrolled": false, "stage": "compulsory"}}
	r := _run([m], true, false)
	[f] := [f | some f in r.findings]
	f.rule == "education.no_student"
	f.values == {"students": 0}
	r.programs.education.rules == [{"rule": "education.no_student", "clause": 8, "outcome": "not_met"}]
}

test_clause8_stage_missing if {
	r := _run([{"id": "a", "birth_date": "2010-01-01", "education": {"enrolled": true}}], true, false)
	_finding(r, "education.stage_given", "a").outcome == "not_met"
	r.programs.education.rules == [{"rule": "education.stage_given", "clause": 8, "outcome": "not_met"}]
	r.missing_facts == {{
		"pointer": "/household/members/0/education/stage", "program": "education",
		"rule": "education.stage_given", "assumption": "not_assessed",
	}}
}

# Disabled minor who cannot attend: ages 6–15 on 2025-06-01. Born 2019-06-01 → 6; 2019-06-02 → 5;
# born 2009-06-02 → 15; 2009-06-01 → 16.
_cannot(id, birth, disability) := {
	"id": id, "birth_date": birth, "disability": disability,
	"education": {"enrolled": false, "cannot_attend_due_to_disability": true},
}

_dis := {"grade": 2, "type": "intellectual"}

test_clause8_placement_age_6 if {
	r := _run([_cannot("a", "2019-06-01", _dis)], false, false)
	r.placements.a.age == 6
	f := _finding(r, "education.disabled_minor_placement", "a")
	f.outcome == "met"
	f.values == {"age": 6, "age_min": 6, "age_max": 15, "disabled": true}
	r.programs.education.eligible
	r.programs.education.in_kind == ["special_education_placement"]
	r.program_details.education == {"placements": {"a": {"age": 6}}}
}

test_clause8_placement_age_5_not if {
	r := _run([_cannot("a", "2019-06-02", _dis)], false, false)
	not r.placements.a
	f := _finding(r, "education.disabled_minor_placement", "a")
	f.outcome == "not_met"
	f.values == {"age": 5, "age_min": 6, "age_max": 15, "disabled": true}
	r.programs.education.rules == [{"rule": "education.disabled_minor_placement", "clause": 8, "outcome": "not_met"}]
}

test_clause8_placement_age_15 if {
	r := _run([_cannot("a", "2009-06-02", _dis)], false, false)
	r.placements.a.age == 15
}

test_clause8_placement_age_16_not if {
	r := _run([_cannot("a", "2009-06-01", _dis)], false, false)
	not r.placements.a
}

test_clause8_placement_needs_disability if {
	r := _run([_cannot("a", "2015-01-01", null)], false, false)
	not r.placements.a
	f := _finding(r, "education.disabled_minor_placement", "a")
	f.outcome == "not_met"
	f.values.disabled == false
}

# Two students of different stages: both stage rules are decisive, the codes are the union.
test_clause8_two_stages_rules_and_codes if {
	r := _run([_student("a", "compulsory", {}), _student("b", "higher", {})], true, false)
	p := r.programs.education
	p.covered_member_ids == ["a", "b"]
	p.in_kind == ["education_living_subsidy", "national_grant", "work_study_post"]
	[x.rule | some x in p.rules] == ["education.compulsory_aid", "education.higher_aid"]
}
