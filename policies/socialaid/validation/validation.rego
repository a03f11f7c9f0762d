# METADATA
# title: Input validation
# description: >-
#   The policy checks every request against schemas/household.schema.json itself (carried in the
#   bundle as data.socialaid.schemas.household.text), so a service that queries OPA directly with a bad
#   request gets errors naming the field (an RFC 6901 JSON pointer) and never an outcome. Input that is
#   not an object, a schema check that cannot run, an unknown parameter override (whatever its value)
#   and an override sent to a server not in analyst mode are errors too. Every check is linear in the
#   size of the household, and the schema caps that size: every capped list is counted first (count()
#   does not walk the items), and the schema check runs only on a request whose lists are within their
#   caps, so a request of 500 000 items is refused after counting, not after checking each item.
package socialaid.validation

import data.socialaid.mode

default errors := []

# One chain, read in order, so that a valid request tests each case once: no input; input not an object;
# lists longer than the schema allows, found by counting (nothing else is checked on such a request); the
# schema check could not be made at all (never a decision on an unchecked request); the check failed (a
# set first, so that the errors come out in a stable order whatever order the schema check gives, and a
# failed check always yields an error, even one whose details could not be read); a request that fits
# the schema but contradicts itself, which the schema cannot say.
errors := [_input_error("", "the request has no input", `an object {"input": {...}}`)] if {
	not _given
} else := [_input_error("", sprintf("the input is a %s", [type_name(input)]), "a JSON object")] if {
	not is_object(input)
} else := [e | some e in _size_errors] if {
	count(_size_errors) > 0
} else := [_input_error("", "the request could not be checked against the schema", "a JSON object")] if {
	not _match
} else := _schema_errors if {
	not _match[0]
} else := [e | some e in _consistency] if {
	count(_consistency) > 0
}

_schema_errors := errs if {
	errs := [e | some e in {_error(d) | some d in _match[1]}]
	count(errs) > 0
} else := [_input_error("", "the request does not match the schema", "a request matching the schema")]

_given if type_name(input)

# The schema check, made once per decision (and only on an object: json.match_schema fails on others).
# The schema is JSON text in the bundle: the server caches the compiled schema keyed by this string.
_match := json.match_schema(input, data.socialaid.schemas.household.text) if {
	is_object(input)
	_sizes_ok
}

# --- list lengths, counted before anything walks a list --------------------------------------------------
# The caps are the schema's own (maxItems, maxProperties), put in the bundle beside it at bundle stage.

_limits := data.socialaid.schemas.household.limits

_sizes_ok if count(_size_errors) == 0

_size_errors contains _too_long("/household/members", input.household.members, _limits.members) if {
	is_array(input.household.members)
	count(input.household.members) > _limits.members
}

_size_errors contains _too_long("/household/rigid_expenditures", list, _limits.rigid_expenditures) if {
	list := input.household.rigid_expenditures
	is_array(list)
	count(list) > _limits.rigid_expenditures
}

# A member's lists are counted only when the members are within their cap (at most 100 counts).
_size_errors contains _too_long(sprintf("/household/members/%d/%s", [i, name]), list, _limits[name]) if {
	is_array(input.household.members)
	count(input.household.members) <= _limits.members
	some i, m in input.household.members
	some name in ["medical_episodes", "legal_supporters"]
	list := m[name]
	is_array(list)
	count(list) > _limits[name]
}

_size_errors contains _too_long(sprintf("/household/current_benefits/%s/member_ids", [p]), list, cap) if {
	some p in ["dibao", "tekun"]
	list := input.household.current_benefits[p].member_ids
	is_array(list)
	cap := _limits.benefit_member_ids
	count(list) > cap
}

_size_errors contains _too_long("/parameter_overrides", overrides, _limits.override_groups) if {
	overrides := input.parameter_overrides
	is_object(overrides)
	count(overrides) > _limits.override_groups
}

_size_errors contains _too_long(concat("/", ["", "parameter_overrides", _escape(g)]), names, cap) if {
	overrides := input.parameter_overrides
	is_object(overrides)
	count(overrides) <= _limits.override_groups
	some g, names in overrides
	is_object(names)
	cap := _limits.overrides_a_group
	count(names) > cap
}

_too_long(pointer, list, cap) := _input_error(
	pointer,
	sprintf("%d items", [count(list)]),
	sprintf("at most %d items", [cap]),
)

_ids := {m.id | some m in input.household.members}

# Positions of each member id. OPA indexes this comprehension on m.id, so the duplicate check below is
# linear in the number of members, not quadratic; it runs only when fewer ids than members are given.
_positions(id) := [i | some i, m in input.household.members; m.id == id]

_consistency contains _input_error(
	sprintf("/household/members/%d/id", [i]),
	sprintf("member id %q is used again (first at /household/members/%d)", [m.id, first]),
	"member ids unique within the household",
) if {
	count(_ids) < count(input.household.members)
	some i, m in input.household.members
	first := _positions(m.id)[0]
	first != i
}

_consistency contains _input_error(
	sprintf("/household/members/%d/birth_date", [i]),
	sprintf("born %s, after the decision date %s", [m.birth_date, input.as_of]),
	"a birth date on or before as_of",
) if {
	some i, m in input.household.members
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
