"""Marshmallow schemas of GET /api/v1/conduct/rules: the query arguments and each rule with its current terms."""
from marshmallow import Schema, fields, validate

from hrapp.blueprints.api.schemas import Money, UtcDateTime
from hrapp.models import RuleCategory


class RuleListArgs(Schema):
    category = fields.String(load_default=None, validate=validate.OneOf([c.value for c in RuleCategory]),
                             metadata={"description": "penalty or reward; default: both."})
    active = fields.Boolean(load_default=None, metadata={
        "description": "true: rules offered for new records; false: deactivated ones; default: all."})


class StepSchema(Schema):
    occurrence = fields.Integer(metadata={"description": "From this occurrence within the look-back window on."})
    multiplier = fields.Decimal(as_string=True, metadata={"description": "The fine and points × this."})
    measure = fields.String(metadata={"description": "warning, written_warning, final_warning, ..."})


class TierSchema(Schema):
    from_minutes = fields.Integer()
    to_minutes = fields.Integer(allow_none=True, metadata={"description": "null: open-ended."})
    amount = Money()
    points = fields.Decimal(as_string=True)


class TermsSchema(Schema):
    """What the current version says (amounts are strings with 2 decimals, points with 1)."""

    number = fields.Integer(metadata={"description": "The version number (violations keep theirs)."})
    effective_at = UtcDateTime()
    title_zh = fields.String()
    title_en = fields.String()
    kind = fields.String(metadata={"description": "fine_range, fine_min, daily_wage_multiple, amount_multiple, "
                                                  "compensation, dismissal, handbook, warning, commendation, bonus, "
                                                  "promotion."})
    form = fields.String(metadata={"description": "fine, points or both (penalties)."})
    min_amount = Money(allow_none=True)
    max_amount = Money(allow_none=True)
    factor = fields.Decimal(as_string=True, allow_none=True)
    points = fields.Decimal(as_string=True, allow_none=True)
    serious_measure = fields.String()
    lookback_days = fields.Integer(allow_none=True)
    ladder = fields.List(fields.Nested(StepSchema))
    tiers = fields.List(fields.Nested(TierSchema))
    note = fields.String()


class RuleSchema(Schema):
    id = fields.Integer()
    code = fields.String()
    category = fields.String()
    active = fields.Boolean()
    version = fields.Nested(TermsSchema, metadata={"description": "The current version."})


class RuleListSchema(Schema):
    items = fields.List(fields.Nested(RuleSchema))
