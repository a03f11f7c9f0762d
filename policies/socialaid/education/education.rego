# METADATA
# title: Clause 8 — education assistance (教育救助)
# description: >-
#   8.健全教育救助制度. A student at any stage except postgraduate from a 低保 or 特困 family, an orphan
#   or a de-facto unsupported child gets the aid of the stage; a disabled minor of compulsory-education
#   age who cannot attend school is placed (special-education school or class, teaching at home, or a
#   mainstream class). The plan gives no amounts: the aid is in kind (codes named in catalog.aid) and
#   monthly_amount is 0.
# schemas:
#   - input: schema["household.schema"]
package socialaid.education

import data.socialaid.facts
import data.socialaid.lib
import data.socialaid.params
import data.socialaid.status

_p := params.p.education

# The bases of clause 8, in the plan's order: 低保 family, 特困 family, orphan, de-facto unsupported child.

# aid[stage]: the aid of each stage, as codes of aid in kind (catalog.aid), in the plan's words:
# 保育教育生活费; 家庭经济困难学生生活费补助; 减免学费和发放国家助学金; 国家助学金, 勤工助学岗位.
aid := {
	"preschool": ["education_care_living_costs"],
	"compulsory": ["education_living_subsidy"],
	"senior_secondary": ["tuition_waiver", "national_grant"],
	"higher": ["national_grant", "work_study_post"],
}

# The finding rule of each stage's aid.
_stage_rule := {
	"preschool": "education.preschool_aid",
	"compulsory": "education.compulsory_aid",
	"senior_secondary": "education.senior_secondary_aid",
	"higher": "education.higher_aid",
}

_enrolled(m) if m.education.enrolled == true

_stage(m) := facts.get(m, ["education", "stage"], null)

# students[id]: every enrolled member, with the basis codes (empty when none).
students := {m.id: {"stage": _stage(m), "basis": array.concat(_family_bases, _own_bases(m))} |
	some m in input.household.members
	m.education.enrolled == true
}

# _family_bases: the household-wide bases (低保 family, 特困 family), read once; _own_bases: the child's own.
_family_bases := [b | some b, holds in {"dibao_family": status.dibao_family, "tekun_family": status.tekun_family}; holds]

_own_bases(m) := [b | some b in ["orphan", "de_facto_unsupported_child"]; m[b] == true]

# eligible_students[id]: enrolled below postgraduate (a stage with aid), with at least one basis.
eligible_students := {id: {"stage": s.stage, "basis": s.basis, "aid": aid[s.stage]} |
	some id, s in students
	aid[s.stage]
	count(s.basis) > 0
}

_cannot_attend(m) if m.education.cannot_attend_due_to_disability == true

_school_age(m) if {
	facts.ages[m.id] >= _p.compulsory_age_min
	facts.ages[m.id] <= _p.compulsory_age_max
}

# placements[id]: a disabled minor of compulsory-education age who cannot attend school.
placements := {m.id: {"age": facts.ages[m.id]} |
	some m in input.household.members
	_cannot_attend(m)
	m.id in facts.disabled_ids
	_school_age(m)
}

_unplaced := {m.id |
	some m in input.household.members
	_cannot_attend(m)
	not placements[m.id]
}

covered_member_ids := sort({id | some id, _ in eligible_students} | {id | some id, _ in placements})

default eligible := false

eligible if count(covered_member_ids) > 0

# --- the compact program entry ---

_in_kind := sort({code | some s in eligible_students; some code in s.aid} | {"special_education_placement" |
	count(placements) > 0
})

_stage_order := ["preschool", "compulsory", "senior_secondary", "higher"]

_stages_aided := {s.stage | some s in eligible_students}

_rules := array.slice(
	array.concat(
		[{"rule": _stage_rule[st], "clause": 8, "outcome": "met"} | some st in _stage_order; st in _stages_aided],
		[{"rule": "education.disabled_minor_placement", "clause": 8, "outcome": "met"} | count(placements) > 0],
	),
	0, 4,
) if eligible

_rules := _failing if not eligible

default no_student := false

# no_student: no member is enrolled or kept from school by a disability — nothing to decide under clause 8.
no_student if {
	count(students) == 0
	count(_unplaced) == 0
	not eligible
}

_failing := refs if {
	refs := array.slice(
		[{"rule": id, "clause": 8, "outcome": "not_met"} |
			some id, failed in {
				"education.eligible_student": _unfounded,
				"education.postgraduate_excluded": _postgraduate,
				"education.stage_given": _stage_missing,
				"education.disabled_minor_placement": count(_unplaced) > 0,
			}
			failed
		],
		0, 4,
	)
	count(refs) > 0
} else := [{"rule": "education.no_student", "clause": 8, "outcome": "not_met"}]

default _unfounded := false

_unfounded if {
	some s in students
	aid[s.stage]
	count(s.basis) == 0
}

