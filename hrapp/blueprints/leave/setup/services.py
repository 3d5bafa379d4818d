"""Blackout periods (peak seasons when a department, or the whole company, takes no leave): create, edit, delete,
and `blackout_for`, the check the requests part makes. Never commits; the actor is passed in; audited."""
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.core.approvers import department_chain
from hrapp.core.errors import check_version
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import Department, LeaveBlackout, LeaveType, StaffMember

FIELDS = ("department_id", "starts_on", "ends_on", "reason")
MAX_DAYS = 366


def blackout_for(staff: StaffMember, first: date, last: date, leave_type: LeaveType) -> LeaveBlackout | None:
    """The blackout that refuses `leave_type` for `staff` from `first` to `last` (inclusive local days), or None.

    None when the type ignores blackouts (sick, bereavement, maternity, work injury by default). Otherwise the
    earliest period overlapping the days that is company-wide or set for the person's department or one above it.
    """
    if leave_type.ignores_blackouts:
        return None
    return db.session.scalar(sa.select(LeaveBlackout).where(
        LeaveBlackout.starts_on <= last, LeaveBlackout.ends_on >= first,
        sa.or_(LeaveBlackout.department_id.is_(None),
               LeaveBlackout.department_id.in_(department_chain(staff.department))))
        .order_by(LeaveBlackout.starts_on, LeaveBlackout.id).limit(1))


def _check(starts_on: date, ends_on: date, reason: str) -> None:
    errors = {}
    if ends_on < starts_on:
        errors["ends_on"] = [_l("The end comes before the start.")]
    elif (ends_on - starts_on).days >= MAX_DAYS:
        errors["ends_on"] = [_l("A blackout lasts at most a year.")]
    if not (reason or "").strip():
        errors["reason"] = [_l("Say why no leave is taken then (e.g. the National Day golden week).")]
    if errors:
        raise ValidationFailed(errors)


def create_blackout(actor, department: Department | None, starts_on: date, ends_on: date,
                    reason: str) -> LeaveBlackout:
    """A blackout for `department` (None: the whole company).

    :raise ValidationFailed: the end before the start, longer than a year, or no reason.
    """
    _check(starts_on, ends_on, reason)
    blackout = LeaveBlackout(department_id=department.id if department else None, starts_on=starts_on,
                             ends_on=ends_on, reason=reason.strip(), created_by_id=getattr(actor, "id", None))
    db.session.add(blackout)
    db.session.flush()
    audit.record(actor, "leave_blackout.create", blackout, None, audit.snapshot(blackout, FIELDS),
                 label=blackout.starts_on.isoformat())
    return blackout


def update_blackout(actor, blackout: LeaveBlackout, department: Department | None, starts_on: date, ends_on: date,
                    reason: str, expected_version: int | None) -> LeaveBlackout:
    """Change a blackout's department, days or reason.

    :raise StaleRecord: it changed since the page was loaded.
    :raise ValidationFailed: as `create_blackout`.
    """
    check_version(blackout, expected_version)
    _check(starts_on, ends_on, reason)
    before = audit.snapshot(blackout, FIELDS)
    blackout.department_id = department.id if department else None
    blackout.starts_on, blackout.ends_on, blackout.reason = starts_on, ends_on, reason.strip()
    db.session.flush()
    changed_before, changed_after = audit.changed_only(before, audit.snapshot(blackout, FIELDS))
    if changed_after:
        audit.record(actor, "leave_blackout.update", blackout, changed_before, changed_after,
                     label=blackout.starts_on.isoformat())
    return blackout


def delete_blackout(actor, blackout: LeaveBlackout, expected_version: int | None) -> None:
    """Remove a blackout (requests already decided keep their decision).

    :raise StaleRecord: it changed since the page was loaded.
    """
    check_version(blackout, expected_version)
    audit.record(actor, "leave_blackout.delete", blackout, audit.snapshot(blackout, FIELDS), None,
                 label=blackout.starts_on.isoformat())
    db.session.delete(blackout)
    db.session.flush()
