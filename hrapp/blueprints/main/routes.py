"""Home page: HR and heads get a dashboard, staff their own record."""
from pathlib import Path

import sqlalchemy as sa
from flask import Blueprint, abort, redirect, render_template, send_from_directory, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.extensions import db, talisman
from hrapp.models import StaffMember
from hrapp.permissions import Perm, has_perm, staff_scope_clause

bp = Blueprint("main", __name__)

# Front-end packages installed by `make` from package-lock.json (npm ci) and served by the app, never a CDN.
NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"
VENDOR_FILES = {"echarts.min.js": NODE_MODULES / "echarts" / "dist" / "echarts.min.js"}


@bp.route("/")
@login_required
def home():
    """Staff go to their own profile; others see counts for their scope."""
    if not has_perm(current_user, Perm.STAFF_VIEW):
        if current_user.staff_id:
            return redirect(url_for("staff.my_profile"))
        return render_template("main/home.html", counts=None, title=_("Home"))
    counts = dict(db.session.execute(
        sa.select(StaffMember.status, sa.func.count()).where(staff_scope_clause(current_user))
        .group_by(StaffMember.status)
    ).all())
    return render_template("main/home.html", counts=counts, title=_("Home"))


@bp.route("/vendor/<name>")
def vendor_file(name: str):
    """A front-end package's file (ECharts), cached by browsers for a day."""
    path = VENDOR_FILES.get(name)
    if path is None or not path.is_file():
        abort(404)
    return send_from_directory(path.parent, path.name, max_age=86400)


@bp.route("/healthz")
@talisman(force_https=False)  # load balancers probe over plain HTTP inside the network
def healthz():
    """Liveness probe for load balancers."""
    return {"status": "ok"}
