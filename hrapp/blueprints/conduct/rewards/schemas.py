"""Marshmallow schemas of the reward endpoints."""
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validate

from hrapp.blueprints.api.schemas import Money, PageArgs, PageSchema, UtcDateTime
from hrapp.blueprints.conduct.rewards.listing import month
from hrapp.blueprints.conduct.rewards.rules import MAX_REASON, REWARD_KINDS
from hrapp.models import RewardState


def _month(value: str) -> None:
    try:
        month(value)
    except ValueError as exc:
        raise ValidationError(_l("Use YYYY-MM.")) from exc


class RewardListArgs(PageArgs):
    month = fields.String(load_default=None, validate=_month,
                          metadata={"description": "YYYY-MM: rewards in that month's ledger."})
    department_id = fields.Integer(load_default=None, metadata={
        "description": "Rewards of this department and its sub-departments (narrows your scope, never widens it)."})
    state = fields.String(load_default=None, validate=validate.OneOf([s.value for s in RewardState]))


class RewardCreateSchema(Schema):
    """A reward proposal: sent to HR and the general manager at once."""

    staff_number = fields.String(required=True, validate=validate.Length(min=1, max=20))
    rule_code = fields.String(required=True, validate=validate.Length(min=1, max=20),
                              metadata={"description": "A reward rule of the catalogue, e.g. R-2."})
    kind = fields.String(required=True, validate=validate.OneOf(REWARD_KINDS))
    awarded_on = fields.Date(required=True)
    amount = Money(load_default=None, allow_none=True,
                   metadata={"description": "A bonus only: within the rule's range."})
    reason = fields.String(required=True, validate=validate.Length(min=1, max=MAX_REASON))


class RewardSchema(Schema):
    id = fields.Integer()
    number = fields.String(metadata={"description": "The reward's reference, e.g. R2026-000045."})
    staff_id = fields.Integer()
    staff_number = fields.Function(lambda r: r.staff.staff_number)
    staff_name = fields.Function(lambda r: r.staff.display_name)
    department_id = fields.Integer()
    rule_code = fields.Function(lambda r: r.rule.code)
    kind = fields.Function(lambda r: r.kind.value)
    awarded_on = fields.Date()
    amount = Money()
    points = fields.Decimal(as_string=True)
    reason = fields.String()
    state = fields.Function(lambda r: r.state.value)
    ledger_month = fields.String()
    source = fields.Function(lambda r: r.source.value)
    proposed_by_id = fields.Integer()
    decided_by_id = fields.Integer()
    decided_at = UtcDateTime()
    decision_reason = fields.String()
    version_id = fields.Integer()


class RewardPageSchema(PageSchema):
    items = fields.List(fields.Nested(RewardSchema))


class MyRewardListSchema(Schema):
    staff_id = fields.Integer(allow_none=True)
    items = fields.List(fields.Nested(RewardSchema))
