# The words and parameters of this bundle: read-only doors for the words of the server's own revision,
# so that a caller never prints one revision's titles and quotes over another revision's decision. `words`: the rule registry (ids,
# clause, basis, titles, quotes or references, messages, built from METADATA at bundle stage), the
# catalog (programs, tiers, aid in kind), the clause registry (verbatim clauses) and the parameter
# tables (dated values with their sources) and horizons. `parameters_on`: every parameter in force on
# `input.as_of` with its source, as the explanation lists them, or errors naming `/as_of`.
package socialaid

import data.socialaid.params

# METADATA
# title: Words
# entrypoint: true
words := {
	"bundle_revision": bundle_revision,
	"rules": data.socialaid.rules,
	"catalog": data.socialaid.catalog,
	"plan": data.socialaid.plan,
	"parameters": data.socialaid.parameters,
	"horizon": data.socialaid.horizon,
}

# METADATA
# title: Parameters in force on a date
# entrypoint: true
parameters_on := {"bundle_revision": bundle_revision, "as_of": _as_of, "errors": _parameter_date_errors} if {
	count(_parameter_date_errors) > 0
}

parameters_on := {
	"bundle_revision": bundle_revision,
	"as_of": input.as_of,
	"errors": [e | some e in params.errors],
	"parameters": sort_by_name(params.used),
} if {
	count(_parameter_date_errors) == 0
}

sort_by_name(entries) := [by_name[n] | some n in sort(object.keys(by_name))] if {
	by_name := {e.name: e | some e in entries}
}

_parameter_date_errors := [e | some e in _date_errors]

_date_errors contains {
	"kind": "input",
	"pointer": "/as_of",
	"problem": "as_of is missing or is not a date",
	"expected": "a date YYYY-MM-DD",
} if not _valid_date(_requested_date)

_date_errors contains {
	"kind": "input",
	"pointer": "",
	"problem": "unknown field in the parameters request",
	"expected": "an object with as_of only",
} if {
	is_object(input)
	some key, _ in input
	key != "as_of"
}

default _requested_date := null

_requested_date := input.as_of if is_object(input)

_valid_date(value) if {
	is_string(value)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, value)
	time.parse_ns("2006-01-02", value)
}
