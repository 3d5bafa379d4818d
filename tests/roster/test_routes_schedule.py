"""A person's pages: my schedule (colleagues, changes, rest owed), swaps from proposal to approval, the
calendar feed and its token, notifications and the nav badge."""
import re
from datetime import date

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from hrapp.blueprints.roster import schedule_views, swap_views
from hrapp.extensions import db
from hrapp.models import CalendarFeedToken, Notification, ShiftSwap, SwapStatus
from tests.roster import routing

site = routing.site  # the fixture
step = routing.step


@pytest.fixture
def march(monkeypatch):
    """"Today" is 1 March 2026 for the pages that start from today."""
    for module in (schedule_views, swap_views):
        monkeypatch.setattr(module, "company_today", lambda: date(2026, 3, 1))


def codes_by_day(body: str) -> dict[str, str]:
    return dict(re.findall(r'<tr data-day="([\d-]+)" data-code="([^"]+)"', body))


class TestMySchedule:
    def test_shows_published_shifts_and_colleagues_of_the_department(self, client, auth, site, march):
        auth.login("zhangsan")
        body = client.get("/roster/me").get_data(as_text=True)
        assert codes_by_day(body) == {"2026-03-02": "早", "2026-03-03": "早", "2026-03-04": "早",
                                      "2026-03-05": "早", "2026-03-06": "早", "2026-03-07": "休", "2026-03-08": "休"}
        assert 'id="rest-balance"' in body and 'id="swap-form"' in body

    def test_colleagues_on_the_same_shift(self, client, auth, site, march):
        auth.login("lisi")  # c works 中 on the 3rd; b works 早: no colleague on c's shift
        body = client.get("/roster/me").get_data(as_text=True)
        row = re.search(r'<tr data-day="2026-03-03".*?</tr>', body, re.S).group(0)
        assert 'class="small colleagues"></td>' in row

    def test_accounts_without_a_staff_record_get_404(self, client, auth, site):
        auth.login("hr")
        assert client.get("/roster/me").status_code == 404


class TestSwapsThroughThePages:
    def test_propose_accept_approve(self, client, auth, site, march):
        w = site
        auth.login("zhangsan")
        data = {"my_shift": f"{w.roster.id}:2026-03-02", "partner_id": w.c.id, "partner_day": "2026-03-07"}
        response = client.post("/roster/me/swaps", data=data)
        assert response.status_code == 302
        swap = db.session.scalar(sa.select(ShiftSwap).order_by(ShiftSwap.id.desc()))
        assert response.headers["Location"].endswith(f"/roster/{w.roster.id}/swaps/{swap.id}")
        auth.logout()
        auth.login("lisi")
        page = client.get(f"/roster/{w.roster.id}/swaps/{swap.id}").get_data(as_text=True)
        assert 'id="transition-accept"' in page and 'id="transition-decline"' in page
        assert client.post(f"/roster/{w.roster.id}/swaps/{swap.id}/accept", data=step(swap.id)).status_code == 302
        auth.logout()
        auth.login("head")
        page = client.get(f"/roster/{w.roster.id}/swaps/{swap.id}").get_data(as_text=True)
        assert 'id="swap-clean"' in page and 'id="approve-form"' in page
        assert str(swap.id) in client.get("/roster/swaps").get_data(as_text=True)
        approved = client.post(f"/roster/{w.roster.id}/swaps/{swap.id}/approve", data=step(swap.id, note="ok"))
        assert approved.status_code == 302
        assert db.session.get(ShiftSwap, swap.id).status == SwapStatus.APPROVED

    def test_head_sees_the_recheck_and_cannot_override(self, client, auth, site):
        w = site  # the fixture's swap: b and c exchange the 4th (b 早 -> 中 between two earlies)
        auth.login("lisi")
        client.post(f"/roster/{w.roster.id}/swaps/{w.swap.id}/accept", data=step(w.swap.id))
        auth.logout()
        auth.login("head")
        page = client.get(f"/roster/{w.roster.id}/swaps/{w.swap.id}").get_data(as_text=True)
        assert 'id="swap-breaches"' in page and 'name="override_reason"' not in page
        refused = client.post(f"/roster/{w.roster.id}/swaps/{w.swap.id}/approve",
                              data=step(w.swap.id, override_reason="x"))
        assert refused.status_code == 200
        assert db.session.get(ShiftSwap, w.swap.id).status == SwapStatus.ACCEPTED
        assert client.post(f"/roster/{w.roster.id}/swaps/{w.swap.id}/reject", data=step(w.swap.id)).status_code == 302
        assert db.session.get(ShiftSwap, w.swap.id).status == SwapStatus.REJECTED

    def test_decline_cancel_and_bad_proposals(self, client, auth, site, march):
        w = site
        auth.login("lisi")
        assert client.post(f"/roster/{w.roster.id}/swaps/{w.swap.id}/decline", data=step(w.swap.id)).status_code == 302
        again = client.post(f"/roster/{w.roster.id}/swaps/{w.swap.id}/accept", data=step(w.swap.id))
        assert again.status_code == 200  # no longer open: the page says so
        auth.logout()
        auth.login("zhangsan")
        same_shift = client.post("/roster/me/swaps", data={"my_shift": f"{w.roster.id}:2026-03-08",
                                                           "partner_id": w.c.id})  # both rest that day
        assert same_shift.status_code == 200 and "is-invalid" in same_shift.get_data(as_text=True)
        not_mine = client.post("/roster/me/swaps", data={"my_shift": f"{w.roster.id}:2026-03-20",
                                                         "partner_id": w.c.id})  # no shift of b that day
        assert not_mine.status_code == 200 and "is-invalid" in not_mine.get_data(as_text=True)
        outsider = client.post("/roster/me/swaps", data={"my_shift": f"{w.roster.id}:2026-03-02",
                                                         "partner_id": w.hk_staff.id})
        assert outsider.status_code == 200 and "is-invalid" in outsider.get_data(as_text=True)
        swap = client.post("/roster/me/swaps", data={"my_shift": f"{w.roster.id}:2026-03-05", "partner_id": w.c.id})
        swap_id = int(swap.headers["Location"].rsplit("/", 1)[1])
        assert client.post(f"/roster/{w.roster.id}/swaps/{swap_id}/cancel", data=step(swap_id)).status_code == 302
        assert db.session.get(ShiftSwap, swap_id).status == SwapStatus.CANCELLED

    def test_swap_page_under_the_wrong_roster_is_404(self, client, auth, site):
        auth.login("zhangsan")
        assert client.get(f"/roster/{site.hk_roster.id}/swaps/{site.swap.id}").status_code == 404


