"""Account management: list, create and edit login accounts (roles, scope, enabled)."""
import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from hrapp.blueprints.accounts.access import can_grant_role, can_manage_account
from hrapp.blueprints.accounts.forms import UserCreateForm, UserForm
from hrapp.blueprints.auth.services import create_user, update_user
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.listing import Filter, Listing, like_escape
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, show_failure
from hrapp.extensions import db
from hrapp.models import Department, Role, StaffMember, User
from hrapp.permissions import Perm, get_or_404, permission_required

bp = Blueprint("accounts", __name__, url_prefix="/accounts")


ACCOUNTS = Listing(
    sorts={"username": User.username, "role": User.role, "enabled": User.is_enabled, "last_login": User.last_login_at},
    default_sort="username", tiebreak=(User.id,), per_page=50,
    filters=(Filter("q", lambda query, q: query.where(User.username.ilike(f"%{like_escape(q)}%", escape="\\"))),))


@bp.route("/")
@permission_required(Perm.USER_MANAGE)
def list_users():
    """Accounts, searchable by username, sortable by column."""
    page = ACCOUNTS.page(sa.select(User).options(selectinload(User.headed_departments), selectinload(User.staff)),
                         request.args)
    return render_template("accounts/user_list.html", page=page, q=page.state.filters.get("q", ""),
                           title=_("Accounts"))


def _fill(form: UserForm) -> None:
    form.staff_id.choices = [(None, _("(none)"))] + [
        (s.id, f"{s.staff_number} {s.name_zh}") for s in db.session.execute(
            sa.select(StaffMember.id, StaffMember.staff_number, StaffMember.name_zh).order_by(StaffMember.staff_number))]
    form.departments.choices = [(d.id, f"{d.code} {d.name}") for d in db.session.scalars(sa.select(Department).order_by(Department.path))]
    form.role.choices = [c for c in form.role.choices if can_grant_role(current_user, Role(c[0]))]


def _selected(form: UserForm):
    staff = db.session.get(StaffMember, form.staff_id.data) if form.staff_id.data else None
    departments = db.session.scalars(sa.select(Department).where(Department.id.in_(form.departments.data or []))).all()
    return staff, departments


@bp.route("/new", methods=["GET", "POST"])
@permission_required(Perm.USER_MANAGE)
def create_account():
    """Create an account; its owner must change the password at first login."""
    form = UserCreateForm()
    _fill(form)
    if form.validate_on_submit():
        staff, departments = _selected(form)
        try:
            with duplicates_refused():
                user = create_user(form.username.data, form.password.data or "", Role(form.role.data),
                                   current_user, staff=staff, departments=departments)
                db.session.commit()
        except ValidationFailed as exc:
            show_failure(form, exc)
        else:
            flash(_("Account %(name)s created.", name=user.username), "success")
            return redirect(url_for("accounts.list_users"))
    return render_template("accounts/user_form.html", form=form, user=None, title=_("New account"))


@bp.route("/<int:user_id>/edit", methods=["GET", "POST"])
@permission_required(Perm.USER_MANAGE)
def edit_account(user_id: int):
    """Change role, scope, linked staff record, enabled state, or set a new initial password."""
    user = get_or_404(User, user_id, check=can_manage_account)
    form = UserForm(obj=user, departments=[d.id for d in user.headed_departments])
    _fill(form)
    del form.username
    if form.validate_on_submit():
        staff, departments = _selected(form)
        try:
            update_user(user, current_user, Role(form.role.data), form.is_enabled.data, departments, staff,
                        expected_version=form.expected_version(), password=form.password.data or "")
        except StaleRecord:  # nothing was changed: the version is claimed before any write
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            show_failure(form, exc)
        else:
            db.session.commit()
            flash(_("Account %(name)s saved.", name=user.username), "success")
            return redirect(url_for("accounts.list_users"))
    return render_template("accounts/user_form.html", form=form, user=user, title=user.username)
