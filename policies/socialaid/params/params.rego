# METADATA
# title: Dated parameters, resolved once per decision
# description: >-
#   Amounts, rates and thresholds live in data.socialaid.parameters (parameters/<group>/data.yaml), one
#   value per effective date with its source, as OpenFisca and PolicyEngine keep them. The value used is
#   the latest one whose effective_from is on or before the decision date, unless the request overrides
#   it where overrides are allowed (a what-if, marked hypothetical). All of them are resolved once per
#   decision into `p` (group → name → value); rules read plain fields of `p`. A parameter with no value in
#   force on the decision date, or a date past the group's known_through date (data.socialaid.horizon)
#   without `projection`, is an error that stops the decision, never a default.
# schemas:
#   - input: schema["household.schema"]
package socialaid.params

_tables := data.socialaid.parameters

default _overrides := {}

_overrides := input.parameter_overrides if is_object(input.parameter_overrides)

default overrides_allowed := false

# overrides_allowed: parameter overrides are honoured only by a server started in analyst mode (or by the
# policy run outside any server, as in opa test), and only where the deployment has not switched them off.
overrides_allowed if {
	data.socialaid.settings.allow_parameter_overrides == true
	data.socialaid.mode.overrides_allowed
}

_index := data.socialaid.parameter_index

# _change: the latest date on or before the decision date on which any parameter took a new value;
# _snapshot: every parameter in force from then on (data.socialaid.parameter_index, built at bundle
# stage from the tables and checked against them by params_test). One lookup resolves them all.
# The decision date's year's few dates are looked at, with the last change before that year
# (parameter_index.by_year); a date outside the years of the index scans them all.
_change := c if {
	y := _index.by_year[substring(input.as_of, 0, 4)]
	c := max(array.concat(y.before, [d | some d in y.dates; d <= input.as_of]))
} else := max([d | some d in _index.dates; d <= input.as_of])

default _snapshot := {"values": {}, "dated": {}, "entries": {}, "missing": null}

_snapshot := _index.at[_change]

_overridden(group, name) if {
	overrides_allowed
	_tables[group][name]
	_ = _overrides[group][name]
}

default _any_override := false

_any_override if {
	some group, names in _overrides
	some name, _ in names
	_overridden(group, name)
}

# p[group][name]: the value in force (the permitted override, else the latest dated value).
p := _snapshot.values if not _any_override

p := object.union(_snapshot.values, {group: {name: v |
	some name, v in names
	_overridden(group, name)
} |
	some group, names in _overrides
}) if _any_override

# reported: the parameters a compact decision names, by group, name and value — every parameter whose
# value depends on the decision date (it has more than one dated value) and every override applied.
# The others are fixed for the bundle revision; the explanation lists them all with their sources.
reported := _snapshot.dated if not _any_override

reported := object.union(_snapshot.dated, {group: {name: v |
	some name, v in names
	_overridden(group, name)
} |
	some group, names in _overrides
}) if _any_override

# in_force[group][name]: the full entry in force (value, unit, date, source in English and Chinese), for
# the explanation.
in_force[group][name] := _snapshot.entries[group][name] if {
	some group, names in _tables
	some name, _ in names
	not _overridden(group, name)
	_snapshot.entries[group][name]
}

in_force[group][name] := {
	"name": concat(".", [group, name]),
	"value": v,
	"unit": _tables[group][name].unit,
	"effective_from": input.as_of,
	"source": "override in the request (hypothetical)",
	"source_zh": "请求中的覆盖值（假设）",
	"confidence": "hypothetical",
	"confidence_zh": "假设",
	"hypothetical": true,
} if {
	some group, names in _overrides
	some name, v in names
	_overridden(group, name)
}

# used lists every parameter in force with its source, for the explanation.
used := [entry | some entries in in_force; some entry in entries]

default projection := false

projection if input.projection == true

# beyond_horizon: the groups whose values are known only up to a date before the decision date.
beyond_horizon contains group if {
	some group, through in data.socialaid.horizon
	input.as_of > through
}

default hypothetical := false

hypothetical if _any_override

hypothetical if {
	projection
	count(beyond_horizon) > 0
}

# errors stops a decision: a parameter with no value in force, a date past what is known, or an
# override that cannot be applied.
# _missing: dotted names with no value in force — those the snapshot lists, or all before the first date.
_missing contains key if some key in _snapshot.missing

_missing contains concat(".", [group, name]) if {
	_snapshot.missing == null
	some group, table in _tables
	some name, _ in table
}

errors contains err if {
	some key in _missing
	[group, name] := split(key, ".")
	not _overridden(group, name)
	first := min([v.effective_from | some v in _tables[group][name].values])
	err := {
		"kind": "parameter_not_in_force",
		"pointer": "/as_of",
		"problem": sprintf("no value of parameter %s.%s is in force on %s", [group, name, input.as_of]),
		"expected": sprintf("a decision date on or after %s, or a new dated value in parameters/%s", [first, group]),
	}
}

errors contains err if {
	not projection
	some group in beyond_horizon
	through := data.socialaid.horizon[group]
	err := {
		"kind": "parameter_not_in_force",
		"pointer": "/as_of",
		"problem": sprintf("the values of parameter group %s are known only through %s", [group, through]),
		"expected": sprintf("a decision date on or before %s, or projection: true for a hypothetical projection", [through]),
	}
}

errors contains err if {
	some group, names in _overrides
	some name, _ in names
	not _tables[group][name]
	err := {
		"kind": "input",
		"pointer": sprintf("/parameter_overrides/%s/%s", [_escape(group), _escape(name)]),
		"problem": sprintf("unknown parameter %s.%s", [group, name]),
		"expected": "a parameter defined in the bundle's parameters data (see socialaid params)",
	}
}

errors contains err if {
	some group, names in _overrides
	some name, override in names
	table := _tables[group][name]
	want := type_name(table.values[0].value)
	type_name(override) != want
	err := {
		"kind": "input",
		"pointer": sprintf("/parameter_overrides/%s/%s", [_escape(group), _escape(name)]),
		"problem": sprintf("override has type %s", [type_name(override)]),
		"expected": sprintf("a %s, like the parameter's dated values", [want]),
	}
}

errors contains err if {
	count(_overrides) > 0
	not overrides_allowed
	err := {
		"kind": "input",
		"pointer": "/parameter_overrides",
		"problem": "parameter overrides are switched off in this deployment",
		"expected": "no parameter_overrides (overrides are allowed only in analyst mode)",
	}
}

# _escape: a JSON pointer reference token (RFC 6901): "~" → "~0", "/" → "~1".
_escape(token) := replace(replace(token, "~", "~0"), "/", "~1")
