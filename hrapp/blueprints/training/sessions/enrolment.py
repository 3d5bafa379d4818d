"""Enrolment and the waiting list: enrol people (HR, heads, or oneself), cancel a place (the first waiting person
moves up), every step under a lock on the session's row. Never commits; the actor is passed in.

The lock: `lock_session` takes SELECT ... FOR UPDATE on PostgreSQL (held to the commit); SQLite ignores FOR
UPDATE, so there the session's row is claimed with a write that changes nothing (`UPDATE ... SET id = id`), which
takes the database's write lock (SQLite runs writers one at a time). Either way, two people taking the last seat
are counted one after the other: one gets it, the other waits. The unique (session, person) constraint answers a
double click (hrapp.core.uniqueness, declared in messages.py).

Enrolling is set-based (a bulk enrolment of 500 people is a handful of statements): one read of the seats taken,
one of the people's existing rows, one insert of the new rows (hrapp.core.bulk.insert_rows), one update of the
re-activated rows, one audit row and one batch of notifications.
"""
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from hrapp import audit
from hrapp.core.bulk import insert_rows
from hrapp.core.errors import check_version
from hrapp.extensions import db
from hrapp.models import (
    EmploymentStatus,
    Enrolment,
    EnrolmentStatus,
    Presence,
    SessionStatus,
    StaffMember,
    TrainingSession,
    utcnow,
)

from . import notices
from .messages import message, refusal

ENROLLED, WAITING, REFUSED = "enrolled", "waiting", "refused"
ACTIVE = (EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING)


@dataclass(frozen=True)
class Outcome:
    """What became of one person: enrolled, waiting (on the waiting list) or refused (with the message)."""

    staff_id: int
    result: str
    message: str = ""


def lock_session(session_id: int) -> None:
    """Hold the session's row until the commit (see the module docstring)."""
    if db.session.connection().dialect.name == "sqlite":
        db.session.execute(sa.update(TrainingSession).where(TrainingSession.id == session_id)
                           .values(id=TrainingSession.id).execution_options(synchronize_session=False))
    else:
        db.session.execute(sa.select(TrainingSession.id).where(TrainingSession.id == session_id).with_for_update())


def session_refusal_code(session: TrainingSession, now=None) -> str | None:
    """Why nobody may enrol in `session` now ("session_cancelled", "session_past"), or None."""
    if session.status == SessionStatus.CANCELLED:
        return "session_cancelled"
    if session.starts_at <= (now or utcnow()):
        return "session_past"
    return None


def _check_open(session: TrainingSession) -> None:
    db.session.refresh(session, ["status", "starts_at", "capacity"])  # as committed before our lock
    if (code := session_refusal_code(session)) is not None:
        raise refusal("_form", code)


