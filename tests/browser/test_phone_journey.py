"""Staff read their schedule on a phone: at 390×844 every staff page fits the screen (no sideways scrolling)
and the colleagues on a shift (同班同事) read as words, not one character per line."""
import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Session
from tests.browser.phone_seed import PHONE

pytestmark = pytest.mark.browser
PHONE_VIEWPORT = {"width": 390, "height": 844}
STAFF_PAGES = ["/", "/staff/me", "/roster/me", "/roster/me?weeks=8", "/notifications/",
               "/roster/swaps", "/reports/", "/roster/me/calendar"]


@pytest.fixture
def phone(browser, live_server, request) -> Page:
    """A fresh phone-sized browser context. Not `is_mobile`: a mobile browser widens its layout viewport to fit
    content that is too wide, which would hide exactly the overflow this test looks for."""
    request.node._live_log_start = live_server.log_path.stat().st_size
    context = browser.new_context(base_url=live_server.url, viewport=PHONE_VIEWPORT)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the screen (0 when it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_staff_pages_fit_a_phone_screen(phone):
    Session(phone).login(PHONE["staff"])
    too_wide = {}
    for path in STAFF_PAGES:
        response = phone.goto(path)
        assert response.status == 200, path
        if overflow(phone) > 0:
            too_wide[path] = overflow(phone)
    assert not too_wide, f"wider than a 390 px screen: {too_wide}"


def test_navbar_spans_the_screen_and_collapses(phone):
    Session(phone).login(PHONE["staff"])
    phone.goto("/roster/me")
    nav_width = phone.evaluate("document.querySelector('nav.navbar').getBoundingClientRect().width")
    assert nav_width == phone.evaluate("window.innerWidth")
    assert phone.locator(".navbar-toggler").is_visible()
    phone.click(".navbar-toggler")
    phone.locator("#nav-my-schedule").wait_for(state="visible")
    assert overflow(phone) <= 0


def test_colleagues_are_not_wrapped_per_character(phone):
    Session(phone).login(PHONE["staff"])
    phone.goto("/roster/me")
    cells = phone.locator("#my-shifts .colleagues")
    assert cells.count() > 10
    line = phone.evaluate("parseFloat(getComputedStyle(document.querySelector('#my-shifts .colleagues')).lineHeight)"
                          " || 24")
    for index in range(min(cells.count(), 12)):
        cell = cells.nth(index)
        text = cell.inner_text().strip()
        if not text:
            continue
        box = cell.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e); "
                            "return r.getBoundingClientRect().height; }")
        assert box <= line * 1.6, f"{text!r} spans {box:.0f}px (a line is {line:.0f}px)"
