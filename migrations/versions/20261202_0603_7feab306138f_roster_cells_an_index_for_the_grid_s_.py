"""roster cells: an index for the grid's per-day staffing counts

Revision ID: 7feab306138f
Revises: f3b044246399
Create Date: 2026-12-02 06:03:48.150414

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '7feab306138f'
down_revision = 'f3b044246399'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('roster_cells', schema=None) as batch_op:
        batch_op.create_index('ix_roster_cells_roster_day_type', ['roster_id', 'day', 'shift_type_id'], unique=False)


def downgrade():
    with op.batch_alter_table('roster_cells', schema=None) as batch_op:
        batch_op.drop_index('ix_roster_cells_roster_day_type')
