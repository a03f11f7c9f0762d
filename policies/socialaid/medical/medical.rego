# METADATA
# title: Clause 7 — medical assistance (医疗救助)
# description: >-
#   7.健全医疗救助制度. Uninsured 脱贫人口 are flagged for an insurance check; four groups enroll in
#   residents' medical insurance dynamically, without a waiting period, covered from the day of payment
#   when they pay after the collection period; a single episode whose compliant self-paid cost after
#   medical assistance is strictly above its warning line is referred to the assisting departments.
#   The plan sets no cash amount here: monthly_amount is 0.
# schemas:
#   - input: schema["household.schema"]
package socialaid.medical

import data.socialaid.lib
import data.socialaid.params
import data.socialaid.status

_members := input.household.members

# The four groups of dynamic enrollment, in the plan's order.
_group_ids := ["dibao_member", "low_income_family_vulnerable", "edge_population", "relocated"]

_in_group("dibao_member", m) if status.dibao_member(m)

_in_group("low_income_family_vulnerable", m) if {
	status.low_income_family
	_vulnerable(m)
}

_in_group("edge_population", m) if status.edge_population(m)

_in_group("relocated", m) if m.relocated == true

# 低收入家庭中的老年人、未成年人、重度残疾人和重病患者.
_vulnerable(m) if status.elderly(m)

_vulnerable(m) if status.minor(m)

_vulnerable(m) if status.severely_disabled(m)

_vulnerable(m) if status.seriously_ill(m)

_groups(m) := [g | some g in _group_ids; _in_group(g, m)]

# enrollment[id] is the dynamic-enrollment entry of each member in at least one of the four groups.
enrollment[m.id] := {
	"groups": _groups(m),
	"waiting_period": false,
	"coverage_from": _coverage_from(m),
} if {
	some m in _members
	count(_groups(m)) > 0
}

_paid_late(m) if {
	m.insurance.paid_after_collection_period == true
	m.insurance.paid_date
}

_coverage_from(m) := m.insurance.paid_date if _paid_late(m)

else := null

insurance_check contains m.id if {
	some m in _members
	status.tuopin_population(m)
	status.insured(m) == false
}

# _low_income_person: 脱贫人口、特困供养人员、低保对象等低收入人口 — read as 脱贫 people, 特困 people,
# 低保 members, edge populations and every member of a low-income family.
_low_income_person(m) if status.tuopin_population(m)

_low_income_person(m) if status.tekun_member(m)

_low_income_person(m) if status.dibao_member(m)

_low_income_person(m) if status.edge_population(m)

_low_income_person(_) if status.low_income_family

warning_line(m) := params.value.medical.warning_line_low_income if {
	_low_income_person(m)
} else := params.value.medical.warning_line_general

_line_kind(m) := "low_income" if _low_income_person(m)

else := "general"

_line_zh := {"low_income": "低收入人口", "general": "城乡居民基本医疗保险参保人员"}

_line_en := {"low_income": "low-income people", "general": "insured residents"}

# The episodes, each with its member and line.
_episodes contains {
	"member_id": m.id,
	"date": e.date,
	"compliant_self_paid": e.compliant_self_paid,
	"warning_line": warning_line(m),
	"line": _line_kind(m),
} if {
	some m in _members
	some e in m.medical_episodes
}

referrals contains e if {
	some e in _episodes
	e.compliant_self_paid > e.warning_line
}

covered_member_ids := sort((({id |
	some id, _ in enrollment
} | insurance_check) | {e.member_id | some e in referrals}))

default eligible := false

eligible if count(covered_member_ids) > 0

programs["medical"] := lib.program("medical", eligible, 0, covered_member_ids, {
	"dynamic_enrollment": enrollment,
	"insurance_check": sort(insurance_check),
	"referrals": sort(referrals),
	"warning_lines": {
		"general": params.value.medical.warning_line_general,
		"low_income": params.value.medical.warning_line_low_income,
	},
})

# METADATA
# title: Insurance check for uninsured 脱贫人口
# description: An uninsured member who is 脱贫人口 (tuopin or tuopin_unstable) is checked and enrolled.
# custom:
#   clause: 7
#   quote: 动态监测脱贫人口参保信息，未参保的要逐户、逐人进行参保核查
findings contains lib.finding(rego.metadata.rule(), {
	"program": "medical",
	"outcome": "met",
	"member_id": m.id,
	"facts": {"poverty_status": m.poverty_status, "insured": false},
	"message": {
		"zh": "脱贫人口未参加城乡居民医保：逐人进行参保核查，核准身份后实时纳入保障范围",
		"en": "脱贫 person not insured: check the enrollment and enroll once the identity is confirmed",
	},
}) if {
	some m in _members
	m.id in insurance_check
}

