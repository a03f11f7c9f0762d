# Clause 5 — findings, evaluated only for the explanation: every outcome of clause 5, and every reason
# a household or member is not covered, as a finding that names its rule id (the words are in each
# rule's annotations) and states the numbers compared. (The package annotations are in dibao.rego.)
package socialaid.dibao

import data.socialaid.lib

# METADATA
# title: 低保 standard in force
# description: The provincial standard for the household's area on the decision date (rural, annual / 12).
# custom:
#   id: dibao.standard
#   clause: 5
#   basis: plan
#   title_zh: 适用的低保标准
#   quote: 执行省级统一规定的最低生活保障标准
#   message:
#     info:
#       zh: 低保标准为每月{standard}元
#       en: the 低保 standard is {standard} yuan a month
findings contains lib.household_finding(rego.metadata.rule(), "dibao", "info", {"standard": lib.money(standard)})

# METADATA
# title: Rigid expenditure deducted
# description: Each rigid expenditure is deducted up to its verifiable maximum, min(amount, cap).
# custom:
#   id: dibao.rigid_deduction
#   clause: 5
#   basis: plan
#   title_zh: 刚性支出扣减
#   quote: 在核算家庭收入时予以适当扣减，但不得超过可查证的最高数额
#   message:
#     info:
#       zh: 刚性支出{monthly_amount}元，可查证最高数额{verified_cap}元，扣减{deducted}元
#       en: expenditure {monthly_amount}, verifiable maximum {verified_cap}, deducted {deducted}
findings contains lib.member_finding(rego.metadata.rule(), "dibao", "info", e.member_id, {
	"kind": e.kind,
	"monthly_amount": lib.money(e.monthly_amount),
	"verified_cap": lib.money(e.verified_cap),
	"deducted": lib.money(deduction(e)),
}) if {
	some e in _rigid
	e.member_id in _member_ids
}

# METADATA
# title: Counted income
# description: Income minus the capped rigid expenditure, never below zero.
# custom:
#   id: dibao.counted_income
#   clause: 5
#   basis: plan
#   title_zh: 核算收入
#   quote: 在家庭收入核算中对家庭刚性支出适当扣减
#   message:
#     info:
#       zh: 核算收入 = max(0, {gross_income} − {deductions}) = {counted_income}元
#       en: counted income = max(0, {gross_income} − {deductions}) = {counted_income}
findings contains lib.household_finding(rego.metadata.rule(), "dibao", "info", {
	"gross_income": lib.money(gross_income),
	"deductions": lib.money(deductions),
	"counted_income": lib.money(counted_income),
})

# METADATA
# title: Member supported as 特困 is not paid 低保
# description: >-
#   A member supported as 特困 under clause 6 is not also paid 低保, and is left out of the 低保 household:
#   its size and per-capita income count the other members only. No plan sentence and no national article
#   verified here says this in words; it is the project's reading of the link between the two schemes
#   (社会救助暂行办法 第十五条第三款 "相衔接"; 43号 第二十七条, which moves a person to 低保 only after 特困
#   support ends).
# custom:
#   id: dibao.tekun_excluded
#   clause: 5
#   basis: reading
#   reading: >-
#     Clause 5 — members supported as 特困 are not paid 低保 as well and are left out of the 低保 household
#     (社会救助暂行办法 第十五条第三款; 43号 第二十七条)
#   reading_zh: 第5条——已纳入特困人员救助供养的成员不再享受低保，也不计入低保家庭（社会救助暂行办法第十五条第三款；43号第二十七条）
#   title_zh: 特困人员不再享受低保，不计入低保家庭（本项目的解读）
#   message:
#     not_met:
#       zh: 该成员已纳入特困人员救助供养，按本项目对两项制度衔接的解读，不再计入低保家庭
#       en: >-
#         this member is supported as 特困 and, as the project reads the link between the two schemes, is not
#         counted in the 低保 household
findings contains lib.member_finding(rego.metadata.rule(), "dibao", "not_met", id, {"tekun_supported": true}) if {
	some id in tekun_excluded_ids
}

