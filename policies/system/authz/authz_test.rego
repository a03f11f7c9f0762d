package system.authz_test

import data.system.authz

# sha256("s3cret") — computed by crypto.sha256 below, not typed in, so the test cannot drift.
_token_hash := crypto.sha256("s3cret")

_runtime(mode) := {"config": {"labels": {"mode": mode}, "socialaid": {"token_sha256": _token_hash}}}

_post(name) := {"method": "POST", "path": ["v1", "data", "socialaid", name], "identity": "s3cret"}

test_each_entrypoint_is_open_to_the_token_holder if {
	every name in {"decision", "explanation", "batch", "words", "parameters_on"} {
		authz.allow with input as _post(name) with opa.runtime as _runtime("service")
	}
}

test_health_is_open_without_a_token if {
	authz.allow with input as {"method": "GET", "path": ["health"], "params": {"bundles": [""]}}
		with opa.runtime as _runtime("service")
}

test_a_wrong_or_missing_token_is_refused if {
	not authz.allow with input as object.union(_post("decision"), {"identity": "guess"})
		with opa.runtime as _runtime("service")
	not authz.allow with input as object.remove(_post("decision"), ["identity"])
		with opa.runtime as _runtime("service")
}

test_no_token_configured_refuses_everyone if {
	not authz.allow with input as _post("decision") with opa.runtime as {"config": {"labels": {}}}
}

test_a_token_hash_in_the_labels_is_not_read if {
	# the hash moved out of the labels (OPA copies every label into every decision-log event)
	not authz.allow with input as _post("decision")
		with opa.runtime as {"config": {"labels": {"mode": "service", "token_sha256": _token_hash}}}
}

_with_header(value) := {
	"method": "POST", "path": ["v1", "data", "socialaid", "decision"],
	"headers": {"Authorization": [value]},
}

test_the_bearer_scheme_is_case_insensitive if {
	every value in ["bearer s3cret", "BEARER s3cret", "beArEr  s3cret"] {
		authz.allow with input as _with_header(value) with opa.runtime as _runtime("service")
	}
}

test_a_header_that_is_not_one_bearer_token_is_refused if {
	every value in ["bearer", "bearer wrong", "basic s3cret", "bearers3cret", "bearer s3cret extra", "s3cret"] {
		not authz.allow with input as _with_header(value) with opa.runtime as _runtime("service")
	}
	two := {"method": "POST", "path": ["v1", "data", "socialaid", "decision"], "headers": {"Authorization": [
		"bearer s3cret",
		"bearer s3cret",
	]}}
	not authz.allow with input as two with opa.runtime as _runtime("service")
}

test_writes_and_ad_hoc_queries_are_refused if {
	every request in [
		{"method": "PUT", "path": ["v1", "data", "system", "bundles"]},
		{"method": "PUT", "path": ["v1", "data", "socialaid", "parameters", "dibao"]},
		{"method": "PATCH", "path": ["v1", "data", "socialaid", "decision"]},
		{"method": "DELETE", "path": ["v1", "data", "socialaid", "decision"]},
		{"method": "PUT", "path": ["v1", "policies", "x"]},
		{"method": "POST", "path": ["v1", "query"]},
		{"method": "POST", "path": ["v1", "compile"]},
		{"method": "GET", "path": ["v1", "data", "socialaid", "decision"]},
		{"method": "POST", "path": ["v1", "data", "socialaid", "programs"]},
		{"method": "POST", "path": ["v1", "data", "socialaid", "decision", "programs"]},
		{"method": "POST", "path": ["v1", "data", "socialaid", "dibao", "programs"]},
		{"method": "POST", "path": ["v1", "data"]},
		{"method": "POST", "path": [""]},
		{"method": "GET", "path": ["v1", "config"]},
		{"method": "GET", "path": ["metrics"]},
	] {
		not authz.allow with input as object.union(request, {"identity": "s3cret"})
			with opa.runtime as _runtime("analyst")
	}
}

test_explain_only_in_analyst_mode if {
	request := object.union(_post("decision"), {"params": {"explain": ["full"]}})
	not authz.allow with input as request with opa.runtime as _runtime("service")
	authz.allow with input as request with opa.runtime as _runtime("analyst")
}