_group_zh := {
	"dibao_member": "低保对象",
	"low_income_family_vulnerable": "低收入家庭中的老年人、未成年人、重度残疾人或重病患者",
	"edge_population": "边缘人口",
	"relocated": "易地搬迁人口",
}

# METADATA
# title: Dynamic enrollment without waiting period
# description: >-
#   低保 members; the elderly, minors, severely disabled and seriously ill of low-income families; edge
#   populations (脱贫不稳定, 边缘易致贫); relocated people — enrolled dynamically, no waiting period.
# custom:
#   clause: 7
#   quote: 等四类特殊群体纳入城乡居民医保动态参保管理，不设待遇等待期
findings contains lib.finding(rego.metadata.rule(), {
	"program": "medical",
	"outcome": "met",
	"member_id": id,
	"facts": {"groups": entry.groups, "age": status.age(m), "waiting_period": false},
	"message": {
		"zh": sprintf("属于%s，纳入城乡居民医保动态参保管理，不设待遇等待期", [concat("、", [_group_zh[g] | some g in entry.groups])]),
		"en": sprintf(
			"in group(s) %s: dynamic enrollment in residents' medical insurance, no waiting period",
			[concat(", ", entry.groups)],
		),
	},
}) if {
	some id, entry in enrollment
	some m in _members
	m.id == id
}

# METADATA
# title: Not in the four groups of dynamic enrollment
# description: A member in none of the four groups is enrolled under the general rules.
# custom:
#   clause: 7
#   quote: 等四类特殊群体纳入城乡居民医保动态参保管理
findings contains lib.finding(rego.metadata.rule(), {
	"program": "medical",
	"outcome": "not_met",
	"member_id": m.id,
	"facts": {
		"age": status.age(m),
		"poverty_status": object.get(m, "poverty_status", "none"),
		"relocated": object.get(m, "relocated", false),
		"dibao_member": false,
		"low_income_family": status.low_income_family,
	},
	"message": {
		"zh": sprintf("年龄%d岁，不属于低保对象、低收入家庭特殊成员、边缘人口或易地搬迁人口，不纳入动态参保管理", [status.age(m)]),
		"en": sprintf(
			"age %d, in none of the four groups (低保, vulnerable member of a low-income family, edge, relocated)",
			[status.age(m)],
		),
	},
}) if {
	some m in _members
	count(_groups(m)) == 0
}

# METADATA
# title: Covered from the day of payment
# description: A member of the four groups who paid after the collection period is covered from that day.
# custom:
#   clause: 7
#   quote: 集中征缴期后缴纳参保费的从缴费之日起享受城乡居民医保待遇
findings contains lib.finding(rego.metadata.rule(), {
	"program": "medical",
	"outcome": "met",
	"member_id": id,
	"facts": {"paid_date": entry.coverage_from, "paid_after_collection_period": true},
	"message": {
		"zh": sprintf("集中征缴期后于%s缴费，自缴费之日起享受城乡居民医保待遇", [entry.coverage_from]),
		"en": sprintf("paid on %s after the collection period: covered from that day", [entry.coverage_from]),
	},
}) if {
	some id, entry in enrollment
	entry.coverage_from != null
}

# METADATA
# title: Warning line on a single episode
# description: >-
#   A single episode's compliant self-paid cost after medical assistance strictly above the member's line
#   (10 000 yuan in general, 4 000 for low-income people) is referred to the assisting departments.
# custom:
#   clause: 7
#   quote: 单次自付医疗费用超过预警线的参保人员，及时转介到扶贫、民政等相关职能部门按规定帮助落实综合帮扶政策
findings contains lib.finding(rego.metadata.rule(), {
	"program": "medical",
	"outcome": _above(e),
	"member_id": e.member_id,
	"facts": {
		"date": e.date,
		"compliant_self_paid": e.compliant_self_paid,
		"warning_line": e.warning_line,
		"line": e.line,
	},
	"message": _episode_message(e),
}) if {
	some e in _episodes
}

_above(e) := "met" if e.compliant_self_paid > e.warning_line

else := "not_met"

_episode_message(e) := {
	"zh": sprintf("%s单次合规费用自付%s元超过%s预警线%s元，转介扶贫、民政等部门落实综合帮扶", _episode_args(e, _line_zh)),
	"en": sprintf(
		"episode %s: compliant self-paid %s is above the warning line for %s, %s — referred",
		_episode_args(e, _line_en),
	),
} if {
	e.compliant_self_paid > e.warning_line
} else := {
	"zh": sprintf("%s单次合规费用自付%s元未超过%s预警线%s元", _episode_args(e, _line_zh)),
	"en": sprintf(
		"episode %s: compliant self-paid %s is not above the warning line for %s, %s",
		_episode_args(e, _line_en),
	),
}

_episode_args(e, names) := [e.date, lib.fmt2(e.compliant_self_paid), names[e.line], lib.fmt2(e.warning_line)]
