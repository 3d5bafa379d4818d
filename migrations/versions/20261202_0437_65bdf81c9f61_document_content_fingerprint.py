"""document content fingerprint: what the record said when a document was built, and its SHA-256

Revision ID: 65bdf81c9f61
Revises: 2c8bdb1e1c97
Create Date: 2026-12-02 04:37:35.828580

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '65bdf81c9f61'
down_revision = '2c8bdb1e1c97'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('content', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_column('content')
        batch_op.drop_column('content_sha256')
