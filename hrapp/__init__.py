"""hrapp: HR performance and discipline management. The application factory."""
import os

import sqlalchemy as sa
from flask import Flask, current_app, has_request_context, redirect, request, session, url_for
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import joinedload

from config import CONFIGS, INSTANCE_DIR
from hrapp import cli, errors, notifications, permissions
from hrapp.blueprints.api import register_api
from hrapp.company import request_zone_name
from hrapp.core.caching import register_no_store
from hrapp.core.display_formats import date_display, datetime_display
from hrapp.core.module import modules, register_modules, resolve
from hrapp.core.sqlite import discard_unwritable_connections, is_file_database
from hrapp.core.text import mask_id_number
from hrapp.core.urls import DatabaseIntConverter
from hrapp.extensions import babel, bootstrap, csrf, db, limiter, login_manager, migrate, talisman
from hrapp.labels import label
from hrapp.models import AnonymousUser, User
from hrapp.naming import display_name

CSP = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "style-src": "'self'",
    "script-src": "'self'",
    "object-src": "'none'",
    "frame-ancestors": "'none'",
}


def create_app(config_class=None) -> Flask:
    """Build the app. `config_class` defaults to HRAPP_CONFIG (development|testing|production)."""
    app = Flask(__name__, instance_path=str(INSTANCE_DIR))
    app.url_map.converters["int"] = DatabaseIntConverter  # ids beyond the database's range: 404
    if config_class is None:
        config_class = CONFIGS[os.environ.get("HRAPP_CONFIG", "development")]
    app.config.from_object(config_class() if isinstance(config_class, type) else config_class)
    os.makedirs(app.instance_path, exist_ok=True)
    register_extensions(app)
    register_blueprints(app)
    errors.register_errorhandlers(app)
    cli.register_cli(app)
    register_template_globals(app)
    register_request_hooks(app)
    register_no_store(app)
    return app


def register_extensions(app: Flask) -> None:
    """Bind every extension; SQLite gets batch migrations and foreign-key enforcement."""
    db.init_app(app)
    is_sqlite = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).get_backend_name() == "sqlite"
    migrate.init_app(app, db, render_as_batch=is_sqlite, compare_type=True)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.anonymous_user = AnonymousUser
    login_manager.session_protection = "strong"
    login_manager.user_loader(load_user)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    bootstrap.init_app(app)
    limiter.init_app(app)
    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        content_security_policy=CSP,
        strict_transport_security=app.config["FORCE_HTTPS"],
    )
    if is_sqlite:
        with app.app_context():
            _enable_sqlite_foreign_keys(db.engine)
            if is_file_database(db.engine.url):
                discard_unwritable_connections(db.engine)


def _enable_sqlite_foreign_keys(engine) -> None:
    @event.listens_for(engine, "connect")
    def _fk_on(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA foreign_keys=ON")


def load_user(user_id: str) -> User | None:
    """The login cookie holds "id:session_token"; a rotated token logs the cookie out.

    One query brings the user, the departments they head (for the scope checks) and their unread
    notification count (for the nav)."""
    uid, _, token = user_id.partition(":")
    if not uid.isdigit():
        return None
    row = db.session.execute(
        sa.select(User, notifications.unread_count_column()).where(User.id == int(uid))
        .options(joinedload(User.headed_departments))).unique().one_or_none()
    if row is None:
        return None
    user, unread = row
    if user.session_token != token or not user.is_enabled:
        return None
    notifications.remember_unread(user, unread)
    return user


def select_locale() -> str:
    """The user's saved language, else the session's, else Chinese; English outside requests (CLI)."""
    if not has_request_context():
        return "en"
    if current_user and current_user.is_authenticated and current_user.locale:
        return current_user.locale
    if request.path.startswith("/api/"):  # API clients say what they want in Accept-Language
        return request.accept_languages.best_match(current_app.config["LANGUAGES"]) or "zh"
    return session.get("locale") or "zh"


def select_timezone() -> str:
    return request_zone_name()


def register_blueprints(app: Flask) -> None:
    """Every registered module's blueprints, API blueprints, permission grants, template globals and
    commands (Config.MODULES, in order)."""
    loaded = register_modules(app)
    for module in loaded:
        for bp in module.blueprints:
            app.register_blueprint(bp)
        permissions.grant(module.grants)
        permissions.declare_visibility(module.visibility)
        app.jinja_env.globals.update(module.template_globals)
        for command in module.cli:
            app.cli.add_command(command)
    register_api(app, [resolve(bp) for module in loaded for bp in module.api_blueprints])


def register_template_globals(app: Flask) -> None:
    """Templates use the same permission functions as the views."""
    app.jinja_env.globals.update(permissions.TEMPLATE_GLOBALS)
    app.jinja_env.globals["LANGUAGES"] = app.config["LANGUAGES"]
    app.jinja_env.filters["mask_id"] = mask_id_number
    app.jinja_env.globals["company_zone"] = select_timezone
    app.jinja_env.globals["label"] = label
    app.jinja_env.globals["display_name"] = display_name
    app.jinja_env.filters["date_display"] = date_display
    app.jinja_env.filters["datetime_display"] = datetime_display
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["has_endpoint"] = lambda name: name in app.view_functions
    app.jinja_env.globals["url_with"] = url_with
    app.jinja_env.globals["nav_entries"] = visible_nav_entries


def visible_nav_entries() -> list:
    """The navigation links the current user may follow, from every registered module, in order; the entries
    of a menu come as one (label, [entries]) tuple where the menu's first entry stands."""
    user, views = current_user._get_current_object(), current_app.view_functions
    entries = sorted((e for module in modules() for e in module.nav if e.endpoint in views and e.visible(user)),
                     key=lambda e: e.order)
    items, menus = [], {}
    for entry in entries:
        menu = str(entry.menu)  # translated once: every lazy string costs a catalogue lookup
        if not menu:
            items.append(entry)
        elif menu in menus:
            menus[menu][1].append(entry)
        else:
            menus[menu] = (menu, [entry])
            items.append(menus[menu])
    return [item[1][0] if isinstance(item, tuple) and len(item[1]) == 1 else item for item in items]


def url_with(**updates) -> str:
    """The current URL with some query arguments replaced (pagination, sorting)."""
    args = request.args.to_dict() | {k: v for k, v in updates.items() if v is not None}
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def register_request_hooks(app: Flask) -> None:
    """Accounts created by HR or import must change their password before anything else."""
    allowed = {"auth.change_password", "auth.logout", "auth.set_locale", "static", "bootstrap.static"}

    @app.before_request
    def force_password_change():
        if (current_user.is_authenticated and current_user.must_change_password
                and request.endpoint not in allowed and not request.path.startswith("/api/")):
            return redirect(url_for("auth.change_password"))
        return None
