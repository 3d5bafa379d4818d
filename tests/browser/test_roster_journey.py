"""The roster acceptance journey in a real browser: a head builds and publishes a month for a 30-person
department with a rotation pattern and a few keyboard fixes; a staff member then sees it in "my schedule"
and in the ICS feed. Assertions use ids, data attributes and URLs, not translated text.

Set ROSTER_SCREENSHOTS=<dir> to keep screenshots of the grid and the schedule.
"""
import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Session
from tests.browser.roster_seed import PATTERN, ROSTER

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("ROSTER_SCREENSHOTS")


def shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def next_month_first(today: date) -> date:
    return (today.replace(day=1) + timedelta(days=32)).replace(day=1)


def cell(page: Page, row: int, col: int):
    return page.locator("#roster-grid tbody tr").nth(row).locator("td.cell").nth(col)


def expected_code(row: int, col: int) -> str:
    """The default offsets are staggered: the row-th person starts `row` days into the pattern."""
    return PATTERN[(col + row) % len(PATTERN)]


def wait_saved(page: Page, row: int, col: int, code: str) -> None:
    target = cell(page, row, col)
    expect(target).to_have_attribute("data-code", code)
    expect(target).not_to_have_class(re.compile(r"\bpending\b"))


def find_col(row: int, index: int, start: int) -> int:
    """The first column from `start` where `row` works pattern position `index`."""
    return next(c for c in range(start, start + len(PATTERN)) if (c + row) % len(PATTERN) == index)


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


JS_COLOURS = """els => els.map(el => {
  const colour = getComputedStyle(el).color;
  let node = el, bg = 'rgba(0, 0, 0, 0)';
  while (node && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) { bg = getComputedStyle(node).backgroundColor; node = node.parentElement; }
  return [el.textContent.trim(), colour, bg];
})"""


def assert_readable(page: Page, selector: str, minimum: float = 4.5) -> None:
    """Every element matching `selector` has text at WCAG AA contrast (4.5:1) against its effective background."""
    found = page.locator(selector).evaluate_all(JS_COLOURS)
    assert found
    for text, colour, background in found:
        fg, bg = (tuple(float(v) for v in re.findall(r"[\d.]+", c)[:3]) for c in (colour, background))
        hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
        ratio = (hi + 0.05) / (lo + 0.05)
        assert ratio >= minimum, (text, colour, background, round(ratio, 2))


def test_head_builds_and_publishes_a_month_staff_sees_it(session, browser, live_server):
    first = next_month_first(date.today())
    page = session.login(ROSTER["head"])
    page.on("dialog", lambda dialog: dialog.accept())  # data-confirm and prompts

    # The roster list, then a new month roster for the department.
    page.click("#nav-rosters")
    page.wait_for_url("**/roster/")
    form = page.locator("#create-roster-form")
    form.locator("[name=period_kind]").select_option("month")
    form.locator("[name=day]").fill(first.isoformat())
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert re.search(r"/roster/\d+$", page.url), page.url
    roster_url = page.url
    rows = page.locator("#roster-grid tbody tr")
    expect(rows).to_have_count(ROSTER["people"])
    expect(page.locator("#roster-grid-root")).to_have_attribute("data-status", "draft")

    # The rotation with the default staggered offsets (person i starts i days in).
    pattern = page.locator("#pattern-form")
    pattern.locator("[name='pattern-pattern']").fill(PATTERN)
    assert pattern.locator("[name='pattern-offsets']").input_value().splitlines()[1].endswith(": 1")
    with page.expect_navigation():
        page.click("#pattern-submit")
    assert page.url == roster_url
    for row, col in ((0, 0), (1, 0), (7, 3), (29, 10)):
        expect(cell(page, row, col)).to_have_attribute("data-code", expected_code(row, col))
    expect(page.locator("#hard-count")).to_have_text("0")
    assert_readable(page, "#roster-grid tfoot tr.col-totals th, #roster-grid tfoot tr.col-totals .shift-chip")
    shot(page, "1-grid-after-pattern")

    # Keyboard fixes: the second 早 of person 2 becomes 中 (typed), then two rows down the first 晚
    # becomes 中 (reached with the arrow keys), then a 休 is emptied with Delete and typed back.
    row, col = 2, find_col(2, 1, 0)
    cell(page, row, col).click()
    page.keyboard.type("中")
    wait_saved(page, row, col, "中")
    target_col = find_col(row + 2, 4, col + 1)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    for _ in range(target_col - (col + 1)):
        page.keyboard.press("ArrowRight")
    page.keyboard.type("中")
    wait_saved(page, row + 2, target_col, "中")
    rest_col = find_col(5, 6, 0)
    cell(page, 5, rest_col).click()
    page.keyboard.press("Delete")
    wait_saved(page, 5, rest_col, "")
    page.keyboard.type("休")
    wait_saved(page, 5, rest_col, "休")
    expect(page.locator("#hard-count")).to_have_text("0")
    page.reload()  # the fixes are saved, with their new versions
    expect(cell(page, row, col)).to_have_attribute("data-code", "中")
    expect(cell(page, row, col)).not_to_have_attribute("data-version", "0")
    shot(page, "2-grid-after-fixes")

    # Publish (confirmation accepted above): no hard breaches, so it goes through.
    with page.expect_navigation():
        page.click("#publish-submit")
    expect(page.locator("#roster-grid-root")).to_have_attribute("data-status", "published")
    assert page.locator("#hard-breaches").count() == 0
    session.logout()

    # The staff member sees the month in "my schedule" and subscribes to the feed.
    page = session.login(ROSTER["staff"])
    page.click("#nav-my-schedule")
    page.wait_for_url("**/roster/me")
    page.goto("/roster/me?weeks=8")
    staff_row = int(ROSTER["staff_number"][1:]) - 1
    first_row = page.locator(f"#my-shifts tbody tr[data-day='{first.isoformat()}']")
    expect(first_row).to_have_attribute("data-code", expected_code(staff_row, 0))
    assert page.locator("#my-shifts tbody tr").count() >= 8
    shot(page, "3-my-schedule")

    page.click("#calendar-link")
    page.wait_for_url("**/roster/me/calendar")
    with page.expect_navigation():
        page.click("#feed-create-form button[type=submit]")
    feed_url = page.locator("#feed-url").inner_text().strip()
    assert re.search(r"/roster/feed/cal_[\w-]+\.ics$", feed_url), feed_url

    outsider = browser.new_context()  # a calendar app: no login cookie
    try:
        response = outsider.request.get(feed_url)
        assert response.status == 200
        assert response.headers["content-type"].startswith("text/calendar")
        body = response.text()
        assert body.count("BEGIN:VEVENT") >= 6
        assert first.strftime("%Y%m%d") in body
    finally:
        outsider.close()


