package socialaid.catalog_test

import data.socialaid

# Every code of aid in kind that clauses 3, 7–10 can give is named in the catalog, in both languages.
# The households below give each code at least once (checked by the count).
_rural := {
	"as_of": "2025-06-01",
	"household": {
		"area": "rural", "assets_test_met": true, "grain_shortage": true,
		"housing": {"difficulty_meets_local_standard": true, "dangerous_house": true},
		"current_benefits": {"dibao": {"receiving": true}},
		"members": [
			{
				"id": "a", "birth_date": "1950-01-01", "self_care": {"ability": "fully_lost"},
				"medical_episodes": [{"date": "2025-05-01", "compliant_self_paid": 4000.01}],
			},
			{"id": "b", "birth_date": "2019-01-01", "education": {"enrolled": true, "stage": "preschool"}},
			{"id": "c", "birth_date": "2010-01-01", "education": {"enrolled": true, "stage": "compulsory"}},
			{"id": "d", "birth_date": "2008-01-01", "education": {"enrolled": true, "stage": "senior_secondary"}},
			{"id": "e", "birth_date": "2004-01-01", "education": {"enrolled": true, "stage": "higher"}},
			{
				"id": "f", "birth_date": "2015-01-01", "disability": {"grade": 2, "type": "intellectual"},
				"education": {"cannot_attend_due_to_disability": true},
			},
			{
				"id": "g", "birth_date": "1990-01-01", "poverty_status": "tuopin", "insurance": {"insured": false},
				"employment": {
					"status": "unemployed", "able_to_work": true, "willing_to_work": true,
					"registered_unemployed": true, "wants_to_start_business": true,
					"employment_difficult": true, "market_placement_failed": true,
				},
			},
		],
	},
}

_urban := json.patch(_rural, [{"op": "replace", "path": "/household/area", "value": "urban"}])

_codes contains code if {
	some req in [_rural, _urban]
	d := socialaid.decision with input as req
	some p in d.programs
	some code in p.in_kind
}

_mine := {
	"grain", "care_visits", "medical_dynamic_enrollment", "medical_insurance_check", "medical_referral",
	"education_care_living_costs", "education_living_subsidy", "tuition_waiver", "national_grant",
	"work_study_post", "special_education_placement", "housing_waiting_list_priority",
	"public_rental_housing", "rent_subsidy", "dangerous_house_renovation_priority",
	"public_employment_services", "startup_guaranteed_loan", "startup_subsidy_once", "employment_aid",
	"public_welfare_post", "zero_employment_placement",
}

test_clause2_every_in_kind_code_is_named_in_the_catalog if {
	count(_mine - _codes) == 0
	every code in _codes {
		data.socialaid.catalog.aid[code].zh != ""
		data.socialaid.catalog.aid[code].en != ""
	}
}
