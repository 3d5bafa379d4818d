"""What the correction pages read: the lists (through hrapp.core.listing), a correction's history."""
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.core.listing import Filter, Listing, like_escape, positive_int
from hrapp.extensions import db
from hrapp.models import AttendanceCorrection, AuditEntry, CorrectionStatus, StaffMember

from .access import correction_scope
from .audit_labels import AUDIT
from .rules import month_bounds

ALL = "all"


def _status(value: str):
    """A status, or ALL (no filter); the list shows the pending ones when nothing is asked for."""
    return ALL if value == ALL else CorrectionStatus(value)


def _month(value: str) -> date:
    year, month = value.split("-")
    return date(int(year), int(month), 1)


def _in_month(query: sa.Select, first: date) -> sa.Select:
    return query.where(AttendanceCorrection.day.between(*month_bounds(first)))


def _text(query: sa.Select, value: str) -> sa.Select:
    pattern = f"%{like_escape(value)}%"
    return query.where(sa.or_(StaffMember.name_zh.ilike(pattern, escape="\\"),
                              StaffMember.name_en.ilike(pattern, escape="\\"),
                              StaffMember.staff_number.ilike(pattern, escape="\\")))


LISTING = Listing(
    sorts={"day": AttendanceCorrection.day, "created": AttendanceCorrection.created_at,
           "staff": StaffMember.staff_number},
    default_sort="-created",
    tiebreak=(AttendanceCorrection.id.desc(),),
    filters=(
        Filter("status", lambda q, v: q if v == ALL else q.where(AttendanceCorrection.status == v), _status),
        Filter("department_id", lambda q, v: q.where(AttendanceCorrection.department_id == v), positive_int),
        Filter("month", _in_month, _month, max_length=7),
        Filter("q", _text),
    ),
)


def corrections_query(user) -> sa.Select:
    """Every correction `user` may see, with its person."""
    return (sa.select(AttendanceCorrection).join(StaffMember, StaffMember.id == AttendanceCorrection.staff_id)
            .options(joinedload(AttendanceCorrection.staff)).where(correction_scope(user)))


def corrections_of(staff_id: int, limit: int = 100) -> list[AttendanceCorrection]:
    """The person's corrections, newest day first."""
    return list(db.session.scalars(sa.select(AttendanceCorrection).where(AttendanceCorrection.staff_id == staff_id)
                                   .order_by(AttendanceCorrection.day.desc(), AttendanceCorrection.id.desc())
                                   .limit(limit)))


def history(correction: AttendanceCorrection) -> list[tuple]:
    """(when, what, who, note) of the correction's audited steps, oldest first."""
    labels = AUDIT.actions
    rows = db.session.execute(
        sa.select(AuditEntry).options(joinedload(AuditEntry.actor))
        .where(AuditEntry.target_type == "AttendanceCorrection", AuditEntry.target_id == correction.id)
        .order_by(AuditEntry.at, AuditEntry.id)).scalars()
    return [(e.at, labels.get(e.action, e.action), e.actor, (e.after or {}).get("note", "")) for e in rows]
