"""The administrator's home (`/home/admin/`): the system's health at a glance."""
from flask import Blueprint, render_template

from hrapp.models import utcnow
from hrapp.permissions import rule_required

from ..access import ADMIN_HOME, can_open_admin_home
from . import health

bp = Blueprint("home_admin", __name__, url_prefix="/home/admin")


@bp.route("/")
@rule_required(can_open_admin_home)
def show():
    """The last tick per task, the job queue, the time clocks, the signing certificate, failed deliveries."""
    now = utcnow()
    return render_template(
        "home/admin_home/home.html", home=ADMIN_HOME, title=ADMIN_HOME.label, tick=health.tick_state(now),
        jobs=health.job_counts(), failed_jobs=health.recent_failed_jobs(), devices=health.devices(now),
        certificate=health.signing_certificate(now), failed_deliveries=health.failed_deliveries())
