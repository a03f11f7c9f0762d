package socialaid.dibao_full_test

import data.socialaid.dibao
import data.socialaid.lib

# Unit tests for the whole of clause 5. The urban standard on 2025-01-01 is 808 (from 2024-04-01); the
# rural one is 6852 / 12 = 571. 特困 identification (clause 6) is mocked out (empty set) unless a test
# says otherwise, so that members are judged under clause 5 alone.

_m(id, income) := {"id": id, "birth_date": "1980-01-01", "monthly_income": income}

_req(area, members) := {"as_of": "2025-01-01", "household": {"area": area, "assets_test_met": true, "members": members}}

_hh(req, patch) := object.union(req, {"household": patch})

_prog(req) := p if {
	p := object.union(dibao.programs.dibao, {"details": dibao.program_details.dibao}) with input as req with data.socialaid.tekun.supported_member_ids as set()
}

_missing(req) := fs if {
	fs := dibao.missing_facts with input as req with data.socialaid.tekun.supported_member_ids as set()
}

_findings(req) := fs if {
	fs := dibao.findings with input as req with data.socialaid.tekun.supported_member_ids as set()
}

_has(req, want) if {
	some f in _findings(req)
	object.subset(f, want)
}

# --- counted income and rigid expenditure ---

_rigid(member_id, amount, cap) := {
	"member_id": member_id, "kind": "illness",
	"monthly_amount": amount, "verified_cap": cap,
}

# Income 1000, illness 500 capped at 300 → counted 700; (808 − 700) × 1 = 108.
test_clause5_deduction_capped_above_cap if {
	r := _hh(_req("urban", [_m("m1", 1000)]), {"rigid_expenditures": [_rigid("m1", 500, 300)]})
	p := _prog(r)
	p.details.counted_income == 700
	p.monthly_amount == 108
	_has(r, {"rule": "dibao.rigid_deduction", "member_id": "m1", "values": {"deducted": 300}})
}

# Amount 299.99 under the cap 300 → deducted in full; counted 700.01; (808 − 700.01) = 107.99.
test_clause5_deduction_below_cap if {
	r := _hh(_req("urban", [_m("m1", 1000)]), {"rigid_expenditures": [_rigid("m1", 299.99, 300)]})
	_prog(r).monthly_amount == 107.99
}

# Amount equal to the cap: 300 deducted; 808 − 700 = 108.
test_clause5_deduction_at_cap if {
	r := _hh(_req("urban", [_m("m1", 1000)]), {"rigid_expenditures": [_rigid("m1", 300, 300)]})
	_prog(r).monthly_amount == 108
}

# Deductions 900 exceed income 500 → counted income 0, not −400; benefit 808.
test_clause5_counted_income_never_negative if {
	r := _hh(_req("urban", [_m("m1", 500)]), {"rigid_expenditures": [_rigid("m1", 900, 1000)]})
	p := _prog(r)
	p.details.counted_income == 0
	p.monthly_amount == 808
	_has(r, {"rule": "dibao.counted_income", "values": {"gross_income": 500, "deductions": 900, "counted_income": 0}})
}

# An expenditure of someone not in the household is ignored.
test_clause5_deduction_of_unknown_member_ignored if {
	r := _hh(_req("urban", [_m("m1", 1000)]), {"rigid_expenditures": [_rigid("x9", 500, 500)]})
	_prog(r).details.deductions == 0
}

# Two members: deductions cut per-capita income at the threshold. Incomes 1000 + 716 = 1716,
# deduction 100 → 1616 / 2 = 808: at the standard → not eligible.
test_clause5_deduction_to_threshold_at_standard if {
	r := _hh(_req("urban", [_m("m1", 1000), _m("m2", 716)]), {"rigid_expenditures": [_rigid("m2", 100, 100)]})
	not _prog(r).eligible
}

# ... deduction 100.02 → 1615.98 / 2 = 807.99: just below → (808 − 807.99) × 2 = 0.02.
test_clause5_deduction_to_threshold_just_below if {
	r := _hh(_req("urban", [_m("m1", 1000), _m("m2", 716)]), {"rigid_expenditures": [_rigid("m2", 100.02, 200)]})
	_prog(r).monthly_amount == 0.02
}