default _postgraduate := false

_postgraduate if {
	some s in students
	s.stage == "postgraduate"
}

default _stage_missing := false

_stage_missing if {
	some s in students
	s.stage == null
}

_details := {k: v | some k, v in {"students": eligible_students, "placements": placements}; count(v) > 0}

programs := {"education": _entry}

# _entry: a household with no member enrolled in education and none kept from school by a disability has
# no student to decide (education.no_student), and nothing else is looked at. Only a household with one
# has its entry worked out.
_entry := {
	"clause": 8,
	"tier": "special",
	"eligible": false,
	"monthly_amount": 0,
	"in_kind": [],
	"covered_member_ids": [],
	"rules": [{"rule": "education.no_student", "clause": 8, "outcome": "not_met"}],
} if {
	not _in_scope
} else := {
	"clause": 8,
	"tier": "special",
	"eligible": eligible,
	"monthly_amount": 0,
	"in_kind": _in_kind,
	"covered_member_ids": covered_member_ids,
	"rules": _rules,
}

# _in_scope: some member is enrolled, or cannot attend school because of a disability.
_in_scope if {
	some m in input.household.members
	m.education.enrolled == true
}

_in_scope if {
	some m in input.household.members
	_cannot_attend(m)
}

program_details["education"] := _details

# --- missing facts ---

# An enrolled student with no stage gets no aid: the stage decides it.
missing_facts contains {
	"pointer": facts.pointer(m.id, ["education", "stage"]),
	"program": "education",
	"rule": "education.stage_given",
	"assumption": "not_assessed",
} if {
	some m in input.household.members
	_enrolled(m)
	_stage(m) == null
}

# A minor student with no family basis and no word on being an orphan or a de-facto unsupported child is
# read as neither.
missing_facts contains {
	"pointer": facts.pointer(m.id, [fact]),
	"program": "education",
	"rule": "education.eligible_student",
	"assumption": "read_as_false",
} if {
	some m in input.household.members
	s := students[m.id]
	aid[s.stage]
	count(s.basis) == 0
	m.id in facts.minor_ids
	some fact in ["orphan", "de_facto_unsupported_child"]
	object.get(m, fact, null) == null
}

# --- findings (explanation only) ---

# METADATA
# title: Student from an eligible family or group
# description: >-
#   A student below postgraduate level is covered when from a 低保 or 特困 family, an orphan or a de-facto
#   unsupported child.
# custom:
#   id: education.eligible_student
#   clause: 8
#   basis: plan
#   title_zh: 低保和特困供养人员家庭学生、孤儿、事实无人抚养儿童
#   quote: 对在各学段（不含研究生）就读的低保和特困供养人员家庭学生、孤儿、事实无人抚养儿童
#   message:
#     met:
#       zh: '{stage}阶段学生，救助依据：{basis}'
#       en: '{stage} student, covered as: {basis}'
#     not_met:
#       zh: 学生不属于低保或特困供养人员家庭学生、孤儿或事实无人抚养儿童
#       en: the student is not from a 低保 or 特困 family, not an orphan and not a de-facto unsupported child
findings contains lib.member_finding(rego.metadata.rule(), "education", lib.outcome(count(s.basis) > 0), id, {
	"stage": s.stage,
	"basis": s.basis,
}) if {
	some id, s in students
	aid[s.stage]
}

# METADATA
# title: No member enrolled or to be placed
# description: >-
#   Education assistance is for students and for disabled children who cannot attend school: a household
#   with neither has nothing to decide under clause 8.
# custom:
#   id: education.no_student
#   clause: 8
#   basis: plan
#   title_zh: 无在校学生或需安置的残疾儿童
#   quote: >-
#     对在各学段（不含研究生）就读的低保和特困供养人员家庭学生、孤儿、事实无人抚养儿童及因身心障碍等原因不方便入学接受义务教育的适龄残疾未成年人
#   message:
#     not_met:
#       zh: 家庭中没有在校学生，也没有因残疾不能入学的儿童
#       en: no member is enrolled in school, and no disabled child is kept from school
findings contains lib.household_finding(rego.metadata.rule(), "education", "not_met", {
	"students": count(students),
}) if {
	no_student
}

_aid_finding(meta, stage) := {lib.member_finding(meta, "education", "met", id, {"stage": stage, "aid": s.aid}) |
	some id, s in eligible_students
	s.stage == stage
}

# METADATA
# title: Preschool aid
# custom:
#   id: education.preschool_aid
#   clause: 8
#   basis: plan
#   title_zh: 学前教育阶段资助保育教育生活费
#   quote: 对学前教育阶段的救助对象资助保育教育生活费
#   message:
#     met:
#       zh: 学前教育阶段救助对象：资助保育教育生活费
#       en: preschool — care and education living costs
findings contains f if some f in _aid_finding(rego.metadata.rule(), "preschool")

