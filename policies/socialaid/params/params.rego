# METADATA
# title: Dated parameters
# description: >-
#   Amounts, rates and thresholds live in data.socialaid.parameters (parameters/<group>/data.yaml), one
#   value per effective date with its source, as OpenFisca and PolicyEngine keep them. The value used is
#   the latest one whose effective_from is on or before the decision date, unless the request overrides
#   it (a what-if, marked hypothetical). A parameter with no value in force on the decision date is an
#   error that stops the decision, never a default.
# schemas:
#   - input: schema["household.schema"]
package socialaid.params

_tables := data.socialaid.parameters

_overrides := object.get(input, "parameter_overrides", {})

# in_force[group][name] is the value-entry of a parameter used on the decision date: the request's
# override where one is allowed and given, else the latest dated value. Complete rules, evaluated once
# per decision and then only looked up.
in_force := {group: entries |
	some group, table in _tables
	entries := {name: entry | some name, _ in table; entry := _entry(group, name)}
}

# value[group][name] is the number (or other value) of a parameter in force.
value := {group: {name: entry.value | some name, entry in entries} | some group, entries in in_force}

_entry(group, name) := {
	"name": concat(".", [group, name]),
	"value": _overrides[group][name],
	"unit": _tables[group][name].unit,
	"effective_from": input.as_of,
	"source": "override in the request (hypothetical)",
	"confidence": "hypothetical",
	"hypothetical": true,
} if {
	_overridden(group, name)
} else := _dated(group, name, input.as_of)

_overridden(group, name) if {
	data.socialaid.settings.allow_parameter_overrides
	some key, _ in _overrides[group]
	key == name
}

_dated(group, name, date) := entry if {
	table := _tables[group][name]
	dates := [v.effective_from | some v in table.values; v.effective_from <= date]
	count(dates) > 0
	latest := max(dates)
	some v in table.values
	v.effective_from == latest
	entry := {
		"name": concat(".", [group, name]),
		"value": v.value,
		"unit": table.unit,
		"effective_from": v.effective_from,
		"source": v.source,
		"confidence": object.get(v, "confidence", "not stated"),
		"hypothetical": false,
	}
}

# used lists every parameter in force, for the decision's "parameters" section.
used := [entry | some entries in in_force; some entry in entries]

hypothetical if {
	some entry in used
	entry.hypothetical
}

# errors stops a decision: a parameter with no value in force, or an override that cannot be applied.
errors contains err if {
	some group, name
	table := _tables[group][name]
	not in_force[group][name]
	first := min([v.effective_from | some v in table.values])
	err := {
		"kind": "parameter_not_in_force",
		"pointer": "/as_of",
		"problem": sprintf("no value of parameter %s.%s is in force on %s", [group, name, input.as_of]),
		"expected": sprintf("a decision date on or after %s, or a new dated value in parameters/%s", [first, group]),
	}
}

errors contains err if {
	some group, name
	_overrides[group][name]
	not _tables[group][name]
	err := {
		"kind": "input",
		"pointer": sprintf("/parameter_overrides/%s/%s", [group, name]),
		"problem": sprintf("unknown parameter %s.%s", [group, name]),
		"expected": "a parameter defined in the bundle's parameters data (see socialaid params)",
	}
}

errors contains err if {
	some group, name
	override := _overrides[group][name]
	table := _tables[group][name]
	want := type_name(table.values[0].value)
	type_name(override) != want
	err := {
		"kind": "input",
		"pointer": sprintf("/parameter_overrides/%s/%s", [group, name]),
		"problem": sprintf("override has type %s", [type_name(override)]),
		"expected": sprintf("a %s, like the parameter's dated values", [want]),
	}
}

errors contains err if {
	count(_overrides) > 0
	not data.socialaid.settings.allow_parameter_overrides
	err := {
		"kind": "input",
		"pointer": "/parameter_overrides",
		"problem": "parameter overrides are switched off in this deployment",
		"expected": "no parameter_overrides (settings.allow_parameter_overrides is false)",
	}
}
