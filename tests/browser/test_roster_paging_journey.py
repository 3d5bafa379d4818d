"""A large department's roster in a real browser (issue #10, point 17): the head of a 120-person department
opens next month's roster (pages of 50), goes to page 2 through the page links, finds a person by name, and
changes one of their cells there; the grid script saves it against the filtered page."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.big_roster_seed import BIG, big_name
from tests.browser.test_roster_journey import cell, wait_saved

pytestmark = pytest.mark.browser
PER_PAGE = 50  # hrapp.blueprints.roster.services.grid.PER_PAGE


def numbers(page) -> list[str]:
    return page.locator("#roster-grid tbody tr").evaluate_all("rows => rows.map(r => r.dataset.number)")


def test_head_pages_filters_and_edits_a_large_roster(session):
    page = session.login(BIG["head"])
    page.goto("/roster/")
    with page.expect_navigation():
        page.locator("#roster-overview a[data-roster-id]").first.click()
    roster_url = page.url
    assert re.search(r"/roster/\d+$", roster_url), roster_url
    expect(page.locator("#roster-grid tbody tr")).to_have_count(PER_PAGE)
    assert numbers(page)[0] == "X0000"

    with page.expect_navigation():  # the page links under the filter
        page.locator("#grid-paging a.page-link", has_text=re.compile(r"^2$")).click()
    assert page.url == f"{roster_url}?page=2"
    expect(page.locator("#roster-grid tbody tr").first).to_have_attribute("data-number", "X0050")
    assert BIG["target"] in numbers(page)

    person = big_name(int(BIG["target"][1:]))
    page.locator("#person-filter input[name=q]").fill(person)
    with page.expect_navigation():
        page.locator("#person-filter button[type=submit]").click()
    expect(page.locator("#roster-grid tbody tr")).to_have_count(1)
    assert numbers(page) == [BIG["target"]]
    assert "q=" in page.locator("#roster-grid-root").get_attribute("data-cells-url")
    expect(cell(page, 0, 0)).to_have_attribute("data-code", "早")

    cell(page, 0, 2).click()  # the third day, empty: typed late shift
    page.keyboard.type("中")
    wait_saved(page, 0, 2, "中")
    expect(page.locator("#roster-grid tbody tr")).to_have_count(1)  # the answer repainted the filtered page
    page.reload()
    assert numbers(page) == [BIG["target"]]
    expect(cell(page, 0, 2)).to_have_attribute("data-code", "中")
    expect(cell(page, 0, 2)).not_to_have_attribute("data-version", "0")
