# METADATA
# title: Clauses 3 and 4 — services, grain, agricultural migrants
# description: >-
#   3.创新社会救助方式: seasonal grain assistance for rural 低保 households short of grain, and visiting
#   and care services for members of assisted families who cannot care for themselves (elderly, minors,
#   disabled). 4.促进城乡统筹发展: agricultural migrants are assessed like residents. Both programs are aid
#   in kind (codes named in catalog.aid); monthly_amount is 0.
# schemas:
#   - input: schema["household.schema"]
package socialaid.services

import data.socialaid.facts
import data.socialaid.lib
import data.socialaid.status

_grain_shortage_given := object.get(input.household, "grain_shortage", null)

default grain_shortage := false

grain_shortage if _grain_shortage_given == true

_rural := input.household.area == "rural"

default grain_eligible := false

grain_eligible if {
	_rural
	status.dibao_family
	grain_shortage
}

# _grain_program: the entry, worked out only for a household that gets grain (a household that does not
# is decided by the one rule, not met, and nothing else is looked at).
_grain_program := {
	"clause": 3,
	"tier": "basic_living",
	"eligible": false,
	"monthly_amount": 0,
	"in_kind": [],
	"covered_member_ids": [],
	"rules": [{"rule": "grain_assistance.rural_dibao_shortage", "clause": 3, "outcome": "not_met"}],
} if {
	not grain_eligible
} else := {
	"clause": 3,
	"tier": "basic_living",
	"eligible": true,
	"monthly_amount": 0,
	"in_kind": ["grain"],
	"covered_member_ids": sort([m.id | some m in input.household.members]),
	"rules": [{"rule": "grain_assistance.rural_dibao_shortage", "clause": 3, "outcome": "met"}],
}

programs := {"grain_assistance": _grain_program, "care_services": _care_program}

program_details["grain_assistance"] := {}

# A rural 低保 household with no word on a seasonal grain shortage: the shortage is not established.
missing_facts contains {
	"pointer": "/household/grain_shortage",
	"program": "grain_assistance",
	"rule": "grain_assistance.rural_dibao_shortage",
	"assumption": "not_established",
} if {
	_rural
	status.dibao_family
	_grain_shortage_given == null
}

# METADATA
# title: Seasonal grain assistance for rural 低保 households
# description: A rural 低保 household short of grain in the lean season gets grain assistance.
# custom:
#   id: grain_assistance.rural_dibao_shortage
#   clause: 3
#   basis: plan
#   title_zh: 农村低保季节性缺粮户粮食救助
#   quote: 实施农村低保季节性缺粮户粮食救助
#   message:
#     met:
#       zh: 农村低保季节性缺粮户，给予粮食救助
#       en: rural 低保 household short of grain — grain assistance
#     not_met:
#       zh: 不是农村低保季节性缺粮户（农村：{rural}；低保家庭：{dibao_family}；季节性缺粮：{grain_shortage}）
#       en: >-
#         not a rural 低保 household short of grain (rural: {rural}; 低保 family: {dibao_family};
#         short of grain: {grain_shortage})
findings contains lib.household_finding(rego.metadata.rule(), "grain_assistance", lib.outcome(grain_eligible), {
	"rural": _rural,
	"dibao_family": status.dibao_family,
	"grain_shortage": grain_shortage,
})

# --- visiting and care services ---

_categories := ["elderly", "minor", "disabled"]

_category_members := {
	"elderly": facts.elderly_ids,
	"minor": facts.minor_ids,
	"disabled": facts.disabled_ids,
}

# categories[id]: the care categories (elderly, minor, disabled) of every member, computed once.
categories := {m.id: [c | some c in _categories; m.id in _category_members[c]] | some m in input.household.members}

# _category_ids: members who are elderly, a minor or disabled.
_category_ids := (facts.elderly_ids | facts.minor_ids) | facts.disabled_ids

