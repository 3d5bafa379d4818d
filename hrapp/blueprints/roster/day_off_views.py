"""Requested days off (期望休息日): a person asks on "my schedule"; the head sees the wishes for a roster's
period and enters them for people who asked in person; either may withdraw one while its day is ahead and
its roster unpublished. Generation honours the wishes where demand and the rules allow."""
from datetime import timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from hrapp.blueprints.roster.access import RosterPerm, can_edit_roster, can_manage_day_off
from hrapp.blueprints.roster.forms import ConfirmForm, DayOffForm, SwapProposeForm
from hrapp.blueprints.roster.queries import roster_people
from hrapp.blueprints.roster.schedule_views import own_staff, schedule_page
from hrapp.blueprints.roster.services import (
    RosterValidationError,
    day_off_requests,
    request_day_off,
    withdraw_day_off,
)
from hrapp.blueprints.roster.services.day_off import MAX_PER_MONTH
from hrapp.blueprints.roster.services.messages import message
from hrapp.company import company_today
from hrapp.core.errors import StaleRecord
from hrapp.core.urls import local_path
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.forms import posted_version
from hrapp.models import DayOffRequest, Roster, RosterStatus, StaffMember
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required


def _record(form: DayOffForm, staff: StaffMember) -> bool:
    """Save the wish and commit; its problems land on the form. True when saved."""
    try:
        request_day_off(current_user, staff, form.day.data, form.note.data, company_today())
        db.session.commit()
    except RosterValidationError as exc:
        errors_onto_form(form, exc.errors)
    except PeriodClosed as exc:
        flash(str(exc), "danger")
    except IntegrityError:  # the same wish sent twice at once: the second loses on the unique constraint
        db.session.rollback()
        form.day.errors.append(message("day_off_duplicate"))
    else:
        return True
    return False


@permission_required(RosterPerm.ROSTER_VIEW)
def request_my_day_off():
    """Ask for a day off (form on "my schedule"); bad input re-renders the page with the messages."""
    staff = own_staff()
    form = DayOffForm()
    if form.validate_on_submit() and _record(form, staff):
        flash(_("Day off requested for %(day)s. Your head sees it when planning the roster.",
                day=format_date(form.day.data, "medium")), "success")
        return redirect(url_for("roster.show_my_schedule"))
    return schedule_page(staff, SwapProposeForm(formdata=None), day_off_form=form)


def _roster_page(roster: Roster, form: DayOffForm):
    people = roster_people(roster)
    form.staff_id.choices = [(p.id, f"{p.staff_number} {p.display_name}") for p in people]
    if form.day.data is None:  # tomorrow, kept within the period
        form.day.data = max(roster.starts_on, min(roster.ends_on, company_today() + timedelta(days=1)))
    return render_template(
        "roster/days_off.html", roster=roster, form=form, confirm=ConfirmForm(formdata=None),
        wishes=day_off_requests([p.id for p in people], roster.starts_on, roster.ends_on),
        is_open=roster.status == RosterStatus.DRAFT, max_per_month=MAX_PER_MONTH,
        title=_("Requested days off %(first)s – %(last)s", first=roster.starts_on, last=roster.ends_on))


@permission_required(RosterPerm.ROSTER_EDIT)
def roster_days_off(roster_id: int):
    """The wishes of the roster's people (lent ones included) within its period, and the form to add one."""
    return _roster_page(get_or_404(Roster, roster_id, check=can_edit_roster), DayOffForm(formdata=None))


@permission_required(RosterPerm.ROSTER_EDIT)
def add_roster_day_off(roster_id: int):
    """The head records a wish someone told them in person (within the roster's period)."""
    roster = get_or_404(Roster, roster_id, check=can_edit_roster)
    form = DayOffForm()
    people = {p.id: p for p in roster_people(roster)}
    if form.validate_on_submit():
        staff = people.get(form.staff_id.data)
        if staff is None:
            form.staff_id.errors.append(_("Choose a person on this roster."))
        elif not roster.starts_on <= form.day.data <= roster.ends_on:
            form.day.errors.append(message("outside_period"))
        elif _record(form, staff):
            flash(_("Day off recorded for %(name)s on %(day)s.", name=staff.display_name,
                    day=format_date(form.day.data, "medium")), "success")
            return redirect(url_for("roster.roster_days_off", roster_id=roster.id))
    return _roster_page(roster, form)


@permission_required(RosterPerm.ROSTER_VIEW)
def withdraw_day_off_request(request_id: int):
    """Withdraw a wish (the person, their head, HR); back to the page it was withdrawn from."""
    wish = get_or_404(DayOffRequest, request_id, check=can_manage_day_off)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        withdraw_day_off(current_user, wish, company_today(), posted_version(request.form.get("version_id")))
    except ValidationFailed as exc:  # the rules, or already withdrawn (TransitionRefused)
        db.session.rollback()
        flash(" ".join(exc.messages()), "danger")
    except (PeriodClosed, StaleRecord) as exc:
        db.session.rollback()
        flash(str(exc), "danger")
    else:
        db.session.commit()
        flash(_("Day off request withdrawn."), "success")
    return redirect(local_path(request.form.get("next")) or url_for("roster.show_my_schedule"))