# --- standard by area and date ---

# Rural on 2024-03-31: 5316 / 12 = 443; (443 − 0) × 1 = 443. On 2024-04-01: 571.
test_clause5_rural_standard_by_date if {
	r := object.union(_req("rural", [_m("m1", 0)]), {"as_of": "2024-03-31"})
	_prog(r).monthly_amount == 443
	r2 := object.union(r, {"as_of": "2024-04-01"})
	_prog(r2).monthly_amount == 571
}

# Asset test not met → not eligible, with a not_met finding.
test_clause5_assets_not_met if {
	r := _hh(_req("urban", [_m("m1", 0)]), {"assets_test_met": false})
	not _prog(r).eligible
	_has(r, {"rule": "dibao.assets_test", "outcome": "not_met"})
}

# --- classified supplements ---

_dis(grade, type) := {"disability": {"grade": grade, "type": type}}

_supp(member_patch) := _prog(_req("urban", [object.union(_m("m1", 0), member_patch)])).details.supplements

# Grade 2 physical: severe → 0.3 × 808 = 242.40. Grade 3 physical: not severe → none.
test_clause5_severe_disability_grade_threshold if {
	_supp(_dis(2, "physical")).m1 == 242.4
	not _supp(_dis(3, "physical")).m1
}

# Grade 3 intellectual or mental: severe (242.40); grade 4 mental: not.
test_clause5_severe_disability_grade3_intellectual_mental if {
	_supp(_dis(3, "intellectual")).m1 == 242.4
	_supp(_dis(3, "mental")).m1 == 242.4
	not _supp(_dis(4, "mental")).m1
}

# Serious illness 0.3 × 808 = 242.40; enrolled student 0.1 × 808 = 80.80; not enrolled: none.
test_clause5_illness_and_student if {
	_supp({"serious_illness": true}).m1 == 242.4
	_supp({"education": {"enrolled": true}}).m1 == 80.8
	not _supp({"education": {"enrolled": false}}).m1
}

# Elderly at 60 on the decision date 2025-01-01: born 1965-01-01 → 60 → 80.80; born 1965-01-02 → 59 → none;
# born 1964-12-31 → 60 → 80.80.
test_clause5_elderly_age_threshold if {
	_supp({"birth_date": "1965-01-01"}).m1 == 80.8
	not _supp({"birth_date": "1965-01-02"}).m1
	_supp({"birth_date": "1964-12-31"}).m1 == 80.8
}

# Single-parent family: every member gets 0.1 × 808 = 80.80.
test_clause5_single_parent if {
	r := _hh(_req("urban", [_m("m1", 0), _m("m2", 0)]), {"single_parent_family": true})
	_prog(r).details.supplements == {"m1": 80.8, "m2": 80.8}
	_prog(r).details.supplement_total == 161.6
}

# Highest, not the sum: elderly (0.1) + student (0.1) + serious illness (0.3) + severe disability (0.3)
# → 0.3 × 808 = 242.40, not 0.8 × 808.
test_clause5_supplement_highest_not_sum if {
	patch := object.union(_dis(1, "visual"), {
		"birth_date": "1950-01-01", "serious_illness": true,
		"education": {"enrolled": true},
	})
	_supp(patch).m1 == 242.4
	r := _req("urban", [object.union(_m("m1", 0), patch)])
	_has(r, {"rule": "dibao.classified_supplement", "member_id": "m1", "values": {"rate": 0.3}})
}

# Household of 3, incomes 300 + 0 + 0 → per capita 100; basic (808 − 100) × 3 = 2124; m2 ill 242.40,
# m3 student 80.80; total 2124 + 242.40 + 80.80 = 2447.20.
test_clause5_supplements_add_across_members if {
	r := _req("urban", [
		_m("m1", 300), object.union(_m("m2", 0), {"serious_illness": true}),
		object.union(_m("m3", 0), {"education": {"enrolled": true}}),
	])
	_prog(r).monthly_amount == 2447.2
	_has(r, {"rule": "dibao.classified_supplement", "member_id": "m1", "outcome": "not_met"})
}

