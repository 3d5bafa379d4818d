"""Log in, log out, passwords (and forgotten ones) and language; the API's "who am I"."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NotificationKind

from .reset_routes import bp as reset_bp
from .routes import bp
from .services import LOCKOUT_KIND

MODULE = Module(name="auth", blueprints=(bp, reset_bp), api_blueprints=("hrapp.blueprints.api.me:bp",),
                notification_kinds=(NotificationKind(LOCKOUT_KIND, _l("Account locked")),))
