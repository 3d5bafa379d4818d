"""leave requests remember the API's idempotency key

Revision ID: 520b564b2bfc
Revises: f0519853eca2
Create Date: 2026-12-02 10:18:26.731829

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '520b564b2bfc'
down_revision = 'f0519853eca2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('leave_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('idempotency_key', sa.String(length=80), nullable=True))
        batch_op.create_unique_constraint('leave_idempotency_key', ['requested_by_id', 'idempotency_key'])


def downgrade():
    with op.batch_alter_table('leave_requests', schema=None) as batch_op:
        batch_op.drop_constraint('leave_idempotency_key', type_='unique')
        batch_op.drop_column('idempotency_key')