# No supplement for a household not eligible.
test_clause5_no_supplement_when_not_eligible if {
	_prog(_req("urban", [object.union(_m("m1", 900), {"serious_illness": true})])).details.supplements == {}
}

# Rural supplement: 0.3 × 571 = 171.30; basic 571 → 742.30.
test_clause5_rural_supplement if {
	_prog(_req("rural", [object.union(_m("m1", 0), {"serious_illness": true})])).monthly_amount == 742.3
}

# An override of a rate is applied (what-if): elderly 0.2 → 0.2 × 808 = 161.60.
test_clause5_rate_override if {
	r := object.union(
		_req("urban", [object.union(_m("m1", 0), {"birth_date": "1950-01-01"})]),
		{"parameter_overrides": {"dibao": {"supplement_rate_elderly": 0.2}}},
	)
	_prog(r).details.supplements.m1 == 161.6
}

# The plan allows 10 %–30 % of the standard: every configured value of every supplement rate is within.
test_clause5_supplement_rates_within_plan_range if {
	rates := [v.value |
		some name, table in data.socialaid.parameters.dibao
		startswith(name, "supplement_rate_")
		some v in table.values
	]
	count(rates) >= 5
	every r in rates {
		r >= 0.10
		r <= 0.30
	}
}

# The plan allows a grace period of 3–12 months: every configured value is within.
test_clause5_grace_months_within_plan_range if {
	months := [v.value |
		some name, table in data.socialaid.parameters.dibao
		startswith(name, "grace_months_")
		some v in table.values
	]
	count(months) >= 2
	every n in months {
		n >= 3
		n <= 12
	}
}

# --- single-person route (READING.md, clause 5, as revised) ---

# A dependant the route is for: seriously ill, on the family's support, cannot register separately, and
# the caller asserts the member meets the 低保 asset rule as a one-person household.
_dep(id, income) := object.union(_m(id, income), {
	"serious_illness": true, "lives_on_family_support": true, "can_register_separately": false,
	"single_person_assets_test_met": true,
})

# A low-income household whose caller asserts the low-income-family asset rule.
_li(members) := _hh(_req("urban", members), {"low_income_assets_test_met": true})

# Low-income line 1.5 × 808 = 1212. Two members: m1 earns 2424 − x, m2 (ill, dependent) 0.
# Per capita 1211.99 (m1 2423.98) → below the line → m2 covered alone: (808 − 0) + 0.3 × 808 = 1050.40.
test_clause5_route_low_income_just_below if {
	r := _li([_m("m1", 2423.98), _dep("m2", 0)])
	p := _prog(r)
	p.eligible
	p.covered_member_ids == ["m2"]
	p.monthly_amount == 1050.4
	p.details.single_person.m2.amount == 1050.4
	p.rules == [
		lib.rule_ref("dibao.route_household_group", "met"), lib.rule_ref("dibao.route_member_group", "met"),
		lib.rule_ref("dibao.route_member_means", "met"), lib.rule_ref("dibao.route_member_amount", "met"),
	]
	_has(r, {"rule": "dibao.route_member_amount", "member_id": "m2", "outcome": "met", "values": {"amount": 1050.4}})
	_has(r, {"rule": "dibao.route_member_group", "member_id": "m1", "outcome": "not_met"})
}

# "150%以内" includes the line: per capita exactly 1212 (m1 2424 / 2) → the route is open; 1050.40 for m2.
test_clause5_route_low_income_at_line_is_within if {
	r := _li([_m("m1", 2424), _dep("m2", 0)])
	_prog(r).monthly_amount == 1050.4
	_has(r, {
		"rule": "dibao.route_household_group",
		"outcome": "met",
		"values": {
			"per_capita_income": 1212,
			"low_income_line": 1212,
		},
	})
}

# Per capita 1212.01 (m1 2424.02 / 2) → above the line → no route.
test_clause5_route_low_income_just_above if {
	r := _li([_m("m1", 2424.02), _dep("m2", 0)])
	not _prog(r).eligible
	_has(r, {"rule": "dibao.route_household_group", "outcome": "not_met"})
}

