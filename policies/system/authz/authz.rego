# METADATA
# title: Who may ask this OPA server what
# description: >-
#   OPA's own authorization policy (opa run --authorization=basic asks data.system.authz.allow before
#   every request). A locked socialaid server answers only POSTs to the three public entrypoints
#   (decision, explanation, batch) and the two read-only doors (words, parameters_on) from a caller holding the service token, and GET /health from
#   anyone. Every other request is refused: every PUT, PATCH and DELETE (no policy or data can be
#   replaced while the server runs), /v1/query and /v1/compile (no ad-hoc query, so no `with`), the
#   internal rules, /v1/config, /v1/status, /metrics. The token is checked against its SHA-256, given
#   to the server at start as the label token_sha256, so the token itself is in no file and no log.
package system.authz

# The public entrypoints of docs/decision-shape.md; everything else in the bundle is internal.
entrypoints := {"decision", "explanation", "batch", "words", "parameters_on"}

# Query parameters a service may use; OPA's explain and instrument cost far more than a decision and
# show internals, so only a server in analyst mode accepts them.
service_params := {"pretty"}

analyst_params := {"pretty", "explain", "instrument", "metrics", "strict-builtin-errors"}

_labels := object.get(opa.runtime(), ["config", "labels"], {})

_analyst if _labels.mode == "analyst"

default allow := false

allow if {
	input.method == "POST"
	count(input.path) == 4
	array.slice(input.path, 0, 3) == ["v1", "data", "socialaid"]
	input.path[3] in entrypoints
	_authenticated
	every param, _ in object.get(input, "params", {}) {
		param in _allowed_params
	}
}

allow if {
	input.method == "GET"
	input.path == ["health"]
}

_allowed_params := analyst_params if _analyst

_allowed_params := service_params if not _analyst

_authenticated if {
	is_string(input.identity)
	is_string(_labels.token_sha256)
	count(_labels.token_sha256) == 64
	crypto.sha256(input.identity) == lower(_labels.token_sha256)
}
