# METADATA
# title: Clause 9 — housing assistance (住房救助)
# description: >-
#   9.健全住房救助制度. A 低保 family and a dispersed 特困 person, each with housing difficulty by the local
#   standard ("符合规定标准的住房困难" governs both; the caller asserts it), get housing assistance: in
#   town, public rental housing or a rent subsidy, applied for through the town or street office or the
#   housing department (civil affairs verifies the 低保/特困 status, the housing department the housing),
#   and the eligible enter the public-housing waiting list with priority (轮候, 优先给予保障); in the
#   countryside, priority for dangerous-house renovation. The plan leaves the amounts to local
#   publication: the aid is in kind (codes named in catalog.aid) and monthly_amount is 0.
# schemas:
#   - input: schema["household.schema"]
package socialaid.housing

import data.socialaid.facts
import data.socialaid.lib
import data.socialaid.status

_urban := input.household.area == "urban"

_difficulty_given := facts.get(input.household, ["housing", "difficulty_meets_local_standard"], null)

# difficulty: the household's housing difficulty meets the local standard (asserted by the caller;
# absent reads as not established, and is named in missing_facts).
default difficulty := false

difficulty if _difficulty_given == true

_dangerous_house := facts.get(input.household, ["housing", "dangerous_house"], false)

default dibao_route := false

dibao_route if {
	status.dibao_family
	difficulty
}

_centralized(m) := facts.get(m, ["tekun_arrangement", "centralized"], false)

tekun_ids := status.tekun_member_ids

# dispersed_tekun_ids: 特困 people supported at home (分散供养); absent arrangement reads as dispersed.
dispersed_tekun_ids := {m.id |
	some m in input.household.members
	m.id in tekun_ids
	_centralized(m) == false
}

# tekun_route_ids: dispersed 特困 people whose housing difficulty meets the local standard.
tekun_route_ids := dispersed_tekun_ids if difficulty

else := set()

default eligible := false

eligible if dibao_route

eligible if count(tekun_route_ids) > 0

covered_member_ids := sort([m.id | some m in input.household.members]) if dibao_route

else := sort(tekun_route_ids)

# --- the compact program entry ---

_in_kind := ["housing_waiting_list_priority", "public_rental_housing", "rent_subsidy"] if {
	eligible
	_urban
} else := ["dangerous_house_renovation_priority"] if {
	eligible
} else := []

_basis := [code |
	some code, holds in {"dibao_family": dibao_route, "dispersed_tekun": count(tekun_route_ids) > 0}
	holds
]

_route_refs := [{"rule": id, "clause": 9, "outcome": "met"} |
	some id, holds in {
		"housing.dibao_family_difficulty": dibao_route,
		"housing.dispersed_tekun": count(tekun_route_ids) > 0,
	}
	holds
]

_rules := array.concat(_route_refs, [{"rule": "housing.urban_waiting_list", "clause": 9, "outcome": "met"}]) if {
	eligible
	_urban
} else := array.concat(_route_refs, [{"rule": "housing.rural_dangerous_house", "clause": 9, "outcome": "met"}]) if {
	eligible
} else := [
	{"rule": "housing.dispersed_tekun", "clause": 9, "outcome": "not_met"},
	{"rule": "housing.dibao_family_difficulty", "clause": 9, "outcome": "not_met"},
] if {
	# a household with 特困 members and no 低保 family: the 特困 route is the one that could have applied
	count(tekun_ids) > 0
	not status.dibao_family
} else := array.concat(
	[{"rule": "housing.dibao_family_difficulty", "clause": 9, "outcome": "not_met"}],
	[{"rule": "housing.dispersed_tekun", "clause": 9, "outcome": "not_met"} | count(tekun_ids) > 0],
)

_details := {"basis": _basis, "waiting_list_priority": true} if {
	eligible
	_urban
} else := {"basis": _basis, "dangerous_house": _dangerous_house} if {
	eligible
} else := {}

programs := {"housing": _entry}

# _entry: a household with neither a 低保 family nor a 特困 member is decided by the 低保 route alone
# (housing.dibao_family_difficulty not met): both routes of clause 9 start from one of them, so nothing
# else is looked at. Only a household with one of them has its entry worked out.
_entry := {
	"clause": 9,
	"tier": "special",
	"eligible": false,
	"monthly_amount": 0,
	"in_kind": [],
	"covered_member_ids": [],
	"rules": [{"rule": "housing.dibao_family_difficulty", "clause": 9, "outcome": "not_met"}],
} if {
	not status.dibao_family
	count(tekun_ids) == 0
} else := {
	"clause": 9,
	"tier": "special",
	"eligible": eligible,
	"monthly_amount": 0,
	"in_kind": _in_kind,
	"covered_member_ids": covered_member_ids,
	"rules": _rules,
}

program_details["housing"] := _details

# --- missing facts ---

# The housing difficulty decides both routes: when a 低保 family or a dispersed 特困 person has no word on
# it, housing assistance is not established.
missing_facts contains {
	"pointer": "/household/housing/difficulty_meets_local_standard",
	"program": "housing",
	"rule": rule,
	"assumption": "not_established",
} if {
	_difficulty_given == null
	some rule, applies in {
		"housing.dibao_family_difficulty": status.dibao_family,
		"housing.dispersed_tekun": count(dispersed_tekun_ids) > 0,
	}
	applies
}

# A 特困 person with no word on the arrangement is read as dispersed (supported at home).
missing_facts contains {
	"pointer": facts.pointer(m.id, ["tekun_arrangement", "centralized"]),
	"program": "housing",
	"rule": "housing.dispersed_tekun",
	"assumption": "read_as_dispersed",
} if {
	some m in input.household.members
	m.id in tekun_ids
	facts.get(m, ["tekun_arrangement", "centralized"], null) == null
}

