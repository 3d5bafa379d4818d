"""The code of conduct in a real browser: the front office's head records a grooming violation (rule 2-4) with a
photo and checks the amount before submitting, issues and signs the penalty notice; the desk clerk appeals from
their phone-sized page; HR halves the fine with a reason; the clerk sees the decision; the ledger carries the
adjusted fine and the notice signed afterwards shows it while the first one is marked outdated. Assertions use
ids, data attributes and URLs."""
import re
import struct
import subprocess
import zlib

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser

MONTH = "2026-11"


def _png() -> bytes:
    """A valid 1×1 PNG (the evidence upload checks the content, not the name)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) \
        + chunk(b"IEND", b"")


def _doc_id(page: Page) -> int:
    return int(re.search(r"/reports/documents/(\d+)$", page.url).group(1))


def _issue(page: Page, violation_url: str) -> int:
    """Issue the violation's penalty notice from its page (the head, its first signer, signs it as it is issued);
    returns the document's id."""
    page.goto(violation_url)
    page.click("#violation-documents .issue-document")
    with page.expect_navigation():
        page.click("main form[method=post]:not([action]) button[type=submit]")
    return _doc_id(page)


def _sign(page: Page, doc_id: int) -> None:
    page.goto(f"/reports/documents/{doc_id}")
    with page.expect_navigation():
        page.click(f"form[action='/reports/documents/{doc_id}/sign'] button")


def test_violation_appeal_decision_ledger_and_notice(browser, live_server, tmp_path):
    contexts = [browser.new_context(base_url=live_server.url) for _ in range(2)]
    phone = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    try:
        head = Session(contexts[0].new_page()).login(live_server.accounts["head"])
        hr = Session(contexts[1].new_page()).login(live_server.accounts["hr"])
        clerk = Session(phone.new_page()).login(live_server.accounts["staff"])
        for page in (head, hr, clerk):
            page.on("dialog", lambda dialog: dialog.accept())

        # The head records: person, rule 2-4 (10–20 yuan), when, what; checks; adds a photo; submits.
        head.goto("/conduct/violations/new")
        head.fill("#staff_number", live_server.names["desk_number"])
        rule_value = head.locator("#rule_id option", has_text="2-4 ").first.get_attribute("value")
        head.select_option("#rule_id", rule_value)
        head.fill("#occurred_at", f"{MONTH}-20T09:30")
        head.fill("#place", "前台")
        head.fill("#description", "未按规定着装，未佩戴工牌")
        head.fill("#amount", "20")
        with head.expect_navigation():
            head.click("#check-button")
        expect(head.locator("#check-amount")).to_contain_text("20.00")
        expect(head.locator("#check-occurrence")).to_contain_text("1")
        head.set_input_files("#evidence", files=[{"name": "uniform.png", "mimeType": "image/png",
                                                   "buffer": _png()}])
        with head.expect_navigation():
            head.click("#save-submit")
        assert re.search(r"/conduct/violations/\d+$", head.url), head.url
        violation_url = head.url
        expect(head.locator("#review-panel")).to_have_attribute("data-state", "submitted")
        expect(head.locator("body")).to_contain_text("uniform.png")

        # The head issues the penalty notice, signing it (the head's signature comes first).
        first_notice = _issue(head, violation_url)

        # The clerk (phone) appeals within the deadline.
        clerk.goto("/conduct/my/violations")
        clerk.click(f"a[href='{violation_url.removeprefix(live_server.url)}']")
        clerk.click("#appeal-box summary")
        clerk.fill("#appeal-form textarea", "当天工牌在更衣室被同事误拿，已找回")
        with clerk.expect_navigation():
            clerk.click("#appeal-form button[type=submit]")
        expect(clerk.locator("#review-panel")).to_have_attribute("data-state", "appealed")

        # HR sees it in the review queue, halves the fine with a reason.
        hr.goto("/conduct/review/")
        expect(hr.locator("main")).to_contain_text(live_server.names["desk"])
        hr.goto(violation_url)
        hr.fill("#review-form [name=amount]", "10.00")
        hr.fill("#review-form [name=reason]", "初次违纪且已说明原因，减半处罚")
        with hr.expect_navigation():
            hr.click("#review-form button[type=submit]")
        hr.goto(violation_url)
        expect(hr.locator("#review-panel")).to_have_attribute("data-state", "final")

        # The clerk sees the decision and its reason.
        clerk.goto(violation_url)
        expect(clerk.locator("#review-decision")).to_have_attribute("data-decision", "adjusted")
        expect(clerk.locator("#review-decision-reason")).to_contain_text("减半处罚")
        expect(clerk.locator("#violation-amount")).to_contain_text("10.00")

        # The ledger carries the adjusted fine.
        hr.goto(f"/conduct/ledger/?month={MONTH}")
        row = hr.locator("#ledger-table tbody tr", has_text=live_server.names["desk_number"])
        expect(row).to_contain_text("10.00")

        # The notice signed before the decision is outdated; the head re-issues, HR signs: the PDF says 10.00.
        head.goto(f"/reports/documents/{first_notice}")
        expect(head.locator("#outdated")).to_be_visible()
        second_notice = _issue(head, violation_url)
        assert second_notice != first_notice
        _sign(hr, second_notice)
        pdf = tmp_path / "notice.pdf"
        pdf.write_bytes(hr.request.get(f"/reports/documents/{second_notice}/pdf").body())
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "10.00" in text, text
        signatures = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
        # The head's and HR's signatures are valid; the clerk's acknowledgement slot stays open (they appealed).
        assert signatures.count("Signature is Valid.") == 2 and "CN=hr" in signatures and "(head)" in signatures, \
            signatures
    finally:
        for context in (*contexts, phone):
            context.close()
