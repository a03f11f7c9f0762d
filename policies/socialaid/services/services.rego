# METADATA
# title: Clauses 3 and 4 — services, grain, agricultural migrants
# description: >-
#   3.创新社会救助方式: seasonal grain assistance for rural 低保 households short of grain, and visiting
#   and care services for members of assisted families who cannot care for themselves (elderly, minors,
#   disabled). 4.促进城乡统筹发展: agricultural migrants are assessed like residents. Neither program has a
#   cash amount in the plan: monthly_amount is 0.
# schemas:
#   - input: schema["household.schema"]
package socialaid.services

import data.socialaid.lib
import data.socialaid.status

_household := input.household

_members := _household.members

_grain_shortage := object.get(_household, "grain_shortage", false)

default grain_eligible := false

grain_eligible if {
	_household.area == "rural"
	status.dibao_family
	_grain_shortage == true
}

_all_ids := sort([m.id | some m in _members])

_grain_covered := _all_ids if grain_eligible

else := []

programs["grain_assistance"] := lib.program("grain_assistance", grain_eligible, 0, _grain_covered, {
	"area": _household.area,
	"dibao_family": status.dibao_family,
	"grain_shortage": _grain_shortage,
})

# METADATA
# title: Seasonal grain assistance for rural 低保 households
# description: A rural 低保 household short of grain in the lean season gets grain assistance.
# custom:
#   clause: 3
#   quote: 实施农村低保季节性缺粮户粮食救助
findings contains lib.finding(rego.metadata.rule(), {
	"program": "grain_assistance",
	"outcome": _met(grain_eligible),
	"facts": {"area": _household.area, "dibao_family": status.dibao_family, "grain_shortage": _grain_shortage},
	"message": _grain_message,
})

_met(true) := "met"

_met(false) := "not_met"

_grain_message := {"zh": "农村低保季节性缺粮户，给予粮食救助", "en": "rural 低保 household short of grain: grain assistance"} if {
	grain_eligible
} else := {
	"zh": "季节性缺粮，但不是农村低保家庭",
	"en": "short of grain, but not a rural 低保 household",
} if {
	_grain_shortage == true
} else := {"zh": "未报季节性缺粮", "en": "no seasonal grain shortage reported"}

# --- visiting and care services ---

_categories := ["elderly", "minor", "disabled"]

_category_zh := {"elderly": "老年人", "minor": "未成年人", "disabled": "残疾人"}

_in_category("elderly", m) if status.elderly(m)

_in_category("minor", m) if status.minor(m)

_in_category("disabled", m) if status.disabled(m)

categories(m) := [c | some c in _categories; _in_category(c, m)]

_dependent contains m if {
	some m in _members
	status.cannot_care_for_self(m)
}

care_referrals[m.id] := {"self_care": status.self_care(m), "categories": categories(m)} if {
	status.assisted_family
	some m in _dependent
	count(categories(m)) > 0
}

_care_covered := sort([id | some id, _ in care_referrals])

default care_eligible := false

care_eligible if count(care_referrals) > 0

programs["care_services"] := lib.program(
	"care_services", care_eligible, 0, _care_covered,
	{"referrals": care_referrals},
)

_self_care_zh := {"partly_lost": "部分丧失生活自理能力", "fully_lost": "完全丧失生活自理能力", "able": "生活能自理"}

# METADATA
# title: Visiting and care services
# description: >-
#   A member of a 低保, 特困 or low-income family who cannot care for themselves (self-care partly or
#   fully lost) and is elderly, a minor or disabled is referred for visiting and care services.
# custom:
#   clause: 3
#   quote: 对社会救助家庭中生活不能自理的老年人、未成年人、残疾人等提供必要的访视、照料服务
findings contains lib.finding(rego.metadata.rule(), {
	"program": "care_services",
	"outcome": "met",
	"member_id": id,
	"facts": object.union(r, {"age": status.age(m)}),
	"message": {
		"zh": sprintf(
			"社会救助家庭中%s的%s（%d岁），提供访视、照料服务",
			[_self_care_zh[r.self_care], concat("、", [_category_zh[c] | some c in r.categories]), status.age(m)],
		),
		"en": sprintf(
			"member of an assisted family, self-care %s, %s (aged %d): visiting and care services",
			[r.self_care, concat(", ", r.categories), status.age(m)],
		),
	},
}) if {
	some id, r in care_referrals
	some m in _members
	m.id == id
}

# METADATA
# title: Cannot care for oneself — not referred
# description: >-
#   A member who cannot care for themselves is referred only from an assisted family and only if elderly,
#   a minor or disabled.
# custom:
#   clause: 3
#   quote: 社会救助家庭中生活不能自理的老年人、未成年人、残疾人
findings contains lib.finding(rego.metadata.rule(), {
	"program": "care_services",
	"outcome": "not_met",
	"member_id": m.id,
	"facts": object.union(status.family_facts, {
		"self_care": status.self_care(m),
		"age": status.age(m),
		"categories": categories(m),
	}),
	"message": _not_referred_message(m),
}) if {
	some m in _dependent
	not care_referrals[m.id]
}

_not_referred_message(_) := {
	"zh": "家庭不是低保、特困或低收入家庭（社会救助家庭）",
	"en": "the family is not a 低保, 特困 or low-income family",
} if {
	not status.assisted_family
} else := {
	"zh": "不属于老年人、未成年人或残疾人",
	"en": "not elderly, a minor or disabled",
}

# METADATA
# title: Agricultural migrants assessed where they live
# description: >-
#   An agricultural migrant household is assessed like a resident household: being registered elsewhere is
#   not by itself a reason to refuse any program.
# custom:
#   clause: 4
#   quote: 及时对符合条件的农业转移人口提供相应救助帮扶
findings contains lib.finding(rego.metadata.rule(), {
	"program": "all",
	"outcome": "info",
	"facts": {"agricultural_migrant": true},
	"message": {
		"zh": "农业转移人口：按常住地同等条件审核，户籍不在本区不作为拒绝救助的理由",
		"en": "agricultural migrants: assessed like residents; being registered elsewhere is not a reason to refuse",
	},
}) if {
	_household.agricultural_migrant == true
}
