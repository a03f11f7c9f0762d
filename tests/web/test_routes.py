"""The caseworker's page through its routes, on a real OPA (the session's sidecar)."""

from __future__ import annotations

import copy
import json
import logging
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from socialaid.engine import Engine
from socialaid.server.sidecar import Sidecar
from socialaid.web.app import create_app
from socialaid.web.security import CSP
from tests.web.conftest import Page, form_fields

pytestmark = pytest.mark.integration

EXAMPLE = json.loads((Path(__file__).parents[2] / "examples" / "urban-family-eligible.json").read_text("utf-8"))


def _decided(page: Page, request: dict | None = None) -> tuple[str, str]:  # type: ignore[type-arg]
    response = page.decide(request or EXAMPLE)
    assert response.status_code == 303, response.text[:2000]
    url = response.headers["location"]
    return url, page.client.get(url).text


def _error_at(html: str, pointer: str) -> str:
    found = re.search(
        rf'<span class="err" id="ef{re.escape(pointer.replace("/", "."))}" role="alert">([^<]*)</span>', html
    )
    assert found, f"no error span for {pointer}"
    return found.group(1)


def test_the_form_is_the_schema_with_chinese_labels_and_html5_constraints(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert 'lang="zh-CN"' in html and "决定日期" in html and "月收入（元）" in html
    income = re.search(r'<input id="f\.household\.members\.0\.monthly_income"[^>]*>', html)
    assert income and 'type="number"' in income.group(0) and 'min="0"' in income.group(0)
    assert 'max="1000000000"' in income.group(0) and 'step="0.01"' in income.group(0)
    as_of = re.search(r'<input id="f\.as_of"[^>]*>', html)
    assert as_of and 'type="date"' in as_of.group(0) and " required" in as_of.group(0)
    assert re.search(r'<input id="f\.price_index\.month"[^>]*pattern="\[0-9\]\{4\}-\(0\[1-9\]\|1\[0-2\]\)"', html)
    assert re.search(r'<select id="f\.household\.area"[^>]*required', html)  # a required choice, not a default
    assert '<option value="urban">城市</option>' in html
    english = client.get("/?lang=en").text
    assert 'lang="en"' in english and "Monthly income, CNY" in english and "Decide" in english


def test_every_response_is_locked_down(client: TestClient, sidecar: Sidecar) -> None:
    response = client.get("/")
    assert response.headers["content-security-policy"] == CSP
    assert "default-src 'self'" in CSP and "frame-ancestors 'none'" in CSP and "unsafe-inline" not in CSP
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    cookie = response.headers["set-cookie"]
    assert "sa_csrf=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "<script>" not in response.text and " style=" not in response.text and "onclick" not in response.text
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400  # DNS rebinding
    assert sidecar.token not in response.text and sidecar.token not in str(response.headers)


def test_a_post_without_the_csrf_token_is_refused(client: TestClient, page: Page) -> None:
    fields = {**form_fields(EXAMPLE), "action": "decide"}
    assert client.post("/", data=fields).status_code == 403
    assert client.post("/", data={**fields, "csrf": "0" * 64}).status_code == 403
    other = TestClient(client.app, base_url="http://127.0.0.1")  # another browser's token with this cookie
    assert other.post("/", data={**fields, "csrf": page.csrf}).status_code == 403


def test_the_urban_example_decided_names_amount_clause_words_and_missing_facts(page: Page, sidecar: Sidecar) -> None:
    url, html = _decided(page)
    assert re.fullmatch(r"/d/[A-Za-z0-9_-]{24}", url)
    assert "1\u00a0847.20 元" in html  # 最低生活保障, to the fen
    assert "第5条" in html and 'class="basis basis-plan">方案第5条：“' in html
    assert "低保金核算根据家庭共同生活成员人均收入与当地低保标准实际差额确定基本保障金" in html  # the plan's words
    assert 'class="basis basis-national"' in html  # national articles marked apart
    assert "王建国" in html and "王小明" in html  # members covered, by name
    checklist = html.split('id="missing-facts"', 1)[1].split("</ul>", 1)[0]
    assert checklist.count("<li>") == 6  # seven missing facts, six pointers
    assert "王小明 · 法定赡养、抚养、扶养义务人" in checklist and "按未认定处理" in checklist
    assert "/edit#f.household.members.2.legal_supporters" in checklist
    revision = re.search(r"规则包版本</dt><dd><code>([0-9a-f]+(?:-dirty)?)</code>", html)
    assert revision, "the page names the bundle revision"
    assert re.search(r'<code id="decision-id">[0-9a-f-]{36}</code>', html)
    assert '<details class="explanation"' in html and "全部认定理由与依据" in html
    assert sidecar.token not in html


def test_the_decision_page_in_english(page: Page) -> None:
    url, _ = _decided(page)
    html = page.client.get(f"{url}?lang=en").text
    assert "CNY 1\u00a0847.20" in html and "cl. 5" in html and "Ask the applicant for" in html
    assert page.client.get(url).text.count("Ask the applicant for") == 1  # the choice is remembered


def test_an_invalid_income_is_shown_next_to_its_field(page: Page) -> None:
    bad = copy.deepcopy(EXAMPLE)
    bad["household"]["members"][0]["monthly_income"] = -5
    response = page.decide(bad)
    assert response.status_code == 422
    assert "小于最小值 0" in _error_at(response.text, "/household/members/0/monthly_income")
    assert 'value="-5"' in response.text  # what was typed stays
    assert "请更正标出的 1 处" in response.text


def test_a_number_that_does_not_parse_goes_to_the_policy_and_comes_back_at_its_field(page: Page) -> None:
    fields = {**form_fields(EXAMPLE), "/household/members/1/monthly_income": "1e400"}
    response = page.post("/", {**fields, "action": "decide"})
    assert response.status_code == 422
    assert "number" in _error_at(response.text, "/household/members/1/monthly_income")


def test_a_consistency_error_of_the_policy_is_placed_by_its_pointer(page: Page) -> None:
    twins = copy.deepcopy(EXAMPLE)
    twins["household"]["members"][1]["id"] = "father"
    response = page.decide(twins)
    assert response.status_code == 422
    assert "father" in _error_at(response.text, "/household/members/1/id")


def test_add_and_remove_a_member_keeps_what_was_typed(page: Page) -> None:
    fields = {**form_fields(EXAMPLE), "action": "add:/household/members"}
    html = page.post("/", fields).text
    assert 'id="f.household.members.3"' in html and 'value="王小明"' in html
    fields = {**form_fields(EXAMPLE), "action": "remove:/household/members/1"}
    html = page.post("/", fields).text
    assert 'id="f.household.members.2"' not in html and "李秀英" not in html and 'value="王小明"' in html


def test_edit_fills_the_form_again(page: Page) -> None:
    url, _ = _decided(page)
    html = page.client.get(f"{url}/edit").text
    assert 'value="王建国"' in html and 'value="900"' in html and 'value="1978-03-12"' in html


def test_what_if_the_father_earned_3000(page: Page) -> None:
    url, _ = _decided(page)
    html = page.post(f"{url}/what-if", {"fact1": "/household/members/0/monthly_income", "value1": "3000"}).text
    result = html.split('id="whatif-result"', 1)[1]
    assert "最低生活保障" in result and "失去" in result and "1\u00a0847.20 元" in result
    assert "第5条" in result
    assert 'href="/d/' in result  # the changed decision, to open


def test_what_if_refuses_a_fact_that_is_not_offered(page: Page) -> None:
    url, _ = _decided(page)
    html = page.post(f"{url}/what-if", {"fact1": "/parameter_overrides/dibao/standard_urban", "value1": "5000"}).text
    assert "请选择要改变的事实" in html and 'id="whatif-result"' not in html


def test_the_income_sweep_draws_the_cliff(page: Page) -> None:
    url, _ = _decided(page)
    html = page.post(f"{url}/sweep", {"member": "0", "from": "0", "to": "3000", "step": "100"}).text
    svg = html.split('<figure class="chart"', 1)[1].split("</figure>", 1)[0]
    assert "<svg" in svg and 'class="cliff"' in svg and "style=" not in svg
    assert "最低生活保障：月收入达到" in svg and "第5条" in svg
    assert "2\u00a0424.00" in svg  # 808 × 3 (the others earn nothing): the 低保 cliff, to the fen


def test_the_notice_is_a4_with_the_same_decision_id(page: Page, client: TestClient) -> None:
    url, html = _decided(page)
    decision_id = re.search(r'<code id="decision-id">([0-9a-f-]{36})</code>', html).group(1)  # type: ignore[union-attr]
    notice = page.client.get(f"{url}/notice").text
    assert "社会救助决定通知书" in notice and decision_id in notice and "第5条" in notice
    assert "1\u00a0847.20 元" in notice and "王建国" in notice
    css = client.get("/static/page.css").text
    assert "@page { size: A4" in css and "@media print" in css


def test_an_unknown_decision_key_is_a_404(client: TestClient) -> None:
    response = client.get("/d/nosuchkey")
    assert response.status_code == 404 and "已过期或不存在" in response.text


def test_the_access_log_names_routes_never_household_data(page: Page, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="socialaid.web.access")
    url, _ = _decided(page)
    page.client.get(f"{url}/notice?lang=zh")
    lines = [r.getMessage() for r in caplog.records if r.name == "socialaid.web.access"]
    assert any(line.startswith("POST / 303 ") for line in lines)
    assert any(line.startswith("GET /d/{key}/notice 200 ") for line in lines)
    text = "\n".join(lines)
    key = url.rsplit("/", 1)[1]
    assert key not in text and "王建国" not in text and "lang" not in text and "900" not in text.replace("ms", "")


def test_requests_are_bounded(page: Page) -> None:
    big = page.post("/", {"/household/id": "x" * 300_000})
    assert big.status_code == 413
    many = page.post("/", {f"/household/members/0/x{i}": "1" for i in range(7000)})
    assert many.status_code == 400


def test_analyst_mode_offers_a_parameter_and_marks_the_answer_hypothetical(engine: Engine) -> None:
    with TestClient(create_app(engine, analyst=True), base_url="http://127.0.0.1") as analyst:
        page = Page(analyst)
        url, html = _decided(page)
        assert "分析模式" in html and '<option value="dibao.standard_urban">' in html
        html = page.post(f"{url}/what-if", {"param": "dibao.standard_urban", "param_value": "900"}).text
        result = html.split('id="whatif-result"', 1)[1]
        assert "假设测算" in result and "最低生活保障" in result and "金额变化" in result
        assert "2\u00a0160.00 元" in result  # (900 − 300) × 3 + 900 × 0.30 (mother) + 900 × 0.10 (son)
        assert "城市低保标准" in result or "低保标准" in result  # the parameter by its label


def test_stating_there_are_no_supporters_answers_that_question(page: Page) -> None:
    fields = {**form_fields(EXAMPLE), "/household/members/2/legal_supporters#none": "true", "action": "decide"}
    response = page.post("/", fields)
    assert response.status_code == 303
    html = page.client.get(response.headers["location"]).text
    checklist = html.split('id="missing-facts"', 1)[1].split("</ul>", 1)[0]
    assert "法定赡养、抚养、扶养义务人" not in checklist  # asked and answered
    assert "王小明 · 集中供养" in checklist  # 特困 now goes on: would he be supported in an institution?
    edit = page.client.get(response.headers["location"] + "/edit").text
    assert 'name="/household/members/2/legal_supporters#none" value="true" checked' in edit


def test_a_date_with_no_parameter_in_force_is_refused_at_its_field(page: Page) -> None:
    early = {**copy.deepcopy(EXAMPLE), "as_of": "2015-01-01"}
    response = page.decide(early)
    assert response.status_code == 422  # the policy refused: no parameter in force on that date
    shown = _error_at(response.text, "/as_of")
    assert "2015-01-01 没有现行值" in shown and "另有" in shown  # 39 such errors: three, and a count
    assert "不早于 2019-12-01 的决定日期" in shown  # what was expected, in the page's language too
    assert "请更正标出的 1 处" in response.text


class _Broken:
    """An engine that fails in a way nobody foresaw."""

    def explain(self, request: object) -> object:
        raise RuntimeError("boom: secret internals")


def test_an_unforeseen_error_is_a_page_with_the_same_headers_and_no_traceback() -> None:
    with TestClient(
        create_app(_Broken(), secret=b"k" * 32), base_url="http://127.0.0.1", raise_server_exceptions=False
    ) as c:  # type: ignore[arg-type]
        page = Page(c)
        response = page.decide(EXAMPLE)
    assert response.status_code == 500 and "页面出错，未作出决定" in response.text
    assert "boom" not in response.text and "Traceback" not in response.text
    assert response.headers["content-security-policy"] == CSP and response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    "action",
    [
        "add:/household/members/7/medical_episodes",
        "remove:/household/members/9",
        "remove:/household/members/0",  # the only member stays (at least one)
        "add:/household/members/0/monthly_income",
        "add:/household/current_benefits/dibao/member_ids",
        "remove:/household/members/x",
        "add:/../../etc",
        "lang:xx",
        "nonsense",
        "add:" + "/household" * 500,
    ],
)
def test_a_hostile_form_action_changes_nothing_it_should_not(page: Page, action: str) -> None:
    one = {
        "as_of": "2025-06-01",
        "household": {"area": "urban", "assets_test_met": True, "members": [{"id": "a", "birth_date": "1980-01-01"}]},
    }
    response = page.post("/", {**form_fields(one), "action": action})
    assert response.status_code in {200, 303, 400, 422}, response.text[:500]  # 400: a field over 4 KiB
    if response.status_code == 200:
        assert 'id="f.household.members.0"' in response.text
