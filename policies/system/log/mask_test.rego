package system.log_test

import data.system.log

_event := {
	"input": {"household": {"id": "52030219800101123X", "members": [
		{"id": "a", "name": "张三", "birth_date": "1980-01-01"},
		{"id": "520302198001011234", "legal_supporters": [{"name": "李四", "birth_date": "1950-06-30"}]},
	]}},
	"result": {"programs": {"dibao": {
		"covered_member_ids": ["a", "520302198001011234"],
		"details": {"members": {"520302198001011234": ["x"], "a": ["y"]}},
	}}},
}

test_names_removed_birth_dates_cut_to_the_year_identity_numbers_replaced if {
	log.mask == {
		{"op": "remove", "path": "/input/household/members/0/name"},
		{"op": "remove", "path": "/input/household/members/1/legal_supporters/0/name"},
		{"op": "upsert", "path": "/input/household/members/0/birth_date", "value": "1980"},
		{"op": "upsert", "path": "/input/household/members/1/legal_supporters/0/birth_date", "value": "1950"},
		{"op": "upsert", "path": "/input/household/id", "value": "***"},
		{"op": "upsert", "path": "/input/household/members/1/id", "value": "***"},
		{"op": "upsert", "path": "/result/programs/dibao/covered_member_ids/1", "value": "***"},
		{"op": "upsert", "path": "/result/programs/dibao/details/members", "value": {"***1": ["x"], "a": ["y"]}},
	} with input as _event
}

test_pointer_segments_are_escaped if {
	log._pointer("input", ["a/b", "c~d", 3]) == "/input/a~1b/c~0d/3"
}

test_nothing_to_mask_in_an_error_decision if {
	count(log.mask) == 0 with input as {"input": 0, "result": {"errors": []}}
}

test_the_words_answer_is_not_logged if {
	ops := log.mask with input as {"path": "socialaid/words", "input": {}, "result": {"rules": {}}}
	{"op": "remove", "path": "/result"} in ops
	decision_ops := log.mask with input as {"path": "socialaid/decision", "input": {}, "result": {"programs": {}}}
	not {"op": "remove", "path": "/result"} in decision_ops
}