# METADATA
# title: No member left to assess
# description: >-
#   Every member is supported as 特困 and, as the project reads the link between the two schemes, left out
#   of the 低保 household, so no one is left to assess for 低保.
# custom:
#   id: dibao.no_member_left
#   clause: 5
#   basis: reading
#   reading: >-
#     Clause 5 — members supported as 特困 are not paid 低保 as well and are left out of the 低保 household
#     (社会救助暂行办法 第十五条第三款; 43号 第二十七条)
#   reading_zh: 第5条——已纳入特困人员救助供养的成员不再享受低保，也不计入低保家庭（社会救助暂行办法第十五条第三款；43号第二十七条）
#   title_zh: 家庭成员均已纳入特困供养（本项目的解读）
#   message:
#     not_met:
#       zh: 家庭成员均已纳入特困供养，无低保家庭成员
#       en: every member is supported as 特困; no member is left to assess for 低保
findings contains lib.household_finding(rego.metadata.rule(), "dibao", "not_met", {"members": 0}) if no_member_left

# METADATA
# title: Per-capita income below the standard
# description: >-
#   Eligible only when the counted income per member is strictly below the standard. The plan gives the
#   benefit as the gap to the standard; READING.md reads eligibility from it.
# custom:
#   id: dibao.income_test
#   clause: 5
#   basis: reading
#   title_zh: 家庭人均收入低于低保标准
#   reading: Clause 5 — 低保 (eligible when per-capita income is below the standard)
#   reading_zh: 第5条——低保（家庭人均收入低于低保标准的，符合低保条件）
#   message:
#     met:
#       zh: 家庭人均收入{per_capita_income}元低于低保标准{standard}元
#       en: per-capita income {per_capita_income} is below the standard {standard}
#     not_met:
#       zh: 家庭人均收入{per_capita_income}元不低于低保标准{standard}元
#       en: per-capita income {per_capita_income} is not below the standard {standard}
findings contains lib.household_finding(rego.metadata.rule(), "dibao", lib.outcome(income_test_met), {
	"counted_income": lib.money(counted_income),
	"members": member_count,
	"per_capita_income": lib.money(per_capita_income),
	"standard": lib.money(standard),
}) if member_count > 0

# METADATA
# title: Asset test (asserted by the caller)
# description: >-
#   Asset limits are set locally and not published; the caller asserts the test is met. The plan never
#   mentions assets; READING.md requires the caller's assertion.
# custom:
#   id: dibao.assets_test
#   clause: 5
#   basis: reading
#   title_zh: 家庭财产状况符合规定（申请方确认）
#   reading: Clause 5 — 低保 (the caller asserts the asset test is met)
#   reading_zh: 第5条——低保（家庭财产状况由申请方确认符合规定）
#   message:
#     met:
#       zh: 申请方确认家庭财产状况符合规定
#       en: the caller asserts the asset test is met
#     not_met:
#       zh: 家庭财产状况不符合规定
#       en: the asset test is not met
findings contains lib.household_finding(
	rego.metadata.rule(), "dibao", lib.outcome(assets_test_met),
	{"assets_test_met": assets_test_met},
)

# METADATA
# title: Basic benefit
# description: (standard − per-capita income) × members, per month, rounded to the fen.
# custom:
#   id: dibao.basic_benefit
#   clause: 5
#   basis: plan
#   title_zh: 基本保障金
#   quote: 低保金核算根据家庭共同生活成员人均收入与当地低保标准实际差额确定基本保障金
#   message:
#     met:
#       zh: 基本保障金 =（{standard} − {per_capita_income}）× {members} = {basic_benefit}元/月
#       en: basic benefit = ({standard} − {per_capita_income}) × {members} = {basic_benefit} a month
findings contains lib.household_finding(rego.metadata.rule(), "dibao", "met", {
	"standard": lib.money(standard),
	"per_capita_income": lib.money(per_capita_income),
	"members": member_count,
	"basic_benefit": lib.money(basic_benefit),
}) if eligible

