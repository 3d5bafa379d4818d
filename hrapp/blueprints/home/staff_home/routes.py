"""The staff home (我的一天): the person's day on one page, phone first."""
from datetime import timedelta

from flask import Blueprint, abort, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.attendance.board.rules import month_days as days_of_month
from hrapp.blueprints.attendance.capture.forms import PunchForm
from hrapp.blueprints.attendance.capture.rules import address_allowed
from hrapp.blueprints.attendance.labels import MARKS
from hrapp.blueprints.leave.balances import balances_of
from hrapp.blueprints.roster.services import my_schedule
from hrapp.company import request_zone_name
from hrapp.core.localtime import to_zone
from hrapp.core.periods import MONTH, period_of
from hrapp.labels import label
from hrapp.models import DayStatus
from hrapp.models.base import utcnow
from hrapp.naming import english_ui
from hrapp.permissions import has_perm, rule_required

from ..access import STAFF_HOME, can_open_staff_home
from . import queries, rules

bp = Blueprint("home_staff", __name__, url_prefix="/home/me")

SCHEDULE_DAYS = 14  # how far ahead the page looks for the next shifts (and back one day: a night shift)
WAITING_LABELS = {
    queries.NOTICE: _l("A violation notice to acknowledge or appeal"),
    queries.SELF_ASSESSMENT: _l("Your self-assessment is due"),
    queries.RESULT: _l("An appraisal result to acknowledge"),
    queries.TRAINING: _l("A training session you are enrolled in"),
    queries.SWAP: _l("A shift swap asked of you"),
}


@bp.route("/")
@rule_required(can_open_staff_home)
def show():
    """Today's and the next shifts, the punch button, the month's marks, balances, what waits, fines and rewards."""
    now, zone = utcnow(), request_zone_name()
    local_now = to_zone(now, zone).replace(tzinfo=None)
    today = local_now.date()
    this_month = period_of(MONTH, today)
    person = queries.person_of(current_user.staff_id, this_month.name)
    if person is None:
        abort(404)
    staff = person.staff
    month = days_of_month(this_month.first)
    days = queries.month_days(staff.id, month[0], month[-1])
    schedule = my_schedule(staff.id, today - timedelta(days=1), today + timedelta(days=SCHEDULE_DAYS))
    todays, upcoming = rules.split_shifts(schedule, local_now)
    can_punch = has_perm(current_user, AttendancePerm.VIEW)
    statuses = {d: DayStatus(f.status) for d, f in days.items()}
    return render_template(
        "home/staff_home/home.html", home=STAFF_HOME, title=STAFF_HOME.label, staff=staff, today=today,
        todays=todays, upcoming=upcoming, can_punch=can_punch,
        punch_allowed=can_punch and address_allowed(request.remote_addr, person.punch_networks),
        punch_form=PunchForm(formdata=None), marks=rules.month_marks(days.values()),
        strip=rules.month_strip(today, statuses), day_marks=MARKS,
        status_labels={s: label(s) for s in set(statuses.values())},
        balances=[b for b in balances_of(staff, today) if b.balance is not None],
        waiting=rules.waiting_order(queries.waiting_items(staff.id, now, english_ui()), today, zone),
        waiting_labels=WAITING_LABELS, money=person.money)
