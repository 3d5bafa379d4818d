"""The notifications of the sessions part: invitations (on enrolment and on promotion from the waiting list), the
waiting-list notice, the cancellation notice and the day-before reminder; each to the person's enabled account."""
from collections.abc import Iterable

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.company import company_settings
from hrapp.core.localtime import local_datetime
from hrapp.extensions import db
from hrapp.models import TrainingSession, User
from hrapp.notifications import notify

INVITATION = "training.invitation"
REMINDER = "training.reminder"


def users_of(staff_ids: Iterable[int]) -> list[User]:
    """The enabled accounts of these people (one query)."""
    ids = list(set(staff_ids))
    if not ids:
        return []
    return list(db.session.scalars(sa.select(User).where(User.staff_id.in_(ids), User.is_enabled.is_(True))
                                   .order_by(User.id)))


def session_link(session: TrainingSession) -> str:
    """The session's page (a plain path: the tick sends reminders outside any request)."""
    return f"/training/sessions/{session.id}"


def when_text(session: TrainingSession) -> str:
    """The session's start in the company's time zone ("2026-12-03 09:00")."""
    return local_datetime(session.starts_at, company_settings().timezone)


def _send(staff_ids: Iterable[int], session: TrainingSession, text, kind: str = INVITATION) -> int:
    users = users_of(staff_ids)
    notify(users, text, session_link(session), kind=kind)
    return len(users)


def invite(staff_ids: Iterable[int], session: TrainingSession) -> int:
    title, when, place = session.course.title, when_text(session), session.place
    return _send(staff_ids, session, lambda: _("You are enrolled in the training %(title)s on %(when)s at "
                                               "%(place)s.", title=title, when=when, place=place or "—"))


def tell_waiting(staff_ids: Iterable[int], session: TrainingSession) -> int:
    title, when = session.course.title, when_text(session)
    return _send(staff_ids, session, lambda: _("The training %(title)s on %(when)s is full: you are on its "
                                               "waiting list.", title=title, when=when))


def tell_promoted(staff_ids: Iterable[int], session: TrainingSession) -> int:
    title, when, place = session.course.title, when_text(session), session.place
    return _send(staff_ids, session, lambda: _("A place became free: you are now enrolled in the training "
                                               "%(title)s on %(when)s at %(place)s.", title=title, when=when,
                                               place=place or "—"))


def tell_cancelled(staff_ids: Iterable[int], session: TrainingSession, reason: str) -> int:
    title, when = session.course.title, when_text(session)
    return _send(staff_ids, session, lambda: _("The training %(title)s on %(when)s is cancelled: %(reason)s",
                                               title=title, when=when, reason=reason))


def tell_moved(staff_ids: Iterable[int], session: TrainingSession) -> int:
    title, when, place = session.course.title, when_text(session), session.place
    return _send(staff_ids, session, lambda: _("The training %(title)s has moved: it is now on %(when)s at "
                                               "%(place)s.", title=title, when=when, place=place or "—"))


def remind(staff_ids: Iterable[int], session: TrainingSession) -> int:
    title, when, place = session.course.title, when_text(session), session.place
    return _send(staff_ids, session, lambda: _("Reminder: the training %(title)s is tomorrow, %(when)s at "
                                               "%(place)s.", title=title, when=when, place=place or "—"),
                 kind=REMINDER)
