# METADATA
# title: Clause 7 — medical assistance (医疗救助)
# description: >-
#   7.健全医疗救助制度. Uninsured 脱贫人口 are flagged for an insurance check; four groups enroll in
#   residents' medical insurance dynamically, without a waiting period, covered from the day of payment
#   when they pay after the collection period; a single episode whose compliant self-paid cost after
#   medical assistance is strictly above its warning line is referred to the assisting departments.
#   The plan sets no cash amount here: the aid is in kind (in_kind codes), monthly_amount is 0.
# schemas:
#   - input: schema["household.schema"]
package socialaid.medical

import data.socialaid.facts
import data.socialaid.lib
import data.socialaid.params
import data.socialaid.status

_p := params.p.medical

# The four groups of dynamic enrollment, in the plan's order, each as the set of its members.
_group_ids := ["dibao_member", "low_income_family_vulnerable", "edge_population", "relocated"]

# 低收入家庭中的老年人、未成年人、重度残疾人和重病患者: the elderly, minors, severely disabled and seriously
# ill among the household's low-income people — every member of a low-income family, and every 特困
# person in their own right, whoever else lives with them (READING.md, "Who counts as a low-income family").
_vulnerable := ((facts.elderly_ids | facts.minor_ids) | facts.severely_disabled_ids) | facts.seriously_ill_ids

_low_income_vulnerable := _vulnerable & status.low_income_ids

_relocated_ids := {m.id | some m in input.household.members; m.relocated == true}

_group_members := {
	"dibao_member": status.dibao_member_ids,
	"low_income_family_vulnerable": _low_income_vulnerable,
	"edge_population": facts.edge_ids,
	"relocated": _relocated_ids,
}

# enrolled_ids: the members of the four groups, as one union (the decision path needs no more).
enrolled_ids := ((status.dibao_member_ids | _low_income_vulnerable) | facts.edge_ids) | _relocated_ids

# groups[id]: the enrollment groups of every member (empty when in none), for the explanation.
groups := {m.id: [g | some g in _group_ids; m.id in _group_members[g]] | some m in input.household.members}

# enrollment[id]: the groups of each member in at least one of the four groups, for the explanation.
enrollment := {id: gs | some id, gs in groups; count(gs) > 0}

# coverage_from[id]: a member of the four groups who paid after the collection period is covered from
# the day of payment.
coverage_from := {m.id: m.insurance.paid_date |
	some m in input.household.members
	m.id in enrolled_ids
	m.insurance.paid_after_collection_period == true
	m.insurance.paid_date
}

insurance_check := {m.id | some m in input.household.members; m.id in facts.tuopin_ids; facts.insured(m) == false}

# _low_income_ids: 脱贫人口、特困供养人员、低保对象等低收入人口 — read as 脱贫 people, 特困 people, 低保 members,
# edge populations and every member of a low-income family.
_low_income_ids := ((status.low_income_ids | facts.tuopin_ids) | status.dibao_member_ids) | facts.edge_ids

warning_line(m) := _p.warning_line_low_income if {
	m.id in _low_income_ids
} else := _p.warning_line_general

_line_kind(m) := "low_income" if m.id in _low_income_ids

else := "general"

# episodes: every episode with its member and line.
episodes := {x |
	some m in input.household.members
	some e in m.medical_episodes
	x := {
		"member_id": m.id,
		"date": e.date,
		"compliant_self_paid": e.compliant_self_paid,
		"warning_line": warning_line(m),
		"line": _line_kind(m),
	}
}

# referrals: episodes strictly above their line (超过).
referrals := {e |
	some e in episodes
	e.compliant_self_paid > e.warning_line
}

_referred_ids := {e.member_id | some e in referrals}

covered_member_ids := sort(((enrolled_ids | insurance_check) | _referred_ids))

default eligible := false

eligible if count(covered_member_ids) > 0

# --- the compact program entry ---

# The aid codes and the decisive rules met, each with the members it holds for, listed in the order of
# the codes and ids (the order of the compact entry), kept where the set is not empty.
_in_kind := [code |
	some [code, ids] in [
		["medical_dynamic_enrollment", enrolled_ids],
		["medical_insurance_check", insurance_check],
		["medical_referral", referrals],
	]
	count(ids) > 0
]

