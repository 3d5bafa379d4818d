"""Training in a real browser: HR creates a certifying course and a session starting in a minute or two; the head
of TRN enrols their two people (the one on duty at that time shows a clash); the staff member signs in on a
phone-sized page with the code the results page shows; HR scores them (a pass), which issues the certificate,
and issues the signed certificate document, which the staff member can open; the staff member gives feedback
once the session has begun; the head opens the session's effect page, whose charts draw with no script errors.
Assertions use ids, data attributes and URLs."""
import re
import time
from datetime import datetime, timedelta
from datetime import time as dtime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Session
from tests.browser.training_seed import TRAINING

pytestmark = pytest.mark.browser
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _start() -> datetime:
    """The next whole minute at least 10 seconds away (local): the session is not in the past when saved. In the
    last minutes before midnight it waits for the new day (a session of a few minutes must not cross it)."""
    now = datetime.now(SHANGHAI).replace(tzinfo=None)
    if now.hour == 23 and now.minute >= 56:
        time.sleep((datetime.combine(now.date() + timedelta(days=1), dtime(0, 0, 30)) - now).total_seconds())
        now = datetime.now(SHANGHAI).replace(tzinfo=None)
    return (now + timedelta(seconds=70)).replace(second=0, microsecond=0)


def test_course_session_enrolment_sign_in_certificate_feedback_and_effect(browser, live_server):
    phone = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    contexts = [browser.new_context(base_url=live_server.url) for _ in range(2)]
    errors: list[str] = []
    try:
        staff = Session(phone.new_page()).login(TRAINING["staff"])
        head = Session(contexts[0].new_page()).login(TRAINING["head"])
        hr = Session(contexts[1].new_page()).login(live_server.accounts["hr"])
        for page in (staff, head, hr):
            page.on("dialog", lambda dialog: dialog.accept())
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

        # HR adds a certifying complaint-handling course (its conduct rules come pre-selected) ...
        hr.goto("/training/courses/new?category=complaint_handling")
        expect(hr.locator("#rule_ids option:checked")).not_to_have_count(0)
        hr.fill("#code", "JRN-CMP")
        hr.fill("#title", "客户投诉处理（演练）")
        hr.fill("#hours", "2")
        hr.fill("#pass_score", "60")
        hr.fill("#certificate_months", "12")
        with hr.expect_navigation():
            hr.click("#course-form button[type=submit]")
        assert re.search(r"/training/courses/\d+$", hr.url), hr.url

        # ... and a session of it for TRN from the course's page, starting in a minute or two.
        with hr.expect_navigation():
            hr.click("#course-new-session")
        starts = _start()
        department = hr.locator("#department_id option", has_text=TRAINING["department"]).first.get_attribute("value")
        hr.select_option("#department_id", department)
        hr.fill("#starts_on", starts.date().isoformat())
        hr.fill("#start_time", starts.strftime("%H:%M"))
        hr.fill("#end_time", min(starts + timedelta(hours=2), starts.replace(hour=23, minute=59)).strftime("%H:%M"))
        hr.fill("#place", "培训室")
        hr.fill("#capacity", "10")
        with hr.expect_navigation():
            hr.click("main form button[type=submit]")
        found = re.search(r"/training/sessions/(\d+)$", hr.url)
        assert found, hr.url
        session_path = found.group(0)

        # The head enrols both their people; the one on duty at that time shows a clash.
        head.goto(session_path)
        with head.expect_navigation():
            head.click("#enrol-people")
        rows = head.locator("#candidate-table tbody tr")
        expect(rows).to_have_count(2)
        expect(rows.filter(has_text=TRAINING["busy_number"]).locator("td.clash")).to_contain_text("值班")
        expect(rows.filter(has_text=TRAINING["staff_number"]).locator("td.clash")).to_have_text("")
        head.check("#check-all")
        with head.expect_navigation():
            head.click("#enrol-form button[type=submit]")
        head.goto(session_path)
        expect(head.locator("#enrolled-table tbody tr")).to_have_count(2)

        # The staff member signs in on their phone with the code the results page shows.
        hr.goto(session_path)
        with hr.expect_navigation():
            hr.click("#session-results")
        results_url = hr.url
        code = hr.locator("#signin-code").inner_text().strip()
        assert re.fullmatch(r"\d{6}", code), code
        staff.goto("/training/sign-in")
        staff.fill("#code", code)
        with staff.expect_navigation():
            staff.click("#sign-in-form button[type=submit]")
        hr.goto(results_url)
        mine = hr.locator("#register-table tr", has_text=TRAINING["staff_number"])
        expect(mine).to_have_attribute("data-presence", "present")

        # HR records a passing score: the certificate is issued; HR issues and signs the certificate document.
        person = hr.locator("#enrolment_id option", has_text=TRAINING["staff_number"]).first.get_attribute("value")
        hr.select_option("#enrolment_id", person)
        hr.fill("#score", "88")
        with hr.expect_navigation():
            hr.click("#attempt-form button[type=submit]")
        passed = hr.locator("#attempts-table tr[data-passed=yes]", has_text=TRAINING["staff_number"])
        expect(passed).to_contain_text("TC-")
        with hr.expect_navigation():
            passed.locator("a[href*='training-certificate']").click()
        with hr.expect_navigation():
            hr.click("main form[method=post]:not([action]) button[type=submit]")
        doc = re.search(r"/reports/documents/(\d+)$", hr.url)
        assert doc, hr.url
        expect(hr.locator("main .badge.text-bg-success").first).to_be_visible()  # HR's slot, signed on issue
        staff.goto(f"/reports/documents/{doc.group(1)}")
        expect(staff.locator("main")).to_contain_text("TC-")

        # Once the session has begun, the staff member gives feedback (once).
        wait = (starts - datetime.now(SHANGHAI).replace(tzinfo=None)).total_seconds() + 2
        if wait > 0:
            staff.wait_for_timeout(wait * 1000)
        staff.goto("/training/sign-in")
        with staff.expect_navigation():
            staff.locator("#my-sessions li", has_text="客户投诉处理").locator("a").click()
        staff.check("#rating-0")
        staff.fill("#comment", "案例很实用")
        with staff.expect_navigation():
            staff.click("#feedback-form button[type=submit]")
        expect(staff.locator("#given-feedback")).to_be_visible()

        # The head sees the session's effect: reaction, learning, behaviour, with charts drawn.
        head.goto(session_path)
        with head.expect_navigation():
            head.click("#session-effect")
        expect(head.locator("[data-chart-ready='1']").first).to_be_visible()
        expect(head.locator("[data-chart-ready='1'] svg").first).to_be_attached()
        expect(head.locator("main")).to_contain_text("88")
        assert not errors, errors
    finally:
        for context in (phone, *contexts):
            context.close()
