# METADATA
# title: Clause 5 — price subsidy (价格临时补贴)
# description: >-
#   做好社会救助和保障标准与物价上涨挂钩联动工作，按规定核算保障对象价格临时补贴标准并及时发放. Every covered
#   person of 低保 (clause 5) and of 特困 support (clause 6) is a 保障对象. When the month's CPI rise or
#   food-price rise reaches its trigger (a dated parameter), each gets the 低保 standard of the household's
#   area × the rise of the index that triggered; when both trigger, the higher result is paid. Reported as
#   its own program, beside the monthly amounts and never added into them.
# schemas:
#   - input: schema["household.schema"]
package socialaid.price_subsidy

import data.socialaid.facts
import data.socialaid.lib
import data.socialaid.params
import data.socialaid.status

_p := params.p.dibao

# _price_given: a helper, so that "not _price_given" holds when the request has no price_index.
_price_given if is_object(input.price_index)

# --- who: every covered person of 低保 and of 特困 support ---

dibao_ids := status.dibao_covered_ids

tekun_ids := status.tekun_supported_ids

persons := sort([id | some id in (dibao_ids | tekun_ids)])

person_count := count(persons)

# --- the trigger ---

default triggered_cpi := false

triggered_cpi if input.price_index.cpi_rise >= _p.price_trigger_cpi

default triggered_food := false

triggered_food if input.price_index.food_cpi_rise >= _p.price_trigger_food_cpi

default triggered := false

triggered if triggered_cpi

triggered if triggered_food

# index: the index whose rise is paid — the one that triggered, or the higher when both did (CPI on a tie).
index := "cpi" if {
	triggered_cpi
	not triggered_food
}

index := "food_cpi" if {
	triggered_food
	not triggered_cpi
}

index := "cpi" if {
	triggered_cpi
	triggered_food
	input.price_index.cpi_rise >= input.price_index.food_cpi_rise
}

index := "food_cpi" if {
	triggered_cpi
	triggered_food
	input.price_index.food_cpi_rise > input.price_index.cpi_rise
}

rise := input.price_index.cpi_rise if index == "cpi"

rise := input.price_index.food_cpi_rise if index == "food_cpi"

# per_person: the 低保 standard of the household's area × the rise, rounded to the fen (what a person
# actually receives); total: that paid amount × the persons.
default per_person := 0

per_person := lib.money(facts.standard * rise) if triggered

total := per_person * person_count

default eligible := false

eligible if {
	triggered
	person_count > 0
}

# --- the program ---

programs := {"price_subsidy": _entry}

# _entry: a request without the month's price index decides nothing here (no rule; missing_facts names the
# index when someone would be covered), and nothing else is looked at. Only a request with the index has
# its entry worked out.
_entry := {
	"clause": 5,
	"tier": "basic_living",
	"eligible": false,
	"monthly_amount": 0,
	"in_kind": [],
	"covered_member_ids": [],
	"rules": [],
} if {
	not _price_given
} else := {
	"clause": 5,
	"tier": "basic_living",
	"eligible": eligible,
	"monthly_amount": lib.money(total),
	"in_kind": [],
	"covered_member_ids": _covered,
	"rules": decisive_rules,
}

program_details["price_subsidy"] := details

default _covered := []

_covered := persons if eligible

decisive_rules := _met_rules if eligible

else := [{"rule": "price_subsidy.trigger", "clause": 5, "outcome": "not_met"}] if {
	_price_given
	not triggered
}

else := [{"rule": "price_subsidy.covered_persons", "clause": 5, "outcome": "not_met"}] if {
	triggered
	person_count == 0
}

_met_rules := [
	{"rule": "price_subsidy.trigger", "clause": 5, "outcome": "met"},
	{"rule": "price_subsidy.amount", "clause": 5, "outcome": "met"},
]

details := {"assessed": false} if not _price_given

details := {
	"assessed": true,
	"month": input.price_index.month,
	"cpi_rise": input.price_index.cpi_rise,
	"food_cpi_rise": input.price_index.food_cpi_rise,
	"triggered": false,
} if {
	_price_given
	not triggered
}

details := {
	"assessed": true,
	"month": input.price_index.month,
	"cpi_rise": input.price_index.cpi_rise,
	"food_cpi_rise": input.price_index.food_cpi_rise,
	"triggered": true,
	"index": index,
	"rise": rise,
	"standard": lib.money(facts.standard),
	"per_person": per_person,
	"persons": person_count,
} if triggered

# --- facts the decision did not have ---

