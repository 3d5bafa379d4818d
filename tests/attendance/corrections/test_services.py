"""Correction services: every refusal at its boundary, the limit reached exactly, each step, the accepted punch
turning a missing-punch day present through reconciliation."""
from datetime import date, datetime, time, timedelta

import pytest
import sqlalchemy as sa

from hrapp.blueprints.attendance.corrections import services
from hrapp.blueprints.attendance.corrections.services import CorrectionRefused
from hrapp.core.errors import StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.workflow import TransitionForbidden, TransitionRefused
from hrapp.extensions import db
from hrapp.models import (
    AttendanceCorrection,
    AttendanceSettings,
    AuditEntry,
    CorrectionStatus,
    DayStatus,
    Notification,
    PeriodClose,
    PeriodKind,
    Punch,
    PunchSource,
)
from hrapp.period_close import PeriodClosed

from .conftest import IN, NOW, OUT, claim, day_row, first_day_with, punch, utc


def actions_of(c) -> list[str]:
    return list(db.session.scalars(sa.select(AuditEntry.action).where(
        AuditEntry.target_type == "AttendanceCorrection", AuditEntry.target_id == c.id).order_by(AuditEntry.id)))


def ask(o, day=None, kind=OUT, at=time(15, 5), reason="Forgot to punch out", now=NOW, user=None):
    return services.request_correction(user or o.fo_user, o.person, claim(day or o.day, kind, at, reason), now=now)


def test_request_is_pending_audited_and_tells_the_head(missing_out):
    o = missing_out
    assert day_row(o.person, o.day).status == DayStatus.MISSING_PUNCH
    c = ask(o)
    db.session.commit()
    assert (c.status, c.kind, c.department_id, c.by_hr) == (CorrectionStatus.PENDING, OUT, o.front.id, False)
    assert c.punched_at == services.utc_of_local(datetime.combine(o.day, time(15, 5)))
    assert actions_of(c) == ["attendance_correction.request"]
    assert db.session.scalar(sa.select(Notification.user_id).where(Notification.kind == "attendance_correction")) \
        == o.head.id


def test_accepting_stores_the_punch_and_the_day_turns_present(missing_out):
    o = missing_out
    c = ask(o)
    db.session.commit()
    services.accept_correction(o.head, c, c.version_id)
    db.session.commit()
    punch = db.session.get(Punch, c.punch_id)
    assert (punch.source, punch.state, punch.recorded_by_id, punch.note) == (
        PunchSource.CORRECTION, 1, o.head.id, "Forgot to punch out")
    assert punch.clock_id == o.person.staff_number
    row = day_row(o.person, o.day)
    assert row.status == DayStatus.PRESENT and row.out_punch_id == punch.id
    assert c.status == CorrectionStatus.ACCEPTED and c.decided_by_id == o.head.id


def test_a_late_claimed_check_in_makes_an_absent_day_late_then_missing_out(missing_out):
    o = missing_out
    assert day_row(o.person, o.absent_day).status == DayStatus.ABSENT
    c = ask(o, o.absent_day, IN, time(7, 20))
    services.accept_correction(o.hr, c, c.version_id)
    db.session.commit()
    assert day_row(o.person, o.absent_day).status == DayStatus.MISSING_PUNCH
    with pytest.raises(CorrectionRefused) as refused:
        ask(o, o.absent_day, IN, time(7, 0))
    assert "kind" in refused.value.errors  # the check-in is there now
    c2 = ask(o, o.absent_day, OUT, time(15, 0))
    services.accept_correction(o.head, c2, c2.version_id)
    db.session.commit()
    assert day_row(o.person, o.absent_day).status == DayStatus.LATE


def test_refused_when_the_day_needs_none(missing_out):
    o = missing_out
    with pytest.raises(CorrectionRefused) as refused:
        ask(o, kind=IN, at=time(7))  # the check-in was used
    assert refused.value.errors == {"kind": [services.messages.REFUSALS["not_needed"]]}


def test_refused_on_a_rest_day_and_a_day_without_anything(missing_out):
    o = missing_out
    rest = first_day_with(o.person, "休")
    with pytest.raises(CorrectionRefused) as refused:
        ask(o, rest)
    assert "day" in refused.value.errors
    with pytest.raises(CorrectionRefused):
        ask(o, o.day.replace(month=3))  # no record at all


def test_refused_before_the_checkout_window_closes(missing_out):
    o = missing_out
    closes = datetime.combine(o.day, time(21))  # 15:00 + 360 min
    with pytest.raises(CorrectionRefused) as refused:
        ask(o, now=closes - timedelta(minutes=1))
    assert refused.value.errors == {"day": [services.messages.REFUSALS["not_yet"]]}
    assert ask(o, now=closes).status == CorrectionStatus.PENDING


@pytest.mark.parametrize(("at", "ok"), [(time(4, 59), False), (time(5, 0), True), (time(21, 0), True),
                                        (time(21, 1), False)])
def test_claimed_time_must_lie_in_the_window(missing_out, at, ok):
    o = missing_out
    if ok:
        assert ask(o, at=at).status == CorrectionStatus.PENDING
    else:
        with pytest.raises(CorrectionRefused) as refused:
            ask(o, at=at)
        assert list(refused.value.errors) == ["time"]


def test_reason_required(missing_out):
    with pytest.raises(CorrectionRefused) as refused:
        ask(missing_out, reason="  ")
    assert list(refused.value.errors) == ["reason"]


def test_second_pending_for_the_same_day_and_kind_refused(missing_out):
    o = missing_out
    ask(o)
    with pytest.raises(CorrectionRefused) as refused:
        ask(o, at=time(15, 30))
    assert refused.value.errors == {"kind": [services.messages.DUPLICATE]}


