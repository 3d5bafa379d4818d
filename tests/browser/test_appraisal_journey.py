"""Appraisals in a real browser: HR creates last quarter's cycle and opens it (APR's person gets an appraisal from
APR's template); the staff member self-assesses on a phone; HR moves the cycle to head scoring and the head of APR
scores (a comment on the top level); HR starts calibration and adjusts the result with a reason; the staff member
sees nothing of the result before HR publishes, then sees it and acknowledges it; the head issues the signed
appraisal form, HR and the staff member sign it, and the public verify page finds the downloaded PDF genuine.
Assertions use ids, data attributes and URLs."""
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from hrapp.company import company_today
from hrapp.core.periods import QUARTER, period_of
from tests.browser.appraisal_seed import APPRAISAL
from tests.browser.conftest import Session

pytestmark = pytest.mark.browser


def _move(hr, cycle_path: str, step: str, stage: str) -> None:
    hr.goto(cycle_path)
    with hr.expect_navigation():
        hr.click(f"#move-{step} button[type=submit]")
    expect(hr.locator("#cycle-stage")).to_have_attribute("data-stage", stage)


def _rate(page, level: int) -> None:
    """Pick `level` for every rating on the page."""
    items = page.locator("[data-item-id]")
    for n in range(items.count()):
        item_id = items.nth(n).get_attribute("data-item-id")
        page.check(f"#level-{item_id}-{level}")


def test_cycle_self_assessment_scoring_calibration_publication_and_signed_form(browser, live_server, tmp_path):
    phone = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    contexts = [browser.new_context(base_url=live_server.url) for _ in range(3)]
    errors: list[str] = []
    try:
        staff = Session(phone.new_page()).login(APPRAISAL["staff"])
        head = Session(contexts[0].new_page()).login(APPRAISAL["head"])
        hr = Session(contexts[1].new_page()).login(live_server.accounts["hr"])
        for page in (staff, head, hr):
            page.on("dialog", lambda dialog: dialog.accept())
            page.on("pageerror", lambda error: errors.append(str(error)))

        # HR creates last quarter's cycle, with deadlines ahead, and opens it.
        today = company_today()
        hr.goto("/appraisals/cycles/new")
        hr.fill("#period", period_of(QUARTER, today).previous().name)
        for field, days in (("self_due_on", 3), ("head_due_on", 6), ("calibration_due_on", 9)):
            hr.fill(f"#{field}", (today + timedelta(days=days)).isoformat())
        with hr.expect_navigation():
            hr.click("#cycle-form button[type=submit]")
        found = re.search(r"/appraisals/cycles/(\d+)$", hr.url)
        assert found, hr.url
        cycle_path = found.group(0)
        _move(hr, cycle_path, "open", "self_assessment")

        # The staff member self-assesses on the phone: 良好 on both ratings, submitted.
        staff.goto("/appraisals/my")
        with staff.expect_navigation():
            staff.locator("a[href^='/appraisals/']", has_text=re.compile(r"\d{4}-Q\d")).first.click()
        appraisal_path = re.search(r"/appraisals/\d+$", staff.url).group(0)
        with staff.expect_navigation():
            staff.click("#self-assess-link")
        _rate(staff, 4)
        with staff.expect_navigation():
            staff.click("#submit-self")
        expect(staff.locator("#appraisal-self-total")).to_contain_text("80")

        # HR starts head scoring; the head rates 优秀 on both, with the comment the top level needs.
        _move(hr, cycle_path, "to_head_scoring", "head_scoring")
        head.goto(appraisal_path)
        with head.expect_navigation():
            head.click("#score-link")
        _rate(head, 5)
        with head.expect_navigation():
            head.click("#submit-head")
        expect(head.locator("[data-error-for^=comment-]").first).to_be_visible()  # the top level needs a comment
        items = head.locator("[data-item-id]")
        for n in range(items.count()):
            head.fill(f"#comment-{items.nth(n).get_attribute('data-item-id')}", "表现突出，宾客多次表扬")
        with head.expect_navigation():
            head.click("#submit-head")
        expect(head.locator("#appraisal-total")).to_have_text("100.00")

        # Before publication the staff member sees no result.
        staff.goto(appraisal_path)
        expect(staff.locator("#result-hidden")).to_be_visible()
        expect(staff.locator("#appraisal-total")).to_have_count(0)

        # HR starts calibration and adjusts the result, with a reason.
        _move(hr, cycle_path, "to_calibration", "calibration")
        appraisal_id = appraisal_path.rsplit("/", 1)[1]
        hr.goto(f"/appraisals/calibration/appraisals/{appraisal_id}/adjust")
        hr.fill("#total", "88")
        hr.fill("#reason", "部门整体偏宽松，按分布指引校准")
        with hr.expect_navigation():
            hr.click("#adjust-form button[type=submit]")
        hr.goto(appraisal_path)
        expect(hr.locator("#appraisal-total")).to_have_text("88.00")

        # HR publishes; the staff member now sees 88 (良好) and acknowledges it.
        _move(hr, cycle_path, "publish", "published")
        staff.goto(appraisal_path)
        expect(staff.locator("#appraisal-total")).to_have_text("88.00")
        with staff.expect_navigation():
            staff.click("#acknowledge-form button[type=submit]")
        expect(staff.locator("#signoff-panel")).to_have_attribute("data-status", "acknowledged")

        # The head issues the signed appraisal form (signing first); HR, then the staff member, sign it.
        head.goto(appraisal_path)
        with head.expect_navigation():
            head.click("#appraisal-form-box a.issue-document")
        with head.expect_navigation():
            head.click("main form[method=post]:not([action]) button[type=submit]")
        doc = re.search(r"/reports/documents/(\d+)$", head.url)
        assert doc, head.url
        doc_path = doc.group(0)
        for signer in (hr, staff):
            signer.goto(doc_path)
            with signer.expect_navigation():
                signer.click(f"form[action='{doc_path}/sign'] button")
        signed = re.search(r"/reports/documents/(\d+)$", staff.url).group(0)

        # The signed form downloaded and checked on the public verify page: genuine.
        pdf = tmp_path / "appraisal.pdf"
        pdf.write_bytes(staff.request.get(f"{signed}/pdf").body())
        checker = contexts[2].new_page()
        checker.goto("/verify")
        checker.set_input_files("input[name=file]", str(pdf))
        with checker.expect_navigation():
            checker.click("form[enctype='multipart/form-data'] [type=submit]")
        expect(checker.locator("#verdict")).to_have_attribute("data-outcome", "genuine")
        assert errors == []
    finally:
        for ctx in (phone, *contexts):
            ctx.close()
