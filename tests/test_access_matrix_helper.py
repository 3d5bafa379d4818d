"""The access-matrix helper itself: a route missing from a table is named, a wrong expectation is reported
with every other mismatch, a redirect to the login page reads as `L`."""
from pathlib import Path

import pytest

from hrapp.core.module import modules
from tests.access_matrix import ROLES, Route, expected, outcome, uncovered, walk


class FakeResponse:
    def __init__(self, status_code: int, location: str = ""):
        self.status_code, self.headers = status_code, {"Location": location} if location else {}


def test_outcome_tells_the_login_redirect_from_other_redirects():
    assert outcome(FakeResponse(302, "/auth/login?next=%2Faudit%2F")) == "L"
    assert outcome(FakeResponse(302, "/staff/me")) == "302"
    assert outcome(FakeResponse(403)) == "403"


def test_a_row_needs_one_code_per_role():
    codes = "L 403 403 200 200 200 200"
    assert expected(Route("GET", "/x", codes)) == dict(zip(ROLES, codes.split(), strict=True))
    with pytest.raises(AssertionError, match="6 codes for 7 roles"):
        expected(Route("GET", "/x", "L 403 403 200 200 200"))


def test_a_route_left_out_of_the_table_is_named(app):
    table = {"list": Route("GET", "/audit/", "L 403 403 403 403 200 200")}
    assert uncovered(app, ("audit_log.",), table) == []
    missing = uncovered(app, ("accounts.",), {"list": Route("GET", "/accounts/", "L 403 403 403 403 200 200")})
    assert sorted(missing) == ["GET /accounts/<int:user_id>/edit (accounts.edit_account)",
                               "GET /accounts/new (accounts.create_account)",
                               "POST /accounts/<int:user_id>/edit (accounts.edit_account)",
                               "POST /accounts/<int:user_id>/reset-link (accounts.issue_reset_link)",
                               "POST /accounts/new (accounts.create_account)"]


def test_every_mismatch_is_reported_at_once(app):
    calls = []

    def caller(role):
        def call(route):
            calls.append(role)
            return FakeResponse(200)
        return call
    callers = {role: caller(role) for role in ROLES}
    with pytest.raises(AssertionError) as failure:
        walk(app, "audit_log", {"list": Route("GET", "/audit/", "L 403 403 403 403 200 200")}, callers)
    assert "5 access mismatches" in str(failure.value)
    assert "list anon: expected L, got 200" in str(failure.value) and "list hk_head: expected 403" in str(failure.value)
    assert calls == list(ROLES)


def test_every_module_has_its_access_matrix(app):
    """A new module with web routes (a line in Config.MODULES) must come with tests/<name>/test_access_matrix.py
    (a module built in parts: in a part's folder below it), and the API blueprints with
    tests/api/test_access_matrix.py."""
    tests = Path(__file__).parent
    missing = [module.name for module in modules(app)
               if module.blueprints and not any((tests / module.name).rglob("test_access_matrix.py"))]
    assert missing == []
    assert (tests / "api" / "test_access_matrix.py").is_file()
