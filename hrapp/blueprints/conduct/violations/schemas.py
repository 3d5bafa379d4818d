"""Marshmallow schemas of the violations API: the list's arguments, a violation out, a violation to record."""
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validate

from hrapp.blueprints.api.schemas import Money, PageArgs, PageSchema, UtcDateTime
from hrapp.blueprints.conduct.violations.forms import MAX_MINUTES
from hrapp.blueprints.conduct.violations.queries import MONTH_RE
from hrapp.core.urls import DB_INT_MAX
from hrapp.models import ViolationState


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError(_l("This field is required."))


class ViolationListArgs(PageArgs):
    month = fields.String(load_default=None, validate=validate.Regexp(MONTH_RE, error=_l("Use YYYY-MM.")),
                          metadata={"description": "The ledger month, YYYY-MM."})
    department_id = fields.Integer(load_default=None, validate=validate.Range(min=1, max=DB_INT_MAX),
                                   metadata={"description": "Includes sub-departments."})
    state = fields.Enum(ViolationState, by_value=True, load_default=None)


class MyViolationArgs(PageArgs):
    pass


class ViolationSchema(Schema):
    """A violation as its viewer sees it. `number` ("V2026-000123") is what notices and the CLI use."""

    id = fields.Integer()
    number = fields.String()
    staff_number = fields.String(attribute="staff.staff_number")
    staff_name = fields.String(attribute="staff.name_zh")
    department_id = fields.Integer()
    rule_code = fields.String(attribute="rule.code")
    rule_version = fields.Integer(attribute="rule_version.number")
    rule_title = fields.String(attribute="rule_version.title_zh")
    occurred_at = UtcDateTime()
    place = fields.String()
    description = fields.String()
    witnesses = fields.String()
    serious = fields.Boolean()
    amount_involved = Money(allow_none=True)
    minutes = fields.Integer(allow_none=True)
    amount = Money()
    points = fields.Decimal(as_string=True)
    measure = fields.String(attribute="measure.value")
    occurrence = fields.Integer()
    ladder_multiplier = fields.Decimal(as_string=True)
    ledger_month = fields.String()
    state = fields.String(attribute="state.value")
    source = fields.String(attribute="source.value")
    submitted_at = UtcDateTime(allow_none=True)
    respond_by = fields.Date(allow_none=True)
    decision = fields.String()
    decision_reason = fields.String()
    version_id = fields.Integer()


class ViolationPageSchema(PageSchema):
    items = fields.List(fields.Nested(ViolationSchema))


class ViolationCreateSchema(Schema):
    """A violation to record (a head for the staff of their departments, HR for anyone)."""

    staff_number = fields.String(required=True, validate=[_not_blank, validate.Length(max=32)])
    rule_code = fields.String(required=True, validate=[_not_blank, validate.Length(max=20)])
    occurred_at = fields.DateTime(required=True, metadata={
        "description": "ISO 8601; without an offset it is the company's local time."})
    amount = Money(load_default=None, allow_none=True,
                   metadata={"description": "Where the rule asks for one (a range, a minimum, compensation)."})
    amount_involved = Money(load_default=None, allow_none=True)
    minutes = fields.Integer(load_default=None, allow_none=True, strict=True,
                             validate=validate.Range(min=1, max=MAX_MINUTES))
    serious = fields.Boolean(load_default=False)
    place = fields.String(load_default="", validate=validate.Length(max=120))
    description = fields.String(load_default="", validate=validate.Length(max=4000))
    witnesses = fields.String(load_default="", validate=validate.Length(max=255))
    submit = fields.Boolean(load_default=True, metadata={"description": "False: keep it as a draft."})
