"""The company's conduct policy (one row; the defaults until HR saves it)."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import ConductSettings


def conduct_settings() -> ConductSettings:
    """The stored settings row, or an unsaved one with the defaults (3 days to respond, a second approver
    above 500.00, deductions at most 20% of the month's wage, fines on)."""
    return db.session.scalar(sa.select(ConductSettings).limit(1)) or ConductSettings(
        respond_days=3, second_approval_above_amount=Decimal("500.00"), max_deduction_share=Decimal("0.20"),
        fines_enabled=True)
