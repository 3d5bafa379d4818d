"""The HR desk and the administrator's home in a real browser: HR's `/` is the desk (month-close table, the people
whose probation or contract ends, the unmapped clock id with its link to the mapping page); the administrator
opens the health page from its tab and sees the tick, the stale clock and the signing certificate. No console
errors on either."""
import pytest
from playwright.sync_api import expect

from hrapp.company import company_today
from hrapp.core.periods import MONTH, period_of
from tests.browser.conftest import Session
from tests.browser.home_hr_seed import HOME_HR

pytestmark = pytest.mark.browser


def _watch(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(f"{page.url}: {message.text}") if message.type == "error" else None)
    return errors


def test_hr_desk(page, live_server):
    Session(page).login(live_server.accounts["hr"])
    errors = _watch(page)  # after the login page (its favicon request is no business of the homes)
    page.goto("/")
    month = period_of(MONTH, company_today()).previous().name
    expect(page.locator("#hr-readiness h2")).to_contain_text(month)
    row = page.locator(f'#readiness-table tr[data-department="{HOME_HR["department"]}"]')
    expect(row.locator('td[data-check="closed-attendance"] [data-state]')).to_have_attribute("data-state", "todo")
    ending = page.locator("#hr-ending li")
    expect(ending.filter(has_text="钱试用")).to_have_attribute("data-kind", "probation")
    expect(ending.filter(has_text="孙合同")).to_have_attribute("data-kind", "contract")
    expect(page.locator("#hr-clock-ids li").filter(has_text=HOME_HR["clock_id"])).to_be_visible()
    assert not errors, errors  # the desk itself; the pages it links to are their own journeys' business
    with page.expect_navigation():
        page.click("#hr-ending li[data-kind=probation] a")
    expect(page.locator("#probation-ends-on")).to_be_visible()
    page.goto("/home/hr/")
    with page.expect_navigation():
        page.click("#hr-clock-ids .card-header a")
    assert page.url.endswith("/attendance/ids")
    assert page.locator(f"text={HOME_HR['clock_id']}").count() >= 1


def test_administrator_health(page, live_server):
    Session(page).login(live_server.accounts["admin"])
    errors = _watch(page)
    page.goto("/")
    expect(page.locator("#admin-tick")).to_be_visible()
    expect(page.locator("#home-tab-hr")).to_be_visible()  # an administrator also has the HR desk
    stale = page.locator(f'#device-table tr[data-serial="{HOME_HR["device"]}"] [data-state]')
    expect(stale).to_have_attribute("data-state", "stale")
    # the live server's PKI exists once a journey signed a document: either its subject or the problem shows
    certificate = page.locator("#admin-certificate [data-state]")
    if certificate.get_attribute("data-state") == "problem":
        expect(certificate.locator(".alert-danger")).to_be_visible()
    else:
        expect(certificate.locator("code")).to_contain_text("CN=")
    expect(page.locator("#admin-deliveries a")).to_have_attribute("href", "/notifications/outward/deliveries")
    with page.expect_navigation():
        page.click("#home-tab-hr")
    expect(page.locator("#readiness-table")).to_be_visible()
    assert not errors, errors