# The low-income gateway carries the low-income-family asset rule: not asserted (false) → no route;
# absent → no route, and the decision names the missing assertion.
test_clause5_route_low_income_needs_asset_assertion if {
	no := _hh(_req("urban", [_m("m1", 2000), _dep("m2", 0)]), {"low_income_assets_test_met": false})
	not _prog(no).eligible
	absent := _req("urban", [_m("m1", 2000), _dep("m2", 0)])
	not _prog(absent).eligible
	_missing(absent) == {{
		"pointer": "/household/low_income_assets_test_met", "program": "dibao",
		"rule": "dibao.route_household_group", "assumption": "not_established",
	}}
	count(_missing(no)) == 0
}

# Per capita 1212.01 → above; but a 边缘易致贫 member opens the route anyway, with no low-income asset
# assertion needed: (808 − 0) + 242.40 = 1050.40.
test_clause5_route_edge_population if {
	r := _req("urban", [_m("m1", 2424.02), object.union(_dep("m2", 0), {"poverty_status": "edge_at_risk"})])
	_prog(r).monthly_amount == 1050.4
	r2 := _li([_m("m1", 2424.02), _dep("m2", 0)])
	not _prog(r2).eligible
}

# The route's household-group finding names the condition that decided it (values.decided_by), so its
# words state the comparison that failed, never one its own numbers contradict.
# Low-income line 1.5 × 808 = 1212.

# Per capita 1000 (m1 2000 / 2) ≤ 1212 and the asset rule asserted → open by low income.
test_clause5_route_decided_by_low_income if {
	_has(_li([_m("m1", 2000), _dep("m2", 0)]), {
		"rule": "dibao.route_household_group", "outcome": "met",
		"values": {"decided_by": "low_income", "per_capita_income": 1000, "low_income_line": 1212},
	})
}

# Per capita 1212.01 > 1212, but a 边缘易致贫 member → open as an edge household.
test_clause5_route_decided_by_edge if {
	r := _req("urban", [_m("m1", 2424.02), object.union(_dep("m2", 0), {"poverty_status": "edge_at_risk"})])
	_has(r, {"rule": "dibao.route_household_group", "outcome": "met", "values": {"decided_by": "edge"}})
}

# Per capita 1212.01 > 1212, not edge → closed by income (the asset assertion is not what failed).
test_clause5_route_decided_by_income if {
	_has(_li([_m("m1", 2424.02), _dep("m2", 0)]), {
		"rule": "dibao.route_household_group", "outcome": "not_met",
		"values": {"decided_by": "income", "per_capita_income": 1212.01, "low_income": false},
	})
}

# Per capita 810 (1000 + 620) / 2 ≤ 1212 but the low-income asset rule is not asserted (false or absent),
# not edge → closed by the asset assertion, not by income (urban-family-just-above-standard).
test_clause5_route_decided_by_low_income_assets if {
	absent := _req("urban", [_m("m1", 1000), _m("m2", 620)])
	_has(absent, {
		"rule": "dibao.route_household_group", "outcome": "not_met",
		"values": {"decided_by": "low_income_assets", "per_capita_income": 810, "low_income": true},
	})
	no := _hh(absent, {"low_income_assets_test_met": false})
	_has(no, {"rule": "dibao.route_household_group", "outcome": "not_met", "values": {"decided_by": "low_income_assets"}})
}

# 脱贫不稳定 opens it too; the route member's own income 100 minus illness cost 50 (cap 80) → 50;
# (808 − 50) + 242.40 = 1000.40.
test_clause5_route_unstable_own_income if {
	r := _hh(
		_req("urban", [object.union(_m("m1", 5000), {"poverty_status": "tuopin_unstable"}), _dep("m2", 100)]),
		{"rigid_expenditures": [_rigid("m2", 50, 80)]},
	)
	_prog(r).monthly_amount == 1000.4
	_prog(r).details.single_person.m2.own_counted_income == 50
}

