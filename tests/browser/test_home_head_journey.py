"""The head's home in a real browser: a head opens the system and lands on their departments' day (the tab to
their own staff home beside it), sees who is late and absent, follows the oldest leave request to where it is
decided, and sees next month's missing roster with its gaps; no script errors. Assertions use ids, data
attributes and URLs."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Session
from tests.browser.home_head_seed import HEAD_HOME

pytestmark = pytest.mark.browser


def test_the_heads_day_at_a_glance(page, live_server):
    Session(page).login(HEAD_HOME["head"])
    errors = []  # from the home page on (the login page's favicon.ico is not the page's)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto("/")
    expect(page.locator("#home-tab-head")).to_have_class(re.compile(r"\bactive\b"))
    expect(page.locator("#home-tab-staff")).to_be_visible()

    board = page.locator("#head-board")
    expect(board.locator("li[data-state=late]")).to_contain_text(HEAD_HOME["late"])
    expect(board.locator("li[data-state=late] .head-count")).to_have_text("1")
    expect(board.locator("li[data-state=absent]")).to_contain_text(HEAD_HOME["absent"])
    expect(board).not_to_contain_text("赵服务员")  # housekeeping is not theirs

    rosters = page.locator("#head-rosters tr[data-roster-state=none]", has_text="头班组")
    expect(rosters).to_have_count(1)
    expect(rosters.locator(".head-gaps")).to_have_attribute("data-gap-columns", re.compile(r"^(28|29|30|31)$"))

    leave = page.locator("#head-approvals [data-kind=leave]")
    expect(leave.locator(".head-count")).to_have_text("1")
    with page.expect_navigation():
        leave.locator("li a", has_text=HEAD_HOME["asker"]).click()
    assert re.search(r"/leave/requests/\d+$", page.url), page.url
    expect(page.locator("#transition-approve")).to_be_visible()
    assert not errors, errors
