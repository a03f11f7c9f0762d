# METADATA
# title: Clause 5 — minimum living guarantee (低保)
# description: >-
#   5.完善最低生活保障制度. Counted income (income minus capped rigid expenditure) per head is tested
#   against the provincial standard for the household's area in force on the decision date; the basic
#   benefit is the gap times the members, plus classified supplements (分类施保). Households that are
#   not eligible as a whole may still have severely disabled or seriously ill members covered alone
#   (参照“单人户”); households already receiving keep their benefit for a grace period after a member
#   finds work or starts a business (缓退). The decision reports the change from the current benefit.
#   The month's price subsidy is its own program (socialaid.price_subsidy). Everything here is a flat
#   rule evaluated once; the findings, with their words in METADATA, are in findings.rego.
# schemas:
#   - input: schema["household.schema"]
package socialaid.dibao

import data.socialaid.facts
import data.socialaid.lib
import data.socialaid.params
import data.socialaid.tekun

_p := params.p.dibao

# --- members (特困 members are supported under clause 6, not paid 低保) ---

_tekun_ids := tekun.supported_member_ids

# members are the household members assessed for 低保: everyone living together except those
# supported as 特困 (clause 6), who are not also paid 低保.
# (With no one supported as 特困, which is most households, that is the household as given.)
members := input.household.members if {
	count(_tekun_ids) == 0
} else := [m | some m in input.household.members; not m.id in _tekun_ids]

_member_ids := {m.id | some m in members}

tekun_excluded_ids := sort([m.id | some m in input.household.members; m.id in _tekun_ids])

member_count := count(members)

# --- standard ---

# standard: the provincial standard for the household's area, monthly (rural: the annual standard / 12),
# computed once in socialaid.facts.
standard := facts.standard

# --- counted income ---

_rigid := object.get(input.household, "rigid_expenditures", [])

# deduction is one rigid expenditure as deducted: never more than its verifiable maximum.
deduction(e) := min([e.monthly_amount, e.verified_cap])

# income[id]: each assessed member's monthly income (an absent income is read as 0 and named in missing_facts).
income := {m.id: object.get(m, "monthly_income", 0) | some m in members}

# member_deductions[id]: the capped rigid expenditure of each assessed member.
member_deductions := {id: sum([deduction(e) | some e in _rigid; e.member_id == id]) | some id in _member_ids}

gross_income := sum([object.get(m, "monthly_income", 0) | some m in members])

# deductions: every assessed member's capped rigid expenditure, in one pass (member_deductions, per
# member, is read only by the single-person route).
deductions := sum([deduction(e) | some e in _rigid; e.member_id in _member_ids])

# counted_income is the household's monthly income as counted for 低保: income minus the capped
# deductions, never below zero.
counted_income := max([0, gross_income - deductions])

# own_counted_income[id]: one member's income minus that member's capped deductions, not below zero.
own_counted_income := {id: max([0, x - member_deductions[id]]) | some id, x in income}

default per_capita_income := 0

per_capita_income := counted_income / member_count if member_count > 0

default income_test_met := false

income_test_met if {
	member_count > 0
	per_capita_income < standard
}

default assets_test_met := false

assets_test_met if input.household.assets_test_met == true

default eligible := false

eligible if {
	income_test_met
	assets_test_met
}

default basic_benefit := 0

# basic_benefit: (standard − per-capita income) × members, per month.
basic_benefit := (standard - per_capita_income) * member_count if eligible

# --- classified supplements (分类施保) ---

_categories := ["severe_disability", "serious_illness", "elderly", "student", "single_parent"]

_rates := {
	"severe_disability": _p.supplement_rate_severe_disability,
	"serious_illness": _p.supplement_rate_serious_illness,
	"elderly": _p.supplement_rate_elderly,
	"student": _p.supplement_rate_student,
	"single_parent": _p.supplement_rate_single_parent,
}

# severely_disabled: grade 1–2 of any type, or grade 3 intellectual or mental — one definition for every
# program, in socialaid.facts (grades are parameters of the status group).
severely_disabled(m) if facts.severely_disabled(m)

_in_category("severe_disability", m) if severely_disabled(m)

_in_category("serious_illness", m) if facts.seriously_ill(m)

_in_category("elderly", m) if facts.elderly(m)

_in_category("student", m) if m.education.enrolled == true

_in_category("single_parent", _) if input.household.single_parent_family == true

member_categories(m) := [c | some c in _categories; _in_category(c, m)]