# _dependent: the ids of members whose self-care, where assessed, is partly or fully lost (only members
# with a self-care record are looked at).
_dependent := {m.id | some m in input.household.members; m.self_care; facts.self_care(m) != "able"}

# care_referrals[id]: a member of an assisted family who cannot care for themselves and is elderly, a
# minor or disabled.
care_referrals := {m.id: {"self_care": facts.self_care(m), "categories": categories[m.id]} |
	status.assisted_family
	some m in input.household.members
	m.id in _dependent
	m.id in _category_ids
}

default no_dependent_member := false

# no_dependent_member: no member whose self-care is assessed as partly or fully lost.
no_dependent_member if count(_dependent) == 0

default care_eligible := false

care_eligible if count(care_referrals) > 0

_care_details := {"referrals": care_referrals} if care_eligible

else := {}

# _care_program: the entry. The decisive rule: the referral, met or not met for a member who cannot care
# for themselves; with no such member at all, that there is none. Only a household with a referral has
# its members listed.
_care_program := {
	"clause": 3,
	"tier": "basic_living",
	"eligible": false,
	"monthly_amount": 0,
	"in_kind": [],
	"covered_member_ids": [],
	"rules": [{"rule": "care_services.no_dependent_member", "clause": 3, "outcome": "not_met"}],
} if {
	no_dependent_member
} else := {
	"clause": 3,
	"tier": "basic_living",
	"eligible": false,
	"monthly_amount": 0,
	"in_kind": [],
	"covered_member_ids": [],
	"rules": [{"rule": "care_services.referral", "clause": 3, "outcome": "not_met"}],
} if {
	not care_eligible
} else := {
	"clause": 3,
	"tier": "basic_living",
	"eligible": true,
	"monthly_amount": 0,
	"in_kind": ["care_visits"],
	"covered_member_ids": sort([id | some id, _ in care_referrals]),
	"rules": [{"rule": "care_services.referral", "clause": 3, "outcome": "met"}],
}

program_details["care_services"] := _care_details

# A member of an assisted family who is elderly, a minor or disabled, with no self-care assessment, is
# read as able to care for themselves: no referral (READING.md, clause 3).
missing_facts contains {
	"pointer": facts.pointer(m.id, ["self_care"]),
	"program": "care_services",
	"rule": "care_services.self_care_not_given",
	"assumption": "read_as_able",
} if {
	some m in input.household.members
	m.id in _unassessed
}

# _unassessed: members of an assisted family who are elderly, minors or disabled and whose self-care
# ability the request does not give.
_unassessed := {m.id |
	status.assisted_family
	some m in input.household.members
	m.id in _category_ids
	not facts.assessed_self_care(m)
}

# METADATA
# title: Referral for visiting and care services
# description: >-
#   The plan encourages places that can to explore visiting and care services ("鼓励有条件的地方探索"): the
#   decision refers a member for them, it does not grant an entitlement. A member of a 低保, 特困 or
#   low-income family who cannot care for themselves (self-care partly or fully lost) and is elderly, a
#   minor or disabled is referred; one who cannot care for themselves but is outside an assisted family or
#   outside the three categories is not.
# custom:
#   id: care_services.referral
#   clause: 3
#   basis: plan
#   title_zh: 社会救助家庭中生活不能自理的老年人、未成年人、残疾人转介访视、照料服务
#   quote: 鼓励有条件的地方探索对社会救助家庭中生活不能自理的老年人、未成年人、残疾人等提供必要的访视、照料服务
#   message:
#     met:
#       zh: >-
#         社会救助家庭成员（{age}岁，{categories}），{self_care}：转介访视、照料服务（方案鼓励有条件的地方探索提供，
#         属转介，不是确定的待遇）
#       en: >-
#         member of an assisted family (aged {age}, {categories}), {self_care} — referred for visiting and care
#         services (the plan encourages places that can to provide them: a referral, not an entitlement)
#     not_met:
#       zh: 生活不能自理（{self_care}），但社会救助家庭：{assisted_family}；类别：{categories}；不予转介
#       en: >-
#         cannot care for oneself ({self_care}), but assisted family: {assisted_family}; categories: {categories}
#         — not referred
findings contains lib.member_finding(rego.metadata.rule(), "care_services", lib.outcome(referred), m.id, {
	"self_care": facts.self_care(m),
	"categories": categories[m.id],
	"age": facts.ages[m.id],
	"assisted_family": status.assisted_family,
}) if {
	some m in input.household.members
	m.id in _dependent
	referred := m.id in object.keys(care_referrals)
}

