"""The role x permission matrix and object checks, without a database."""
from types import SimpleNamespace

import pytest

from config import Config
from hrapp.blueprints.staff.access import can_edit_staff, can_self_edit, can_view_sensitive
from hrapp.core.module import load_modules
from hrapp.models import Role
from hrapp.permissions import (
    ROLE_PERMS,
    Perm,
    can_view_staff,
    grant,
    has_perm,
)


def user(role, staff_id=None, scope=frozenset(), active=True):
    return SimpleNamespace(role=role, staff_id=staff_id, is_active=active, _department_scope=frozenset(scope),
                           headed_departments=[])


@pytest.fixture(autouse=True, scope="module")
def _module_grants():
    """No app here: merge the configured modules' grants as the factory does (`grant` is idempotent)."""
    for module in load_modules(Config.MODULES):
        grant(module.grants)


STAFF_IN_1 = SimpleNamespace(id=10, department_id=1)
STAFF_IN_2 = SimpleNamespace(id=20, department_id=2)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("perm", list(Perm))
def test_role_matrix(role, perm):
    assert has_perm(user(role), perm) == (perm in ROLE_PERMS[role])


def test_matrix_essentials():
    assert frozenset(Perm) <= ROLE_PERMS[Role.ADMIN]
    assert all(perms <= ROLE_PERMS[Role.ADMIN] for perms in ROLE_PERMS.values())  # modules' grants too
    assert Perm.STAFF_EDIT in ROLE_PERMS[Role.HR] and Perm.STAFF_EDIT not in ROLE_PERMS[Role.HEAD]
    assert Perm.STAFF_VIEW not in ROLE_PERMS[Role.STAFF]
    assert Perm.AUDIT_VIEW not in ROLE_PERMS[Role.HEAD]


def test_anonymous_and_disabled_have_nothing():
    anonymous = SimpleNamespace(role=None, is_active=False)
    assert not any(has_perm(anonymous, p) for p in Perm)
    assert not any(has_perm(user(Role.ADMIN, active=False), p) for p in Perm)
    assert not can_view_staff(user(Role.HR, active=False), STAFF_IN_1)


@pytest.mark.parametrize("who, staff, visible, sensitive", [
    (user(Role.HR), STAFF_IN_2, True, True),
    (user(Role.ADMIN), STAFF_IN_1, True, True),
    (user(Role.HEAD, scope={1}), STAFF_IN_1, True, False),
    (user(Role.HEAD, scope={1}), STAFF_IN_2, False, False),
    (user(Role.HEAD, staff_id=20, scope={1}), STAFF_IN_2, True, True),
    (user(Role.STAFF, staff_id=10), STAFF_IN_1, True, True),
    (user(Role.STAFF, staff_id=10), STAFF_IN_2, False, False),
    (user(Role.STAFF), STAFF_IN_1, False, False),
])
def test_object_scope(who, staff, visible, sensitive):
    assert can_view_staff(who, staff) is visible
    assert can_view_sensitive(who, staff) is sensitive


def test_only_hr_edits_and_only_self_self_edits():
    assert can_edit_staff(user(Role.HR)) and not can_edit_staff(user(Role.HEAD, scope={1}))
    assert can_self_edit(user(Role.STAFF, staff_id=10), STAFF_IN_1)
    assert not can_self_edit(user(Role.STAFF, staff_id=10), STAFF_IN_2)
    assert not can_self_edit(user(Role.HR), STAFF_IN_1)


def test_roster_checks():
    from hrapp.blueprints.roster.access import (
        can_answer_swap,
        can_decide_swap,
        can_edit_roster,
        can_manage_roster_settings,
        can_override_breaches,
        can_view_roster,
    )
    dept1, dept2 = SimpleNamespace(id=1), SimpleNamespace(id=2)
    roster1, roster2 = SimpleNamespace(department=dept1), SimpleNamespace(department=dept2)
    head = user(Role.HEAD, scope={1})
    assert can_edit_roster(head, roster1) and not can_edit_roster(head, roster2)
    assert can_view_roster(head, roster1) and not can_view_roster(head, roster2)
    assert can_edit_roster(user(Role.HR), roster2) and can_override_breaches(user(Role.HR))
    assert not can_override_breaches(head) and not can_manage_roster_settings(head)
    worker = user(Role.STAFF, staff_id=10)
    assert not can_edit_roster(worker, roster1)
    swap = SimpleNamespace(partner_id=10, requester_id=20, roster=roster1)
    assert can_answer_swap(worker, swap) and not can_answer_swap(user(Role.STAFF, staff_id=20), swap)
    assert can_decide_swap(head, swap) and not can_decide_swap(worker, swap)


def test_only_administrators_grant_or_manage_the_administrator_role():
    from hrapp.blueprints.accounts.access import can_grant_role, can_manage_account
    admin_account = SimpleNamespace(role=Role.ADMIN)
    assert can_grant_role(user(Role.ADMIN), Role.ADMIN) and can_manage_account(user(Role.ADMIN), admin_account)
    assert can_grant_role(user(Role.HR), Role.HEAD) and not can_grant_role(user(Role.HR), Role.ADMIN)
    assert not can_manage_account(user(Role.HR), admin_account)
    assert not can_grant_role(user(Role.HEAD), Role.STAFF)
