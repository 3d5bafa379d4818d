""""Put on the roster": each enrolled person gets the department's training shift (训 培训, a working shift with the
session's local times; 训2, 训3 ... for sessions at other times) on the session's local day(s), through the roster's own services (the shift-type service
creates the type when the department has none; the cell-editing service checks locks, closed periods and the
rules, and records the change with a reason on a published roster).

Each person is written in a savepoint: all their days or none. Who could not be put on is reported with why
(no roster covers the day, the roster is locked, the rules refuse it).
"""
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp import audit
from hrapp.blueprints.roster.access import can_edit_roster
from hrapp.blueprints.roster.rules import ShiftTypeData
from hrapp.blueprints.roster.services import (
    CellEdit,
    RosterBreachError,
    RosterValidationError,
    save_shift_type,
    set_cells,
)
from hrapp.core.errors import StaleRecord, check_version
from hrapp.extensions import db
from hrapp.models import Department, Enrolment, EnrolmentStatus, Roster, ShiftKind, ShiftType, TrainingSession
from hrapp.period_close import PeriodClosed

from .clashes import TRAINING_CODE, local_times
from .enrolment import session_refusal_code
from .messages import refusal


@dataclass
class RosterResult:
    """Who was put on (staff ids) and who was not (staff id -> why)."""

    placed: list[int] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)


def session_days(session: TrainingSession) -> list[date]:
    """The local days the session covers (an evening session ending after midnight, less than a day long, counts
    on its first day only; a course over several days keeps its last day whatever its hours)."""
    starts, ends = local_times(session)
    overnight = ends - starts < timedelta(days=1) and ends.date() > starts.date()
    last = ends.date() - timedelta(days=1) if overnight and ends.time() <= starts.time() else ends.date()
    return [starts.date() + timedelta(days=n) for n in range((last - starts.date()).days + 1)]


def training_shift(actor, department: Department, session: TrainingSession) -> ShiftType:
    """The department's training shift type with the session's local times: 训, or 训2, 训3 ... when sessions at
    other times made the earlier ones; created when missing."""
    starts, ends = local_times(session)
    kinds = db.session.scalars(sa.select(ShiftType).where(ShiftType.department_id == department.id,
                                                          ShiftType.code.startswith(TRAINING_CODE))).all()
    same_times = next((t for t in kinds if (t.start_time, t.end_time) == (starts.time(), ends.time())), None)
    if same_times is not None:
        return same_times
    taken = {t.code for t in kinds}
    code = next(c for c in (TRAINING_CODE, *(f"{TRAINING_CODE}{n}" for n in range(2, 1000))) if c not in taken)
    return save_shift_type(actor, department, ShiftTypeData(
        code=code, name="培训", name_en="Training", kind=ShiftKind.WORK.value, start=starts.time(),
        end=ends.time(), colour="#6f42c1"))


def _roster_of(department_id: int, day: date) -> Roster | None:
    return db.session.scalar(sa.select(Roster).where(Roster.department_id == department_id,
                                                     Roster.starts_on <= day, Roster.ends_on >= day))


def _put_person(actor, session: TrainingSession, enrolment: Enrolment, days: list[date], reason: str) -> str | None:
    """Write one person's training cells (all or none); why not, or None."""
    department = enrolment.staff.department
    rosters = {day: _roster_of(department.id, day) for day in days}
    if any(r is None for r in rosters.values()):
        return _("No roster of %(department)s covers the day.", department=department.code)
    if not all(can_edit_roster(actor, r) for r in rosters.values()):
        return _("The roster of %(department)s is not yours to change: its head or HR puts the training on it.",
                 department=department.code)
    try:
        with db.session.begin_nested():
            code = training_shift(actor, department, session).code
            db.session.flush()
            for roster in {r.id: r for r in rosters.values()}.values():
                edits = [CellEdit(enrolment.staff_id, d, code) for d, r in rosters.items() if r.id == roster.id]
                set_cells(actor, roster, edits, reason=reason)
    except (RosterValidationError, StaleRecord) as exc:
        return "; ".join(exc.messages()) if isinstance(exc, RosterValidationError) else str(exc)
    except RosterBreachError:
        return _("The rostering rules refuse it (rest between shifts, days in a row...): change the roster by hand.")
    except PeriodClosed as exc:
        return str(exc)
    return None


def put_on_roster(actor, session: TrainingSession, expected_version: int | None) -> RosterResult:
    """Put every enrolled person's training shift on their department's roster; sets `on_roster` when anyone
    was put on. :raise StaleRecord: the session changed since the page was loaded. :raise SessionError: it is
    cancelled or has begun. People whose roster the actor may not edit (another department's) are reported."""
    check_version(session, expected_version)
    refused = session_refusal_code(session)
    if refused is not None:  # cancelled, or begun: its roster days are past editing from here
        raise refusal("session", refused)
    days = session_days(session)
    reason = f"培训 {session.course.code} {session.course.title}"[:200]
    result = RosterResult()
    enrolled = db.session.scalars(sa.select(Enrolment).where(
        Enrolment.session_id == session.id, Enrolment.status == EnrolmentStatus.ENROLLED)
        .order_by(Enrolment.id)).all()
    for enrolment in enrolled:
        why = _put_person(actor, session, enrolment, days, reason)
        if why is None:
            result.placed.append(enrolment.staff_id)
        else:
            result.refused[enrolment.staff_id] = why
    if result.placed:
        session.on_roster = True
        db.session.flush()
    audit.record(actor, "training.session_roster", session, None,
                 {"placed": result.placed, "refused": sorted(result.refused)},
                 label=f"{session.course.code} {session.starts_at.isoformat(timespec='minutes')}")
    return result
