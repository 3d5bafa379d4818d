"""Roster endpoints: a department's rosters for a period, and the token user's own published shifts.

Access is the web's: HR and administrators see every department, heads their departments and the ones
below, staff their own department; only roster editors (HR, the department's heads) get everyone's row
and drafts, anyone else gets their own row of published or locked rosters.
"""
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hrapp.blueprints.api.auth import api_blueprint, api_user, get_visible_or_404, requires
from hrapp.blueprints.roster.access import RosterPerm, can_export_roster, can_view_roster
from hrapp.blueprints.roster.rules import ShiftSpec
from hrapp.blueprints.roster.schemas import RosterListArgs, RosterListSchema, ShiftListSchema, ShiftsArgs
from hrapp.blueprints.roster.services import GridShiftType, department_rosters, my_schedule, roster_grid
from hrapp.company import company_settings
from hrapp.core.periods import MONTH, parse_period, period_label, period_of
from hrapp.models import Department, PeriodKind, Roster, RosterStatus
from hrapp.permissions import can_view_department

bp = api_blueprint("api_rosters", __name__, "/api/v1/rosters",
                   "Rosters (排班表) of a department and period, scoped like the web: heads and HR see every "
                   "row, staff their own row of their department's published rosters.")
shifts_bp = api_blueprint("api_my_shifts", __name__, "/api/v1/me/shifts",
                          "The token user's own shifts from published and locked rosters.")
DEFAULT_SHIFT_DAYS = 30


def _zone() -> ZoneInfo:
    return ZoneInfo(company_settings().timezone or "Asia/Shanghai")


def _today() -> date:
    return datetime.now(_zone()).date()


def _bounds(args: dict) -> tuple[date, date]:
    if args["period"]:
        return parse_period(args["period"], tuple(PeriodKind)).bounds
    if args["first"] or args["last"]:
        return args["first"] or args["last"], args["last"] or args["first"]
    return period_of(MONTH, _today()).bounds


def _times(shift: GridShiftType | None, day: date, zone: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    if shift is None or shift.kind != "work" or shift.start is None or shift.end is None:
        return None, None
    start, end = ShiftSpec(shift.code, shift.start, shift.end, kind=shift.kind).interval(day)
    return start.replace(tzinfo=zone), end.replace(tzinfo=zone)


def _cell(day: date, code: str, shift: GridShiftType | None, zone: ZoneInfo) -> dict:
    start, end = _times(shift, day, zone)
    return {"date": day, "code": code, "start": start, "end": end}


def _roster_json(roster: Roster, user, zone: ZoneInfo) -> dict:
    """The roster with its rows: all of them for its editors, else only the user's own."""
    grid = roster_grid(roster)
    everyone = can_export_roster(user, roster)
    rows = grid.rows if everyone else [r for r in grid.rows if r.staff_id == getattr(user, "staff_id", None)]
    types = {t.code: t for t in grid.shift_types}
    return {
        "id": roster.id, "department": roster.department, "period_kind": roster.period_kind.value,
        "period": period_label(roster.period_kind, roster.starts_on), "starts_on": roster.starts_on,
        "ends_on": roster.ends_on, "status": roster.status.value, "version_id": roster.version_id,
        "published_at": roster.published_at, "all_rows": everyone,
        "shift_types": grid.shift_types,
        "rows": [{"staff_id": r.staff_id, "staff_number": r.staff_number, "name": r.name, "position": r.position,
                  "totals": r.totals,
                  "cells": [_cell(day, c.code, types.get(c.code), zone) for day, c in sorted(r.cells.items())]}
                 for r in rows],
    }


def _shown(user, roster: Roster) -> bool:
    """Editors see every roster of the department; others its published and locked ones."""
    return can_view_roster(user, roster) and (can_export_roster(user, roster) or roster.status != RosterStatus.DRAFT)


@bp.route("")
@requires(RosterPerm.ROSTER_VIEW)
@bp.arguments(RosterListArgs, location="query")
@bp.response(200, RosterListSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(404, response="NOT_FOUND")
def list_rosters(args: dict):
    """The department's rosters touching the period (default: the current month), earliest first.

    404 if the department does not exist, 403 if it is outside your scope.
    """
    department = get_visible_or_404(Department, args["department_id"], can_view_department)
    first, last = _bounds(args)
    user, zone = api_user(), _zone()
    rosters = sorted(department_rosters(department.id, first, last), key=lambda r: r.starts_on)
    return {"department_id": department.id, "first": first, "last": last,
            "items": [_roster_json(r, user, zone) for r in rosters if _shown(user, r)]}


@shifts_bp.route("")
@requires(RosterPerm.ROSTER_VIEW)
@shifts_bp.arguments(ShiftsArgs, location="query")
@shifts_bp.response(200, ShiftListSchema)
def list_my_shifts(args: dict):
    """Your shifts (rest and leave markers included) from `from` to `to`, by day; empty without a staff record."""
    user, zone = api_user(), _zone()
    first = args["first"] or (args["last"] - timedelta(days=DEFAULT_SHIFT_DAYS) if args["last"] else _today())
    last = args["last"] or first + timedelta(days=DEFAULT_SHIFT_DAYS)
    shifts = my_schedule(user.staff_id, first, last) if user.staff_id else []
    items = [{**vars(s), "start": s.start and s.start.replace(tzinfo=zone),
              "end": s.end and s.end.replace(tzinfo=zone)} for s in shifts]
    return {"staff_id": user.staff_id, "first": first, "last": last, "items": items}