# Severe disability (grade 1) instead of illness: same route; elderly too → still 0.3 (highest).
test_clause5_route_severe_disability if {
	m2 := object.union(_m("m2", 0), {
		"disability": {"grade": 1, "type": "physical"}, "birth_date": "1950-01-01",
		"lives_on_family_support": true, "single_person_assets_test_met": true,
	})
	r := _li([_m("m1", 2000), m2])
	_prog(r).monthly_amount == 1050.4
}

# Not covered: can register separately; not on family support; neither ill nor disabled.
test_clause5_route_member_group_reasons if {
	r1 := _li([_m("m1", 2000), object.union(_dep("m2", 0), {"can_register_separately": true})])
	not _prog(r1).eligible
	_has(r1, {
		"rule": "dibao.route_member_group",
		"member_id": "m2",
		"outcome": "not_met",
		"values": {"can_register_separately": true},
	})
	r2 := _li([_m("m1", 2000), object.union(_dep("m2", 0), {"lives_on_family_support": false})])
	not _prog(r2).eligible
	_has(r2, {
		"rule": "dibao.route_member_group",
		"member_id": "m1",
		"values": {"severely_disabled_or_seriously_ill": false},
	})
}

# A one-person 低保 household: own counted income must be below the standard. m1 1000, m2 own income:
# 807.99 → covered, (808 − 807.99) + 242.40 = 242.41; 808 (at the standard) → not covered; 808.01 → not.
# (Per capita (1000 + 808) / 2 = 904 ≤ 1212: the route is open in each case.)
test_clause5_route_own_income_below_standard if {
	_prog(_li([_m("m1", 1000), _dep("m2", 807.99)])).monthly_amount == 242.41
	at := _li([_m("m1", 1000), _dep("m2", 808)])
	not _prog(at).eligible
	_has(at, {
		"rule": "dibao.route_member_means",
		"member_id": "m2",
		"outcome": "not_met",
		"values": {"income_below_standard": false, "decided_by": "income"},
	})
	not _prog(_li([_m("m1", 1000), _dep("m2", 808.01)])).eligible
}

# The means finding names what decided it (values.decided_by), so its words state the condition that
# failed: m2's own income 0 < 808 with the asset rule asserted → means; 0 without it → assets;
# 808 (not below 808) with it → income; 808 without it → income_and_assets. m1's income keeps the
# household over the standard as a whole and within the low-income line, so the route is open:
# (2000 + 0) / 2 = 1000 and (1000 + 808) / 2 = 904, each > 808 and ≤ 1212.
test_clause5_route_member_means_decided_by if {
	cases := [
		[2000, 0, true, "met", "means"],
		[2000, 0, false, "not_met", "assets"],
		[1000, 808, true, "not_met", "income"],
		[1000, 808, false, "not_met", "income_and_assets"],
	]
	every c in cases {
		m2 := object.union(_dep("m2", c[1]), {"single_person_assets_test_met": c[2]})
		_has(_li([_m("m1", c[0]), m2]), {
			"rule": "dibao.route_member_means", "member_id": "m2", "outcome": c[3],
			"values": {"decided_by": c[4]},
		})
	}
}

# The member's own 低保 asset rule: asserted false → not covered; absent → not covered and named missing.
test_clause5_route_member_needs_asset_assertion if {
	no := _li([_m("m1", 2000), object.union(_dep("m2", 0), {"single_person_assets_test_met": false})])
	not _prog(no).eligible
	_has(no, {
		"rule": "dibao.route_member_means",
		"member_id": "m2",
		"outcome": "not_met",
		"values": {"assets_test_met": false, "decided_by": "assets"},
	})
	absent := _li([_m("m1", 2000), object.remove(_dep("m2", 0), ["single_person_assets_test_met"])])
	not _prog(absent).eligible
	_missing(absent) == {{
		"pointer": "/household/members/1/single_person_assets_test_met", "program": "dibao",
		"rule": "dibao.route_member_means", "assumption": "not_established",
	}}
}

