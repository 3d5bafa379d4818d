"""Marshmallow schemas of the cycles endpoint."""
from marshmallow import Schema, fields

from hrapp.blueprints.api.schemas import PageArgs, PageSchema


class CycleArgs(PageArgs):
    stage = fields.String(load_default=None, metadata={"description": "Only cycles in this stage (setup, "
                                                                      "self_assessment, head_scoring, calibration, "
                                                                      "published, closed)."})


class CycleSchema(Schema):
    """A cycle with its deadlines and its appraisals counted per status (within what the token's user follows)."""

    id = fields.Integer()
    name = fields.String(metadata={"example": "2026-Q3"})
    period_kind = fields.String(metadata={"description": "quarter, month or year."})
    first_on = fields.Date()
    last_on = fields.Date()
    stage = fields.String()
    self_due_on = fields.Date(allow_none=True)
    head_due_on = fields.Date(allow_none=True)
    calibration_due_on = fields.Date(allow_none=True)
    respond_days = fields.Integer()
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(),
                         metadata={"description": "Appraisal status -> how many: HR all, heads their departments'; "
                                                  "empty for staff."})
    my_status = fields.String(allow_none=True, metadata={"description": "The token's user's own appraisal's "
                                                                        "status in the cycle (null: none)."})


class CyclePageSchema(PageSchema):
    items = fields.List(fields.Nested(CycleSchema))
