"""Marshmallow schemas of the leave request endpoints."""
from marshmallow import Schema, fields, validate

from hrapp.blueprints.api.schemas import PageArgs, PageSchema, UtcDateTime
from hrapp.models import LeaveStatus


class LeaveRequestArgs(PageArgs):
    staff_number = fields.String(load_default=None, validate=validate.Length(max=20))
    from_ = fields.Date(load_default=None, data_key="from",
                        metadata={"description": "Requests that end on or after this day."})
    to = fields.Date(load_default=None, metadata={"description": "Requests that start on or before this day."})
    status = fields.String(load_default=None, validate=validate.OneOf([s.value for s in LeaveStatus]))


class MyLeaveArgs(PageArgs):
    status = fields.String(load_default=None, validate=validate.OneOf([s.value for s in LeaveStatus]))


class LeaveRequestCreateSchema(Schema):
    """A request for one's own leave: it goes to the approvers at once (a type needing a note is asked on the web
    page, where the note is attached)."""

    leave_type = fields.String(required=True, validate=validate.Length(min=1, max=20),
                               metadata={"description": "A type's code: annual, sick, personal, rest_owed, ..."})
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    starts_afternoon = fields.Boolean(load_default=False)
    ends_at_noon = fields.Boolean(load_default=False)
    reason = fields.String(load_default="", validate=validate.Length(max=500))


class LeaveRequestSchema(Schema):
    id = fields.Integer()
    staff_id = fields.Integer()
    staff_number = fields.Function(lambda r: r.staff.staff_number)
    staff_name = fields.Function(lambda r: r.staff.display_name)
    department_id = fields.Integer()
    leave_type = fields.Function(lambda r: r.leave_type.code)
    starts_on = fields.Date()
    ends_on = fields.Date()
    starts_afternoon = fields.Boolean()
    ends_at_noon = fields.Boolean()
    days = fields.Decimal(as_string=True)
    reason = fields.String()
    status = fields.Function(lambda r: r.status.value)
    decision_note = fields.String()
    original_ends_on = fields.Date(allow_none=True)
    created_at = UtcDateTime()
    version_id = fields.Integer()


class LeaveRequestPageSchema(PageSchema):
    items = fields.List(fields.Nested(LeaveRequestSchema))
