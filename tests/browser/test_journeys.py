"""What people do in a real browser: log in per role, HR creates and edits a record, a failed
login, switching the language. Assertions use URLs, ids and field names rather than translated
text, which works whether or not the catalogues are compiled."""
import re
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ZH_CATALOGUE = Path(__file__).resolve().parents[2] / "hrapp" / "translations" / "zh" / "LC_MESSAGES"


def nav_links(page: Page) -> set[str]:
    """Every link of the top navigation, in the bar or in its dropdown menus."""
    return set(page.locator("#mainnav a.nav-link:not(.dropdown-toggle), #mainnav a.dropdown-item").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"))


def staff_table_names(page: Page) -> set[str]:
    return set(page.locator("#staff-table tbody tr td:nth-child(2)").all_inner_texts())


def test_admin_lands_on_home_with_every_menu(session):
    page = session.login("admin")
    assert page.url.endswith("/")
    links = nav_links(page)
    assert {"/staff/", "/org/", "/accounts/", "/audit/", "/org/settings"} <= links
    assert "/staff/me" not in links  # the admin account has no staff record
    page = session.logout()
    assert "/auth/login" in page.url
    expect(page.locator("input[name=identifier]")).to_be_visible()


def test_hr_sees_staff_accounts_and_audit_but_not_settings(session, live_server):
    page = session.login("hr")
    assert page.url.endswith("/")
    links = nav_links(page)
    assert {"/staff/", "/accounts/", "/audit/"} <= links
    assert "/org/settings" not in links
    page.goto("/staff/")
    assert {live_server.names["head"], live_server.names["desk"], live_server.names["housekeeping"]} \
        <= staff_table_names(page)


def test_head_sees_only_their_departments(session, live_server):
    page = session.login("head")
    assert page.url.endswith("/")
    links = nav_links(page)
    assert {"/staff/", "/staff/me"} <= links
    assert "/accounts/" not in links and "/audit/" not in links
    page.click("#mainnav a.nav-link[href='/staff/']")
    page.wait_for_url("**/staff/")
    names = staff_table_names(page)
    assert {live_server.names["head"], live_server.names["desk"]} <= names
    assert live_server.names["housekeeping"] not in names
    assert page.locator("a[href='/staff/new']").count() == 0  # heads do not edit records


def test_staff_lands_on_own_home_and_sees_only_own_record(session, live_server):
    page = session.login("staff")
    assert page.url.endswith("/")  # their own home page (home/staff_home)
    page.goto("/staff/me")
    profile = page.locator("#staff-profile")
    expect(profile).to_contain_text(live_server.names["desk"])
    expect(profile).to_contain_text(live_server.names["desk_number"])
    links = nav_links(page)
    assert "/staff/me" in links
    assert "/staff/" not in links and "/accounts/" not in links
    assert page.goto("/staff/").status == 403


def test_staff_can_log_in_with_staff_number(session, live_server):
    page = session.login(live_server.names["desk_number"])
    assert page.url.endswith("/")
    expect(page.locator("#home-staff, main")).not_to_have_count(0)


def test_failed_login_shows_an_error_and_stays(session):
    page = session.login("hr", "not-the-password")
    assert "/auth/login" in page.url
    expect(page.locator(".alert-danger")).to_be_visible()
    assert "/staff/" not in nav_links(page)
    page = session.login("hr")  # the right password still works afterwards
    assert page.url.endswith("/")


def test_hr_creates_then_edits_a_staff_member(session):
    number = f"B{uuid.uuid4().hex[:8].upper()}"
    page = session.login("hr")
    page.goto("/staff/")
    page.click("a[href='/staff/new']")
    page.wait_for_url("**/staff/new")

    form = page.locator("#staff-form")
    form.locator("[name=staff_number]").fill(number)
    form.locator("[name=name_zh]").fill("测试新员工")
    form.locator("[name=name_en]").fill("Browser Test")
    form.locator("[name=gender]").select_option("male")
    form.locator("[name=birth_on]").fill("1995-05-05")
    form.locator("[name=department_id]").select_option(label="HK 客房部")
    form.locator("[name=hire_on]").fill("2024-01-15")
    form.locator("[name=daily_wage_amount]").fill("180.00")
    form.locator("[name=monthly_base_amount]").fill("4000.00")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    assert re.search(r"/staff/\d+$", page.url), page.url
    profile = page.locator("#staff-profile")
    expect(profile).to_contain_text(number)
    expect(profile).to_contain_text("测试新员工")
    expect(page.locator("#daily-wage")).to_have_text("180.00")
    staff_url = page.url

    page.click(f"a[href='{urlsplit(staff_url).path}/edit']")
    page.wait_for_url("**/edit")
    form = page.locator("#staff-form")
    expect(form.locator("[name=staff_number]")).to_have_value(number)
    form.locator("[name=name_zh]").fill("测试改名员工")
    form.locator("[name=phone]").fill("13800138000")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    assert page.url == staff_url
    expect(profile).to_contain_text("测试改名员工")
    expect(profile).to_contain_text("13800138000")
    expect(profile).not_to_contain_text("测试新员工")

    page.goto(f"/staff/?q={number}")
    expect(page.locator("#staff-table tbody tr")).to_have_count(1)
    expect(page.locator("#staff-table")).to_contain_text("测试改名员工")


def test_language_buttons_switch_the_interface(session):
    page = session.page
    page.goto("/auth/login")
    assert page.locator("html").get_attribute("lang") == "zh-CN"  # Chinese by default
    zh_button = page.locator("form:has(input[name=identifier]) [type=submit]").inner_text()

    with page.expect_navigation():
        page.click("form[action='/auth/locale/en'] button")
    assert "/auth/login" in page.url
    assert page.locator("html").get_attribute("lang") == "en"
    en_button = page.locator("form:has(input[name=identifier]) [type=submit]").inner_text()
    assert en_button == "Log in"
    if (ZH_CATALOGUE / "messages.mo").exists():
        assert zh_button != en_button

    # The choice survives logging in, then switching back works for a logged-in user too.
    page = session.login("admin")
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation():
        page.click("form[action='/auth/locale/zh'] button")
    assert page.locator("html").get_attribute("lang") == "zh-CN"


def import_csv(rows: list[str]) -> bytes:
    header = "staff_number,name_zh,gender,department_code,hire_on,birth_on,phone,daily_wage"
    return ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8")


def upload(page: Page, name: str, body: bytes) -> None:
    page.set_input_files("#import-upload input[name=file]",
                         files=[{"name": name, "mimeType": "text/csv", "buffer": body}])
    with page.expect_navigation():
        page.click("#import-upload form button[type=submit]")


def test_hr_imports_staff_after_a_preview(session, live_server):
    number = f"IMP{uuid.uuid4().hex[:6].upper()}"
    new_row = f"{number},导入新员工,female,HK,2024-02-01,1992-03-04,,260.00"
    update_row = "E0003,赵服务员,female,HK,2020-03-01,1990-01-01,13900139000,"
    page = session.login("hr")
    page.click("#mainnav .dropdown:has(a[href='/staff-import-export/import']) .dropdown-toggle")
    page.click("#mainnav a.dropdown-item[href='/staff-import-export/import']")
    page.wait_for_url("**/staff-import-export/import")

    # A file with a bad row: the preview lists the problem and offers no confirmation.
    upload(page, "bad.csv", import_csv([new_row, "X-BAD,坏行,female,HK,not-a-date,,,260.00"]))
    expect(page.locator("#import-blocked")).to_be_visible()
    expect(page.locator("#import-problems tbody tr")).to_have_count(1)
    assert page.locator("#import-confirm").count() == 0

    page.goto("/staff-import-export/import")
    upload(page, "staff.csv", import_csv([new_row, update_row]))
    expect(page.locator("#import-rows tbody tr")).to_have_count(2)
    expect(page.locator("#import-rows")).to_contain_text(number)
    other_tab = page.context.new_page()  # nothing is saved before the confirmation
    other_tab.goto(f"/staff/?q={number}")
    expect(other_tab.locator("#staff-table")).to_have_count(0)
    other_tab.close()

    with page.expect_navigation():
        page.click("#import-confirm button[type=submit]")
    assert urlsplit(page.url).path == "/staff/"
    expect(page.locator(".alert-success")).to_be_visible()
    page.goto(f"/staff/?q={number}")
    expect(page.locator("#staff-table tbody tr")).to_have_count(1)
    expect(page.locator("#staff-table")).to_contain_text("导入新员工")
    page.goto("/staff/?q=赵服务员")
    expect(page.locator("#staff-table tbody tr")).to_contain_text("13900139000")
