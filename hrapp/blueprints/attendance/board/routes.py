"""The board's pages: the head's day board and month, the staff member's own month, a person's month, HR's
overview (the settings are in settings_views)."""
from datetime import date, timedelta

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.attendance.access import AttendancePerm, can_view_attendance_of
from hrapp.blueprints.attendance.labels import MARKS
from hrapp.core.listing import iso_date
from hrapp.models import StaffMember
from hrapp.permissions import get_or_404, permission_required, visible_departments

from . import queries, settings_views
from .paging import MonthPager
from .rules import month_days, parse_month
from .wording import STATE_LABELS, STATE_STYLES

bp = Blueprint("attendance_board", __name__, url_prefix="/attendance")

@bp.context_processor
def _board_wording() -> dict:
    return {"state_labels": STATE_LABELS, "state_styles": STATE_STYLES, "marks": MARKS}


def _month_text(day: date) -> str:
    """"2026-05": the month as the `?month=` argument and the month input take it."""
    return day.strftime("%Y-%m")


def _department():
    """The department asked for (`?department_id=`), among those the user may see; their first by default."""
    departments = visible_departments(current_user)
    wanted = request.args.get("department_id", type=int)
    chosen = next((d for d in departments if d.id == wanted), None) if wanted else (departments or [None])[0]
    if chosen is None:
        abort(404)
    return departments, chosen


def _month() -> tuple[date, date, list[date]]:
    first = parse_month(request.args.get("month"), queries.local_now().date())
    days = month_days(first)
    return first, days[-1], days


def _day() -> date:
    try:
        return iso_date(request.args.get("day") or "")
    except ValueError:
        return queries.local_now().date()


@bp.get("/today")
@permission_required(AttendancePerm.DEPARTMENT)
def show_day_board():
    """Who is rostered on a day in a department, their punches so far and where they stand."""
    departments, department = _department()
    day = _day()
    return render_template("attendance/board/day_board.html", departments=departments, department=department,
                           day=day, month_text=_month_text(day), board=queries.day_board(department, day), prev_day=day - timedelta(days=1),
                           next_day=day + timedelta(days=1), title=_("Day board"))


@bp.get("/month")
@permission_required(AttendancePerm.DEPARTMENT)
def show_month():
    """A department's month: person × day with the sheet's marks and each person's totals."""
    departments, department = _department()
    first, last, days = _month()
    text = (request.args.get("q") or "").strip()[:50]
    grid = queries.month_grid(department, first, last, text, request.args.get("page", 1, type=int) or 1)

    def page_url(**updates):
        args = {"department_id": department.id, "month": _month_text(first), "q": text or None,
                "page": grid.page} | updates
        return url_for("attendance_board.show_month", **{k: v for k, v in args.items() if v})

    return render_template("attendance/board/month.html", departments=departments, department=department,
                           month_text=_month_text(first), days=days, grid=grid, text=text, page_url=page_url,
                           pager_state=MonthPager(grid.page, grid.pages, grid.total, page_url),
                           prev_month=_month_text(first - timedelta(days=1)),
                           next_month=_month_text(days[-1] + timedelta(days=1)), title=_("Attendance month"))


def _person_page(staff: StaffMember, endpoint: str, title: str, **args):
    first, last, _days = _month()
    return render_template("attendance/board/person_month.html", staff=staff, month_text=_month_text(first),
                           month=queries.person_month(staff, first, last), endpoint=endpoint, endpoint_args=args,
                           prev_month=_month_text(first - timedelta(days=1)),
                           next_month=_month_text(last + timedelta(days=1)), title=title)


@bp.get("/me")
@permission_required(AttendancePerm.VIEW)
def show_my_attendance():
    """The logged-in person's own month (404 for accounts without a staff record)."""
    if not current_user.staff_id or current_user.staff is None:
        abort(404)
    return _person_page(current_user.staff, "attendance_board.show_my_attendance", _("My attendance"))


@bp.get("/people/<int:staff_id>")
@permission_required(AttendancePerm.VIEW)
def show_person(staff_id: int):
    """A person's month for their heads and HR (and themselves); 404 outside the user's scope."""
    staff = get_or_404(StaffMember, staff_id, can_view_attendance_of)
    return _person_page(staff, "attendance_board.show_person", _("Attendance of %(name)s", name=staff.display_name),
                        staff_id=staff.id)


@bp.get("/")
@permission_required(AttendancePerm.MANAGE)
def show_overview():
    """HR's month per department: late, absent and missing-punch days; the punches no one is mapped to."""
    first, last, _days = _month()
    return render_template("attendance/board/overview.html", month_text=_month_text(first),
                           rows=queries.overview(current_user, first, last),
                           unmapped=queries.unmapped_punch_count(), ids_url=_ids_url(),
                           prev_month=_month_text(first - timedelta(days=1)),
                           next_month=_month_text(last + timedelta(days=1)), title=_("Attendance overview"))


def _ids_url() -> str:
    """The device user ids page (the capture part's), by endpoint when it is registered."""
    if "attendance_capture.list_ids" in current_app.view_functions:
        return url_for("attendance_capture.list_ids")
    return "/attendance/ids"


bp.add_url_rule("/settings", view_func=settings_views.edit_settings, methods=("GET", "POST"))
bp.add_url_rule("/settings/shift-types/<int:shift_type_id>", view_func=settings_views.edit_shift_window,
                methods=("POST",))
