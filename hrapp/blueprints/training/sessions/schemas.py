"""Marshmallow schemas of the sessions endpoint."""
from marshmallow import Schema, fields

from hrapp.blueprints.api.schemas import PageArgs, PageSchema


class SessionArgs(PageArgs):
    from_ = fields.Date(load_default=None, data_key="from",
                        metadata={"description": "Sessions ending on or after this local day."})
    to = fields.Date(load_default=None, metadata={"description": "Sessions starting on or before this local day."})


class SessionSchema(Schema):
    """A session with its seats taken and its waiting list's length; times in the company's zone."""

    id = fields.Integer()
    course_code = fields.String()
    course_title = fields.String()
    department = fields.String(allow_none=True, metadata={"description": "The department's code; null: all."})
    starts_at = fields.String(metadata={"description": "ISO 8601 with the company's offset."})
    ends_at = fields.String(metadata={"description": "ISO 8601 with the company's offset."})
    place = fields.String()
    capacity = fields.Integer()
    enrolled = fields.Integer()
    waiting = fields.Integer()
    trainer = fields.String(metadata={"description": "The trainer's staff number and name, or the outside name."})
    status = fields.String()


class SessionPageSchema(PageSchema):
    items = fields.List(fields.Nested(SessionSchema))