# METADATA
# title: No member unable to care for oneself
# description: >-
#   Visiting and care services are for members who cannot care for themselves: with no member whose
#   self-care is assessed as partly or fully lost, nobody is referred.
# custom:
#   id: care_services.no_dependent_member
#   clause: 3
#   basis: plan
#   title_zh: 无生活不能自理的成员
#   quote: 对社会救助家庭中生活不能自理的老年人、未成年人、残疾人等提供必要的访视、照料服务
#   message:
#     not_met:
#       zh: 没有经评估生活不能自理的成员（已评估{assessed}人，未提供自理能力{unassessed}人）
#       en: no member is assessed as unable to care for oneself ({assessed} assessed, {unassessed} not given)
findings contains lib.household_finding(rego.metadata.rule(), "care_services", "not_met", {
	"assessed": count([m | some m in input.household.members; facts.assessed_self_care(m)]),
	"unassessed": count(_unassessed),
}) if no_dependent_member

# METADATA
# title: Self-care ability not given — read as able
# description: >-
#   A member of an assisted family who is elderly, a minor or disabled and whose self-care ability the
#   request does not give is read as able to care for oneself: no referral, and the missing fact is named
#   so the caseworker can assess it.
# custom:
#   id: care_services.self_care_not_given
#   clause: 3
#   basis: reading
#   reading: Clause 3 — a member whose self-care ability is not given is read as able to care for oneself
#   reading_zh: 第3条——访视、照料服务：未提供生活自理能力的成员，按能自理对待
#   title_zh: 未提供生活自理能力：按能自理对待（本项目的解读）
#   message:
#     info:
#       zh: 未提供生活自理能力（{categories}），按能自理对待，不予转介；请评估后重新判断
#       en: >-
#         self-care ability not given ({categories}); read as able to care for oneself, not referred — assess
#         it and decide again
findings contains lib.member_finding(rego.metadata.rule(), "care_services", "info", id, {
	"categories": categories[id],
}) if {
	some id in _unassessed
}

# METADATA
# title: Agricultural migrants who meet the conditions
# description: >-
#   The plan asks for timely help to agricultural migrants who meet the conditions; 57号 第五条 lets the
#   holder of a residence permit apply where they live. A household the caller states lives in the
#   district is assessed like any other; the finding claims no more than that.
# custom:
#   id: services.agricultural_migrant
#   clause: 4
#   basis: plan
#   title_zh: 及时对符合条件的农业转移人口提供相应救助帮扶
#   quote: 及时对符合条件的农业转移人口提供相应救助帮扶
#   message:
#     info:
#       zh: >-
#         农业转移人口：方案要求及时对符合条件的农业转移人口提供相应救助帮扶；家庭在本区居住，按与其他家庭相同的条件审核
#         （持居住证的可在居住地申请，最低生活保障审核确认办法第五条）
#       en: >-
#         agricultural migrants who meet the conditions get timely help (the plan's words); a household living
#         in the district is assessed like any other (a residence-permit holder may apply where they live, 57号
#         第五条)
findings contains lib.household_finding(rego.metadata.rule(), "all", "info", {"agricultural_migrant": true}) if {
	input.household.agricultural_migrant == true
}