_met_refs := [{"rule": id, "clause": 7, "outcome": "met"} |
	some [id, ids] in [
		["medical.coverage_from_payment", coverage_from],
		["medical.dynamic_enrollment", enrolled_ids],
		["medical.episode_referral", referrals],
		["medical.insurance_check", insurance_check],
		["medical.warning_line", referrals],
	]
	count(ids) > 0
]

_rules := _met_refs if eligible

_rules := array.concat(
	[{"rule": "medical.dynamic_enrollment", "clause": 7, "outcome": "not_met"}],
	[{"rule": "medical.episode_referral", "clause": 7, "outcome": "not_met"} | count(episodes) > 0],
) if not eligible

_referral_details := sort([d |
	some e in referrals
	d := {"member_id": e.member_id, "date": e.date, "self_paid": e.compliant_self_paid, "line": e.warning_line}
])

# details: only what the in-kind codes do not already say (each member's groups are in the explanation).
_details := {k: v |
	some k, v in {
		"coverage_from": coverage_from,
		"insurance_check": sort(insurance_check),
		"referrals": _referral_details,
	}
	count(v) > 0
}

programs := {"medical": _entry}

# _entry: a household with no member to enrol, none to check for insurance and no medical episode is
# decided by dynamic enrolment, not met, and nothing else is looked at. Only a household with one of
# them has its entry worked out.
_entry := {
	"clause": 7,
	"tier": "special",
	"eligible": false,
	"monthly_amount": 0,
	"in_kind": [],
	"covered_member_ids": [],
	"rules": [{"rule": "medical.dynamic_enrollment", "clause": 7, "outcome": "not_met"}],
} if {
	count(enrolled_ids) == 0
	not _any_episode
	count(insurance_check) == 0
} else := {
	"clause": 7,
	"tier": "special",
	"eligible": eligible,
	"monthly_amount": 0,
	"in_kind": _in_kind,
	"covered_member_ids": covered_member_ids,
	"rules": _rules,
}

_any_episode if {
	some m in input.household.members
	count(m.medical_episodes) > 0
}

program_details["medical"] := _details

# --- missing facts ---

# A 脱贫 member with no insurance record is read as insured (the model's default): no check is flagged.
missing_facts contains {
	"pointer": facts.pointer(m.id, ["insurance", "insured"]),
	"program": "medical",
	"rule": "medical.insurance_check",
	"assumption": "read_as_insured",
} if {
	some m in input.household.members
	m.id in facts.tuopin_ids
	facts.get(m, ["insurance", "insured"], null) == null
}

# --- findings (explanation only) ---

# METADATA
# title: Insurance check for uninsured 脱贫人口
# description: An uninsured member who is 脱贫人口 (tuopin or tuopin_unstable) is checked and enrolled.
# custom:
#   id: medical.insurance_check
#   clause: 7
#   basis: plan
#   title_zh: 未参保脱贫人口逐人参保核查
#   quote: 动态监测脱贫人口参保信息，未参保的要逐户、逐人进行参保核查
#   message:
#     met:
#       zh: 脱贫人口未参加城乡居民医保：逐人进行参保核查，核准身份后实时纳入保障范围
#       en: 脱贫 person not insured — check the enrollment and enroll once the identity is confirmed
findings contains lib.member_finding(rego.metadata.rule(), "medical", "met", m.id, {
	"poverty_status": m.poverty_status,
	"insured": false,
}) if {
	some m in input.household.members
	m.id in insurance_check
}

# METADATA
# title: Dynamic enrollment without waiting period
# description: >-
#   低保 members; the elderly, minors, severely disabled and seriously ill of low-income families; edge
#   populations (脱贫不稳定, 边缘易致贫); relocated people — enrolled dynamically, no waiting period. A member
#   in none of the four groups enrolls under the general rules (not_met).
# custom:
#   id: medical.dynamic_enrollment
#   clause: 7
#   basis: plan
#   title_zh: 四类特殊群体动态参保，不设待遇等待期
#   quote: "经相关职能部门认定身份的最低生活保障家庭成员（低保对象），低收入家庭中的老年人、未成年人、重度残疾人和重病患者，\
#     边缘人口（含脱贫不稳定户、边缘易致贫人口），易地搬迁人口（原易地扶贫搬迁移民）等四类特殊群体纳入城乡居民医保动态参保管理，\
#     不设待遇等待期"
#   message:
#     met:
#       zh: 属于{groups}，纳入城乡居民医保动态参保管理，不设待遇等待期
#       en: in group(s) {groups} — dynamic enrollment in residents' medical insurance, no waiting period
#     not_met:
#       zh: 年龄{age}岁，不属于四类特殊群体，不纳入动态参保管理
#       en: aged {age}, in none of the four groups of dynamic enrollment
findings contains lib.member_finding(rego.metadata.rule(), "medical", lib.outcome(count(gs) > 0), m.id, {
	"groups": gs,
	"age": facts.ages[m.id],
	"low_income_family": status.low_income_family,
}) if {
	some m in input.household.members
	gs := groups[m.id]
}

