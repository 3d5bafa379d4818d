"""Marshmallow schemas of the results endpoint."""
from marshmallow import Schema, fields


class AttemptResultSchema(Schema):
    id = fields.Integer(metadata={"description": "The attempt's id: RESULT_ID of `report training-certificate`."})
    staff_number = fields.Function(lambda a: a.staff.staff_number)
    name = fields.Function(lambda a: a.staff.display_name)
    number = fields.Integer(metadata={"description": "The person's attempt number at the course (1: first)."})
    score = fields.Decimal(as_string=True)
    max_score = fields.Decimal(as_string=True)
    pass_score = fields.Decimal(as_string=True)
    passed = fields.Boolean()
    taken_on = fields.Date()
    certificate_number = fields.Function(lambda a: a.certificate.number if a.certificate else None, allow_none=True)
    certificate_expires_on = fields.Function(
        lambda a: a.certificate.expires_on.isoformat() if a.certificate and a.certificate.expires_on else None,
        allow_none=True)


class SessionResultsSchema(Schema):
    session_id = fields.Integer()
    course_code = fields.String()
    course_title = fields.String()
    starts_at = fields.String()
    attempts = fields.List(fields.Nested(AttemptResultSchema))
