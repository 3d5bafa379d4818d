"""Roster views: none yet (the grid and pages come on top of the services)."""
from flask import Blueprint

bp = Blueprint("roster", __name__, url_prefix="/roster")
