"""Staff names' pinyin with the surname's own reading first (曾 zeng, 单 shan, 万俟 moqi): lists sorted by name
file them where Chinese readers look. Data only: the stored pinyin and initials of the people whose name starts
with one of hrapp.core.pinyin.SURNAME_READINGS are computed again.

Revision ID: b7e2c4d1f8a6
Revises: a3f1b7c9d2e5
Create Date: 2026-12-03 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'b7e2c4d1f8a6'
down_revision = 'a3f1b7c9d2e5'
branch_labels = None
depends_on = None


def upgrade():
    from hrapp.core.pinyin import SURNAME_READINGS, name_initials, name_pinyin

    bind = op.get_bind()
    staff = sa.table('staff_members', sa.column('id', sa.Integer), sa.column('name_zh', sa.String),
                     sa.column('name_pinyin', sa.String), sa.column('name_initials', sa.String))
    name = sa.func.trim(staff.c.name_zh)  # the pinyin is of the trimmed name
    starts = sa.or_(*(name.like(f'{surname}%') for surname in SURNAME_READINGS))
    rows = bind.execute(sa.select(staff.c.id, staff.c.name_zh).where(starts)).all()
    for start in range(0, len(rows), 1000):
        bind.execute(staff.update().where(staff.c.id == sa.bindparam('staff_id')).values(
            name_pinyin=sa.bindparam('pinyin'), name_initials=sa.bindparam('initials')),
            [{'staff_id': i, 'pinyin': name_pinyin(n or ''), 'initials': name_initials(n or '')}
             for i, n in rows[start:start + 1000]])


def downgrade():
    """Nothing to undo: the same readings are stored either way, only their order differs (searching finds
    the person by any of them)."""