def seats_taken(session_id: int) -> int:
    """How many people hold a seat (enrolled, not waiting)."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(Enrolment).where(
        Enrolment.session_id == session_id, Enrolment.status == EnrolmentStatus.ENROLLED)) or 0


def enrol(session: TrainingSession, staff_list: Sequence[StaffMember], actor,
          self_enrolled: bool = False) -> list[Outcome]:
    """Enrol `staff_list` in `session` in the order given: seats first, then the waiting list. People who have
    left, or are already enrolled or waiting, are refused (an outcome each); a cancelled place is taken up again.
    Invitations go out to those enrolled, a waiting-list notice to the others; one audit row.

    :raise SessionError: the session is cancelled or has started.
    """
    lock_session(session.id)
    _check_open(session)
    existing = places_held(session.id, [s.id for s in staff_list])
    free = session.capacity - seats_taken(session.id)
    now, actor_id = utcnow(), getattr(actor, "id", None)
    outcomes, new_rows, revived, seen = [], [], {ENROLLED: [], WAITING: []}, set()
    for staff in staff_list:
        if staff.id in seen:
            continue
        seen.add(staff.id)
        refused = _person_refusal(staff, existing.get(staff.id))
        if refused:
            outcomes.append(Outcome(staff.id, REFUSED, refused))
            continue
        result = ENROLLED if free > 0 else WAITING
        free -= result == ENROLLED
        outcomes.append(Outcome(staff.id, result))
        if staff.id in existing:
            revived[result].append(staff.id)
        else:
            new_rows.append(_row(session.id, staff.id, result, now, actor_id, self_enrolled))
    insert_rows(Enrolment.__table__, new_rows)
    for result, ids in revived.items():
        _revive(session.id, ids, result, now, actor_id, self_enrolled)
    db.session.expire(session, ["enrolments"])
    _record(actor, session, outcomes)
    return outcomes


def places_held(session_id: int, staff_ids: list[int]) -> dict[int, EnrolmentStatus]:
    """staff id -> the status of their row in the session (any status), for those who have one."""
    return dict(db.session.execute(sa.select(Enrolment.staff_id, Enrolment.status).where(
        Enrolment.session_id == session_id, Enrolment.staff_id.in_(staff_ids))).all())


def _person_refusal(staff: StaffMember, status: EnrolmentStatus | None) -> str | None:
    if staff.status == EmploymentStatus.LEFT:
        return message("has_left", name=staff.display_name)
    if status == EnrolmentStatus.ENROLLED:
        return message("already_enrolled", name=staff.display_name)
    if status == EnrolmentStatus.WAITING:
        return message("already_waiting", name=staff.display_name)
    return None


def _row(session_id: int, staff_id: int, result: str, now, actor_id, self_enrolled: bool) -> dict:
    enrolled = result == ENROLLED
    return {"session_id": session_id, "staff_id": staff_id,
            "status": EnrolmentStatus.ENROLLED if enrolled else EnrolmentStatus.WAITING,
            "enrolled_at": now, "enrolled_by_id": actor_id, "self_enrolled": self_enrolled,
            "presence": Presence.UNMARKED, "signed_in_at": None, "signed_in_with_code": False,
            "marked_by_id": None, "invited_at": now if enrolled else None, "version_id": 1,
            "created_at": now, "updated_at": now}


def _revive(session_id: int, staff_ids: list[int], result: str, now, actor_id, self_enrolled: bool) -> None:
    """Take up cancelled places again (at the end of the queue: enrolled_at is now), unmarked, not signed in."""
    if not staff_ids:
        return
    enrolled = result == ENROLLED
    db.session.execute(sa.update(Enrolment).where(Enrolment.session_id == session_id,
                                                  Enrolment.staff_id.in_(staff_ids)).values(
        status=EnrolmentStatus.ENROLLED if enrolled else EnrolmentStatus.WAITING, enrolled_at=now,
        enrolled_by_id=actor_id, self_enrolled=self_enrolled, invited_at=now if enrolled else None,
        presence=Presence.UNMARKED, signed_in_at=None, signed_in_with_code=False, marked_by_id=None,
        version_id=Enrolment.version_id + 1, updated_at=now)
        .execution_options(synchronize_session=False))
    db.session.expire_all()


def _record(actor, session: TrainingSession, outcomes: list[Outcome]) -> None:
    enrolled = [o.staff_id for o in outcomes if o.result == ENROLLED]
    waiting = [o.staff_id for o in outcomes if o.result == WAITING]
    if not enrolled and not waiting:
        return
    audit.record(actor, "training.enrol", session, None, {"enrolled": enrolled, "waiting": waiting},
                 label=f"{session.course.code} {session.starts_at.isoformat(timespec='minutes')}")
    notices.invite(enrolled, session)
    notices.tell_waiting(waiting, session)


def waiting_list(session_id: int) -> list[Enrolment]:
    """The waiting list in its order: first come (enrolled_at), first served."""
    return list(db.session.scalars(sa.select(Enrolment).where(
        Enrolment.session_id == session_id, Enrolment.status == EnrolmentStatus.WAITING)
        .order_by(Enrolment.enrolled_at, Enrolment.id)))


def cancel_place(actor, enrolment: Enrolment, expected_version: int | None) -> Enrolment | None:
    """Cancel a place (or a place on the waiting list); a freed seat goes to the first person waiting, who is
    told. Returns the promoted enrolment, if any. :raise StaleRecord. :raise SessionError: already cancelled,
    or the session has started or is cancelled."""
    lock_session(enrolment.session_id)
    db.session.refresh(enrolment)
    check_version(enrolment, expected_version)
    session = enrolment.session
    _check_open(session)
    if enrolment.status == EnrolmentStatus.CANCELLED:
        raise refusal("_form", "place_cancelled")
    freed = enrolment.status == EnrolmentStatus.ENROLLED
    before = {"status": enrolment.status.value}
    enrolment.status = EnrolmentStatus.CANCELLED
    db.session.flush()
    audit.record(actor, "training.place_cancel", enrolment, before, {"status": enrolment.status.value},
                 label=f"{session.course.code} {enrolment.staff.staff_number}")
    if not freed or seats_taken(session.id) >= session.capacity:
        return None
    return promote_first(actor, session)


def promote_first(actor, session: TrainingSession) -> Enrolment | None:
    """Move the first waiting person into a free seat and tell them (the caller holds the session's lock)."""
    waiting = waiting_list(session.id)
    if not waiting:
        return None
    first = waiting[0]
    first.status, first.invited_at = EnrolmentStatus.ENROLLED, utcnow()
    db.session.flush()
    audit.record(actor, "training.promote", first, {"status": EnrolmentStatus.WAITING.value},
                 {"status": first.status.value}, label=f"{session.course.code} {first.staff.staff_number}")
    notices.tell_promoted([first.staff_id], session)
    return first