def test_two_editors_never_overwrite_each_other(session, browser, live_server):
    """The head and HR have the same week open; HR's edit of a cell the head has just changed is refused,
    the grid shows the head's shift, and HR's retry on the fresh version goes through."""
    later = next_month_first(next_month_first(date.today())) + timedelta(days=10)  # a week clear of that month
    page = session.login(ROSTER["head"])
    page.goto("/roster/")
    form = page.locator("#create-roster-form")
    form.locator("[name=period_kind]").select_option("week")
    form.locator("[name=day]").fill(later.isoformat())
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    roster_url = page.url

    other = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    try:
        hr_page = Session(other.new_page()).login("hr")
        hr_page.goto(roster_url)
        cell(page, 0, 0).click()
        page.keyboard.type("早")
        wait_saved(page, 0, 0, "早")

        cell(hr_page, 0, 0).click()  # HR's page still shows the cell empty (version 0)
        hr_page.keyboard.type("中")
        expect(cell(hr_page, 0, 0)).to_have_attribute("data-code", "早")
        expect(cell(hr_page, 0, 0)).to_have_class(re.compile(r"\bconflict\b"))
        expect(hr_page.locator("#grid-message")).to_have_class(re.compile(r"\balert-warning\b"))
        shot(hr_page, "4-conflict")

        cell(hr_page, 0, 0).click()
        hr_page.keyboard.type("中")
        wait_saved(hr_page, 0, 0, "中")
        page.reload()
        expect(cell(page, 0, 0)).to_have_attribute("data-code", "中")
    finally:
        other.close()


def test_drag_select_palette_and_delete(session, live_server):
    """Drag over a block of cells and pick a shift from the palette; shift-click a range and empty it."""
    week = next_month_first(next_month_first(date.today())) + timedelta(days=17)  # the week after the above
    page = session.login(ROSTER["head"])
    page.goto("/roster/")
    form = page.locator("#create-roster-form")
    form.locator("[name=period_kind]").select_option("week")
    form.locator("[name=day]").fill(week.isoformat())
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    start, end = cell(page, 1, 1).bounding_box(), cell(page, 2, 3).bounding_box()
    page.mouse.move(start["x"] + 5, start["y"] + 5)
    page.mouse.down()
    page.mouse.move(end["x"] + 5, end["y"] + 5, steps=5)
    page.mouse.up()
    expect(page.locator("#roster-grid td.cell.sel")).to_have_count(6)
    page.click("#palette .palette-btn[data-code='休']")
    for row in (1, 2):
        for col in (1, 2, 3):
            wait_saved(page, row, col, "休")
    expect(page.locator("#roster-grid tbody tr").nth(1).locator("[data-total='rest']")).to_have_text("3")

    cell(page, 1, 2).click()
    cell(page, 2, 3).click(modifiers=["Shift"])
    expect(page.locator("#roster-grid td.cell.sel")).to_have_count(4)
    page.keyboard.press("Delete")
    for row, col in ((1, 2), (1, 3), (2, 2), (2, 3)):
        wait_saved(page, row, col, "")
    expect(cell(page, 1, 1)).to_have_attribute("data-code", "休")
