package system.log_test

import data.system.log

_request := {"as_of": "2025-01-01", "household": {
	"id": "52030219800101123X",
	"area": "urban",
	"assets_test_met": true,
	"members": [
		{"id": "王五", "name": "张三", "birth_date": "1980-01-01", "sex": "13800138000"},
		{"id": "520302800101123", "sex": "male", "birth_date": "1990-02-03", "legal_supporters": [
			{"name": "李四", "birth_date": "1950-06-30", "relationship": "son"},
			{"relationship": "邻居 138 0013 8000"},
		]},
	],
	"rigid_expenditures": [{"member_id": "520302800101123", "kind": "illness", "monthly_amount": 1, "verified_cap": 1}],
	"current_benefits": {"dibao": {"member_ids": ["王五"]}, "income_rise_cause": "call 13800138000"},
}}

_decided := {
	"as_of": "2025-01-01", "errors": [],
	"programs": {"dibao": {
		"covered_member_ids": ["王五", "520302800101123"],
		"details": {"members": {"520302800101123": ["王五"], "王五": ["y"]}},
	}},
	"findings": [{"rule": "dibao.income_test", "member_id": "王五"}],
}

test_a_valid_request_is_masked_by_field if {
	log.mask == {
		{"op": "upsert", "path": "/input/household/id", "value": "***"},
		{"op": "upsert", "path": "/input/household/members/0/id", "value": "member-0"},
		{"op": "upsert", "path": "/input/household/members/1/id", "value": "member-1"},
		{"op": "remove", "path": "/input/household/members/0/name"},
		{"op": "remove", "path": "/input/household/members/1/legal_supporters/0/name"},
		{"op": "upsert", "path": "/input/household/members/0/birth_date", "value": "1980"},
		{"op": "upsert", "path": "/input/household/members/1/birth_date", "value": "1990"},
		{"op": "upsert", "path": "/input/household/members/1/legal_supporters/0/birth_date", "value": "1950"},
		{"op": "upsert", "path": "/input/household/members/0/sex", "value": "***"},
		{"op": "upsert", "path": "/input/household/members/1/legal_supporters/1/relationship", "value": "***"},
		{"op": "upsert", "path": "/input/household/rigid_expenditures/0/member_id", "value": "member-1"},
		{"op": "upsert", "path": "/input/household/current_benefits/dibao/member_ids/0", "value": "member-0"},
		{"op": "upsert", "path": "/input/household/current_benefits/income_rise_cause", "value": "***"},
		{"op": "upsert", "path": "/result/programs/dibao/covered_member_ids/0", "value": "member-0"},
		{"op": "upsert", "path": "/result/programs/dibao/covered_member_ids/1", "value": "member-1"},
		{"op": "upsert", "path": "/result/findings/0/member_id", "value": "member-0"},
		{
			"op": "upsert", "path": "/result/programs/dibao/details/members",
			"value": {"member-1": ["member-0"], "member-0": ["y"]},
		},
	} with input as {"path": "socialaid/decision", "input": _request, "result": _decided}
}

test_an_invalid_request_is_logged_as_a_digest_a_size_and_its_pointers if {
	body := {"as_of": "13800138000", "household": {"王五": 1, "members": [{"id": "520302 19800101 1234"}]}}
	result := {"as_of": "13800138000", "errors": [
		{"kind": "input", "pointer": "/household/王五", "problem": "王五 is not allowed", "expected": "x"},
		{"kind": "input", "pointer": "/household/13800138000", "problem": "p", "expected": "x"},
		{"kind": "input", "pointer": "/household/members/0/birth_date", "problem": "p", "expected": "x"},
	]}
	text := json.marshal(body)
	log.mask == {
		{"op": "upsert", "path": "/input", "value": {"sha256": crypto.sha256(text), "characters": count(text)}},
		{"op": "upsert", "path": "/result/errors", "value": [
			{"kind": "input", "pointer": "/household/***"},
			{"kind": "input", "pointer": "/household/***"},
			{"kind": "input", "pointer": "/household/members/0/birth_date"},
		]},
		{"op": "upsert", "path": "/result/as_of", "value": "***"},
	} with input as {"path": "socialaid/explanation", "input": body, "result": result}
}

