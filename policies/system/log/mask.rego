# METADATA
# title: Decision-log masking
# description: >-
#   OPA applies data.system.log.mask to every decision-log event before it is written. Masking is by
#   field, and what is not known to be safe does not reach the log.
#
#   A valid request (decision, explanation, each valid request of a batch) is logged masked: names are
#   removed; birth dates keep their year; the household id is replaced by ***; every member id becomes
#   member-<position> in the input and where the result names members (covered members, findings, the
#   programs' details, as values and as keys), so that the entry still reads as one household without
#   naming anyone; sex, relationship and the cause of an
#   income rise are kept only when they are words of a known vocabulary; parameter override names that
#   hold a run of digits, a phone number or a character outside printable ASCII become ***. Everything
#   else in a valid request is a code of the schema, a date, a number or a boolean.
#
#   An invalid request (any error of kind input) is logged as the SHA-256 of its JSON encoding, that
#   encoding's length in characters and its errors' kinds and pointers (a pointer segment that holds 7 or
#   more digits or a character outside printable ASCII becomes ***), never its body or the errors'
#   texts, which repeat what the request said. An event of a path this policy does not know keeps
#   neither input nor result. The words door keeps who asked and when, not its 120 kB answer.
package system.log

_masked := "***"

# --- which requests an event holds --------------------------------------------------------------------

_request_paths := {"socialaid/decision", "socialaid/explanation"}

_known_paths := _request_paths | {"socialaid/batch", "socialaid/words", "socialaid/parameters_on"}

# A unit is one request and its answer: the whole event for a decision or an explanation (key ""), one
# row of a batch (key: its index). Units are looked up by key, never compared or hashed whole.
# (An event of a failed evaluation has no result: its request counts as invalid, and is not logged.)
_unit[""] := {"request": input.input, "result": object.get(input, "result", null), "in": [], "out": []} if {
	input.path in _request_paths
	"input" in object.keys(input)
}

_unit[i] := {"request": r, "result": _row(i), "in": ["requests", i], "out": ["decisions", i]} if {
	input.path == "socialaid/batch"
	_batch_accepted
	some i, r in input.input.requests
}

_row(i) := input.result.decisions[i] if {
	input.result.decisions[i]
} else := null

_batch_accepted if {
	count(input.result.errors) == 0
	is_array(input.input.requests)
}

# Valid: the answer is an object with a list of errors, none of kind input, to a request with members.
_valid contains k if {
	some k, u in _unit
	is_array(u.result.errors)
	every e in u.result.errors {
		e.kind != "input"
	}
	is_array(u.request.household.members)
}

_invalid contains k if {
	some k, _ in _unit
	not k in _valid
}

# Each valid unit's member ids and their positions, computed once.
_ids[k] := {m.id: i | some i, m in _unit[k].request.household.members} if some k in _valid

# --- invalid requests: a digest, a size and the errors' pointers ----------------------------------------

_digest(value) := {"sha256": crypto.sha256(text), "characters": count(text)} if text := json.marshal(value)

mask contains {"op": "upsert", "path": _pointer("input", u["in"]), "value": _digest(u.request)} if {
	some k in _invalid
	u := _unit[k]
}

mask contains {"op": "upsert", "path": _pointer("result", array.concat(u.out, ["errors"])), "value": errors} if {
	some k in _invalid
	u := _unit[k]
	is_array(u.result.errors)
	errors := [{"kind": e.kind, "pointer": _safe_pointer(e.pointer)} | some e in u.result.errors]
}

# as_of is repeated in the answer whatever it holds
mask contains {"op": "upsert", "path": _pointer("result", array.concat(u.out, ["as_of"])), "value": _masked} if {
	some k in _invalid
	u := _unit[k]
	is_string(u.result.as_of)
	not regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, u.result.as_of)
}

# a batch refused whole, a parameters request with errors, and events of a path not known here
mask contains {"op": "upsert", "path": "/input", "value": _digest(input.input)} if {
	input.path == "socialaid/batch"
	not _batch_accepted
}

mask contains {"op": "upsert", "path": "/input", "value": _digest(input.input)} if {
	input.path == "socialaid/parameters_on"
	not _parameters_request_accepted
	"input" in object.keys(input)
}

_parameters_request_accepted if count(input.result.errors) == 0

