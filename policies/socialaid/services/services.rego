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

import data.socialaid.lib
import data.socialaid.status

_household := input.household

_members := _household.members

_grain_shortage_given := object.get(_household, "grain_shortage", null)

default grain_shortage := false

grain_shortage if _grain_shortage_given == true

_rural := _household.area == "rural"

default grain_eligible := false

grain_eligible if {
	_rural
	status.dibao_family
	grain_shortage
}

_grain_covered := sort([m.id | some m in _members]) if grain_eligible

else := []

_grain_in_kind := ["grain"] if grain_eligible

else := []

programs["grain_assistance"] := {
	"clause": 3,
	"tier": "basic_living",
	"eligible": grain_eligible,
	"monthly_amount": 0,
	"in_kind": _grain_in_kind,
	"covered_member_ids": _grain_covered,
	"rules": [{"rule": "grain_assistance.rural_dibao_shortage", "clause": 3, "outcome": lib.outcome(grain_eligible)}],
}

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
	"elderly": status.elderly_ids,
	"minor": status.minor_ids,
	"disabled": status.disabled_ids,
}

# categories[id]: the care categories (elderly, minor, disabled) of every member, computed once.
categories := {m.id: [c | some c in _categories; m.id in _category_members[c]] | some m in _members}

# _category_ids: members who are elderly, a minor or disabled.
_category_ids := (status.elderly_ids | status.minor_ids) | status.disabled_ids

# _dependent: members whose self-care, where assessed, is partly or fully lost (only members with a
# self-care record are looked at).
_dependent := {m | some m in _members; m.self_care; status.self_care(m) != "able"}

# care_referrals[id]: a member of an assisted family who cannot care for themselves and is elderly, a
# minor or disabled.
care_referrals := {m.id: {"self_care": status.self_care(m), "categories": categories[m.id]} |
	status.assisted_family
	some m in _dependent
	m.id in _category_ids
}

_care_covered := sort([id | some id, _ in care_referrals])

default care_eligible := false

care_eligible if count(care_referrals) > 0

_care_in_kind := ["care_visits"] if care_eligible

else := []

_care_details := {"referrals": care_referrals} if care_eligible

else := {}

programs["care_services"] := {
	"clause": 3,
	"tier": "basic_living",
	"eligible": care_eligible,
	"monthly_amount": 0,
	"in_kind": _care_in_kind,
	"covered_member_ids": _care_covered,
	"rules": _care_rules,
}

# The decisive rule: the referral, met or not met for a member who cannot care for themselves; with no
# such member at all, that there is none.
_care_rules := [{"rule": "care_services.referral", "clause": 3, "outcome": "met"}] if care_eligible

else := [{"rule": "care_services.no_dependent_member", "clause": 3, "outcome": "not_met"}] if count(_dependent) == 0

else := [{"rule": "care_services.referral", "clause": 3, "outcome": "not_met"}]

program_details["care_services"] := _care_details

# A member of an assisted family who is elderly, a minor or disabled, with no self-care assessment, is
# read as able to care for themselves: no referral.
missing_facts contains {
	"pointer": sprintf("/household/members/%d/self_care", [i]),
	"program": "care_services",
	"rule": "care_services.referral",
	"assumption": "read_as_able",
} if {
	status.assisted_family
	some i, m in _members
	m.id in _category_ids
	not status.assessed_self_care(m)
}

# METADATA
# title: Visiting and care services
# description: >-
#   A member of a 低保, 特困 or low-income family who cannot care for themselves (self-care partly or
#   fully lost) and is elderly, a minor or disabled is referred for visiting and care services; one who
#   cannot care for themselves but is outside an assisted family or outside the three categories is not.
# custom:
#   id: care_services.referral
#   clause: 3
#   basis: plan
#   title_zh: 社会救助家庭中生活不能自理的老年人、未成年人、残疾人访视、照料服务
#   quote: 对社会救助家庭中生活不能自理的老年人、未成年人、残疾人等提供必要的访视、照料服务
#   message:
#     met:
#       zh: 社会救助家庭成员（{age}岁，{categories}），{self_care}，提供访视、照料服务
#       en: member of an assisted family (aged {age}, {categories}), {self_care} — visiting and care services
#     not_met:
#       zh: 生活不能自理（{self_care}），但社会救助家庭：{assisted_family}；类别：{categories}
#       en: 'cannot care for oneself ({self_care}), but assisted family: {assisted_family}; categories: {categories}'
findings contains lib.member_finding(rego.metadata.rule(), "care_services", lib.outcome(referred), m.id, {
	"self_care": status.self_care(m),
	"categories": categories[m.id],
	"age": status.ages[m.id],
	"assisted_family": status.assisted_family,
}) if {
	some m in _dependent
	referred := m.id in object.keys(care_referrals)
}

# METADATA
# title: No member unable to care for oneself
# description: >-
#   Visiting and care services are for members who cannot care for themselves: with no member whose
#   self-care is assessed as partly or fully lost, nobody is referred. A member with no assessment is read
#   as able (and named among the missing facts where the family is an assisted one).
# custom:
#   id: care_services.no_dependent_member
#   clause: 3
#   basis: plan
#   title_zh: 无生活不能自理的成员
#   quote: 对社会救助家庭中生活不能自理的老年人、未成年人、残疾人等提供必要的访视、照料服务
#   message:
#     not_met:
#       zh: 没有经评估生活不能自理的成员（已评估{assessed}人；未评估的按能自理对待）
#       en: no member is assessed as unable to care for oneself ({assessed} assessed; one not assessed is read as able)
findings contains lib.household_finding(rego.metadata.rule(), "care_services", "not_met", {
	"assessed": count([m | some m in _members; status.assessed_self_care(m)]),
}) if count(_dependent) == 0

# METADATA
# title: Agricultural migrants assessed where they live
# description: >-
#   An agricultural migrant household is assessed like a resident household: being registered elsewhere is
#   not by itself a reason to refuse any program.
# custom:
#   id: services.agricultural_migrant
#   clause: 4
#   basis: plan
#   title_zh: 符合条件的农业转移人口提供相应救助帮扶
#   quote: 顺应农业转移人口市民化进程，及时对符合条件的农业转移人口提供相应救助帮扶
#   message:
#     info:
#       zh: 农业转移人口：按常住地同等条件审核，户籍不在本区不作为拒绝救助的理由
#       en: agricultural migrants are assessed like residents; being registered elsewhere is not a reason to refuse
findings contains lib.household_finding(rego.metadata.rule(), "all", "info", {"agricultural_migrant": true}) if {
	_household.agricultural_migrant == true
}
