"""Fixtures of the capture part: a private import directory, a logged-in HR client."""
import pytest


@pytest.fixture(autouse=True)
def import_dir(app, tmp_path):
    old = app.config["IMPORT_DIR"]
    app.config["IMPORT_DIR"] = str(tmp_path / "imports")
    yield tmp_path / "imports"
    app.config["IMPORT_DIR"] = old


@pytest.fixture
def as_hr(org, auth, client):
    auth.login("hr")
    return client
