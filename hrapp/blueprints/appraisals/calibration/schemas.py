"""Marshmallow schemas of the cycle results endpoint."""
from marshmallow import Schema, fields

from hrapp.blueprints.api.schemas import PageArgs, PageSchema, UtcDateTime

from .queries import person_of


class ResultArgs(PageArgs):
    """Paging only: the scope is the token user's."""


class ResultSchema(Schema):
    id = fields.Integer(metadata={"description": "The appraisal's id (APPRAISAL_ID of `report appraisal-form`)."})
    staff_number = fields.Function(lambda a: a.staff.staff_number if a.staff else None, allow_none=True,
                                   metadata={"description": "None for a team appraisal."})
    name = fields.Function(lambda a: person_of(a)[1])
    department = fields.Function(lambda a: a.department.code)
    status = fields.Function(lambda a: a.status.value)
    self_total = fields.Decimal(as_string=True, allow_none=True)
    head_total = fields.Decimal(as_string=True, allow_none=True)
    total = fields.Decimal(as_string=True, allow_none=True)
    grade = fields.Function(lambda a: a.grade.value if a.grade else None, allow_none=True)
    calibrated = fields.Boolean()
    published_at = UtcDateTime(allow_none=True)


class ResultPageSchema(PageSchema):
    items = fields.List(fields.Nested(ResultSchema))
