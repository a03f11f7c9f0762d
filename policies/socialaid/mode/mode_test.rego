package socialaid.mode_test

import data.socialaid.mode

test_a_server_started_in_analyst_mode_allows_overrides if {
	mode.analyst with opa.runtime as {"config": {"labels": {"mode": "analyst"}}}
	mode.overrides_allowed with opa.runtime as {"config": {"labels": {"mode": "analyst"}}}
}

test_a_server_in_service_mode_refuses_them if {
	not mode.analyst with opa.runtime as {"config": {"labels": {"mode": "service"}}}
	not mode.overrides_allowed with opa.runtime as {"config": {"labels": {"mode": "service"}}}
}

test_a_server_without_a_mode_label_is_a_service if {
	not mode.overrides_allowed with opa.runtime as {"config": {"labels": {"id": "x"}}}
}

test_outside_any_server_overrides_are_allowed if {
	mode.overrides_allowed with opa.runtime as {"env": {}}
}
