package socialaid.medical_test

import data.socialaid.medical
import data.socialaid.status

# Decision date 2025-06-01. Status helpers of clauses 5 and 6 are mocked so that each test sets exactly
# the status it probes: by default nobody is 低保 or 特困 and the family is not low-income.
_req(members) := {
	"as_of": "2025-06-01",
	"household": {"area": "urban", "assets_test_met": true, "members": members},
}

_m(id, extra) := object.union(
	{"id": id, "birth_date": "1980-01-01", "monthly_income": 3000, "poverty_status": "none"},
	extra,
)

_run(members, low_income) := r if {
	r := medical with input as _req(members)
		with status.dibao_member_ids as set()
		with status.tekun_member_ids as set()
		with status.low_income_family as low_income
}

_finding(r, rule, id) := f if {
	some f in r.findings
	f.rule == rule
	f.member_id == id
}

_refs(r) := {x.rule: x.outcome | some x in r.programs.medical.rules}

_ep(amount) := {"medical_episodes": [{"date": "2025-05-01", "compliant_self_paid": amount}]}

# --- warning lines ---

# A 脱贫 member is a low-income person: line 4000. 4000 is not above it (超过 = strictly above).
test_clause7_low_income_line_at_4000_not_referred if {
	r := _run([_m("a", object.union(_ep(4000), {"poverty_status": "tuopin"}))], false)
	count(r.referrals) == 0
	f := _finding(r, "medical.episode_referral", "a")
	f.outcome == "not_met"
	f.values == {"date": "2025-05-01", "compliant_self_paid": 4000, "warning_line": 4000, "line": "low_income"}
	f.basis == "plan"
	f.clause == 7
	not r.programs.medical.eligible
	_refs(r) == {"medical.dynamic_enrollment": "not_met", "medical.episode_referral": "not_met"}
}

# 4000.01 > 4000 → referral.
test_clause7_low_income_line_just_above_referred if {
	r := _run([_m("a", object.union(_ep(4000.01), {"poverty_status": "tuopin"}))], false)
	some e in r.referrals
	e.member_id == "a"
	e.warning_line == 4000
	p := r.programs.medical
	p.eligible
	p.in_kind == ["medical_referral"]
	r.program_details.medical.referrals == [{"member_id": "a", "date": "2025-05-01", "self_paid": 4000.01, "line": 4000}]
	_refs(r) == {"medical.warning_line": "met", "medical.episode_referral": "met"}
	f := _finding(r, "medical.episode_referral", "a")
	f.outcome == "met"
	f.values.compliant_self_paid == 4000.01

	# The line is chosen by its own rule, which quotes the sentence that sets both lines.
	w := _finding(r, "medical.warning_line", "a")
	w.outcome == "info"
	w.basis == "plan"
	w.values == {"line": "low_income", "warning_line": 4000, "line_low_income": 4000, "line_general": 10000}
}

# A member without episodes has no line finding.
test_clause7_no_episode_no_line_finding if {
	r := _run([_m("a", {})], false)
	not _finding(r, "medical.warning_line", "a")
}

# A 特困 elder is in clause 7's second group (低收入家庭中的老年人) in her own right, whoever else lives
# with her: here a son aged 45 earning 3000, the family not low-income. Born 1950-01-01 → 75 on
# 2025-06-01; the son is in no group.
test_clause7_tekun_elder_is_in_the_low_income_group_whoever_lives_with_her if {
	elder := {"id": "e", "birth_date": "1950-01-01", "monthly_income": 0, "poverty_status": "none"}
	r := medical with input as _req([elder, _m("s", {})])
		with status.dibao_member_ids as set()
		with status.tekun_member_ids as {"e"}
		with status.low_income_family as false
	r.groups == {"e": ["low_income_family_vulnerable"], "s": []}
	r.covered_member_ids == ["e"]
	medical.warning_line(elder) == 4000 with input as _req([elder, _m("s", {})])
		with status.dibao_member_ids as set()
		with status.tekun_member_ids as {"e"}
		with status.low_income_family as false
}

# 3999.99 < 4000 → no referral.
test_clause7_low_income_line_just_below if {
	r := _run([_m("a", object.union(_ep(3999.99), {"poverty_status": "tuopin"}))], false)
	count(r.referrals) == 0
}

