# METADATA
# title: Input validation
# description: >-
#   The policy checks every request against schemas/household.schema.json itself (carried in the
#   bundle as data.socialaid.schemas.household), so a service that queries OPA directly with a bad
#   request gets errors naming the field and never an outcome.
package socialaid.validation

default errors := []

errors := [{"kind": "input", "pointer": "", "problem": "the request has no input", "expected": "an object {\"input\": {...}}"}] if {
	not input
}

# A set first, so that the errors come out in a stable order whatever order the schema check gives.
errors := [e | some e in {_error(d) | some d in details}] if {
	[valid, details] := _match
	not valid
}

# The schema check, made once per decision.
_match := json.match_schema(input, data.socialaid.schemas.household)

# A request that fits the schema can still contradict itself; the schema cannot say these.
errors := [e | some e in _consistency] if {
	[valid, _] := _match
	valid
	count(_consistency) > 0
}

_members := input.household.members

_ids := {m.id | some m in _members}

_consistency contains _input_error(
	sprintf("/household/members/%d/id", [i]),
	sprintf("member id %q is used again (first at /household/members/%d)", [m.id, j]),
	"member ids unique within the household",
) if {
	some i, m in _members
	some j, other in _members
	j < i
	other.id == m.id
	not _earlier_duplicate(j, m.id)
}

_earlier_duplicate(j, id) if {
	some k, other in _members
	k < j
	other.id == id
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

_input_error(pointer, problem, expected) := {"kind": "input", "pointer": pointer, "problem": problem, "expected": expected}

_error(e) := {
	"kind": "input",
	"pointer": _pointer(e),
	"problem": e.desc,
	"expected": _expected(e),
}

_base(field) := "" if field == "(Root)"

_base(field) := concat("", ["/", replace(field, ".", "/")]) if field != "(Root)"

# "required" and "additional property" errors name the property in the message; point at it.
_pointer(e) := concat("/", [_base(e.field), m[1]]) if {
	e.type in {"required", "additional_property_not_allowed"}
	m := regex.find_all_string_submatch_n(`^(?:Additional property )?(\S+)`, e.desc, 1)[0]
}

_pointer(e) := _base(e.field) if not e.type in {"required", "additional_property_not_allowed"}

_expected(e) := "the property to be present" if e.type == "required"

_expected(e) := "no properties other than those in the schema" if e.type == "additional_property_not_allowed"

_expected(e) := sprintf("a value satisfying the schema (%s)", [e.type]) if {
	not e.type in {"required", "additional_property_not_allowed"}
}
