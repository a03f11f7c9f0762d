package socialaid.services_test

import data.socialaid.services
import data.socialaid.status

_req(area, members, extra) := {
	"as_of": "2025-06-01",
	"household": object.union({"area": area, "assets_test_met": true, "members": members}, extra),
}

_a := {"id": "a", "birth_date": "1980-01-01"}

_run(req, dibao, assisted) := r if {
	r := services with input as req
		with status.dibao_family as dibao
		with status.assisted_family as assisted
}

_finding(r, rule) := f if {
	some f in r.findings
	f.rule == rule
}

_member_finding(r, rule, id) := f if {
	some f in r.findings
	f.rule == rule
	f.member_id == id
}

_refs(r, program) := [[x.rule, x.outcome] | some x in r.programs[program].rules]

# --- grain ---

test_clause3_grain_rural_dibao_shortage if {
	r := _run(_req("rural", [_a], {"grain_shortage": true}), true, true)
	p := r.programs.grain_assistance
	p.eligible
	p.covered_member_ids == ["a"]
	p.in_kind == ["grain"]
	p.monthly_amount == 0
	p.tier == "basic_living"
	_refs(r, "grain_assistance") == [["grain_assistance.rural_dibao_shortage", "met"]]
	f := _finding(r, "grain_assistance.rural_dibao_shortage")
	f.outcome == "met"
	f.values == {"rural": true, "dibao_family": true, "grain_shortage": true}
	count(r.missing_facts) == 0
}

test_clause3_grain_urban_not if {
	r := _run(_req("urban", [_a], {"grain_shortage": true}), true, true)
	not r.programs.grain_assistance.eligible
	r.programs.grain_assistance.in_kind == []
	_refs(r, "grain_assistance") == [["grain_assistance.rural_dibao_shortage", "not_met"]]
	f := _finding(r, "grain_assistance.rural_dibao_shortage")
	f.values == {"rural": false, "dibao_family": true, "grain_shortage": true}
}

test_clause3_grain_not_dibao if {
	r := _run(_req("rural", [_a], {"grain_shortage": true}), false, true)
	not r.programs.grain_assistance.eligible
	_finding(r, "grain_assistance.rural_dibao_shortage").values.dibao_family == false
}

# No word on a shortage in a rural 低保 household: not established, and said so.
test_clause3_grain_no_shortage_given if {
	r := _run(_req("rural", [_a], {}), true, true)
	_finding(r, "grain_assistance.rural_dibao_shortage").outcome == "not_met"
	r.missing_facts == {{
		"pointer": "/household/grain_shortage", "program": "grain_assistance",
		"rule": "grain_assistance.rural_dibao_shortage", "assumption": "not_established",
	}}
}

test_clause3_grain_no_shortage_stated if {
	r := _run(_req("rural", [_a], {"grain_shortage": false}), true, true)
	not r.programs.grain_assistance.eligible
	count(r.missing_facts) == 0
}

# --- visiting and care: age 60 (born 1965-06-01) elderly, 59 not; 17 minor, 18 not ---

_dep(id, birth, extra) := object.union({"id": id, "birth_date": birth, "self_care": {"ability": "partly_lost"}}, extra)

test_clause3_care_elderly_60 if {
	r := _run(_req("urban", [_dep("a", "1965-06-01", {})], {}), false, true)
	r.care_referrals.a.categories == ["elderly"]
	p := r.programs.care_services
	p.covered_member_ids == ["a"]
	p.in_kind == ["care_visits"]
	r.program_details.care_services == {"referrals": {"a": {"self_care": "partly_lost", "categories": ["elderly"]}}}
	_refs(r, "care_services") == [["care_services.referral", "met"]]
	f := _member_finding(r, "care_services.referral", "a")
	f.outcome == "met"
	f.values == {"self_care": "partly_lost", "categories": ["elderly"], "age": 60, "assisted_family": true}
}

test_clause3_care_59_not if {
	r := _run(_req("urban", [_dep("a", "1965-06-02", {})], {}), false, true)
	not r.care_referrals.a
	_refs(r, "care_services") == [["care_services.referral", "not_met"]]
	f := _member_finding(r, "care_services.referral", "a")
	f.outcome == "not_met"
	f.values == {"self_care": "partly_lost", "categories": [], "age": 59, "assisted_family": true}
}

test_clause3_care_minor_17_and_18 if {
	r := _run(_req("urban", [_dep("a", "2007-06-02", {}), _dep("b", "2007-06-01", {})], {}), false, true)
	r.care_referrals.a.categories == ["minor"]
	not r.care_referrals.b
}

test_clause3_care_disabled_adult if {
	dis := {"disability": {"grade": 4, "type": "physical"}, "self_care": {"ability": "fully_lost"}}
	r := _run(_req("urban", [_dep("a", "1980-01-01", dis)], {}), false, true)
	r.care_referrals.a == {"self_care": "fully_lost", "categories": ["disabled"]}
}

test_clause3_care_not_assisted if {
	r := _run(_req("urban", [_dep("a", "1950-01-01", {})], {}), false, false)
	not r.programs.care_services.eligible
	f := _member_finding(r, "care_services.referral", "a")
	f.outcome == "not_met"
	f.values.assisted_family == false
	count(r.missing_facts) == 0
}

# An elder assessed as able: no member-level finding, and the decisive rule says there is no member who
# cannot care for themselves (one assessed).
test_clause3_care_able_no_dependent_member if {
	r := _run(_req("urban", [{"id": "a", "birth_date": "1950-01-01", "self_care": {"ability": "able"}}], {}), false, true)
	not r.programs.care_services.eligible
	_refs(r, "care_services") == [["care_services.no_dependent_member", "not_met"]]
	[f] := [f | some f in r.findings; f.program == "care_services"]
	f.rule == "care_services.no_dependent_member"
	not f.member_id
	f.values == {"assessed": 1, "unassessed": 0}
	count(r.missing_facts) == 0
}

# An elder (75) of an assisted family with no self-care assessment is read as able, and said so.
test_clause3_care_self_care_absent_is_a_missing_fact if {
	r := _run(_req("urban", [_a, {"id": "e", "birth_date": "1950-01-01"}], {}), false, true)
	not r.programs.care_services.eligible
	r.missing_facts == {{
		"pointer": "/household/members/1/self_care", "program": "care_services",
		"rule": "care_services.self_care_not_given", "assumption": "read_as_able",
	}}
	_refs(r, "care_services") == [["care_services.no_dependent_member", "not_met"]]
	f := _member_finding(r, "care_services.self_care_not_given", "e")
	f.basis == "reading"
	f.outcome == "info"
	f.values == {"categories": ["elderly"]}
	_finding(r, "care_services.no_dependent_member").values == {"assessed": 0, "unassessed": 1}
}

# Outside an assisted family an unassessed elder is not named: nobody would be referred either way.
test_clause3_care_self_care_absent_outside_an_assisted_family_is_not_named if {
	r := _run(_req("urban", [_a, {"id": "e", "birth_date": "1950-01-01"}], {}), false, false)
	count(r.missing_facts) == 0
	not _member_finding(r, "care_services.self_care_not_given", "e")
}

# --- clause 4 ---

test_clause4_agricultural_migrant if {
	r := _run(_req("urban", [_a], {"agricultural_migrant": true}), false, false)
	f := _finding(r, "services.agricultural_migrant")
	f.clause == 4
	f.basis == "plan"
	f.outcome == "info"
	f.values == {"agricultural_migrant": true}
}

test_clause4_resident_no_finding if {
	r := _run(_req("urban", [_a], {}), false, false)
	not _finding(r, "services.agricultural_migrant")
}
