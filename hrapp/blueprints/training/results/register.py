"""The register of a session: marking presence one by one or all at once, the sign-in code, signing in with it,
and the absences the tick records. Never commits; the actor is passed in (None: the system)."""
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp import audit
from hrapp.blueprints.training import rules
from hrapp.blueprints.training.signals import training_completed
from hrapp.company import company_settings, local_day
from hrapp.core.errors import check_version
from hrapp.core.localtime import local_datetime
from hrapp.extensions import db
from hrapp.models import (
    Attempt,
    Enrolment,
    EnrolmentStatus,
    Presence,
    SessionStatus,
    StaffMember,
    TrainingSession,
    utcnow,
)

from .messages import refusal

PRESENCE_FIELDS = ("presence", "signed_in_with_code", "signed_in_at")
# Enrolled people still unmarked this long after a session ended are recorded absent by the tick.
ABSENT_AFTER = timedelta(hours=2)


def register_rows(session: TrainingSession) -> list[Enrolment]:
    """The enrolled people of a session (the waiting list and cancelled places left out), by staff number."""
    return list(db.session.scalars(
        sa.select(Enrolment).join(Enrolment.staff).options(joinedload(Enrolment.staff))
        .where(Enrolment.session_id == session.id, Enrolment.status == EnrolmentStatus.ENROLLED)
        .order_by(StaffMember.staff_number)))


def window_open(session: TrainingSession, now: datetime | None = None) -> bool:
    """Whether attendees may sign in with the code right now."""
    return session.status == SessionStatus.SCHEDULED and rules.in_signin_window(
        now or utcnow(), session.starts_at, session.ends_at)


def _completed(enrolment: Enrolment) -> None:
    """A course without assessment is completed by being present (records marks the induction done)."""
    session = enrolment.session
    if not session.course.assessed:
        training_completed.send(None, staff_id=enrolment.staff_id, course_id=session.course_id,
                                on=local_day(session.starts_at))


def _set_presence(actor, enrolment: Enrolment, presence: Presence, action: str, with_code: bool = False,
                  now: datetime | None = None) -> None:
    before = audit.snapshot(enrolment, PRESENCE_FIELDS)
    enrolment.presence = presence
    enrolment.signed_in_with_code = with_code
    enrolment.signed_in_at = (now or utcnow()) if presence == Presence.PRESENT else None
    enrolment.marked_by_id = None if with_code else getattr(actor, "id", None)
    db.session.flush()
    audit.record(actor, action, enrolment, before, audit.snapshot(enrolment, PRESENCE_FIELDS),
                 label=enrolment.staff.staff_number)
    if presence == Presence.PRESENT and before["presence"] != Presence.PRESENT.value:
        _completed(enrolment)


def _check_markable(session: TrainingSession) -> None:
    """Attendance is marked for a session that goes ahead, once sign-in opens (a mark completes the course for an
    induction: never before the training happened)."""
    if session.status == SessionStatus.CANCELLED:
        raise refusal("presence", "session_cancelled")
    if utcnow() < rules.signin_window(session.starts_at, session.ends_at)[0]:
        raise refusal("presence", "not_begun")


def mark_presence(actor, enrolment: Enrolment, presence: Presence, expected_version: int | None) -> Enrolment:
    """The trainer (or whoever runs the session) marks one enrolled person present, absent or excused.

    :raise StaleRecord: the row changed since the page was loaded. :raise ResultsError: not an enrolment, the
        session was cancelled or has not begun, or the person has a score here (no longer present: correct the score
        first).
    """
    check_version(enrolment, expected_version)
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise refusal("presence", "not_enrolled_row")
    _check_markable(enrolment.session)
    if presence != Presence.PRESENT and _scored(enrolment):
        raise refusal("presence", "has_score")
    if enrolment.presence != presence:
        _set_presence(actor, enrolment, presence, "training.mark_presence")
    return enrolment


def _scored(enrolment: Enrolment) -> bool:
    """Whether the person has an attempt in the enrolment's session (a score needs them present)."""
    return db.session.scalar(sa.select(Attempt.id).where(Attempt.session_id == enrolment.session_id,
                                                         Attempt.staff_id == enrolment.staff_id).limit(1)) is not None


def mark_all_present(actor, session: TrainingSession, expected_version: int | None) -> int:
    """Everyone enrolled and not yet marked becomes present (those already marked keep their mark).

    :raise StaleRecord: the session changed since the page was loaded. Returns how many were marked.
    """
    check_version(session, expected_version)
    _check_markable(session)
    rows = [e for e in register_rows(session) if e.presence == Presence.UNMARKED]
    for enrolment in rows:
        _set_presence(actor, enrolment, Presence.PRESENT, "training.mark_all_present")
    return len(rows)


