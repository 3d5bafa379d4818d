"""The HR desk (`/home/hr/`): the month close per department, reviews and appeals waiting, certificates
expiring, unmapped clock ids, probation periods and contracts ending, and the appraisal cycle's progress."""
from flask import Blueprint, render_template, url_for

from hrapp.blueprints.training.results.certificates import SOON_DAYS
from hrapp.company import request_zone_name
from hrapp.core.localtime import to_zone
from hrapp.models import AppraisalStatus, CycleStage, utcnow
from hrapp.period_close import closable_modules, module_label
from hrapp.permissions import rule_required

from ..access import HR_HOME, can_open_hr_home
from . import desk, readiness, rules

bp = Blueprint("home_hr", __name__, url_prefix="/home/hr")


@bp.route("/")
@rule_required(can_open_hr_home)
def show():
    """The HR desk: a handful of statements for the whole page (see desk and readiness)."""
    today = to_zone(utcnow(), request_zone_name()).date()  # the company's today; the zone read once per request
    loaded = desk.load_desk(today)
    modules = [m.name for m in closable_modules()]
    month = rules.month_to_close(today, loaded.counts["previous_closed"], loaded.counts["departments"] * len(modules))
    return render_template(
        "home/hr_home/home.html", home=HR_HOME, title=HR_HOME.label, today=today, month=month, desk=loaded,
        counts=loaded.counts, departments=readiness.month_readiness(month, today), modules=modules,
        module_label=module_label, statuses=list(AppraisalStatus), stage_of=CycleStage, rules=rules, kinds=desk,
        soon_days=SOON_DAYS, close_urls={m: url_for("period_close.close_month", module=m, month=month.name) for m in modules})
