"""The access matrix: walk every route of one blueprint as every role against a table written out in the test.

A table maps a route name to `Route(method, path, codes)`, where `codes` lists the expected answer for each
role in the column order of `ROLES`, e.g. ``"L 403 403 200 403 200 200"``:

- a number is the exact status code (``302`` means a redirect that is *not* to the login page);
- ``L`` means "sent to the login page" (302 to /auth/login), what anonymous users get from a login-only page.

`walk` checks that every URL rule (and method) of the blueprint has an entry — so a new route without one
fails — then calls each route, in table order, as each role and reports every mismatch at once. Roles are
walked from the least to the most privileged, so a route's refusals are checked before an allowed POST
changes the data; put routes that end something (logging out, locking, cancelling) last.

`people` is the fixture the web tables share: `org` plus a head of housekeeping (`hk_head`), so that each
role has a counterpart outside the front office.
"""
from collections.abc import Callable, Mapping
from typing import NamedTuple

import pytest

from hrapp.models import Role
from tests.conftest import PASSWORD

# Column order of every table: anonymous, staff of the front desk (FO-DESK, under FO), staff of housekeeping
# (HK), the head of the front office (FO and FO-DESK), the head of housekeeping, HR, the administrator.
ROLES = ("anon", "staff", "other", "head", "hk_head", "hr", "admin")
USERNAMES = {"staff": "staff", "other": "other", "head": "head", "hk_head": "hkhead", "hr": "hr", "admin": "admin"}
LOGIN = "L"


class Route(NamedTuple):
    """One row of a table: how to call the route, the expected codes (in `ROLES` order) and an optional body
    (sent as form data, or as JSON when `json` is true)."""

    method: str
    path: str
    codes: str
    data: Mapping | None = None
    json: bool = False


def expected(route: Route) -> dict[str, str]:
    """The row's codes as role -> expected token."""
    tokens = route.codes.split()
    assert len(tokens) == len(ROLES), f"{route.path}: {len(tokens)} codes for {len(ROLES)} roles"
    return dict(zip(ROLES, tokens, strict=True))


def outcome(response) -> str:
    """The token a response stands for: `L` for a redirect to the login page, else its status code."""
    if response.status_code == 302 and "/auth/login" in response.headers.get("Location", ""):
        return LOGIN
    return str(response.status_code)


def uncovered(app, endpoint_prefixes: tuple[str, ...], table: Mapping[str, Route],
              exempt: frozenset[str] = frozenset()) -> list[str]:
    """Every `(METHOD, rule)` of the blueprint(s) that no table entry reaches (`exempt` endpoints left out)."""
    adapter = app.url_map.bind("localhost")
    reached = set()
    for route in table.values():
        rule, _args = adapter.match(route.path.split("?")[0], route.method, return_rule=True)
        reached.add((route.method, rule.rule))
    missing = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith(endpoint_prefixes) or rule.endpoint in exempt:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if (method, rule.rule) not in reached:
                missing.append(f"{method} {rule.rule} ({rule.endpoint})")
    return missing


def web_caller(client) -> Callable:
    """Call a route through a Flask test client (POSTs with the row's form data, or `{}` as JSON)."""
    def call(route: Route):
        if route.json:
            return client.open(route.path, method=route.method, json=dict(route.data or {}))
        return client.open(route.path, method=route.method, data=dict(route.data or {}))
    return call


def walk(app, blueprint: str | tuple[str, ...], table: Mapping[str, Route], callers: Mapping[str, Callable],
         exempt: frozenset[str] = frozenset()) -> None:
    """Assert the table covers every route of `blueprint` (a name, or a tuple of names walked as one table)
    and every role gets the expected answer.

    `callers` maps each role of `ROLES` to a function `(Route) -> response`. All mismatches are reported at
    once, as `route role: expected X, got Y`.
    """
    names = (blueprint,) if isinstance(blueprint, str) else blueprint
    missing = uncovered(app, tuple(f"{name}." for name in names), table, exempt)
    assert not missing, "routes missing from the access table:\n" + "\n".join(missing)
    mismatches = []
    for name, route in table.items():
        for role in ROLES:
            want = expected(route)[role]
            got = outcome(callers[role](route))
            if got != want:
                mismatches.append(f"{name} {role}: expected {want}, got {got}")
    assert not mismatches, f"{len(mismatches)} access mismatches:\n" + "\n".join(mismatches)


def login(app, username: str):
    """A test client logged in as `username` through the real login form."""
    client = app.test_client()
    response = client.post("/auth/login", data={"identifier": username, "password": PASSWORD})
    assert response.status_code == 302 and "/auth/login" not in response.headers["Location"], username
    return client


def role_clients(app, **usernames: str) -> dict[str, object]:
    """One client per role of `ROLES` (anonymous included), each logged in once; `usernames` replaces the
    default account of a role (e.g. ``staff="zhangsan"``)."""
    clients = {"anon": app.test_client()}
    clients.update({role: login(app, name) for role, name in (USERNAMES | usernames).items()})
    return clients


def web_callers(app, **usernames: str) -> dict[str, Callable]:
    """A web caller per role, over `role_clients`."""
    return {role: web_caller(client) for role, client in role_clients(app, **usernames).items()}


@pytest.fixture
def people(org, make_user):
    """`org` plus `hk_head`, the head of housekeeping (no staff record)."""
    org.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    return org