def new_code(actor, session: TrainingSession, expected_version: int | None) -> str:
    """A fresh sign-in code for the session (the old one stops working), audited.

    :raise StaleRecord / ResultsError: a stale page; a cancelled session.
    """
    check_version(session, expected_version)
    if session.status == SessionStatus.CANCELLED:
        raise refusal("code", "session_cancelled")
    before = {"signin_code": "******" if session.signin_code else ""}
    session.signin_code = rules.new_signin_code()
    db.session.flush()
    audit.record(actor, "training.new_signin_code", session, before, {"signin_code": "******"},
                 label=session.course.code)
    return session.signin_code


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: the enrolment, and whether the person had signed in before."""

    enrolment: Enrolment
    already: bool


def _local_time(moment: datetime) -> str:
    return local_datetime(moment, company_settings().timezone)


def sign_in_with_code(actor, staff: StaffMember | None, code: str, now: datetime | None = None) -> SignIn:
    """Sign `staff` in to the session whose window contains `now` and whose code is `code`.

    :raise ResultsError: no staff record, wrong code, outside the window (before or after), not enrolled or only
        on the waiting list.
    """
    now = now or utcnow()
    if staff is None:
        raise refusal("code", "no_staff_record")
    sessions = db.session.scalars(sa.select(TrainingSession).where(
        TrainingSession.signin_code == code.strip(), TrainingSession.signin_code != "",
        TrainingSession.status == SessionStatus.SCHEDULED).order_by(TrainingSession.starts_at)).all()
    if not sessions:
        raise refusal("code", "wrong_code")
    open_now = [s for s in sessions if rules.in_signin_window(now, s.starts_at, s.ends_at)]
    if not open_now:
        later = [s for s in sessions if rules.signin_window(s.starts_at, s.ends_at)[0] > now]
        if later:
            raise refusal("code", "too_early", when=_local_time(rules.signin_window(later[0].starts_at,
                                                                                    later[0].ends_at)[0]))
        raise refusal("code", "too_late", when=_local_time(sessions[-1].ends_at))
    places = {e.session_id: e for e in db.session.scalars(sa.select(Enrolment).where(
        Enrolment.staff_id == staff.id, Enrolment.session_id.in_([s.id for s in open_now])))}
    enrolled = [places[s.id] for s in open_now if s.id in places and places[s.id].status == EnrolmentStatus.ENROLLED]
    if not enrolled:
        waiting = any(e.status == EnrolmentStatus.WAITING for e in places.values())
        raise refusal("code", "waiting_list" if waiting else "not_enrolled")
    enrolment = enrolled[0]
    if enrolment.presence == Presence.PRESENT:
        return SignIn(enrolment, already=True)
    _set_presence(actor, enrolment, Presence.PRESENT, "training.sign_in", with_code=True, now=now)
    return SignIn(enrolment, already=False)


def record_absences(now: datetime) -> int:
    """The tick task "training.record_absences": enrolled people still unmarked 2 hours after their session
    ended become absent, audited as the system. A row another run (or the trainer) changed first is skipped by
    its version, so each is recorded once. Never commits; returns how many were recorded."""
    due = db.session.scalars(
        sa.select(Enrolment).join(Enrolment.session).options(joinedload(Enrolment.staff))
        .where(Enrolment.status == EnrolmentStatus.ENROLLED, Enrolment.presence == Presence.UNMARKED,
               TrainingSession.status == SessionStatus.SCHEDULED, TrainingSession.ends_at <= now - ABSENT_AFTER)
        .order_by(Enrolment.id)).all()
    recorded = 0
    for enrolment in due:
        claimed = db.session.execute(
            sa.update(Enrolment).where(Enrolment.id == enrolment.id, Enrolment.version_id == enrolment.version_id,
                                       Enrolment.presence == Presence.UNMARKED)
            .values(presence=Presence.ABSENT, version_id=Enrolment.version_id + 1)
            .execution_options(synchronize_session=False)).rowcount
        if claimed:
            db.session.refresh(enrolment)
            audit.record(None, "training.record_absence", enrolment, {"presence": Presence.UNMARKED.value},
                         {"presence": Presence.ABSENT.value}, label=enrolment.staff.staff_number)
            recorded += 1
    return recorded
