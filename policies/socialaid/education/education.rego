# METADATA
# title: Clause 8 — education assistance (教育救助)
# description: >-
#   8.健全教育救助制度. A student at any stage except postgraduate from a 低保 or 特困 family, an orphan
#   or a de-facto unsupported child gets the aid of the stage; a disabled minor of compulsory-education
#   age who cannot attend school is placed (special-education school or class, teaching at home, or a
#   mainstream class). The plan gives no amounts: monthly_amount is 0 and the aid is listed by name.
# schemas:
#   - input: schema["household.schema"]
package socialaid.education

import data.socialaid.lib
import data.socialaid.params
import data.socialaid.status

_members := input.household.members

_p := params.value.education

_bases := ["dibao_family", "tekun_family", "orphan", "de_facto_unsupported_child"]

_basis_zh := {
	"dibao_family": "低保家庭学生",
	"tekun_family": "特困供养人员家庭学生",
	"orphan": "孤儿",
	"de_facto_unsupported_child": "事实无人抚养儿童",
}

_has_basis("dibao_family", _) if status.dibao_family

_has_basis("tekun_family", _) if status.tekun_family

_has_basis("orphan", m) if m.orphan == true

_has_basis("de_facto_unsupported_child", m) if m.de_facto_unsupported_child == true

basis(m) := [b | some b in _bases; _has_basis(b, m)]

# aid by stage, as the plan names it.
aid := {
	"preschool": [{"zh": "保育教育生活费", "en": "care and education living costs"}],
	"compulsory": [{"zh": "家庭经济困难学生生活费补助", "en": "living subsidy for students from families in difficulty"}],
	"senior_secondary": [
		{"zh": "减免学费", "en": "tuition waiver"},
		{"zh": "国家助学金", "en": "national grant"},
	],
	"higher": [
		{"zh": "国家助学金", "en": "national grant"},
		{"zh": "勤工助学岗位", "en": "work-study post (arranged by the school)"},
	],
}

_stage_zh := {
	"preschool": "学前教育",
	"compulsory": "义务教育",
	"senior_secondary": "高中阶段教育（含中职）",
	"higher": "普通高等教育（含高职、大专）",
	"postgraduate": "研究生",
}

_enrolled(m) if m.education.enrolled == true

students contains m if {
	some m in _members
	_enrolled(m)
}

# eligible_students[id]: enrolled below postgraduate, with at least one basis.
eligible_students[m.id] := {"stage": m.education.stage, "basis": basis(m), "aid": aid[m.education.stage]} if {
	some m in students
	aid[m.education.stage]
	count(basis(m)) > 0
}

_placement_options := [
	{"zh": "特殊教育学校（班）就读", "en": "special-education school or class"},
	{"zh": "送教上门", "en": "teaching at home"},
	{"zh": "随班就读", "en": "mainstream class"},
]

_cannot_attend(m) if m.education.cannot_attend_due_to_disability == true

_school_age(m) if {
	status.age(m) >= _p.compulsory_age_min
	status.age(m) <= _p.compulsory_age_max
}

placements[m.id] := {"age": status.age(m), "disability": m.disability, "options": _placement_options} if {
	some m in _members
	_cannot_attend(m)
	status.disabled(m)
	_school_age(m)
}

covered_member_ids := sort({id | some id, _ in eligible_students} | {id | some id, _ in placements})

default eligible := false

eligible if count(covered_member_ids) > 0

programs["education"] := lib.program("education", eligible, 0, covered_member_ids, {
	"students": eligible_students,
	"placements": placements,
})

_aid_finding(meta, m) := lib.finding(meta, {
	"program": "education",
	"outcome": "met",
	"member_id": m.id,
	"facts": {"stage": m.education.stage, "basis": basis(m)},
	"message": {
		"zh": sprintf("%s阶段就读的%s：%s", [
			_stage_zh[m.education.stage],
			concat("、", [_basis_zh[b] | some b in basis(m)]),
			concat("、", [a.zh | some a in aid[m.education.stage]]),
		]),
		"en": sprintf("%s student (%s): %s", [
			m.education.stage,
			concat(", ", basis(m)),
			concat(", ", [a.en | some a in aid[m.education.stage]]),
		]),
	},
})

# METADATA
# title: Preschool aid
# custom:
#   clause: 8
#   quote: 对学前教育阶段的救助对象资助保育教育生活费
findings contains _aid_finding(rego.metadata.rule(), m) if {
	some m in students
	eligible_students[m.id].stage == "preschool"
}

# METADATA
# title: Compulsory-education aid
# custom:
#   clause: 8
#   quote: 对义务教育阶段的救助对象资助家庭经济困难学生生活费补助
findings contains _aid_finding(rego.metadata.rule(), m) if {
	some m in students
	eligible_students[m.id].stage == "compulsory"
}

