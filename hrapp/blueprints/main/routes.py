"""Front-end packages the app serves itself, and the load balancers' probe (the home pages: hrapp/blueprints/home)."""
from pathlib import Path

from flask import Blueprint, abort, send_from_directory

from hrapp.extensions import talisman

bp = Blueprint("main", __name__)

# Front-end packages installed by `make` from package-lock.json (npm ci) and served by the app, never a CDN.
NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"
VENDOR_FILES = {"echarts.min.js": NODE_MODULES / "echarts" / "dist" / "echarts.min.js"}


@bp.route("/vendor/<name>")
def vendor_file(name: str):
    """A front-end package's file (ECharts), cached by browsers for a day."""
    path = VENDOR_FILES.get(name)
    if path is None or not path.is_file():
        abort(404)
    return send_from_directory(path.parent, path.name, max_age=86400)


@bp.route("/healthz")
@talisman(force_https=False)  # load balancers probe over plain HTTP inside the network
def healthz():
    """Liveness probe for load balancers."""
    return {"status": "ok"}