class TestCalendarFeed:
    def test_create_shows_the_url_once_then_feed_then_revoke(self, client, auth, site, march):
        auth.login("zhangsan")
        assert 'id="feed-none"' in client.get("/roster/me/calendar").get_data(as_text=True)
        created = client.post("/roster/me/calendar/new")
        assert created.status_code == 200 and created.headers["Cache-Control"] == "no-store"
        url = re.search(r'id="feed-url">([^<]+)<', created.get_data(as_text=True)).group(1)
        path = url.split("localhost", 1)[1]
        assert re.fullmatch(r"/roster/feed/cal_[\w-]+\.ics", path)
        assert 'id="feed-live"' in client.get("/roster/me/calendar").get_data(as_text=True)
        assert "feed-url" not in client.get("/roster/me/calendar").get_data(as_text=True)  # shown once
        auth.logout()
        feed = client.get(path)
        assert feed.status_code == 200 and feed.mimetype == "text/calendar"
        events = Calendar.from_ical(feed.data).walk("VEVENT")
        assert len(events) == 5  # b's five early shifts; rest days are no events
        assert db.session.scalar(sa.select(CalendarFeedToken.last_used_at)) is not None
        auth.login("zhangsan")
        assert client.post("/roster/me/calendar/revoke").status_code == 302
        auth.logout()
        assert client.get(path).status_code == 404

    def test_a_new_address_kills_the_old_one(self, client, auth, site):
        auth.login("zhangsan")
        first = re.search(r"/roster/feed/[^<]+", client.post("/roster/me/calendar/new").get_data(as_text=True))[0]
        client.post("/roster/me/calendar/new")
        assert client.get(first).status_code == 404


class TestNotifications:
    def test_badge_list_open_and_mark_read(self, client, auth, site):
        auth.login("zhangsan")
        home = client.get("/notifications/").get_data(as_text=True)
        assert re.search(r'id="unread-count">\d+<', home)
        assert f'data-notification-id="{site.note.id}" data-read="0"' in home
        opened = client.post(f"/notifications/{site.note.id}/open")
        assert opened.status_code == 302 and opened.headers["Location"] == f"/roster/{site.roster.id}"
        assert db.session.get(Notification, site.note.id).read_at is not None
        assert client.post("/notifications/read").status_code == 302
        assert 'id="unread-count"' not in client.get("/notifications/").get_data(as_text=True)

    def test_a_foreign_link_is_not_followed(self, client, auth, site):
        note = Notification(user_id=site.b_user.id, text="x", link="//evil.example/")
        db.session.add(note)
        db.session.commit()
        auth.login("zhangsan")
        assert client.post(f"/notifications/{note.id}/open").headers["Location"] == "/notifications/"

    def test_nav_links_per_role(self, client, auth, site):
        auth.login("head")
        body = client.get("/roster/").get_data(as_text=True)
        assert 'id="nav-rosters"' in body and 'id="nav-my-schedule"' in body
        auth.logout()
        auth.login("staff")
        body = client.get("/roster/me").get_data(as_text=True)
        assert 'id="nav-rosters"' not in body and 'id="nav-my-schedule"' in body