mask contains {"op": "upsert", "path": "/result/as_of", "value": _masked} if {
	input.path == "socialaid/parameters_on"
	is_string(input.result.as_of)
	not regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, input.result.as_of)
}

mask contains {"op": "upsert", "path": "/input", "value": _digest(input.input)} if {
	not input.path in _known_paths
	"input" in object.keys(input)
}

mask contains {"op": "remove", "path": "/result"} if {
	not input.path in _known_paths
	"result" in object.keys(input)
}

# The words door answers the same bundle data every time (about 120 kB): its event keeps who asked and
# when, not the answer.
mask contains {"op": "remove", "path": "/result"} if input.path == "socialaid/words"

# --- valid requests: masked by field ------------------------------------------------------------------

_pseudonym(i) := sprintf("member-%d", [i])

_in(u, path) := _pointer("input", array.concat(u["in"], path))

_out(u, path) := _pointer("result", array.concat(u.out, path))

# every member of every valid unit: [unit key, position, member]
_member_of contains [k, i, m] if {
	some k in _valid
	some i, m in _unit[k].request.household.members
}

mask contains {"op": "upsert", "path": _in(_unit[k], ["household", "id"]), "value": _masked} if {
	some k in _valid
	is_string(_unit[k].request.household.id)
}

mask contains {"op": "upsert", "path": _in(_unit[k], ["household", "members", i, "id"]), "value": _pseudonym(i)} if {
	some [k, i, _] in _member_of
}

mask contains {"op": "remove", "path": _in(_unit[k], ["household", "members", i, "name"])} if {
	some [k, i, m] in _member_of
	"name" in object.keys(m)
}

mask contains {"op": "upsert", "path": _in(_unit[k], ["household", "members", i, "birth_date"]), "value": year} if {
	some [k, i, m] in _member_of
	year := substring(m.birth_date, 0, 4)
}

mask contains {"op": "upsert", "path": _in(_unit[k], ["household", "members", i, "sex"]), "value": _masked} if {
	some [k, i, m] in _member_of
	is_string(m.sex)
	not m.sex in _sexes
}

mask contains {"op": "remove", "path": _in(_unit[k], ["household", "members", i, "legal_supporters", j, "name"])} if {
	some [k, i, m] in _member_of
	some j, s in m.legal_supporters
	"name" in object.keys(s)
}

mask contains {
	"op": "upsert",
	"path": _in(_unit[k], ["household", "members", i, "legal_supporters", j, "birth_date"]),
	"value": substring(s.birth_date, 0, 4),
} if {
	some [k, i, m] in _member_of
	some j, s in m.legal_supporters
	is_string(s.birth_date)
}

mask contains {
	"op": "upsert",
	"path": _in(_unit[k], ["household", "members", i, "legal_supporters", j, "relationship"]),
	"value": _masked,
} if {
	some [k, i, m] in _member_of
	some j, s in m.legal_supporters
	is_string(s.relationship)
	not s.relationship in _relationships
}

mask contains {"op": "upsert", "path": _in(u, ["household", "rigid_expenditures", j, "member_id"]), "value": v} if {
	some k in _valid
	u := _unit[k]
	some j, x in u.request.household.rigid_expenditures
	v := _pseudonym(_ids[k][x.member_id])
}

mask contains {
	"op": "upsert",
	"path": _in(u, ["household", "current_benefits", program, "member_ids", j]),
	"value": _pseudonym(_ids[k][id]),
} if {
	some k in _valid
	u := _unit[k]
	some program in ["dibao", "tekun"]
	some j, id in u.request.household.current_benefits[program].member_ids
}

mask contains {
	"op": "upsert",
	"path": _in(u, ["household", "current_benefits", "income_rise_cause"]),
	"value": _masked,
} if {
	some k in _valid
	u := _unit[k]
	cause := u.request.household.current_benefits.income_rise_cause
	is_string(cause)
	not cause in _causes
}

mask contains {"op": "upsert", "path": _in(u, ["parameter_overrides"]), "value": renamed} if {
	some k in _valid
	u := _unit[k]
	overrides := u.request.parameter_overrides
	some group, names in overrides
	some key in ({group} | object.keys(names))
	_unsafe(key)
	renamed := {_safe_key(g): {_safe_key(n): v | some n, v in ns} | some g, ns in overrides}
}