test_an_event_without_a_result_keeps_no_request if {
	ops := log.mask with input as {"path": "socialaid/decision", "input": _request}
	ops == {{"op": "upsert", "path": "/input", "value": log._digest(_request)}}
}

test_a_request_that_fails_only_on_parameters_is_masked_by_field if {
	result := {"as_of": "2099-01-01", "errors": [{"kind": "parameter_not_in_force", "pointer": "/as_of"}]}
	ops := log.mask with input as {"path": "socialaid/decision", "input": _request, "result": result}
	{"op": "remove", "path": "/input/household/members/0/name"} in ops
	not {"op": "upsert", "path": "/input", "value": log._digest(_request)} in ops
}

test_each_row_of_a_batch_is_masked_on_its_own if {
	bad := {"as_of": "2025-01-01", "household": {"members": [{"id": "王五"}]}}
	ops := log.mask with input as {
		"path": "socialaid/batch",
		"input": {"requests": [_request, bad]},
		"result": {"errors": [], "decisions": [_decided, {"errors": [{"kind": "input", "pointer": "/household/area"}]}]},
	}
	{"op": "remove", "path": "/input/requests/0/household/members/0/name"} in ops
	{"op": "upsert", "path": "/result/decisions/0/programs/dibao/covered_member_ids/0", "value": "member-0"} in ops
	{"op": "upsert", "path": "/input/requests/1", "value": log._digest(bad)} in ops
	errors := [{"kind": "input", "pointer": "/household/area"}]
	{"op": "upsert", "path": "/result/decisions/1/errors", "value": errors} in ops
}

test_a_batch_refused_whole_keeps_only_a_digest if {
	body := {"requests": "王五"}
	ops := log.mask with input as {"path": "socialaid/batch", "input": body, "result": {"errors": [{"kind": "input"}]}}
	ops == {{"op": "upsert", "path": "/input", "value": log._digest(body)}}
}

test_the_words_answer_is_not_logged if {
	ops := log.mask with input as {"path": "socialaid/words", "input": {}, "result": {"rules": {}}}
	{"op": "remove", "path": "/result"} in ops
	decision_ops := log.mask with input as {"path": "socialaid/decision", "input": {}, "result": {"programs": {}}}
	not {"op": "remove", "path": "/result"} in decision_ops
}

test_a_parameters_request_with_errors_is_a_digest if {
	body := {"as_of": "王五"}
	ops := log.mask with input as {
		"path": "socialaid/parameters_on", "input": body,
		"result": {"as_of": "王五", "errors": [{"kind": "input", "pointer": "/as_of"}]},
	}
	ops == {
		{"op": "upsert", "path": "/input", "value": log._digest(body)},
		{"op": "upsert", "path": "/result/as_of", "value": "***"},
	}
	count(log.mask) == 0 with input as {
		"path": "socialaid/parameters_on", "input": {"as_of": "2025-01-01"},
		"result": {"as_of": "2025-01-01", "errors": []},
	}
}

test_an_unknown_path_keeps_neither_input_nor_result if {
	ops := log.mask with input as {"path": "socialaid/programs", "input": {"x": "王五"}, "result": 1}
	ops == {{"op": "upsert", "path": "/input", "value": log._digest({"x": "王五"})}, {"op": "remove", "path": "/result"}}
}

test_override_names_with_digits_are_renamed if {
	request := object.union(_request, {"parameter_overrides": {"dibao": {"standard_urban": 1, "a13800138000": 2}}})
	ops := log.mask with input as {"path": "socialaid/decision", "input": request, "result": _decided}
	{"op": "upsert", "path": "/input/parameter_overrides", "value": {"dibao": {"standard_urban": 1, "***": 2}}} in ops
}

test_unsafe_strings if {
	every s in [
		"520302198001011234", "52030219800101123X", "520302800101123", "520302 19800101 1234",
		"13800138000", "138-0013-8000", "+86 138 0013 8000", "(0851) 2822 1234", "王五", "zhāng",
	] {
		log._unsafe(s)
	}
	every s in ["dibao", "standard_urban", "m1", "2025", "a-1-2-3", ""] {
		not log._unsafe(s)
	}
}

test_pointer_segments_are_escaped if {
	log._pointer("input", ["a/b", "c~d", 3]) == "/input/a~1b/c~0d/3"
}
