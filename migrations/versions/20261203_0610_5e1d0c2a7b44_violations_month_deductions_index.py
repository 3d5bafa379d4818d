"""A month's deductions per person from an index alone: violations by ledger month, state, person and amount (the
guard rail's flagged people on HR's home and at the close).

Revision ID: 5e1d0c2a7b44
Revises: cc0ff559ee74
Create Date: 2026-12-03 06:10:00

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '5e1d0c2a7b44'
down_revision = 'cc0ff559ee74'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_violations_month_state_staff_amount', 'violations',
                    ['ledger_month', 'state', 'staff_id', 'amount'], unique=False)


def downgrade():
    op.drop_index('ix_violations_month_state_staff_amount', table_name='violations')