# METADATA
# title: Compulsory-education aid
# custom:
#   id: education.compulsory_aid
#   clause: 8
#   basis: plan
#   title_zh: 义务教育阶段资助家庭经济困难学生生活费补助
#   quote: 对义务教育阶段的救助对象资助家庭经济困难学生生活费补助
#   message:
#     met:
#       zh: 义务教育阶段救助对象：资助家庭经济困难学生生活费补助
#       en: compulsory education — living subsidy for students from families in difficulty
findings contains f if some f in _aid_finding(rego.metadata.rule(), "compulsory")

# METADATA
# title: Senior-secondary aid
# custom:
#   id: education.senior_secondary_aid
#   clause: 8
#   basis: plan
#   title_zh: 高中阶段教育（含中职）减免学费和发放国家助学金
#   quote: 对高中阶段教育（含中职）的救助对象减免学费和发放国家助学金
#   message:
#     met:
#       zh: 高中阶段教育（含中职）救助对象：减免学费，发放国家助学金
#       en: senior secondary — tuition waiver and national grant
findings contains f if some f in _aid_finding(rego.metadata.rule(), "senior_secondary")

# METADATA
# title: Higher-education aid
# custom:
#   id: education.higher_aid
#   clause: 8
#   basis: plan
#   title_zh: 普通高等教育发放国家助学金，安排勤工助学岗位
#   quote: 对普通高等教育（含高职、大专）阶段的救助对象发放国家助学金，学校根据实际情况安排勤工助学岗位
#   message:
#     met:
#       zh: 普通高等教育阶段救助对象：发放国家助学金，学校安排勤工助学岗位
#       en: higher education — national grant and a work-study post arranged by the school
findings contains f if some f in _aid_finding(rego.metadata.rule(), "higher")

# METADATA
# title: Postgraduates excluded
# description: Education assistance covers every stage except postgraduate study.
# custom:
#   id: education.postgraduate_excluded
#   clause: 8
#   basis: plan
#   title_zh: 研究生阶段不在教育救助范围
#   quote: 对在各学段（不含研究生）就读的
#   message:
#     not_met:
#       zh: 研究生阶段不属于教育救助范围
#       en: postgraduate study is not covered by education assistance
findings contains lib.member_finding(rego.metadata.rule(), "education", "not_met", id, {"stage": "postgraduate"}) if {
	some id, s in students
	s.stage == "postgraduate"
}

# METADATA
# title: Stage given
# description: The aid depends on the stage; an enrolled student with no stage gets no aid until it is given.
# custom:
#   id: education.stage_given
#   clause: 8
#   basis: plan
#   title_zh: 根据教育阶段确定救助内容
#   quote: 根据不同教育阶段需求和实际情况，按政策规定给予相应的教育救助
#   message:
#     not_met:
#       zh: 未提供就读学段，无法确定救助内容
#       en: no education stage given — the aid of the stage cannot be decided
findings contains lib.member_finding(rego.metadata.rule(), "education", "not_met", id, {"stage": null}) if {
	some id, s in students
	s.stage == null
}

# METADATA
# title: Disabled minor who cannot attend school — placement
# description: >-
#   A disabled minor of compulsory-education age who cannot attend school is placed by the child's
#   disability, ability and needs: special-education school or class, teaching at home, or a mainstream
#   class. One who cannot attend but is not a disabled minor of that age is not placed (not_met).
# custom:
#   id: education.disabled_minor_placement
#   clause: 8
#   basis: plan
#   title_zh: 不方便入学的适龄残疾未成年人安排就读
#   quote: >-
#     对因身心障碍等原因不方便入学接受义务教育的适龄残疾未成年人，根据其残疾类别、接受能力、教育需求等情况，组织进入特殊教育学校（班）就读，或采取送教上门、随班就读等形式实施义务教育
#   message:
#     met:
#       zh: '{age}岁残疾未成年人不方便入学：安排特殊教育学校（班）就读、送教上门或随班就读'
#       en: >-
#         disabled minor aged {age} who cannot attend — special-education school or class, teaching at home
#         or mainstream class, by the child's situation
#     not_met:
#       zh: '{age}岁，不属于{age_min}至{age_max}周岁的适龄残疾未成年人'
#       en: 'aged {age} — not a disabled minor of compulsory-education age ({age_min} to {age_max})'
findings contains lib.member_finding(rego.metadata.rule(), "education", lib.outcome(placed), m.id, {
	"age": facts.ages[m.id],
	"age_min": _p.compulsory_age_min,
	"age_max": _p.compulsory_age_max,
	"disabled": _disabled_bool(m),
}) if {
	some m in input.household.members
	_cannot_attend(m)
	placed := m.id in object.keys(placements)
}

_disabled_bool(m) if m.id in facts.disabled_ids

else := false
