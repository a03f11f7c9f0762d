package socialaid.price_subsidy_test

import data.socialaid.lib
import data.socialaid.price_subsidy

# Clause 5 price subsidy. The urban 低保 standard on 2025-01-01 is 808, the rural 6852 / 12 = 571.
# Triggers: CPI 0.035, food 0.06 (parameters). 特困 identification is mocked: `tekun` is the list of
# 特困 covered persons (data.socialaid.tekun.covered_member_ids, kept by clause 6).

_m(id, income) := {"id": id, "birth_date": "1980-01-01", "monthly_income": income}

_req(area, members, cpi, food) := {
	"as_of": "2025-01-01",
	"household": {"area": area, "assets_test_met": true, "members": members},
	"price_index": {"month": "2024-12", "cpi_rise": cpi, "food_cpi_rise": food},
}

_prog(req, tekun) := p if {
	p := object.union(price_subsidy.programs.price_subsidy, {"details": price_subsidy.program_details.price_subsidy}) with input as req
		with data.socialaid.tekun.supported_member_ids as {id | some id in tekun}
}

_findings(req, tekun) := fs if {
	fs := price_subsidy.findings with input as req
		with data.socialaid.tekun.supported_member_ids as {id | some id in tekun}
}

_has(req, tekun, want) if {
	some f in _findings(req, tekun)
	object.subset(f, want)
}

# CPI 0.035 (at the trigger) → 808 × 3.5 % = 28.28 a person; 2 covered by 低保 → 56.56, its own program.
test_clause5_price_cpi_at_trigger if {
	r := _req("urban", [_m("m1", 0), _m("m2", 0)], 0.035, 0)
	p := _prog(r, [])
	p.eligible
	p.tier == "basic_living"
	p.clause == 5
	p.details.per_person == 28.28
	p.details.index == "cpi"
	p.monthly_amount == 56.56
	p.covered_member_ids == ["m1", "m2"]
	p.rules == [lib.rule_ref("price_subsidy.trigger", "met"), lib.rule_ref("price_subsidy.amount", "met")]
	_has(r, [], {"rule": "price_subsidy.amount", "outcome": "met", "values": {"per_person": 28.28, "total": 56.56}})
}

# CPI 0.0349 and food 0.0599, both just below → not triggered.
test_clause5_price_just_below_both_triggers if {
	r := _req("urban", [_m("m1", 0)], 0.0349, 0.0599)
	p := _prog(r, [])
	not p.eligible
	p.monthly_amount == 0
	p.details.triggered == false
	p.rules == [lib.rule_ref("price_subsidy.trigger", "not_met")]
	_has(r, [], {"rule": "price_subsidy.trigger", "outcome": "not_met", "values": {"cpi_rise": 0.0349}})
}

# Food 0.06 at its trigger (CPI below) → 808 × 6 % = 48.48; food 0.061 → 49.288 → 49.29.
test_clause5_price_food_trigger if {
	p := _prog(_req("urban", [_m("m1", 0)], 0.02, 0.06), [])
	p.details.index == "food_cpi"
	p.details.per_person == 48.48
	_prog(_req("urban", [_m("m1", 0)], 0.02, 0.061), []).details.per_person == 49.29
}

# Both trigger → the higher result is paid (READING.md): CPI 0.04, food 0.10 → 808 × 10 % = 80.80, not
# 808 × 4 % = 32.32. CPI 0.07, food 0.065 → 808 × 7 % = 56.56 (CPI higher).
test_clause5_price_both_trigger_pays_the_higher if {
	p := _prog(_req("urban", [_m("m1", 0)], 0.04, 0.1), [])
	p.details.index == "food_cpi"
	p.details.per_person == 80.8
	q := _prog(_req("urban", [_m("m1", 0)], 0.07, 0.065), [])
	q.details.index == "cpi"
	q.details.per_person == 56.56
}

# 特困 persons are 保障对象 too: m1 supported as 特困 (not in 低保), m2 covered by 低保 (808 − 100);
# CPI 0.04 → 32.32 a person × 2 = 64.64.
test_clause5_price_covers_tekun_persons if {
	r := _req("urban", [_m("m1", 0), _m("m2", 100)], 0.04, 0)
	p := _prog(r, ["m1"])
	p.covered_member_ids == ["m1", "m2"]
	p.monthly_amount == 64.64
	_has(r, ["m1"], {"rule": "price_subsidy.covered_persons", "values": {"dibao_persons": 1, "tekun_persons": 1}})
}

# Triggered but nobody covered (income 900 ≥ 808, no 特困) → not eligible, total 0.
test_clause5_price_no_one_covered if {
	r := _req("urban", [_m("m1", 900)], 0.04, 0)
	p := _prog(r, [])
	not p.eligible
	p.monthly_amount == 0
	p.covered_member_ids == []
	p.rules == [lib.rule_ref("price_subsidy.covered_persons", "not_met")]
}

# Rural: 571 × 3.6 % = 20.556 → 20.56 a person.
test_clause5_price_rural_standard if {
	_prog(_req("rural", [_m("m1", 0)], 0.036, 0), []).details.per_person == 20.56
}

# Each person is paid the rounded amount: 808 × 3.6 % = 29.088 → 29.09; 3 persons → 87.27 (not 87.26).
test_clause5_price_total_is_paid_amount_times_persons if {
	p := _prog(_req("urban", [_m("m1", 0), _m("m2", 0), _m("m3", 0)], 0.036, 0), [])
	p.details.per_person == 29.09
	p.monthly_amount == 87.27
}

# No price index: not assessed, and the decision names the missing fact (only when someone is covered).
test_clause5_price_not_assessed if {
	r := object.remove(_req("urban", [_m("m1", 0)], 0, 0), ["price_index"])
	p := _prog(r, [])
	p.details == {"assessed": false}
	not p.eligible
	fs := price_subsidy.missing_facts with input as r with data.socialaid.tekun.supported_member_ids as set()
	fs == {{
		"pointer": "/price_index", "program": "price_subsidy",
		"rule": "price_subsidy.trigger", "assumption": "not_assessed",
	}}
	r2 := object.remove(_req("urban", [_m("m1", 900)], 0, 0), ["price_index"])
	gs := price_subsidy.missing_facts with input as r2 with data.socialaid.tekun.supported_member_ids as set()
	count(gs) == 0
}

# The subsidy is never added into the 低保 amount: (808 − 0) × 2 = 1616 stays 1616.
test_clause5_price_not_added_to_dibao if {
	r := _req("urban", [_m("m1", 0), _m("m2", 0)], 0.05, 0)
	d := object.union(data.socialaid.dibao.programs.dibao, {"details": data.socialaid.dibao.program_details.dibao}) with input as r with data.socialaid.tekun.supported_member_ids as set()
	d.monthly_amount == 1616
	not d.details.price_subsidy
}
