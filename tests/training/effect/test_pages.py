"""The effect pages with the known scene of conftest.py: exact numbers on the page and in the charts' JSON, heads
limited to their departments, the year filter, partial windows and courses without linked rules."""
import json
from datetime import timedelta

import lxml.html

from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import CourseCategory, Presence, utcnow
from tests.access_matrix import login


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return Page(lxml.html.fromstring(response.get_data(as_text=True)))


class Page:
    """A parsed page with the few look-ups the tests need."""

    def __init__(self, root):
        self.root = root

    def find(self, id):
        found = self.root.xpath(f'//*[@id="{id}"]')
        return found[0] if found else None

    def text(self, id):
        return " ".join(self.find(id).text_content().split())


def text(element):
    return " ".join(element.text_content().split())


def field(doc, scope_id, name):
    return text(doc.find(scope_id).xpath(f'.//*[@data-field="{name}"]')[0])


def group(doc, key):
    row = doc.find("behaviour-table").xpath(f'.//tr[@data-group="{key}"]')[0]
    return [text(td) for td in row.xpath("./td")[1:]]


def chart_option(doc, chart_id):
    return json.loads(doc.find(f"{chart_id}-option").text)


def chart_rows(doc, chart_id):
    return [[text(td) for td in tr.xpath("./td")] for tr in doc.find(f"{chart_id}-table").xpath("./tbody/tr")]


def test_course_page_as_hr(app, effect_site):
    soup = page(login(app, "hr"), f"/training/effect/courses/{effect_site.course.id}?year=2026")
    assert field(soup, "effect-reaction", "responses") == "3 / 3"
    assert field(soup, "effect-reaction", "response-rate") == "100.0%"
    assert field(soup, "effect-reaction", "average-rating") == "3.7"
    assert field(soup, "effect-learning", "pass-rate") == "66.7%"
    assert field(soup, "effect-learning", "first-pass-rate") == "33.3%"
    assert field(soup, "effect-learning", "average-score") == "65.0"
    assert field(soup, "effect-learning", "score-change").startswith("+30.0")
    assert group(soup, "attendees") == ["3", "3", "2", "100.0", "66.7", "-33.3"]
    assert group(soup, "colleagues") == ["3", "2", "2", "66.7", "66.7", "0.0"]
    assert soup.find("effect-partial") is None and soup.find("no-linked-rules") is None
    assert "不按规定着装" in soup.text("effect-rules") and "卫生清扫不彻底" not in soup.text("effect-rules")
    behaviour = chart_option(soup, "effect-behaviour")
    assert [s["data"] for s in behaviour["series"]] == [[100.0, 66.7], [66.7, 66.7]]
    assert chart_rows(soup, "effect-behaviour") == [[behaviour["series"][0]["name"], "100.0", "66.7"],
                                                    [behaviour["series"][1]["name"], "66.7", "66.7"]]
    feedback = chart_option(soup, "effect-feedback")
    assert feedback["series"][0]["data"] == [1, 1, 0, 1, 0]
    assert [row[1] for row in chart_rows(soup, "effect-feedback")] == ["1", "1", "0", "1", "0"]
    assert feedback["xAxis"]["data"][0] == "高度满意"  # the labels translated (Chinese first)
    comments = soup.text("effect-comments")
    assert "讲得很好" in comments and "太长了" in comments
    assert soup.find("effect-sessions").xpath(".//a")[0].get("href").endswith(f"/sessions/{effect_site.session.id}")


