# METADATA
# title: Household facts and statuses — the base every program reads
# description: >-
#   What the request says about the household and its members, computed once per decision and shared
#   by every clause: ages, elderly, minors, disability and severe disability, serious illness, poverty
#   status, insurance, self-care, the current benefits, the 低保 standard of the household's area, and
#   JSON pointers to members. This package imports no program (the package graph has no cycle:
#   tests/test_rego_graph.py); statuses that depend on program outcomes (who is 低保 or 特困, the
#   low-income family) are in socialaid.status, above clauses 5 and 6.
# schemas:
#   - input: schema["household.schema"]
package socialaid.facts

import data.socialaid.lib
import data.socialaid.params

members := input.household.members

# get is the value at path in obj, or dflt when it is absent or null.
get(obj, path, dflt) := v if {
	v := object.get(obj, path, null)
	v != null
} else := dflt

# --- members and pointers ---

member_ids := {m.id | some m in members}

# index[id]: the member's position in the request (for JSON pointers).
index := {m.id: i | some i, m in members}

# pointer(id, path): the JSON pointer of a field of a member, e.g. pointer("a", ["self_care"]) =
# "/household/members/0/self_care" — the one way every package names a member's missing fact.
pointer(id, path) := concat("/", array.concat(["", "household", "members", format_int(index[id], 10)], path))

# --- the 低保 standard of the household's area (urban monthly; rural annual / 12), computed once ---

standard := params.p.dibao.standard_urban if input.household.area == "urban"

standard := params.p.dibao.standard_rural_annual / 12 if input.household.area == "rural"

# --- current benefits (member_ids empty = the whole household) ---

# receiving_ids[kind]: the members the household's current benefit of that kind covers, read once.
receiving_ids := {kind: _receiving(kind) | some kind in ["dibao", "tekun"]}

_receiving(kind) := _covered_now(get(b, ["member_ids"], [])) if {
	b := get(input.household, ["current_benefits", kind], {})
	b.receiving == true
} else := set()

_covered_now(listed) := member_ids if count(listed) == 0

else := {id | some id in listed; id in member_ids}

# receiving(kind, m): the household's current benefit of that kind ("dibao", "tekun") covers member m.
receiving(kind, m) if m.id in receiving_ids[kind]

# recognised_low_income: the request says the family is recognised as low-income now.
recognised_low_income := get(input.household, ["current_benefits", "low_income"], false)

# --- ages and categories ---

# ages[id]: whole years on the decision date (the decision date's year and month-day read once).
ages := {m.id: lib.age_at(_as_of_year, _as_of_md, m.birth_date) | some m in members}

_as_of_year := to_number(substring(input.as_of, 0, 4))

_as_of_md := substring(input.as_of, 5, 5)

# age is the member's age in whole years on the decision date (looked up for members of the household).
age(m) := a if {
	a := ages[m.id]
} else := lib.age_on(m.birth_date, input.as_of)

elderly(m) if age(m) >= params.p.status.elderly_age

minor(m) if age(m) < params.p.status.adult_age

# The categories of a member of the household: each is one set over the household, computed once per
# decision (a comprehension with the test inline, no function call a member); the functions answer for
# one member by looking the member up in the set.
disabled(m) if m.id in disabled_ids

severely_disabled(m) if m.id in severely_disabled_ids

seriously_ill(m) if m.id in seriously_ill_ids

# 脱贫人口: read as the members marked tuopin or tuopin_unstable (脱贫不稳定 people are 脱贫 people whose
# situation is unstable); 边缘易致贫 people were never registered as poor and are not 脱贫人口.
tuopin_population(m) if m.id in tuopin_ids

# 边缘人口（含脱贫不稳定户、边缘易致贫人口）.
edge_population(m) if m.id in edge_ids

# insured: enrolled in residents' medical insurance; an absent insurance record reads as insured
# (the model's default), so only a stated "insured": false flags a member.
insured(m) := get(m, ["insurance", "insured"], true)

elderly_ids := {id | some id, a in ages; a >= t} if t := params.p.status.elderly_age

minor_ids := {id | some id, a in ages; a < t} if t := params.p.status.adult_age

disabled_ids := {m.id | some m in members; m.disability.grade}

# severely disabled: grade 1–2 of any type, or grade 3 intellectual or mental (grades are parameters).
severely_disabled_ids := {m.id | some m in members; m.disability.grade <= g} | {m.id |
	some m in members
	m.disability.type in {"intellectual", "mental"}
	m.disability.grade <= gi
} if {
	g := params.p.status.severe_disability_max_grade
	gi := params.p.status.severe_disability_max_grade_intellectual_mental
}

seriously_ill_ids := {m.id | some m in members; m.serious_illness == true}

tuopin_ids := {m.id | some m in members; m.poverty_status in {"tuopin", "tuopin_unstable"}}

edge_ids := {m.id | some m in members; m.poverty_status in {"tuopin_unstable", "edge_at_risk"}}

# --- self-care ---

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
