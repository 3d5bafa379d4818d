"""Leave types HR edits: add one, change one (the defaults keep their codes), take one out of use, delete one
never used. Never commits; the actor is passed in; audited."""
from dataclasses import asdict, dataclass
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.blueprints.leave.defaults import DEFAULT_TYPES
from hrapp.core.errors import check_version
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import LeaveBalanceKind, LeaveEntitlement, LeaveRequest, LeaveType

DEFAULT_CODES = frozenset(row[0] for row in DEFAULT_TYPES)
DUPLICATE_CODE = _l("This code is already used by another leave type.")
unique_field("uq_leave_types_code", "code", DUPLICATE_CODE)
HALF_DAY_FIELDS = ("yearly_days", "max_days", "note_after_days", "carry_over_cap")


@dataclass(frozen=True)
class TypeDraft:
    """A type's settings as entered (names, kind, limits, flags)."""

    code: str
    name: str
    name_en: str
    paid: bool
    balance_kind: str
    yearly_days: Decimal | None
    max_days: Decimal | None
    counts_calendar_days: bool
    half_days: bool
    needs_hr_approval: bool
    note_after_days: Decimal | None
    ignores_blackouts: bool
    carry_over_cap: Decimal
    carry_over_months: int
    sort_order: int


FIELDS = tuple(TypeDraft.__dataclass_fields__)


def draft_problems(draft: TypeDraft) -> dict[str, list]:
    """Field -> messages for a draft's settings (pure)."""
    errors: dict[str, list] = {}
    for name in HALF_DAY_FIELDS:
        value = getattr(draft, name)
        if value is not None and (value < 0 or value > 999 or value * 2 != (value * 2).to_integral_value()):
            errors[name] = [_l("Whole or half days between 0 and 999.")]
    if not 1 <= draft.carry_over_months <= 12:
        errors["carry_over_months"] = [_l("Between 1 and 12 months.")]
    if draft.balance_kind not in LeaveBalanceKind._value2member_map_:
        errors["balance_kind"] = [_l("Choose where the days come from.")]
    return errors


def is_used(leave_type: LeaveType) -> bool:
    """Whether any request or entitlement refers to the type (then it can only be taken out of use)."""
    return any(db.session.scalar(sa.select(sa.exists().where(column == leave_type.id)))
               for column in (LeaveRequest.leave_type_id, LeaveEntitlement.leave_type_id))


def _apply(leave_type: LeaveType, draft: TypeDraft) -> None:
    values = asdict(draft)
    values["balance_kind"] = LeaveBalanceKind(values["balance_kind"])
    values["code"], values["name"], values["name_en"] = draft.code.strip(), draft.name.strip(), draft.name_en.strip()
    for name, value in values.items():
        setattr(leave_type, name, value)


def _taken(code: str, except_id: int | None) -> bool:
    return db.session.scalar(sa.select(LeaveType.id).where(LeaveType.code == code.strip(),
                                                           LeaveType.id != (except_id or -1))) is not None


def create_type(actor, draft: TypeDraft) -> LeaveType:
    """A new leave type, last in the order unless the draft says otherwise.

    :raise ValidationFailed: the settings' problems, or the code is taken.
    """
    errors = draft_problems(draft)
    if _taken(draft.code, None):
        errors["code"] = [DUPLICATE_CODE]
    if errors:
        raise ValidationFailed(errors)
    leave_type = LeaveType()
    _apply(leave_type, draft)
    leave_type.active = True
    db.session.add(leave_type)
    db.session.flush()
    audit.record(actor, "leave_type.create", leave_type, None, audit.snapshot(leave_type, FIELDS))
    return leave_type


def update_type(actor, leave_type: LeaveType, draft: TypeDraft, expected_version: int | None) -> LeaveType:
    """Change a type's settings; the default types keep their codes (rules and migrations know them).

    :raise StaleRecord: it changed since the page was loaded.
    :raise ValidationFailed: the settings' problems, a default's code changed, or the code is taken.
    """
    check_version(leave_type, expected_version)
    errors = draft_problems(draft)
    if leave_type.code in DEFAULT_CODES and draft.code.strip() != leave_type.code:
        errors["code"] = [_l("The code of a default type cannot change.")]
    elif _taken(draft.code, leave_type.id):
        errors["code"] = [DUPLICATE_CODE]
    if errors:
        raise ValidationFailed(errors)
    before = audit.snapshot(leave_type, FIELDS)
    _apply(leave_type, draft)
    db.session.flush()
    changed_before, changed_after = audit.changed_only(before, audit.snapshot(leave_type, FIELDS))
    if changed_after:
        audit.record(actor, "leave_type.update", leave_type, changed_before, changed_after)
    return leave_type


def set_type_active(actor, leave_type: LeaveType, active: bool, expected_version: int | None) -> None:
    """Take a type out of use (no new requests or grants; its records stay) or put it back.

    :raise StaleRecord: it changed since the page was loaded.
    """
    check_version(leave_type, expected_version)
    if leave_type.active == active:
        return
    leave_type.active = active
    db.session.flush()
    audit.record(actor, "leave_type.reactivate" if active else "leave_type.deactivate", leave_type,
                 {"active": not active}, {"active": active})


def delete_type(actor, leave_type: LeaveType, expected_version: int | None) -> None:
    """Delete a type nobody used; a default or a used type is only taken out of use.

    :raise StaleRecord: it changed since the page was loaded.
    :raise ValidationFailed: a default type, or one with requests or entitlements.
    """
    check_version(leave_type, expected_version)
    if leave_type.code in DEFAULT_CODES or is_used(leave_type):
        raise ValidationFailed.single("code", _l("This type is a default or has been used: take it out of use "
                                                 "instead."))
    audit.record(actor, "leave_type.delete", leave_type, audit.snapshot(leave_type, FIELDS), None)
    db.session.delete(leave_type)
    db.session.flush()