# Not a low-income person: line 10000. 10000 is not above it; 10000.01 is.
test_clause7_general_line_at_10000_not_referred if {
	r := _run([_m("a", _ep(10000))], false)
	count(r.referrals) == 0
	f := _finding(r, "medical.episode_referral", "a")
	f.values.line == "general"
	f.values.warning_line == 10000
	f.outcome == "not_met"
}

test_clause7_general_line_just_above_referred if {
	r := _run([_m("a", _ep(10000.01))], false)
	some e in r.referrals
	e.warning_line == 10000
	r.programs.medical.covered_member_ids == ["a"]
}

# 5000 is above 4000 but not 10000: the line depends on the person.
test_clause7_5000_general_not_referred if {
	r := _run([_m("a", _ep(5000))], false)
	count(r.referrals) == 0
}

test_clause7_low_income_family_member_line_4000 if {
	r := _run([_m("a", _ep(5000))], true)
	some e in r.referrals
	e.line == "low_income"
}

test_clause7_dibao_and_tekun_members_line_4000 if {
	medical.warning_line(_m("a", {})) == 4000 with input as _req([_m("a", {})])
		with status.dibao_member_ids as {"a"}
		with status.tekun_member_ids as set()
		with status.low_income_family as false
	medical.warning_line(_m("a", {})) == 4000 with input as _req([_m("a", {})])
		with status.dibao_member_ids as set()
		with status.tekun_member_ids as {"a"}
		with status.low_income_family as false
	edge := _m("a", {"poverty_status": "edge_at_risk"})
	medical.warning_line(edge) == 4000 with input as _req([edge])
		with status.dibao_member_ids as set()
		with status.tekun_member_ids as set()
		with status.low_income_family as false
}

# Lines are parameters: an override of the low-income line to 5000 keeps 5000 unreferred.
test_clause7_line_override if {
	req := object.union(
		_req([_m("a", object.union(_ep(5000), {"poverty_status": "tuopin"}))]),
		{"parameter_overrides": {"medical": {"warning_line_low_income": 5000}}},
	)
	r := medical with input as req
		with status.dibao_member_ids as set()
		with status.tekun_member_ids as set()
		with status.low_income_family as false
	count(r.referrals) == 0
}

# --- dynamic enrollment: the four groups ---

# Low-income family, age 60 on 2025-06-01 (born 1965-06-01) → elderly → group 2.
test_clause7_low_income_elderly_at_60 if {
	r := _run([_m("a", {"birth_date": "1965-06-01"})], true)
	r.enrollment.a == ["low_income_family_vulnerable"]
	f := _finding(r, "medical.dynamic_enrollment", "a")
	f.outcome == "met"
	f.values == {"groups": ["low_income_family_vulnerable"], "age": 60, "low_income_family": true}
	r.programs.medical.in_kind == ["medical_dynamic_enrollment"]
	_refs(r) == {"medical.dynamic_enrollment": "met"}
}

# Born 1965-06-02 → 59 → not elderly, not in a group → not_met finding.
test_clause7_low_income_age_59_not_in_group if {
	r := _run([_m("a", {"birth_date": "1965-06-02"})], true)
	not r.enrollment.a
	f := _finding(r, "medical.dynamic_enrollment", "a")
	f.outcome == "not_met"
	f.values == {"groups": [], "age": 59, "low_income_family": true}
}

# Born 2007-06-02 → 17 → minor → group 2; born 2007-06-01 → 18 → not a minor.
test_clause7_low_income_minor_17 if {
	r := _run([_m("a", {"birth_date": "2007-06-02"})], true)
	r.enrollment.a == ["low_income_family_vulnerable"]
}

test_clause7_low_income_adult_18_not_in_group if {
	r := _run([_m("a", {"birth_date": "2007-06-01"})], true)
	not r.enrollment.a
}

# Severely disabled: grade 2 of any type, or grade 3 intellectual; grade 3 physical is not severe.
test_clause7_low_income_severe_disability if {
	r := _run(
		[
			_m("a", {"disability": {"grade": 2, "type": "physical"}}),
			_m("b", {"disability": {"grade": 3, "type": "intellectual"}}),
			_m("c", {"disability": {"grade": 3, "type": "physical"}}),
			_m("d", {"serious_illness": true}),
		],
		true,
	)
	r.enrollment.a
	r.enrollment.b
	not r.enrollment.c
	r.enrollment.d
}

