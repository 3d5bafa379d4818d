"""The request service: every refusal at its boundary, HR recording leave, and the decision steps."""
from datetime import timedelta
from decimal import Decimal

import pytest

from hrapp.blueprints.leave.balances import leave_balance
from hrapp.blueprints.leave.requests import steps
from hrapp.blueprints.leave.requests.messages import LeaveRequestError
from hrapp.blueprints.leave.requests.services import record_leave
from hrapp.company import company_today
from hrapp.core.errors import StaleRecord
from hrapp.core.workflow import TransitionForbidden, TransitionRefused
from hrapp.extensions import db
from hrapp.models import AuditEntry, LeaveBlackout, LeaveStatus, Notification, PeriodClose, PeriodKind
from hrapp.period_close import PeriodClosed

from .conftest import MON, ask, day

D = Decimal


def refused(field: str, call) -> str:
    with pytest.raises(LeaveRequestError) as caught:
        call()
    assert field in caught.value.errors, caught.value.errors
    return str(caught.value.errors[field][0])


def test_a_request_counts_working_days_and_goes_to_the_head(site):
    leave = ask(site.staff, site.desk_staff, "annual", MON, day(6), site.types)  # Monday to Sunday
    assert leave.status == LeaveStatus.PENDING and leave.days == D(5) and leave.department_id == site.front_desk.id
    assert db.session.scalar(db.select(AuditEntry.action).where(AuditEntry.target_id == leave.id,
                                                                AuditEntry.target_type == "LeaveRequest")) \
        == "leave_request.create"
    told = db.session.scalars(db.select(Notification.user_id).where(Notification.kind == "leave_request")).all()
    assert told == [site.head.id]


def test_balance_boundary_five_days_pass_five_and_a_half_do_not(site):
    ask(site.staff, site.desk_staff, "annual", MON, day(4), site.types)
    assert leave_balance(site.desk_staff, site.types["annual"], MON).available == 0
    message = refused("leave_type_id", lambda: ask(site.staff, site.desk_staff, "annual", day(7), day(7), site.types,
                                                   ends_at_noon=True))
    assert "0" in message


def test_ends_before_start(site):
    refused("ends_on", lambda: ask(site.staff, site.desk_staff, "personal", day(1), MON, site.types))


def test_one_day_both_halves(site):
    refused("ends_at_noon", lambda: ask(site.staff, site.desk_staff, "personal", MON, MON, site.types,
                                        starts_afternoon=True, ends_at_noon=True))


def test_halves_refused_where_the_type_takes_whole_days(site):
    refused("starts_afternoon", lambda: ask(site.staff, site.desk_staff, "marriage", MON, day(1), site.types,
                                            starts_afternoon=True))


def test_overlap_with_an_open_request_and_not_with_a_rejected_one(site):
    first = ask(site.staff, site.desk_staff, "personal", MON, day(1), site.types)
    refused("starts_on", lambda: ask(site.staff, site.desk_staff, "personal", day(1), day(2), site.types))
    ask(site.staff, site.desk_staff, "personal", day(2), day(2), site.types)  # the day after: fine
    steps.reject(site.head, first, first.version_id, "旺季")
    ask(site.staff, site.desk_staff, "personal", MON, MON, site.types)  # rejected leave no longer overlaps


def test_halves_meeting_on_one_day_do_not_overlap(site):
    ask(site.staff, site.desk_staff, "personal", MON, day(1), site.types, ends_at_noon=True)
    leave = ask(site.staff, site.desk_staff, "personal", day(1), day(2), site.types, starts_afternoon=True)
    assert leave.days == D("1.5")


def test_max_days_per_request(site):
    assert ask(site.staff, site.desk_staff, "marriage", MON, day(2), site.types).days == D(3)
    refused("ends_on", lambda: ask(site.staff, site.desk_staff, "marriage", day(7), day(10), site.types))


def test_blackout_of_a_department_above_and_types_that_ignore_it(site):
    db.session.add(LeaveBlackout(department_id=site.front.id, starts_on=day(3), ends_on=day(3), reason="春节旺季"))
    db.session.flush()
    message = refused("starts_on", lambda: ask(site.staff, site.desk_staff, "personal", MON, day(3), site.types))
    assert "春节旺季" in message
    ask(site.staff, site.desk_staff, "personal", MON, day(2), site.types)  # the day before: fine
    ask(site.staff, site.desk_staff, "sick", day(3), day(3), site.types)  # sick leave ignores blackouts
    ask(site.other_staff, site.hk_staff, "personal", day(3), day(3), site.types)  # another department


def test_a_company_wide_blackout(site):
    db.session.add(LeaveBlackout(department_id=None, starts_on=MON, ends_on=MON, reason="全员"))
    db.session.flush()
    refused("starts_on", lambda: ask(site.other_staff, site.hk_staff, "personal", MON, MON, site.types))


def test_sick_leave_beyond_two_days_needs_a_note(site):
    assert ask(site.staff, site.desk_staff, "sick", MON, day(1), site.types).days == D(2)
    refused("note_file", lambda: ask(site.staff, site.desk_staff, "sick", day(7), day(9), site.types,
                                     ends_at_noon=True))


