# METADATA
# title: Clause 5 — minimum living guarantee (低保)
# description: >-
#   5.完善最低生活保障制度. The household's counted income per head is tested against the provincial
#   standard for its area in force on the decision date; the basic benefit is the gap times the members.
# schemas:
#   - input: schema["household.schema"]
package socialaid.dibao

import data.socialaid.lib
import data.socialaid.params

_household := input.household

member_count := count(_household.members)

# METADATA
# title: 低保 standard (urban, monthly)
# description: The urban standard is published per month.
# custom:
#   clause: 5
#   quote: 执行省级统一规定的最低生活保障标准
standard := params.value.dibao.standard_urban if _household.area == "urban"

# METADATA
# title: 低保 standard (rural, annual / 12)
# description: The rural standard is published per year; the monthly standard is a twelfth of it.
# custom:
#   clause: 5
#   quote: 执行省级统一规定的最低生活保障标准
standard := params.value.dibao.standard_rural_annual / 12 if _household.area == "rural"

# counted_income is the household's monthly income as counted for 低保.
counted_income := sum([m.monthly_income | some m in _household.members])

per_capita_income := counted_income / member_count

income_test_met if per_capita_income < standard

assets_test_met if _household.assets_test_met == true

eligible if {
	income_test_met
	assets_test_met
}

default basic_benefit := 0

# METADATA
# title: Basic benefit
# description: (standard − per-capita income) × members, per month.
# custom:
#   clause: 5
#   quote: 低保金核算根据家庭共同生活成员人均收入与当地低保标准实际差额确定基本保障金
basic_benefit := (standard - per_capita_income) * member_count if eligible

monthly_amount := lib.money(basic_benefit)

covered_member_ids := [m.id | some m in _household.members] if eligible

else := []

programs["dibao"] := lib.program("dibao", eligible, monthly_amount, covered_member_ids, {
	"standard": lib.money(standard),
	"counted_income": lib.money(counted_income),
	"per_capita_income": lib.money(per_capita_income),
	"members": member_count,
	"basic_benefit": lib.money(basic_benefit),
})

# METADATA
# title: 低保 standard in force
# custom:
#   clause: 5
#   quote: 执行省级统一规定的最低生活保障标准
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "info",
	"facts": {"area": _household.area, "standard": lib.money(standard), "as_of": input.as_of},
	"message": {
		"zh": sprintf("%s低保标准为每月%s元（%s）", [_area_zh[_household.area], lib.fmt2(standard), input.as_of]),
		"en": sprintf("The %s 低保 standard on %s is %s yuan a month", [_household.area, input.as_of, lib.fmt2(standard)]),
	},
})

_area_zh := {"urban": "城市", "rural": "农村"}

# METADATA
# title: Per-capita income below the standard
# description: Eligible only when the counted income per member is strictly below the standard.
# custom:
#   clause: 5
#   quote: 根据家庭共同生活成员人均收入与当地低保标准实际差额确定基本保障金
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": _met(income_test_met),
	"facts": {
		"counted_income": lib.money(counted_income),
		"members": member_count,
		"per_capita_income": lib.money(per_capita_income),
		"standard": lib.money(standard),
	},
	"message": _income_message,
})

_met(true) := "met"

_met(false) := "not_met"

default income_test_met := false

default assets_test_met := false

default eligible := false

_income_message := {
	"zh": sprintf("家庭人均收入%s元低于低保标准%s元", [lib.fmt2(per_capita_income), lib.fmt2(standard)]),
	"en": sprintf("per-capita income %s is below the standard %s", [lib.fmt2(per_capita_income), lib.fmt2(standard)]),
} if income_test_met

_income_message := {
	"zh": sprintf("家庭人均收入%s元不低于低保标准%s元", [lib.fmt2(per_capita_income), lib.fmt2(standard)]),
	"en": sprintf("per-capita income %s is not below the standard %s", [lib.fmt2(per_capita_income), lib.fmt2(standard)]),
} if not income_test_met

# METADATA
# title: Asset test (asserted by the caller)
# description: >-
#   Asset limits are set locally and not published; the caller asserts the test is met. The plan only
#   refers to the provincial rules; the national rule decides.
# custom:
#   clause: 5
#   quote: 执行省级统一规定的最低生活保障标准
#   authority: 最低生活保障审核确认办法（民发〔2021〕57号）家庭财产状况
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": _met(assets_test_met),
	"facts": {"assets_test_met": assets_test_met},
	"message": _assets_message,
})

_assets_message := {"zh": "家庭财产状况符合规定（申请方确认）", "en": "the caller asserts the asset test is met"} if assets_test_met

_assets_message := {"zh": "家庭财产状况不符合规定", "en": "the asset test is not met"} if not assets_test_met

# METADATA
# title: Basic benefit
# description: (standard − per-capita income) × members, per month, rounded to the fen.
# custom:
#   clause: 5
#   quote: 低保金核算根据家庭共同生活成员人均收入与当地低保标准实际差额确定基本保障金
findings contains lib.finding(rego.metadata.rule(), {
	"program": "dibao",
	"outcome": "met",
	"facts": {
		"standard": lib.money(standard),
		"per_capita_income": lib.money(per_capita_income),
		"members": member_count,
		"basic_benefit": monthly_amount,
	},
	"message": {
		"zh": sprintf("基本保障金 =（%s − %s）× %d = %s元/月", [lib.fmt2(standard), lib.fmt2(per_capita_income), member_count, lib.fmt2(basic_benefit)]),
		"en": sprintf("basic benefit = (%s − %s) × %d = %s yuan a month", [lib.fmt2(standard), lib.fmt2(per_capita_income), member_count, lib.fmt2(basic_benefit)]),
	},
}) if eligible
