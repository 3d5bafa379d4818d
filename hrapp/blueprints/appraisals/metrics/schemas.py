"""Marshmallow schemas of the KPI import endpoint."""
from marshmallow import Schema, fields, validate

from .kpi_rows import MAX_ENTRIES


class KpiValueInSchema(Schema):
    staff_number = fields.String(required=True, metadata={"description": "The person's staff number."})
    kpi_code = fields.String(required=True, metadata={
        "description": "A KPI code the person's appraisal reads (csat, order_completion, calls_per_day, sales ...)."})
    value = fields.Raw(required=True, metadata={
        "description": "A non-negative number (or its text): csat 1–5, order_completion 0–100."})


class KpiImportInSchema(Schema):
    values = fields.List(fields.Nested(KpiValueInSchema), required=True,
                         validate=validate.Length(min=1, max=MAX_ENTRIES),
                         metadata={"description": f"1 to {MAX_ENTRIES} values; all stored or none."})


class KpiImportSchema(Schema):
    id = fields.Integer()
    cycle_id = fields.Integer()
    source = fields.Function(lambda i: i.source.value)
    row_count = fields.Integer()
    imported_at = fields.Function(lambda i: i.imported_at.isoformat() + "Z")