# METADATA
# title: Covered from the day of payment
# description: A member of the four groups who paid after the collection period is covered from that day.
# custom:
#   id: medical.coverage_from_payment
#   clause: 7
#   basis: plan
#   title_zh: 集中征缴期后缴费的从缴费之日起享受待遇
#   quote: 集中征缴期后缴纳参保费的从缴费之日起享受城乡居民医保待遇
#   message:
#     met:
#       zh: 集中征缴期后于{paid_date}缴费，自缴费之日起享受城乡居民医保待遇
#       en: paid on {paid_date} after the collection period — covered from that day
findings contains lib.member_finding(rego.metadata.rule(), "medical", "met", id, {"paid_date": d}) if {
	some id, d in coverage_from
}

# METADATA
# title: The warning line that applies to a member
# description: >-
#   The plan sets two lines on the compliant self-paid cost after medical assistance: 10 000 yuan for
#   insured residents in general and 4 000 yuan for low-income people (脱贫人口, 特困供养人员, 低保对象 …,
#   read as 脱贫 people, 特困 people, 低保 members, edge populations and every member of a low-income
#   family). Reported for each member with an episode.
# custom:
#   id: medical.warning_line
#   clause: 7
#   basis: plan
#   title_zh: 适用的医疗费用预警线
#   quote: >-
#     以合规费用自付部分10000元作为城乡居民基本医疗保险参保人员预警线，以合规费用自付部分4000元作为脱贫人口、特困供养人员、低保对象等低收入人口预警线
#   message:
#     info:
#       zh: 适用预警线{warning_line}元（{line}；低收入人口预警线{line_low_income}元，参保人员预警线{line_general}元）
#       en: >-
#         warning line {warning_line} ({line}; low-income people {line_low_income}, insured residents
#         {line_general})
findings contains lib.member_finding(rego.metadata.rule(), "medical", "info", m.id, {
	"line": _line_kind(m),
	"warning_line": warning_line(m),
	"line_low_income": _p.warning_line_low_income,
	"line_general": _p.warning_line_general,
}) if {
	some m in input.household.members
	count(m.medical_episodes) > 0
}

# METADATA
# title: Warning line on a single episode
# description: >-
#   A single episode's compliant self-paid cost after medical assistance strictly above the member's line
#   (medical.warning_line chooses it) is referred to the assisting departments.
# custom:
#   id: medical.episode_referral
#   clause: 7
#   basis: plan
#   title_zh: 单次自付医疗费用超过预警线的及时转介
#   quote: 单次自付医疗费用超过预警线的参保人员，及时转介到扶贫、民政等相关职能部门按规定帮助落实综合帮扶政策
#   message:
#     met:
#       zh: '{date}单次合规费用自付{compliant_self_paid}元超过预警线{warning_line}元，转介扶贫、民政等部门落实综合帮扶'
#       en: >-
#         episode {date}: compliant self-paid {compliant_self_paid} is above the warning line {warning_line}
#         — referred to the assisting departments
#     not_met:
#       zh: '{date}单次合规费用自付{compliant_self_paid}元未超过预警线{warning_line}元'
#       en: 'episode {date}: compliant self-paid {compliant_self_paid} is not above the warning line {warning_line}'
findings contains lib.member_finding(
	rego.metadata.rule(), "medical",
	lib.outcome(e.compliant_self_paid > e.warning_line), e.member_id,
	{
		"date": e.date,
		"compliant_self_paid": lib.money(e.compliant_self_paid),
		"warning_line": e.warning_line,
		"line": e.line,
	},
) if {
	some e in episodes
}
