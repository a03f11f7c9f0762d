package socialaid.decision_test

import data.socialaid

_request := {
	"as_of": "2025-01-01",
	"household": {
		"area": "urban",
		"assets_test_met": true,
		"members": [{"id": "a", "birth_date": "1980-01-01", "monthly_income": 300}],
	},
}

# (808 − 300) × 1 = 508 on 2025-01-01.
test_decision_is_compact_with_programs_and_parameters_by_name if {
	d := socialaid.decision with input as _request
	d.errors == []
	d.programs.dibao.monthly_amount == 508
	d.programs.dibao.tier == "basic_living"
	d.programs.dibao.clause == 5
	not "findings" in object.keys(d)
	d.hypothetical == false
	d.as_of == "2025-01-01"
	d.bundle_revision == "unbundled"
	d.parameters.dibao.standard_urban == 808
	not d.parameters.tekun.basic_living_ratio # fixed for the bundle: only in the explanation
}

test_overrides_are_reported_in_the_compact_decision if {
	d := socialaid.decision with input as object.union(_request, {"parameter_overrides": {"tekun": {"minor_age": 16}}})
	d.hypothetical == true
	d.parameters.tekun.minor_age == 16
	d.parameters.dibao.standard_urban == 808
}

test_explanation_adds_findings_and_parameter_sources if {
	e := socialaid.explanation with input as _request
	d := socialaid.decision with input as _request

	# the decision's programs, each with its details (the working, in numbers and codes)
	e.programs == {name: object.union(p, {"details": socialaid.program_details[name]}) | some name, p in d.programs} with input as _request
	not d.programs.dibao.details
	e.programs.dibao.details.per_capita_income == 300
	count(e.findings) > 0
	some p in e.parameters_in_force
	p.name == "dibao.standard_urban"
	p.value == 808
	p.effective_from == "2024-04-01"
}

# A batch decides each request as the decision entrypoint would, in order; an invalid one gets its
# errors and no programs without touching its neighbours. (808 − 300) × 1 = 508; (808 − 0) × 1 = 808.
test_batch_decides_each_request_in_order if {
	zero := json.patch(_request, [{"op": "replace", "path": "/household/members/0/monthly_income", "value": 0}])
	bad := json.patch(_request, [{"op": "replace", "path": "/household/members/0/monthly_income", "value": -1}])
	b := socialaid.batch with input as {"requests": [_request, bad, zero]}
	b.errors == []
	count(b.decisions) == 3
	b.decisions[0].programs.dibao.monthly_amount == 508
	not b.decisions[1].programs
	b.decisions[1].errors[0].pointer == "/household/members/0/monthly_income"
	b.decisions[2].programs.dibao.monthly_amount == 808
}

# The outcome view: the same programs as the decision, without missing facts or parameters, its 低保
# entry with the household's figures (per capita 300 of one member, standard 808); an invalid request
# still gets its errors. (808 − 300) × 1 = 508.
test_batch_outcome_view_gives_the_decisions_programs_only if {
	bad := json.patch(_request, [{"op": "replace", "path": "/household/members/0/monthly_income", "value": -1}])
	b := socialaid.batch with input as {"requests": [_request, bad], "view": "outcome"}
	d := socialaid.decision with input as _request
	e := socialaid.explanation with input as _request
	b.errors == []
	object.remove(b.decisions[0].programs, ["dibao"]) == object.remove(d.programs, ["dibao"])
	b.decisions[0].programs.dibao == object.union(d.programs.dibao, {"per_capita_income": 300, "standard": 808, "members": 1})
	{k: e.programs.dibao.details[k] | some k in ["per_capita_income", "standard", "members"]} == socialaid.dibao.figures with input as _request
	b.decisions[0].programs.dibao.monthly_amount == 508
	b.decisions[0].as_of == "2025-01-01"
	not b.decisions[0].missing_facts
	not b.decisions[0].parameters
	not b.decisions[1].programs
	b.decisions[1].errors[0].pointer == "/household/members/0/monthly_income"
}

test_batch_unknown_view_is_an_error if {
	b := socialaid.batch with input as {"requests": [_request], "view": "everything"}
	not b.decisions
	some e in b.errors
	e.pointer == "/view"
}

test_batch_without_requests_is_an_error if {
	b := socialaid.batch with input as {"households": []}
	not b.decisions
	some e in b.errors
	e.pointer == "/requests"
}