# A household failing the 低保 asset test as a whole is "not eligible as a whole"; an edge household's
# dependant is still covered alone when the member's own assets are asserted: 808 + 242.40 = 1050.40.
test_clause5_route_household_failing_assets_edge if {
	m2 := object.union(_dep("m2", 0), {"poverty_status": "edge_at_risk"})
	r := _hh(_req("urban", [_m("m1", 2000), m2]), {"assets_test_met": false})
	_prog(r).details.basis == "single_person"
	_prog(r).monthly_amount == 1050.4
}

# --- grace period ---

_receiving(req, amount, cause, month) := _hh(req, {"current_benefits": {
	"dibao": {"receiving": true, "monthly_amount": amount},
	"income_rise_cause": cause,
	"income_rise_month": month,
}})

# Rise 2024-09 (first of month), 6 months: Sep, Oct, Nov, Dec, Jan, Feb → ends 2025-02-28.
# On 2025-01-01 within it: keep the current 500.
test_clause5_grace_within if {
	r := _receiving(_req("urban", [_m("m1", 900)]), 500, "employment", "2024-09-01")
	p := _prog(r)
	p.eligible
	p.monthly_amount == 500
	p.covered_member_ids == ["m1"]
	p.details.grace == {"cause": "employment", "months": 6, "start": "2024-09-01", "end": "2025-02-28", "within": true}
	p.details.management == "grace"
	_has(r, {"rule": "dibao.grace_period", "outcome": "met"})
}

# A mid-month rise date counts from the first of that month: 2024-09-17 → start 2024-09-01.
test_clause5_grace_mid_month if {
	r := _receiving(_req("urban", [_m("m1", 900)]), 500, "business", "2024-09-17")
	_prog(r).details.grace.start == "2024-09-01"
	_prog(r).details.grace.end == "2025-02-28"
}

# On the end date 2025-02-28: still within; 2025-03-01: ended → exit.
test_clause5_grace_end_boundary if {
	r := _receiving(_req("urban", [_m("m1", 900)]), 500, "business", "2024-09-01")
	_prog(object.union(r, {"as_of": "2025-02-28"})).details.grace.within
	p := _prog(object.union(r, {"as_of": "2025-03-01"}))
	not p.eligible
	p.monthly_amount == 0
	p.details.management == "exit"
	_has(object.union(r, {"as_of": "2025-03-01"}), {"rule": "dibao.grace_period", "outcome": "not_met"})
}

# Grace months overridden to 3: rise 2024-11 → Nov, Dec, Jan → ends 2025-01-31; covers current members.
test_clause5_grace_override_three_months if {
	r := object.union(
		_receiving(_req("urban", [_m("m1", 900), _m("m2", 900)]), 500, "employment", "2024-11-01"),
		{
			"parameter_overrides": {"dibao": {"grace_months_employment": 3}},
			"household": {"current_benefits": {"dibao": {"member_ids": ["m2"]}}},
		},
	)
	_prog(r).details.grace.end == "2025-01-31"
	_prog(r).covered_member_ids == ["m2"]
}

# Other causes: no grace period, exit.
test_clause5_grace_other_cause_exit if {
	r := _receiving(_req("urban", [_m("m1", 900)]), 500, "other", "2024-09-01")
	p := _prog(r)
	not p.eligible
	p.details.management == "exit"
	not p.details.grace
	_has(r, {"rule": "dibao.no_grace", "outcome": "not_met"})
}

# Grace needs a rise month; without it, exit.
test_clause5_grace_needs_month if {
	r := _hh(_req("urban", [_m("m1", 900)]), {"current_benefits": {
		"dibao": {"receiving": true, "monthly_amount": 500},
		"income_rise_cause": "employment",
	}})
	_prog(r).details.management == "exit"
	_has(r, {"rule": "dibao.no_grace", "outcome": "not_met", "values": {"per_capita_income": 900, "standard": 808}})
	_prog(r).rules == [lib.rule_ref("dibao.income_test", "not_met"), lib.rule_ref("dibao.no_grace", "not_met")]
}

# --- dynamic management ---

