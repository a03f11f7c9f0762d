# METADATA
# title: Findings and small shared helpers
# description: >-
#   Every finding is built from the METADATA of the rule that produces it (its title, and under custom
#   the clause number and the plan's exact words), so a decision already holds its citations.
package socialaid.lib

# finding builds a finding from the producing rule's METADATA (rego.metadata.rule()) and the
# program-specific part f: program, outcome (met | not_met | info), facts, message {zh, en} and,
# where it concerns one person, member_id.
finding(meta, f) := object.union(
	{
		"rule": meta.title,
		"clause": meta.custom.clause,
		"quote": meta.custom.quote,
		"facts": {},
	},
	object.union(_authority(meta), f),
)

_authority(meta) := {"authority": meta.custom.authority}

_authority(meta) := {} if not meta.custom.authority

# money rounds an amount in yuan to the fen (0.01), half away from zero. Amounts are rounded once,
# at the end; intermediate figures such as per-capita income keep full precision.
money(x) := round(x * 100) / 100

# fmt2 renders an amount with two decimals for messages ("808.00", "-12.50").
fmt2(x) := sprintf("%s%d.%02d", [_sign(x), floor(_cents(x) / 100), _cents(x) % 100])

_cents(x) := round(abs(x) * 100)

_sign(x) := "-" if {
	x < 0
	_cents(x) > 0
} else := ""

# age_on gives the age in whole years on a date; both are ISO dates (YYYY-MM-DD). The birthday counts
# from its own day: a person born 2008-05-01 is 18 on 2026-05-01 and 17 the day before.
age_on(birth_date, date) := years if {
	diff := to_number(substring(date, 0, 4)) - to_number(substring(birth_date, 0, 4))
	years := _birthday_adjust(diff, substring(birth_date, 5, 5), substring(date, 5, 5))
}

_birthday_adjust(diff, birth_md, date_md) := diff if birth_md <= date_md

_birthday_adjust(diff, birth_md, date_md) := diff - 1 if birth_md > date_md

# METADATA
# title: Every program carries its tier
# description: >-
#   program builds a program entry, taking its name, clause and tier from the catalog: basic living
#   assistance (低保, 特困), special assistance (medical, education, housing, employment) or emergency.
# custom:
#   clause: 2
#   quote: 建立完善以最低生活保障、特困人员救助供养为重点的基本生活救助
program(id, eligible, amount, covered, details) := {
	"program": id,
	"name": data.socialaid.catalog.programs[id].name,
	"tier": data.socialaid.catalog.programs[id].tier,
	"tier_name": data.socialaid.catalog.tiers[data.socialaid.catalog.programs[id].tier],
	"clause": data.socialaid.catalog.programs[id].clause,
	"eligible": eligible,
	"monthly_amount": money(amount),
	"covered_member_ids": covered,
	"details": details,
}
