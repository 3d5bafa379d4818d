"""Fixtures and helpers for the roster route tests (import the fixtures into a test module by name).

`site` builds on the roster `world`: FO's March 2026 roster published with a few cells, a swap b -> c,
a notification for b, a draft HK roster with its own shift type, b's wish to rest on 20 March.
"""
import re
from datetime import date, time
from html import unescape
from typing import NamedTuple

import pytest
import sqlalchemy as sa

from hrapp.blueprints.roster.rules import WORK, ShiftTypeData
from hrapp.blueprints.roster.services import (
    CellEdit,
    create_roster,
    propose_swap,
    publish_roster,
    save_shift_type,
    set_cells,
)
from hrapp.extensions import db
from hrapp.models import DayOffRequest, Notification, PeriodKind, Role, ShiftSwap
from tests.roster.fixtures import MARCH


def day(n: int) -> date:
    return date(2026, 3, n)


@pytest.fixture
def site(world, make_user):
    """b works 早 2-6 March and rests 7-8; c works 中 3-7 and rests 2 and 8; the roster is published;
    b asked c to swap 4 March; c and the FO head have accounts; HK has a draft roster."""
    w = world
    set_cells(w.head, w.roster, [CellEdit(w.b.id, day(n), "早") for n in range(2, 7)]
              + [CellEdit(w.c.id, day(n), "中") for n in range(3, 8)]
              + [CellEdit(w.b.id, day(n), "休") for n in (7, 8)] + [CellEdit(w.c.id, day(n), "休") for n in (2, 8)])
    publish_roster(w.head, w.roster, None)
    w.c_user = make_user(Role.STAFF, "lisi", staff=w.c)
    db.session.flush()
    w.swap = propose_swap(w.b_user, w.roster, w.b, day(4), w.c, day(4))
    w.hk_type = save_shift_type(w.hr, w.housekeeping, ShiftTypeData("早", "早班", WORK, time(8), time(16), 60))
    w.hk_roster = create_roster(w.hr, w.housekeeping, PeriodKind.MONTH, MARCH)
    w.note = Notification(user_id=w.b_user.id, text="hello", link=f"/roster/{w.roster.id}")
    w.wish = DayOffRequest(staff_id=w.b.id, day=day(20), note="family", created_by_id=w.b_user.id)
    db.session.add_all([w.note, w.wish])
    db.session.commit()
    return w


