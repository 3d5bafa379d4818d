"""The monthly ledger pages (HR, ConductPerm.LEDGER): the month's people with the guard rail flagged first,
the departments' close state, a person's month with HR's three resolutions, the payroll export and the
consistency view."""
import io

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.periods import MONTH, Period, PeriodError, parse_period, period_of
from hrapp.core.sheets import MIMETYPE
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import ConductRule, Department, RuleCategory, StaffMember
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required, staff_scope_clause

from . import pages
from .access import can_resolve_ledger_of, can_view_ledger_of
from .consistency import amount_spread
from .export import ledger_csv, ledger_table, ledger_xlsx
from .forms import AdjustForm, DeferForm, OverrideForm
from .queries import compute_ledger, in_department_tree, month_people
from .services import LedgerError, adjust_amounts, defer_violations, override_month

bp = Blueprint("conduct_ledger", __name__, url_prefix="/conduct/ledger")


def parse_month(text: str | None) -> Period:
    """The month named by `text` ("2026-05"), this month when empty; 404 for anything else."""
    if not text:
        return period_of(MONTH, company_today())
    try:
        month = parse_period(text, (MONTH,))
    except PeriodError:
        abort(404)
    if not 1900 <= month.first.year <= 9998:  # the next month must exist too
        abort(404)
    return month


def _department() -> Department | None:
    """The department filter (?department_id=), None when absent or unreadable."""
    raw = request.args.get("department_id", "")
    return get_or_404(Department, int(raw)) if raw.isdigit() and len(raw) < 12 else None


def _people(department: Department | None) -> sa.ColumnElement[bool]:
    """The people the current user may see, in `department`'s tree when given."""
    scope = staff_scope_clause(current_user)
    return sa.and_(scope, in_department_tree(department)) if department is not None else scope


@bp.route("/")
@permission_required(ConductPerm.LEDGER)
def list_ledger():
    """One row per person with records on the month's ledger, flagged people first; totals; close states."""
    month, department = parse_month(request.args.get("month")), _department()
    people = _people(department)
    ledger = compute_ledger(month, people)
    page = pages.ledger_listing(ledger).page(
        sa.select(StaffMember).where(month_people(month.name), people), request.args)
    return render_template("conduct/ledger/ledger_list.html", month=month, department=department, ledger=ledger,
                           page=page, departments=pages.department_choices(),
                           states=pages.department_states(month, department, ledger), **pages.LABEL_CONTEXT,
                           title=_("Conduct ledger %(month)s", month=month.name))


@bp.route("/<int:staff_id>/<month>")
@permission_required(ConductPerm.LEDGER)
def show_person_month(staff_id: int, month: str):
    """A person's month: the figures, the guard rail, every record, and the resolution forms when flagged."""
    staff = get_or_404(StaffMember, staff_id, check=can_view_ledger_of)
    return pages.person_page(staff, parse_month(month))


@bp.route("/export.<any(csv, xlsx):fmt>")
@permission_required(ConductPerm.LEDGER)
def export_ledger(fmt: str):
    """The month's payroll export (the people the user may see, in the department filter's tree)."""
    month, department = parse_month(request.args.get("month")), _department()
    table = ledger_table(month, _people(department))
    body = ledger_csv(table) if fmt == "csv" else ledger_xlsx(table)
    mimetype = "text/csv; charset=utf-8" if fmt == "csv" else MIMETYPE
    return send_file(io.BytesIO(body), mimetype=mimetype, as_attachment=True,
                     download_name=f"conduct-ledger-{month.name}.{fmt}")


@bp.route("/consistency")
@permission_required(ConductPerm.LEDGER)
def show_consistency():
    """Per rule, how the amounts chosen spread across the heads who recorded them."""
    month = None
    if request.args.get("month"):
        month = parse_month(request.args.get("month"))
    raw = request.args.get("rule_id", "")
    rule = db.session.get(ConductRule, int(raw)) if raw.isdigit() and len(raw) < 10 else None
    rules = db.session.scalars(sa.select(ConductRule).where(ConductRule.category == RuleCategory.PENALTY)
                               .order_by(ConductRule.sort_order, ConductRule.code))
    return render_template("conduct/ledger/consistency.html", month=month, rule=rule, rules=list(rules),
                           spreads=amount_spread(month.name if month else None, rule.id if rule else None),
                           title=_("Consistency of fines"))


def _resolve(staff: StaffMember, month: Period, form, call, done: str):
    """Validate `form`, make the one service call, commit, flash; the page again with the problems if any."""
    if not form.validate_on_submit():
        return pages.person_page(staff, month, failed=form)
    try:
        call()
        db.session.commit()
    except LedgerError as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return pages.person_page(staff, month, failed=form)
    except (StaleRecord, StaleDataError):
        db.session.rollback()
        flash(str(STALE_MESSAGE), "danger")
    except PeriodClosed as exc:
        db.session.rollback()
        flash(str(exc), "danger")
    else:
        flash(done, "success")
    return redirect(url_for("conduct_ledger.show_person_month", staff_id=staff.id, month=month.name))


@bp.route("/<int:staff_id>/<month>/adjust", methods=["POST"])
@permission_required(ConductPerm.LEDGER)
def lower_amounts(staff_id: int, month: str):
    """Resolve a flag by lowering amounts (with a reason)."""
    staff = get_or_404(StaffMember, staff_id, check=can_resolve_ledger_of)
    month, form = parse_month(month), AdjustForm(prefix="adjust")
    return _resolve(staff, month, form, lambda: adjust_amounts(
        current_user, staff, month, pages.changes(form.rows, with_amount=True), form.reason.data),
        _("Amounts lowered."))


@bp.route("/<int:staff_id>/<month>/defer", methods=["POST"])
@permission_required(ConductPerm.LEDGER)
def defer_month(staff_id: int, month: str):
    """Resolve a flag by deferring violations to the next month (with a reason)."""
    staff = get_or_404(StaffMember, staff_id, check=can_resolve_ledger_of)
    month, form = parse_month(month), DeferForm(prefix="defer")
    return _resolve(staff, month, form, lambda: defer_violations(
        current_user, staff, month, pages.changes(form.rows, chosen_only=True), form.reason.data),
        _("Violations deferred to %(month)s.", month=month.next().name))


@bp.route("/<int:staff_id>/<month>/override", methods=["POST"])
@permission_required(ConductPerm.LEDGER)
def override_flag(staff_id: int, month: str):
    """Resolve a flag by accepting the month as it stands (with a reason)."""
    staff = get_or_404(StaffMember, staff_id, check=can_resolve_ledger_of)
    month, form = parse_month(month), OverrideForm(prefix="override")
    return _resolve(staff, month, form, lambda: override_month(
        current_user, staff, month, form.expected_version(), form.reason.data), _("Month accepted."))
