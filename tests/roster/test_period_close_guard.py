"""The period-close guard on every roster write path: a closed month refuses the grid's JSON save (409), bulk
forms and swap approval (a flash, nothing changed), publishing, locking, generating, creating, proposing swaps,
days off and rest-owed lines; the grid shows read-only with the message; reopening allows them again."""
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.period_close.services import close_period, reopen_period
from hrapp.blueprints.roster.services import (
    CellEdit,
    accept_swap,
    adjust_rest_owed,
    create_roster,
    generate_roster,
    lock_roster,
    propose_swap,
    publish_roster,
    request_day_off,
    set_cells,
    withdraw_day_off,
)
from hrapp.core.periods import parse_period
from hrapp.extensions import db
from hrapp.models import (
    DayOffRequest,
    PeriodClose,
    PeriodKind,
    Roster,
    RosterCell,
    RosterStatus,
    ShiftSwap,
    ShiftType,
    SwapStatus,
)
from hrapp.period_close import PeriodClosed
from tests.roster import routing
from tests.roster.routing import day, edit, version_of

site = routing.site  # the fixture
MARCH = parse_period("2026-03")


def close_march(w, department=None):
    record, = close_period(w.hr, "roster", department or w.front, MARCH, 0, "payroll sent")
    db.session.commit()
    return record


def reopen(w, record):
    record = db.session.get(PeriodClose, record.id)  # the requests in between detached it
    reopen_period(w.hr, record, record.version_id, "late punches")
    db.session.commit()


def cells_of(roster) -> dict:
    rows = db.session.execute(sa.select(RosterCell.staff_id, RosterCell.day, ShiftType.code)
                              .join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
                              .where(RosterCell.roster_id == roster.id))
    return {(s, d): code for s, d, code in rows}


def test_the_grid_json_save_answers_409_then_works_after_reopening(client, auth, world):
    record = close_march(world)
    auth.login("head")
    client.post("/auth/locale/en")
    url = f"/roster/{world.roster.id}/cells"
    response = client.post(url, json={"edits": [edit(world.b.id, day(2), "早", 0)]})
    body = response.get_json()
    assert response.status_code == 409 and body["error"] == "period_closed" and "grid" in body
    assert "Rosters of 前厅部 for 2026-03 are closed" in body["message"]
    assert cells_of(world.roster) == {}
    reopen(world, record)
    response = client.post(url, json={"edits": [edit(world.b.id, day(2), "早", 0)]})
    assert response.status_code == 200 and cells_of(world.roster) == {(world.b.id, day(2)): "早"}


def test_a_bulk_fill_is_refused_with_a_flash_and_changes_nothing(client, auth, world):
    set_cells(world.head, world.roster, [CellEdit(world.c.id, day(9), "早")])
    db.session.commit()
    record = close_march(world)
    auth.login("head")
    client.post("/auth/locale/en")

    def fill():
        version = db.session.scalar(sa.select(Roster.version_id).where(Roster.id == world.roster.id))
        return client.post(f"/roster/{world.roster.id}/fill", data={
            "fill-shift_code": "休", "fill-first_day": "2026-03-02", "fill-last_day": "2026-03-03",
            "fill-expected_version": str(version)}, follow_redirects=True)

    response = fill()
    assert response.request.path == f"/roster/{world.roster.id}" and "are closed" in response.get_data(as_text=True)
    assert cells_of(world.roster) == {(world.c.id, day(9)): "早"}
    reopen(world, record)
    assert "cells changed" in fill().get_data(as_text=True)
    assert cells_of(world.roster)[(world.b.id, day(2))] == "休"


