"""A caseworker's session in a real browser: headless Chromium (Debian's, driven by chromedriver through
Selenium) on the page served by uvicorn on 127.0.0.1, on the session's real OPA.

It fills the form for examples/urban-family-eligible.json as a person would (adding two members, opening
the groups it needs), decides, reads 1 847.20 and 第5条, finds the missing-fact checklist, types an invalid
income and sees its error next to the field, and makes a what-if change and a sweep. Screenshots at
1280×900 and 390×844 (and whole pages) go to build/web/, the notice as an A4 PDF beside them.
"""

from __future__ import annotations

import base64
import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette

from socialaid.server.sidecar import free_port

pytestmark = pytest.mark.integration

ROOT = Path(__file__).parents[2]
SHOTS = ROOT / "build" / "web"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT = 30.0

if not (Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()):
    pytest.skip(
        "no Chromium and chromedriver (scripts/ensure-browser.sh installs Debian's chromium and chromium-driver "
        "where apt-get and root are available; here they are not)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def server(web_app: Starlette) -> Iterator[str]:
    import uvicorn

    port = free_port()
    config = uvicorn.Config(web_app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not running.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN"):
        options.add_argument(arg)
    options.add_argument("--window-size=1280,900")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # to see what the CSP refused, if anything
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()


def _viewport(driver: Any, width: int, height: int, *, mobile: bool = False) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )


def _shoot(driver: Any, name: str, width: int, height: int, *, mobile: bool = False) -> Path:
    """The viewport at ``width``×``height`` and the whole page at that width."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    _viewport(driver, width, height, mobile=mobile)
    driver.execute_script("window.scrollTo(0, 0)")
    path = SHOTS / f"{name}-{width}x{height}.png"
    driver.save_screenshot(str(path))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    (SHOTS / f"{name}-{width}-full.png").write_bytes(base64.b64decode(shot["data"]))
    return path


class Form:
    def __init__(self, driver: Any) -> None:
        self.d = driver

    def el(self, pointer: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.d.find_element(By.NAME, pointer)

    def open(self, pointer: str) -> None:
        """Open the group (a <details>) that holds ``pointer``, by clicking its summary as a person would."""
        from selenium.webdriver.common.by import By

        group = self.d.find_element(By.ID, "f" + pointer.replace("/", "."))
        if group.get_attribute("open") is None:
            group.find_element(By.TAG_NAME, "summary").click()

    def type(self, pointer: str, value: str) -> None:
        field = self.el(pointer)
        if field.tag_name == "select":  # a field of the schema with a fixed set of values (e.g. sex)
            from selenium.webdriver.support.select import Select

            Select(field).select_by_value(value)
            return
        field.clear()
        field.send_keys(value)

    def date(self, pointer: str, value: str) -> None:  # a date input takes keys in the locale's order: set it
        self.d.execute_script(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
            self.el(pointer),
            value,
        )

    def choose(self, pointer: str, value: str) -> None:
        from selenium.webdriver.support.ui import Select

        Select(self.el(pointer)).select_by_value(value)

    def tick(self, pointer: str) -> None:
        box = self.el(pointer)
        if not box.is_selected():
            box.click()

    def press(self, action: str) -> None:
        """Press a button that submits the form, and wait for the page it brings."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions

        page = self.d.find_element(By.TAG_NAME, "html")
        self.d.find_element(By.CSS_SELECTOR, f'button[name="action"][value="{action}"]').click()
        _until(self.d, expected_conditions.staleness_of(page))


def _until(driver: Any, condition: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition)


def test_a_caseworker_decides_the_urban_example_in_the_browser(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    _viewport(d, 1280, 900)
    d.get(server + "/?lang=zh")
    form = Form(d)
    for _ in range(2):  # the form opens with one member
        form.press("add:/household/members")
    assert len(d.find_elements(By.CSS_SELECTOR, "fieldset.item[id^='f.household.members.']")) == 3

    form.date("/as_of", "2025-06-01")
    form.type("/household/id", "example-urban-1")
    form.choose("/household/area", "urban")
    form.choose("/household/assets_test_met", "true")
    people = [
        ("father", "王建国", "1978-03-12", "male", "900"),
        ("mother", "李秀英", "1980-07-02", "female", "0"),
        ("son", "王小明", "2012-09-01", "male", ""),
    ]
    for i, (member_id, name, born, sex, income) in enumerate(people):
        m = f"/household/members/{i}"
        form.type(f"{m}/id", member_id)
        form.type(f"{m}/name", name)
        form.date(f"{m}/birth_date", born)
        form.type(f"{m}/sex", sex)
        if income:
            form.type(f"{m}/monthly_income", income)
    form.open("/household/members/0/employment")
    form.choose("/household/members/0/employment/status", "employed")
    form.tick("/household/members/0/employment/able_to_work")
    form.tick("/household/members/0/employment/willing_to_work")
    form.tick("/household/members/1/serious_illness")
    form.open("/household/members/2/education")
    form.choose("/household/members/2/education/stage", "compulsory")
    form.tick("/household/members/2/education/enrolled")
    _shoot(d, "web-form", 1280, 900)
    _shoot(d, "web-form", 390, 844, mobile=True)
    _viewport(d, 1280, 900)
    d.find_element(By.ID, "decide").click()

    _until(d, lambda drv: "/d/" in drv.current_url)
    decision_url = d.current_url
    body = d.find_element(By.TAG_NAME, "body").text
    assert "1 847.20" in body  # 最低生活保障 for the family of three, to the fen
    assert "第5条" in body
    card = d.find_element(By.ID, "p-dibao").text
    assert "1 847.20" in card and "第5条" in card and "王建国" in card
    checklist = d.find_elements(By.CSS_SELECTOR, "#missing-facts li")
    assert len(checklist) == 6
    assert any("法定赡养、抚养、扶养义务人" in li.text for li in checklist)
    _shoot(d, "web-decision", 1280, 900)
    _shoot(d, "web-decision", 390, 844, mobile=True)
    _viewport(d, 1280, 900)

    # "Fill in" beside a question opens the form at that fact, its closed group opened
    d.get(decision_url)
    ask = next(li for li in d.find_elements(By.CSS_SELECTOR, "#missing-facts li") if "法定赡养" in li.text)
    ask.find_element(By.CSS_SELECTOR, "a.fill").click()
    _until(d, lambda drv: "/edit" in drv.current_url)
    supporters = d.find_element(By.ID, "f.household.members.2.legal_supporters")
    _until(d, lambda drv: supporters.get_attribute("open") is not None)

    # an invalid income: the browser's own check (min 0 from the schema), shown next to the field
    d.get(decision_url + "/edit")
    form.type("/household/members/0/monthly_income", "-5")
    d.find_element(By.ID, "decide").click()
    error = d.find_element(By.ID, "ef.household.members.0.monthly_income")
    _until(d, lambda drv: error.text.strip() != "")
    assert error.text == "不能小于 0" and "/edit" in d.current_url  # not sent: the field says why, in Chinese
    field = d.find_element(By.NAME, "/household/members/0/monthly_income")
    assert field.find_element(By.XPATH, "..") == error.find_element(By.XPATH, "..")  # the same .field box
    _shoot(d, "web-form-error", 1280, 900)
    _viewport(d, 1280, 900)

    # what if the father earned 3 000 a month?
    d.get(decision_url)
    form.choose("fact1", "/household/members/0/monthly_income")
    form.type("value1", "3000")
    d.find_element(By.ID, "whatif-run").click()
    result = _until(d, lambda drv: drv.find_element(By.ID, "whatif-result"))
    assert "最低生活保障" in result.text and "失去" in result.text and "第5条" in result.text

    # his income from 0 to 3 000: the chart and its cliffs
    form.type("to", "3000")
    d.find_element(By.ID, "sweep-run").click()
    chart = _until(d, lambda drv: drv.find_element(By.ID, "sweep-chart"))
    assert "2 424.00" in chart.text and "第5条" in chart.text
    assert d.find_elements(By.CSS_SELECTOR, "#sweep-chart svg .cliff")
    d.execute_script("arguments[0].scrollIntoView()", chart)
    SHOTS.mkdir(parents=True, exist_ok=True)
    d.find_element(By.ID, "sweep").screenshot(str(SHOTS / "web-sweep.png"))

    # the notice, printed on A4
    d.get(decision_url + "/notice")
    assert "社会救助决定通知书" in d.find_element(By.TAG_NAME, "body").text
    _shoot(d, "web-notice", 1280, 900)
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    _viewport(d, 794, 1123)  # A4 at 96 dpi
    d.save_screenshot(str(SHOTS / "web-notice-print.png"))
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(d.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    (SHOTS / "web-notice.pdf").write_bytes(pdf)
    refused = [e["message"] for e in d.get_log("browser") if "Content Security Policy" in e["message"]]
    assert not refused, refused  # the strict CSP broke nothing on any page visited
    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)
    assert pdf.startswith(b"%PDF") and boxes
    assert all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes)  # A4 in points
