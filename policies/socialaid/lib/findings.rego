# METADATA
# title: Findings and small shared helpers
# description: >-
#   Every finding is built from the METADATA of the rule that produces it (its id, clause and basis);
#   the words about the rule stay in that METADATA and reach people through the bundle's rule registry.
package socialaid.lib

# household_finding and member_finding build an explanation finding from the producing rule's METADATA:
# its stable id, clause and basis (plan | national | reading), and the values compared. Words (titles,
# quotes, message templates) stay in the METADATA; the Python layer joins them by id. Findings are
# evaluated only by data.socialaid.explanation, never on the decision path.
household_finding(meta, program, outcome, values) := {
	"rule": meta.custom.id,
	"clause": meta.custom.clause,
	"basis": meta.custom.basis,
	"program": program,
	"outcome": outcome,
	"values": values,
}

member_finding(meta, program, outcome, member_id, values) := {
	"rule": meta.custom.id,
	"clause": meta.custom.clause,
	"basis": meta.custom.basis,
	"program": program,
	"outcome": outcome,
	"member_id": member_id,
	"values": values,
}

# outcome maps a test's truth to a finding outcome.
outcome(true) := "met"

outcome(false) := "not_met"

# rule_ref is a decisive rule's reference as the rule registry (built from METADATA at bundle stage)
# gives it: for tests, which compare it with the literal references the decision path builds (a literal
# costs a third of the allocations of this lookup; decision_test checks every clause against it).
rule_ref(id, outcome) := {"rule": id, "clause": data.socialaid.rules[id].clause, "outcome": outcome}

# money rounds an amount in yuan to the fen (0.01), half away from zero. Amounts are rounded once,
# at the end; intermediate figures such as per-capita income keep full precision. A product that is a
# half fen in decimals may come out a hair below it in binary (705 × 0.065 = 45.825 is 45.824999…): a
# millionth of a fen toward the sign puts it back on the half, so it rounds as the decimal does (45.83).
# A whole number of yuan (0 for most programs) is returned as it is: OPA's integer arithmetic is exact
# and nearly free, while each decimal operation costs some 40 allocations.
money(x) := x if {
	floor(x) == x
} else := round((x * 100) + 0.000001) / 100 if {
	x >= 0
} else := round((x * 100) - 0.000001) / 100

# age_on gives the age in whole years on a date; both are ISO dates (YYYY-MM-DD). The birthday counts
# from its own day: a person born 2008-05-01 is 18 on 2026-05-01 and 17 the day before.
age_on(birth_date, date) := age_at(to_number(substring(date, 0, 4)), substring(date, 5, 5), birth_date)

# age_at is age_on with the date already split into its year (a number) and month-day ("MM-DD"), for a
# caller that ages every member against the same date (socialaid.facts.ages).
age_at(year, month_day, birth_date) := (year - to_number(substring(birth_date, 0, 4))) - 1 if {
	substring(birth_date, 5, 5) > month_day
} else := year - to_number(substring(birth_date, 0, 4))

# METADATA
# title: Every program carries its tier
# description: >-
#   Each program's tier (basic living, special or emergency assistance) is in the catalog; every compact
#   program entry names it beside its clause (decision_test checks each against the catalog).
# custom:
#   id: lib.program_tier
#   clause: 2
#   basis: plan
#   title_zh: 每个项目注明其所属救助层次
#   quote: "建立完善以最低生活保障、特困人员救助供养为重点的基本生活救助；以医疗救助、教育救助、住房救助、就业救助、\
#     受灾人员救助等为支撑的专项社会救助；以急难救助和社会力量参与为补充的多层次救助体系"
program_tier[id] := program.tier if some id, program in data.socialaid.catalog.programs
