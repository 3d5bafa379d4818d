"""Log in (username or staff number), log out, change password, choose the language; sessions expire."""
import time

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.security import check_password_hash

from hrapp.blueprints.auth import token_views
from hrapp.blueprints.auth.forms import LoginForm, PasswordChangeForm
from hrapp.blueprints.auth.rules import RuleViolation, session_expired
from hrapp.blueprints.auth.services import authenticate, change_password, log_out
from hrapp.core.urls import local_path
from hrapp.core.validation import show_failure
from hrapp.extensions import db, limiter
from hrapp.models import SecurityEventKind
from hrapp.security import record as record_security_event

bp = Blueprint("auth", __name__, url_prefix="/auth")
bp.add_url_rule("/tokens", view_func=token_views.list_tokens, methods=["GET", "POST"])
bp.add_url_rule("/tokens/<int:token_id>/revoke", view_func=token_views.revoke_token, methods=["GET", "POST"])

# One answer whatever went wrong (unknown name, wrong password, locked or disabled account): a login
# tells nobody which accounts exist. Lockouts are told to the account holder and the administrators.
LOGIN_FAILED = _l("Wrong username or password, or this account cannot log in now.")
UNTIMED = {"static", "bootstrap.static"}


def _safe_next(target: str | None) -> str:
    """Only same-site paths are followed after login; anything else goes home."""
    return local_path(target) or url_for("home.home")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
def login():
    """Log in; the session is emptied first so nothing from before survives the login."""
    if current_user.is_authenticated:
        return redirect(url_for("home.home"))
    form = LoginForm()
    if form.validate_on_submit():
        result = authenticate(form.identifier.data, form.password.data)
        db.session.commit()
        if result.user is not None:
            locale = session.get("locale")
            session.clear()
            login_user(result.user)
            if locale and not result.user.locale:
                session["locale"] = locale
            session["_started"] = session["_seen"] = clock()
            return redirect(_safe_next(request.args.get("next")))
        flash(str(LOGIN_FAILED), "danger")
    return render_template("auth/login.html", form=form, title=_("Log in"))


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Log out everywhere this cookie was copied: the account's session token is rotated."""
    log_out(current_user._get_current_object())
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("You have logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"], endpoint="change_password")
@login_required
def change_password_page():
    """Change one's own password (forced at first login for accounts made by HR or import)."""
    form = PasswordChangeForm()
    if form.validate_on_submit():
        if not check_password_hash(current_user.password_hash, form.current_password.data):
            form.current_password.errors.append(_("The current password is wrong."))
        else:
            try:
                change_password(current_user, form.password.data)
            except RuleViolation as exc:
                show_failure(form, exc)
            else:
                db.session.commit()
                login_user(current_user._get_current_object())  # the rotated token must reach this cookie
                flash(_("Your password has been changed."), "success")
                return redirect(url_for("home.home"))
    return render_template("auth/password.html", form=form, title=_("Change password"))


@bp.route("/locale/<code>", methods=["POST"])
def set_locale(code: str):
    """Switch the interface language; saved on the account when logged in."""
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    session["locale"] = code
    if current_user.is_authenticated:
        current_user.locale = code
        db.session.commit()
    return redirect(_safe_next(request.form.get("next")))


def clock() -> float:
    """Seconds since the epoch: the time source the session lifetime check uses (tests move it)."""
    return time.time()


@bp.before_app_request
def end_expired_session():
    """A login ends after SESSION_IDLE_MINUTES without a request or SESSION_MAX_HOURS after it began:
    the next request goes to the login page with a message, and the security log records it."""
    if request.endpoint in UNTIMED or request.path.startswith("/api/") or not current_user.is_authenticated:
        return None
    now, cfg = clock(), current_app.config
    started, seen = session.get("_started"), session.get("_seen")
    reason = session_expired(started, seen, now, cfg["SESSION_IDLE_MINUTES"], cfg["SESSION_MAX_HOURS"])
    if reason is None:
        session["_seen"] = now
        session.setdefault("_started", now)
        return None
    record_security_event(SecurityEventKind.SESSION_EXPIRED, current_user._get_current_object(), reason=reason)
    db.session.commit()
    locale = session.get("locale")
    logout_user()
    session.clear()
    if locale:
        session["locale"] = locale
    flash(_("Your session expired; please log in again."), "warning")
    return redirect(url_for("auth.login", next=request.full_path if request.method == "GET" else None))
