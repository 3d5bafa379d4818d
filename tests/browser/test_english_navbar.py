"""The top navigation at a common laptop width stays on one line, in Chinese and in English (menus group
the links). Ends with the admin account in English, which the language journey expects or sets itself."""
import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def _assert_one_line(page: Page) -> None:
    height = page.locator("nav.navbar").bounding_box()["height"]
    first = page.locator("#mainnav .navbar-nav > li").first.bounding_box()
    logout = page.locator("#mainnav form[action='/auth/logout'] button").bounding_box()
    same_row = first["y"] < logout["y"] + logout["height"] and logout["y"] < first["y"] + first["height"]
    assert height < 70 and same_row, f"navbar {height}px high; first link {first}, log out {logout}"


def test_admin_navbar_is_one_line_at_1366px(session):
    page = session.login("admin")
    page.set_viewport_size({"width": 1366, "height": 800})
    if page.locator("html").get_attribute("lang") != "zh-CN":
        with page.expect_navigation():
            page.click("form[action='/auth/locale/zh'] button")
    _assert_one_line(page)
    with page.expect_navigation():
        page.click("form[action='/auth/locale/en'] button")
    assert page.locator("html").get_attribute("lang") == "en"
    _assert_one_line(page)
    page.click("#mainnav .dropdown-toggle >> nth=0")  # a menu opens and shows its links
    assert page.locator("#mainnav .dropdown-menu.show a.dropdown-item").count() >= 2
