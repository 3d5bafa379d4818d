"""roster work terms: contracted working days and allowed shifts; the rows of a published roster

Revision ID: f3b044246399
Revises: 05db5ff94649
Create Date: 2026-12-02 04:37:26.849706

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f3b044246399'
down_revision = '05db5ff94649'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('roster_work_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('days_per_month', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('shift_codes', sa.JSON(), nullable=True),
    sa.Column('office_days_only', sa.Boolean(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('(position_id IS NULL) <> (staff_id IS NULL)', name=op.f('ck_roster_work_terms_position_or_staff')),
    sa.ForeignKeyConstraint(['position_id'], ['positions.id'], name=op.f('fk_roster_work_terms_position_id_positions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_members.id'], name=op.f('fk_roster_work_terms_staff_id_staff_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roster_work_terms')),
    sa.UniqueConstraint('position_id', name=op.f('uq_roster_work_terms_position_id')),
    sa.UniqueConstraint('staff_id', name=op.f('uq_roster_work_terms_staff_id'))
    )
    op.create_table('roster_members',
    sa.Column('roster_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['added_by_id'], ['users.id'], name=op.f('fk_roster_members_added_by_id_users')),
    sa.ForeignKeyConstraint(['roster_id'], ['rosters.id'], name=op.f('fk_roster_members_roster_id_rosters'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_members.id'], name=op.f('fk_roster_members_staff_id_staff_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('roster_id', 'staff_id', name=op.f('pk_roster_members'))
    )
    # Rosters published before: their rows are the people with a cell (an empty row showed nothing).
    op.execute("INSERT INTO roster_members (roster_id, staff_id, added_at) "
               "SELECT DISTINCT c.roster_id, c.staff_id, CURRENT_TIMESTAMP FROM roster_cells c "
               "JOIN rosters r ON r.id = c.roster_id WHERE r.status <> 'draft'")
    with op.batch_alter_table('roster_rule_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('working_days_per_month', sa.Numeric(precision=5, scale=2), nullable=False,
                                      server_default="21.75"))
        batch_op.add_column(sa.Column('working_days_tolerance', sa.Numeric(precision=4, scale=2), nullable=False,
                                      server_default="1.00"))



def downgrade():
    with op.batch_alter_table('roster_rule_settings', schema=None) as batch_op:
        batch_op.drop_column('working_days_tolerance')
        batch_op.drop_column('working_days_per_month')

    op.drop_table('roster_members')
    op.drop_table('roster_work_terms')