_current(req, receiving, amount) := _hh(req, {"current_benefits": {"dibao": {
	"receiving": receiving,
	"monthly_amount": amount,
}}})

# Entitled to 708 (808 − 100).
test_clause5_management_states if {
	base := _req("urban", [_m("m1", 100)])
	_prog(_current(base, false, 0)).details.management == "enter"
	_prog(_current(base, true, 708)).details.management == "keep"
	p := _prog(_current(base, true, 600))
	p.details.management == "change"
	p.details.amount_change == 108
	_prog(_current(_req("urban", [_m("m1", 900)]), false, 0)).details.management == "none"
	_has(_current(base, true, 600), {"rule": "dibao.management", "values": {"management": "change", "amount_change": 108}})
}

# Receiving, income rose with no cause given → exit.
test_clause5_management_exit_without_cause if {
	r := _current(_req("urban", [_m("m1", 900)]), true, 500)
	_prog(r).details.management == "exit"
	_prog(r).details.amount_change == -500
}

# --- 特困 members (clause 6) ---

# m1 supported as 特困: the household is m2 alone, income 100 → 808 − 100 = 708.
test_clause5_tekun_member_excluded if {
	r := _req("urban", [_m("m1", 0), _m("m2", 100)])
	p := object.union(dibao.programs.dibao, {"details": dibao.program_details.dibao}) with input as r with data.socialaid.tekun.supported_member_ids as {"m1"}
	p.covered_member_ids == ["m2"]
	p.monthly_amount == 708
	p.details.tekun_excluded_member_ids == ["m1"]
	fs := dibao.findings with input as r with data.socialaid.tekun.supported_member_ids as {"m1"}
	some f in fs
	object.subset(f, {"rule": "dibao.tekun_excluded", "member_id": "m1", "outcome": "not_met", "basis": "reading"})
}

test_clause5_tekun_everyone_excluded if {
	r := _req("urban", [_m("m1", 0)])
	p := object.union(dibao.programs.dibao, {"details": dibao.program_details.dibao}) with input as r with data.socialaid.tekun.supported_member_ids as {"m1"}
	not p.eligible
	fs := dibao.findings with input as r with data.socialaid.tekun.supported_member_ids as {"m1"}
	some f in fs
	f.rule == "dibao.no_member_left"
	f.basis == "reading"
	p.rules == [lib.rule_ref("dibao.no_member_left", "not_met")]
}

# No cause given at all: no grace period, with the reason.
test_clause5_grace_no_cause_reason if {
	r := _current(_req("urban", [_m("m1", 900)]), true, 500)
	_has(r, {"rule": "dibao.no_grace", "outcome": "not_met"})
	some f in _missing(r)
	f == {
		"pointer": "/household/current_benefits/income_rise_cause", "program": "dibao",
		"rule": "dibao.no_grace", "assumption": "not_established",
	}
}

# The rise read from the members when the request does not state it: a member employed from
# 2024-09-10, household receiving since 2023-01-01; grace 6 months counting 2024-09 as month 1 →
# 2024-09-01 … 2025-02-28. On 2025-01-01 the current 1000 is kept.
_job_from(d) := {"status": "employed", "job_start_date": d}

test_clause5_grace_cause_read_from_member_job_start if {
	m1 := object.union(_m("m1", 2000), {"employment": _job_from("2024-09-10")})
	r := _hh(_req("urban", [m1]), {"current_benefits": {"dibao": {
		"receiving": true, "monthly_amount": 1000, "since": "2023-01-01",
	}}})
	_prog(r).details.grace.cause == "employment"
	_prog(r).details.grace.start == "2024-09-01"
	_prog(r).details.grace.end == "2025-02-28"
	_prog(r).monthly_amount == 1000
}

# A job that started before the household began receiving is not the rise: no grace, exit.
test_clause5_grace_job_before_receiving_is_not_the_rise if {
	m1 := object.union(_m("m1", 2000), {"employment": _job_from("2022-05-01")})
	r := _hh(_req("urban", [m1]), {"current_benefits": {"dibao": {
		"receiving": true, "monthly_amount": 1000, "since": "2023-01-01",
	}}})
	_prog(r).details.management == "exit"
	_prog(r).monthly_amount == 0
}

