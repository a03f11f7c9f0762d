# METADATA
# title: Social-assistance decision
# description: >-
#   The public entrypoints. `decision`: every program of the plan decided for one household on the
#   decision date, compact (eligibility, amount, members, the decisive rules with their clauses, the
#   parameters used by name and value, the facts it did not have). `explanation`: the same decision with
#   every finding met and not met and the parameters' sources. `batch`: decisions for a chunk of
#   requests, in order. A request that fails the schema, or a decision date with a parameter not in
#   force, yields errors and no programs.
# schemas:
#   - input: schema["household.schema"]
package socialaid

import data.socialaid.dibao
import data.socialaid.education
import data.socialaid.employment
import data.socialaid.housing
import data.socialaid.medical
import data.socialaid.params
import data.socialaid.price_subsidy
import data.socialaid.services
import data.socialaid.status
import data.socialaid.tekun
import data.socialaid.validation

# METADATA
# title: Decision
# entrypoint: true
decision := outcome if count(errors) > 0

decision := {
	"as_of": _as_of,
	"bundle_revision": bundle_revision,
	"hypothetical": _hypothetical,
	"errors": [],
	"programs": programs,
	"parameters": params.reported,
	"missing_facts": missing_facts,
} if {
	count(errors) == 0
}

# outcome: the header, the errors and the programs — the decision without the facts it did not have and
# the parameters it used (the batch's outcome view). Its 低保 entry also carries the household's per-capita
# counted income, the standard and the members counted (socialaid.dibao.figures), which a population
# report's distributions need, so that one view serves them.
outcome := {
	"as_of": _as_of,
	"bundle_revision": bundle_revision,
	"hypothetical": _hypothetical,
	"errors": errors,
} if count(errors) > 0

outcome := {
	"as_of": _as_of,
	"bundle_revision": bundle_revision,
	"hypothetical": _hypothetical,
	"errors": [],
	"programs": object.union(programs, {"dibao": dibao.figures}),
} if count(errors) == 0

# METADATA
# title: Explanation
# entrypoint: true
explanation := decision if count(errors) > 0

explanation := object.union(decision, {
	"programs": {name: {"details": d} | some name, d in program_details},
	"findings": [f | some f in findings],
	"parameters_in_force": params.used,
}) if count(errors) == 0

default _as_of := null

_as_of := input.as_of if is_string(input.as_of)

default _hypothetical := false

_hypothetical if {
	count(validation.errors) == 0
	params.hypothetical
}

# errors: the input's own errors first; only a well-formed request is checked for parameters in force.
errors := validation.errors if count(validation.errors) > 0

errors := [e | some e in params.errors] if count(validation.errors) == 0

# programs: one entry per program of the plan — eligibility, amount, aid in kind, members covered and the
# decisive rules. Each clause package contributes its own.
programs := object.union_n([
	dibao.programs, tekun.programs, price_subsidy.programs, medical.programs, education.programs, housing.programs, employment.programs, services.programs,
])

# program_details: each program's working (numbers, booleans, ids and codes) — for the explanation.
program_details := object.union_n([
	dibao.program_details, tekun.program_details, {k: v | some k, v in price_subsidy.program_details},
	medical.program_details, education.program_details, housing.program_details,
	employment.program_details, services.program_details,
])

# missing_facts: every fact a package needed and did not have, with what it did without it.
missing_facts := sort(_missing)

_missing := union({
	status.missing_facts, dibao.missing_facts, tekun.missing_facts, price_subsidy.missing_facts,
	medical.missing_facts, education.missing_facts, housing.missing_facts, employment.missing_facts,
	services.missing_facts,
})

# findings: every finding of every package — evaluated only for the explanation.
findings := union({
	status.findings, dibao.findings, tekun.findings, {f | some f in price_subsidy.findings},
	medical.findings, education.findings, housing.findings, employment.findings, services.findings,
})

default bundle_revision := "unbundled"

bundle_revision := rev if {
	some bundle in data.system.bundles
	"socialaid" in bundle.manifest.roots
	rev := bundle.manifest.revision
}
