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

# --- grain ---

test_clause3_grain_rural_dibao_shortage if {
	r := _run(_req("rural", [_a], {"grain_shortage": true}), true, true)
	r.programs.grain_assistance.eligible
	r.programs.grain_assistance.covered_member_ids == ["a"]
	_finding(r, "Seasonal grain assistance for rural 低保 households").outcome == "met"
}

test_clause3_grain_urban_not if {
	r := _run(_req("urban", [_a], {"grain_shortage": true}), true, true)
	not r.programs.grain_assistance.eligible
	f := _finding(r, "Seasonal grain assistance for rural 低保 households")
	f.message.en == "short of grain, but not a rural 低保 household"
}

test_clause3_grain_not_dibao if {
	r := _run(_req("rural", [_a], {"grain_shortage": true}), false, true)
	not r.programs.grain_assistance.eligible
}

test_clause3_grain_no_shortage if {
	r := _run(_req("rural", [_a], {}), true, true)
	_finding(r, "Seasonal grain assistance for rural 低保 households").outcome == "not_met"
}

# --- visiting and care: age 60 (born 1965-06-01) elderly, 59 not; 17 minor, 18 not ---

_dep(id, birth, extra) := object.union({"id": id, "birth_date": birth, "self_care": {"ability": "partly_lost"}}, extra)

test_clause3_care_elderly_60 if {
	r := _run(_req("urban", [_dep("a", "1965-06-01", {})], {}), false, true)
	r.care_referrals.a.categories == ["elderly"]
	r.programs.care_services.covered_member_ids == ["a"]
	f := _member_finding(r, "Visiting and care services", "a")
	f.message.en == "member of an assisted family, self-care partly_lost, elderly (aged 60): visiting and care services"
}

test_clause3_care_59_not if {
	r := _run(_req("urban", [_dep("a", "1965-06-02", {})], {}), false, true)
	not r.care_referrals.a
	_member_finding(r, "Cannot care for oneself — not referred", "a").message.en == "not elderly, a minor or disabled"
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
	f := _member_finding(r, "Cannot care for oneself — not referred", "a")
	f.message.en == "the family is not a 低保, 特困 or low-income family"
}

test_clause3_care_able_no_finding if {
	r := _run(_req("urban", [{"id": "a", "birth_date": "1950-01-01"}], {}), false, true)
	not r.programs.care_services.eligible
	count([f | some f in r.findings; f.program == "care_services"]) == 0
}

# --- clause 4 ---

test_clause4_agricultural_migrant if {
	r := _run(_req("urban", [_a], {"agricultural_migrant": true}), false, false)
	f := _finding(r, "Agricultural migrants assessed where they live")
	f.clause == 4
	f.outcome == "info"
}

test_clause4_resident_no_finding if {
	r := _run(_req("urban", [_a], {}), false, false)
	not _finding(r, "Agricultural migrants assessed where they live")
}