test_batch_over_the_limit_is_an_error if {
	b := socialaid.batch with input as {"requests": [_request, _request]}
		with data.socialaid.settings.batch_max_requests as 1
	not b.decisions
	some e in b.errors
	e.expected == "at most 1 requests a batch"
}

# Past the date through which values are known: refused, unless a projection is asked for (hypothetical).
test_date_past_the_horizon_is_refused_unless_projected if {
	late := object.union(_request, {"as_of": "2027-01-01"})
	d := socialaid.decision with input as late
	not d.programs
	some e in d.errors
	e.kind == "parameter_not_in_force"
	p := socialaid.decision with input as object.union(late, {"projection": true})
	p.hypothetical == true
	p.programs.dibao.monthly_amount == 508
}

test_invalid_input_gives_errors_and_no_outcome if {
	bad := json.patch(_request, [{"op": "replace", "path": "/household/members/0/monthly_income", "value": -1}])
	d := socialaid.decision with input as bad
	not d.programs
	not "findings" in object.keys(d)
	[e] := d.errors
	e.pointer == "/household/members/0/monthly_income"
	e.kind == "input"
}

test_no_input_is_an_error if {
	d := socialaid.decision
	d.errors[0].problem == "the request has no input"
	d.as_of == null
}

test_parameter_not_in_force_stops_the_decision if {
	d := socialaid.decision with input as object.union(_request, {"as_of": "2022-03-31"})
	not d.programs
	some e in d.errors
	e.kind == "parameter_not_in_force"
	e.problem == "no value of parameter dibao.standard_urban is in force on 2022-03-31"
}

test_override_marks_decision_hypothetical if {
	# (900 − 300) × 1 = 600 with the urban standard overridden to 900.
	req := object.union(_request, {"parameter_overrides": {"dibao": {"standard_urban": 900}}})
	d := socialaid.decision with input as req
	d.hypothetical == true
	d.programs.dibao.monthly_amount == 600
}

test_bundle_revision_from_manifest if {
	rev := socialaid.bundle_revision with data.system.bundles as {"b": {"manifest": {"roots": ["socialaid"], "revision": "abc"}}}
	rev == "abc"
}

# Clause 2: every program of a decision names the clause and tier the catalog gives it.
test_every_program_names_its_catalog_clause_and_tier if {
	full := object.union(_request, {"price_index": {"month": "2025-01", "cpi_rise": 0.04, "food_cpi_rise": 0.01}})
	d := socialaid.decision with input as full
	count(d.programs) == count(data.socialaid.catalog.programs)
	every id, program in d.programs {
		program.clause == data.socialaid.catalog.programs[id].clause
		program.tier == data.socialaid.lib.program_tier[id]
	}
}

# Decisive rule references are literals on the decision path (measured: a third of the allocations of a
# registry lookup); each one's clause must be the clause its METADATA gives (the rule registry). Checked
# over households that reach met and not-met rules of every program.
_households := [
	_request,
	object.union(_request, {"price_index": {"month": "2025-01", "cpi_rise": 0.04, "food_cpi_rise": 0.07}}),
	{"as_of": "2025-01-01", "household": {"area": "rural", "assets_test_met": true, "grain_shortage": true, "members": [
		{
			"id": "e", "birth_date": "1940-01-01", "monthly_income": 0, "legal_supporters": [],
			"self_care": {"ability": "partly_lost"}, "medical_episodes": [{"date": "2024-12-01", "compliant_self_paid": 5000}],
			"education": {"enrolled": true, "stage": "postgraduate"},
		},
		{
			"id": "s", "birth_date": "2010-01-01", "monthly_income": 0, "legal_supporters": [{"relationship": "parent"}],
			"education": {"enrolled": true, "stage": "compulsory"},
			"employment": {"registered_unemployed": true},
		},
		{
			"id": "w", "birth_date": "1985-01-01", "monthly_income": 9000,
			"employment": {"status": "unemployed", "able_to_work": true, "willing_to_work": true, "registered_unemployed": true},
		},
	]}},
	{"as_of": "2025-01-01", "household": {"area": "urban", "assets_test_met": false, "members": [
		{"id": "a", "birth_date": "1980-01-01", "monthly_income": 9000},
	]}},
]

test_every_decisive_rule_names_the_clause_of_its_metadata if {
	every h in _households {
		d := socialaid.decision with input as h
		d.errors == []
		every _, program in d.programs {
			every r in program.rules {
				r.clause == data.socialaid.rules[r.rule].clause
			}
		}
	}
}
