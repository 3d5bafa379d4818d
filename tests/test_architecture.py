"""The direction of dependencies and the size of modules (STYLE.md §4), checked on the source tree.

- The report engine, the access mechanism, the app factory and the shared machinery import no feature
  package: features register themselves through their MODULE record.
- Rules modules are pure: no Flask, no SQLAlchemy, no hrapp.extensions.
- No Python module passes 400 lines.
- Every feature package is a module: it declares MODULE and is in Config.MODULES.
"""
import ast
from pathlib import Path

import pytest

from config import Config
from hrapp.core.module import Module, load_modules

pytestmark = pytest.mark.unit  # pure: no app, no database

ROOT = Path(__file__).resolve().parent.parent
HRAPP = ROOT / "hrapp"
BLUEPRINTS = HRAPP / "blueprints"
MECHANISM_PACKAGES = {"reports", "api"}  # the report engine and the API's plumbing
FEATURES = sorted(p.name for p in BLUEPRINTS.iterdir() if (p / "__init__.py").exists()
                  and p.name not in MECHANISM_PACKAGES)
MAX_LINES = 400


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def python_files(*paths: Path) -> list[Path]:
    return sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*.py")))


def feature_imports(path: Path) -> list[str]:
    return sorted(name for name in imported_modules(path)
                  if any(name == f"hrapp.blueprints.{f}" or name.startswith(f"hrapp.blueprints.{f}.")
                         for f in FEATURES))


MECHANISM = python_files(BLUEPRINTS / "reports", HRAPP / "permissions.py", HRAPP / "__init__.py", HRAPP / "core",
                         HRAPP / "notifications.py", HRAPP / "audit.py", HRAPP / "errors.py", HRAPP / "company.py",
                         HRAPP / "forms.py")


@pytest.mark.parametrize("path", MECHANISM, ids=lambda p: str(p.relative_to(ROOT)))
def test_mechanism_imports_no_feature_package(path):
    assert feature_imports(path) == [], f"{path.relative_to(ROOT)} imports a feature package"


RULES = [f for f in HRAPP.rglob("*.py") if f.name == "rules.py" or "rules" in f.relative_to(HRAPP).parts[:-1]]
IMPURE = ("flask", "flask_", "sqlalchemy", "hrapp.extensions", "hrapp.models")


@pytest.mark.parametrize("path", RULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_rules_are_pure(path):
    impure = sorted(n for n in imported_modules(path) if n.startswith(IMPURE[:3]) or n.split(".")[0] == "sqlalchemy"
                    or n.startswith("hrapp.extensions"))
    assert impure == [], f"{path.relative_to(ROOT)} imports {impure}"


def test_no_module_passes_the_size_limit():
    big = {str(f.relative_to(ROOT)): n for f in python_files(HRAPP)
           if (n := len(f.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert big == {}, f"modules over {MAX_LINES} lines: {big}"


def test_every_feature_package_is_a_registered_module():
    listed = {name.rsplit(".", 1)[-1] for name in Config.MODULES}
    assert set(FEATURES) <= listed, f"not in Config.MODULES: {set(FEATURES) - listed}"
    assert all(isinstance(m, Module) for m in load_modules(Config.MODULES))


def test_the_checks_catch_a_violation(tmp_path):
    """The import scan itself works: a file importing a feature package is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from hrapp.blueprints.roster.services import roster_grid\nimport hrapp.blueprints.staff\n")
    assert feature_imports(bad) == ["hrapp.blueprints.roster.services", "hrapp.blueprints.roster.services.roster_grid",
                                    "hrapp.blueprints.staff"]


def test_today_is_the_company_s_day():
    """"Today" is the company's local day (hrapp.company.company_today), never the server's clock: a server on UTC
    would date everything between midnight and 08:00 in Shanghai a day early."""
    server_today = {str(f.relative_to(ROOT)) for f in python_files(HRAPP)
                    if "date.today()" in f.read_text(encoding="utf-8")}
    assert server_today == set(), f"date.today() in {sorted(server_today)}"
