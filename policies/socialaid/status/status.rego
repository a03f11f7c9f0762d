# METADATA
# title: Assistance status shared by the special-assistance clauses
# description: >-
#   Who is a 低保 member, a 特困 person, a member of a low-income family, elderly, a minor, severely
#   disabled or unable to care for oneself — one helper per notion, used by clauses 3, 4 and 7–10.
#   低保 and 特困 status come from clauses 5 and 6 where this decision decides them, and otherwise from
#   what the household receives now (current_benefits; member_ids empty = the whole household).
# schemas:
#   - input: schema["household.schema"]
package socialaid.status

import data.socialaid.dibao
import data.socialaid.lib
import data.socialaid.params

_household := input.household

# get is the value at path in obj, or dflt when it is absent or null.
get(obj, path, dflt) := v if {
	v := object.get(obj, path, null)
	v != null
} else := dflt

# receiving(kind, m): the household's current benefit of that kind ("dibao", "tekun") covers member m.
receiving(kind, m) if m.id in _receiving_ids(kind)

# Members clause 5 covers in this decision.
_dibao_decided contains id if {
	some id in dibao.covered_member_ids
}

# Members clause 6 supports in this decision. The tekun package may not exist yet: then this set is empty.
_tekun_decided contains id if {
	some id in data.socialaid.tekun.supported_member_ids
}

# dibao_member: a 低保 member (低保对象) — covered by clause 5 in this decision, or receiving 低保 now.
dibao_member(m) if m.id in dibao_member_ids

# tekun_member: a 特困 person — supported under clause 6 in this decision, or receiving 特困 support now.
tekun_member(m) if m.id in tekun_member_ids

_member_ids := {m.id | some m in _household.members}

# _receiving[kind]: the members the household's current benefit of that kind covers (member_ids empty =
# the whole household), read once per decision.
_receiving_ids(kind) := _covered_now(get(b, ["member_ids"], [])) if {
	b := get(_household, ["current_benefits", kind], {})
	b.receiving == true
} else := set()

_covered_now(listed) := _member_ids if count(listed) == 0

else := {id | some id in listed; id in _member_ids}

_receiving_dibao := _receiving_ids("dibao")

_receiving_tekun := _receiving_ids("tekun")

# dibao_member_ids and tekun_member_ids: the same tests as sets over the household, computed once per
# decision (a function with arguments is not memoized; the clauses ask these many times).
dibao_member_ids := _dibao_decided | _receiving_dibao

tekun_member_ids := _tekun_decided | _receiving_tekun

default dibao_family := false

# dibao_family: a 低保 family (最低生活保障家庭) — at least one member is a 低保 member.
dibao_family if count(dibao_member_ids) > 0

default tekun_family := false

# tekun_family: a family with a 特困 person (特困供养人员家庭).
tekun_family if count(tekun_member_ids) > 0

# low_income_line is 1.5 × the 低保 standard for the household's area.
low_income_line := params.p.dibao.low_income_ratio * dibao.standard

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
low_income_family if _household.current_benefits.low_income == true

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

# age is the member's age in whole years on the decision date (looked up for members of the household).
age(m) := a if {
	a := ages[m.id]
} else := lib.age_on(m.birth_date, input.as_of)

elderly(m) if age(m) >= params.p.status.elderly_age

minor(m) if age(m) < params.p.status.adult_age

disabled(m) if m.disability.grade

severely_disabled(m) if m.disability.grade <= params.p.status.severe_disability_max_grade

severely_disabled(m) if {
	m.disability.type in {"intellectual", "mental"}
	m.disability.grade <= params.p.status.severe_disability_max_grade_intellectual_mental
}

seriously_ill(m) if m.serious_illness == true

# 脱贫人口: read as the members marked tuopin or tuopin_unstable (脱贫不稳定 people are 脱贫 people whose
# situation is unstable); 边缘易致贫 people were never registered as poor and are not 脱贫人口.
tuopin_population(m) if m.poverty_status in {"tuopin", "tuopin_unstable"}

# 边缘人口（含脱贫不稳定户、边缘易致贫人口）.
edge_population(m) if m.poverty_status in {"tuopin_unstable", "edge_at_risk"}

# insured: enrolled in residents' medical insurance; an absent insurance record reads as insured
# (the model's default), so only a stated "insured": false flags a member.
insured(m) := get(m, ["insurance", "insured"], true)

# assessed_self_care is "able", "partly_lost" or "fully_lost": derived from the six daily activities
# when given (1–3 not managed = partly lost, 4 or more = fully lost), else the assessed ability; undefined
# when the request gives neither (特困's care standard then cannot be decided).
assessed_self_care(m) := _level(activities_not_managed(m)) if {
	activities_not_managed(m)
} else := ability if {
	ability := get(m, ["self_care", "ability"], null)
	ability != null
}

