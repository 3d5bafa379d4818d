"""Period close services: close (with sub-departments), reopen with a reason, versions, audit, the guard, and a
duplicate close racing past the check answered by the unique constraint."""
from datetime import date

import pytest
import sqlalchemy as sa
from flask_babel import force_locale
from sqlalchemy.exc import IntegrityError

from hrapp.blueprints.period_close import services
from hrapp.blueprints.period_close.services import (
    PeriodCloseError,
    close_history,
    close_period,
    period_states,
    reopen_period,
)
from hrapp.core.periods import parse_period
from hrapp.extensions import db
from hrapp.models import AuditEntry, PeriodClose
from hrapp.period_close import PeriodClosed, closed_for, ensure_open
from tests.conftest import count

MAY = parse_period("2026-05")


def close(o, department=None, **kw):
    records = close_period(o.hr, "roster", department or o.front, kw.pop("period", MAY), kw.pop("version", 0),
                           kw.pop("reason", "attendance reconciled"), **kw)
    db.session.commit()
    return records


def test_close_records_the_period_and_is_audited(org):
    record, = close(org)
    assert (record.module, record.period_kind, record.starts_on, record.ends_on) == (
        "roster", "month", date(2026, 5, 1), date(2026, 5, 31))
    assert record.is_closed and record.closed_by_id == org.hr.id and record.reason == "attendance reconciled"
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "period.close"))
    assert entry.target_id == record.id and entry.actor_id == org.hr.id
    assert entry.after == {"module": "roster", "period": "2026-05", "department": "FO", "reason": "attendance reconciled"}


def test_closing_may_include_the_sub_departments(org):
    closed = close(org, include_sub_departments=True)
    assert [r.department_id for r in closed] == [org.front.id, org.front_desk.id]
    assert closed_for("roster", org.front_desk, date(2026, 5, 3), date(2026, 5, 3)) is not None
    assert closed_for("roster", org.housekeeping, MAY.first, MAY.last) is None  # a department beside it


def test_a_sub_department_already_closed_is_left_as_it_was(org):
    desk, = close(org, org.front_desk, reason="early")
    closed = close(org, include_sub_departments=True)
    assert [r.department_id for r in closed] == [org.front.id] and desk.reason == "early"


def test_the_guard_refuses_days_of_a_closed_period_only(org):
    close(org)
    ensure_open("roster", org.front, date(2026, 4, 30))
    ensure_open("roster", org.front, [date(2026, 6, 1), date(2026, 4, 1)])
    ensure_open("roster", org.housekeeping, date(2026, 5, 10))  # another department
    ensure_open("staff", org.front, date(2026, 5, 10))  # another module
    ensure_open("roster", org.front, [])
    with pytest.raises(PeriodClosed) as caught:
        ensure_open("roster", org.front, [date(2026, 4, 30), date(2026, 5, 31)])
    text = str(caught.value)
    assert "前厅部" in text and "2026-05" in text and ("排班" in text or "Rosters" in text)


def test_the_guard_message_is_translated(app, org):
    close(org)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        with force_locale("en"), pytest.raises(PeriodClosed, match="Rosters of 前厅部 for 2026-05 are closed"):
            ensure_open("roster", org.front, date(2026, 5, 1))
        with force_locale("zh"), pytest.raises(PeriodClosed, match="已月结"):
            ensure_open("roster", org.front, date(2026, 5, 1))


def test_a_closed_period_cannot_be_closed_twice(org):
    record, = close(org)
    with pytest.raises(PeriodCloseError, match="already closed"):
        close(org, version=record.version_id)


def test_a_duplicate_racing_past_the_check_loses_on_the_unique_constraint(org, monkeypatch):
    """Two HR clerks close the same month at once: both pass the lookup, the second insert is refused by the
    database, so the period ends with one record."""
    close(org)
    monkeypatch.setattr(services, "find_close", lambda module, department_id, period: None)  # the race
    with pytest.raises(IntegrityError):
        close(org)
    db.session.rollback()
    assert count(PeriodClose) == 1


def test_reopen_needs_a_reason_and_the_version_the_form_showed(org):
    record, = close(org)
    with pytest.raises(PeriodCloseError, match="reason"):
        reopen_period(org.hr, record, record.version_id, "  ")
    with pytest.raises(PeriodCloseError, match="Someone else changed this record"):
        reopen_period(org.hr, record, record.version_id - 1, "late punches")
    reopen_period(org.hr, record, record.version_id, "late punches")
    db.session.commit()
    assert not record.is_closed and record.reopened_by_id == org.hr.id and record.reopen_reason == "late punches"
    ensure_open("roster", org.front, date(2026, 5, 10))
    with pytest.raises(PeriodCloseError, match="not closed"):
        reopen_period(org.hr, record, record.version_id, "again")
    reopened = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "period.reopen"))
    assert reopened.target_id == record.id and reopened.after["reason"] == "late punches"


def test_closing_again_reuses_the_record_and_keeps_the_history(org):
    record, = close(org)
    reopen_period(org.hr, record, record.version_id, "late punches")
    db.session.commit()
    with pytest.raises(PeriodCloseError, match="Someone else changed this record"):  # a form shown before the reopen
        close(org, version=0)
    again, = close(org, version=record.version_id, reason="done now")
    assert again.id == record.id and again.is_closed and again.reason == "done now" and again.reopened_at is None
    assert count(PeriodClose) == 1
    assert [e.action for e in close_history(MAY)] == ["period.close", "period.reopen", "period.close"]
    assert close_history(parse_period("2026-06")) == []


def test_only_closable_modules_and_short_reasons(org):
    with pytest.raises(PeriodCloseError):
        close_period(org.hr, "staff", org.front, MAY, 0)
    with pytest.raises(PeriodCloseError):
        close_period(org.hr, "roster", org.front, MAY, 0, "x" * 256)
    assert count(PeriodClose) == 0


def test_states_of_a_month(org):
    close(org)
    close(org, org.housekeeping, period=parse_period("2026-04"))
    states = period_states(MAY, [org.front, org.front_desk, org.housekeeping])
    assert set(states) == {("roster", org.front.id)}
