"""Pay services: the company's pay policy, the wage in force on a day, and recording a pay change.

The arithmetic is in the pure hrapp.core.pay. Like every service these never commit; the actor is
passed in. StaffMember's two pay columns hold the pay last set (what the staff form, the import,
the export and the API show); the history here is what `wage_on` answers from.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.core.money import DEFAULT_PAID_DAYS_PER_MONTH
from hrapp.core.money_fields import money_ceiling
from hrapp.core.pay import PayPolicy, Wage, explicit_daily_for, wage_of
from hrapp.extensions import db
from hrapp.models import CompanySettings, PayRate, StaffMember


def pay_policy() -> PayPolicy:
    """The pay policy in force: Config.MONEY_MAX_AMOUNT and the company settings (defaults if none saved)."""
    row = db.session.execute(sa.select(CompanySettings.minimum_monthly_wage_amount,
                                       CompanySettings.paid_days_per_month).limit(1)).first()
    minimum, paid_days = row if row else (None, None)
    return PayPolicy(max_amount=money_ceiling(), minimum_monthly_wage=minimum or None,
                     paid_days_per_month=paid_days or DEFAULT_PAID_DAYS_PER_MONTH)


def wage_on(staff: StaffMember, day: date, policy: PayPolicy | None = None) -> Wage | None:
    """The wage in force for `staff` on `day` (the latest record effective on or before it); None
    before their first record. One query: the paid days per month come from `policy` when given,
    else from the company settings in the same statement."""
    paid_days = sa.select(CompanySettings.paid_days_per_month).limit(1).scalar_subquery()
    row = db.session.execute(sa.select(PayRate, paid_days)
                             .where(PayRate.staff_id == staff.id, PayRate.effective_on <= day)
                             .order_by(PayRate.effective_on.desc()).limit(1)).first()
    if row is None:
        return None
    rate, stored_days = row
    days = policy.paid_days_per_month if policy else (stored_days or DEFAULT_PAID_DAYS_PER_MONTH)
    return wage_of(rate.monthly_wage_amount, rate.daily_wage_amount, days, rate.effective_on)


@dataclass(frozen=True)
class PayHistoryRow:
    """One line of a person's pay history: the record and the wage it gives."""

    rate: PayRate
    wage: Wage
    in_force: bool


def pay_history(staff: StaffMember, today: date, policy: PayPolicy | None = None) -> list[PayHistoryRow]:
    """Every pay record of `staff`, newest first, each with its wage; `in_force` marks today's."""
    policy = policy or pay_policy()
    rates = db.session.scalars(sa.select(PayRate).where(PayRate.staff_id == staff.id)
                               .order_by(PayRate.effective_on.desc())).all()
    current = next((r.id for r in rates if r.effective_on <= today), None)
    return [PayHistoryRow(r, wage_of(r.monthly_wage_amount, r.daily_wage_amount, policy.paid_days_per_month,
                                     r.effective_on), r.id == current) for r in rates]


def record_pay(staff: StaffMember, monthly: Decimal, daily: Decimal, effective_on: date, actor,
               note: str = "", policy: PayPolicy | None = None, is_new_staff: bool = False) -> PayRate:
    """Record that `staff` is paid `monthly` (and `daily`) from `effective_on`.

    A record already effective on that date is replaced (not looked for when `is_new_staff`); the
    daily wage is stored only if it is not what the monthly wage gives anyway
    (hrapp.core.pay.explicit_daily_for). The amounts are assumed checked (staff rules). The caller
    writes the employment event and the audit row, whose before/after carry both amounts.
    """
    policy = policy or pay_policy()
    rate = None if is_new_staff else db.session.scalar(
        sa.select(PayRate).where(PayRate.staff_id == staff.id, PayRate.effective_on == effective_on))
    if rate is None:
        rate = PayRate(staff_id=staff.id, effective_on=effective_on)
        db.session.add(rate)
    rate.monthly_wage_amount = monthly
    rate.daily_wage_amount = explicit_daily_for(monthly, daily, policy.paid_days_per_month)
    rate.note = note[:255]
    rate.created_by_id = getattr(actor, "id", None)
    return rate
