"""Readable API documentation at /api/docs: Swagger UI over /api/v1/openapi.json, served from the app.

Swagger UI's files come from the pinned `swagger-ui-bundle` package (no CDN); the page starts it from
a static script, since the content security policy allows no inline script."""
from flask import Blueprint, abort, render_template, send_from_directory
from flask_babel import gettext as _
from swagger_ui_bundle import swagger_ui_path

bp = Blueprint("api_reference", __name__, url_prefix="/api")
ASSETS = frozenset({"swagger-ui.css", "swagger-ui-bundle.js"})


@bp.route("/docs")
def show_docs():
    """The interactive API reference (reading it needs no token; trying a call needs one)."""
    return render_template("api/docs.html", title=_("API documentation"))


@bp.route("/docs/assets/<name>")
def docs_asset(name: str):
    """One of Swagger UI's own files, from the installed package."""
    if name not in ASSETS:
        abort(404)
    return send_from_directory(swagger_ui_path, name, max_age=86400)