# METADATA
# title: Senior-secondary aid
# custom:
#   clause: 8
#   quote: 对高中阶段教育（含中职）的救助对象减免学费和发放国家助学金
findings contains _aid_finding(rego.metadata.rule(), m) if {
	some m in students
	eligible_students[m.id].stage == "senior_secondary"
}

# METADATA
# title: Higher-education aid
# custom:
#   clause: 8
#   quote: 对普通高等教育（含高职、大专）阶段的救助对象发放国家助学金，学校根据实际情况安排勤工助学岗位
findings contains _aid_finding(rego.metadata.rule(), m) if {
	some m in students
	eligible_students[m.id].stage == "higher"
}

# METADATA
# title: Postgraduates excluded
# description: Education assistance covers every stage except postgraduate study.
# custom:
#   clause: 8
#   quote: 对在各学段（不含研究生）就读的
findings contains lib.finding(rego.metadata.rule(), {
	"program": "education",
	"outcome": "not_met",
	"member_id": m.id,
	"facts": {"stage": "postgraduate"},
	"message": {"zh": "研究生阶段不属于教育救助范围", "en": "postgraduate study is not covered by education assistance"},
}) if {
	some m in students
	m.education.stage == "postgraduate"
}

# METADATA
# title: Student not from an eligible family or group
# description: >-
#   A student below postgraduate level who is not from a 低保 or 特困 family, not an orphan and not a
#   de-facto unsupported child is not covered.
# custom:
#   clause: 8
#   quote: 低保和特困供养人员家庭学生、孤儿、事实无人抚养儿童
findings contains lib.finding(rego.metadata.rule(), {
	"program": "education",
	"outcome": "not_met",
	"member_id": m.id,
	"facts": object.union(
		status.family_facts,
		{"stage": m.education.stage, "orphan": false, "de_facto_unsupported_child": false},
	),
	"message": {
		"zh": "学生不属于低保或特困供养人员家庭学生、孤儿或事实无人抚养儿童",
		"en": "the student is not from a 低保 or 特困 family, not an orphan and not a de-facto unsupported child",
	},
}) if {
	some m in students
	aid[m.education.stage]
	count(basis(m)) == 0
}

# METADATA
# title: Stage not given
# description: An enrolled student needs a stage to get the aid of the stage.
# custom:
#   clause: 8
#   quote: 根据不同教育阶段需求和实际情况，按政策规定给予相应的教育救助
findings contains lib.finding(rego.metadata.rule(), {
	"program": "education",
	"outcome": "not_met",
	"member_id": m.id,
	"facts": {"stage": null},
	"message": {"zh": "未提供就读学段，无法确定救助内容", "en": "no education stage given: the aid of the stage cannot be decided"},
}) if {
	some m in students
	status.get(m, ["education", "stage"], null) == null
}

# METADATA
# title: Disabled minor who cannot attend school — placement
# description: >-
#   A disabled minor of compulsory-education age who cannot attend school is placed by the child's
#   disability, ability and needs: special-education school or class, teaching at home, or a mainstream class.
# custom:
#   clause: 8
#   quote: 组织进入特殊教育学校（班）就读，或采取送教上门、随班就读等形式实施义务教育
findings contains lib.finding(rego.metadata.rule(), {
	"program": "education",
	"outcome": "met",
	"member_id": id,
	"facts": {
		"age": p.age,
		"age_range": [_p.compulsory_age_min, _p.compulsory_age_max],
		"disability": p.disability,
	},
	"message": {
		"zh": sprintf("%d岁残疾未成年人不方便入学：根据残疾类别、接受能力、教育需求安排特殊教育学校（班）就读、送教上门或随班就读", [p.age]),
		"en": sprintf(
			concat("", [
				"disabled minor aged %d who cannot attend: special-education school or class, teaching at home, ",
				"or mainstream class, by the child's situation",
			]),
			[p.age],
		),
	},
}) if {
	some id, p in placements
}

# METADATA
# title: Cannot attend school — not a disabled minor of compulsory-education age
# description: The placement is for disabled minors of compulsory-education age only.
# custom:
#   clause: 8
#   quote: 因身心障碍等原因不方便入学接受义务教育的适龄残疾未成年人
findings contains lib.finding(rego.metadata.rule(), {
	"program": "education",
	"outcome": "not_met",
	"member_id": m.id,
	"facts": {
		"age": status.age(m),
		"age_range": [_p.compulsory_age_min, _p.compulsory_age_max],
		"disabled": _disabled_bool(m),
	},
	"message": {
		"zh": sprintf("%d岁，不属于%d至%d周岁的适龄残疾未成年人", [status.age(m), _p.compulsory_age_min, _p.compulsory_age_max]),
		"en": sprintf(
			"aged %d: not a disabled minor of compulsory-education age (%d to %d)",
			[status.age(m), _p.compulsory_age_min, _p.compulsory_age_max],
		),
	},
}) if {
	some m in _members
	_cannot_attend(m)
	not placements[m.id]
}

_disabled_bool(m) if status.disabled(m)

else := false
