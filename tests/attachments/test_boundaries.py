"""The attachments mechanism stays generic: it names no feature, and its rules and store are plain Python."""
import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "hrapp" / "core"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
    return names


@pytest.mark.parametrize("name", ["attachments.py", "attachment_rules.py", "filestore.py"])
def test_mechanism_imports_no_feature_package(name):
    assert not {m for m in _imports(CORE / name) if m.startswith("hrapp.blueprints")}


@pytest.mark.parametrize("name", ["attachment_rules.py", "filestore.py"])
def test_rules_and_store_import_no_flask_or_database(name):
    roots = {m.split(".")[0] for m in _imports(CORE / name)}
    assert not roots & {"flask", "flask_babel", "sqlalchemy", "hrapp"}, roots
