package socialaid.dibao_test

import data.socialaid.dibao
import data.socialaid.lib

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
	f.rule == "dibao.income_test"
	f.outcome == "not_met"
	f.values == {"counted_income": 808, "members": 1, "per_capita_income": 808, "standard": 808}
	dibao.programs.dibao.rules == [lib.rule_ref("dibao.income_test", "not_met")] with input as _household("urban", [808])
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

# An eligible household names the rules that made it eligible and fixed the amount: 300 + 0 + 0, no
# category → income, assets, basic benefit (no supplement rule).
test_clause5_decisive_rules_household if {
	dibao.programs.dibao.rules == [
		lib.rule_ref("dibao.income_test", "met"), lib.rule_ref("dibao.assets_test", "met"),
		lib.rule_ref("dibao.basic_benefit", "met"),
	] with input as _household("urban", [300, 0, 0])
}

# Every clause-5 rule says what it rests on: a plan quote standing inside clause 5, or a national document
# and article, or a READING.md provision — never a plan quote for a rule the plan does not decide.
test_clause5_every_rule_names_its_basis if {
	ids := [id | some id, _ in data.socialaid.rules; _clause5_package(id)]
	count(ids) >= 15
	every id in ids {
		_basis_ok(data.socialaid.rules[id])
	}
}

_clause5_package(id) if startswith(id, "dibao.")

_clause5_package(id) if startswith(id, "price_subsidy.")

_basis_ok(r) if {
	r.basis == "plan"
	contains(data.socialaid.plan.clauses[format_int(r.clause, 10)].text, r.quote)
	not r.national
	not r.reading
}

_basis_ok(r) if {
	r.basis == "national"
	count(r.national.document) > 0
	count(r.national.article) > 0
	not r.quote
}

_basis_ok(r) if {
	r.basis == "reading"
	startswith(r.reading, "Clause 5")
	not r.quote
}
