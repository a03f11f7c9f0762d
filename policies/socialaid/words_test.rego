package socialaid_test

import data.socialaid

test_words_carry_the_registry_of_this_bundle if {
	w := socialaid.words with input as {}
	w.bundle_revision == socialaid.bundle_revision
	w.rules["dibao.income_test"].clause == 5
	w.catalog.programs.dibao.clause == 5
	w.plan.clauses["5"].number == 5
	w.parameters.dibao.standard_urban.values[0].value > 0
}

test_parameters_on_a_date_lists_every_parameter_in_force_by_name if {
	r := socialaid.parameters_on with input as {"as_of": "2025-01-01"}
	r.errors == []
	names := [e.name | some e in r.parameters]
	names == sort(names)
	some e in r.parameters
	e.name == "dibao.standard_urban"
	e.effective_from == "2024-04-01"
}

test_parameters_on_refuses_a_bad_date_by_pointer if {
	r := socialaid.parameters_on with input as {"as_of": "2025-13-01"}
	r.errors[0].pointer == "/as_of"
	not r.parameters
}

test_parameters_on_refuses_a_date_before_any_value if {
	r := socialaid.parameters_on with input as {"as_of": "2019-01-01"}
	some e in r.errors
	e.kind == "parameter_not_in_force"
}

test_parameters_on_refuses_other_fields_and_non_objects if {
	r := socialaid.parameters_on with input as {"as_of": "2025-01-01", "parameter_overrides": {}}
	r.errors[0].pointer == ""
	s := socialaid.parameters_on with input as [1]
	s.errors[0].pointer == "/as_of"
}
