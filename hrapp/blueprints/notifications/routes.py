"""In-app notifications: the list, marking read, opening one."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.notifications.access import owns_notification
from hrapp.core.urls import local_path
from hrapp.extensions import db
from hrapp.forms import ConfirmForm
from hrapp.models import Notification
from hrapp.notifications import kind_label, mark_read, recent
from hrapp.permissions import get_or_404

bp = Blueprint("notifications", __name__, url_prefix="/notifications")
LIST_SIZE = 50


@bp.route("/")
@login_required
def list_notifications():
    """My latest notifications, unread first."""
    return render_template("notifications/notification_list.html", notifications=recent(current_user, LIST_SIZE),
                           kind_label=kind_label, form=ConfirmForm(formdata=None), title=_("Notifications"))


@bp.route("/read", methods=["POST"])
@login_required
def mark_all_read():
    """Mark every notification of mine read."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    mark_read(current_user)
    db.session.commit()
    flash(_("All notifications marked read."), "success")
    return redirect(url_for("notifications.list_notifications"))


@bp.route("/<int:notification_id>/open", methods=["POST"])
@login_required
def open_notification(notification_id: int):
    """Mark one notification read and go to what it is about."""
    notification = get_or_404(Notification, notification_id, check=owns_notification)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    mark_read(current_user, [notification.id])
    db.session.commit()
    return redirect(local_path(notification.link) or url_for("notifications.list_notifications"))
