"""Marshmallow schemas of POST /api/v1/attendance/punches: the batch of punches and the answer per item."""
from marshmallow import Schema, fields, validate

MAX_BATCH = 5000


class PunchItemSchema(Schema):
    user_id = fields.String(required=True, validate=validate.Length(min=1, max=32), metadata={
        "description": "The person's id on the clocks: their staff number, or the device user id HR mapped."})
    timestamp = fields.String(required=True, validate=validate.Length(min=10, max=40), metadata={
        "description": "ISO 8601, e.g. 2026-05-04T08:58:00: the device's local time (its registered zone) unless "
                       "it carries an offset (2026-05-04T08:58:00+08:00 or ...Z)."})
    state = fields.Integer(load_default=255, validate=validate.Range(min=0, max=255), metadata={
        "description": "0 check-in, 1 check-out, 2 break out, 3 break in, 4 overtime in, 5 overtime out, "
                       "255 (default) not said; other codes are kept as 255."})
    verify = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=0, max=255), metadata={
        "description": "The terminal's verify mode (1 fingerprint, 15 face, ...), kept as delivered."})


class PunchBatchSchema(Schema):
    punches = fields.List(fields.Nested(PunchItemSchema), required=True,
                          validate=validate.Length(min=1, max=MAX_BATCH),
                          metadata={"description": f"1 to {MAX_BATCH} punches."})


class PunchResultSchema(Schema):
    index = fields.Integer(metadata={"description": "The item's position in the posted list (from 0)."})
    user_id = fields.String()
    status = fields.String(metadata={"description": "stored, duplicate (already stored: posting again is "
                                                    "harmless) or refused."})
    reason = fields.String(allow_none=True, metadata={
        "description": "Why refused: future (ahead of the server's clock), not_employed (outside the person's "
                       "employment), invalid_timestamp."})


class PunchTotalsSchema(Schema):
    stored = fields.Integer()
    duplicates = fields.Integer()
    refused = fields.Integer()
    unmapped = fields.Integer(metadata={"description": "Stored punches whose user id maps to no one yet "
                                                       "(they wait for HR's mapping)."})


class PunchBatchResultSchema(Schema):
    results = fields.List(fields.Nested(PunchResultSchema))
    totals = fields.Nested(PunchTotalsSchema)
