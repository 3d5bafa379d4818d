"""Forgotten passwords: ask for a link by mail, and set a new password from a link (mailed or issued by HR)."""
from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import logout_user

from hrapp.blueprints.auth.forms import ForgotPasswordForm, PasswordResetForm
from hrapp.blueprints.auth.reset import mail_reset_link, reset_password, user_for_reset_token
from hrapp.core.mail import mail_enabled
from hrapp.core.validation import ValidationFailed, show_failure
from hrapp.extensions import db, limiter

bp = Blueprint("password_reset", __name__, url_prefix="/auth/reset")


@bp.route("/", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["PASSWORD_RESET_RATE_LIMIT"], methods=["POST"])
def forgot_password():
    """Ask for a reset link: the answer is the same whether or not the account exists or has an address."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        mail_reset_link(form.identifier.data,
                        lambda token: url_for("password_reset.reset_password_page", token=token, _external=True))
        db.session.commit()
        flash(_("If this account exists and has an e-mail address, a link to reset its password is on its way. "
                "Otherwise ask HR for a reset link."), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot_password.html", form=form, mail=mail_enabled(),
                           title=_("Forgot password?"))


@bp.route("/<token>", methods=["GET", "POST"])
def reset_password_page(token: str):
    """Choose a new password from a reset link; the link works once and ends every session of the account."""
    user = user_for_reset_token(token)
    if user is None:
        flash(_("This password-reset link is invalid, used or expired. Ask for a new one."), "danger")
        return redirect(url_for("password_reset.forgot_password"))
    form = PasswordResetForm()
    if form.validate_on_submit():
        try:
            reset_password(user, form.password.data)
        except ValidationFailed as exc:
            show_failure(form, exc)
        else:
            db.session.commit()
            logout_user()
            flash(_("Your password has been changed; log in with the new one."), "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form, username=user.username,
                           title=_("Choose a new password"))
