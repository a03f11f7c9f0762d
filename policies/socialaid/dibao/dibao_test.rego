package socialaid.dibao_test

import data.socialaid.dibao

_household(area, incomes) := {
	"as_of": "2025-01-01",
	"household": {
		"area": area,
		"assets_test_met": true,
		"members": [{"id": sprintf("m%d", [i]), "birth_date": "1980-01-01", "monthly_income": x} | some i, x in incomes],
	},
}

# Urban standard on 2025-01-01 is 808 (in force from 2024-04-01).
# Incomes 300 + 0 + 0 → per capita 100; (808 − 100) × 3 = 2124.
test_clause5_basic_benefit_urban if {
	dibao.programs.dibao.monthly_amount == 2124 with input as _household("urban", [300, 0, 0])
}

# Rural standard 6852 / 12 = 571 a month. Incomes 400 + 200 → per capita 300; (571 − 300) × 2 = 542.
test_clause5_basic_benefit_rural if {
	dibao.programs.dibao.monthly_amount == 542 with input as _household("rural", [400, 200])
}

# Just below, at and just above the urban standard for one person: 807.99, 808, 808.01.
test_clause5_income_just_below_standard if {
	# (808 − 807.99) × 1 = 0.01
	dibao.programs.dibao.monthly_amount == 0.01 with input as _household("urban", [807.99])
}

test_clause5_income_at_standard_not_eligible if {
	not dibao.eligible with input as _household("urban", [808])
	some f in dibao.findings with input as _household("urban", [808])
	f.rule == "Per-capita income below the standard"
	f.outcome == "not_met"
	f.message.en == "per-capita income 808.00 is not below the standard 808.00"
}

test_clause5_income_just_above_standard_not_eligible if {
	not dibao.eligible with input as _household("urban", [808.01])
	dibao.programs.dibao.monthly_amount == 0 with input as _household("urban", [808.01])
}

# Before 2024-04-01 the 2022 standard 705 applies: (705 − 0) × 1 = 705.
test_clause5_standard_by_decision_date if {
	h := object.union(_household("urban", [0]), {"as_of": "2024-03-31"})
	dibao.programs.dibao.monthly_amount == 705 with input as h
}
