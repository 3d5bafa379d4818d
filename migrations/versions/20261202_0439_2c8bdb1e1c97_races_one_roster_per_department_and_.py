"""races: one roster per department and period, one open swap per key, submission tokens

Rosters: a unique (department, period kind, period start). A database holding duplicates made by the old race
stops here with the list, for HR to delete the extra (empty) drafts first.
Swaps: `open_key` is filled for the oldest open swap of each key; later identical ones keep NULL (the
mixin sets the key on their next change, when the constraint then answers as a duplicate).

Revision ID: 2c8bdb1e1c97
Revises: f8ac25bb4456
Create Date: 2026-12-02 04:39:10.638836

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '2c8bdb1e1c97'
down_revision = 'f8ac25bb4456'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('submission_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('endpoint', sa.String(length=120), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_submission_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_tokens')),
    sa.UniqueConstraint('token', name=op.f('uq_submission_tokens_token'))
    )
    with op.batch_alter_table('submission_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_tokens_used_at'), ['used_at'], unique=False)

    bind = op.get_bind()
    duplicates = bind.execute(sa.text(
        "SELECT department_id, period_kind, starts_on FROM rosters "
        "GROUP BY department_id, period_kind, starts_on HAVING COUNT(*) > 1")).all()
    if duplicates:
        raise RuntimeError(f"Several rosters for one department and period; delete the extra ones first: {duplicates}")
    with op.batch_alter_table('rosters', schema=None) as batch_op:
        batch_op.create_unique_constraint('roster_department_period', ['department_id', 'period_kind', 'starts_on'])

    with op.batch_alter_table('shift_swaps', schema=None) as batch_op:
        batch_op.add_column(sa.Column('open_key', sa.String(length=160), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_shift_swaps_open_key'), ['open_key'])
    swaps = bind.execute(sa.text(
        "SELECT id, roster_id, requester_id, requester_day, partner_id, partner_day FROM shift_swaps "
        "WHERE status IN ('proposed', 'accepted') ORDER BY id")).all()
    seen = set()
    for swap_id, roster_id, requester_id, requester_day, partner_id, partner_day in swaps:
        key = f"{roster_id}:{requester_id}:{str(requester_day)[:10]}:{partner_id}:{str(partner_day)[:10]}"
        if key not in seen:
            seen.add(key)
            bind.execute(sa.text("UPDATE shift_swaps SET open_key = :key WHERE id = :id"), {"key": key, "id": swap_id})



def downgrade():
    with op.batch_alter_table('shift_swaps', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_shift_swaps_open_key'), type_='unique')
        batch_op.drop_column('open_key')

    with op.batch_alter_table('rosters', schema=None) as batch_op:
        batch_op.drop_constraint('roster_department_period', type_='unique')

    with op.batch_alter_table('submission_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_tokens_used_at'))

    op.drop_table('submission_tokens')