# activities_not_managed counts the daily activities a member does not manage alone (when given).
activities_not_managed(m) := count([a | some a in activities; a == false]) if {
	activities := get(m, ["self_care", "daily_activities"], null)
	activities != null
}

# self_care: the assessed ability, or able when nothing is said (no referral on silence).
self_care(m) := level if {
	level := assessed_self_care(m)
} else := "able"

_level(n) := "fully_lost" if {
	n >= params.p.status.self_care_fully_lost_min
} else := "partly_lost" if {
	n >= params.p.status.self_care_partly_lost_min
} else := "able"

cannot_care_for_self(m) if self_care(m) != "able"

# Per-member status as sets and maps over the household, computed once per decision for the clauses that
# ask about every member (the functions above stay for single-member questions).
# (Complete rules, so each is evaluated once per query and then read from the cache.)
# (The decision date's year and month-day are read once, not once a member.)
ages := {m.id: lib.age_at(_as_of_year, _as_of_md, m.birth_date) | some m in _household.members}

_as_of_year := to_number(substring(input.as_of, 0, 4))

_as_of_md := substring(input.as_of, 5, 5)

elderly_ids := {id | some id, a in ages; a >= params.p.status.elderly_age}

minor_ids := {id | some id, a in ages; a < params.p.status.adult_age}

disabled_ids := {m.id | some m in _household.members; disabled(m)}

severely_disabled_ids := {m.id | some m in _household.members; severely_disabled(m)}

seriously_ill_ids := {m.id | some m in _household.members; seriously_ill(m)}

tuopin_ids := {m.id | some m in _household.members; tuopin_population(m)}

edge_ids := {m.id | some m in _household.members; edge_population(m)}

# family_facts is the household's status, for the values of a finding.
family_facts := {
	"dibao_family": dibao_family,
	"tekun_family": tekun_family,
	"low_income_family": low_income_family,
}

# recognised_low_income: the request says the family is recognised as low-income now.
recognised_low_income := get(_household, ["current_benefits", "low_income"], false)

# missing_facts: the low-income asset assertion (below); each clause names the other facts it read
# through status (insurance, self-care) in its own missing_facts.

# METADATA
# title: Low-income family status
# description: >-
#   A low-income family is one recognised as such now, or one whose household as clause 5 assesses it
#   (members supported as 特困 left out) has a per-capita counted income at or below 1.5 × the 低保
#   standard ("150%以内" includes the line) and asserts the low-income-family asset rule. The plan leaves
#   the definition open (clause 2: 不断完善低收入家庭认定办法); this is the project's reading of it with the
#   one figure the plan gives. Clauses 3, 7 and 10 rely on it.
# custom:
#   id: status.low_income_family
#   clause: 5
#   basis: reading
#   reading: Who counts as a low-income family — per-capita counted income of the household clause 5 assesses
#     (特困 members left out) at or below 1.5 × the standard, plus the asserted asset rule
#   title_zh: 低收入家庭（本项目的解读）
#   message:
#     met:
#       zh: >-
#         低收入家庭（本项目解读）：按低保家庭（不含特困人员）{members}人计，人均收入{per_capita_income}元，
#         不高于认定线{low_income_line}元（低保标准{standard}元 × {ratio}）；低收入家庭财产条件（申请方确认）：{low_income_assets_met}；
#         或现已认定为低收入家庭：{recognised_low_income}
#       en: >-
#         low-income family (project reading): the household of {members} clause 5 assesses (特困 members left
#         out) has per-capita income {per_capita_income}, within the line {low_income_line} (standard {standard}
#         × {ratio}); asset rule asserted: {low_income_assets_met}; recognised now: {recognised_low_income}
#     not_met:
#       zh: >-
#         不是低收入家庭（本项目解读）：按低保家庭（不含特困人员）{members}人计，人均收入{per_capita_income}元，
#         认定线{low_income_line}元（低保标准{standard}元 × {ratio}）；收入在线内：{low_income_by_income}；
#         低收入家庭财产条件（申请方确认）：{low_income_assets_met}
#       en: >-
#         not a low-income family (project reading): the household of {members} clause 5 assesses has per-capita
#         income {per_capita_income}, line {low_income_line} (standard {standard} × {ratio}); within the line:
#         {low_income_by_income}; asset rule asserted: {low_income_assets_met}
findings contains lib.household_finding(rego.metadata.rule(), "status", lib.outcome(low_income_family), {
	"members": dibao.member_count,
	"per_capita_income": lib.money(dibao.per_capita_income),
	"standard": lib.money(dibao.standard),
	"ratio": params.p.dibao.low_income_ratio,
	"low_income_line": lib.money(low_income_line),
	"recognised_low_income": recognised_low_income,
	"low_income_by_income": low_income_by_income,
	"low_income_assets_met": low_income_assets_met,
}) if {
	dibao.member_count > 0
}

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
	not "low_income_assets_test_met" in object.keys(_household)
}
