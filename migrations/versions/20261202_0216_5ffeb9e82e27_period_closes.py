"""period closes: one row per module, period and department that HR closed (and maybe reopened)

Revision ID: 5ffeb9e82e27
Revises: 51db5c29c03a
Create Date: 2026-12-02 02:10:37.979980

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5ffeb9e82e27'
down_revision = '51db5c29c03a'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('period_closes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('module', sa.String(length=40), nullable=False),
    sa.Column('period_kind', sa.Enum('week', 'month', 'quarter', 'year', name='periodkind', native_enum=False, length=20), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=False),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=255), nullable=False),
    sa.Column('reopened_at', sa.DateTime(), nullable=True),
    sa.Column('reopened_by_id', sa.Integer(), nullable=True),
    sa.Column('reopen_reason', sa.String(length=255), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_period_closes_closed_by_id_users')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_period_closes_department_id_departments')),
    sa.ForeignKeyConstraint(['reopened_by_id'], ['users.id'], name=op.f('fk_period_closes_reopened_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_closes')),
    sa.UniqueConstraint('module', 'period_kind', 'starts_on', 'department_id', name='period_closes_one_per_period')
    )
    with op.batch_alter_table('period_closes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_period_closes_department_id'), ['department_id'], unique=False)



def downgrade():
    with op.batch_alter_table('period_closes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_period_closes_department_id'))

    op.drop_table('period_closes')
