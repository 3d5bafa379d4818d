"""Bearer-token authentication and the access checks shared by every API blueprint."""
from collections.abc import Callable
from functools import wraps

from flask import g, request
from flask_babel import gettext as _
from flask_smorest import Blueprint, abort

from hrapp.blueprints.api.errors import BEARER_CHALLENGE, ApiParser, install_error_handlers
from hrapp.blueprints.auth.tokens import user_for_token
from hrapp.extensions import csrf, db
from hrapp.models import User
from hrapp.permissions import get_or_404, has_perm


class ApiBlueprint(Blueprint):
    """A flask-smorest blueprint whose argument errors come out in the API error shape."""

    ARGUMENTS_PARSER = ApiParser()


def api_blueprint(name: str, import_name: str, url_prefix: str, description: str) -> ApiBlueprint:
    """A blueprint where every request needs a bearer token and every error is API JSON.

    No cookie authentication is accepted, so there is nothing for CSRF to protect.
    """
    bp = ApiBlueprint(name, import_name, url_prefix=url_prefix, description=description)
    bp.before_request(authenticate)
    install_error_handlers(bp)
    csrf.exempt(bp)
    return bp


def authenticate() -> None:
    """Resolve `Authorization: Bearer hr_...` to its enabled user, else 401."""
    scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
    user = user_for_token(token.strip()) if scheme.lower() == "bearer" else None
    if user is None:
        challenge = BEARER_CHALLENGE + (', error="invalid_token"' if token.strip() else "")
        abort(401, message=_("A valid API token is required."), headers={"WWW-Authenticate": challenge})
    # Its own small transaction: the token's last use is recorded even if the request then fails.
    db.session.commit()
    g.api_user = user


def api_user() -> User | None:
    """The user of the request's token; None outside an authenticated API request."""
    return g.get("api_user")


def requires(check: str | Callable[[User], bool]) -> Callable:
    """View decorator: 403 unless the token's user has the permission `check` or passes the predicate.

    Place it right under `@bp.route` so the check runs before the request body is parsed.
    """
    def allowed(user) -> bool:
        return has_perm(user, check) if isinstance(check, str) else check(user)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not allowed(api_user()):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def get_visible_or_404(model, object_id: int, check: Callable):
    """Load `model` by id: 404 if it does not exist or the token's user does not pass `check`."""
    return get_or_404(model, object_id, check, user=api_user())
