"""Marshmallow schemas of `GET /api/v1/me/appraisals`: the caller's own appraisals (results only once published)."""
from marshmallow import Schema, fields

from hrapp.blueprints.api.schemas import PageArgs, PageSchema, UtcDateTime


class MyAppraisalArgs(PageArgs):
    """Pages of the caller's appraisals, newest cycle first."""


class MyAppraisalSchema(Schema):
    id = fields.Integer()
    cycle = fields.String(metadata={"description": "The cycle's name, e.g. 2026-Q3."})
    first_on = fields.Date(metadata={"description": "The cycle's first day."})
    last_on = fields.Date(metadata={"description": "The cycle's last day."})
    status = fields.String(metadata={"description": "self_review, head_review, scored, published, acknowledged, "
                                                    "appealed or decided."})
    result_visible = fields.Boolean(metadata={
        "description": "Whether the result is published; the result fields below are null until it is."})
    total = fields.Decimal(as_string=True, allow_none=True, metadata={"description": "The final total (0–100)."})
    grade = fields.String(allow_none=True, metadata={
        "description": "excellent, good, pass, needs_improvement or fail."})
    respond_by = fields.Date(allow_none=True, metadata={"description": "The last day to acknowledge or appeal."})
    acknowledged = fields.Boolean(allow_none=True)
    acknowledged_by_silence = fields.Boolean(allow_none=True)
    appealed = fields.Boolean(allow_none=True)
    decision = fields.String(allow_none=True, metadata={"description": "upheld or adjusted; null: not decided."})
    acknowledged_at = UtcDateTime(allow_none=True)
    appealed_at = UtcDateTime(allow_none=True)


class MyAppraisalPageSchema(PageSchema):
    items = fields.List(fields.Nested(MyAppraisalSchema))