def test_a_swap_approval_is_refused_then_allowed_after_reopening(client, auth, site):
    w = site
    accept_swap(w.c_user, w.swap)
    db.session.commit()
    before = cells_of(w.roster)
    record = close_march(w)
    auth.login("hr")  # the swap breaks a rest rule: HR approves it with an override reason
    client.post("/auth/locale/en")
    url = f"/roster/{w.roster.id}/swaps/{w.swap.id}/approve"
    data = routing.step(w.swap.id, note="ok", override_reason="agreed")
    response = client.post(url, data=data, follow_redirects=True)
    assert "are closed" in response.get_data(as_text=True)
    assert cells_of(w.roster) == before and db.session.get(ShiftSwap, w.swap.id).status == SwapStatus.ACCEPTED
    reopen(w, record)
    assert client.post(url, data=routing.step(w.swap.id, note="ok", override_reason="agreed")).status_code == 302
    db.session.expire_all()
    assert db.session.get(ShiftSwap, w.swap.id).status == SwapStatus.APPROVED and cells_of(w.roster) != before


def test_the_grid_shows_read_only_with_the_message(client, auth, site):
    record = close_march(site)
    auth.login("head")
    client.post("/auth/locale/en")
    page = client.get(f"/roster/{site.roster.id}").get_data(as_text=True)
    assert 'id="period-closed"' in page and "are closed" in page and 'data-editable="0"' in page
    assert 'id="palette"' not in page and "/fill" not in page
    assert page.count('class="cell') > 50  # the whole grid is still shown to its editor
    other = client.get(f"/roster/{site.hk_roster.id}")  # housekeeping is not closed
    assert other.status_code == 403 or 'id="period-closed"' not in other.get_data(as_text=True)
    reopen(site, record)
    page = client.get(f"/roster/{site.roster.id}").get_data(as_text=True)
    assert 'id="period-closed"' not in page and 'data-editable="1"' in page


def test_other_departments_and_months_stay_open(client, auth, site):
    close_march(site)
    auth.login("hr")
    response = client.post(f"/roster/{site.hk_roster.id}/cells",
                           json={"edits": [edit(site.hk_staff.id, day(2), "早", 0)]})
    assert response.status_code == 200
    april = create_roster(site.head, site.front, PeriodKind.MONTH, date(2026, 4, 1))
    set_cells(site.head, april, [CellEdit(site.b.id, date(2026, 4, 1), "早")])
    db.session.commit()
    assert version_of(client, april.id, site.b.id, date(2026, 4, 1)) == 1


class TestServices:
    """Each roster write path calls the guard (the views map PeriodClosed as above)."""

    def test_publish_lock_and_generate(self, world):
        close_march(world)
        with pytest.raises(PeriodClosed):
            publish_roster(world.head, world.roster, None)
        with pytest.raises(PeriodClosed):
            generate_roster(world.head, world.roster, None, time_limit_s=1)
        world.roster.status = RosterStatus.PUBLISHED  # as if published before the close
        with pytest.raises(PeriodClosed):
            lock_roster(world.head, world.roster, None)

    def test_creating_a_roster_in_a_closed_month(self, world):
        close_march(world, world.housekeeping)
        with pytest.raises(PeriodClosed):
            create_roster(world.hr, world.housekeeping, PeriodKind.WEEK, date(2026, 3, 30))  # 30 March - 5 April

    def test_swaps_days_off_and_rest_owed(self, site):
        w = site
        wish = db.session.scalar(sa.select(DayOffRequest))
        close_march(w)
        with pytest.raises(PeriodClosed):
            propose_swap(w.b_user, w.roster, w.b, day(5), w.c, day(5))
        with pytest.raises(PeriodClosed):
            request_day_off(w.b_user, w.b, day(25), "", date(2026, 3, 1))
        with pytest.raises(PeriodClosed):
            withdraw_day_off(w.b_user, wish, date(2026, 3, 1), wish.version_id)
        with pytest.raises(PeriodClosed):
            adjust_rest_owed(w.hr, w.b, Decimal("-1"), day(10), "rested outside the roster")
        adjust_rest_owed(w.hr, w.b, Decimal("-1"), date(2026, 4, 10), "rested outside the roster")  # April is open
