# METADATA
# title: Who may ask this OPA server what
# description: >-
#   OPA's own authorization policy (opa run --authorization=basic asks data.system.authz.allow before
#   every request). A locked socialaid server answers only POSTs to the three public entrypoints
#   (decision, explanation, batch) and the two read-only doors (words, parameters_on) from a caller holding the service token, and GET /health from
#   anyone. Every other request is refused: every PUT, PATCH and DELETE (no policy or data can be
#   replaced while the server runs), /v1/query and /v1/compile (no ad-hoc query, so no `with`), the
#   internal rules, /v1/config, /v1/status, /metrics. The token is checked against its SHA-256, given
#   to the server at start in its configuration file (socialaid.token_sha256, a file only the server's
#   user reads), so neither the token nor its hash is on a command line, in a label or in a log.
package system.authz

# The public entrypoints of docs/decision-shape.md; everything else in the bundle is internal.
entrypoints := {"decision", "explanation", "batch", "words", "parameters_on"}

# Query parameters a service may use; OPA's explain and instrument cost far more than a decision and
# show internals, so only a server in analyst mode accepts them.
service_params := {"pretty"}

analyst_params := {"pretty", "explain", "instrument", "metrics", "strict-builtin-errors"}

_config := object.get(opa.runtime(), "config", {})

_labels := object.get(_config, "labels", {})

_token_sha256 := object.get(_config, ["socialaid", "token_sha256"], null)

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
	is_string(_token_sha256)
	count(_token_sha256) == 64
	crypto.sha256(_presented_token) == lower(_token_sha256)
}

# The token the caller presents. OPA's token identifier reads only "Bearer <token>" with a capital B;
# the scheme is case-insensitive (RFC 7235, section 2.1), so a single Authorization header whose scheme
# is any case of "bearer" is read here from the request's headers.
_presented_token := input.identity if {
	is_string(input.identity)
} else := token if {
	headers := object.get(input, ["headers", "Authorization"], [])
	count(headers) == 1
	token := regex.find_all_string_submatch_n(`^(?i:bearer)[ \t]+([^ \t]+)[ \t]*$`, headers[0], 1)[0][1]
}
