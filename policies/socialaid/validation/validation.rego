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
	[valid, details] := json.match_schema(input, data.socialaid.schemas.household)
	not valid
}

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
