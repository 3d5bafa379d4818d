"""JSON API v1 under /api/v1/ (flask-smorest), documented at /api/v1/openapi.json and, readably, /api/docs."""
from flask import Flask, request
from flask_smorest import Api

from hrapp.blueprints.api import docs
from hrapp.blueprints.api.errors import handle_http_exception
from hrapp.blueprints.api.schemas import ErrorSchema, Money

BEARER_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "An API token issued to a user: `Authorization: Bearer hr_...`. "
                   "It acts with that user's role and scope.",
}


class HrApi(Api):
    """flask-smorest's Api with hrapp's error shape, and without taking over the web UI's errors."""

    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error):
        """App-wide HTTPException handler: API JSON under /api/, the web's usual handling elsewhere.

        The API blueprints have their own handlers too; this one catches errors raised before a
        blueprint is known (e.g. an unknown URL) whose status the web has no handler for.
        """
        if not request.path.startswith("/api/"):
            return error
        return handle_http_exception(error)


def register_api(app: Flask, blueprints) -> None:
    """Register the modules' API blueprints and the OpenAPI document, which declares bearer-token security (and
    the schemes a blueprint declares in its `security_schemes`)."""
    api = HrApi(app, spec_kwargs={"security": [{"bearerAuth": []}]})
    api.spec.components.security_scheme("bearerAuth", BEARER_SCHEME)
    api.register_field(Money, "string", "decimal")
    for bp in blueprints:
        # A blueprint authenticated otherwise (a device's token) declares its own schemes: name -> scheme.
        for name, scheme in getattr(bp, "security_schemes", {}).items():
            api.spec.components.security_scheme(name, scheme)
        api.register_blueprint(bp)
    app.register_blueprint(docs.bp)  # the readable reference over the document above
