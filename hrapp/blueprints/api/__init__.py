"""JSON API v1 under /api/v1/ (flask-smorest)."""
from flask import Flask


def register_api(app: Flask) -> None:
    """Register the API blueprints and the OpenAPI document."""
