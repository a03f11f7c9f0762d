package socialaid.params_test

import data.socialaid.params

_req(date, overrides) := {
	"as_of": date,
	"household": {"area": "urban", "assets_test_met": true, "members": [{"id": "a", "birth_date": "1980-01-01"}]},
	"parameter_overrides": overrides,
}

# The value in force is the latest one on or before the date: 705 on 2024-03-31, 808 on 2024-04-01.
test_value_in_force_changes_on_its_effective_date if {
	params.p.dibao.standard_urban == 705 with input as _req("2024-03-31", {})
	params.p.dibao.standard_urban == 808 with input as _req("2024-04-01", {})
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
	params.p.dibao.standard_urban == 900 with input as req
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
	params.p.dibao.standard_urban == 808 with input as req
		with data.socialaid.settings.allow_parameter_overrides as false
}

test_every_parameter_value_has_a_source_in_both_languages_and_a_date if {
	every table in data.socialaid.parameters {
		every param in table {
			param.unit
			count(param.values) > 0
			every v in param.values {
				regex.match(`^\d{4}-\d{2}-\d{2}$`, v.effective_from)
				v.source != ""
				v.source_zh != ""
				v.confidence_zh != ""
			}
		}
	}
}

# _scan: the plain reading of the tables — the latest value on or before the date, per parameter.
_scan(date) := {group: {name: v.value |
	some name, param in table
	dates := [x.effective_from | some x in param.values; x.effective_from <= date]
	count(dates) > 0
	some v in param.values
	v.effective_from == max(dates)
} |
	some group, table in data.socialaid.parameters
}

_day_before(date) := time.format([time.add_date(time.parse_ns("2006-01-02", date), 0, 0, -1), "UTC", "2006-01-02"])

# The index built at bundle stage agrees with a plain scan of the tables on every date a value changes,
# on the day before each, and far later — so the one-lookup resolution can never drift from the data.
test_parameter_index_matches_a_plain_scan_of_the_tables if {
	dates := {d | some d in data.socialaid.parameter_index.dates} | {_day_before(d) | some d in data.socialaid.parameter_index.dates}
	every date in dates | {"2030-01-01"} {
		got := {g: names | some g, names in params.p; count(names) > 0} with input as _req(date, {})
		want := {g: names | some g, names in _scan(date); count(names) > 0}
		got == want
	}
}

# The change in force found through the index by year is the latest date on or before the decision
# date, as a scan of every date finds it: on each date, the day before and the day after, the first and
# last days of every year of the index, and years before and after it.
test_change_by_year_matches_a_scan_of_every_date if {
	index := data.socialaid.parameter_index
	days := ({d | some d in index.dates} | {_day_before(d) | some d in index.dates}) | {_day_after(d) | some d in index.dates}
	ends := {concat("", [y, s]) | some y, _ in index.by_year; some s in ["-01-01", "-12-31"]}
	every date in (days | ends) | {"1990-06-01", "2019-11-30", "2031-01-01"} {
		scan := [d | some d in index.dates; d <= date]
		got := [c | c := params._change] with input as _req(date, {})
		got == [max(scan) | count(scan) > 0]
	}
}

_day_after(date) := time.format([time.add_date(time.parse_ns("2006-01-02", date), 0, 0, 1), "UTC", "2006-01-02"])

test_no_value_before_the_first_date_is_an_error_for_every_parameter if {
	errs := params.errors with input as _req("1999-01-01", {})
	n := sum([count(t) | some t in data.socialaid.parameters])
	count([e | some e in errs; e.kind == "parameter_not_in_force"]) == n
}
