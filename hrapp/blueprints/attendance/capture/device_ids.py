"""Device user ids: the unmapped ids waiting for a person, and the people's clock id overrides.

Mapping an id assigns its waiting punches to the person (one UPDATE) and tells the ON_STORED listeners, so the
reconciliation reads them. Services never commit; the actor is passed in.
"""
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.blueprints.attendance.punch_store import ON_STORED
from hrapp.core.errors import check_version
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AttendanceDevice, DeviceUserId, Punch, StaffMember

DUPLICATE_CLOCK_ID = unique_field("uq_attendance_device_user_ids_clock_id", "clock_id",
                                  _l("This clock id is already given to someone."))
DUPLICATE_PERSON = unique_field("uq_attendance_device_user_ids_staff_id", "staff_id",
                                _l("This person already has a clock id; edit it instead."))
TAKEN_NUMBER = _l("This clock id is another person's staff number.")


@dataclass(frozen=True)
class UnmappedId:
    clock_id: str
    count: int
    first_at: datetime
    last_at: datetime
    devices: str


def unmapped_ids() -> list[UnmappedId]:
    """The clock ids of stored punches that map to no one, most recently seen first (two queries)."""
    rows = db.session.execute(
        sa.select(Punch.clock_id, sa.func.count(), sa.func.min(Punch.punched_at), sa.func.max(Punch.punched_at))
        .where(Punch.staff_id.is_(None)).group_by(Punch.clock_id)
        .order_by(sa.func.max(Punch.punched_at).desc())).all()
    devices: dict[str, set[str]] = {}
    for clock_id, name, serial in db.session.execute(
            sa.select(Punch.clock_id, AttendanceDevice.name, AttendanceDevice.serial)
            .join(AttendanceDevice, AttendanceDevice.id == Punch.device_id)
            .where(Punch.staff_id.is_(None)).distinct()):
        devices.setdefault(clock_id, set()).add(name or serial)
    return [UnmappedId(c, n, first, last, ", ".join(sorted(devices.get(c, ())))) for c, n, first, last in rows]


def _check_free(clock_id: str, staff: StaffMember, exclude_id: int | None = None) -> None:
    taken = db.session.scalar(sa.select(DeviceUserId.id).where(DeviceUserId.clock_id == clock_id,
                                                               DeviceUserId.id != (exclude_id or 0)))
    if taken:
        raise ValidationFailed.single("clock_id", DUPLICATE_CLOCK_ID.message)
    number_of = db.session.scalar(sa.select(StaffMember.id).where(StaffMember.staff_number == clock_id))
    if number_of is not None and number_of != staff.id:
        raise ValidationFailed.single("clock_id", TAKEN_NUMBER)


def assign_waiting(clock_id: str, staff: StaffMember) -> int:
    """Give `staff` the unmapped punches of `clock_id` (one UPDATE) and tell the ON_STORED listeners."""
    pairs = [(staff.id, at) for at in db.session.scalars(
        sa.select(Punch.punched_at).where(Punch.clock_id == clock_id, Punch.staff_id.is_(None)))]
    if pairs:
        db.session.execute(sa.update(Punch).where(Punch.clock_id == clock_id, Punch.staff_id.is_(None))
                           .values(staff_id=staff.id))
        for listener in ON_STORED:
            listener(pairs)
    return len(pairs)


def map_clock_id(clock_id: str, staff: StaffMember, actor) -> int:
    """Map an unmapped `clock_id` to `staff`: an override unless it is their staff number, then their waiting
    punches. Returns how many punches were assigned.

    :raise ValidationFailed: the id is someone else's, or the person already has another clock id.
    """
    clock_id = clock_id.strip()
    if clock_id != staff.staff_number:
        _check_free(clock_id, staff)
        if db.session.scalar(sa.select(DeviceUserId.id).where(DeviceUserId.staff_id == staff.id)):
            raise ValidationFailed.single("staff_id", DUPLICATE_PERSON.message)
        db.session.add(DeviceUserId(staff_id=staff.id, clock_id=clock_id, created_by_id=actor.id))
        db.session.flush()
    count = assign_waiting(clock_id, staff)
    audit.record(actor, "attendance.clock_id_mapped", staff, after={"clock_id": clock_id, "punches": count})
    return count


def add_override(staff: StaffMember, clock_id: str, actor) -> DeviceUserId:
    """Give `staff` the clock id `clock_id` (their waiting punches under it are assigned too).

    :raise ValidationFailed: the id is taken, or the person already has one.
    """
    clock_id = clock_id.strip()
    _check_free(clock_id, staff)
    if db.session.scalar(sa.select(DeviceUserId.id).where(DeviceUserId.staff_id == staff.id)):
        raise ValidationFailed.single("staff_id", DUPLICATE_PERSON.message)
    override = DeviceUserId(staff_id=staff.id, clock_id=clock_id, created_by_id=actor.id)
    db.session.add(override)
    db.session.flush()
    assign_waiting(clock_id, staff)
    audit.record(actor, "attendance.clock_id_added", override, after={"clock_id": clock_id}, label=clock_id)
    return override


def change_override(override: DeviceUserId, clock_id: str, expected_version: int | None, actor) -> None:
    """Change a person's clock id (punches already stored keep their person).

    :raise StaleRecord: changed since the page was loaded. :raise ValidationFailed: the id is taken.
    """
    check_version(override, expected_version)
    clock_id = clock_id.strip()
    _check_free(clock_id, override.staff, exclude_id=override.id)
    before = override.clock_id
    override.clock_id = clock_id
    db.session.flush()
    assign_waiting(clock_id, override.staff)
    audit.record(actor, "attendance.clock_id_changed", override, before={"clock_id": before},
                 after={"clock_id": clock_id}, label=clock_id)


def remove_override(override: DeviceUserId, expected_version: int | None, actor) -> None:
    """Remove a person's override: the clocks know them by their staff number again.

    :raise StaleRecord: changed since the page was loaded.
    """
    check_version(override, expected_version)
    audit.record(actor, "attendance.clock_id_removed", override, before={"clock_id": override.clock_id},
                 label=override.clock_id)
    db.session.delete(override)
    db.session.flush()
