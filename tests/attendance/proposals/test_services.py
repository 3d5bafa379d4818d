"""The whole path: punches -> reconciliation -> proposed violations under the code of conduct; idempotent,
never re-proposing what a head dismissed, withdrawn when a correction or leave clears the day, a confirmed one
left alone (its heads told), nothing under the payroll route or without the rule."""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.attendance.proposals import sync_proposals
from hrapp.blueprints.attendance.proposals.services import NOTIFICATION_KIND, WITHDRAWN
from hrapp.blueprints.attendance.reconcile.services import reconcile
from hrapp.blueprints.conduct.violations.steps import confirm_proposal, dismiss_proposal
from hrapp.blueprints.leave.signals import leave_changed
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    AttendanceSettings,
    AuditEntry,
    ConductRule,
    DayStatus,
    LeaveStatus,
    Notification,
    PenaltyRoute,
    PunchSource,
    ViolationState,
)
from tests.leave.fixtures import write_leave

from .conftest import AFTER_MAY, NEXT, day_row, first_day_with, proposals, punch, utc

MAY_FIRST, MAY_LAST = date(2026, 5, 1), date(2026, 5, 31)


def _late(person, minutes=12):
    """An early shift (07:00-15:00) checked in `minutes` late and out on time; returns its day."""
    day = first_day_with(person, "早")
    punch(person, utc(day, 7, minutes), utc(day, 15, 2))
    db.session.commit()
    return day


def test_a_late_check_in_is_proposed_under_the_lateness_tiers(person):
    day = _late(person, 12)
    assert day_row(person, day).status == DayStatus.LATE
    [violation] = proposals(person)
    assert violation.state == ViolationState.PROPOSED and violation.rule.code == "2-3a"
    assert violation.minutes == 12 and violation.amount == Decimal("20.00")  # the 11-30 minutes tier
    assert violation.source_ref == f"attendance:{person.id}:{day.isoformat()}:late"
    assert violation.occurred_at == utc(day, 7, 12) and violation.ledger_month == "2026-05"
    assert db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "violation.propose"))


def test_re_reconciling_proposes_nothing_new(person):
    _late(person)
    reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY)
    reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY)
    late = [v for v in proposals(person) if v.rule.code == "2-3a"]
    assert len(late) == 1
    before = len(proposals())
    assert sync_proposals(db.session.execute(sa.select(AttendanceDay.staff_id, AttendanceDay.day)).all()).proposed == 0
    assert len(proposals()) == before


def test_an_absence_is_proposed_at_three_days_wage_from_the_shift_start(person):
    day = first_day_with(person, "中")
    reconcile(day, day, AFTER_MAY, staff_ids=[person.id])
    assert day_row(person, day).status == DayStatus.ABSENT
    [violation] = proposals(person)
    assert violation.rule.code == "2-3b" and violation.state == ViolationState.PROPOSED
    assert violation.minutes is None and violation.amount == Decimal("600.00")  # 3 x 4,350 / 21.75
    assert violation.occurred_at == utc(day, 14, 0)


def test_late_and_early_proposes_both_under_the_one_rule(person):
    day = first_day_with(person, "早")
    punch(person, utc(day, 7, 20), utc(day, 14, 15))
    db.session.commit()
    assert day_row(person, day).status == DayStatus.LATE_AND_EARLY
    found = {v.source_ref.rsplit(":", 1)[1]: v for v in proposals(person)}
    assert set(found) == {"late", "early"} and found["late"].minutes == 20 and found["early"].minutes == 45
    assert found["early"].amount == Decimal("50.00") and found["early"].occurred_at == utc(day, 14, 15)


def test_a_dismissed_proposal_is_never_proposed_again(person, catalogue):
    day = _late(person, 12)
    [violation] = proposals(person)
    dismiss_proposal(catalogue.head, violation, violation.version_id, "堵车，已说明")
    db.session.commit()
    db.session.execute(sa.update(AttendanceDay).where(AttendanceDay.staff_id == person.id, AttendanceDay.day == day)
                       .values(late_minutes=1))  # a re-reading that changes the day sends it again
    reconcile(day, day, AFTER_MAY, staff_ids=[person.id])
    [again] = proposals(person)
    assert again.id == violation.id and again.state == ViolationState.DISMISSED and again.decision == "dismissed"


def test_a_correction_that_clears_the_lateness_withdraws_the_proposal(person):
    day = _late(person, 12)
    [violation] = proposals(person)
    punch(person, utc(day, 6, 55), source=PunchSource.CORRECTION)  # the accepted 补卡: in before the start
    db.session.commit()
    assert day_row(person, day).status == DayStatus.PRESENT
    [withdrawn] = proposals(person)
    assert withdrawn.id == violation.id and withdrawn.state == ViolationState.DISMISSED
    assert withdrawn.decision == WITHDRAWN and withdrawn.decision_reason and withdrawn.decided_by_id is None
    assert withdrawn.source_ref.startswith(f"attendance:{person.id}:{day.isoformat()}:late:withdrawn:")
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "violation.retract"))
    assert entry.actor_id is None and entry.after["status"] == "dismissed"


