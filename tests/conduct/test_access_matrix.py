"""The code-of-conduct module's access matrices: the package is built in parts, each with its own blueprint
(`conduct_<part>`) and its own table in tests/conduct/<part>/test_access_matrix.py; this checks every part with
pages has one (tests/test_access_matrix_helper.py asks for this file for the module as a whole)."""
from pathlib import Path

from hrapp.blueprints.conduct import MODULE

HERE = Path(__file__).parent


def test_every_conduct_part_with_pages_has_its_access_matrix():
    parts = [bp.name.removeprefix("conduct_") for bp in MODULE.blueprints]
    assert parts, "the conduct module registers no pages"
    assert [p for p in parts if not (HERE / p / "test_access_matrix.py").is_file()] == []