# A business start counts as "business"; the stated cause and month win over the members' dates.
test_clause5_grace_business_start_and_stated_values_win if {
	m1 := object.union(_m("m1", 2000), {"employment": {"status": "self_employed", "business_start_date": "2024-11-20"}})
	r := _hh(_req("urban", [m1]), {"current_benefits": {"dibao": {"receiving": true, "monthly_amount": 900}}})
	_prog(r).details.grace.cause == "business"
	_prog(r).details.grace.start == "2024-11-01"
	stated := _hh(_req("urban", [m1]), {"current_benefits": {
		"dibao": {"receiving": true, "monthly_amount": 900},
		"income_rise_cause": "employment", "income_rise_month": "2024-08-01",
	}})
	_prog(stated).details.grace.cause == "employment"
	_prog(stated).details.grace.start == "2024-08-01"
}

# --- facts the decision did not have ---

# An assessed member with no monthly_income: read as 0 and named. m2 has none: (300 + 0) / 2 = 150;
# (808 − 150) × 2 = 1316.
test_clause5_income_absent_read_as_zero_and_named if {
	r := _req("urban", [_m("m1", 300), {"id": "m2", "birth_date": "1980-01-01"}])
	_prog(r).monthly_amount == 1316
	_missing(r) == {{
		"pointer": "/household/members/1/monthly_income", "program": "dibao",
		"rule": "dibao.income_test", "assumption": "read_as_zero",
	}}
}

# A route candidate (seriously ill) in an open route with lives_on_family_support not stated: not covered,
# and the missing fact is named. Per capita 2000 / 2 = 1000 ≤ 1212, low-income assets asserted.
test_clause5_route_support_absent_named if {
	m2 := object.remove(_dep("m2", 0), ["lives_on_family_support"])
	r := _li([_m("m1", 2000), m2])
	not _prog(r).eligible
	_missing(r) == {{
		"pointer": "/household/members/1/lives_on_family_support", "program": "dibao",
		"rule": "dibao.route_member_group", "assumption": "not_established",
	}}
}

# The basis is one else chain (household, else grace, else single person, else none): its bodies exclude
# one another, so each case names one basis, one amount and its own decisive rules, whole.
test_clause5_basis_one_per_case if {
	# household: (808 − 300) × 1 = 508
	h := _prog(_req("urban", [_m("m1", 300)]))
	h.details.basis == "household"
	h.monthly_amount == 508
	h.covered_member_ids == ["m1"]
	h.rules == [
		{"rule": "dibao.income_test", "clause": 5, "outcome": "met"},
		{"rule": "dibao.assets_test", "clause": 5, "outcome": "met"},
		{"rule": "dibao.basic_benefit", "clause": 5, "outcome": "met"},
	]

	# grace: 900 ≥ 808, receiving 500 since a job in 2024-09 (6 months, to 2025-02-28)
	g := _prog(_receiving(_req("urban", [_m("m1", 900)]), 500, "employment", "2024-09-01"))
	g.details.basis == "grace"
	g.monthly_amount == 500
	g.rules == [
		{"rule": "dibao.income_test", "clause": 5, "outcome": "not_met"},
		{"rule": "dibao.grace_period", "clause": 5, "outcome": "met"},
	]

	# single person: the edge household failing the asset test covers its dependant alone, 808 + 242.40
	m2 := object.union(_dep("m2", 0), {"poverty_status": "edge_at_risk"})
	s := _prog(_hh(_req("urban", [_m("m1", 2000), m2]), {"assets_test_met": false}))
	s.details.basis == "single_person"
	s.monthly_amount == 1050.4
	s.covered_member_ids == ["m2"]
	count(s.rules) == 4

	# none: 900 ≥ 808, not receiving
	n := _prog(_req("urban", [_m("m1", 900)]))
	n.details.basis == "none"
	n.monthly_amount == 0
	n.covered_member_ids == []
	n.rules == [{"rule": "dibao.income_test", "clause": 5, "outcome": "not_met"}]
}
