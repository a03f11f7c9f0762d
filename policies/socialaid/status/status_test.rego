package socialaid.status_test

import data.socialaid.status

# Decision date 2025-06-01; urban standard 808 (in force from 2024-04-01); low-income line
# 1.5 × 808 = 1212. Members have a working legal supporter so that clause 6 identifies nobody.
_req(members, extra) := {
	"as_of": "2025-06-01",
	"household": object.union({"area": "urban", "assets_test_met": true, "members": members}, extra),
}

_m(id, income) := {
	"id": id, "birth_date": "1980-01-01", "monthly_income": income,
	"legal_supporters": [{"relationship": "sibling"}],
}

_a := _m("a", 5000)

_b := _m("b", 5000)

# Current 低保 with member_ids empty covers the whole household.
test_status_current_dibao_whole_household if {
	req := _req([_a, _b], {"current_benefits": {"dibao": {"receiving": true}}})
	"b" in status.dibao_member_ids with input as req
	status.dibao_family with input as req
}

test_status_current_dibao_listed_members_only if {
	req := _req([_a, _b], {"current_benefits": {"dibao": {"receiving": true, "member_ids": ["a"]}}})
	data.socialaid.facts.receiving("dibao", _a) with input as req
	not data.socialaid.facts.receiving("dibao", _b) with input as req

	# A listed id that is not a member of the household ("x") counts for nobody.
	req_x := _req([_a, _b], {"current_benefits": {"dibao": {"receiving": true, "member_ids": ["a", "x"]}}})
	status.dibao_member_ids == {"a"} with input as req_x
		with data.socialaid.dibao.covered_member_ids as []
	"a" in status.dibao_member_ids with input as req
	not "b" in status.dibao_member_ids with input as req
}

test_status_not_receiving if {
	req := _req([_a], {"current_benefits": {"dibao": {"receiving": false}, "tekun": null}})
	not "a" in status.dibao_member_ids with input as req
	not "a" in status.tekun_member_ids with input as req
	not status.dibao_family with input as req
	not status.assisted_family with input as req
}

# Clause 5 decides 低保 in this decision: its covered members are 低保 members.
test_status_dibao_from_clause5 if {
	req := _req([_a], {})
	"a" in status.dibao_member_ids with input as req with data.socialaid.dibao.covered_member_ids as ["a"]
}

# Clause 6 decides 特困: its supported members are 特困 people; current support counts too.
test_status_tekun_from_clause6 if {
	req := _req([_a, _b], {})
	"a" in status.tekun_member_ids with input as req with data.socialaid.tekun.supported_member_ids as {"a"}
	status.tekun_family with input as req with data.socialaid.tekun.supported_member_ids as {"a"}
	not "b" in status.tekun_member_ids with input as req with data.socialaid.tekun.supported_member_ids as {"a"}
}

test_status_tekun_current if {
	req := _req([_a], {"current_benefits": {"tekun": {"receiving": true}}})
	"a" in status.tekun_member_ids with input as req
	status.assisted_family with input as req
}

# Low-income line 1.5 × 808 = 1212. Per capita 1211.99 ≤ 1212 → low-income; 1212.01 > 1212 → not;
# the exact line, 1212 ("150%以内" includes it), is tested with a 特困 member below.
_low_finding(req) := f if {
	some f in status.findings with input as req
	f.rule == "status.low_income_family"
}

test_status_low_income_just_below_line if {
	req := _req([_m("a", 1211.99)], {"low_income_assets_test_met": true})
	status.low_income_family with input as req
	status.assisted_family with input as req
	f := _low_finding(req)
	f.outcome == "met"
	f.values.per_capita_income == 1211.99
	f.values.low_income_line == 1212
	f.values.standard == 808
	f.values.ratio == 1.5
	f.values.decided_by == "income"
}

test_status_low_income_just_above_line_not if {
	req := _req([_m("a", 1212.01)], {"low_income_assets_test_met": true})
	not status.low_income_family with input as req
	not status.assisted_family with input as req
	f := _low_finding(req)
	f.outcome == "not_met"
	f.values.per_capita_income == 1212.01
	f.values.low_income_by_income == false
	f.values.decided_by == "income" # over the line: income decided, not the asset assertion
}

