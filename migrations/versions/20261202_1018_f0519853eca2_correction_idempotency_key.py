"""Attendance corrections: the API's Idempotency-Key (unique per requester).

Revision ID: f0519853eca2
Revises: 3c2542ecc333
Create Date: 2026-12-02 10:18:50.364234

"""
import sqlalchemy as sa
from alembic import op

revision = 'f0519853eca2'
down_revision = '3c2542ecc333'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attendance_corrections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('idempotency_key', sa.String(length=80), nullable=True))
        batch_op.create_unique_constraint('correction_idempotency_key', ['requested_by_id', 'idempotency_key'])


def downgrade():
    with op.batch_alter_table('attendance_corrections', schema=None) as batch_op:
        batch_op.drop_constraint('correction_idempotency_key', type_='unique')
        batch_op.drop_column('idempotency_key')