def test_approved_leave_withdraws_an_absence_and_cancelling_it_proposes_again(person):
    day = first_day_with(person, "中")
    reconcile(day, day, AFTER_MAY, staff_ids=[person.id])
    [absence] = proposals(person)
    leave = write_leave(person, day, day)
    leave_changed.send(None, staff_id=person.id, first=day, last=day)
    assert day_row(person, day).status == DayStatus.LEAVE
    assert proposals(person)[0].state == ViolationState.DISMISSED
    leave.status = LeaveStatus.CANCELLED
    db.session.flush()
    leave_changed.send(None, staff_id=person.id, first=day, last=day)
    assert day_row(person, day).status == DayStatus.ABSENT
    first, second = proposals(person)
    assert first.id == absence.id and first.state == ViolationState.DISMISSED
    assert second.state == ViolationState.PROPOSED and second.source_ref == absence.source_ref.split(":withdrawn")[0]


def test_a_confirmed_proposal_is_left_alone_and_its_heads_are_told(person, catalogue):
    day = _late(person, 12)
    [violation] = proposals(person)
    confirm_proposal(catalogue.head, violation, violation.version_id)
    db.session.commit()
    punch(person, utc(day, 6, 50), source=PunchSource.CORRECTION)
    db.session.commit()
    [kept] = proposals(person)
    assert kept.state == ViolationState.DRAFT and kept.amount == Decimal("20.00")
    note = db.session.scalar(sa.select(Notification).where(Notification.kind == NOTIFICATION_KIND))
    assert note.user_id == catalogue.head.id and violation.number in note.text
    assert note.link == f"/conduct/violations/{violation.id}"


def test_the_payroll_route_proposes_nothing(person):
    db.session.add(AttendanceSettings(penalties_via=PenaltyRoute.PAYROLL))
    db.session.commit()
    day = _late(person, 30)
    reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY, staff_ids=[person.id])
    assert day_row(person, day).status == DayStatus.LATE
    assert proposals() == []


def test_a_deactivated_rule_proposes_nothing_and_storing_still_works(person, caplog):
    db.session.execute(sa.update(ConductRule).where(ConductRule.code == "2-3a").values(active=False))
    db.session.commit()
    with caplog.at_level("INFO", logger="hrapp.blueprints.attendance.proposals.services"):
        day = _late(person, 15)
    assert "rule 2-3a not active" in caplog.text
    assert day_row(person, day).status == DayStatus.LATE
    reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY, staff_ids=[person.id])
    assert {v.rule.code for v in proposals(person)} == {"2-3b"}  # absences still proposed, lateness not


def test_without_a_catalogue_nothing_is_proposed(rostered):
    person = rostered.fo_staff[0]
    day = first_day_with(person, "早")
    punch(person, utc(day, 7, 30), utc(day + NEXT, 0, 1))
    reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY, staff_ids=[person.id])
    assert proposals() == []


def test_a_pending_day_proposes_nothing(person):
    day = first_day_with(person, "早")
    reconcile(day, day, utc(day, 12), staff_ids=[person.id])
    assert day_row(person, day).status == DayStatus.PENDING and proposals() == []


def test_a_correction_that_changes_the_minutes_proposes_again_with_the_new_minutes(person):
    day = _late(person, 35)
    [first] = proposals(person)
    assert first.minutes == 35 and first.amount == Decimal("50.00")
    punch(person, utc(day, 7, 8), source=PunchSource.CORRECTION)  # the real arrival: 8 minutes late
    db.session.commit()
    old, new = proposals(person)
    assert old.id == first.id and old.state == ViolationState.DISMISSED and old.decision == WITHDRAWN
    assert new.state == ViolationState.PROPOSED and new.minutes == 8 and new.amount == Decimal("10.00")
    assert new.source_ref == f"attendance:{person.id}:{day.isoformat()}:late"


def test_the_head_sees_the_withdrawn_proposal_with_its_reason(client, auth, person):
    day = _late(person, 12)
    punch(person, utc(day, 6, 55), source=PunchSource.CORRECTION)
    db.session.commit()
    [withdrawn] = proposals(person)
    auth.login("head")
    page = client.get(f"/conduct/violations/{withdrawn.id}").get_data(as_text=True)
    assert "考勤复核后撤回" in page and "考勤复核后该日已无迟到" in page