def test_head_counts_only_their_departments(app, effect_site):
    client = login(app, "head")
    soup = page(client, f"/training/effect/courses/{effect_site.course.id}?year=2026")
    assert soup.find("effect-scope") is not None
    assert field(soup, "effect-reaction", "responses") == "2 / 2"
    assert field(soup, "effect-reaction", "average-rating") == "4.5"
    assert field(soup, "effect-learning", "pass-rate") == "100.0%"
    assert field(soup, "effect-learning", "first-pass-rate") == "50.0%"
    assert field(soup, "effect-learning", "average-score") == "73.3"
    assert group(soup, "attendees") == ["2", "3", "1", "150.0", "50.0", "-100.0"]
    assert group(soup, "colleagues") == ["2", "1", "2", "50.0", "100.0", "+50.0"]
    assert [s["data"] for s in chart_option(soup, "effect-behaviour")["series"]] == [[150.0, 50.0], [50.0, 100.0]]
    comments = soup.text("effect-comments")
    assert "讲得很好" in comments and "太长了" not in comments  # housekeeping's comment is not theirs
    index = page(client, "/training/effect/?year=2026")
    row = index.root.xpath(f'//tr[@data-course-id="{effect_site.course.id}"]')[0]
    assert {td.get("data-field"): text(td) for td in row.xpath("./td[@data-field]")} == {
        "attendees": "2", "rating": "4.5", "pass-rate": "100.0%", "behaviour": "-100.0"}
    hk = page(login(app, "hkhead"), f"/training/effect/courses/{effect_site.course.id}?year=2026")
    assert group(hk, "attendees") == ["1", "0", "1", "0.0", "100.0", "+100.0"]
    assert group(hk, "colleagues") == ["1", "1", "0", "100.0", "0.0", "-100.0"]


def test_session_page_and_the_year(app, effect_site):
    client = login(app, "hr")
    soup = page(client, f"/training/effect/sessions/{effect_site.session.id}")
    assert group(soup, "attendees") == ["3", "3", "2", "100.0", "66.7", "-33.3"]
    assert group(soup, "colleagues") == ["3", "2", "2", "66.7", "66.7", "0.0"]
    assert "培训室" in soup.text("effect-session")
    old = page(client, f"/training/effect/courses/{effect_site.course.id}?year=2025")
    assert group(old, "attendees")[0] == "1"  # hk2 at the 2025 session only
    assert old.find("no-feedback") is not None and old.find("no-attempts") is not None
    bad = page(client, f"/training/effect/courses/{effect_site.course.id}?year=abc")
    assert bad.find("filter-errors") is not None


def test_index_headline_numbers_and_filters(app, effect_site, make_course):
    make_course(code="C-SAFE", title="消防安全", category=CourseCategory.SAFETY)
    db.session.commit()
    client = login(app, "hr")
    soup = page(client, "/training/effect/?year=2026")
    row = soup.root.xpath(f'//tr[@data-course-id="{effect_site.course.id}"]')[0]
    cells = {td.get("data-field"): text(td) for td in row.xpath("./td[@data-field]")}
    assert cells == {"attendees": "3", "rating": "3.7", "pass-rate": "66.7%", "behaviour": "-33.3"}
    assert "消防安全" in soup.text("effect-table")
    safety = page(client, "/training/effect/?year=2026&category=safety")
    assert "仪容仪表" not in safety.text("effect-table")
    none = page(client, "/training/effect/?q=nothing-like-this")
    assert none.find("no-courses") is not None
    bad = page(client, "/training/effect/?category=nonsense")
    assert bad.find("filter-errors") is not None


def test_partial_window_and_no_linked_rules(app, people, make_course, make_session, make_enrolment, make_rule):
    started = (utcnow() - timedelta(days=10)).replace(hour=1, minute=0, second=0, microsecond=0)
    recent = make_course(code="C-NEW", title="投诉处理", category=CourseCategory.COMPLAINTS)
    recent.rules.append(make_rule())
    make_enrolment(make_session(recent, starts_at=started), people.desk_staff, presence=Presence.PRESENT)
    bare = make_course(code="C-BARE", title="产品知识", category=CourseCategory.PRODUCT_KNOWLEDGE)
    make_enrolment(make_session(bare, starts_at=started), people.desk_staff, presence=Presence.PRESENT)
    db.session.commit()
    client = login(app, "hr")
    year = company_today().year if started.year == company_today().year else started.year
    soup = page(client, f"/training/effect/courses/{recent.id}?year={year}")
    assert soup.find("effect-partial") is not None
    assert group(soup, "attendees")[0] == "1"
    soup = page(client, f"/training/effect/courses/{bare.id}?year={year}")
    assert soup.find("no-linked-rules") is not None and soup.find("behaviour-table") is None
    index = page(client, f"/training/effect/?year={year}&q=C-BARE")
    assert field(index, "effect-table", "behaviour") == "无关联制度"
