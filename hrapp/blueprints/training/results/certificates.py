"""Certificates over time: the expiry reminders the tick sends (30 and 7 days before, once each, to the person
and the heads of their department) and the overdue list (expired or expiring within 30 days, not superseded)
with its XLSX export. The reminders never commit; the list only reads."""
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import contains_eager, joinedload

from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.blueprints.training import rules
from hrapp.blueprints.training.access import person_scope
from hrapp.company import company_today
from hrapp.core.approvers import department_approvers
from hrapp.core.listing import Filter, Listing, positive_int
from hrapp.core.sheets import Table
from hrapp.extensions import db
from hrapp.models import Certificate, Course, EmploymentStatus, StaffMember, User
from hrapp.notifications import notify

CERTIFICATE_KIND = "training.certificate"
SOON_DAYS = max(rules.EXPIRY_REMINDER_DAYS)  # the overdue list shows certificates expiring within this many days
EXPIRED, EXPIRING = "expired", "expiring"


def valid_expiring(today: date, days: int = SOON_DAYS, *, expired: bool = False) -> sa.ColumnElement[bool]:
    """SQL condition on Certificate: not superseded, of a person still employed, expiring within `days` days
    from `today` (today included); with `expired`, also those whose last valid day has passed (the overdue
    list). The expiry reminders, the overdue list and the HR desk all select with it."""
    until = Certificate.expires_on <= today + timedelta(days=days)
    employed = sa.exists().where(StaffMember.id == Certificate.staff_id, StaffMember.status != EmploymentStatus.LEFT)\
        .correlate(Certificate)
    return sa.and_(Certificate.superseded.is_(False), Certificate.expires_on.is_not(None),
                   until if expired else sa.and_(Certificate.expires_on >= today, until), employed)


def _columns(days: int):
    return {30: Certificate.reminded_30_at, 7: Certificate.reminded_7_at}[days]


def _recipients(certificate: Certificate) -> tuple[list[User], list[User]]:
    """The person's own accounts, and their department's heads (not the person again)."""
    own = db.session.scalars(sa.select(User).where(User.staff_id == certificate.staff_id,
                                                   User.is_enabled.is_(True)).order_by(User.id)).all()
    mine = {u.id for u in own}
    return own, [u for u in department_approvers(certificate.staff.department) if u.id not in mine]


def _text(certificate: Certificate, days_left: int):
    staff, course = certificate.staff, certificate.course
    return lambda: _("Certificate %(number)s of %(name)s for %(course)s expires on %(day)s (in %(days)s days).",
                     number=certificate.number, name=staff.display_name, course=course.title,
                     day=certificate.expires_on.isoformat(), days=days_left)


def due_reminder(expires_on: date, today: date, sent: dict[int, bool]) -> int | None:
    """Which reminder (30 or 7) is due for a certificate expiring on `expires_on`, given which were sent: the
    nearest one whose day has come while the certificate is still valid; None when none is due."""
    left = (expires_on - today).days
    if left < 0:
        return None
    for days in sorted(rules.EXPIRY_REMINDER_DAYS):
        if left <= days:
            return None if sent[days] else days
    return None


def send_certificate_reminders(now: datetime) -> int:
    """The tick task "training.certificate_reminders": 30 and 7 days (company-local) before a certificate expires
    (valid_expiring: not superseded, of a person still employed), its person and the heads of their department are
    told, once each. A reminder is claimed with a conditional update first, so two ticks at once send it once.
    Never commits."""
    today = company_today(now)
    rows = db.session.scalars(sa.select(Certificate)
                              .options(joinedload(Certificate.staff), joinedload(Certificate.course))
                              .where(valid_expiring(today),
                                     sa.or_(Certificate.reminded_30_at.is_(None), Certificate.reminded_7_at.is_(None)))
                              .order_by(Certificate.id)).all()
    sent = 0
    for certificate in rows:
        flags = {d: getattr(certificate, f"reminded_{d}_at") is not None for d in rules.EXPIRY_REMINDER_DAYS}
        days = due_reminder(certificate.expires_on, today, flags)
        if days is None:
            continue
        # the nearer reminder makes the farther one pointless: both are claimed
        claimed = {d: now for d in rules.EXPIRY_REMINDER_DAYS if d >= days and not flags[d]}
        values = {f"reminded_{d}_at": at for d, at in claimed.items()}
        won = db.session.execute(sa.update(Certificate).where(
            Certificate.id == certificate.id, _columns(days).is_(None)).values(**values)
            .execution_options(synchronize_session=False)).rowcount
        if not won:
            continue
        db.session.refresh(certificate)
        own, heads = _recipients(certificate)
        text = _text(certificate, (certificate.expires_on - today).days)
        notify(own, text, "/training/records/mine", kind=CERTIFICATE_KIND)  # their own record, not the HR list
        notify(heads, text, f"/training/results/certificates?person={certificate.staff.staff_number}",
               kind=CERTIFICATE_KIND)
        sent += 1
    return sent


def _state(query: sa.Select, value: str) -> sa.Select:
    today = company_today()
    if value == EXPIRED:
        return query.where(Certificate.expires_on < today)
    return query.where(Certificate.expires_on >= today)


def _state_value(value: str) -> str:
    if value not in (EXPIRED, EXPIRING):
        raise ValueError(value)
    return value


def _person(query: sa.Select, text: str) -> sa.Select:
    return query.where(sa.or_(StaffMember.staff_number == text, StaffMember.name_zh.contains(text, autoescape=True)))


CERTIFICATES = Listing(
    sorts={"expires": Certificate.expires_on, "person": StaffMember.staff_number, "course": Course.code,
           "number": Certificate.number},
    default_sort="expires",
    tiebreak=(Certificate.id,),
    filters=(
        Filter("department", lambda q, d: q.where(StaffMember.department_id.in_(department_subtree_ids(d))),
               parse=positive_int, max_length=18),
        Filter("course", lambda q, c: q.where(Certificate.course_id == c), parse=positive_int, max_length=18),
        Filter("state", _state, parse=_state_value, max_length=10),
        Filter("person", _person, max_length=40),
    ),
)


def overdue_query(user, today: date | None = None) -> sa.Select:
    """Certificates `user` may see (heads: their departments' people; HR: all; None: the command line, all) that
    are not superseded and have expired or expire within 30 days, of people still employed, person (with their department) and course loaded."""
    today = today or company_today()
    scope = person_scope(user, Certificate.staff_id) if user is not None else sa.true()
    return (sa.select(Certificate).join(Certificate.staff).join(Certificate.course)
            .options(contains_eager(Certificate.staff).joinedload(StaffMember.department),
                     contains_eager(Certificate.course))
            .where(scope, valid_expiring(today, expired=True)))


def certifying_courses() -> list[Course]:
    return list(db.session.scalars(sa.select(Course).where(Course.certificate_months.is_not(None))
                                   .order_by(Course.code)))


def export_table(query: sa.Select) -> Table:
    """The filtered list as one sheet."""
    today = company_today()
    rows = [(c.staff.staff_number, c.staff.display_name, c.staff.department.code, c.course.code, c.course.title,
             c.number, c.issued_on, c.expires_on, (c.expires_on - today).days)
            for c in db.session.scalars(query.limit(20000)).unique()]
    return Table(_("Certificates"), [_("Staff number"), _("Name"), _("Department"), _("Course code"), _("Course"),
                                     _("Certificate number"), _("Issued on"), _("Expires on"), _("Days left")], rows)