# _category_ids: the members in each category, as sets computed once per decision (the shared ones are
# socialaid.facts' sets over the whole household: member_rate reads them for the assessed members only);
# member_categories(m) answers the same for one member, for the explanation.
_category_ids := {
	"severe_disability": facts.severely_disabled_ids,
	"serious_illness": facts.seriously_ill_ids,
	"elderly": facts.elderly_ids,
	"student": {m.id | some m in members; m.education.enrolled == true},
	"single_parent": _single_parent_ids,
}

default _single_parent_ids := set()

_single_parent_ids := _member_ids if input.household.single_parent_family == true

# member_rate[id]: the highest single rate of the member's categories (就高不就低、不累加), 0 when none.
member_rate := {id: max(array.concat([0], [_rates[c] | some c, ids in _category_ids; id in ids])) | some id in _member_ids}

# supplements[id]: for each member of an eligible household in a category, the highest rate × the standard.
supplements[id] := r * standard if {
	eligible
	some id, r in member_rate
	r > 0
}

supplement_total := sum([s | some s in supplements])

# --- single-person route (参照“单人户”) ---

default low_income := false

# low_income_line: low_income_ratio (150 %) × the standard.
low_income_line := _p.low_income_ratio * standard

# low_income: per-capita counted income at or below the low-income line — "150%以内" includes the line
# (READING.md, clause 5). The income test only: the single-person route also needs the caller's
# assertion of the low-income-family asset rule (low_income_assets_met).
low_income if {
	member_count > 0
	per_capita_income <= low_income_line
}

default low_income_assets_met := false

# low_income_assets_met: the caller asserts the household meets the low-income-family asset rule
# (household.low_income_assets_test_met; an absent assertion is named in missing_facts).
low_income_assets_met if object.get(input.household, "low_income_assets_test_met", false) == true

default edge_population := false

edge_population if {
	some m in members
	m.poverty_status in {"tuopin_unstable", "edge_at_risk"}
}

default route_applies := false

# route_applies: the household as a whole is not eligible (整户不符合低保条件), is not in a grace period,
# and is an edge / unstable household or a low-income household.
route_applies if {
	not eligible
	not in_grace
	member_count > 0
	_route_group
}

_route_group if edge_population

_route_group if {
	low_income
	low_income_assets_met
}

_route_need(m) if severely_disabled(m)

_route_need(m) if m.serious_illness == true

_route_supported(m) if {
	m.lives_on_family_support == true
	not m.can_register_separately == true
}

# route_candidates: the members the route is for — severely disabled or seriously ill, living on the
# family's support, unable to register a separate household.
route_candidates contains m.id if {
	some m in members
	_route_need(m)
	_route_supported(m)
}

# route_income_met[id]: a candidate assessed as a one-person 低保 household — own counted income below
# the standard, and the caller asserts the member meets the 低保 asset rule
# (members[i].single_person_assets_test_met) (READING.md, clause 5).
route_income_met[id] := own_counted_income[id] < standard if some id in route_candidates

route_assets_met[m.id] := object.get(m, "single_person_assets_test_met", false) == true if {
	some m in members
	m.id in route_candidates
}

# route_basic[id]: standard − the member's own counted income (positive for a covered member).
route_basic[id] := standard - own_counted_income[id] if some id in route_candidates

# route_amounts[id]: a member covered alone: the basic amount plus the member's classified supplement.
route_amounts[id] := route_basic[id] + (member_rate[id] * standard) if {
	route_applies
	some id in route_candidates
	route_income_met[id]
	route_assets_met[id]
}

# --- grace period (缓退) ---

_current := input.household.current_benefits.dibao

default receiving := false

receiving if _current.receiving == true

_has_current if is_object(_current)

_current_amount := object.get(_current, "monthly_amount", 0)

# The cause and month of the rise in income: as the request states them (current_benefits.
# income_rise_cause / income_rise_month); otherwise read from the members — the latest job start
# (employed: "employment") or business start (business_start_date, or a self-employed member's job
# start: "business") on or before the decision date and, when the benefit's start is given, after it.
_stated_cause := input.household.current_benefits.income_rise_cause

_stated_month := input.household.current_benefits.income_rise_month

_starts contains {"date": d, "cause": "employment"} if {
	some m in members
	m.employment.status == "employed"
	d := m.employment.job_start_date
	_since_receiving(d)
}

_starts contains {"date": d, "cause": "business"} if {
	some m in members
	d := m.employment.business_start_date
	_since_receiving(d)
}

_starts contains {"date": d, "cause": "business"} if {
	some m in members
	m.employment.status == "self_employed"
	d := m.employment.job_start_date
	_since_receiving(d)
}

# (A helper rule, since `not is_string(x)` is undefined, not true, when x is undefined.)
_since_given if is_string(_current.since)

_since_receiving(d) if {
	d <= input.as_of
	not _since_given
}

_since_receiving(d) if {
	d <= input.as_of
	d >= _current.since
}

