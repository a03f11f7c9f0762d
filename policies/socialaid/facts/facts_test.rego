package socialaid.facts_test

import data.socialaid.facts

# Decision date 2025-06-01. The base facts read the request only.
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

# Current 低保 with member_ids empty covers the whole household; listed ids cover those members only,
# and a listed id that is not a member ("x") counts for nobody.
test_facts_receiving if {
	facts.receiving_ids.dibao == {"a", "b"} with input as _req([_a, _b], {"current_benefits": {"dibao": {"receiving": true}}})
	listed := _req([_a, _b], {"current_benefits": {"dibao": {"receiving": true, "member_ids": ["a", "x"]}}})
	facts.receiving_ids.dibao == {"a"} with input as listed
	facts.receiving("dibao", _a) with input as listed
	not facts.receiving("dibao", _b) with input as listed
	facts.receiving_ids.tekun == set() with input as listed
}

# The standard by area: urban 808 a month; rural 6852 / 12 = 571.
test_facts_standard_by_area if {
	facts.standard == 808 with input as _req([_a], {})
	facts.standard == 571 with input as object.union(_req([_a], {}), {"household": {"area": "rural"}})
}

# Pointers name the member's position in the request.
test_facts_pointer if {
	facts.pointer("b", ["self_care"]) == "/household/members/1/self_care" with input as _req([_a, _b], {})
	facts.pointer("a", ["tekun_arrangement", "centralized"]) == "/household/members/0/tekun_arrangement/centralized" with input as _req([_a, _b], {})
}

# Ages on 2025-06-01: 60 from 1965-06-01; minor until the 18th birthday (2007-06-01).
test_status_ages if {
	req := _req([_a], {})
	facts.elderly({"birth_date": "1965-06-01"}) with input as req
	not facts.elderly({"birth_date": "1965-06-02"}) with input as req
	facts.minor({"birth_date": "2007-06-02"}) with input as req
	not facts.minor({"birth_date": "2007-06-01"}) with input as req
}

# Severely disabled: grade 1–2 of any type, grade 3 only if intellectual or mental; any grade is disabled.
# The functions answer for a member of the household, by the household's sets.
test_status_severe_disability if {
	members := [
		object.union(_m("g1", 0), {"disability": {"grade": 1, "type": "visual"}}),
		object.union(_m("g3m", 0), {"disability": {"grade": 3, "type": "mental"}}),
		object.union(_m("g3h", 0), {"disability": {"grade": 3, "type": "hearing"}}),
		object.union(_m("none", 0), {"disability": null}),
		object.union(_m("g4h", 0), {"disability": {"grade": 4, "type": "hearing"}}),
	]
	req := _req(members, {})
	facts.severely_disabled_ids == {"g1", "g3m"} with input as req
	facts.disabled_ids == {"g1", "g3m", "g3h", "g4h"} with input as req
	facts.severely_disabled(members[1]) with input as req
	not facts.severely_disabled(members[2]) with input as req
	facts.disabled(members[4]) with input as req
	not facts.disabled(members[3]) with input as req
}

_acts(n_false) := {k: managed |
	some i, k in ["eating", "dressing", "getting_in_out_of_bed", "toileting", "walking_indoors", "bathing"]
	managed := i >= n_false
}

# Derived from the six activities: 0 not managed → able; 1 and 3 → partly lost; 4 → fully lost.
test_status_self_care_from_activities if {
	req := _req([_a], {})
	facts.self_care({"self_care": {"daily_activities": _acts(0)}}) == "able" with input as req
	facts.self_care({"self_care": {"daily_activities": _acts(1)}}) == "partly_lost" with input as req
	facts.self_care({"self_care": {"daily_activities": _acts(3)}}) == "partly_lost" with input as req
	facts.self_care({"self_care": {"daily_activities": _acts(4)}}) == "fully_lost" with input as req
	facts.cannot_care_for_self({"self_care": {"daily_activities": _acts(1)}}) with input as req
}

# Activities take precedence over the stated ability; without either, able.
test_status_self_care_stated if {
	req := _req([_a], {})
	facts.self_care({"self_care": {"ability": "fully_lost"}}) == "fully_lost" with input as req
	facts.self_care({"self_care": {"ability": "fully_lost", "daily_activities": _acts(0)}}) == "able" with input as req
	facts.self_care({}) == "able" with input as req
	not facts.cannot_care_for_self({"self_care": null}) with input as req
}

test_status_poverty_and_insurance if {
	members := [
		object.union(_m("unstable", 0), {"poverty_status": "tuopin_unstable"}),
		object.union(_m("edge", 0), {"poverty_status": "edge_at_risk"}),
		object.union(_m("tuopin", 0), {"poverty_status": "tuopin"}),
	]
	req := _req(members, {})
	facts.tuopin_ids == {"unstable", "tuopin"} with input as req
	facts.edge_ids == {"unstable", "edge"} with input as req
	facts.tuopin_population(members[0]) with input as req
	not facts.tuopin_population(members[1]) with input as req
	facts.edge_population(members[1]) with input as req
	facts.insured({}) == true
	facts.insured({"insurance": null}) == true
	facts.insured({"insurance": {"insured": false}}) == false
}

# ages (one comprehension over the household, the decision date read once) agrees with lib.age_on:
# on 2025-06-01 a person born 2007-06-01 is 18, born 2007-06-02 is 17, born 1960-02-29 is 65.
test_status_ages_agree_with_age_on if {
	births := {"a": "2007-06-01", "b": "2007-06-02", "c": "1960-02-29", "d": "2025-06-01", "e": "1925-12-31"}
	members := [{"id": id, "birth_date": b} | some id, b in births]
	ages := facts.ages with input as _req(members, {})
	ages == {id: data.socialaid.lib.age_on(b, "2025-06-01") | some id, b in births}
	ages == {"a": 18, "b": 17, "c": 65, "d": 0, "e": 99}
}
