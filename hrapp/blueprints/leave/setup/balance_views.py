"""Balances: one's own (every active type, phone-sized cards), the table of the people a head or HR sees
(search, department, pages, XLSX), a person's balances with how each entitlement was worked out, HR's grant and
adjustment."""
import io

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.leave import rules
from hrapp.blueprints.leave.access import LeavePerm, can_view_leave_of
from hrapp.blueprints.leave.balances import balances_of
from hrapp.blueprints.leave.setup import granting
from hrapp.blueprints.leave.setup.forms import AdjustForm, GrantForm
from hrapp.blueprints.leave.setup.queries import (
    PEOPLE,
    balance_table,
    balances_of_people,
    entitlements_of,
    kept_balances,
    people_query,
)
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.sheets import MIMETYPE, workbook_bytes
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.models import LeaveEntitlement, StaffMember
from hrapp.permissions import get_or_404, has_perm, permission_required, visible_departments


def _own_staff() -> StaffMember | None:
    return db.session.get(StaffMember, current_user.staff_id) if current_user.staff_id else None


@permission_required(LeavePerm.REQUEST)
def list_balances():
    """One's own balances; heads and HR also the table of the people they see."""
    today, staff = company_today(), _own_staff()
    page = rows = None
    if has_perm(current_user, LeavePerm.APPROVE):
        page = PEOPLE.page(people_query(current_user), request.args)
        rows = balances_of_people(page.items, today)
    return render_template("leave/setup/balance_list.html", staff=staff, today=today,
                           own=balances_of(staff, today) if staff else None, page=page, rows=rows,
                           columns=kept_balances(rows or []), args=request.args,
                           departments=visible_departments(current_user) if page else [],
                           grant_form=GrantForm(year=today.year), title=_("Leave balances"))


@permission_required(LeavePerm.APPROVE)
def export_balances():
    """The table's people (its filters, every page) as XLSX."""
    today = company_today()
    body = workbook_bytes(balance_table(current_user, request.args, today))
    return send_file(io.BytesIO(body), mimetype=MIMETYPE, as_attachment=True,
                     download_name=f"leave-balances-{today.isoformat()}.xlsx")


@permission_required(LeavePerm.REQUEST)
def show_balances(staff_id: int):
    """A person's balances and how each of this year's entitlements was worked out."""
    staff = get_or_404(StaffMember, staff_id, check=can_view_leave_of)
    today = company_today()
    rows = entitlements_of(staff, today.year)
    explained = {type_id: rules.annual_grant(today.year, staff.hire_on, staff.career_started_on,
                                             row.leave_type.yearly_days) for type_id, row in rows.items()}
    return render_template("leave/setup/balance_detail.html", staff=staff, today=today,
                           balances=balances_of(staff, today), entitlements=rows, explained=explained,
                           grant_form=GrantForm(year=today.year), title=staff.display_name)


@permission_required(LeavePerm.MANAGE)
def grant_entitlements():
    """HR grants (or refreshes) a year's entitlements for everyone, or for one person (`staff_id`)."""
    form = GrantForm()
    staff_id = request.form.get("staff_id", type=int)
    staff = get_or_404(StaffMember, staff_id) if staff_id else None
    if not form.validate_on_submit():
        abort(400)
    try:
        with duplicates_refused():
            changed = granting.grant_year(current_user, form.year.data, [staff.id] if staff else None)
            db.session.commit()
    except ValidationFailed as exc:
        flash(str(exc.message), "danger")
    else:
        flash(_("%(year)s: %(count)s entitlements granted or refreshed.", year=form.year.data, count=changed),
              "success")
    if staff:
        return redirect(url_for("leave_setup.show_balances", staff_id=staff.id))
    return redirect(url_for("leave_setup.list_balances"))


@permission_required(LeavePerm.MANAGE)
def adjust_entitlement(entitlement_id: int):
    """HR adds or takes away days of one entitlement, with a reason."""
    entitlement = get_or_404(LeaveEntitlement, entitlement_id)
    form = AdjustForm(data=None if request.method == "POST" else {"version_id": entitlement.version_id})
    if form.validate_on_submit():
        try:
            granting.adjust_entitlement(current_user, entitlement, form.days.data, form.reason.data,
                                        form.expected_version())
            db.session.commit()
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Entitlement adjusted."), "success")
            return redirect(url_for("leave_setup.show_balances", staff_id=entitlement.staff_id))
    return render_template("leave/setup/adjust_form.html", form=form, entitlement=entitlement,
                           title=_("Adjust %(name)s's %(type)s %(year)s", name=entitlement.staff.display_name,
                                   type=entitlement.leave_type.name, year=entitlement.year))
