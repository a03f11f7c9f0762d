# The batch entrypoint: data.socialaid.batch decides a chunk of requests ({"requests": [request, ...]}) in one query, in
# order: each is decided exactly as data.socialaid.decision decides it alone, so one household's
# errors never touch another's decision. The chunk size is bounded (settings.batch_max_requests).
# With "view": "outcome" each answer is the decision's outcome alone — header, errors and programs,
# without the missing facts and the parameters — for jobs that keep one row a household
# (socialaid batch, impact): the programs are the same, the work and the answer smaller.
package socialaid

# METADATA
# title: Batch of decisions
# entrypoint: true
batch := {"bundle_revision": bundle_revision, "errors": _batch_errors} if count(_batch_errors) > 0

batch := {
	"bundle_revision": bundle_revision,
	"errors": [],
	"decisions": [d | some r in _requests; d := decision with input as r],
} if {
	count(_batch_errors) == 0
	_view == "decision"
}

batch := {
	"bundle_revision": bundle_revision,
	"errors": [],
	"decisions": [d | some r in _requests; d := outcome with input as r],
} if {
	count(_batch_errors) == 0
	_view == "outcome"
}

default _view := "decision"

_view := object.get(input, "view", "decision") if is_object(input)

# (read with object.get: the household schema that types this package's input does not describe a batch)
_requests := object.get(input, "requests", null)

_batch_limit := data.socialaid.settings.batch_max_requests

_batch_errors contains {
	"kind": "input",
	"pointer": "/requests",
	"problem": "the batch request has no list of requests",
	"expected": "an object {\"requests\": [request, ...]}",
} if not is_array(_requests)

_batch_errors contains {
	"kind": "input",
	"pointer": "/requests",
	"problem": sprintf("the batch has %d requests", [count(_requests)]),
	"expected": sprintf("at most %d requests a batch", [_batch_limit]),
} if {
	is_array(_requests)
	count(_requests) > _batch_limit
}

_batch_errors contains {
	"kind": "input",
	"pointer": "/view",
	"problem": "the batch asks for an unknown view",
	"expected": "\"decision\" (the default) or \"outcome\"",
} if not _view in {"decision", "outcome"}
