"""A staff member opens the system on a phone (390×844): `/` is their day (today's shift, the next shifts, the
month strip, balances, the swap asked of them) on one screen width, and the punch button records a punch
through the attendance capture page."""
import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Session
from tests.browser.home_staff_seed import HOME_STAFF

pytestmark = pytest.mark.browser
PHONE_VIEWPORT = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server, request) -> Page:
    """A phone-sized context that collects page errors and console errors."""
    request.node._live_log_start = live_server.log_path.stat().st_size
    context = browser.new_context(base_url=live_server.url, viewport=PHONE_VIEWPORT)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: page.errors.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    yield page
    context.close()


def test_staff_home_on_a_phone_and_the_punch(phone):
    Session(phone).login(HOME_STAFF["staff"])
    phone.errors.clear()  # the login page's (the browser's favicon request); this test is about the home
    phone.goto("/")
    home = phone.locator("#staff-home")
    home.wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert phone.locator("#today-shifts li").count() == 1
    assert 1 <= phone.locator("#home-next-shifts li").count() <= 5
    assert phone.locator("#marks-late").inner_text() == "1" and phone.locator("#marks-absent").inner_text() == "1"
    assert phone.locator("#month-strip .strip-day").count() >= 28
    assert phone.locator("#leave-balances [data-type=annual] .balance-available").inner_text().startswith("5")
    swap = phone.locator("#home-waiting [data-kind=swap]")
    assert HOME_STAFF["colleague"] in swap.inner_text()
    # one column: the waiting panel sits below today's card, not beside it
    today_box, month_box = phone.locator("#home-today").bounding_box(), phone.locator("#home-month").bounding_box()
    assert month_box["y"] > today_box["y"] + today_box["height"] - 1 and month_box["width"] > 300
    assert not phone.errors, phone.errors
    button = phone.locator("#home-punch-button")
    assert button.bounding_box()["height"] >= 44  # a thumb-sized target
    with phone.expect_navigation():
        button.click()
    assert phone.url.endswith("/attendance/punch")
    assert phone.locator("#punch-list li").count() == 1