def paths(w) -> dict[str, tuple[str, str]]:
    """Every roster route as name -> (method, path), on FO's roster and set-up unless named hk_*."""
    fo, hk, dept, hk_dept = w.roster.id, w.hk_roster.id, w.front.id, w.housekeeping.id
    t, hk_t, swap = w.types["早"].id, w.hk_type.id, w.swap.id
    out = {
        "list": ("GET", "/roster/"), "create": ("POST", "/roster/new"),
        "grid": ("GET", f"/roster/{fo}"), "cells": ("GET", f"/roster/{fo}/cells"),
        "save_cells": ("POST", f"/roster/{fo}/cells"), "changes": ("GET", f"/roster/{fo}/changes"),
        "export": ("GET", f"/roster/{fo}/export.xlsx"),
        "colours": ("GET", "/roster/shift-colours.css"),
        "types": ("GET", f"/roster/departments/{dept}/shift-types"),
        "new_type": ("GET", f"/roster/departments/{dept}/shift-types/new"),
        "new_type_post": ("POST", f"/roster/departments/{dept}/shift-types/new"),
        "edit_type": ("GET", f"/roster/shift-types/{t}/edit"), "edit_type_post": ("POST", f"/roster/shift-types/{t}/edit"),
        "retire": ("POST", f"/roster/shift-types/{t}/retire"), "restore": ("POST", f"/roster/shift-types/{t}/restore"),
        "demand": ("GET", f"/roster/departments/{dept}/demand"),
        "demand_post": ("POST", f"/roster/departments/{dept}/demand"),
        "date_demand": ("POST", f"/roster/departments/{dept}/demand/date"),
        "rest": ("GET", f"/roster/departments/{dept}/rest-owed"),
        "rest_adjust": ("POST", f"/roster/departments/{dept}/rest-owed/adjust"),
        "holidays": ("GET", "/roster/settings/holidays"), "sync": ("POST", "/roster/settings/holidays/sync"),
        "set_day": ("POST", "/roster/settings/holidays/day"),
        "rules": ("GET", "/roster/settings/rules"), "rules_post": ("POST", "/roster/settings/rules"),
        "me": ("GET", "/roster/me"), "calendar": ("GET", "/roster/me/calendar"),
        "calendar_new": ("POST", "/roster/me/calendar/new"), "calendar_revoke": ("POST", "/roster/me/calendar/revoke"),
        "propose": ("POST", "/roster/me/swaps"), "swaps": ("GET", "/roster/swaps"),
        "swap": ("GET", f"/roster/{fo}/swaps/{swap}"),
        "notifications": ("GET", "/notifications/"), "read_all": ("POST", "/notifications/read"),
        "open_note": ("POST", f"/notifications/{w.note.id}/open"),
        "days_off": ("GET", f"/roster/{fo}/days-off"), "days_off_post": ("POST", f"/roster/{fo}/days-off"),
        "hk_days_off": ("GET", f"/roster/{hk}/days-off"), "hk_days_off_post": ("POST", f"/roster/{hk}/days-off"),
        "my_day_off": ("POST", "/roster/me/days-off"),
        "withdraw_day_off": ("POST", f"/roster/days-off/{w.wish.id}/withdraw"),
        "hk_grid": ("GET", f"/roster/{hk}"), "hk_cells": ("GET", f"/roster/{hk}/cells"),
        "hk_save_cells": ("POST", f"/roster/{hk}/cells"), "hk_changes": ("GET", f"/roster/{hk}/changes"),
        "hk_types": ("GET", f"/roster/departments/{hk_dept}/shift-types"),
        "hk_new_type": ("POST", f"/roster/departments/{hk_dept}/shift-types/new"),
        "hk_edit_type": ("POST", f"/roster/shift-types/{hk_t}/edit"),
        "hk_retire": ("POST", f"/roster/shift-types/{hk_t}/retire"),
        "hk_demand": ("POST", f"/roster/departments/{hk_dept}/demand"),
        "hk_date_demand": ("POST", f"/roster/departments/{hk_dept}/demand/date"),
        "hk_rest": ("GET", f"/roster/departments/{hk_dept}/rest-owed"),
    }
    for step in ("fill", "copy", "pattern", "generate", "publish", "lock"):
        out[step] = ("POST", f"/roster/{fo}/{step}")
        out[f"hk_{step}"] = ("POST", f"/roster/{hk}/{step}")
    for step in ("accept", "decline", "cancel", "approve", "reject"):
        out[f"swap_{step}"] = ("POST", f"/roster/{fo}/swaps/{swap}/{step}")
    return out


def grid_json(client, roster_id: int) -> dict:
    response = client.get(f"/roster/{roster_id}/cells")
    assert response.status_code == 200
    return response.get_json()["grid"]


def version_of(client, roster_id: int, staff_id: int, on: date) -> int:
    cell = grid_json(client, roster_id)["cells"].get(f"{staff_id}/{on.isoformat()}")
    return cell[1] if cell else 0


def edit(staff_id: int, on: date, code, version: int) -> dict:
    return {"staff_id": staff_id, "day": on.isoformat(), "code": code, "version": version}


def step(swap_id: int, **fields) -> dict:
    """The form data of a swap step: the swap's version as stored now, plus `fields`."""
    from_db = db.session.scalar(sa.select(ShiftSwap.version_id).where(ShiftSwap.id == swap_id))
    return {"version_id": from_db, **fields}


class PageCell(NamedTuple):
    classes: str
    code: str
    version: int
    title: str


def page_cells(html: str) -> dict[tuple[int, str], PageCell]:
    """The grid page's cells as roster.js reads them: (staff id, ISO day) -> classes, code, version, tooltip;
    the day from the column header, the version from the row's `data-versions`."""
    days = re.findall(r'<th class="day-col[^"]*" data-day="([\d-]+)"', html)
    out = {}
    for staff, versions, body in re.findall(r'<tr data-staff="(\d+)"[^>]* data-versions="([\d,]*)">(.*?)</tr>',
                                            html, re.S):
        cells = re.findall(r'<td class="(cell[^"]*)"(?: title="([^"]*)")?>([^<]*)</td>', body)
        for on, version, (classes, title, code) in zip(days, versions.split(","), cells, strict=True):
            out[(int(staff), on)] = PageCell(classes, unescape(code), int(version), unescape(title))
    return out
