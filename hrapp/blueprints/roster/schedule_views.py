"""A person's own roster: "my schedule" (shifts, colleagues on them, changes, rest owed, swaps) and the
calendar feed (a secret ICS URL, shown once, that calendar apps fetch without logging in)."""
from datetime import date, timedelta

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.roster.access import RosterPerm
from hrapp.blueprints.roster.forms import ConfirmForm, DayOffForm, SwapProposeForm
from hrapp.blueprints.roster.queries import (
    colleagues_on_shifts,
    live_feed_token,
    roster_statuses,
    swap_partners,
    swaps_of,
)
from hrapp.blueprints.roster.services import (
    feed_ics,
    issue_feed_token,
    my_changes,
    my_day_off_requests,
    my_schedule,
    rest_owed_balance,
    rest_owed_ledger,
    revoke_feed_tokens,
    user_for_feed_token,
)
from hrapp.blueprints.roster.services.day_off import settled_days
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import RosterStatus, StaffMember
from hrapp.permissions import permission_required

DEFAULT_WEEKS, MAX_WEEKS = 4, 13


def own_staff() -> StaffMember:
    """The logged-in person's staff record; 404 for accounts without one."""
    if not current_user.staff_id or current_user.staff is None:
        abort(404)
    return current_user.staff


def fill_swap_choices(form: SwapProposeForm, staff: StaffMember, first: date) -> None:
    """My shifts on published rosters from `first` on, and my department's colleagues."""
    shifts = my_schedule(staff.id, first, first + timedelta(weeks=MAX_WEEKS))
    statuses = roster_statuses(s.roster_id for s in shifts)
    form.my_shift.choices = [(f"{s.roster_id}:{s.day.isoformat()}", f"{s.day} {format_date(s.day, 'EEE')} {s.code}")
                             for s in shifts if statuses.get(s.roster_id) == RosterStatus.PUBLISHED]
    form.partner_id.choices = [(p.id, f"{p.staff_number} {p.display_name}")
                               for p in swap_partners([staff.department_id], staff.id)]


def schedule_page(staff: StaffMember, form: SwapProposeForm, day_off_form: DayOffForm | None = None):
    """Render "my schedule" for `staff` with the swap form `form` and the day-off form (blank by default)."""
    first = company_today()
    weeks = min(max(request.args.get("weeks", DEFAULT_WEEKS, type=int) or DEFAULT_WEEKS, 1), MAX_WEEKS)
    last = first + timedelta(weeks=weeks) - timedelta(days=1)
    fill_swap_choices(form, staff, first)
    wishes = my_day_off_requests(staff.id, first)
    return render_template(
        "roster/my_schedule.html", staff=staff, shifts=my_schedule(staff.id, first, last), first=first, last=last,
        weeks=weeks, colleagues=colleagues_on_shifts(staff.id, staff.department_id, first, last),
        changes=my_changes(staff.id)[:20], balance=rest_owed_balance(staff.id), ledger=rest_owed_ledger(staff.id)[-10:],
        swaps=swaps_of(staff.id), form=form, day_off_form=day_off_form or DayOffForm(formdata=None),
        wishes=wishes, settled=settled_days(staff.department_id, [w.day for w in wishes]),
        confirm=ConfirmForm(formdata=None), title=_("My schedule"))


@permission_required(RosterPerm.ROSTER_VIEW)
def show_my_schedule():
    """My coming shifts, who else is on them (own department), changes to them, rest owed and swaps."""
    return schedule_page(own_staff(), SwapProposeForm(formdata=None))


def _feed_page(feed_url: str | None = None):
    return render_template("roster/calendar_feed.html", token=live_feed_token(current_user), feed_url=feed_url,
                           form=ConfirmForm(formdata=None), title=_("Calendar subscription"))


@permission_required(RosterPerm.ROSTER_VIEW)
def show_calendar_feed():
    """Whether a calendar URL is live, with buttons to create a new one or revoke it."""
    return _feed_page()


@permission_required(RosterPerm.ROSTER_VIEW)
def create_calendar_feed():
    """A new secret calendar URL (earlier ones stop working); shown this once."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    _row, clear = issue_feed_token(current_user)
    db.session.commit()
    return _feed_page(url_for("roster.calendar_feed", token=clear, _external=True))


@permission_required(RosterPerm.ROSTER_VIEW)
def revoke_calendar_feed():
    """Kill the calendar URL."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    revoke_feed_tokens(current_user)
    db.session.commit()
    flash(_("The calendar URL no longer works."), "success")
    return redirect(url_for("roster.show_calendar_feed"))


def calendar_feed(token: str):
    """The ICS feed for calendar apps: no login, the secret token is the key (404 if unknown or revoked)."""
    user = user_for_feed_token(token)
    if user is None:
        abort(404)
    body = feed_ics(user, company_today())
    db.session.commit()  # the token's last use
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": 'inline; filename="roster.ics"'})