def test_the_open_key_refuses_a_racing_second(missing_out):
    """Past the pre-check (as a racing request would be), the database's open key refuses it."""
    o = missing_out
    first = ask(o)
    db.session.commit()
    with pytest.raises(CorrectionRefused) as refused, duplicates_refused(CorrectionRefused):
        db.session.add(AttendanceCorrection(staff_id=o.person.id, department_id=o.front.id, day=o.day, kind=OUT,
                                            punched_at=first.punched_at, reason="again",
                                            status=CorrectionStatus.PENDING))
        db.session.commit()
    assert refused.value.errors == {"kind": [services.messages.DUPLICATE]}


def test_monthly_limit_reached_exactly_and_hr_corrections_do_not_count(many_days):
    o, days = many_days.o, many_days.days
    db.session.add(AttendanceSettings(corrections_per_month=2))
    db.session.commit()
    services.hr_correct(o.hr, o.person, claim(days[2], IN, time(7), "HR fixes"))
    ask(o, days[0], IN, time(7))
    rejected = ask(o, days[1], IN, time(7))
    services.reject_correction(o.head, rejected, "No", rejected.version_id)  # rejected ones don't count
    ask(o, days[1], IN, time(7))
    with pytest.raises(CorrectionRefused) as refused:
        ask(o, days[3], IN, time(7))
    assert refused.value.errors == {"_form": [services.messages.REFUSALS["limit_reached"] % {"limit": 2}]}


def close_may(o):
    db.session.add(PeriodClose(module="attendance", period_kind=PeriodKind.MONTH, department_id=o.front.id,
                               starts_on=date(2026, 5, 1), ends_on=date(2026, 5, 31), closed_by_id=o.hr.id))
    db.session.commit()


def test_closed_month_refuses_requests_decisions_and_hr(missing_out):
    o = missing_out
    c = ask(o)
    db.session.commit()
    close_may(o)
    with pytest.raises(PeriodClosed):
        ask(o, kind=OUT, at=time(16))
    with pytest.raises(PeriodClosed):
        services.accept_correction(o.head, c, c.version_id)
    with pytest.raises(PeriodClosed):
        services.hr_correct(o.hr, o.person, claim(o.day))


def test_reject_needs_a_reason_and_tells_the_person(missing_out):
    o = missing_out
    c = ask(o)
    with pytest.raises(TransitionRefused):
        services.reject_correction(o.head, c, " ", c.version_id)
    services.reject_correction(o.head, c, "You were not there", c.version_id)
    db.session.commit()
    assert (c.status, c.decision_note) == (CorrectionStatus.REJECTED, "You were not there")
    assert db.session.scalar(sa.select(Notification.user_id).where(
        Notification.kind == "attendance_correction", Notification.user_id != o.head.id)) == o.fo_user.id


def test_withdraw_only_the_person_and_only_while_pending(missing_out):
    o = missing_out
    c = ask(o)
    with pytest.raises(TransitionForbidden):
        services.withdraw_correction(o.head, c, c.version_id)
    services.withdraw_correction(o.fo_user, c, c.version_id)
    assert c.status == CorrectionStatus.WITHDRAWN
    with pytest.raises(TransitionRefused):
        services.accept_correction(o.head, c, c.version_id)


def test_decisions_refused_to_the_person_other_heads_and_stale_versions(missing_out):
    o = missing_out
    c = ask(o)
    for user in (o.fo_user, o.hk_head, o.staff):
        with pytest.raises(TransitionForbidden):
            services.accept_correction(user, c, c.version_id)
    with pytest.raises(StaleRecord):
        services.accept_correction(o.head, c, c.version_id - 1)
    assert c.status == CorrectionStatus.PENDING and db.session.scalar(
        sa.select(sa.func.count(Punch.id)).where(Punch.source == PunchSource.CORRECTION)) == 0


def test_a_head_never_decides_their_own(missing_out):
    o = missing_out
    day = first_day_with(o.head_staff, "早")
    punch(o.head_staff, utc(day, 6, 50), state=0)
    c = services.request_correction(o.head, o.head_staff, claim(day), now=NOW)
    with pytest.raises(TransitionForbidden):
        services.accept_correction(o.head, c, c.version_id)
    told = db.session.scalars(sa.select(Notification.user_id).where(Notification.kind == "attendance_correction"))
    assert set(told) == {o.hr.id}  # not the asking head: HR
    services.accept_correction(o.hr, c, c.version_id)
    assert c.status == CorrectionStatus.ACCEPTED


def test_hr_correction_adds_the_punch_at_once(missing_out):
    o = missing_out
    c = services.hr_correct(o.hr, o.person, claim(o.day, OUT, time(15, 0), "Clock was broken"))
    db.session.commit()
    assert (c.status, c.by_hr, c.decided_by_id) == (CorrectionStatus.ACCEPTED, True, o.hr.id)
    assert day_row(o.person, o.day).status == DayStatus.PRESENT
    assert actions_of(c) == ["attendance_correction.hr_correct"]
    with pytest.raises(CorrectionRefused):
        services.hr_correct(o.hr, o.person, claim(o.day, OUT, time(15, 0), ""))


def test_hr_cannot_add_a_punch_in_the_future(missing_out):
    o = missing_out
    with pytest.raises(CorrectionRefused) as refused:
        services.hr_correct(o.hr, o.person, claim(date(2099, 1, 5), IN, time(8), "Ahead"))
    assert refused.value.errors == {"_form": [services.messages.REFUSED_PUNCH]}
