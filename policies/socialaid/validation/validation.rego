# METADATA
# title: Input validation
# description: >-
#   The policy checks every request against schemas/household.schema.json itself (carried in the
#   bundle as data.socialaid.schemas.household.text), so a service that queries OPA directly with a bad
#   request gets errors naming the field (an RFC 6901 JSON pointer) and never an outcome. Input that is
#   not an object, a schema check that cannot run, an unknown parameter override (whatever its value)
#   and an override sent to a server not in analyst mode are errors too. Every check is linear in the
#   size of the household, and the schema caps that size.
package socialaid.validation

import data.socialaid.mode

default errors := []

errors := [_input_error("", "the request has no input", `an object {"input": {...}}`)] if not _given

errors := [_input_error("", sprintf("the input is a %s", [type_name(input)]), "a JSON object")] if {
	_given
	not is_object(input)
}

# The schema check could not be made at all: never a decision on an unchecked request.
errors := [_input_error("", "the request could not be checked against the schema", "a JSON object")] if {
	is_object(input)
	not _match
}

# A set first, so that the errors come out in a stable order whatever order the schema check gives. A
# failed check always yields an error, even one whose details could not be read.
errors := _schema_errors if {
	is_object(input)
	[valid, _] := _match
	not valid
}

_schema_errors := errs if {
	errs := [e | some e in {_error(d) | some d in _match[1]}]
	count(errs) > 0
} else := [_input_error("", "the request does not match the schema", "a request matching the schema")]

# A request that fits the schema can still contradict itself; the schema cannot say these.
errors := [e | some e in _consistency] if {
	is_object(input)
	[valid, _] := _match
	valid
	count(_consistency) > 0
}

_given if type_name(input)

# The schema check, made once per decision (and only on an object: json.match_schema fails on others).
# The schema is JSON text in the bundle: the server caches the compiled schema keyed by this string.
_match := json.match_schema(input, data.socialaid.schemas.household.text) if is_object(input)

_members := input.household.members

_ids := {m.id | some m in _members}

# Positions of each member id. OPA indexes this comprehension on m.id, so the duplicate check below is
# linear in the number of members, not quadratic; it runs only when fewer ids than members are given.
_positions(id) := [i | some i, m in _members; m.id == id]

_consistency contains _input_error(
	sprintf("/household/members/%d/id", [i]),
	sprintf("member id %q is used again (first at /household/members/%d)", [m.id, first]),
	"member ids unique within the household",
) if {
	count(_ids) < count(_members)
	some i, m in _members
	first := _positions(m.id)[0]
	first != i
}

_consistency contains _input_error(
	sprintf("/household/members/%d/birth_date", [i]),
	sprintf("born %s, after the decision date %s", [m.birth_date, input.as_of]),
	"a birth date on or before as_of",
) if {
	some i, m in _members
	m.birth_date > input.as_of
}

_consistency contains _input_error(
	sprintf("/household/rigid_expenditures/%d/member_id", [i]),
	sprintf("no member has id %q", [x.member_id]),
	"the id of a member of the household",
) if {
	some i, x in input.household.rigid_expenditures
	not x.member_id in _ids
}

_consistency contains _input_error(
	sprintf("/household/current_benefits/%s/member_ids/%d", [program, i]),
	sprintf("no member has id %q", [id]),
	"the id of a member of the household",
) if {
	some program in ["dibao", "tekun"]
	some i, id in input.household.current_benefits[program].member_ids
	not id in _ids
}

# An override of a parameter the bundle does not define is refused whatever its value (false included).
_consistency contains _input_error(
	concat("/", ["", "parameter_overrides", _escape(group), _escape(name)]),
	sprintf("unknown parameter %s.%s", [group, name]),
	"a parameter defined in the bundle's parameters data",
) if {
	some group, overrides in input.parameter_overrides
	some name, _ in overrides
	not _known(group, name)
}

_known(group, name) if data.socialaid.parameters[group][name]

# Overrides are for analysts: a server started in service mode refuses them (see socialaid.mode).
_consistency contains _input_error(
	"/parameter_overrides",
	"parameter overrides are refused by a server in service mode",
	"no parameter_overrides, or a server started in analyst mode",
) if {
	count(input.parameter_overrides) > 0
	not mode.overrides_allowed
}

_input_error(pointer, problem, expected) := {"kind": "input", "pointer": pointer, "problem": problem, "expected": expected}

_error(e) := {
	"kind": "input",
	"pointer": _pointer(e),
	"problem": e.desc,
	"expected": _expected(e),
}

# gojsonschema names the field as dot-separated segments ("household.members.0.id"); schema property
# names and array indices hold no dots, so splitting is exact. Each segment is escaped per RFC 6901.
_base(field) := "" if field == "(Root)"

_base(field) := concat("", [concat("", ["/", _escape(s)]) | some s in split(field, ".")]) if field != "(Root)"

_escape(s) := replace(replace(s, "~", "~0"), "/", "~1")

# "required" and "additional property" errors name the property in the message (possibly an empty
# name); point at it. Any other error, or a message of another form, points at the field itself.
_pointer(e) := concat("/", [_base(e.field), _escape(m[1])]) if {
	e.type in {"required", "additional_property_not_allowed"}
	m := regex.find_all_string_submatch_n(`^(?:Additional property )?(.*?) (?:is required|is not allowed)$`, e.desc, 1)[0]
} else := _base(e.field)

_expected(e) := "the property to be present" if e.type == "required"

_expected(e) := "no properties other than those in the schema" if e.type == "additional_property_not_allowed"

_expected(e) := sprintf("a value satisfying the schema (%s)", [e.type]) if {
	not e.type in {"required", "additional_property_not_allowed"}
}
