"""pay history and pay policy settings

Every staff member gets a first pay record, effective on their hire date, carrying their current
monthly base pay; their daily wage is kept as an explicit daily wage only where it differs from
monthly / 21.75 (rounded half-up), so nobody's daily wage changes. StaffMember keeps its two pay
columns as the pay last set (see hrapp/pay.py).

Revision ID: 83fbd9632aaf
Revises: 1b658ed62af9
Create Date: 2026-12-02 02:09:20.756797

"""
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '83fbd9632aaf'
down_revision = '1b658ed62af9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('pay_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('monthly_wage_amount', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('daily_wage_amount', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('note', sa.String(length=255), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_pay_rates_created_by_id_users')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_members.id'], name=op.f('fk_pay_rates_staff_id_staff_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_rates')),
    sa.UniqueConstraint('staff_id', 'effective_on', name='staff_effective_on')
    )
    with op.batch_alter_table('company_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('minimum_monthly_wage_amount', sa.Numeric(precision=10, scale=2), nullable=True))
        batch_op.add_column(sa.Column('paid_days_per_month', sa.Numeric(precision=5, scale=2), server_default='21.75', nullable=False))

    _carry_pay_over()


def _carry_pay_over():
    """One pay record per existing staff member, from StaffMember's pay columns."""
    bind = op.get_bind()
    staff = sa.table("staff_members", sa.column("id"), sa.column("hire_on", sa.Date),
                     sa.column("monthly_base_amount", sa.Numeric(10, 2)), sa.column("daily_wage_amount", sa.Numeric(10, 2)))
    rates = sa.table("pay_rates", sa.column("staff_id"), sa.column("effective_on", sa.Date),
                     sa.column("monthly_wage_amount", sa.Numeric(10, 2)), sa.column("daily_wage_amount", sa.Numeric(10, 2)),
                     sa.column("note"), sa.column("created_at", sa.DateTime))
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = []
    for staff_id, hire_on, monthly, daily in bind.execute(sa.select(staff.c.id, staff.c.hire_on,
                                                                   staff.c.monthly_base_amount, staff.c.daily_wage_amount)):
        monthly, daily = Decimal(monthly or 0), Decimal(daily or 0)
        derived = (monthly / Decimal("21.75")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        rows.append({"staff_id": staff_id, "effective_on": hire_on, "monthly_wage_amount": monthly,
                     "daily_wage_amount": None if daily == derived else daily, "note": "", "created_at": now})
    for start in range(0, len(rows), 1000):
        bind.execute(rates.insert(), rows[start:start + 1000])


def downgrade():
    with op.batch_alter_table('company_settings', schema=None) as batch_op:
        batch_op.drop_column('paid_days_per_month')
        batch_op.drop_column('minimum_monthly_wage_amount')

    op.drop_table('pay_rates')
