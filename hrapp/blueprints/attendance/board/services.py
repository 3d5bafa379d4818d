"""Saving the attendance settings and a shift type's windows (audited; the caller commits)."""
import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.attendance.settings import attendance_settings
from hrapp.core.errors import StaleRecord
from hrapp.extensions import db
from hrapp.models import AttendanceSettings, ShiftType, ShiftWindow

SETTINGS_FIELDS = ("web_punch_networks", "checkin_opens_minutes", "checkout_closes_minutes", "grace_minutes",
                   "half_day_minutes", "overtime_needs_approval", "overtime_minimum_minutes", "corrections_per_month",
                   "penalties_via")
WINDOW_FIELDS = ("checkin_opens_minutes", "checkout_closes_minutes", "grace_minutes", "half_day_minutes")


def version_of(record) -> int:
    """A stored record's version; 0 for one not saved yet (the page of the defaults)."""
    return record.version_id if record is not None and record.id is not None else 0


def update_settings(actor, values: dict, expected_version: int) -> AttendanceSettings:
    """Save the company's attendance policy (`values` by SETTINGS_FIELDS).

    :raise StaleRecord: the settings changed since the page showed `expected_version` (0: the defaults).
    """
    settings = attendance_settings()
    if version_of(settings) != expected_version:
        raise StaleRecord()
    before = audit.snapshot(settings, SETTINGS_FIELDS) if settings.id else {}
    for name in SETTINGS_FIELDS:
        setattr(settings, name, values[name])
    db.session.add(settings)
    after = audit.snapshot(settings, SETTINGS_FIELDS)
    before, after = audit.changed_only(before, after)
    audit.record(actor, "attendance_settings.updated", settings, before, after)
    return settings


def shift_windows() -> dict[int, ShiftWindow]:
    """Shift type id -> its stored windows."""
    return {w.shift_type_id: w for w in db.session.scalars(sa.select(ShiftWindow))}


def update_shift_window(actor, shift_type: ShiftType, values: dict, expected_version: int) -> ShiftWindow:
    """Save a shift type's own windows (`values` by WINDOW_FIELDS, None: the company's).

    :raise StaleRecord: the windows changed since the page showed `expected_version` (0: none stored).
    """
    window = db.session.scalar(sa.select(ShiftWindow).where(ShiftWindow.shift_type_id == shift_type.id))
    if version_of(window) != expected_version:
        raise StaleRecord()
    window = window or ShiftWindow(shift_type_id=shift_type.id)
    before = audit.snapshot(window, WINDOW_FIELDS) if window.id else {}
    for name in WINDOW_FIELDS:
        setattr(window, name, values[name])
    db.session.add(window)
    before, after = audit.changed_only(before, audit.snapshot(window, WINDOW_FIELDS))
    audit.record(actor, "attendance_shift_window.updated", window, before, after, label=shift_type.code)
    return window
