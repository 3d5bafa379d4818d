"""The time clocks' registry: add, change, deactivate / reactivate a device, issue and revoke its API token.
They never commit; the actor is passed in; every change is audited. Receiving punches is in receiving.py."""
import hashlib
import secrets

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.blueprints.attendance.clocks.rules import is_zone
from hrapp.core.errors import check_version
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AttendanceDevice, Department, Punch

DUPLICATE_SERIAL = _l("A time clock with this serial number is already registered.")
UNKNOWN_ZONE = _l("Not a time zone; use a name such as Asia/Shanghai.")
UNKNOWN_DEPARTMENT = _l("No such department.")
unique_field("uq_attendance_devices_serial", "serial", DUPLICATE_SERIAL)
FIELDS = ("serial", "name", "timezone", "department_id", "active")
TOKEN_PREFIX = "clk_"


def token_hash(token: str) -> str:
    """The SHA-256 (hex) under which a device token is stored; the token itself is never kept."""
    return hashlib.sha256(token.encode()).hexdigest()


def _check(serial: str, timezone: str, department_id: int | None, device_id: int | None = None) -> None:
    errors = {}
    taken = db.session.scalar(sa.select(AttendanceDevice.id).where(AttendanceDevice.serial == serial))
    if taken is not None and taken != device_id:
        errors["serial"] = [DUPLICATE_SERIAL]
    if not is_zone(timezone):
        errors["timezone"] = [UNKNOWN_ZONE]
    if department_id is not None and db.session.get(Department, department_id) is None:
        errors["department_id"] = [UNKNOWN_DEPARTMENT]
    if errors:
        raise ValidationFailed(errors)


def create_device(actor, serial: str, name: str, timezone: str, department_id: int | None) -> AttendanceDevice:
    """Register a time clock by its serial number (only registered serials may deliver punches).

    :raise ValidationFailed: the serial is taken (a racing duplicate is refused by the unique constraint,
        declared above for `duplicates_refused`), the zone is unknown, or the department does not exist.
    """
    serial, name, timezone = serial.strip(), name.strip(), timezone.strip()
    _check(serial, timezone, department_id)
    device = AttendanceDevice(serial=serial, name=name, timezone=timezone, department_id=department_id,
                              active=True, created_by_id=getattr(actor, "id", None))
    db.session.add(device)
    db.session.flush()
    audit.record(actor, "attendance_device.create", device, None, audit.snapshot(device, FIELDS),
                 label=device.serial)
    return device


def update_device(actor, device: AttendanceDevice, serial: str, name: str, timezone: str,
                  department_id: int | None, expected_version: int | None) -> None:
    """Change a device's serial, name, zone or department.

    :raise StaleRecord: the device changed since the page was loaded.
    :raise ValidationFailed: as for `create_device`.
    """
    check_version(device, expected_version)
    serial, name, timezone = serial.strip(), name.strip(), timezone.strip()
    _check(serial, timezone, department_id, device.id)
    before = audit.snapshot(device, FIELDS)
    device.serial, device.name, device.timezone, device.department_id = serial, name, timezone, department_id
    db.session.flush()
    changed_before, changed_after = audit.changed_only(before, audit.snapshot(device, FIELDS))
    if changed_after:
        audit.record(actor, "attendance_device.update", device, changed_before, changed_after, label=device.serial)


def set_device_active(actor, device: AttendanceDevice, active: bool, expected_version: int | None) -> None:
    """Deactivate (its pushes and its token are refused; its punches stay) or reactivate a device.

    :raise StaleRecord: the device changed since the page was loaded.
    """
    check_version(device, expected_version)
    if device.active == active:
        return
    device.active = active
    db.session.flush()
    audit.record(actor, "attendance_device.reactivate" if active else "attendance_device.deactivate", device,
                 {"active": not active}, {"active": active}, label=device.serial)


def issue_device_token(actor, device: AttendanceDevice, expected_version: int | None) -> str:
    """A new API token for `device` (replacing any earlier one), returned this once; only its SHA-256 is stored.

    :raise StaleRecord: the device changed since the page was loaded.
    """
    check_version(device, expected_version)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    replaced = device.token_hash is not None
    device.token_hash = token_hash(token)
    db.session.flush()
    audit.record(actor, "attendance_device.token_issue", device, {"has_token": replaced}, {"has_token": True},
                 label=device.serial)
    return token


def revoke_device_token(actor, device: AttendanceDevice, expected_version: int | None) -> bool:
    """Revoke the device's API token (False: it had none).

    :raise StaleRecord: the device changed since the page was loaded.
    """
    check_version(device, expected_version)
    if device.token_hash is None:
        return False
    device.token_hash = None
    db.session.flush()
    audit.record(actor, "attendance_device.token_revoke", device, {"has_token": True}, {"has_token": False},
                 label=device.serial)
    return True


def punch_counts(device_ids: list[int]) -> dict[int, int]:
    """device id -> how many punches it delivered."""
    if not device_ids:
        return {}
    return dict(db.session.execute(sa.select(Punch.device_id, sa.func.count()).where(Punch.device_id.in_(device_ids))
                                   .group_by(Punch.device_id)).all())


def department_choices() -> list[Department]:
    """The departments a device may belong to, by code."""
    return list(db.session.scalars(sa.select(Department).order_by(Department.code)))


def departments_by_id() -> dict[int, Department]:
    """Every department by id (the device pages name a device's department)."""
    return {d.id: d for d in department_choices()}