# --- findings (explanation only) ---

# METADATA
# title: 低保 family with housing difficulty
# description: >-
#   A 低保 family whose housing difficulty meets the local standard (asserted by the caller) gets housing
#   assistance.
# custom:
#   id: housing.dibao_family_difficulty
#   clause: 9
#   basis: plan
#   title_zh: 符合规定标准的住房困难最低生活保障家庭
#   quote: 对符合规定标准的住房困难最低生活保障家庭、分散供养的特困人员，给予住房救助
#   message:
#     met:
#       zh: 低保家庭，住房困难符合规定标准
#       en: a 低保 family whose housing difficulty meets the local standard
#     not_met:
#       zh: 不是住房困难符合规定标准的低保家庭（低保家庭：{dibao_family}；住房困难符合标准：{difficulty}）
#       en: >-
#         not a 低保 family with housing difficulty by the local standard (低保 family: {dibao_family};
#         difficulty meets the standard: {difficulty})
findings contains lib.household_finding(rego.metadata.rule(), "housing", lib.outcome(dibao_route), {
	"dibao_family": status.dibao_family,
	"difficulty": difficulty,
})

# METADATA
# title: Dispersed 特困 person with housing difficulty
# description: >-
#   A 特困 person supported at home (dispersed) whose housing difficulty meets the local standard gets
#   housing assistance: "符合规定标准的住房困难" governs dispersed 特困 people too (READING.md, clause 9).
#   One in centralized support is housed by the institution.
# custom:
#   id: housing.dispersed_tekun
#   clause: 9
#   basis: plan
#   title_zh: 符合规定标准的住房困难分散供养特困人员
#   quote: 对符合规定标准的住房困难最低生活保障家庭、分散供养的特困人员，给予住房救助
#   message:
#     met:
#       zh: 分散供养的特困人员，住房困难符合规定标准
#       en: a dispersed 特困 person whose housing difficulty meets the local standard
#     not_met:
#       zh: 特困人员（集中供养：{centralized}；住房困难符合标准：{difficulty}），不给予住房救助
#       en: >-
#         a 特困 person (centralized support: {centralized}; difficulty meets the standard: {difficulty}) —
#         no housing assistance
findings contains lib.member_finding(rego.metadata.rule(), "housing", lib.outcome(id in tekun_route_ids), id, {
	"centralized": centralized,
	"difficulty": difficulty,
}) if {
	some id in tekun_ids
	centralized := _not_in(id, dispersed_tekun_ids)
}

# _not_in(x, s): true when x is not in s, false when it is.
_not_in(x, s) := false if x in s

else := true

# METADATA
# title: Urban housing assistance — public rental housing or rent subsidy
# description: In town, housing assistance is public rental housing or a rental subsidy.
# custom:
#   id: housing.urban_forms
#   clause: 9
#   basis: plan
#   title_zh: 配租公共租赁住房、发放住房租赁补贴
#   quote: 住房救助通过配租公共租赁住房、发放住房租赁补贴、农村危房改造等方式实施
findings contains lib.household_finding(rego.metadata.rule(), "housing", "met", {"area": "urban"}) if {
	eligible
	_urban
}

# METADATA
# title: Urban application and verification
# description: >-
#   Apply through the town or street office or directly to the housing department; the civil affairs
#   bureau verifies the 低保/特困 status, the housing bureau the housing.
# custom:
#   id: housing.urban_application
#   clause: 9
#   basis: plan
#   title_zh: 城镇家庭申请程序
#   quote: >-
#     城镇家庭可通过镇人民政府、街道办事处或者直接向住建部门提出申请，由区民政局核实申请家庭的最低生活保障及特困供养人员资格，由区住建局审核其家庭住房状况并公示
#   message:
#     info:
#       zh: 通过镇人民政府、街道办事处或直接向住建部门申请；区民政局核实低保、特困资格，区住建局审核住房状况并公示
#       en: >-
#         apply via the town or street office or the housing department; civil affairs verifies the
#         低保/特困 status, the housing bureau the housing
findings contains lib.household_finding(rego.metadata.rule(), "housing", "info", {"area": "urban"}) if {
	eligible
	_urban
}

# METADATA
# title: Urban waiting list with priority
# description: >-
#   Urban applicants who meet the conditions enter the public-housing waiting list (轮候) and are given
#   priority.
# custom:
#   id: housing.urban_waiting_list
#   clause: 9
#   basis: plan
#   title_zh: 纳入城镇住房保障轮候对象范围，优先给予保障
#   quote: 经审核符合规定条件的，纳入城镇住房保障轮候对象范围，优先给予保障
#   message:
#     met:
#       zh: 纳入城镇住房保障轮候对象范围，优先给予保障
#       en: enters the urban public-housing waiting list with priority
findings contains lib.household_finding(rego.metadata.rule(), "housing", "met", {"waiting_list_priority": true}) if {
	eligible
	_urban
}

# METADATA
# title: Rural housing assistance — priority for dangerous-house renovation
# custom:
#   id: housing.rural_dangerous_house
#   clause: 9
#   basis: plan
#   title_zh: 农村住房救助对象优先纳入危房改造
#   quote: 农村住房救助对象，符合条件的优先纳入农村危房改造的对象范围
#   message:
#     met:
#       zh: 农村住房救助对象，优先纳入农村危房改造对象范围
#       en: rural housing assistance — priority for dangerous-house renovation
findings contains lib.household_finding(rego.metadata.rule(), "housing", "met", {
	"dangerous_house": _dangerous_house,
}) if {
	eligible
	not _urban
}