# The same elderly member outside a low-income family is in no group.
test_clause7_elderly_not_low_income_not_in_group if {
	r := _run([_m("a", {"birth_date": "1950-01-01"})], false)
	not r.enrollment.a
	not r.programs.medical.eligible
}

test_clause7_dibao_member_group if {
	r := medical with input as _req([_m("a", {})])
		with status.dibao_member_ids as {"a"}
		with status.tekun_member_ids as set()
		with status.low_income_family as false
	r.enrollment.a == ["dibao_member"]
}

# Edge populations: tuopin_unstable and edge_at_risk; plain tuopin is not an edge population.
test_clause7_edge_groups if {
	r := _run(
		[
			_m("a", {"poverty_status": "tuopin_unstable"}),
			_m("b", {"poverty_status": "edge_at_risk"}),
			_m("c", {"poverty_status": "tuopin"}),
			_m("d", {"relocated": true}),
		],
		false,
	)
	r.enrollment.a == ["edge_population"]
	r.enrollment.b == ["edge_population"]
	not r.enrollment.c
	r.enrollment.d == ["relocated"]
}

# A member in several groups is tagged with each.
test_clause7_several_groups if {
	r := _run([_m("a", {"birth_date": "1950-01-01", "poverty_status": "edge_at_risk", "relocated": true})], true)
	r.enrollment.a == ["low_income_family_vulnerable", "edge_population", "relocated"]
}

# Paid after the collection period → covered from the payment date.
test_clause7_coverage_from_payment if {
	ins := {"insurance": {"insured": true, "paid_after_collection_period": true, "paid_date": "2025-03-10"}}
	r := _run([_m("a", object.union(ins, {"relocated": true}))], false)
	r.coverage_from.a == "2025-03-10"
	r.program_details.medical.coverage_from == {"a": "2025-03-10"}
	_refs(r) == {"medical.dynamic_enrollment": "met", "medical.coverage_from_payment": "met"}
	f := _finding(r, "medical.coverage_from_payment", "a")
	f.values == {"paid_date": "2025-03-10"}
}

test_clause7_paid_in_period_no_coverage_date if {
	ins := {"insurance": {"insured": true, "paid_after_collection_period": false, "paid_date": "2024-12-10"}}
	r := _run([_m("a", object.union(ins, {"relocated": true}))], false)
	r.enrollment.a == ["relocated"]
	not r.coverage_from.a
	not r.program_details.medical.coverage_from
}

# --- insurance check for uninsured 脱贫人口 ---

test_clause7_insurance_check if {
	r := _run(
		[
			_m("a", {"poverty_status": "tuopin", "insurance": {"insured": false}}),
			_m("b", {"poverty_status": "tuopin_unstable", "insurance": {"insured": false}}),
			_m("c", {"poverty_status": "edge_at_risk", "insurance": {"insured": false}}),
			_m("d", {"poverty_status": "tuopin", "insurance": {"insured": true}}),
			_m("e", {"poverty_status": "tuopin"}),
		],
		false,
	)
	r.insurance_check == {"a", "b"}
	r.program_details.medical.insurance_check == ["a", "b"]
	"medical_insurance_check" in r.programs.medical.in_kind
	f := _finding(r, "medical.insurance_check", "a")
	f.outcome == "met"
	f.clause == 7
	f.values == {"poverty_status": "tuopin", "insured": false}

	# e (tuopin, no insurance record) is read as insured and named as a missing fact.
	r.missing_facts == {{
		"pointer": "/household/members/4/insurance/insured", "program": "medical",
		"rule": "medical.insurance_check", "assumption": "read_as_insured",
	}}
}

test_clause7_program_shape if {
	r := _run([_m("a", {"relocated": true}), _m("b", {})], false)
	p := r.programs.medical
	p.tier == "special"
	p.monthly_amount == 0
	p.covered_member_ids == ["a"]
	r.program_details.medical == {}
	p.in_kind == ["medical_dynamic_enrollment"]
	p.rules == [{"rule": "medical.dynamic_enrollment", "clause": 7, "outcome": "met"}]
	count(r.missing_facts) == 0
}