def test_before_hire_and_after_leaving(site):
    site.desk_staff.left_on = day(2)
    site.desk_staff.hire_on = MON
    db.session.flush()
    refused("starts_on", lambda: ask(site.staff, site.desk_staff, "personal", day(-1), MON, site.types))
    refused("ends_on", lambda: ask(site.staff, site.desk_staff, "personal", day(2), day(3), site.types))
    assert ask(site.staff, site.desk_staff, "personal", MON, day(2), site.types).days == D(3)


def test_a_closed_attendance_month_refuses(site):
    db.session.add(PeriodClose(module="attendance", period_kind=PeriodKind.MONTH, department_id=site.front_desk.id, starts_on=MON, ends_on=day(27),
                               closed_by_id=site.hr.id))
    db.session.flush()
    with pytest.raises(PeriodClosed):
        ask(site.staff, site.desk_staff, "personal", day(-4), day(0), site.types)


def test_no_working_day_is_refused(site):
    refused("ends_on", lambda: ask(site.staff, site.desk_staff, "personal", day(5), day(6), site.types))


def test_head_approves_and_the_balance_counts_it_taken(site):
    leave = ask(site.staff, site.desk_staff, "annual", MON, day(1), site.types)
    assert steps.approve(site.head, leave, leave.version_id) == "approve"
    assert leave.status == LeaveStatus.APPROVED and leave.decided_by_id == site.head.id
    balance = leave_balance(site.desk_staff, site.types["annual"], MON)
    assert (balance.taken, balance.pending, balance.available) == (D(2), D(0), D(3))


def test_a_type_needing_hr_goes_on_to_hr(site):
    leave = ask(site.staff, site.desk_staff, "other", MON, MON, site.types)
    assert steps.approve(site.head, leave, leave.version_id) == "forward"
    assert leave.status == LeaveStatus.AWAITING_HR
    with pytest.raises(TransitionForbidden):
        steps.approve(site.head, leave, leave.version_id)
    assert steps.approve(site.hr, leave, leave.version_id) == "hr_approve"
    assert leave.status == LeaveStatus.APPROVED and leave.hr_decided_by_id == site.hr.id


def test_approval_rechecks_the_balance(site, make_entitlement):
    leave = ask(site.staff, site.desk_staff, "annual", MON, day(2), site.types)
    site.entitlement.granted_days = D(2)  # HR corrected the grant meanwhile
    db.session.flush()
    refused("leave_type_id", lambda: steps.approve(site.head, leave, leave.version_id))


def test_nobody_approves_their_own_request(site):
    leave = ask(site.head, site.head_staff, "personal", MON, MON, site.types)
    with pytest.raises(TransitionForbidden):
        steps.approve(site.head, leave, leave.version_id)
    steps.approve(site.hr, leave, leave.version_id)
    assert leave.status == LeaveStatus.APPROVED


def test_reject_needs_a_reason(site):
    leave = ask(site.staff, site.desk_staff, "personal", MON, MON, site.types)
    with pytest.raises(TransitionRefused):
        steps.reject(site.head, leave, leave.version_id, " ")
    steps.reject(site.head, leave, leave.version_id, "人手不足")
    assert leave.status == LeaveStatus.REJECTED and leave.decision_note == "人手不足"


def test_withdraw_by_the_person_only(site):
    leave = ask(site.staff, site.desk_staff, "personal", MON, MON, site.types)
    with pytest.raises(TransitionForbidden):
        steps.withdraw(site.head, leave, leave.version_id)
    steps.withdraw(site.staff, leave, leave.version_id)
    assert leave.status == LeaveStatus.WITHDRAWN


def test_a_stale_version_changes_nothing(site):
    leave = ask(site.staff, site.desk_staff, "personal", MON, MON, site.types)
    with pytest.raises(StaleRecord):
        steps.approve(site.head, leave, leave.version_id - 1)
    assert leave.status == LeaveStatus.PENDING


def test_cancel_before_it_starts_returns_the_days(site):
    leave = record_leave(site.hr, site.desk_staff, site.types["annual"], MON, day(1))
    assert leave.status == LeaveStatus.APPROVED and leave.days == D(2)
    steps.cancel(site.staff, leave, leave.version_id)
    assert leave.status == LeaveStatus.CANCELLED and leave.cancelled_by_id == site.staff.id
    assert leave_balance(site.desk_staff, site.types["annual"], MON).available == D(5)


def test_started_leave_cannot_be_cancelled_but_can_be_cut_short(site, make_entitlement):
    today = company_today()
    first, last = today - timedelta(days=2), today + timedelta(days=5)
    leave = record_leave(site.hr, site.desk_staff, site.types["personal"], first, last)
    with pytest.raises(TransitionForbidden):
        steps.cancel(site.staff, leave, leave.version_id)
    with pytest.raises(TransitionForbidden):
        steps.cut_short(site.staff, leave, leave.version_id, today)
    refused("last_day", lambda: steps.cut_short(site.head, leave, leave.version_id, last))
    before = leave.days
    steps.cut_short(site.head, leave, leave.version_id, today, "提前返岗")
    assert (leave.ends_on, leave.original_ends_on, leave.status) == (today, last, LeaveStatus.APPROVED)
    assert leave.days < before


def test_hr_records_leave_and_the_person_is_told(site):
    leave = record_leave(site.hr, site.desk_staff, site.types["personal"], MON, day(2), reason="补录")
    assert leave.status == LeaveStatus.APPROVED and leave.decided_by_id == site.hr.id
    assert db.session.scalar(db.select(Notification.user_id).where(Notification.kind == "leave_request")) \
        == site.staff.id