# The latest start; on the same day, "business" sorts before "employment" and is taken.
_latest_start := [s | some s in _starts; s.date == max({x.date | some x in _starts})][0]

cause := _stated_cause if is_string(_stated_cause)

else := _latest_start.cause

rise_month := _stated_month if is_string(_stated_month)

else := _latest_start.date

grace_months := {"employment": _p.grace_months_employment, "business": _p.grace_months_business}

default grace_candidate := false

# grace_candidate: receiving, per-capita income no longer below the standard, and the rise came from
# a member finding work or starting a business.
grace_candidate if {
	receiving
	not income_test_met
	grace_months[cause]
	is_string(rise_month)
}

grace_start := concat("", [substring(rise_month, 0, 7), "-01"]) if grace_candidate

# grace_end: the grace period runs N months counting the month the income rose as month 1, and ends on
# the last day of month N: a rise in 2024-05 with N = 6 covers May–October and ends on 2024-10-31.
grace_end := end if {
	start_ns := time.parse_ns("2006-01-02", grace_start)
	end := time.format([time.add_date(start_ns, 0, grace_months[cause], -1), "UTC", "2006-01-02"])
}

default in_grace := false

in_grace if {
	grace_candidate
	input.as_of <= grace_end
}

# --- the program ---

default basis := "none"

basis := "household" if {
	eligible
} else := "grace" if {
	in_grace
} else := "single_person" if {
	count(route_amounts) > 0
}

default amount := 0

amount := basic_benefit + supplement_total if {
	basis == "household"
} else := _current_amount if {
	basis == "grace"
} else := sum([a | some a in route_amounts]) if {
	basis == "single_person"
}

monthly_amount := lib.money(amount)

default covered_member_ids := []

covered_member_ids := sort([m.id | some m in members]) if {
	basis == "household"
} else := sort([id | some id in _current.member_ids]) if {
	basis == "grace"
	count(object.get(_current, "member_ids", [])) > 0
} else := sort([m.id | some m in members]) if {
	basis == "grace"
	count(object.get(_current, "member_ids", [])) == 0
} else := sort(object.keys(route_amounts)) if {
	basis == "single_person"
}

programs := {"dibao": _entry}

# _entry: a household paid on no basis has no amount and no one covered, only the conditions it fails;
# one paid on a basis has its entry worked out in full.
_entry := {
	"clause": 5,
	"tier": "basic_living",
	"eligible": false,
	"monthly_amount": 0,
	"in_kind": [],
	"covered_member_ids": [],
	"rules": [r | some r in _failing],
} if {
	basis == "none"
} else := {
	"clause": 5,
	"tier": "basic_living",
	"eligible": true,
	"monthly_amount": monthly_amount,
	"in_kind": [],
	"covered_member_ids": covered_member_ids,
	"rules": decisive_rules,
}

program_details["dibao"] := details

# figures: the household's per-capita counted income, the standard and the members counted, as the
# details give them — carried by the batch's outcome view for a population's distributions.
figures := {
	"per_capita_income": lib.money(per_capita_income),
	"standard": lib.money(standard),
	"members": member_count,
}

# --- decisive rules: what made the household eligible and fixed the amount (what failed: _failing) ---

decisive_rules := array.concat(
	[{"rule": "dibao.income_test", "clause": 5, "outcome": "met"}, {"rule": "dibao.assets_test", "clause": 5, "outcome": "met"}],
	_benefit_rules,
) if {
	basis == "household"
} else := [{"rule": "dibao.income_test", "clause": 5, "outcome": "not_met"}, {"rule": "dibao.grace_period", "clause": 5, "outcome": "met"}] if {
	basis == "grace"
} else := [
	{"rule": "dibao.route_household_group", "clause": 5, "outcome": "met"},
	{"rule": "dibao.route_member_group", "clause": 5, "outcome": "met"},
	{"rule": "dibao.route_member_means", "clause": 5, "outcome": "met"},
	{"rule": "dibao.route_member_amount", "clause": 5, "outcome": "met"},
] if {
	basis == "single_person"
}

_benefit_rules := [{"rule": "dibao.basic_benefit", "clause": 5, "outcome": "met"}, {"rule": "dibao.classified_supplement", "clause": 5, "outcome": "met"}] if {
	supplement_total > 0
} else := [{"rule": "dibao.basic_benefit", "clause": 5, "outcome": "met"}]

# The conditions that fail, each a named rule the findings read too.
default no_member_left := false

# no_member_left: every member is supported as 特困, so no one is left to assess.
no_member_left if member_count == 0

default no_grace := false

# no_grace: receiving, no longer below the standard, and the rise is not one that opens a grace period.
no_grace if {
	receiving
	not income_test_met
	not grace_candidate
}