# METADATA
# title: Classified supplement
# description: >-
#   Highest single rate of the member's categories × the standard (就高不就低、不累加), 10 %–30 %.
# custom:
#   id: dibao.classified_supplement
#   clause: 5
#   basis: plan
#   title_zh: 分类施保增发补助金
#   quote: >-
#     对低保家庭中的重度残疾人员、重病患者、老年人、在校学生、单亲家庭成员等特殊困难对象按当地低保标准的10%-30%增发补助金，符合多重困难身份的对象核算增发补助金实行“就高不就低、不累加”的原则
#   message:
#     met:
#       zh: 就高按{rate}计发：{standard} × {rate} = {supplement}元/月
#       en: highest rate {rate}, supplement {standard} × {rate} = {supplement} a month
#     not_met:
#       zh: 不属于分类施保对象
#       en: in no supplement category
findings contains lib.member_finding(rego.metadata.rule(), "dibao", "met", m.id, {
	"categories": member_categories(m),
	"rate": member_rate[m.id],
	"standard": lib.money(standard),
	"supplement": lib.money(supplements[m.id]),
}) if {
	eligible
	some m in members
	supplements[m.id]
}

# METADATA
# title: Classified supplement
# description: A member of an eligible household in no category gets no supplement.
# custom:
#   id: dibao.classified_supplement
#   clause: 5
#   basis: plan
#   title_zh: 分类施保增发补助金
#   quote: >-
#     对低保家庭中的重度残疾人员、重病患者、老年人、在校学生、单亲家庭成员等特殊困难对象按当地低保标准的10%-30%增发补助金
findings contains lib.member_finding(rego.metadata.rule(), "dibao", "not_met", m.id, {"categories": []}) if {
	eligible
	some m in members
	member_rate[m.id] == 0
}

# METADATA
# title: Single-person route — household group
# description: >-
#   The route is open to a household not eligible as a whole that is a 脱贫不稳定 / 边缘易致贫 household
#   or a low-income household: per-capita counted income at or below 150 % of the standard ("150%以内"
#   includes the line) and, as READING.md adds, the caller asserts the low-income-family asset rule.
#   values.decided_by names the condition that decided: edge or low_income (open); income (over the
#   low-income line, not edge) or low_income_assets (within the line, the asset rule not asserted, not edge).
# custom:
#   id: dibao.route_household_group
#   clause: 5
#   basis: plan
#   title_zh: 参照“单人户”：整户不符合低保条件的脱贫不稳定、边缘易致贫或低收入家庭
#   quote: 对整户不符合低保条件的脱贫不稳定人口、边缘易致贫人口以及人均收入在当地低保标准150%以内的低收入家庭
#   message:
#     met:
#       zh: >-
#         人均收入{per_capita_income}元（低收入线{low_income_line}元，低收入家庭财产条件：{low_income_assets_met}）
#         或属脱贫不稳定、边缘易致贫户（{edge_population}）：可参照“单人户”
#       en: >-
#         per-capita income {per_capita_income} (low-income line {low_income_line}, asset rule asserted:
#         {low_income_assets_met}) or an edge household ({edge_population}) — route open
#     met.edge:
#       zh: 家庭有脱贫不稳定、边缘易致贫成员，整户不符合低保条件：可参照“单人户”
#       en: >-
#         a member not yet stably out of poverty or at risk of it makes an edge household, not eligible as a
#         whole — route open
#     met.low_income:
#       zh: >-
#         人均收入{per_capita_income}元未超过低收入线{low_income_line}元，申请方确认低收入家庭财产状况符合规定：可参照“单人户”
#       en: >-
#         per-capita income {per_capita_income} is not over the low-income line {low_income_line} and the
#         caller asserts the low-income asset rule — route open
#     not_met:
#       zh: >-
#         人均收入{per_capita_income}元（低收入线{low_income_line}元，低收入家庭财产条件：{low_income_assets_met}），
#         且不属脱贫不稳定、边缘易致贫户
#       en: >-
#         per-capita income {per_capita_income} (low-income line {low_income_line}, asset rule asserted:
#         {low_income_assets_met}); not an edge household
#     not_met.income:
#       zh: 人均收入{per_capita_income}元超过低收入线{low_income_line}元，且无脱贫不稳定、边缘易致贫成员
#       en: per-capita income {per_capita_income} is over the low-income line {low_income_line}; no edge member
#     not_met.low_income_assets:
#       zh: >-
#         人均收入{per_capita_income}元未超过低收入线{low_income_line}元，但申请方未确认低收入家庭财产状况符合规定，且无脱贫不稳定、边缘易致贫成员
#       en: >-
#         per-capita income {per_capita_income} is not over the low-income line {low_income_line}, but the
#         caller does not assert the low-income asset rule; no edge member
findings contains lib.household_finding(rego.metadata.rule(), "dibao", lib.outcome(route_applies), {
	"per_capita_income": lib.money(per_capita_income),
	"low_income_line": lib.money(low_income_line),
	"low_income": low_income,
	"low_income_assets_met": low_income_assets_met,
	"edge_population": edge_population,
	"decided_by": _route_decided_by,
}) if {
	not eligible
	not in_grace
	member_count > 0
}

