"""Marshmallow schemas of `GET /api/v1/me/training`: the caller's own training record."""
from marshmallow import Schema, fields


class HoursSchema(Schema):
    year = fields.Integer()
    hours = fields.Decimal(as_string=True, metadata={"description": "Class hours of the sessions attended."})


class AttemptSchema(Schema):
    id = fields.Integer()
    number = fields.Integer()
    score = fields.Decimal(as_string=True)
    max_score = fields.Decimal(as_string=True)
    pass_score = fields.Decimal(as_string=True)
    passed = fields.Boolean()
    taken_on = fields.Date()


class EnrolmentSchema(Schema):
    session_id = fields.Integer()
    course_code = fields.String()
    course_title = fields.String()
    hours = fields.Decimal(as_string=True)
    day = fields.Date(metadata={"description": "The session's local day."})
    status = fields.String(allow_none=True,
                           metadata={"description": "enrolled, waiting, cancelled (null: an attempt only)."})
    presence = fields.String(allow_none=True, metadata={"description": "unmarked, present, absent, excused."})
    attempts = fields.List(fields.Nested(AttemptSchema))


class CertificateSchema(Schema):
    id = fields.Integer()
    number = fields.String()
    course_code = fields.String()
    course_title = fields.String()
    issued_on = fields.Date()
    expires_on = fields.Date(allow_none=True)
    superseded = fields.Boolean()
    state = fields.String(metadata={"description": "expired, expiring (within 30 days), valid, no_expiry."})


class InductionSchema(Schema):
    id = fields.Integer()
    course_code = fields.String()
    course_title = fields.String()
    kind = fields.String(metadata={"description": "induction, pre_post, general."})
    reason = fields.String(metadata={"description": "hire, transfer."})
    assigned_on = fields.Date()
    due_on = fields.Date()
    completed_on = fields.Date(allow_none=True)
    status = fields.String(metadata={"description": "open, done, waived."})
    overdue = fields.Boolean()


class MyTrainingSchema(Schema):
    staff_number = fields.String(allow_none=True)
    hours_per_year = fields.List(fields.Nested(HoursSchema))
    enrolments = fields.List(fields.Nested(EnrolmentSchema))
    certificates = fields.List(fields.Nested(CertificateSchema))
    inductions = fields.List(fields.Nested(InductionSchema))
