# METADATA
# title: Clause 9 — housing assistance (住房救助)
# description: >-
#   9.健全住房救助制度. A 低保 family meeting the local housing-difficulty standard (asserted by the
#   caller) and a dispersed 特困 person get housing assistance: in town, public rental housing or a rent
#   subsidy, applied for through the town or street office or the housing department, civil affairs
#   verifying the 低保/特困 status and the housing department the housing; in the countryside, priority
#   for dangerous-house renovation. The plan leaves the amounts to local publication: monthly_amount is 0.
# schemas:
#   - input: schema["household.schema"]
package socialaid.housing

import data.socialaid.lib
import data.socialaid.status

_household := input.household

_members := _household.members

_difficulty := status.get(_household, ["housing", "difficulty_meets_local_standard"], false)

_dangerous_house := status.get(_household, ["housing", "dangerous_house"], false)

default dibao_route := false

dibao_route if {
	status.dibao_family
	_difficulty == true
}

_centralized(m) := status.get(m, ["tekun_arrangement", "centralized"], false)

tekun_members contains m if {
	some m in _members
	status.tekun_member(m)
}

dispersed_tekun_ids contains m.id if {
	some m in tekun_members
	_centralized(m) == false
}

default eligible := false

eligible if dibao_route

eligible if count(dispersed_tekun_ids) > 0

covered_member_ids := sort([m.id | some m in _members]) if dibao_route

else := sort(dispersed_tekun_ids)

_forms := {
	"urban": [
		{"zh": "配租公共租赁住房", "en": "public rental housing"},
		{"zh": "发放住房租赁补贴", "en": "rent subsidy"},
	],
	"rural": [{"zh": "优先纳入农村危房改造", "en": "priority for dangerous-house renovation"}],
}

_urban_procedure := {
	"apply_via": [
		{"zh": "镇人民政府、街道办事处", "en": "town government or street office"},
		{"zh": "住建部门", "en": "housing department (directly)"},
	],
	"verification": [
		{"body": {"zh": "区民政局", "en": "district civil affairs bureau"}, "verifies": "dibao_tekun_status"},
		{"body": {"zh": "区住建局", "en": "district housing and construction bureau"}, "verifies": "housing"},
	],
}

_details := {
	"basis": _basis,
	"forms": _forms[_household.area],
	"procedure": _urban_procedure,
} if {
	eligible
	_household.area == "urban"
} else := {
	"basis": _basis,
	"forms": _forms[_household.area],
	"dangerous_house": _dangerous_house,
} if {
	eligible
} else := {"basis": _basis}

_basis := {
	"dibao_family_with_housing_difficulty": dibao_route,
	"dispersed_tekun_member_ids": sort(dispersed_tekun_ids),
}

programs["housing"] := lib.program("housing", eligible, 0, covered_member_ids, _details)

# METADATA
# title: 低保 family with housing difficulty
# description: >-
#   A 低保 family whose housing difficulty meets the local standard (asserted by the caller) gets
#   housing assistance.
# custom:
#   clause: 9
#   quote: 对符合规定标准的住房困难最低生活保障家庭、分散供养的特困人员，给予住房救助
findings contains lib.finding(rego.metadata.rule(), {
	"program": "housing",
	"outcome": _met(dibao_route),
	"facts": {"dibao_family": status.dibao_family, "difficulty_meets_local_standard": _difficulty},
	"message": _dibao_message,
})

_met(true) := "met"

_met(false) := "not_met"

_dibao_message := {
	"zh": "低保家庭，住房困难符合规定标准",
	"en": "a 低保 family whose housing difficulty meets the local standard",
} if {
	dibao_route
} else := {
	"zh": "低保家庭，但住房困难不符合规定标准",
	"en": "a 低保 family, but the housing difficulty does not meet the local standard",
} if {
	status.dibao_family
} else := {
	"zh": "不是低保家庭",
	"en": "not a 低保 family",
}

# METADATA
# title: Dispersed 特困 person
# description: >-
#   A 特困 person supported at home (dispersed) gets housing assistance; one in centralized support is
#   housed by the institution.
# custom:
#   clause: 9
#   quote: 分散供养的特困人员，给予住房救助
findings contains lib.finding(rego.metadata.rule(), {
	"program": "housing",
	"outcome": _met(_centralized(m) == false),
	"member_id": m.id,
	"facts": {"tekun_member": true, "centralized": _centralized(m)},
	"message": _tekun_message(_centralized(m)),
}) if {
	some m in tekun_members
}

_tekun_message(false) := {"zh": "分散供养的特困人员", "en": "a dispersed 特困 person"}

_tekun_message(true) := {
	"zh": "集中供养的特困人员，由供养机构解决住房",
	"en": "a 特困 person in centralized support, housed by the institution",
}

# METADATA
# title: Urban housing assistance and how to apply
# description: >-
#   In town: public rental housing or a rent subsidy; apply through the town or street office or directly
#   to the housing department; the civil affairs bureau verifies the 低保/特困 status, the housing bureau
#   the housing.
# custom:
#   clause: 9
#   quote: 城镇家庭可通过镇人民政府、街道办事处或者直接向住建部门提出申请，由区民政局核实申请家庭的最低生活保障及特困供养人员资格，由区住建局审核其家庭住房状况并公示
findings contains lib.finding(rego.metadata.rule(), {
	"program": "housing",
	"outcome": "met",
	"facts": {"area": "urban"},
	"message": {
		"zh": "配租公共租赁住房或发放住房租赁补贴；通过镇人民政府、街道办事处或直接向住建部门申请，区民政局核实低保、特困资格，区住建局审核住房状况",
		"en": concat("", [
			"public rental housing or rent subsidy; apply via the town or street office or the housing department; ",
			"civil affairs verifies the 低保/特困 status, the housing bureau the housing",
		]),
	},
}) if {
	eligible
	_household.area == "urban"
}

# METADATA
# title: Rural housing assistance — priority for dangerous-house renovation
# custom:
#   clause: 9
#   quote: 农村住房救助对象，符合条件的优先纳入农村危房改造的对象范围
findings contains lib.finding(rego.metadata.rule(), {
	"program": "housing",
	"outcome": "met",
	"facts": {"area": "rural", "dangerous_house": _dangerous_house},
	"message": {
		"zh": "农村住房救助对象，优先纳入农村危房改造对象范围",
		"en": "rural housing assistance: priority for dangerous-house renovation",
	},
}) if {
	eligible
	_household.area == "rural"
}
