package socialaid.params_test

import data.socialaid.params

_req(date, overrides) := {
	"as_of": date,
	"household": {"area": "urban", "assets_test_met": true, "members": [{"id": "a", "birth_date": "1980-01-01"}]},
	"parameter_overrides": overrides,
}

# The value in force is the latest one on or before the date: 705 on 2024-03-31, 808 on 2024-04-01.
test_value_in_force_changes_on_its_effective_date if {
	params.value.dibao.standard_urban == 705 with input as _req("2024-03-31", {})
	params.value.dibao.standard_urban == 808 with input as _req("2024-04-01", {})
	params.in_force.dibao.standard_urban.effective_from == "2024-04-01" with input as _req("2025-01-01", {})
}

test_missing_value_is_an_error if {
	errs := params.errors with input as _req("2022-03-31", {})
	some e in errs
	e.problem == "no value of parameter dibao.standard_urban is in force on 2022-03-31"
	e.expected == "a decision date on or after 2022-04-01, or a new dated value in parameters/dibao"
}

test_override_replaces_value_and_is_hypothetical if {
	req := _req("2025-01-01", {"dibao": {"standard_urban": 900}})
	params.value.dibao.standard_urban == 900 with input as req
	params.hypothetical with input as req
	count(params.errors) == 0 with input as req
}

test_unknown_override_is_an_error if {
	errs := params.errors with input as _req("2025-01-01", {"dibao": {"nope": 1}})
	some e in errs
	e.pointer == "/parameter_overrides/dibao/nope"
}

test_override_of_wrong_type_is_an_error if {
	errs := params.errors with input as _req("2025-01-01", {"dibao": {"standard_urban": "900"}})
	some e in errs
	e.problem == "override has type string"
}

test_overrides_switched_off if {
	req := _req("2025-01-01", {"dibao": {"standard_urban": 900}})
	errs := params.errors with input as req with data.socialaid.settings.allow_parameter_overrides as false
	some e in errs
	e.pointer == "/parameter_overrides"
	params.value.dibao.standard_urban == 808 with input as req
		with data.socialaid.settings.allow_parameter_overrides as false
}

test_every_parameter_value_has_a_source_and_date if {
	every table in data.socialaid.parameters {
		every param in table {
			param.unit
			count(param.values) > 0
			every v in param.values {
				regex.match(`^\d{4}-\d{2}-\d{2}$`, v.effective_from)
				v.source != ""
			}
		}
	}
}
