"""Attendance and leave in a real browser: the staff member punches in late from a phone-sized page and asks for a
day of annual leave; the head sees them late on the day board and approves the leave; HR closes last month's
attendance for the department and issues the signed monthly sheet, which the head and then HR sign. Assertions
use ids, data attributes and URLs."""
import re
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.attendance_seed import ATTENDANCE
from tests.browser.conftest import Session

pytestmark = pytest.mark.browser
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _past_the_grace_after_midnight() -> None:
    """Just after local midnight the seeded shift starts at 00:00 and a punch is within the 5 minutes' grace:
    wait until the punch is late (at most seven minutes, only in that window)."""
    now = datetime.now(SHANGHAI)
    if now.hour == 0 and now.minute < 7:
        time.sleep((datetime.combine(now.date(), dtime(0, 7), SHANGHAI) - now).total_seconds())


def test_late_punch_leave_day_board_month_close_and_signed_sheet(browser, live_server):
    _past_the_grace_after_midnight()
    phone = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    contexts = [browser.new_context(base_url=live_server.url) for _ in range(2)]
    try:
        staff = Session(phone.new_page()).login(ATTENDANCE["staff"])
        head = Session(contexts[0].new_page()).login(ATTENDANCE["head"])
        hr = Session(contexts[1].new_page()).login(live_server.accounts["hr"])
        for page in (staff, head, hr):
            page.on("dialog", lambda dialog: dialog.accept())

        # The staff member punches in: the shift began 40 minutes ago.
        staff.goto("/attendance/punch")
        with staff.expect_navigation():
            staff.click("#punch-button")
        expect(staff.locator("#punch-list li")).to_have_count(1)

        # ... and asks for tomorrow off as annual leave, seeing the day count first.
        tomorrow = (date.today() + timedelta(days=1)).isoformat()
        staff.goto("/leave/requests/new")
        annual = staff.locator("#leave_type_id option", has_text="年休假").first.get_attribute("value")
        staff.select_option("#leave_type_id", annual)
        staff.fill("#starts_on", tomorrow)
        staff.fill("#ends_on", tomorrow)
        staff.fill("#reason", "家中有事")
        with staff.expect_navigation():
            staff.click("#preview")
        expect(staff.locator("#leave-days")).to_contain_text("1")
        with staff.expect_navigation():
            staff.click("#submit")
        assert re.search(r"/leave/requests/\d+$", staff.url), staff.url
        request_url = staff.url

        # The head's day board shows the person late; the head approves the leave.
        head.goto("/attendance/today")
        late = head.locator("#board-table tr[data-state=late]")
        expect(late).to_have_count(1)
        expect(late).to_contain_text("考勤员1")
        head.goto("/leave/requests/approvals")
        with head.expect_navigation():
            head.click(f"#leave-approvals a[href='{request_url.removeprefix(live_server.url)}']")
        with head.expect_navigation():
            head.click("#transition-approve button")
        staff.goto("/leave/requests/my")
        expect(staff.locator("[data-request-id][data-status=approved]")).to_have_count(1)

        # HR closes last month's attendance of the department, then issues the signed sheet.
        last_month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
        hr.goto(f"/periods/?month={last_month}")
        row = hr.locator("#periods-attendance tr", has_text=ATTENDANCE["department"])
        with hr.expect_navigation():
            row.locator("a").click()
        hr.fill("#reason", "考勤已核对")
        hr.check("#confirm")
        with hr.expect_navigation():
            hr.click("main form button[type=submit]")
        expect(row.locator(".badge")).to_have_class(re.compile("text-bg-secondary"))  # closed
        hr.goto(f"/attendance/sheet/{ATTENDANCE['department']}/{last_month}")
        expect(hr.locator("#sheet-table tbody tr")).to_have_count(3)
        expect(hr.locator("#sheet-table")).to_contain_text("迟")
        with hr.expect_navigation():
            hr.click("#sheet-issue")
        with hr.expect_navigation():
            hr.click("main form[method=post]:not([action]) button[type=submit]")
        doc = re.search(r"/reports/documents/(\d+)$", hr.url)
        assert doc, hr.url
        doc_id = doc.group(1)
        for signer in (head, hr):
            signer.goto(f"/reports/documents/{doc_id}")
            sign = signer.locator(f"form[action='/reports/documents/{doc_id}/sign'] button")
            if sign.count():
                with signer.expect_navigation():
                    sign.click()
        hr.goto(f"/reports/documents/{doc_id}")
        expect(hr.locator("main .badge.text-bg-success").first).to_be_visible()
    finally:
        for context in (phone, *contexts):
            context.close()
