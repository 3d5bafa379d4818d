"""violations: a month's index in time order

Revision ID: 771b28de3978
Revises: a74948df8883
Create Date: 2026-12-02 07:45:59.318514

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '771b28de3978'
down_revision = 'a74948df8883'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('violations', schema=None) as batch_op:
        batch_op.create_index('ix_violations_ledger_month_occurred', ['ledger_month', 'occurred_at'], unique=False)


def downgrade():
    with op.batch_alter_table('violations', schema=None) as batch_op:
        batch_op.drop_index('ix_violations_ledger_month_occurred')

