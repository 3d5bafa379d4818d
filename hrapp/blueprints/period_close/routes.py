"""Period close pages for HR: a month's state per closable module and department, close and reopen forms
(with confirmation), and the month's history."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from hrapp.blueprints.period_close.forms import PeriodCloseForm, PeriodReopenForm
from hrapp.blueprints.period_close.services import (
    PeriodCloseError,
    close_history,
    close_period,
    find_close,
    period_states,
    reopen_period,
)
from hrapp.company import company_today
from hrapp.core.periods import MONTH, PeriodError, parse_period, period_of
from hrapp.extensions import db
from hrapp.models import Department, PeriodClose
from hrapp.period_close import closable_modules, module_label
from hrapp.permissions import Perm, get_or_404, permission_required

bp = Blueprint("period_close", __name__, url_prefix="/periods")


def _month(text: str | None):
    """The month named by `text` ("2026-05"), this month when empty; 404 for anything else."""
    if not text:
        return period_of(MONTH, company_today())
    try:
        return parse_period(text, (MONTH,))
    except PeriodError:
        abort(404)


def _overview_url(month) -> str:
    return url_for("period_close.list_periods", month=month.name)


@bp.route("/")
@permission_required(Perm.PERIOD_CLOSE)
def list_periods():
    """For a month: each closable module × department with its state, and the month's closes and reopens."""
    month = _month(request.args.get("month"))
    departments = list(db.session.scalars(sa.select(Department).order_by(Department.path)))
    return render_template(
        "period_close/period_list.html", month=month, departments=departments, modules=closable_modules(),
        states=period_states(month, departments), history=close_history(month), module_label=module_label,
        title=_("Period close %(month)s", month=month.name))


def _close_page(form: PeriodCloseForm, department: Department, month, status: int = 200):
    return render_template("period_close/close_form.html", form=form, department=department, month=month,
                           module=module_label(form.module.data),
                           title=_("Close %(month)s", month=month.name)), status


@bp.route("/close", methods=["GET", "POST"])
@permission_required(Perm.PERIOD_CLOSE)
def close_month():
    """Confirm and close a module's month for a department (optionally with its sub-departments)."""
    form = PeriodCloseForm(request.form if request.method == "POST" else request.args)
    department = get_or_404(Department, form.department_id.data or 0)
    month = _month(form.month.data)
    if form.module.data not in {m.name for m in closable_modules()}:
        abort(404)
    if request.method == "GET":
        record = find_close(form.module.data, department.id, month)
        form.expected_version.data = record.version_id if record is not None else 0
        return _close_page(form, department, month)
    if not form.validate_on_submit():
        return _close_page(form, department, month, 400)
    try:
        closed = close_period(current_user, form.module.data, department, month, form.expected_version.data,
                              form.reason.data, form.include_sub_departments.data)
        db.session.commit()
    except PeriodCloseError as exc:
        db.session.rollback()
        flash(" ".join(exc.messages()), "danger")
    except (IntegrityError, StaleDataError):  # closed by someone else at the same moment: the constraint answers
        db.session.rollback()
        flash(_("This period is already closed."), "danger")
    else:
        flash(_("%(module)s %(month)s closed for %(n)s department(s).", module=module_label(form.module.data),
                month=month.name, n=len(closed)), "success")
    return redirect(_overview_url(month))


@bp.route("/<int:close_id>/reopen", methods=["GET", "POST"])
@permission_required(Perm.PERIOD_CLOSE)
def reopen_month(close_id: int):
    """Confirm and reopen a closed period, with a reason."""
    record = get_or_404(PeriodClose, close_id)
    form = PeriodReopenForm(expected_version=record.version_id)
    if form.validate_on_submit():
        try:
            reopen_period(current_user, record, form.expected_version.data, form.reason.data)
            db.session.commit()
        except PeriodCloseError as exc:
            db.session.rollback()
            flash(" ".join(exc.messages()), "danger")
        except StaleDataError:
            db.session.rollback()
            flash(str(PeriodCloseError.stale().errors["reason"][0]), "danger")
        else:
            flash(_("%(module)s %(period)s reopened for %(department)s.", module=module_label(record.module),
                    period=record.period_name, department=record.department.name), "success")
        return redirect(_overview_url(period_of(record.period_kind, record.starts_on)))
    return render_template("period_close/reopen_form.html", form=form, record=record,
                           module=module_label(record.module),
                           title=_("Reopen %(period)s", period=record.period_name)), 400 if form.is_submitted() else 200