# _route_decided_by: the condition that decided the route's household group, for the finding's words
# (the finding is only made for a household not eligible as a whole, not in grace, with members).
_route_decided_by := "edge" if {
	edge_population
} else := "low_income" if {
	route_applies
} else := "income" if {
	not low_income
} else := "low_income_assets"

# METADATA
# title: Single-person route — member in the route's group
# description: >-
#   The route is for members who are severely disabled or seriously ill, live on the family's support
#   and cannot register a separate household.
# custom:
#   id: dibao.route_member_group
#   clause: 5
#   basis: plan
#   title_zh: 靠家庭供养且无法单独立户的重度残疾人和重病患者
#   quote: 靠家庭供养且无法单独立户的重度残疾人和重病患者，参照“单人户”纳入低保保障
findings contains lib.member_finding(rego.metadata.rule(), "dibao", lib.outcome(m.id in route_candidates), m.id, {
	"severely_disabled_or_seriously_ill": _route_need_b(m),
	"lives_on_family_support": object.get(m, "lives_on_family_support", false),
	"can_register_separately": object.get(m, "can_register_separately", false),
}) if {
	route_applies
	some m in members
}

_route_need_b(m) if _route_need(m)

else := false

# METADATA
# title: Single-person route — the member's own means
# description: >-
#   A route member is assessed as a one-person 低保 household: covered only when the member's own counted
#   income is below the standard and the caller asserts the member meets the 低保 asset rule.
# custom:
#   id: dibao.route_member_means
#   clause: 5
#   basis: reading
#   title_zh: 单人户：本人收入低于低保标准且财产符合规定
#   reading: Clause 5 — single-person household route (assessed alone as a one-person 低保 household)
#   reading_zh: 第5条——参照“单人户”（按单人低保家庭单独核定）
#   message:
#     met:
#       zh: 本人核算收入{own_counted_income}元低于低保标准{standard}元，申请方确认本人财产符合低保规定
#       en: own counted income {own_counted_income} is below {standard}; the caller asserts the asset rule
#     not_met:
#       zh: 本人核算收入{own_counted_income}元（低保标准{standard}元）或财产条件未满足
#       en: own counted income {own_counted_income} (standard {standard}) or the asset rule is not met
#     not_met.income:
#       zh: 本人核算收入{own_counted_income}元不低于低保标准{standard}元
#       en: own counted income {own_counted_income} is not below the standard {standard}
#     not_met.assets:
#       zh: 本人核算收入{own_counted_income}元低于低保标准{standard}元，但申请方未确认本人财产符合低保规定
#       en: >-
#         own counted income {own_counted_income} is below the standard {standard}, but the caller does not
#         assert the member meets the asset rule
#     not_met.income_and_assets:
#       zh: 本人核算收入{own_counted_income}元不低于低保标准{standard}元，申请方也未确认本人财产符合低保规定
#       en: >-
#         own counted income {own_counted_income} is not below the standard {standard}, nor does the caller
#         assert the member meets the asset rule
findings contains lib.member_finding(rego.metadata.rule(), "dibao", lib.outcome(_route_means(id)), id, {
	"own_counted_income": lib.money(own_counted_income[id]),
	"standard": lib.money(standard),
	"income_below_standard": route_income_met[id],
	"assets_test_met": route_assets_met[id],
	"decided_by": _route_means_decided_by(id),
}) if {
	route_applies
	some id in route_candidates
}

# _route_means_decided_by: which of the member's own means decided the route (for the finding's words).
_route_means_decided_by(id) := "means" if {
	_route_means(id)
} else := "assets" if {
	route_income_met[id]
} else := "income" if {
	route_assets_met[id]
} else := "income_and_assets"

