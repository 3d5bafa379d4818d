"""Marshmallow schemas of the roster endpoints: query arguments (a period by name or by dates) and the
rosters and shifts returned. Times carry the company's UTC offset (Asia/Shanghai: +08:00)."""
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validates_schema

from hrapp.blueprints.api.schemas import RefSchema, UtcDateTime
from hrapp.core.periods import PeriodError, parse_period
from hrapp.models import PeriodKind

MAX_DAYS = 366


def _period(value: str) -> None:
    try:
        parse_period(value, tuple(PeriodKind))
    except PeriodError as exc:
        raise ValidationError(_l("Use YYYY-MM (a month) or YYYY-Www (an ISO week).")) from exc


def _check_range(first, last, first_name: str) -> None:
    if first is not None and last is not None:
        if last < first:
            raise ValidationError(_l("The end comes before the start."), first_name)
        if (last - first).days >= MAX_DAYS:
            raise ValidationError(_l("Ask for at most %(days)s days.", days=MAX_DAYS), first_name)


class RosterListArgs(Schema):
    department_id = fields.Integer(required=True)
    period = fields.String(load_default=None, validate=_period, metadata={
        "description": "YYYY-MM or YYYY-Www; rosters touching it. Default: the current month."})
    first = fields.Date(load_default=None, metadata={"description": "Instead of `period`: from this day..."})
    last = fields.Date(load_default=None, metadata={"description": "...to this day (inclusive)."})

    @validates_schema
    def _range(self, data: dict, **kwargs) -> None:
        if data.get("period") and (data.get("first") or data.get("last")):
            raise ValidationError(_l("Give either a period or first/last, not both."), "period")
        _check_range(data.get("first"), data.get("last"), "first")


class ShiftsArgs(Schema):
    first = fields.Date(data_key="from", load_default=None, metadata={"description": "Default: today."})
    last = fields.Date(data_key="to", load_default=None, metadata={"description": "Default: 30 days after `from`."})

    @validates_schema
    def _range(self, data: dict, **kwargs) -> None:
        _check_range(data.get("first"), data.get("last"), "from")


class ShiftTypeSchema(Schema):
    code = fields.String()
    name = fields.String()
    name_en = fields.String()
    kind = fields.String(metadata={"description": "work, rest or leave."})
    start = fields.Time(allow_none=True)
    end = fields.Time(allow_none=True, metadata={"description": "At or before `start`: ends the next day."})
    is_night = fields.Boolean()
    colour = fields.String()


class CellSchema(Schema):
    date = fields.Date()
    code = fields.String()
    start = fields.DateTime(allow_none=True, metadata={"description": "Null for rest and leave markers."})
    end = fields.DateTime(allow_none=True)


class TotalsSchema(Schema):
    minutes = fields.Integer(metadata={"description": "Paid minutes (breaks deducted)."})
    work_days = fields.Integer()
    nights = fields.Integer()
    rest_days = fields.Integer()
    leave_days = fields.Integer()


class RosterRowSchema(Schema):
    staff_id = fields.Integer()
    staff_number = fields.String()
    name = fields.String()
    position = fields.String()
    totals = fields.Nested(TotalsSchema)
    cells = fields.List(fields.Nested(CellSchema))


class RosterSchema(Schema):
    """One roster. Only HR, administrators and heads of the department get every row; anyone else gets
    their own row only (and only published or locked rosters)."""

    id = fields.Integer()
    department = fields.Nested(RefSchema)
    period = fields.String(metadata={"description": "YYYY-MM or YYYY-Www."})
    period_kind = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date()
    status = fields.String(metadata={"description": "draft, published or locked."})
    version_id = fields.Integer()
    published_at = UtcDateTime(allow_none=True)
    all_rows = fields.Boolean(metadata={"description": "False when the rows are limited to your own."})
    shift_types = fields.List(fields.Nested(ShiftTypeSchema))
    rows = fields.List(fields.Nested(RosterRowSchema))


class RosterListSchema(Schema):
    department_id = fields.Integer()
    first = fields.Date()
    last = fields.Date()
    items = fields.List(fields.Nested(RosterSchema))


class ShiftSchema(Schema):
    roster_id = fields.Integer()
    department = fields.String()
    date = fields.Date(attribute="day")
    code = fields.String()
    name = fields.String()
    kind = fields.String()
    start = fields.DateTime(allow_none=True)
    end = fields.DateTime(allow_none=True)
    colour = fields.String()
    is_night = fields.Boolean()


class ShiftListSchema(Schema):
    staff_id = fields.Integer(allow_none=True, metadata={"description": "Null for an account without a staff record."})
    first = fields.Date(data_key="from")
    last = fields.Date(data_key="to")
    items = fields.List(fields.Nested(ShiftSchema))
