# METADATA
# title: Social-assistance decision
# description: >-
#   The one entrypoint: every program of the plan decided for the household on the decision date, with
#   the findings that justify it and the parameters used. A request that fails the schema, or a
#   decision date with a parameter not in force, yields errors and no outcome at all.
# schemas:
#   - input: schema["household.schema"]
package socialaid

import data.socialaid.dibao
import data.socialaid.education
import data.socialaid.employment
import data.socialaid.housing
import data.socialaid.medical
import data.socialaid.params
import data.socialaid.services
import data.socialaid.status
import data.socialaid.tekun
import data.socialaid.validation

# METADATA
# title: Decision
# entrypoint: true
decision := object.union(_header, {"errors": errors}) if count(errors) > 0

decision := object.union(_header, {
	"errors": [],
	"programs": programs,
	"findings": [f | some f in findings],
	"parameters": params.used,
	"clauses": cited_clauses,
}) if count(errors) == 0

_header := {
	"as_of": _as_of,
	"bundle_revision": bundle_revision,
	"hypothetical": _hypothetical,
}

default _as_of := null

_as_of := input.as_of

default _hypothetical := false

_hypothetical if {
	count(validation.errors) == 0
	params.hypothetical
}

# errors: the input's own errors first; only a well-formed request is checked for parameters in force.
errors := validation.errors if count(validation.errors) > 0

errors := [e | some e in params.errors] if count(validation.errors) == 0

# programs: one entry per program of the plan. Each clause package contributes its own.
programs := object.union_n([
	dibao.programs, tekun.programs,
	medical.programs, education.programs, housing.programs, employment.programs, services.programs,
])

findings := (dibao.findings | tekun.findings) | _special_findings

# clauses 3, 4 and 7–10, and the shared status they rely on.
_special_findings := union({
	status.findings, medical.findings, education.findings,
	housing.findings, employment.findings, services.findings,
})

# cited_clauses: number and titles of every clause a finding cites, so a caller can render citations
# without its own copy of the plan.
cited_clauses[key] := {"number": n, "title": data.socialaid.plan.clauses[key].title} if {
	some f in findings
	n := f.clause
	key := format_int(n, 10)
}

default bundle_revision := "unbundled"

bundle_revision := rev if {
	some bundle in data.system.bundles
	"socialaid" in bundle.manifest.roots
	rev := bundle.manifest.revision
}