# Recognised now: low-income whatever the income (3000 > 1212).
test_status_low_income_recognised if {
	req := _req([_m("a", 3000)], {"current_benefits": {"low_income": true}})
	status.low_income_family with input as req
	f := _low_finding(req)
	f.outcome == "met"
	f.values.recognised_low_income == true
	f.values.low_income_by_income == false
	f.values.decided_by == "recognised" # the words do not say 3000 is within the line
}

# The household for the low-income test is the household clause 5 assesses: 特困 members are left out.
# An elder living alone, aged 85, no income, no supporter: 特困 (clause 6), so clause 5 assesses nobody
# and there is no low-income family to test — but she is low-income in her own right (clause 7's
# 特困供养人员): status.low_income_ids holds her, and the finding says why.
test_status_a_tekun_elder_alone_is_low_income_in_her_own_right if {
	elder := {"id": "e", "birth_date": "1940-01-01", "monthly_income": 0, "legal_supporters": []}
	req := _req([elder], {"low_income_assets_test_met": true})
	"e" in data.socialaid.tekun.supported_member_ids with input as req
	not status.low_income_family with input as req
	status.low_income_ids == {"e"} with input as req
	status.assisted_family with input as req
	not _low_finding(req)
	some f in status.findings with input as req
	f.rule == "status.tekun_low_income"
	f.member_id == "e"
	f.basis == "reading"
}

# A 特困 elder (income 600) and a son: the test reads the son alone (the household clause 5 assesses).
# Son 1212.01 > 1212 → not a low-income family, though (600 + 1212.01) / 2 = 906.005 would be within
# the line; son 1212 → at the line, low-income; son 1211.99 → low-income. The elder is low-income
# either way.
test_status_low_income_leaves_the_tekun_member_out if {
	elder := {"id": "e", "birth_date": "1940-01-01", "monthly_income": 600, "legal_supporters": []}
	over := _req([elder, _m("s", 1212.01)], {"low_income_assets_test_met": true})
	not status.low_income_family with input as over with data.socialaid.tekun.supported_member_ids as {"e"}
	status.low_income_ids == {"e"} with input as over with data.socialaid.tekun.supported_member_ids as {"e"}
	f := _low_finding(over) with data.socialaid.tekun.supported_member_ids as {"e"}
	f.values.members == 1
	f.values.per_capita_income == 1212.01
	f.outcome == "not_met"
	at := _req([elder, _m("s", 1212)], {"low_income_assets_test_met": true})
	status.low_income_family with input as at with data.socialaid.tekun.supported_member_ids as {"e"}
	status.low_income_ids == {"e", "s"} with input as at with data.socialaid.tekun.supported_member_ids as {"e"}
	below := _req([elder, _m("s", 1211.99)], {"low_income_assets_test_met": true})
	status.low_income_family with input as below with data.socialaid.tekun.supported_member_ids as {"e"}
}

# The asset rule: within the line but the asset assertion false → not low-income; absent → not
# low-income, and the missing fact is named (only where the family is not a 低保 family anyway).
test_status_low_income_needs_the_asset_assertion if {
	not status.low_income_family with input as _req([_m("a", 1000)], {"low_income_assets_test_met": false})
	count(status.missing_facts) == 0 with input as _req([_m("a", 1000)], {"low_income_assets_test_met": false})
	req := _req([_m("a", 1000)], {})
	not status.low_income_family with input as req
	status.missing_facts == {{
		"pointer": "/household/low_income_assets_test_met", "program": "status",
		"rule": "status.low_income_family", "assumption": "not_established",
	}} with input as req
	f := _low_finding(req)
	f.values.low_income_by_income == true
	f.values.low_income_assets_met == false
	f.values.decided_by == "low_income_assets" # within the line: the asset assertion decided

	# A 低保 family: the assertion could change nothing here, so it is not named.
	count(status.missing_facts) == 0 with input as _req([_m("a", 500)], {})
}