# No price index for the month: the subsidy is not assessed (named only when someone is covered).
missing_facts contains {
	"pointer": "/price_index",
	"program": "price_subsidy",
	"rule": "price_subsidy.trigger",
	"assumption": "not_assessed",
} if {
	not _price_given
	person_count > 0
}

# --- findings (explanation only) ---

# METADATA
# title: Price subsidy trigger
# description: >-
#   The linkage mechanism starts when the month's CPI rises year on year by the CPI trigger or more, or
#   the food-price index by the food trigger or more (both dated parameters). The plan only refers to
#   the linkage work; the trigger is the national mechanism's.
# custom:
#   id: price_subsidy.trigger
#   clause: 5
#   basis: national
#   title_zh: 价格补贴联动机制启动条件
#   national:
#     document: 关于进一步健全社会救助和保障标准与物价上涨挂钩联动机制的通知（发改价格规〔2021〕1553号）
#     article: 启动条件
#   message:
#     met:
#       zh: CPI涨幅{cpi_rise}（启动条件{trigger_cpi}）或食品价格涨幅{food_cpi_rise}（启动条件{trigger_food_cpi}）达到启动条件
#       en: CPI rise {cpi_rise} (trigger {trigger_cpi}) or food rise {food_cpi_rise} ({trigger_food_cpi}) triggers
#     not_met:
#       zh: CPI涨幅{cpi_rise}低于{trigger_cpi}，食品价格涨幅{food_cpi_rise}低于{trigger_food_cpi}，未启动
#       en: CPI rise {cpi_rise} is below {trigger_cpi} and food rise {food_cpi_rise} below {trigger_food_cpi}
findings contains lib.household_finding(rego.metadata.rule(), "price_subsidy", lib.outcome(triggered), {
	"cpi_rise": input.price_index.cpi_rise,
	"food_cpi_rise": input.price_index.food_cpi_rise,
	"trigger_cpi": _p.price_trigger_cpi,
	"trigger_food_cpi": _p.price_trigger_food_cpi,
}) if _price_given

# METADATA
# title: Price subsidy — who is covered
# description: Every covered person of 低保 and of 特困 support is a 保障对象 of the price subsidy.
# custom:
#   id: price_subsidy.covered_persons
#   clause: 5
#   basis: reading
#   title_zh: 价格临时补贴保障对象
#   reading: Clause 5 — price subsidy ("保障对象" are every covered person of 低保 and of 特困 support)
#   reading_zh: 第5条——价格临时补贴（“保障对象”为低保和特困供养的全部保障人员）
#   message:
#     met:
#       zh: >-
#         低保对象{dibao_persons}人、特困人员{tekun_persons}人，共{persons}人（只计本方案的低保和特困；国家联动机制
#         发改价格规〔2021〕1553号还覆盖孤儿等其他群体，不在此计）
#       en: >-
#         {dibao_persons} 低保 and {tekun_persons} 特困 persons, {persons} in all (this plan's programs only; the
#         national mechanism, 发改价格规〔2021〕1553号, also covers groups such as orphans, not counted here)
#     not_met:
#       zh: 无低保对象或特困人员（只计本方案的低保和特困）
#       en: no covered person of 低保 or 特困 support (this plan's programs only)
findings contains lib.household_finding(rego.metadata.rule(), "price_subsidy", lib.outcome(person_count > 0), {
	"dibao_persons": count(dibao_ids),
	"tekun_persons": count(tekun_ids),
	"persons": person_count,
}) if triggered

# METADATA
# title: Price subsidy — amount
# description: >-
#   Each covered person gets the 低保 standard of the area × the rise of the index that triggered (the
#   higher when both did), rounded to the fen; beside the monthly amounts, not added into them.
# custom:
#   id: price_subsidy.amount
#   clause: 5
#   basis: reading
#   title_zh: 价格临时补贴标准
#   reading: Clause 5 — price subsidy (standard × the rise that triggered; the higher when both trigger)
#   reading_zh: 第5条——价格临时补贴（低保标准 × 触发的价格指数涨幅；两项均触发的，取较高者）
#   message:
#     met:
#       zh: '{standard} × {rise} = {per_person}元/人，{persons}人，共{total}元'
#       en: '{standard} × {rise} = {per_person} a person, {persons} persons, {total} in all'
findings contains lib.household_finding(rego.metadata.rule(), "price_subsidy", "met", {
	"index": index,
	"standard": lib.money(facts.standard),
	"rise": rise,
	"per_person": per_person,
	"persons": person_count,
	"total": lib.money(total),
}) if eligible
