"""approvers_for: heads of the person's department and of the departments above it (nearest first), HR only
when no head is found; the heads it names are exactly the heads the access rule lets manage the request."""
from hrapp.blueprints.roster.access import can_edit_department_rosters
from hrapp.core.approvers import approvers_for, department_chain
from hrapp.extensions import db
from hrapp.models import Role


def test_a_front_desk_clerk_reaches_the_front_office_head(org):
    assert approvers_for(org.desk_staff) == [org.head]


def test_heads_are_listed_nearest_first_and_once(org, make_user):
    desk_head = make_user(Role.HEAD, "deskhead", departments=[org.front_desk])
    both = make_user(Role.HEAD, "both", departments=[org.front, org.front_desk])
    assert approvers_for(org.desk_staff) == [desk_head, both, org.head]
    assert approvers_for(org.head_staff) == [org.head, both]  # a parent's head is not told of the child's


def test_disabled_heads_and_accounts_without_the_head_role_are_skipped(org, make_user):
    make_user(Role.HEAD, "gone", departments=[org.front_desk], is_enabled=False)
    make_user(Role.STAFF, "demoted", departments=[org.front_desk])
    assert approvers_for(org.desk_staff) == [org.head]


def test_hr_is_the_fallback_when_no_head_is_found(org, make_user):
    make_user(Role.HR, "hr-off", is_enabled=False)
    assert approvers_for(org.hk_staff) == [org.hr]  # housekeeping has no head; administrators are not told
    org.head.is_enabled = False
    db.session.commit()
    assert approvers_for(org.desk_staff) == [org.hr]


def test_every_head_told_may_manage_and_every_head_who_may_manage_is_told(org, make_user):
    desk_head = make_user(Role.HEAD, "deskhead", departments=[org.front_desk])
    hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    heads = [org.head, desk_head, hk_head]
    told = approvers_for(org.desk_staff)
    assert {h for h in heads if can_edit_department_rosters(h, org.front_desk)} == set(told)


def test_department_chain_runs_from_the_department_up(org):
    assert department_chain(org.front_desk) == [org.front_desk.id, org.front.id]
    assert department_chain(org.housekeeping) == [org.housekeeping.id]
