# The yardstick of benchmarks/decision_cost.py: clause 5's arithmetic alone, as flat as Rego gets —
# the urban or rural standard in force, counted income with capped deductions, per-capita income, the
# gap times the members, and the highest supplement rate per member. No validation, findings, other
# programs, grace period or single-person route. Never part of the bundle; loaded beside it only to
# measure what the full decision costs relative to the arithmetic it exists for.
package bench.flat

_p := {name: v.value |
	some name, param in data.socialaid.parameters.dibao
	dates := [x.effective_from | some x in param.values; x.effective_from <= input.as_of]
	some v in param.values
	v.effective_from == max(dates)
}

_h := input.household

_standard := _p.standard_urban if _h.area == "urban"

_standard := _p.standard_rural_annual / 12 if _h.area == "rural"

_deductions := sum([min([e.monthly_amount, e.verified_cap]) | some e in object.get(_h, "rigid_expenditures", [])])

_counted := max([0, sum([object.get(m, "monthly_income", 0) | some m in _h.members]) - _deductions])

_per_capita := _counted / count(_h.members)

_eligible := _h.assets_test_met == true if _per_capita < _standard

else := false

_rate(m) := max(array.concat([0], [r |
	some [cat, ok] in [
		["severe_disability", object.get(m, "disability_grade", 9) <= 2],
		["serious_illness", object.get(m, "serious_illness", false)],
		["student", object.get(m, ["education", "enrolled"], false)],
	]
	ok == true
	r := _p[concat("", ["supplement_rate_", cat])]
]))

_supplements := sum([s | some m in _h.members; s := _rate(m) * _standard])

amount := round((((_standard - _per_capita) * count(_h.members)) + _supplements) * 100) / 100 if _eligible

else := 0

# METADATA
# entrypoint: true
clause5 := {"eligible": _eligible, "monthly_amount": amount}