_route_means(id) if {
	route_income_met[id]
	route_assets_met[id]
}

else := false

# METADATA
# title: Single-person route — amount
# description: >-
#   A member covered alone as a one-person 低保 household: standard − own counted income, plus the
#   member's classified supplement (highest rate × standard).
# custom:
#   id: dibao.route_member_amount
#   clause: 5
#   basis: reading
#   title_zh: 单人户保障金
#   reading: Clause 5 — single-person household route (benefit = standard − own counted income + supplement)
#   reading_zh: 第5条——参照“单人户”（保障金 = 低保标准 − 本人核算收入 + 本人分类施保增发补助金）
#   message:
#     met:
#       zh: （{standard} − {own_counted_income}）+ {standard} × {supplement_rate} = {amount}元/月
#       en: ({standard} − {own_counted_income}) + {standard} × {supplement_rate} = {amount} a month
findings contains lib.member_finding(rego.metadata.rule(), "dibao", "met", id, {
	"standard": lib.money(standard),
	"own_counted_income": lib.money(own_counted_income[id]),
	"basic": lib.money(route_basic[id]),
	"supplement_rate": member_rate[id],
	"amount": lib.money(a),
}) if {
	some id, a in route_amounts
}

# METADATA
# title: Grace period (缓退)
# description: >-
#   A household receiving 低保 whose per-capita income is no longer below the standard because a member
#   found work or started a business keeps its current benefit for N months (a parameter by situation),
#   counting the month the income rose as month 1 and ending on the last day of month N.
# custom:
#   id: dibao.grace_period
#   clause: 5
#   basis: plan
#   title_zh: 低保缓退
#   quote: 对低保家庭成员就业创业后家庭人均收入超过低保标准的，按规定分别给予3-12个月的缓退期
#   message:
#     met:
#       zh: 缓退期{months}个月（{start}至{end}），仍在缓退期内，保留现低保金{current_amount}元/月
#       en: grace period of {months} months ({start} to {end}) still running; current benefit {current_amount} kept
#     not_met:
#       zh: 缓退期{months}个月已于{end}届满，退出低保
#       en: the grace period of {months} months ended on {end}; the benefit ends
findings contains lib.household_finding(rego.metadata.rule(), "dibao", lib.outcome(in_grace), {
	"cause": cause,
	"months": grace_months[cause],
	"start": grace_start,
	"end": grace_end,
	"current_amount": lib.money(_current_amount),
}) if grace_candidate

# METADATA
# title: No grace period
# description: >-
#   A rise in income not caused by a member finding work or starting a business (or with no month
#   given) ends the benefit at the review, without a grace period.
# custom:
#   id: dibao.no_grace
#   clause: 5
#   basis: reading
#   title_zh: 不适用缓退
#   reading: Clause 5 — grace period (other rises in income end the benefit at the next review)
#   reading_zh: 第5条——缓退（其他原因引起的收入增加，在下次复核时退出低保）
#   message:
#     not_met:
#       zh: 人均收入{per_capita_income}元不低于低保标准{standard}元，收入增加不是因成员就业或创业，不适用缓退
#       en: per-capita income {per_capita_income} is not below {standard}; the rise is not from work or business
findings contains lib.household_finding(rego.metadata.rule(), "dibao", "not_met", {
	"per_capita_income": lib.money(per_capita_income),
	"standard": lib.money(standard),
}) if no_grace

# METADATA
# title: Dynamic management
# description: >-
#   The change from the household's current 低保: enter, keep, change (with the difference), grace or
#   exit; "none" when not receiving and still not covered.
# custom:
#   id: dibao.management
#   clause: 5
#   basis: plan
#   title_zh: 低保动态管理
#   quote: 低保对象按月实施动态进退，确保应保尽保、应退则退
#   message:
#     info:
#       zh: 动态管理：{management}（现{current_amount}元/月，差额{amount_change}元）
#       en: 'dynamic management: {management} (current {current_amount}, difference {amount_change})'
findings contains lib.household_finding(rego.metadata.rule(), "dibao", "info", _management_details) if _has_current
