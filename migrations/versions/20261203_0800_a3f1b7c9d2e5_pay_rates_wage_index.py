"""The wage in force on a day from an index alone: pay records by person, date and monthly wage (the ledger's
wages and the guard rail's flagged people on HR's home and at the close).

Revision ID: a3f1b7c9d2e5
Revises: 5e1d0c2a7b44
Create Date: 2026-12-03 08:00:00

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a3f1b7c9d2e5'
down_revision = '5e1d0c2a7b44'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_pay_rates_staff_effective_wage', 'pay_rates',
                    ['staff_id', 'effective_on', 'monthly_wage_amount'], unique=False)


def downgrade():
    op.drop_index('ix_pay_rates_staff_effective_wage', table_name='pay_rates')
