"""Signed documents in a real browser: HR issues the front office's roster, the head changes a cell
(早 → 休, with a reason) and signs; what is signed is the roster at signing time and the registry marks
the earlier version outdated. Then anyone, logged out, checks the signed PDF and a tampered copy on the
public verify page. Assertions use ids, data attributes and URLs."""
import re
import subprocess

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Session
from tests.browser.document_seed import DOC_ROSTER

pytestmark = pytest.mark.browser


def _doc_id(page: Page) -> int:
    return int(re.search(r"/reports/documents/(\d+)$", page.url).group(1))


def _roster_url(page: Page) -> str:
    page.goto("/roster/")  # the overview of the user's departments, then the department's list of rosters
    page.click(f"#roster-overview a:has-text('{DOC_ROSTER['department']} ')")
    page.click(f"#roster-table a:has-text('{DOC_ROSTER['month'].isoformat()}')")
    page.wait_for_url(re.compile(r".*/roster/\d+$"))
    return page.url


def test_head_changes_the_roster_then_signs_what_it_is_now(browser, live_server, tmp_path):
    head_ctx = browser.new_context(base_url=live_server.url)
    hr_ctx = browser.new_context(base_url=live_server.url)
    outsider = browser.new_context(base_url=live_server.url)
    try:
        head = Session(head_ctx.new_page()).login(live_server.accounts["head"])
        head.on("dialog", lambda dialog: dialog.accept())
        roster_url = _roster_url(head)

        # HR issues the published roster: it waits for the head, who is named and notified.
        hr = Session(hr_ctx.new_page()).login(live_server.accounts["hr"])
        hr.goto(roster_url)
        hr.click("#issue-pdf")
        with hr.expect_navigation():
            hr.click("main form[method=post]:not([action]) button[type=submit]")
        first_id = _doc_id(hr)
        expect(hr.locator(".alert-success")).to_contain_text(live_server.names["head"])

        # The head changes the first day 早 → 休 with a reason, then signs the pending document.
        head.goto(roster_url)
        head.fill("#change-reason", "临时调休")
        cell = head.locator("#roster-grid tbody tr").nth(0).locator("td.cell").nth(0)
        expect(cell).to_have_attribute("data-code", "早")
        cell.click()
        head.keyboard.type("休")
        expect(cell).to_have_attribute("data-code", "休")
        expect(cell).not_to_have_class(re.compile(r"\bpending\b"))
        head.goto(f"/reports/documents/{first_id}")
        expect(head.locator("#outdated")).to_be_visible()
        with head.expect_navigation():
            head.click(f"form[action='/reports/documents/{first_id}/sign'] button")
        signed_id = _doc_id(head)
        assert signed_id != first_id

        # Nothing signed differs from the roster at signing time: the signed PDF shows 休 on day 1.
        pdf = tmp_path / "signed.pdf"
        pdf.write_bytes(head.request.get(f"/reports/documents/{signed_id}/pdf").body())
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        row = next(line for line in text.splitlines() if DOC_ROSTER["row"] in line and live_server.names["head"] in line)
        assert row.split(live_server.names["head"], 1)[1].split()[0] == "休", row

        # The registry marks the earlier version outdated, not the signed one.
        head.goto("/reports/")
        rows = head.locator("#documents tbody tr")
        expect(rows.filter(has=head.locator(f"a[href='/reports/documents/{first_id}']"))
               .locator(".outdated-badge")).to_have_count(1)
        expect(rows.filter(has=head.locator(f"a[href='/reports/documents/{signed_id}']"))
               .locator(".outdated-badge")).to_have_count(0)

        # Logged out, the person handed the roster checks it: genuine; a tampered copy is not.
        tampered = tmp_path / "tampered.pdf"
        data = pdf.read_bytes()
        at = data.index(b"/Producer")
        tampered.write_bytes(data[:at] + b"/Producex" + data[at + 9:])
        page = outsider.new_page()
        for path, outcome in ((pdf, "genuine"), (tampered, "tampered")):
            page.goto("/verify")
            page.set_input_files("input[name=file]", str(path))
            with page.expect_navigation():
                page.click("form[enctype='multipart/form-data'] [type=submit]")
            expect(page.locator("#verdict")).to_have_attribute("data-outcome", outcome)
        assert page.locator("#nav-notifications").count() == 0  # still logged out
    finally:
        for ctx in (head_ctx, hr_ctx, outsider):
            ctx.close()