_failing contains {"rule": "dibao.no_member_left", "clause": 5, "outcome": "not_met"} if no_member_left

_failing contains {"rule": "dibao.income_test", "clause": 5, "outcome": "not_met"} if {
	not no_member_left
	not income_test_met
}

_failing contains {"rule": "dibao.assets_test", "clause": 5, "outcome": "not_met"} if not assets_test_met

_failing contains {"rule": "dibao.grace_period", "clause": 5, "outcome": "not_met"} if grace_candidate

_failing contains {"rule": "dibao.no_grace", "clause": 5, "outcome": "not_met"} if no_grace

# --- details: numbers, booleans, ids and codes only ---

details := object.union_n([_base_details, _excluded_details, _route_details, _grace_details, _management_details])

_base_details := {
	"basis": basis,
	"standard": lib.money(standard),
	"members": member_count,
	"counted_income": lib.money(counted_income),
	"deductions": lib.money(deductions),
	"per_capita_income": lib.money(per_capita_income),
	"basic_benefit": lib.money(basic_benefit),
	"supplement_total": lib.money(supplement_total),
	"supplements": {id: lib.money(s) | some id, s in supplements},
}

default _excluded_details := {}

_excluded_details := {"tekun_excluded_member_ids": tekun_excluded_ids} if count(tekun_excluded_ids) > 0

default _route_details := {}

_route_details := {"single_person": {id: {
	"own_counted_income": lib.money(own_counted_income[id]),
	"basic": lib.money(route_basic[id]),
	"supplement_rate": member_rate[id],
	"amount": lib.money(a),
} |
	some id, a in route_amounts
}} if basis == "single_person"

default _grace_details := {}

_grace_details := {"grace": {
	"cause": cause,
	"months": grace_months[cause],
	"start": grace_start,
	"end": grace_end,
	"within": in_grace,
}} if grace_candidate

default _management_details := {}

_management_details := {
	"management": management,
	"current_amount": lib.money(_current_amount),
	"amount_change": lib.money(amount - _current_amount),
} if _has_current

# management: the change from the household's current 低保.
management := "enter" if {
	_has_current
	not receiving
	basis != "none"
}

management := "none" if {
	_has_current
	not receiving
	basis == "none"
}

management := "keep" if {
	receiving
	basis in {"household", "single_person"}
	lib.money(amount) == lib.money(_current_amount)
}

management := "change" if {
	receiving
	basis in {"household", "single_person"}
	lib.money(amount) != lib.money(_current_amount)
}

management := "grace" if {
	receiving
	basis == "grace"
}

management := "exit" if {
	receiving
	basis == "none"
}

# --- facts the decision did not have ---

# An assessed member's income absent: read as 0.
missing_facts contains {
	"pointer": facts.pointer(m.id, ["monthly_income"]),
	"program": "dibao",
	"rule": "dibao.income_test",
	"assumption": "read_as_zero",
} if {
	some m in members
	not "monthly_income" in object.keys(m)
}

# A route candidate's support facts absent (the route needs them stated).
missing_facts contains {
	"pointer": facts.pointer(m.id, ["lives_on_family_support"]),
	"program": "dibao",
	"rule": "dibao.route_member_group",
	"assumption": "not_established",
} if {
	route_applies
	some m in members
	_route_need(m)
	not "lives_on_family_support" in object.keys(m)
}

# The low-income-family asset assertion absent where it decides whether the route opens: a low-income
# household (by income), not edge, not eligible as a whole, with a route candidate.
missing_facts contains {
	"pointer": "/household/low_income_assets_test_met",
	"program": "dibao",
	"rule": "dibao.route_household_group",
	"assumption": "not_established",
} if {
	not eligible
	not in_grace
	low_income
	not edge_population
	count(route_candidates) > 0
	not "low_income_assets_test_met" in object.keys(input.household)
}

# A route candidate's own asset assertion absent where the route is open and the member's income is
# below the standard.
missing_facts contains {
	"pointer": facts.pointer(m.id, ["single_person_assets_test_met"]),
	"program": "dibao",
	"rule": "dibao.route_member_means",
	"assumption": "not_established",
} if {
	route_applies
	some m in members
	route_income_met[m.id]
	not "single_person_assets_test_met" in object.keys(m)
}

# A receiving household above the standard with no cause of the rise stated or found: no grace period.
missing_facts contains {
	"pointer": "/household/current_benefits/income_rise_cause",
	"program": "dibao",
	"rule": "dibao.no_grace",
	"assumption": "not_established",
} if {
	receiving
	not income_test_met
	not _cause_known
}

_cause_known if is_string(cause)
