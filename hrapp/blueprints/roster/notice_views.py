"""In-app notifications (roster publications, changes, swaps): the list, marking read, opening one."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.roster.forms import ConfirmForm
from hrapp.core.urls import local_path
from hrapp.extensions import db
from hrapp.models import Notification
from hrapp.notifications import mark_read, recent
from hrapp.permissions import get_or_404, owns_notification

LIST_SIZE = 50


@login_required
def list_notifications():
    """My latest notifications, unread first."""
    return render_template("roster/notification_list.html", notifications=recent(current_user, LIST_SIZE),
                           form=ConfirmForm(formdata=None), title=_("Notifications"))


@login_required
def mark_all_read():
    """Mark every notification of mine read."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    mark_read(current_user)
    db.session.commit()
    flash(_("All notifications marked read."), "success")
    return redirect(url_for("roster.list_notifications"))


@login_required
def open_notification(notification_id: int):
    """Mark one notification read and go to what it is about."""
    notification = get_or_404(Notification, notification_id, check=owns_notification)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    mark_read(current_user, [notification.id])
    db.session.commit()
    return redirect(local_path(notification.link) or url_for("roster.list_notifications"))
