"""Marshmallow schemas of the API: validated input, and output limited to what the token's user may see."""
from datetime import UTC
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, post_dump, validate

from hrapp.blueprints.api.auth import api_user
from hrapp.blueprints.staff.access import can_edit_staff, can_view_sensitive
from hrapp.blueprints.staff.services import STAFF_LISTING
from hrapp.core.listing import MAX_PAGE
from hrapp.core.money_fields import parse_money_or_message
from hrapp.core.people_match import MAX_QUERY
from hrapp.models import EmploymentStatus, Gender, Role

MAX_PER_PAGE = 200
CODE_RE = r"^[A-Za-z0-9_-]+$"
SENSITIVE_FIELDS = ("id_number", "daily_wage_amount", "monthly_base_amount")
HR_ONLY_FIELDS = ("notes",)


class Money(fields.Decimal):
    """Money as a string with 2 decimals ("4500.00"); input is a string (or an integer), never a float.

    Input goes through hrapp.core.money (no rounding, no NaN or infinity, the configured ceiling,
    not negative), so the API refuses what the web form and the import refuse, with the same messages.
    """

    default_error_messages = {"money": _l('Send money as a string such as "4500.00".')}

    def __init__(self, **kwargs):
        kwargs.setdefault("metadata", {}).setdefault("example", "4500.00")
        super().__init__(as_string=True, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.make_error("money")
        try:
            amount = parse_money_or_message(value)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
        if amount is None:
            raise self.make_error("money")
        return amount

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return super()._serialize(Decimal(value).quantize(Decimal("0.01")), attr, obj, **kwargs)


class UtcDateTime(fields.DateTime):
    """Naive UTC datetimes from the database, sent as ISO 8601 with an explicit +00:00."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


def _email_or_empty(value: str) -> None:
    if value:
        validate.Email()(value)


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError(_l("This field is required."))


def _text(max_length: int, **kwargs) -> fields.String:
    return fields.String(validate=validate.Length(max=max_length), **kwargs)


def _optional_id(**kwargs) -> fields.Integer:
    return fields.Integer(strict=True, allow_none=True, load_default=None, **kwargs)


class ErrorSchema(Schema):
    """Every API error."""

    code = fields.String(metadata={"description": "Stable machine-readable code, e.g. validation_error, conflict."})
    message = fields.String(metadata={"description": "Human-readable message in the user's language."})
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()),
                         metadata={"description": "Field name -> messages (validation errors only)."})


class PageArgs(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE),
                          metadata={"description": f"Page number, 1 to {MAX_PAGE} (anything else is a 422)."})
    per_page = fields.Integer(load_default=25, validate=validate.Range(min=1, max=MAX_PER_PAGE),
                              metadata={"description": f"Items per page, 1 to {MAX_PER_PAGE} (larger is a 422)."})


class PageSchema(Schema):
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer(metadata={"description": "Items matching the query, over all pages."})
    pages = fields.Integer()


class RefSchema(Schema):
    """A short reference to a department or position."""

    id = fields.Integer()
    code = fields.String()
    name = fields.String()


class StaffSchema(Schema):
    """A staff record, in and out; restricted keys are dropped per record (see Meta.description)."""

    class Meta:
        description = (
            "A staff record. `id_number`, `daily_wage_amount` and `monthly_base_amount` are present only for HR, "
            "administrators and the person themselves; `notes` only for HR and administrators. For anyone else "
            "these keys are absent (not null). Money is a string with 2 decimals; dates are ISO 8601.")

    id = fields.Integer(dump_only=True)
    staff_number = _text(20, required=True)
    name_zh = _text(40, required=True)
    name_en = _text(80, load_default="")
    gender = fields.Enum(Gender, by_value=True, required=True)
    birth_on = fields.Date(allow_none=True, load_default=None)
    id_number = _text(18, load_default="", metadata={"description": "Sensitive: absent unless you may see it."})
    phone = _text(20, load_default="")
    email = fields.String(load_default="", validate=[validate.Length(max=120), _email_or_empty])
    department_id = fields.Integer(strict=True, required=True)
    department = fields.Nested(RefSchema, dump_only=True)
    position_id = _optional_id()
    position = fields.Nested(RefSchema, dump_only=True, allow_none=True)
    superior_id = _optional_id()
    hire_on = fields.Date(required=True)
    status = fields.Enum(EmploymentStatus, by_value=True, load_default=EmploymentStatus.PROBATION)
    status_since_on = fields.Date(allow_none=True, load_default=None)
    left_on = fields.Date(allow_none=True, load_default=None)
    career_started_on = fields.Date(allow_none=True, load_default=None, metadata={
        "description": "参加工作日期: when cumulative service for annual leave starts (null: the hire date)."})
    probation_ends_on = fields.Date(allow_none=True, load_default=None, metadata={
        "description": "The last day of the probation period (not before the hire date)."})
    contract_ends_on = fields.Date(allow_none=True, load_default=None, metadata={
        "description": "The last day of the labour contract (null: open-ended; not before the hire date)."})
    daily_wage_amount = Money(load_default=Decimal("0.00"),
                              metadata={"description": "Sensitive: absent unless you may see it."})
    monthly_base_amount = Money(load_default=Decimal("0.00"),
                                metadata={"description": "Sensitive: absent unless you may see it."})
    emergency_contact_name = _text(40, load_default="")
    emergency_contact_phone = _text(20, load_default="")
    notes = _text(2000, load_default="", metadata={"description": "HR only: absent for everyone else."})
    version_id = fields.Integer(dump_only=True, metadata={"description": "Send it back on PATCH (or as If-Match)."})
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)

    @post_dump(pass_original=True)
    def _hide_restricted(self, data: dict, original, **kwargs) -> dict:
        """Drop what the token's user may not see; without a user, drop it all (fail closed)."""
        user = api_user()
        hidden = () if user is not None and can_view_sensitive(user, original) else SENSITIVE_FIELDS
        if user is None or not can_edit_staff(user, original):
            hidden += HR_ONLY_FIELDS
        for name in hidden:
            data.pop(name, None)
        return data


class StaffPatchSchema(StaffSchema):
    """A partial update: send only the fields to change, plus the version you read."""

    class Meta:
        description = ("A partial update of a staff record: send only the fields to change, plus `version_id` "
                       "(or an If-Match header with the ETag you read).")

    version_id = fields.Integer(strict=True, metadata={"description": "Required unless sent as If-Match."})
    effective_on = fields.Date(load_only=True, metadata={
        "description": "Date of the transfer, promotion, status or pay change this makes; today if omitted. "
                       "A pay change starts a new record in the person's pay history from this date."})


class StaffPageSchema(PageSchema):
    items = fields.List(fields.Nested(StaffSchema))


SORT_KEYS = [*STAFF_LISTING.sorts, *(f"-{key}" for key in STAFF_LISTING.sorts)]


class StaffListArgs(PageArgs):
    q = _text(MAX_QUERY, load_default="", metadata={
        "description": "Name, pinyin or its initials, staff number or phone (as the staff list's search box)."})
    department_id = fields.Integer(load_default=None, metadata={"description": "Includes sub-departments."})
    position_id = fields.Integer(load_default=None)
    status = fields.Enum(EmploymentStatus, by_value=True, load_default=None)
    sort = fields.String(load_default="staff_number", validate=validate.OneOf(SORT_KEYS),
                         metadata={"description": "A leading '-' sorts descending."})


class DepartmentSchema(Schema):
    """A department; `parent_id` is null for a top-level department."""

    id = fields.Integer(dump_only=True)
    code = fields.String(required=True, validate=[validate.Length(min=1, max=20), validate.Regexp(CODE_RE)],
                         metadata={"description": "Stored upper-case."})
    name = fields.String(required=True, validate=[validate.Length(max=80), _not_blank])
    name_en = _text(80, load_default="")
    parent_id = _optional_id()
    planned_headcount = fields.Integer(strict=True, load_default=0, validate=validate.Range(min=0, max=100000))
    version_id = fields.Integer(dump_only=True)
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class DepartmentPatchSchema(DepartmentSchema):
    """A partial update; `version_id` (or If-Match) is optional here and checked when sent."""

    version_id = fields.Integer(strict=True)


class DepartmentPageSchema(PageSchema):
    items = fields.List(fields.Nested(DepartmentSchema))


class DepartmentListArgs(PageArgs):
    q = _text(100, load_default="", metadata={"description": "Code or name contains this."})
    parent_id = fields.Integer(load_default=None, metadata={"description": "Direct children of this department."})


class MeSchema(Schema):
    id = fields.Integer()
    username = fields.String()
    role = fields.Enum(Role, by_value=True)
    staff_id = fields.Integer(allow_none=True)
    headed_departments = fields.List(fields.Nested(RefSchema))
    permissions = fields.List(fields.String())
