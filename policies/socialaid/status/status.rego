# METADATA
# title: Statuses that depend on clauses 5 and 6
# description: >-
#   Who is a 低保 member, a 特困 person, a member of a low-income family or of an assisted family — the
#   statuses clauses 3, 4 and 7–10 read. 低保 and 特困 status come from clauses 5 and 6 where this
#   decision decides them, and otherwise from what the household receives now (socialaid.facts). This
#   layer sits above socialaid.tekun and socialaid.dibao and below the programs that read it; the
#   household's own facts (ages, categories, self-care, the standard) are in socialaid.facts.
# schemas:
#   - input: schema["household.schema"]
package socialaid.status

import data.socialaid.dibao
import data.socialaid.facts
import data.socialaid.lib
import data.socialaid.params
import data.socialaid.tekun

_member_ids := facts.member_ids

# dibao_member_ids: 低保 members (低保对象) — covered by clause 5 in this decision, or receiving 低保 now;
# tekun_member_ids: 特困 people — supported under clause 6 in this decision, or receiving 特困 support
# now. Sets computed once per decision.
dibao_member_ids := dibao_covered_ids | facts.receiving_ids.dibao

tekun_member_ids := tekun_supported_ids | facts.receiving_ids.tekun

# dibao_covered_ids / tekun_supported_ids: who clauses 5 and 6 cover in this decision — the outcomes the
# later programs may read (the price subsidy counts these), through this layer and not the programs.
dibao_covered_ids := {id | some id in dibao.covered_member_ids}

tekun_supported_ids := tekun.supported_member_ids

default dibao_family := false

# dibao_family: a 低保 family (最低生活保障家庭) — at least one member is a 低保 member.
dibao_family if count(dibao_member_ids) > 0

default tekun_family := false

# tekun_family: a family with a 特困 person (特困供养人员家庭).
tekun_family if count(tekun_member_ids) > 0

# low_income_line is 1.5 × the 低保 standard for the household's area.
low_income_line := dibao.low_income_line

default low_income_by_income := false

# The household for the low-income test is the household clause 5 assesses: members supported as 特困
# are left out of it (READING.md, "Who counts as a low-income family"). Its per-capita counted income at
# or below the line ("150%以内" includes it) is clause 5's own test, socialaid.dibao.low_income.
low_income_by_income if dibao.low_income

default low_income_assets_met := false

# low_income_assets_met: the caller asserts the low-income-family asset rule
# (household.low_income_assets_test_met); the project's reading adds it to the income line.
low_income_assets_met if dibao.low_income_assets_met

default low_income_family := false

# low_income_family: recognised as a low-income family now, or the household clause 5 assesses has a
# per-capita counted income at or below 1.5 × the standard and the caller asserts the asset rule.
low_income_family if recognised_low_income == true

low_income_family if {
	low_income_by_income
	low_income_assets_met
}

# low_income_ids: the low-income people of the household — every member of a low-income family, and
# every 特困 person in their own right (clause 7 names 特困供养人员 among the 低收入人口), whoever else
# lives with them.
low_income_ids := _member_ids if low_income_family

else := tekun_member_ids

default assisted_family := false

# assisted_family: a social-assistance family (社会救助家庭): 低保, 特困 or low-income.
assisted_family if dibao_family

assisted_family if tekun_family

assisted_family if low_income_family

# family_facts is the household's status, for the values of a finding.
family_facts := {
	"dibao_family": dibao_family,
	"tekun_family": tekun_family,
	"low_income_family": low_income_family,
}

# recognised_low_income: the request says the family is recognised as low-income now.
recognised_low_income := facts.recognised_low_income

