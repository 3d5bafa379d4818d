"""Requested days off: the rules for asking and withdrawing, generation honouring them (never above demand),
the person's form on "my schedule" and the head's page for a roster's period."""
import re
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from hrapp.blueprints.roster.services import (
    CellEdit,
    RosterValidationError,
    create_roster,
    day_off,
    generate_roster,
    publish_roster,
    request_day_off,
    set_cells,
    set_demand,
    withdraw_day_off,
)
from hrapp.blueprints.roster.services.day_off import MAX_PER_MONTH
from hrapp.core.errors import StaleRecord
from hrapp.core.periods import Period
from hrapp.core.workflow import TransitionRefused
from hrapp.extensions import db
from hrapp.models import AuditEntry, DayOffRequest, DayOffStatus, Notification, PeriodKind, RosterCell, ShiftType
from tests.conftest import count
from tests.roster.routing import page_cells

TODAY = date(2026, 3, 10)


def standing() -> int:
    """How many wishes stand (withdrawn ones stay as rows, for the record)."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(DayOffRequest).where(
        DayOffRequest.status == DayOffStatus.REQUESTED))


def ahead(days: int = 0) -> date:
    """A day at least a month after the real today (the pages use the company's real date)."""
    return (date.today().replace(day=1) + timedelta(days=62)).replace(day=1) + timedelta(days=days)


def messages_of(exc: pytest.ExceptionInfo) -> str:
    return " ".join(str(m) for ms in exc.value.errors.values() for m in ms)


def working_days(roster, staff_id: int) -> set[date]:
    rows = db.session.execute(sa.select(RosterCell.day).join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
                              .where(RosterCell.roster_id == roster.id, RosterCell.staff_id == staff_id,
                                     ShiftType.kind == "work"))
    return {d for (d,) in rows}


class TestRules:
    def test_request_is_recorded_and_audited(self, world):
        wish = request_day_off(world.b_user, world.b, date(2026, 3, 20), "  family  ", TODAY)
        db.session.commit()
        assert (wish.staff_id, wish.day, wish.note, wish.created_by_id) == (world.b.id, date(2026, 3, 20), "family",
                                                                             world.b_user.id)
        assert db.session.scalar(sa.select(AuditEntry.action).order_by(AuditEntry.id.desc())) == "roster.day_off.request"

    @pytest.mark.parametrize("day, text", [(TODAY, "still ahead"), (date(2026, 3, 1), "still ahead")])
    def test_past_days_are_refused(self, world, day, text):
        with pytest.raises(RosterValidationError) as exc:
            request_day_off(world.b_user, world.b, day, "", TODAY)
        assert text in messages_of(exc) and count(DayOffRequest) == 0

    def test_duplicate_and_monthly_limit(self, world):
        for n in range(MAX_PER_MONTH):
            request_day_off(world.b_user, world.b, date(2026, 4, 1 + n), "", TODAY)
        with pytest.raises(RosterValidationError) as exc:
            request_day_off(world.b_user, world.b, date(2026, 4, 1), "", TODAY)
        assert "already requested" in messages_of(exc)
        with pytest.raises(RosterValidationError) as exc:
            request_day_off(world.b_user, world.b, date(2026, 4, 20), "", TODAY)
        assert f"At most {MAX_PER_MONTH}" in messages_of(exc)
        request_day_off(world.b_user, world.b, date(2026, 5, 1), "", TODAY)  # another month is fine
        assert count(DayOffRequest) == MAX_PER_MONTH + 1

    def test_published_roster_days_and_leavers_are_refused(self, world):
        publish_roster(world.head, world.roster, None)
        with pytest.raises(RosterValidationError) as exc:
            request_day_off(world.b_user, world.b, date(2026, 3, 20), "", TODAY)
        assert "already published" in messages_of(exc)
        world.c.left_on = date(2026, 4, 10)
        with pytest.raises(RosterValidationError) as exc:
            request_day_off(world.head, world.c, date(2026, 4, 11), "", TODAY)
        assert "has left" in messages_of(exc)
        with pytest.raises(RosterValidationError) as exc:
            request_day_off(world.b_user, world.b, date(2026, 4, 11), "x" * 201, TODAY)
        assert "too long" in messages_of(exc) and count(DayOffRequest) == 0

    def test_withdraw_only_while_ahead_and_unpublished(self, world):
        wish = request_day_off(world.b_user, world.b, date(2026, 3, 20), "", TODAY)
        with pytest.raises(RosterValidationError):
            withdraw_day_off(world.b_user, wish, date(2026, 3, 20), wish.version_id)
        publish_roster(world.head, world.roster, None)
        with pytest.raises(RosterValidationError):
            withdraw_day_off(world.b_user, wish, TODAY, wish.version_id)
        assert standing() == 1


def test_withdrawing_is_a_versioned_workflow_step(world):
    wish = request_day_off(world.b_user, world.b, date(2026, 3, 20), "", TODAY)
    db.session.flush()
    with pytest.raises(StaleRecord):
        withdraw_day_off(world.b_user, wish, TODAY, wish.version_id + 1)
    withdraw_day_off(world.b_user, wish, TODAY, wish.version_id)
    db.session.flush()
    assert wish.status == DayOffStatus.WITHDRAWN and standing() == 0
    with pytest.raises(TransitionRefused):  # already withdrawn
        withdraw_day_off(world.head, wish, TODAY, wish.version_id)
    again = request_day_off(world.b_user, world.b, date(2026, 3, 20), "again", TODAY)
    assert again.id == wish.id and again.status == DayOffStatus.REQUESTED and again.note == "again"


def test_heads_hear_of_wishes_and_people_of_what_heads_do_with_theirs(world):
    def texts(user):
        return list(db.session.scalars(sa.select(Notification.text).where(Notification.user_id == user.id)))

    own = request_day_off(world.b_user, world.b, date(2026, 3, 20), "", TODAY)
    assert len(texts(world.head)) == 1 and texts(world.b_user) == []
    withdraw_day_off(world.b_user, own, TODAY, own.version_id)
    assert len(texts(world.head)) == 1 and texts(world.b_user) == []  # withdrawing one's own tells nobody
    theirs = request_day_off(world.head, world.b, date(2026, 3, 21), "", TODAY)
    withdraw_day_off(world.head, theirs, TODAY, theirs.version_id)
    assert len(texts(world.b_user)) == 2 and len(texts(world.head)) == 1


def _one_early_a_day(world):
    for weekday in range(7):
        set_demand(world.hr, world.front, world.types["早"], 1, weekday=weekday)


class TestGeneration:
    def test_stored_wishes_are_granted_where_demand_allows(self, world):
        _one_early_a_day(world)
        days = [date(2026, 3, n) for n in (13, 14, 15)]
        for d in days:
            for person in (world.b, world.c):
                request_day_off(world.head, person, d, "", TODAY)
        result = generate_roster(world.head, world.roster, None, time_limit_s=5, num_workers=2)
        db.session.commit()
        assert result.ok and (result.wishes, result.wishes_met) == (6, 6)
        assert set(days) <= working_days(world.roster, world.a.id)  # someone must take the early shift
        assert not set(days) & (working_days(world.roster, world.b.id) | working_days(world.roster, world.c.id))

    def test_wishes_never_beat_demand(self, world):
        _one_early_a_day(world)
        wish_day = date(2026, 3, 12)
        for person in (world.a, world.b, world.c):
            request_day_off(world.head, person, wish_day, "", TODAY)
        result = generate_roster(world.head, world.roster, None, time_limit_s=5, num_workers=2)
        assert result.ok and (result.wishes, result.wishes_met) == (3, 2)
        assert sum(wish_day in working_days(world.roster, p.id) for p in (world.a, world.b, world.c)) == 1


class TestPages:
    def test_staff_request_and_withdraw_on_my_schedule(self, client, auth, world):
        auth.login("zhangsan")
        response = client.post("/roster/me/days-off", data={"day": ahead(3).isoformat(), "note": "wedding"})
        assert response.status_code == 302 and response.headers["Location"].endswith("/roster/me")
        page = client.get("/roster/me").get_data(as_text=True)
        assert f'data-day="{ahead(3).isoformat()}"' in page and "wedding" in page
        wish = db.session.scalar(sa.select(DayOffRequest))
        stale = client.post(f"/roster/days-off/{wish.id}/withdraw", data={"next": "/roster/me", "version_id": "0"})
        assert stale.status_code == 302 and standing() == 1  # a stale page withdraws nothing
        response = client.post(f"/roster/days-off/{wish.id}/withdraw",
                               data={"next": "/roster/me", "version_id": wish.version_id})
        assert response.status_code == 302 and response.headers["Location"].endswith("/roster/me")
        assert standing() == 0 and f'data-day="{ahead(3).isoformat()}"' not in client.get("/roster/me").get_data(
            as_text=True)
        again = client.post("/roster/me/days-off", data={"day": ahead(3).isoformat(), "note": "still"})
        assert again.status_code == 302 and standing() == 1 and count(DayOffRequest) == 1  # the row reopened
        db.session.expire_all()
        assert db.session.get(DayOffRequest, wish.id).note == "still"

    def test_bad_request_rerenders_with_the_message_and_saves_nothing(self, client, auth, world):
        auth.login("zhangsan")
        client.post("/auth/locale/en")  # the messages are read in English
        for data, text in [({"day": "2020-01-01"}, "still ahead"), ({"day": ""}, "is-invalid"),
                           ({"day": ahead().isoformat(), "note": "x" * 201}, "is-invalid")]:
            response = client.post("/roster/me/days-off", data=data)
            body = response.get_data(as_text=True)
            assert response.status_code == 200 and 'id="day-off-form"' in body and text in body, data
        assert count(DayOffRequest) == 0

    def test_a_duplicate_racing_past_the_check_loses_on_the_constraint(self, client, auth, world, monkeypatch):
        """Two identical requests at once both pass the check; the second is refused with the same message."""
        auth.login("zhangsan")
        client.post("/auth/locale/en")
        data = {"day": ahead(2).isoformat()}
        assert client.post("/roster/me/days-off", data=data).status_code == 302
        monkeypatch.setattr(day_off, "period_of", lambda kind, day: Period(kind, date(1999, 1, 1), date(1999, 1, 1)))  # sees nothing
        response = client.post("/roster/me/days-off", data=data)
        assert response.status_code == 200 and "already requested" in response.get_data(as_text=True)
        assert count(DayOffRequest) == 1

    def test_published_wishes_show_as_settled(self, client, auth, world):
        roster = create_roster(world.head, world.front, PeriodKind.WEEK, ahead())
        request_day_off(world.b_user, world.b, roster.starts_on + timedelta(days=1), "", date.today())
        request_day_off(world.b_user, world.b, roster.ends_on + timedelta(days=1), "", date.today())
        publish_roster(world.head, roster, None)
        db.session.commit()
        auth.login("zhangsan")
        page = client.get("/roster/me").get_data(as_text=True)
        assert page.count("/withdraw") == 1 and page.count("badge text-bg-secondary") == 1

    def test_the_grid_marks_wished_cells(self, client, auth, world):
        db.session.add(DayOffRequest(staff_id=world.b.id, day=date(2026, 3, 20)))
        db.session.commit()
        auth.login("head")
        page = client.get(f"/roster/{world.roster.id}").get_data(as_text=True)
        wished = [key for key, cell in page_cells(page).items() if "wish" in cell.classes.split()]
        assert wished == [(world.b.id, "2026-03-20")] and 'id="wish-legend"' in page

    def test_withdraw_redirects_only_to_local_paths(self, client, auth, world):
        wish = request_day_off(world.b_user, world.b, ahead(), "", date.today())
        db.session.commit()
        auth.login("zhangsan")
        response = client.post(f"/roster/days-off/{wish.id}/withdraw",
                               data={"next": "https://evil.example/", "version_id": wish.version_id})
        assert response.headers["Location"].endswith("/roster/me")

    def test_reopening_a_lent_persons_withdrawn_wish_is_refused_not_a_500(self, client, auth, world, make_staff):
        """The head may record a wish for someone lent to their roster, but the workflow's step to reopen a wish
        HR withdrew is for that person's own heads: 403 (the mechanism's answer), nothing changed."""
        roster = create_roster(world.head, world.front, PeriodKind.MONTH, ahead())
        lent = make_staff(world.housekeeping)
        set_cells(world.hr, roster, [CellEdit(lent.id, ahead(1), "早")])
        wish = request_day_off(world.hr, lent, ahead(4), "", date.today())
        db.session.flush()
        withdraw_day_off(world.hr, wish, date.today(), wish.version_id)
        db.session.commit()
        auth.login("head")
        response = client.post(f"/roster/{roster.id}/days-off", data={"staff_id": lent.id, "day": ahead(4).isoformat()})
        assert response.status_code == 403
        db.session.expire_all()
        assert db.session.get(DayOffRequest, wish.id).status == DayOffStatus.WITHDRAWN

    def test_head_lists_records_and_withdraws_for_their_people(self, client, auth, world, make_staff):
        roster = create_roster(world.head, world.front, PeriodKind.MONTH, ahead())
        request_day_off(world.b_user, world.b, ahead(4), "family", date.today())
        stranger, lent = make_staff(world.housekeeping), make_staff(world.housekeeping)
        set_cells(world.hr, roster, [CellEdit(lent.id, ahead(1), "早")])
        db.session.commit()
        auth.login("head")
        page = client.get(f"/roster/{roster.id}/days-off").get_data(as_text=True)
        assert f'<tr data-staff="{world.b.id}" data-day="{ahead(4).isoformat()}">' in page and "family" in page
        assert f'value="{stranger.id}"' not in page  # only the roster's people to choose from,
        assert f'value="{lent.id}"' in page  # someone lent to it included
        response = client.post(f"/roster/{roster.id}/days-off",
                               data={"staff_id": world.c.id, "day": ahead(5).isoformat(), "note": "phoned in"})
        assert response.status_code == 302
        assert db.session.scalar(sa.select(DayOffRequest.created_by_id).where(DayOffRequest.staff_id == world.c.id)) \
            == world.head.id
        client.post("/auth/locale/en")
        for data, text in [({"staff_id": stranger.id, "day": ahead(6).isoformat()}, "Choose a person on this roster"),
                           ({"staff_id": world.c.id, "day": (ahead() - timedelta(days=1)).isoformat()}, "outside")]:
            response = client.post(f"/roster/{roster.id}/days-off", data=data)
            assert response.status_code == 200 and text in response.get_data(as_text=True), data
        assert count(DayOffRequest) == 2
        wish = db.session.scalar(sa.select(DayOffRequest).where(DayOffRequest.staff_id == world.b.id))
        client.post(f"/roster/days-off/{wish.id}/withdraw",
                    data={"next": f"/roster/{roster.id}/days-off", "version_id": wish.version_id})
        assert standing() == 1

    def test_published_roster_closes_the_page(self, client, auth, world):
        roster = create_roster(world.head, world.front, PeriodKind.WEEK, ahead())
        publish_roster(world.head, roster, None)
        db.session.commit()
        auth.login("head")
        page = client.get(f"/roster/{roster.id}/days-off").get_data(as_text=True)
        assert 'id="days-off-closed"' in page and 'id="day-off-form"' not in page

    def test_generating_from_the_grid_reports_the_wishes(self, client, auth, world):
        _one_early_a_day(world)
        roster = create_roster(world.head, world.front, PeriodKind.WEEK, ahead())
        request_day_off(world.b_user, world.b, roster.starts_on + timedelta(days=2), "", date.today())
        db.session.commit()
        auth.login("head")
        client.post("/auth/locale/en")
        response = client.post(f"/roster/{roster.id}/generate",
                               data={"generate-expected_version": str(roster.version_id)}, follow_redirects=True)
        assert re.search(r"1 of 1 requested days off granted", response.get_data(as_text=True))
