"""The conduct foundation: the module is registered as one, the fixtures make rows, access rules hold."""
from decimal import Decimal

from hrapp.blueprints.conduct import access
from hrapp.core.module import modules
from hrapp.models import RuleKind, ViolationState


def test_one_registered_conduct_module(app):
    names = [m.name for m in modules(app)]
    assert names.count("conduct") == 1 and not any(n.startswith("conduct.") for n in names)


def test_heads_record_for_their_staff_but_never_themselves(org, make_rule, make_violation):
    assert access.can_record_for(org.head, org.desk_staff)
    assert not access.can_record_for(org.head, org.head_staff)  # themselves
    assert not access.can_record_for(org.head, org.hk_staff)  # another department
    assert access.can_record_for(org.hr, org.head_staff)
    assert not access.can_record_for(org.staff, org.hk_staff)
    rule = make_rule(kind=RuleKind.FINE_RANGE, min_amount=Decimal("5"), max_amount=Decimal("10"))
    draft = make_violation(org.desk_staff, rule, state=ViolationState.DRAFT)
    assert access.can_view_violation(org.head, draft) and not access.can_view_violation(org.staff, draft)
    draft.state = ViolationState.SUBMITTED
    assert access.can_view_violation(org.staff, draft) and not access.can_view_violation(org.other_staff, draft)


def test_a_fellow_head_is_recorded_by_the_head_above(org, make_user, make_staff):
    deputy_staff = make_staff(org.front, name_zh="副经理")
    make_user(access.Role.HEAD, "deputy", staff=deputy_staff, departments=[org.front])
    assert not access.can_record_for(org.head, deputy_staff)  # a fellow head of FO
    desk_head_staff = make_staff(org.front_desk, name_zh="前台主管")
    make_user(access.Role.HEAD, "deskhead", staff=desk_head_staff, departments=[org.front_desk])
    assert access.can_record_for(org.head, desk_head_staff)  # heads a department below FO
    assert access.is_general_manager_for(org.head, org.front_desk)
    assert not access.is_general_manager_for(org.head, org.housekeeping)
