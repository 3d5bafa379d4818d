"""The navbar's people search in a real browser: a head types pinyin, the suggestions list (an ARIA combobox)
shows only their own people, the arrow keys choose one and Enter opens it; Enter without a choice opens the
results page; Escape closes the list; in the English UI too. No script errors on the way."""
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Session
from tests.browser.search_seed import SEARCH

pytestmark = pytest.mark.browser
BOX, LIST = "#people-search-input", "#people-search-list"


@pytest.fixture
def head(page: Page) -> Page:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(f"{message.text} {message.location['url']}")
            if message.type == "error" and not message.location["url"].endswith("/favicon.ico") else None)
    Session(page).login(SEARCH["head"])
    yield page
    assert not errors, errors  # the browser's own favicon request (404) aside


def test_typing_pinyin_suggests_and_enter_opens_the_person(head: Page):
    head.goto("/")
    box = head.locator(BOX)
    expect(box).to_have_attribute("role", "combobox")
    box.press_sequentially("zengxiao", delay=30)
    options = head.locator(f"{LIST} [role=option]")
    expect(options.first).to_contain_text(SEARCH["zeng"][1])
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(head.locator(LIST)).not_to_contain_text(SEARCH["outside"][1])  # another department's 曾小明
    expect(head.locator("#people-search-status")).not_to_be_empty()
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "people-search-option-0")
    expect(options.first).to_have_attribute("aria-selected", "true")
    with head.expect_navigation():
        box.press("Enter")
    assert re.search(r"/staff/\d+$", head.url), head.url
    expect(head.locator("main")).to_contain_text(SEARCH["zeng"][1])


def test_initials_then_a_click_opens_the_person(head: Page):
    head.goto("/")
    head.locator(BOX).press_sequentially("zgxl", delay=30)
    option = head.locator(f"{LIST} [role=option]", has_text=SEARCH["zhuge"][1])
    with head.expect_navigation():
        option.click()
    expect(head.locator("main")).to_contain_text(SEARCH["zhuge"][0])


def test_enter_without_a_choice_opens_the_results_page_and_escape_closes(head: Page):
    head.goto("/")
    box = head.locator(BOX)
    box.press_sequentially("xiao", delay=30)
    expect(head.locator(f"{LIST} [role=option]").first).to_be_visible()
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(head.locator(LIST)).to_be_hidden()
    with head.expect_navigation():
        box.press("Enter")
    assert "/search/?q=xiao" in head.url
    rows = head.locator("#search-results tbody tr")
    expect(rows).to_have_count(2)  # 曾小贤 and 诸葛小亮, not 曾小明


def test_suggestions_in_the_english_ui(head: Page):
    head.goto("/")
    with head.expect_navigation():
        head.click("form[action='/auth/locale/en'] button")
    box = head.locator(BOX)
    expect(box).to_have_attribute("placeholder", "Name, pinyin or number")
    box.press_sequentially("SE000", delay=30)
    expect(head.locator(f"{LIST} [role=option]").first).to_contain_text(SEARCH["department_en"])
    with head.expect_navigation():
        head.click("form[action='/auth/locale/zh'] button")


def test_no_one_found_is_shown_and_said(head: Page):
    head.goto("/")
    head.locator(BOX).press_sequentially("qqxxzz", delay=30)
    none = head.locator("#people-search").get_attribute("data-none")
    expect(head.locator(LIST)).to_contain_text(none)
    expect(head.locator("#people-search-status")).to_have_text(none)
    head.locator(BOX).press("ArrowDown")  # nothing to choose
    expect(head.locator(BOX)).not_to_have_attribute("aria-activedescendant", re.compile(".+"))