# The answer repeats member ids where it names members: each program's covered members, the findings'
# member, and anywhere in a program's working (details), as values and as keys (details per member).
# Only those parts are searched: the rest of an answer is the bundle's codes, rule ids and numbers.
mask contains {"op": "upsert", "path": _out(u, ["programs", p, "covered_member_ids", j]), "value": v} if {
	some k in _valid
	u := _unit[k]
	some p, program in u.result.programs
	some j, id in program.covered_member_ids
	v := _pseudonym(_ids[k][id])
}

mask contains {"op": "upsert", "path": _out(u, ["findings", j, "member_id"]), "value": v} if {
	some k in _valid
	u := _unit[k]
	some j, finding in u.result.findings
	v := _pseudonym(_ids[k][finding.member_id])
}

mask contains {"op": "upsert", "path": _out(u, array.concat(["programs", p, "details"], path)), "value": v} if {
	some k in _valid
	u := _unit[k]
	ids := _ids[k]
	some p, program in u.result.programs
	walk(program.details, [path, value])
	is_string(value)
	v := _pseudonym(ids[value])
	not _through_id_key(path, ids)
}

mask contains {"op": "upsert", "path": _out(u, array.concat(["programs", p, "details"], path)), "value": renamed} if {
	some k in _valid
	u := _unit[k]
	ids := _ids[k]
	some p, program in u.result.programs
	walk(program.details, [path, obj])
	is_object(obj)
	some key, _ in obj
	ids[key]
	not _through_id_key(path, ids)
	renamed := {_renamed_key(x, ids): _scrub(v, ids) | some x, v in obj}
}

_through_id_key(path, ids) if {
	some segment in path
	ids[segment]
}

_renamed_key(k, ids) := _pseudonym(ids[k])

_renamed_key(k, ids) := k if not ids[k]

_scrub(v, ids) := _pseudonym(ids[v]) if is_string(v)

_scrub(v, ids) := v if {
	is_string(v)
	not ids[v]
}

_scrub(v, ids) := [_scrub_item(x, ids) | some x in v] if is_array(v)

_scrub(v, _) := v if {
	not is_string(v)
	not is_array(v)
}

_scrub_item(x, ids) := _pseudonym(ids[x]) if is_string(x)

_scrub_item(x, ids) := x if {
	is_string(x)
	not ids[x]
}

_scrub_item(x, _) := x if not is_string(x)

# --- what is known to be safe, and what is not ----------------------------------------------------------

_sexes := {"male", "female", "男", "女"}

_relationships := {
	"spouse", "husband", "wife", "father", "mother", "parent", "son", "daughter", "child",
	"grandfather", "grandmother", "grandparent", "grandson", "granddaughter", "grandchild",
	"brother", "sister", "sibling", "other",
	"配偶", "丈夫", "妻子", "父亲", "母亲", "父母", "儿子", "女儿", "子女", "祖父", "祖母", "外祖父", "外祖母",
	"孙子", "孙女", "外孙子", "外孙女", "兄弟", "姐妹", "哥哥", "弟弟", "姐姐", "妹妹", "其他",
}

_causes := {"employment", "business", "other"}

# A run of 7 or more digits (an identity number of 15 or 18 characters, spaced or not, a phone number
# with or without separators, a bank account) or a character outside printable ASCII (a name in Chinese
# characters) makes a string unsafe where only a code is expected.
_unsafe(s) if regex.match(`[0-9](?:[ ().+-]?[0-9]){6,}`, s)

_unsafe(s) if regex.match(`[^\x20-\x7e]`, s)

_safe_key(s) := _masked if _unsafe(s)

_safe_key(s) := s if not _unsafe(s)

_safe_pointer(p) := concat("/", [_safe_key(s) | some s in split(p, "/")]) if is_string(p)

_safe_pointer(p) := _masked if not is_string(p)

# An RFC 6901 pointer from a walk() path: "~" is "~0" and "/" is "~1" inside a segment.
_pointer(root, path) := concat("/", array.concat(["", root], [_segment(p) | some p in path]))

_segment(p) := replace(replace(p, "~", "~0"), "/", "~1") if is_string(p)

_segment(p) := format_int(p, 10) if is_number(p)