# METADATA
# title: Low-income family status
# description: >-
#   A low-income family is one recognised as such now, or one whose household as clause 5 assesses it
#   (members supported as 特困 left out) has a per-capita counted income at or below 1.5 × the 低保
#   standard ("150%以内" includes the line) and asserts the low-income-family asset rule. The plan leaves
#   the definition open (clause 2: 不断完善低收入家庭认定办法); this is the project's reading of it with the
#   one figure the plan gives ("以内" includes the line; 57号 第八条's stricter "低于" is noted, not
#   followed). Clauses 3, 7 and 10 rely on it.
# custom:
#   id: status.low_income_family
#   clause: 5
#   basis: reading
#   reading: Who counts as a low-income family — per-capita counted income of the household clause 5 assesses
#     (特困 members left out) at or below 1.5 × the standard, plus the asserted asset rule
#   reading_zh: 低收入家庭的认定——按第5条核定的家庭（不含特困人员）人均核算收入不超过低保标准的1.5倍，且申请方确认财产状况符合规定
#   title_zh: 低收入家庭（本项目的解读）
#   message:
#     met:
#       zh: >-
#         低收入家庭（本项目解读）：按低保家庭（不含特困人员）{members}人计，人均收入{per_capita_income}元，
#         认定线{low_income_line}元（低保标准{standard}元 × {ratio}）；低收入家庭财产条件（申请方确认）：{low_income_assets_met}；
#         现已认定为低收入家庭：{recognised_low_income}
#       en: >-
#         low-income family (project reading): the household of {members} clause 5 assesses (特困 members left
#         out) has per-capita income {per_capita_income}, line {low_income_line} (standard {standard}
#         × {ratio}); asset rule asserted: {low_income_assets_met}; recognised now: {recognised_low_income}
#     met.income:
#       zh: >-
#         低收入家庭（本项目解读）：按低保家庭（不含特困人员）{members}人计，人均收入{per_capita_income}元，
#         不高于认定线{low_income_line}元（低保标准{standard}元 × {ratio}），申请方确认低收入家庭财产状况符合规定
#       en: >-
#         low-income family (project reading): in the household of {members} clause 5 assesses (特困 members
#         left out), per-capita income {per_capita_income} is not over the line {low_income_line} (standard
#         {standard} × {ratio}), and the caller asserts the low-income asset rule
#     met.recognised:
#       zh: >-
#         低收入家庭（本项目解读）：现已认定为低收入家庭（按低保家庭（不含特困人员）{members}人计，
#         人均收入{per_capita_income}元，认定线{low_income_line}元）
#       en: >-
#         low-income family (project reading): recognised as one now (the household of {members} clause 5
#         assesses: per-capita income {per_capita_income}, line {low_income_line})
#     not_met:
#       zh: >-
#         不是低收入家庭（本项目解读）：按低保家庭（不含特困人员）{members}人计，人均收入{per_capita_income}元，
#         认定线{low_income_line}元（低保标准{standard}元 × {ratio}）；收入在线内：{low_income_by_income}；
#         低收入家庭财产条件（申请方确认）：{low_income_assets_met}
#       en: >-
#         not a low-income family (project reading): the household of {members} clause 5 assesses has per-capita
#         income {per_capita_income}, line {low_income_line} (standard {standard} × {ratio}); within the line:
#         {low_income_by_income}; asset rule asserted: {low_income_assets_met}
#     not_met.income:
#       zh: >-
#         不是低收入家庭（本项目解读）：按低保家庭（不含特困人员）{members}人计，人均收入{per_capita_income}元，
#         高于认定线{low_income_line}元（低保标准{standard}元 × {ratio}）
#       en: >-
#         not a low-income family (project reading): in the household of {members} clause 5 assesses,
#         per-capita income {per_capita_income} is over the line {low_income_line} (standard {standard} × {ratio})
#     not_met.low_income_assets:
#       zh: >-
#         不是低收入家庭（本项目解读）：按低保家庭（不含特困人员）{members}人计，人均收入{per_capita_income}元，
#         不高于认定线{low_income_line}元（低保标准{standard}元 × {ratio}），但申请方未确认低收入家庭财产状况符合规定
#       en: >-
#         not a low-income family (project reading): in the household of {members} clause 5 assesses,
#         per-capita income {per_capita_income} is not over the line {low_income_line} (standard {standard}
#         × {ratio}), but the caller does not assert the low-income asset rule
findings contains lib.household_finding(rego.metadata.rule(), "status", lib.outcome(low_income_family), {
	"members": dibao.member_count,
	"per_capita_income": lib.money(dibao.per_capita_income),
	"standard": lib.money(facts.standard),
	"ratio": params.p.dibao.low_income_ratio,
	"low_income_line": lib.money(low_income_line),
	"recognised_low_income": recognised_low_income,
	"low_income_by_income": low_income_by_income,
	"low_income_assets_met": low_income_assets_met,
	"decided_by": _low_income_decided_by,
}) if {
	dibao.member_count > 0
}

# _low_income_decided_by: the condition that decided the low-income-family status, for the finding's words.
_low_income_decided_by := "income" if {
	low_income_by_income
	low_income_assets_met
} else := "recognised" if {
	recognised_low_income == true
} else := "income" if {
	not low_income_by_income
} else := "low_income_assets"

# METADATA
# title: A 特困 person is low-income in their own right
# description: >-
#   Clause 7 names 特困供养人员 among the 低收入人口: a 特困 person counts as low-income whoever else lives
#   with them, and is left out of the household the low-income-family test assesses. A 特困 elder, minor,
#   severely disabled or seriously ill person is in clause 7's group of the low-income family's vulnerable
#   members, and the family is one of clause 3's assisted families.
# custom:
#   id: status.tekun_low_income
#   clause: 7
#   basis: reading
#   reading: Who counts as a low-income family — a 特困 person is low-income in their own right
#   reading_zh: 低收入家庭的认定——特困人员本身属于低收入人口
#   title_zh: 特困人员本身属于低收入人口（本项目的解读）
#   message:
#     info:
#       zh: 特困供养人员属于低收入人口（方案第7条），不论与谁共同生活；不计入低收入家庭认定的家庭人口
#       en: >-
#         a 特困 person is low-income in their own right (clause 7 names 特困供养人员 among the 低收入人口),
#         whoever else lives with them; not counted in the household of the low-income test
findings contains lib.member_finding(rego.metadata.rule(), "status", "info", id, {"tekun": true}) if {
	some id in tekun_member_ids
}

# A household within the low-income line whose asset assertion is absent: not a low-income family (the
# asset rule is not established), named here since clauses 3, 7 and 10 all read the status.
missing_facts contains {
	"pointer": "/household/low_income_assets_test_met",
	"program": "status",
	"rule": "status.low_income_family",
	"assumption": "not_established",
} if {
	low_income_by_income
	not dibao_family
	not recognised_low_income == true
	not "low_income_assets_test_met" in object.keys(input.household)
}
