"""Error pages (HTML) and JSON errors for the API, with a rollback on server errors."""
from flask import Flask, g, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.sqlite import is_unwritable
from hrapp.core.uniqueness import duplicate_rule
from hrapp.core.workflow import TransitionForbidden
from hrapp.extensions import db
from hrapp.security import record_refusal

MESSAGES = {
    400: _l("Bad request."),
    401: _l("Authentication required."),
    403: _l("You do not have access to this page."),
    404: _l("Not found."),
    405: _l("Method not allowed."),
    409: STALE_MESSAGE,
    413: _l("The upload is too large."),
    429: _l("Too many attempts; wait a minute and try again."),
    500: _l("Something went wrong on our side."),
}
SAVED_MEANWHILE = _l("This was saved by someone else at the same moment; reload the page to see it.")
LOST_RACE_STATES = {"40P01", "40001"}  # PostgreSQL: deadlock detected, serialization failure
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
         429: "rate_limited", 500: "server_error", 503: "unavailable"}


def _render(status: int, message: str | None = None, headers=None):
    text = str(message or MESSAGES.get(status, _("Error.")))
    if request.path.startswith("/api/"):
        return jsonify(code=CODES.get(status, "error"), message=text), status, headers or []
    page = render_template("errors/error.html", status=status, message=text, title=str(status))
    return page, status, headers or []


def register_errorhandlers(app: Flask) -> None:
    """HTML pages for the web UI, `{code, message}` JSON under /api/."""
    for status in (400, 401, 403, 404, 405, 409, 413, 429):
        # keep the exception's own headers (Allow on 405, Retry-After on 429)
        app.register_error_handler(status, lambda e, s=status: _render(s, headers=[
            (k, v) for k, v in getattr(e, "get_headers", lambda: [])() if k != "Content-Type"]))

    @app.errorhandler(CSRFError)
    def csrf_error(e):
        return _render(400, _("The form expired or was not sent by this site; reload and try again."))

    @app.errorhandler(TransitionForbidden)
    def step_forbidden(e):
        """A workflow step the user may not take, whichever view let it through: 403, nothing changed."""
        db.session.rollback()
        return _render(403)

    @app.errorhandler(StaleDataError)
    @app.errorhandler(StaleRecord)
    def stale_data(e):
        """Two writers raced past the form's version check, or a view let a stale edit through: the second
        loses, nothing is overwritten, and the answer is the one stale message (409)."""
        db.session.rollback()
        return _render(409)

    @app.errorhandler(IntegrityError)
    def lost_race(e):
        """A write the database refused that no view turned into a form message (two people saving the same
        thing at the same moment): rolled back, 409 with the duplicate's own message when one is declared."""
        db.session.rollback()
        rule = duplicate_rule(e)
        return _render(409, rule.message if rule else SAVED_MEANWHILE)

    @app.errorhandler(OperationalError)
    def refused_write(e):
        """The database refused this transaction. Its file could not be written (the connections are discarded,
        see core.sqlite): 503, nothing saved. It gave up because of another transaction (a deadlock or
        serialisation failure on PostgreSQL, a lock wait that timed out on SQLite): a lost race, 409.
        Anything else is a 500."""
        db.session.rollback()
        if is_unwritable(e):
            return _render(503, _("The database cannot be written at the moment; nothing was saved. "
                                  "Try again in a few minutes."))
        if getattr(e.orig, "sqlstate", None) in LOST_RACE_STATES or "database is locked" in str(e.orig):
            return _render(409, SAVED_MEANWHILE)
        return _render(500)

    @app.errorhandler(500)
    def server_error(e):
        db.session.rollback()
        return _render(500)

    register_refusal_log(app)


def register_refusal_log(app: Flask) -> None:
    """Every 403 answer, web or API, whichever handler made it, goes into the security log; so does a record
    refused as out of the user's scope, which the user is answered with a 404 (permissions.check_or_404)."""
    @app.after_request
    def log_refusal(response):
        if response.status_code == 403 or g.get("access_refused"):
            record_refusal()
        return response
