"""HR and administrators issue a one-time password-reset link for an account (shown once, on this page)."""
from flask import abort, render_template, url_for
from flask_login import current_user

from hrapp.blueprints.accounts.access import can_manage_account
from hrapp.blueprints.accounts.routes import bp
from hrapp.blueprints.auth.reset import issue_reset_token
from hrapp.extensions import db
from hrapp.forms import ConfirmForm
from hrapp.models import User
from hrapp.permissions import Perm, get_or_404, permission_required


@bp.route("/<int:user_id>/reset-link", methods=["POST"])
@permission_required(Perm.USER_MANAGE)
def issue_reset_link(user_id: int):
    """Make a reset link for the account: shown once here, expiring, single use, audited and logged."""
    user = get_or_404(User, user_id, check=can_manage_account)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    token = issue_reset_token(user, current_user)
    db.session.commit()
    link = url_for("password_reset.reset_password_page", token=token, _external=True)
    return render_template("accounts/reset_link.html", user=user, link=link, title=user.username)
