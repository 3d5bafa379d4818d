"""Outward notifications in a real browser: HR routes a kind to e-mail, adds a DingTalk robot (its address shown
masked), queues a test message and deactivates the robot after confirming (the queued message fails with it); the
administrator filters the outbox to the failures, reads the errors and retries the seeded one. No script errors. Assertions use ids and data attributes."""
import pytest
from playwright.sync_api import expect

from hrapp.blueprints.notifications.outward.services import ROBOT_DEACTIVATED
from tests.browser.conftest import Session
from tests.browser.outward_seed import OUTWARD

pytestmark = pytest.mark.browser
WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token=journey-secret-token-0042"


def script_error(message) -> bool:
    """A console error, leaving out the browser's own request for /favicon.ico (the app has none)."""
    return message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico")


def test_routes_robot_test_message_deactivate_and_retry(browser, live_server):
    contexts = [browser.new_context(base_url=live_server.url) for _ in range(2)]
    errors: list[str] = []
    try:
        hr, admin = (context.new_page() for context in contexts)
        for page in (hr, admin):
            page.on("dialog", lambda dialog: dialog.accept())
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: errors.append(message.text) if script_error(message) else None)
        Session(hr).login(live_server.accounts["hr"])
        hr.goto("/notifications/outward/routes")
        hr.check("#route-general-email")
        hr.click("#save-routes")
        expect(hr.locator("#route-general-email")).to_be_checked()
        expect(hr.locator("#route-general-group_robot")).not_to_be_checked()

        hr.click("#outward-tabs >> text=群机器人")
        hr.click("#new-robot")
        hr.select_option("#department_id", label="FO 前厅部")
        hr.select_option("#platform", "dingtalk")
        hr.fill("#name", "前厅群")
        hr.fill("#webhook_url", WEBHOOK)
        hr.fill("#secret", "SECjourney")
        hr.click("#save-robot")
        row = hr.locator("#robot-table tr[data-robot='前厅群']")
        expect(row).to_contain_text("https://oapi.dingtalk.com/…0042")
        assert "journey-secret-token" not in hr.content()
        row.locator("button", has_text="发送测试消息").click()
        expect(hr.locator(".alert-success")).to_contain_text("测试消息已排队")
        hr.locator("#robot-table tr[data-robot='前厅群'] button", has_text="停用").click()
        expect(hr.locator("#robot-table tr[data-robot='前厅群']")).to_contain_text("已停用")

        Session(admin).login(live_server.accounts["admin"])
        admin.goto("/notifications/outward/deliveries")
        admin.select_option("#status", "failed")
        admin.click("#delivery-filters button[type=submit]")
        failed = admin.locator("#delivery-table tr[data-status='failed']")
        expect(failed).to_have_count(2)  # the seeded failure, and the test message its robot's deactivation failed
        expect(failed.filter(has_text="前厅群")).to_contain_text(ROBOT_DEACTIVATED)
        seeded = failed.filter(has_text=OUTWARD["error"])
        expect(seeded).to_have_count(1)
        seeded.locator("button", has_text="重试").click()
        expect(admin.locator(".alert-success")).to_contain_text("已重新排队")
        expect(admin.locator("#delivery-table tr[data-status='failed']")).to_have_count(1)
    finally:
        for context in contexts:
            context.close()
    assert errors == []
