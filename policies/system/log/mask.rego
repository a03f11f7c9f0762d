# METADATA
# title: Decision-log masking
# description: >-
#   OPA applies data.system.log.mask to every decision-log event before it is written. Personal data
#   leaves no trace in the audit log: every name in the request is erased, every birth date keeps only its year
#   (enough to audit an age test), and every string that looks like a resident identity number
#   (18 characters, 17 digits and a check digit or X) is replaced, wherever it stands in the input or
#   the result (member ids, household ids, references to members, keys). The decision id, bundle revision,
#   time, path and the rest of the result stay.
package system.log

_id_number := `^[0-9]{17}[0-9Xx]$`

_masked := "***"

mask contains {"op": "remove", "path": _pointer("input", path)} if {
	walk(input.input, [path, _])
	count(path) > 0
	path[count(path) - 1] == "name"
}

mask contains {"op": "upsert", "path": _pointer("input", path), "value": substring(value, 0, 4)} if {
	walk(input.input, [path, value])
	count(path) > 0
	path[count(path) - 1] == "birth_date"
	is_string(value)
}

# Identity numbers are looked for in the input; the result (which can be large) is walked only when
# the input held one, since the result repeats only ids the input gave.
_id_numbers contains value if {
	walk(input.input, [_, value])
	is_string(value)
	regex.match(_id_number, value)
}

mask contains {"op": "upsert", "path": _pointer("input", path), "value": _masked} if {
	count(_id_numbers) > 0
	walk(input.input, [path, value])
	value in _id_numbers
	not _through_id_key(path)
}

mask contains {"op": "upsert", "path": _pointer("result", path), "value": _masked} if {
	count(_id_numbers) > 0
	walk(input.result, [path, value])
	value in _id_numbers
	not _through_id_key(path)
}

# An object keyed by identity numbers (e.g. details per member id) is replaced whole, its keys renamed
# ***1, ***2 … in sorted order (removing the key would name it in the event's "erased" list). Paths
# through such a key are left to this rule.
mask contains {"op": "upsert", "path": _pointer(root, path), "value": _renamed(obj)} if {
	count(_id_numbers) > 0
	some root in ["input", "result"]
	walk(input[root], [path, obj])
	is_object(obj)
	some key, _ in obj
	key in _id_numbers
	not _through_id_key(path)
}

_through_id_key(path) if {
	some segment in path
	segment in _id_numbers
}

_renamed(obj) := {_key(obj, k): _scrub(v) | some k, v in obj}

_key(_, k) := k if not k in _id_numbers

_key(obj, k) := sprintf("***%d", [i + 1]) if {
	k in _id_numbers
	ids := sort([x | some x, _ in obj; x in _id_numbers])
	some i, x in ids
	x == k
}

_scrub(v) := _masked if v in _id_numbers

_scrub(v) := [_scrub_item(x) | some x in v] if is_array(v)

_scrub(v) := v if {
	not v in _id_numbers
	not is_array(v)
}

_scrub_item(x) := _masked if x in _id_numbers

_scrub_item(x) := x if not x in _id_numbers

# An RFC 6901 pointer from a walk() path: "~" is "~0" and "/" is "~1" inside a segment.
_pointer(root, path) := concat("/", array.concat(["", root], [_segment(p) | some p in path]))

_segment(p) := replace(replace(p, "~", "~0"), "/", "~1") if is_string(p)

_segment(p) := format_int(p, 10) if is_number(p)

# The words door answers the same bundle data every time (about 120 kB): its event keeps who asked and
# when, not the answer.
mask contains {"op": "remove", "path": "/result"} if input.path == "socialaid/words"
