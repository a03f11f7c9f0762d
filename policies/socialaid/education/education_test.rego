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
	r.eligible_students.a.aid == [{"zh": "保育教育生活费", "en": "care and education living costs"}]
	f := _finding(r, "Preschool aid", "a")
	f.quote == "对学前教育阶段的救助对象资助保育教育生活费"
	f.message.zh == "学前教育阶段就读的低保家庭学生：保育教育生活费"
}

test_clause8_compulsory_tekun_family if {
	r := _run([_student("a", "compulsory", {})], false, true)
	r.eligible_students.a.basis == ["tekun_family"]
	_finding(r, "Compulsory-education aid", "a").outcome == "met"
}

test_clause8_senior_secondary_orphan if {
	r := _run([_student("a", "senior_secondary", {"orphan": true})], false, false)
	r.eligible_students.a.basis == ["orphan"]
	[x.zh | some x in r.eligible_students.a.aid] == ["减免学费", "国家助学金"]
	_finding(r, "Senior-secondary aid", "a").outcome == "met"
}

test_clause8_higher_unsupported_child if {
	r := _run([_student("a", "higher", {"de_facto_unsupported_child": true})], true, false)
	r.eligible_students.a.basis == ["dibao_family", "de_facto_unsupported_child"]
	[x.zh | some x in r.eligible_students.a.aid] == ["国家助学金", "勤工助学岗位"]
	_finding(r, "Higher-education aid", "a").outcome == "met"
	r.programs.education.covered_member_ids == ["a"]
	r.programs.education.tier == "special"
}

test_clause8_postgraduate_excluded if {
	r := _run([_student("a", "postgraduate", {})], true, false)
	not r.eligible_students.a
	_finding(r, "Postgraduates excluded", "a").outcome == "not_met"
	not r.programs.education.eligible
}

test_clause8_no_basis if {
	r := _run([_student("a", "compulsory", {})], false, false)
	not r.eligible_students.a
	_finding(r, "Student not from an eligible family or group", "a").outcome == "not_met"
}

test_clause8_not_enrolled_ignored if {
	m := {"id": "a", "birth_date": "2010-01-01", "education": {"enrolled": false, "stage": "compulsory"}}
	r := _run([m], true, false)
	count(r.findings) == 0
}

test_clause8_stage_missing if {
	r := _run([{"id": "a", "birth_date": "2010-01-01", "education": {"enrolled": true}}], true, false)
	_finding(r, "Stage not given", "a").outcome == "not_met"
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
	count(r.placements.a.options) == 3
	f := _finding(r, "Disabled minor who cannot attend school — placement", "a")
	f.outcome == "met"
	r.programs.education.eligible
}

test_clause8_placement_age_5_not if {
	r := _run([_cannot("a", "2019-06-02", _dis)], false, false)
	not r.placements.a
	f := _finding(r, "Cannot attend school — not a disabled minor of compulsory-education age", "a")
	f.message.en == "aged 5: not a disabled minor of compulsory-education age (6 to 15)"
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
	f := _finding(r, "Cannot attend school — not a disabled minor of compulsory-education age", "a")
	f.facts.disabled == false
}
