"""Outward notification pages: HR's routes per kind, the departments' group robots, and the administrator's
outbox of deliveries (failures and retries)."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.forms import ConfirmForm, posted_version
from hrapp.models import DeliveryStatus, GroupRobot, OutwardChannel, OutwardDelivery
from hrapp.notifications import notification_kinds
from hrapp.permissions import get_or_404, permission_required

from . import queries, services
from .access import DELIVERIES_PERM, OutwardPerm
from .forms import RobotCreateForm, RobotForm
from .rules import mask_webhook

bp = Blueprint("notification_outward", __name__, url_prefix="/notifications/outward")


@bp.route("/routes", methods=["GET", "POST"])
@permission_required(OutwardPerm.MANAGE)
def edit_routes():
    """Per notification kind: also by e-mail, also to the department's group robot (a stale page answers 409)."""
    form = ConfirmForm()
    if form.validate_on_submit():
        wanted = {tuple(value.split("|", 1)) for value in request.form.getlist("route") if "|" in value}
        wanted = {(kind, OutwardChannel(channel)) for kind, channel in wanted
                  if channel in OutwardChannel._value2member_map_}
        services.save_routes(current_user, wanted, notification_kinds(), request.form.get("routes_version", ""))
        db.session.commit()
        flash(_("Outward notification settings saved."), "success")
        return redirect(url_for("notification_outward.edit_routes"))
    routes = services.current_routes()
    return render_template("notifications/outward/route_settings.html", form=form, kinds=queries.kinds_in_order(),
                           routes=routes, routes_version=services.routes_version(routes),
                           channels=list(OutwardChannel), title=_("Outward notifications"))


@bp.route("/robots")
@permission_required(OutwardPerm.MANAGE)
def list_robots():
    """Every department's group robots (addresses masked)."""
    return render_template("notifications/outward/robot_list.html", robots=queries.robots(), mask=mask_webhook,
                           form=ConfirmForm(), title=_("Group robots"))


@bp.route("/robots/new", methods=["GET", "POST"])
@permission_required(OutwardPerm.MANAGE)
def create_robot():
    """Add a department's group robot."""
    form = RobotCreateForm()
    form.set_departments(queries.departments())
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                robot = services.create_robot(current_user, form.draft())
                db.session.commit()
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Group robot %(name)s added.", name=robot.name), "success")
            return redirect(url_for("notification_outward.list_robots"))
    return render_template("notifications/outward/robot_form.html", form=form, robot=None, masked="",
                           title=_("New group robot"))


@bp.route("/robots/<int:robot_id>/edit", methods=["GET", "POST"])
@permission_required(OutwardPerm.MANAGE)
def edit_robot(robot_id: int):
    """Change a robot; its address and secret are never shown, only replaced."""
    robot = get_or_404(GroupRobot, robot_id)
    initial = {"department_id": robot.department_id, "platform": robot.platform.value, "name": robot.name,
               "version_id": robot.version_id}
    form = RobotForm(data=None if request.method == "POST" else initial)
    form.set_departments(queries.departments())
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                services.update_robot(current_user, robot, form.draft(), form.expected_version())
                db.session.commit()
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Group robot %(name)s saved.", name=robot.name), "success")
            return redirect(url_for("notification_outward.list_robots"))
    return render_template("notifications/outward/robot_form.html", form=form, robot=robot,
                           masked=mask_webhook(robot.webhook_url), title=_("Edit group robot %(name)s",
                                                                            name=robot.name))


def _posted_robot(robot_id: int) -> GroupRobot:
    robot = get_or_404(GroupRobot, robot_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    return robot


@bp.route("/robots/<int:robot_id>/deactivate", methods=["POST"])
@permission_required(OutwardPerm.MANAGE)
def deactivate_robot(robot_id: int):
    """Stop sending to a robot (a stale page answers 409)."""
    robot = _posted_robot(robot_id)
    services.set_robot_active(current_user, robot, False, posted_version(request.form.get("version_id")))
    db.session.commit()
    flash(_("Group robot %(name)s deactivated.", name=robot.name), "success")
    return redirect(url_for("notification_outward.list_robots"))


@bp.route("/robots/<int:robot_id>/reactivate", methods=["POST"])
@permission_required(OutwardPerm.MANAGE)
def reactivate_robot(robot_id: int):
    """Send to a robot again."""
    robot = _posted_robot(robot_id)
    services.set_robot_active(current_user, robot, True, posted_version(request.form.get("version_id")))
    db.session.commit()
    flash(_("Group robot %(name)s reactivated.", name=robot.name), "success")
    return redirect(url_for("notification_outward.list_robots"))


@bp.route("/robots/<int:robot_id>/test", methods=["POST"])
@permission_required(OutwardPerm.MANAGE)
def send_test_message(robot_id: int):
    """Queue a test message to a robot; the next tick sends it."""
    robot = _posted_robot(robot_id)
    services.queue_test_message(current_user, robot, posted_version(request.form.get("version_id")))
    db.session.commit()
    flash(_("A test message to %(name)s is queued; it goes out within a minute.", name=robot.name), "success")
    return redirect(url_for("notification_outward.list_robots"))


@bp.route("/deliveries")
@permission_required(DELIVERIES_PERM)
def list_deliveries():
    """The outbox: filter by status, channel and kind; failures show their error and a retry."""
    page = queries.DELIVERIES.page(queries.deliveries_query(), request.args)
    return render_template("notifications/outward/deliveries.html", page=page, args=request.args,
                           statuses=list(DeliveryStatus), channels=list(OutwardChannel),
                           kinds=queries.kinds_in_order(), kind_labels=notification_kinds(), form=ConfirmForm(),
                           failed=services.failed_delivery_count(), title=_("Outward deliveries"))


@bp.route("/deliveries/<int:delivery_id>/retry", methods=["POST"])
@permission_required(DELIVERIES_PERM)
def retry_delivery(delivery_id: int):
    """Queue a failed delivery again (a stale page answers 409)."""
    delivery = get_or_404(OutwardDelivery, delivery_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.retry_delivery(current_user, delivery, posted_version(request.form.get("version_id")))
    except ValidationFailed as exc:
        flash(" ".join(exc.messages()), "warning")
        return redirect(url_for("notification_outward.list_deliveries", status="failed"))
    db.session.commit()
    flash(_("The delivery to %(recipient)s is queued again.", recipient=delivery.recipient), "success")
    return redirect(url_for("notification_outward.list_deliveries", status="failed"))
