"""The conduct module's access matrices live with its parts (tests/conduct/<part>/test_access_matrix.py, each
walking its own blueprint `conduct_<part>` with tests.access_matrix.walk); this checks that every registered
conduct blueprint has one, so a part's new pages cannot go without their table."""
from pathlib import Path

from hrapp.core.module import modules


def test_every_conduct_blueprint_has_its_parts_access_matrix(app):
    conduct = next(m for m in modules(app) if m.name == "conduct")
    here = Path(__file__).parent
    parts = [bp.name.removeprefix("conduct_") for bp in conduct.blueprints]
    assert parts, "the conduct module registers no blueprint"
    missing = [part for part in parts if not (here / part / "test_access_matrix.py").is_file()]
    assert missing == []
